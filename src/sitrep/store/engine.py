"""Open a database (SQLite path or URL) with the right settings and bring its schema to the newest revision."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK = 7_154_000_001  # any constant: the advisory lock key sitrep's migrations take on PostgreSQL


def database_url(db: str) -> str:
    """A path becomes a SQLite URL; a URL is kept."""
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the API read while a run writes; foreign keys make event_documents follow events.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(db: str) -> Engine:
    """An Engine for a SQLite path or any SQLAlchemy URL (postgresql+psycopg://...)."""
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_reader(engine: Engine) -> sqlite3.Connection | None:
    """A plain sqlite3 connection to the engine's SQLite file, for small reads in autocommit mode
    (each one sees what is committed when it runs); None for any other database, and for SQLite
    in memory, where a second connection would open another, empty database.

    Why: a one-row lookup through SQLAlchemy costs several times the query itself; `sitrep run`
    makes one per document."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.query or url.database in (None, "", ":memory:") \
            or url.database.startswith("file:"):
        return None
    # not tied to one thread: the Store serializes its use with a lock
    return sqlite3.connect(url.database, timeout=30, isolation_level=None, check_same_thread=False)


def alembic_config(engine_url: str | None = None):
    """Alembic's Config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Run `alembic upgrade head` on the engine's database unless it is already at head.

    A database written by sitrep's first store (no Alembic version) is converted in the same
    transaction; a foreign `events` table is refused with a clear error.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new database at once (a run and `sitrep serve`): one migrates.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        from sitrep.store import legacy

        first_store = current is None and legacy.is_first_store(conn)
        if first_store:
            legacy.set_aside(conn)
        elif current is None and inspect(conn).has_table("events"):
            raise ValueError(f"database {engine.url.render_as_string(hide_password=True)} has an events table "
                             "that sitrep did not make; use another database")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if first_store:
            legacy.copy_back(conn)
    if current == "0001" and engine.dialect.name == "sqlite":
        _vacuum(engine)


def _vacuum(engine: Engine) -> None:
    """Rewrite a SQLite file once after revision 0002 took the records out of `events`: dropping
    the column leaves each narrow row alone on its old page, and scans would still read them all."""
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")  # outside any transaction: the driver opens none for VACUUM
