"""PostgreSQL: the newest-first sort index, and trigram indexes for the API's substring searches.

The event list's default order is `event_date DESC NULLS LAST, id`: a btree in exactly that
order gives a page without sorting the matches. The API searches part of an actor's name
(`actor1`, `actor2`, `assoc_actor_1`, `assoc_actor_2`) and words of the `notes` with ILIKE
'%...%'; GIN indexes of trigrams (pg_trgm) answer those without reading every row. pg_trgm is an
extension that a database user may not be allowed to create: then the trigram indexes are
skipped with a logged notice and the searches scan the table as before; the migration never fails
for it. SQLite needs nothing here: its default order uses ix_events_event_date read backwards
(NULLs sort last in descending order there anyway), and its substring searches are answered from
the narrow indexes of revision 0002 (and, in `sitrep serve`, from the memory index).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("sitrep.store")

SORT_INDEX = "ix_events_event_date_desc_id"
TRIGRAM_INDEXES = {
    "ix_events_notes_trgm": ["notes"],
    "ix_events_actor_names_trgm": ["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"],
}


def _create_trigram_extension(bind) -> bool:
    """CREATE EXTENSION pg_trgm in a savepoint: a refusal (no rights, not installed) rolls back only that."""
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return True
    except DBAPIError as err:
        reason = str(getattr(err, "orig", err)).strip().splitlines()[0]
        log.warning("sitrep: pg_trgm is not available (%s): substring searches of actors and notes will scan the "
                    "events table; a superuser can run CREATE EXTENSION pg_trgm and reopen the database", reason)
        return False


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {SORT_INDEX} ON events (event_date DESC NULLS LAST, id)")
    if not _create_trigram_extension(bind):
        return
    for name, columns in TRIGRAM_INDEXES.items():
        ops = ", ".join(f"{c} gin_trgm_ops" for c in columns)
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON events USING gin ({ops})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in [*TRIGRAM_INDEXES, SORT_INDEX]:
        op.execute(f"DROP INDEX IF EXISTS {name}")
