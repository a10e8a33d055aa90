"""Score the whole pipeline against ACLED's own coding of its notes (acled_sample_2022.csv).

Each row's `notes` becomes a Document published on the row's upload date (`timestamp`, unix
seconds), never on the gold event date, and goes through `sitrep.pipeline.extract` on its own.
Each gold row is matched to the produced event that agrees best with it: same sub-type first,
then same event type, then the most confident. The figures are over all gold rows (a row with no
event scores 0 on every field): event type, sub-type, exact date, place within 10 km
(haversine; 0 when no place), exact fatalities (no figure counts as 0, as in ACLED), actor1's
category (gold inter1 against actor1's inter code); plus the share of notes with no event and the
extra events per note. `limit` scores the first N rows, so samples are deterministic.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from sitrep.evaluate.report import Report
from sitrep.geo.distance import haversine_km
from sitrep.model import Document, Event

DEFAULT_FILE = "acled_sample_2022.csv"
NEAR_KM = 10.0


def read_rows(path: str | Path, limit: int | None = None) -> list[dict]:
    """The gold rows (dicts of ACLED's columns), the first `limit` of them when given."""
    path = Path(path)
    if path.is_dir():
        path = path / DEFAULT_FILE
    csv.field_size_limit(sys.maxsize)
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"notes", "event_date", "event_type", "sub_event_type", "timestamp"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: not an ACLED export (missing columns: {', '.join(sorted(missing))})")
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def document_of(row: dict) -> Document:
    """The row's notes as a Document, published on the upload date (never the event date)."""
    published = None
    try:
        published = datetime.fromtimestamp(int(float(row["timestamp"])), tz=timezone.utc).date()
    except (TypeError, ValueError, OverflowError):
        pass
    return Document(id=row.get("event_id_cnty") or row["notes"][:40], text=row["notes"] or "",
                    source=row.get("source") or None, published=published)


def best_match(row: dict, events: list[Event]) -> Event | None:
    """The event that agrees best with the gold row: sub-type, then type, then confidence."""
    if not events:
        return None
    return max(events, key=lambda e: (e.sub_event_type == row["sub_event_type"],
                                      e.event_type == row["event_type"], e.confidence))


def _int(value: str, default: int = 0) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def field_hits(row: dict, e: Event | None) -> dict[str, bool]:
    """Which fields of the matched event agree with the gold row."""
    if e is None:
        return dict.fromkeys(METRICS, False)
    near = False
    if e.place is not None and row.get("latitude") and row.get("longitude"):
        near = haversine_km(e.place.latitude, e.place.longitude, float(row["latitude"]), float(row["longitude"])) <= NEAR_KM
    return {
        "event_type_accuracy": e.event_type == row["event_type"],
        "sub_event_type_accuracy": e.sub_event_type == row["sub_event_type"],
        "date_exact": e.date is not None and e.date.isoformat() == row["event_date"],
        "location_within_10km": near,
        "fatalities_exact": (e.fatalities or 0) == _int(row.get("fatalities")),
        "actor1_category_agreement": e.actor1 is not None and e.actor1.inter == _int(row.get("inter1"), -1),
        "admin1_agreement": e.place is not None and _same_name(e.place.admin1, row.get("admin1") or ""),
    }


def _same_name(ours: str, gold: str) -> bool:
    """Admin names agree when equal after folding case, diacritics and punctuation ("Sa'dah" = "Sadah")."""
    from sitrep.geo.folding import same_name

    return bool(gold) and same_name(ours, gold)


METRICS = ("event_type_accuracy", "sub_event_type_accuracy", "date_exact", "location_within_10km",
           "fatalities_exact", "actor1_category_agreement", "admin1_agreement")


def score(gold: str | Path, limit: int | None = None) -> Report:
    """Run the pipeline on each gold note and compare its events with ACLED's coding."""
    from sitrep.pipeline import extract

    rows = read_rows(gold, limit)
    hits: Counter = Counter()
    no_event = extra = failed = 0
    confusion: Counter = Counter()
    sub_confusion: Counter = Counter()
    started = time.perf_counter()
    for row in rows:
        try:
            events = extract([document_of(row)])
        except Exception as err:  # a failing note scores 0 and is counted, never stops the run
            print(f"sitrep: evaluate acled: {row.get('event_id_cnty')}: {type(err).__name__}: {err}", file=sys.stderr)
            events, failed = [], failed + 1
        no_event += not events
        extra += max(0, len(events) - 1)
        match = best_match(row, events)
        hits.update(k for k, ok in field_hits(row, match).items() if ok)
        confusion[(row["event_type"], match.event_type if match else "(none)")] += 1
        sub_confusion[(row["sub_event_type"], match.sub_event_type if match else "(none)")] += 1
    seconds = time.perf_counter() - started
    n = max(1, len(rows))
    metrics = {k: hits[k] / n for k in METRICS}
    metrics["notes_without_event"] = no_event / n
    metrics["extra_events_per_note"] = extra / n
    metrics["notes_per_second"] = len(rows) / seconds if seconds else 0.0
    return Report("ACLED notes (acled_sample_2022)", metrics,
                  {"gold_rows": len(rows), "notes_without_event": no_event, "notes_failed": failed},
                  details="\n".join(filter(None, [_confusion_table(confusion, "type"),
                                                   _confusion_table(sub_confusion, "sub-event type")])))


def _confusion_table(confusion: Counter, what: str) -> str:
    """Gold (sub-event) type -> the matched event's, the most frequent disagreements."""
    wrong = [(k, v) for k, v in confusion.most_common() if k[0] != k[1]][:12]
    if not wrong:
        return ""
    lines = [f"most frequent {what} disagreements (gold -> sitrep):"]
    lines += [f"  {g} -> {p}: {v}" for (g, p), v in wrong]
    return "\n".join(lines)
