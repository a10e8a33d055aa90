"""The database schema: SQLAlchemy Core tables that the store writes and the HTTP API reads.

This module is the contract between `store` (writes) and `serve` (reads, and writes reviews).
Columns are only ever ADDED, never renamed or removed; every change comes with an Alembic
revision in `store/migrations/versions/`. The same tables work on SQLite and PostgreSQL.

Tables
------
documents
    One row per ingested report. `id` is the input id (or one derived from url/content hash);
    `content_hash` is `model.content_hash(text)`; `ingested_at` is when it was stored (UTC).

events
    One row per Event (`id` is sitrep_id, stable across re-runs on the same input). The scalar
    columns are a flattened copy of the Event for filtering and sorting (names follow ACLED's
    codebook: `event_date`, `date_precision` = ACLED time_precision 1 day / 2 week / 3 month,
    `inter1`/`inter2`/`interaction`, `geo_precision` 1 town / 2 near / 3 region, `country_code`
    ISO 3166-1 alpha-2). Actor columns hold the normalized actor name; the associated actors are
    `; `-joined. The whole Event is in `event_records` (below), not in this table, so that these
    rows stay narrow and a filter, count or sort over them reads little. The flat
    columns are derived from the record whenever the store writes an event (use
    `Store.update_event`, which keeps both in step).
    `review_status` is one of REVIEW_STATUSES. An event whose status is not 'unreviewed' is never
    overwritten by a later pipeline run: the human's version is kept.
    `created_at` / `updated_at` are UTC datetimes of the first and the last write.

event_records
    `record`: the WHOLE Event as a JSON string (mentions, sources, claims, evidence spans), one
    row per event (`event_id` -> events.id, deleted with it). `record` is the truth: read it with
    `sitrep.store.codec.event_from_json(row.record)` (join on `event_records.c.event_id ==
    events.c.id`) and write it with `event_to_json(event)`. Until revision 0002 it was a column
    of `events`.

event_documents
    Which documents an event rests on: (event_id, doc_id), both directions indexed. Rows of an
    event are deleted with it. For an event a human reviewed, a later report that the pipeline
    merged into it is linked here too (new evidence since the review), while `record` keeps the
    human's version. `doc_id` has no foreign key so that events built outside a run
    (the Python API) can be stored without their documents.

data_version
    One row, id 1: `version` goes up by one in every transaction in which the Store writes
    (`save` that changed anything, `update_event`). Readers that keep answers compare it.

review_log
    Every human action on an event: `action` (e.g. 'accept', 'edit', 'reject', 'reopen'),
    `user`, free-text `reason`, the event's JSON `before` and `after` (as in `record`), and `at`
    (UTC). Written by `Store.update_event` in the same transaction as the event itself. Rows are
    kept even if the event later disappears (no foreign key).

Reading and writing through `sitrep.store.Store(db)` (db: SQLite path or URL such as
postgresql+psycopg://user@host/db): `.engine` (SQLAlchemy Engine, for your own SELECTs on these
tables), `.get_event(id)`, `.update_event(event, user, action, reason)` (action 'accept' / 'edit' /
'reject' / 'reopen' sets review_status), `.review_history(event_id)`, `.get_document(id)`,
`.documents_of_event(id)`, `.events_of_document(doc_id)`, `.count_events(review_status=None)`, `.data_version()`,
`.events()` / `.iter_events()`, and `.reads` (the dashboard's queries: `store/reads.py`).
Opening a Store creates or migrates the database (Alembic, head).
Timestamps read back from SQLite are naive: treat them as UTC.
"""

from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        SmallInteger, String, Table, Text)

# Named constraints so that Alembic migrations can refer to them on every engine.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

REVIEW_STATUSES = ("unreviewed", "accepted", "edited", "rejected")
# Indexes made on SQLite only (see the events table); schema comparisons skip them elsewhere.
SQLITE_ONLY_INDEXES = frozenset({"ix_events_actor_names", "ix_events_notes_event_date_id"})
# PostgreSQL only, made by revision 0003 (the trigram ones only where pg_trgm could be created).
# Their sort directions and operator classes are beyond what a schema comparison reads back.
POSTGRES_ONLY_INDEXES = frozenset({"ix_events_event_date_desc_id", "ix_events_notes_trgm",
                                   "ix_events_actor_names_trgm"})


def on_this_engine(obj, name, type_, reflected, compare_to, dialect: str = "") -> bool:
    """Alembic's include_object hook: False for an index this engine does not have by design."""
    if type_ != "index":
        return True
    return not ((name in SQLITE_ONLY_INDEXES and dialect != "sqlite") or name in POSTGRES_ONLY_INDEXES)

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("published", Date),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True)),
)

events = Table(
    "events", metadata,
    Column("id", Text, primary_key=True),
    Column("event_date", Date),
    Column("date_precision", SmallInteger),
    Column("year", Integer),
    Column("disorder_type", Text),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("inter1", SmallInteger),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter2", SmallInteger),
    Column("interaction", SmallInteger),
    Column("civilian_targeting", Boolean, nullable=False, default=False),
    Column("country", Text),
    Column("country_code", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("admin3", Text),
    Column("location", Text),
    Column("geonameid", Integer),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", SmallInteger),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injuries", Integer),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("confidence", Float),
    Column("disagreement", Boolean, nullable=False, default=False),
    Column("notes", Text),
    Column("review_status", String(16), nullable=False, default="unreviewed"),
    Column("created_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True)),
    # The merge window query: same country, dates near each other.
    Index("ix_events_country_code_event_date", "country_code", "event_date"),
    Index("ix_events_event_date", "event_date"),
    # The dashboard's filters and sort keys; a filter's (column, event_date) index also gives the
    # default newest-first order of its page without sorting every match.
    Index("ix_events_event_type_sub_event_type", "event_type", "sub_event_type"),
    Index("ix_events_event_type_event_date", "event_type", "event_date"),
    Index("ix_events_sub_event_type_event_date", "sub_event_type", "event_date"),
    Index("ix_events_fatalities_event_date", "fatalities", "event_date"),
    # Covering (ids and dates in the index): a map box's page is sorted without reading rows.
    Index("ix_events_latitude_longitude_event_date_id", "latitude", "longitude", "event_date", "id"),
    # SQLite only: substring searches (LIKE '%...%') scan these narrow indexes instead of the
    # table. Not on PostgreSQL, whose btree entries have a size limit that long notes would pass.
    Index("ix_events_actor_names", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "event_date",
          "id").ddl_if(dialect="sqlite"),
    Index("ix_events_notes_event_date_id", "notes", "event_date", "id").ddl_if(dialect="sqlite"),
    Index("ix_events_country_code_event_type_event_date", "country_code", "event_type", "event_date"),
    # PostgreSQL also has POSTGRES_ONLY_INDEXES, made by revision 0003 and not declared here (a
    # sort direction and operator classes that schema comparisons cannot read back): events
    # (event_date DESC NULLS LAST, id), the default newest-first order of a page without a sort,
    # and GIN trigram indexes of notes and of the actor names when pg_trgm is available.
    Index("ix_events_actor1", "actor1"),
    Index("ix_events_actor2", "actor2"),
    Index("ix_events_admin1", "admin1"),
    Index("ix_events_review_status_confidence", "review_status", "confidence"),  # the review queue
    Index("ix_events_updated_at", "updated_at"),
)

# The whole Event as JSON, one row per event, kept apart so that `events` rows stay narrow: a
# filter or count that no index answers then scans a few hundred bytes per event, not kilobytes.
event_records = Table(
    "event_records", metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("record", Text, nullable=False),
)

event_documents = Table(
    "event_documents", metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", Text, primary_key=True),
    Index("ix_event_documents_doc_id", "doc_id"),
)

# One row (id 1) whose `version` every write through the Store raises, in the same transaction:
# a reader that keeps answers (the API's response cache) checks it with one primary-key lookup.
data_version = Table(
    "data_version", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False, default=0),
)

review_log = Table(
    "review_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", Text, nullable=False),
    Column("user", Text, nullable=False, default=""),
    Column("action", Text, nullable=False),
    Column("reason", Text),
    Column("before", Text),
    Column("after", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_review_log_event_id", "event_id"),
    Index("ix_review_log_at", "at"),
)
