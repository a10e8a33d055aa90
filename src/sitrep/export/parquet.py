"""Events as Parquet, with the CSV's columns."""

from __future__ import annotations

from pathlib import Path

from sitrep.model import Event


def write(events: list[Event], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.export.acled_csv import COLUMNS, event_row

    rows = [event_row(e) for e in events]
    table = pa.table({c: [str(r[c]) for r in rows] for c in COLUMNS})
    pq.write_table(table, path)
