"""Pick the writer by extension and keep ACLED's publication rule (month-level date, region-level place)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitrep.model import MONTH, REGION, Event

FORMATS = (".csv", ".jsonl", ".geojson", ".parquet")


def publishable(e: Event) -> bool:
    """Like ACLED, files hold only events dated at least to the month and placed at least to a region,
    and never an event a reviewer rejected. A date or place with no precision recorded counts as precise."""
    return (e.review_status != "rejected"
            and e.date is not None and (e.date_precision or MONTH) <= MONTH
            and e.place is not None and (e.geo_precision or REGION) <= REGION)


def check_path(path: str | Path) -> None:
    """Refuse a file sitrep cannot write, before anything is done: an extension of no format
    (`FORMATS`) or a folder that does not exist (ValueError naming the file)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"cannot write {path}: use {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise ValueError(f"cannot write {path}: no folder {path.parent}")


def write(events: Iterable[Event], path: str | Path, include_all: bool = False) -> int:
    """Write events to `path` (format by extension); returns how many were written.

    Without `include_all`, events that fail `publishable` stay out of the file.
    """
    from sitrep.export import acled_csv, geojson, jsonl, parquet

    writers = {".csv": acled_csv.write, ".jsonl": jsonl.write, ".geojson": geojson.write, ".parquet": parquet.write}
    check_path(path)
    suffix = Path(path).suffix.lower()
    rows = [e for e in events if include_all or publishable(e)]
    rows.sort(key=lambda e: (e.date.isoformat() if e.date else "", e.id))
    writers[suffix](rows, Path(path))
    return len(rows)
