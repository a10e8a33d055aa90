"""Move each event's JSON `record` out of `events` into `event_records`; index the dashboard's filters; data_version.

With the record (kilobytes) in the same row, every filter or count that no index answers read
the whole wide row on SQLite. The record now lives in its own table, one row per event.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NEW_INDEXES = {
    "ix_events_event_type_event_date": ["event_type", "event_date"],
    "ix_events_sub_event_type_event_date": ["sub_event_type", "event_date"],
    "ix_events_fatalities_event_date": ["fatalities", "event_date"],
    "ix_events_latitude_longitude_event_date_id": ["latitude", "longitude", "event_date", "id"],
    "ix_events_country_code_event_type_event_date": ["country_code", "event_type", "event_date"],
}

# Substring searches scan these on SQLite; PostgreSQL's btree entries are too small for long notes.
SQLITE_INDEXES = {
    "ix_events_actor_names": ["actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "event_date", "id"],
    "ix_events_notes_event_date_id": ["notes", "event_date", "id"],
}


def _drop_record_column() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (>= 3.35) drops a plain column in place. Batch mode would instead copy `events`
        # and DROP the original, and with foreign keys on that drop deletes every row of
        # event_documents and event_records through their ON DELETE CASCADE.
        op.execute("ALTER TABLE events DROP COLUMN record")
    else:
        op.drop_column("events", "record")


def upgrade() -> None:
    op.create_table(
        "event_records",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_records_event_id_events",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", name="pk_event_records"),
    )
    op.execute("INSERT INTO event_records (event_id, record) SELECT id, record FROM events")
    _drop_record_column()
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, columns in {**NEW_INDEXES, **(SQLITE_INDEXES if sqlite else {})}.items():
        op.create_index(name, "events", columns)
    version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_version"),
    )
    op.bulk_insert(version, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("data_version")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in {**NEW_INDEXES, **(SQLITE_INDEXES if sqlite else {})}:
        op.drop_index(name, table_name="events")
    op.add_column("events", sa.Column("record", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE events SET record = (SELECT r.record FROM event_records r WHERE r.event_id = events.id)")
    op.drop_table("event_records")
