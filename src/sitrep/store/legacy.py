"""Bring a database written by sitrep's first store (events as bare JSON, no schema version) to the current schema."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Column, Date, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Connection

from sitrep.store.codec import event_from_dict
from sitrep.store.rows import event_columns, record_row
from sitrep.store.schema import documents, event_documents, event_records, events

_FIRST_EVENTS_COLUMNS = {"id", "event_date", "record"}
_first = MetaData()
_first_documents = Table("first_documents", _first, Column("id", String), Column("content_hash", String),
                         Column("url", Text), Column("title", Text), Column("source", Text),
                         Column("published", Date), Column("language", String), Column("text", Text))
_first_events = Table("first_events", _first, Column("record", Text))


def is_first_store(conn: Connection) -> bool:
    """True for a database with the first store's tables and no Alembic version."""
    insp = inspect(conn)
    return (insp.has_table("events") and not insp.has_table("alembic_version")
            and {c["name"] for c in insp.get_columns("events")} == _FIRST_EVENTS_COLUMNS)


def set_aside(conn: Connection) -> None:
    """Rename the first store's tables (and drop their indexes, whose names the new schema reuses)."""
    for table in ("documents", "events"):
        for ix in inspect(conn).get_indexes(table):
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{ix["name"]}"')
        conn.exec_driver_sql(f'ALTER TABLE "{table}" RENAME TO "first_{table}"')


def copy_back(conn: Connection) -> None:
    """Fill the new tables from the renamed ones, then drop those."""
    now = datetime.now(timezone.utc)
    docs = [dict(r._mapping, ingested_at=now) for r in conn.execute(select(_first_documents))]
    if docs:
        conn.execute(documents.insert(), docs)
    rows, records, links = [], [], []
    for (record,) in conn.execute(select(_first_events.c.record)):
        e = event_from_dict(json.loads(record))
        rows.append(dict(event_columns(e, now), created_at=now))
        records.append(record_row(e))
        links += [{"event_id": e.id, "doc_id": d} for d in sorted({s.doc_id for s in e.sources})]
    if rows:
        conn.execute(events.insert(), rows)
        conn.execute(event_records.insert(), records)
    if links:
        conn.execute(event_documents.insert(), links)
    conn.exec_driver_sql("DROP TABLE first_events")
    conn.exec_driver_sql("DROP TABLE first_documents")
