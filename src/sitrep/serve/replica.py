"""A narrow in-memory copy of the events table that the list, count and timeline queries run on.

Each stored event row carries its whole JSON record (kilobytes), so on SQLite a filter that no
index answers reads every wide row: a count over 100,000 events takes hundreds of milliseconds.
The replica keeps the same `events` table without `record` in a throwaway SQLite file in shared
memory (/dev/shm), where the very same queries take a few milliseconds. Writes made through this server are copied
into it at once; writes by other processes are noticed by a version check (at most once per
`recheck_seconds`) and the replica is rebuilt in the background while the old one keeps
answering. Above `max_events` there is no replica and the queries go to the database itself
(on PostgreSQL the record is stored out of line, so its rows are narrow anyway).
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine

from sitrep.store.schema import events, review_log

COPY_COLUMNS = [c for c in events.c if c.name != "record"]
# Indexes only the replica has (the database's own come with the table): range filters and the queue's sort.
EXTRA_INDEXES = ["CREATE INDEX ix_replica_fatalities ON events (fatalities, event_date)",
                 "CREATE INDEX ix_replica_latitude ON events (latitude, longitude)",
                 "CREATE INDEX ix_replica_queue ON events (review_status, confidence)",
                 "CREATE INDEX ix_replica_type_date ON events (event_type, event_date)",
                 "CREATE INDEX ix_replica_subtype_date ON events (sub_event_type, event_date)",
                 "CREATE INDEX ix_replica_country_type ON events (country_code, event_type, event_date)"]
BATCH = 5000
RETIRE_SECONDS = 60.0  # how long a replaced copy stays readable


def source_version(engine: Engine) -> tuple:
    """Changes whenever an event is added, removed, rewritten or reviewed."""
    with engine.connect() as c:
        n, last = c.execute(select(func.count(), func.max(events.c.updated_at)).select_from(events)).one()
        reviews = c.execute(select(func.max(review_log.c.id))).scalar()
    return n, str(last), reviews


class ListReplica:
    """The engine list queries should use: the in-memory replica when there is one, else the source."""

    def __init__(self, source: Engine, on_change: Callable[[], None] = lambda: None,
                 max_events: int = 500_000, recheck_seconds: float = 1.0) -> None:
        self.source, self.on_change = source, on_change
        self.max_events, self.recheck_seconds = max_events, recheck_seconds
        self.engine: Engine | None = None
        self.version: tuple | None = None
        self._checked = 0.0
        self._building = threading.Lock()
        self._writing = threading.Lock()
        self.rebuilds = 0
        self._retired: list[tuple[float, Engine]] = []
        atexit.register(self.close)  # the copy is a file in shared memory: never leave it behind

    # -- reading ---------------------------------------------------------------------------
    def engine_for_lists(self) -> Engine:
        self._maybe_refresh()
        return self.engine or self.source

    def _maybe_refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.recheck_seconds:
            return
        self._checked = now
        version = source_version(self.source)
        if version != self.version and not self._building.locked():
            threading.Thread(target=self.rebuild, name="sitrep-list-replica", daemon=True).start()

    def state(self) -> str:
        """'ready' (lists come from the copy), 'building' (the first copy is being made) or 'off'."""
        if self.engine is not None:
            return "ready"
        return "building" if self._building.locked() else "off"

    # -- building --------------------------------------------------------------------------
    def start(self, wait_up_to: int = 20_000) -> None:
        """The first copy: made before returning for a small database, in the background for a big one
        (the server answers from the database itself meanwhile, rather than start late)."""
        if source_version(self.source)[0] <= wait_up_to:
            self.rebuild()
        else:
            self._checked = time.monotonic()
            threading.Thread(target=self.rebuild, name="sitrep-list-replica", daemon=True).start()

    def rebuild(self) -> None:
        """Copy the source's rows into a fresh in-memory database and swap it in."""
        if not self._building.acquire(blocking=False):
            return
        try:
            version = source_version(self.source)
            if version[0] > self.max_events:
                old, self.engine, self.version = self.engine, None, version
            else:
                fresh = _replica_engine()
                events.create(fresh)
                with self.source.connect() as src, fresh.begin() as dst:
                    result = src.execution_options(yield_per=BATCH).execute(select(*COPY_COLUMNS))
                    for rows in result.partitions():
                        dst.execute(events.insert(), [dict(r._mapping, record="") for r in rows])
                    for ddl in EXTRA_INDEXES:
                        dst.exec_driver_sql(ddl)
                    dst.exec_driver_sql("ANALYZE")
                with self._writing:
                    old, self.engine, self.version = self.engine, fresh, version
            if old is not None:
                # Requests that picked the old copy a moment ago may still open connections to it.
                self._retired.append((time.monotonic(), old))
            self._drop_retired(older_than=RETIRE_SECONDS)
            self.rebuilds += 1
            self.on_change()
        finally:
            self._building.release()

    def patch(self, ids: Iterable[str], rebuild_after: bool = False) -> None:
        """Copy the current source rows of `ids` (written through this server) into the replica.

        `rebuild_after` also schedules a full rebuild (an ingest may have removed events whose
        ids the caller does not know)."""
        ids = sorted(set(ids))
        if self.engine is not None and ids:
            with self._writing:
                for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
                    with self.source.connect() as src:
                        rows = [dict(r._mapping, record="")
                                for r in src.execute(select(*COPY_COLUMNS).where(events.c.id.in_(chunk)))]
                    with self.engine.begin() as dst:
                        dst.execute(delete(events).where(events.c.id.in_(chunk)))
                        if rows:
                            dst.execute(events.insert(), rows)
                # Our own write is in: only a later, foreign write should trigger a rebuild.
                self.version = None if rebuild_after else source_version(self.source)
        if rebuild_after:
            self.version, self._checked = None, 0.0
        self.on_change()

    def _drop_retired(self, older_than: float) -> None:
        now = time.monotonic()
        keep = []
        for since, engine in self._retired:
            if now - since >= older_than:
                _drop(engine)
            else:
                keep.append((since, engine))
        self._retired = keep

    def close(self) -> None:
        self._drop_retired(older_than=0)
        if self.engine is not None:
            _drop(self.engine)
            self.engine = None


def _replica_engine() -> Engine:
    """A throwaway SQLite file in shared memory when there is some: several connections can read it
    at once (an in-memory database would serialize every query on one connection)."""
    folder = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    _sweep_orphans(folder or tempfile.gettempdir())
    fd, path = tempfile.mkstemp(prefix=f"sitrep-list-{os.getpid()}-", suffix=".db", dir=folder)
    os.close(fd)
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False}, pool_size=8,
                           max_overflow=32)

    @event.listens_for(engine, "connect")
    def _fast(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never wait for the patching writer
        cur.execute("PRAGMA synchronous=OFF")  # a copy: losing it on a crash costs only a rebuild
        cur.close()

    engine.replica_path = path  # type: ignore[attr-defined]
    return engine


def _sweep_orphans(folder: str) -> None:
    """Remove copies left by servers that were killed before they could clean up."""
    for path in Path(folder).glob("sitrep-list-*-*.db*"):
        pid = path.name.split("-")[2]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's live process


def _drop(engine: Engine) -> None:
    engine.dispose()
    path = getattr(engine, "replica_path", "")
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(path + suffix)
        except OSError:
            pass
