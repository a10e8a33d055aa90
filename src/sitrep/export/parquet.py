"""Events as Parquet with the CSV's columns, typed: ints as int64, floats as float64, dates as date32."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.model import Event


def arrow_schema():
    import pyarrow as pa

    from sitrep.export.acled_csv import COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

    def kind(c):
        if c in INT_COLUMNS:
            return pa.int64()
        if c in FLOAT_COLUMNS:
            return pa.float64()
        if c in DATE_COLUMNS:
            return pa.date32()
        return pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in COLUMNS])


def write(events: list[Event], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.export.acled_csv import COLUMNS, DATE_COLUMNS, event_row

    rows = [event_row(e) for e in events]
    columns = {c: [r[c] for r in rows] for c in COLUMNS}
    for c in DATE_COLUMNS:
        columns[c] = [date.fromisoformat(v) if v else None for v in columns[c]]
    pq.write_table(pa.table(columns, schema=arrow_schema()), path)
