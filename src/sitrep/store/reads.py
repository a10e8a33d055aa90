"""The read queries of the dashboard and the HTTP API: event pages, counts, timelines, facets, details.

Used through `Store.reads`. Lists, counts and timelines run on the narrow `events` table only;
the JSON records (`event_records`) are read by id for the few events a page or download shows
whole. The event list, the hottest path, binds values into SQL text kept per filter shape
(`filters.py`) and runs it on the driver's cursor; the rest uses SQLAlchemy Core. Both run on
SQLite and PostgreSQL alike.

Rows come back as dicts of plain values: `event_date` as an ISO string (YYYY-MM-DD) or None.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import orjson
from sqlalchemy import select
from sqlalchemy.engine import Engine

from sitrep.model import Event
from sitrep.store.codec import event_from_json
from sitrep.store.filters import (LIST_COLUMNS, SORT_KEYS, EventFilter, count_sql, order_sql, page_sql, placeholder,
                                  plain_list_row, where_sql)
from sitrep.store.memory_index import MEMORY_COLUMNS, ROW_COLUMNS, MemoryIndex
from sitrep.store.schema import documents, event_documents, event_records, events, review_log

FEW_MATCHES = 2000  # below this many matches a substring search is sorted after it is found (SQLite)
TWO_STEP_MAX = 1000  # pages up to this size are found id-first; larger ones are read in one pass
_CHUNK = 500  # ids per IN (...) list
# Measured on synthetic events: the index takes ~0.8 KB per event, ~1.5 KB with the rows' JSON
# (a server over 100,000 events: 250 MB resident instead of 100 MB; 3 to 4 s of CPU to build).
MEMORY_INDEX_MAX = 500_000  # events; over this, lists and counts are SQL only
ROWS_IN_MEMORY_MAX = 200_000  # up to this many events the index keeps every list row's JSON too
BUILD_INLINE_MAX = 5_000  # a memory index of up to this many events is rebuilt within the request
BUILD_BATCH = 5_000  # rows read at a time while building the memory index
REBUILD_EVERY = 10.0  # seconds: the least time between the starts of two background rebuilds


log = logging.getLogger("sitrep.store")


def _iso(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


class Reads:
    """The read side of a Store's database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._memory: MemoryIndex | None = None
        self._memory_max = 0  # 0: no memory index (a Store used by a pipeline run needs none)
        self._building = threading.Lock()
        self._last_build = float("-inf")

    # -- the memory index ------------------------------------------------------------------------

    def use_memory_index(self, max_events: int = MEMORY_INDEX_MAX) -> None:
        """Answer event lists and counts from an in-memory column index (`memory_index.py`) while
        the data is unchanged; after a write the next request rebuilds it (in the background on a
        large table, answering from SQL meanwhile). Tables over `max_events` are served by SQL only."""
        self._memory_max = max_events
        self._fresh_memory()

    def memory_for(self, flt: EventFilter, sort: str, version: int | None = None) -> MemoryIndex | None:
        """The memory index, if it is of the data as it is now and answers lists and counts of
        `flt` in `sort` order (quickly, with no SQL beyond reading the rows of a page).
        `version`: the data_version the caller has just read (committed data), if it has."""
        memory = self._fresh_memory(version)
        return memory if memory is not None and memory.can_answer(flt, sort) else None

    def answers_from_memory(self, flt: EventFilter, sort: str) -> bool:
        return self.memory_for(flt, sort) is not None

    def data_version(self) -> int:
        _, rows = self._run("SELECT version FROM data_version WHERE id = 1", {})
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def _fresh_memory(self, version: int | None = None) -> MemoryIndex | None:
        """The memory index if it is of the data as it is now; else None, and a rebuild is started."""
        if not self._memory_max:
            return None
        current = self._memory
        if version is None:
            version = self.data_version()
        if current is not None and current.version == version:
            return current
        if current is None or current.size <= BUILD_INLINE_MAX:
            self._build_memory()  # small: at once, so the answer comes from the new index
            found = self._memory
            return found if found is not None and found.version == version else None
        if not self._building.locked():
            threading.Thread(target=self._build_memory, args=(True,), name="sitrep-memory-index", daemon=True).start()
        return None

    def _build_memory(self, paced: bool = False) -> None:
        if not self._building.acquire(blocking=False):
            return
        try:
            if paced:
                # While a pipeline keeps writing, rebuild at most every REBUILD_EVERY seconds (SQL
                # answers meanwhile): a rebuild costs about 3 s of CPU per 100,000 events.
                time.sleep(max(0.0, self._last_build + REBUILD_EVERY - time.monotonic()))
            self._last_build = time.monotonic()
            self._read_memory()
        except Exception:  # noqa: BLE001  (the lists are then answered by SQL, as without the index)
            log.exception("sitrep: could not build the memory index of events; answering from SQL")
        finally:
            self._building.release()

    def _read_memory(self) -> None:
        """A new memory index of the events as they are now."""
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            # One read transaction: the version and the rows are of the same moment.
            cur.execute("BEGIN" if self.dialect == "sqlite" else "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cur.execute("SELECT version FROM data_version WHERE id = 1")
            found = cur.fetchone()
            version = int(found[0]) if found and found[0] is not None else 0
            cur.execute("SELECT count(*) FROM events")
            size = cur.fetchone()[0]
            if size > self._memory_max:
                self._memory_max = 0
                self._memory = None
                return
            with_rows = size <= ROWS_IN_MEMORY_MAX
            columns = MEMORY_COLUMNS + (ROW_COLUMNS if with_rows else ())
            cur.execute(f"SELECT {', '.join(columns)} FROM events ORDER BY id")
            memory = MemoryIndex(version, self.dialect, iter(lambda: cur.fetchmany(BUILD_BATCH), []),
                                 with_rows=with_rows)
            cur.close()
        finally:
            raw.rollback()
            raw.close()
        self._memory = memory

    def _rows_by_id(self, ids: list[str]) -> list[dict]:
        """List rows of `ids`, in that order (an id deleted meanwhile is left out)."""
        if not ids:
            return []
        names = [f"i{n}" for n in range(len(ids))]
        sql = (f"SELECT {', '.join('events.' + c for c in LIST_COLUMNS)} FROM events WHERE events.id IN "
               f"({', '.join(placeholder(self.dialect, n) for n in names)})")
        cols, rows = self._run(sql, dict(zip(names, ids)))
        found = {r[0]: r for r in rows}
        return [self._plain(dict(zip(cols, found[i]))) for i in ids if i in found]

    # -- the event list (hot path) ---------------------------------------------------------------

    def _run(self, sql: str, params: dict) -> tuple[list[str], list[tuple]]:
        """Column names and rows of `sql` on a pooled driver connection (no SQLAlchemy statement)."""
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            rows = cur.fetchall()
            cur.close()
        finally:
            raw.close()  # back to the pool, which ends the read transaction
        return names, rows

    def _params(self, flt: EventFilter) -> dict:
        p = flt.params()
        if self.dialect == "sqlite":  # dates are stored as ISO text on SQLite
            for key in ("date_from", "date_to"):
                if key in p:
                    p[key] = p[key].isoformat()
        return p

    def count(self, flt: EventFilter) -> int:
        """How many events match."""
        memory = self._fresh_memory()
        if memory is not None and memory.can_answer(flt, "-date"):
            return memory.count(flt)
        _, rows = self._run(count_sql(flt.shape(), self.dialect), self._params(flt))
        return int(rows[0][0])

    def event_page(self, flt: EventFilter, sort: str = "-date", limit: int = 50, offset: int = 0,
                   matches: int | None = None) -> list[dict]:
        """A page of list rows (LIST_COLUMNS) in `sort` order ('-' first: descending; a key of SORT_KEYS).

        `matches`, the filter's total when the caller knows it, picks the plan of a substring search
        on SQLite: walking the sort key's index finds a page of a common word at once but reads the
        whole table for a rare one, so a rare word's matches are found first, then sorted."""
        if sort.lstrip("-") not in SORT_KEYS:
            raise ValueError(f"cannot sort by {sort!r}: use one of {', '.join(SORT_KEYS)}")
        if limit > TWO_STEP_MAX:
            return self._large_page(flt, sort, limit, offset)
        memory = self._fresh_memory()
        if memory is not None and memory.can_answer(flt, sort):
            return self._rows_by_id(memory.page_ids(flt, sort, int(limit), int(offset)))
        rare = matches is not None and matches < FEW_MATCHES
        scan_first = self.dialect == "sqlite" and flt.is_search() and rare
        params = self._params(flt)
        params["limit"], params["offset"] = int(limit), int(offset)
        names, rows = self._run(page_sql(flt.shape(), self.dialect, sort, scan_first), params)
        return [self._plain(dict(zip(names, r))) for r in rows]

    def event_page_json(self, flt: EventFilter, sort: str = "-date", limit: int = 50, offset: int = 0,
                        matches: int | None = None, memory: MemoryIndex | None = None) -> list[bytes]:
        """`event_page` with each row as compact JSON (orjson), for the HTTP API: from the memory
        index, the rows of a page already shown since the last write are not read or encoded again.
        `memory`: what `memory_for(flt, sort)` gave for this request (saves reading the version again)."""
        if memory is None and limit <= TWO_STEP_MAX:
            memory = self.memory_for(flt, sort)
        if memory is None or limit > TWO_STEP_MAX:
            return [orjson.dumps(r) for r in self.event_page(flt, sort, limit, offset, matches)]
        if memory.rows_json_all is not None:  # every row's JSON is in the index: no SQL at all
            return memory.page_rows_json(flt, sort, int(limit), int(offset))
        ids = memory.page_ids(flt, sort, int(limit), int(offset))
        kept = memory.kept_rows(ids)
        missing = [i for i in ids if i not in kept]
        if missing:
            read = {r["id"]: orjson.dumps(r) for r in self._rows_by_id(missing)}
            memory.keep_rows(read)
            kept.update(read)
        return [kept[i] for i in ids if i in kept]

    def _large_page(self, flt: EventFilter, sort: str, limit: int, offset: int) -> list[dict]:
        ph = lambda name: placeholder(self.dialect, name)  # noqa: E731
        sql = (f"SELECT {', '.join('events.' + c for c in LIST_COLUMNS)} FROM events "
               f"WHERE {where_sql(flt.shape(), self.dialect)} ORDER BY {order_sql(sort)} "
               f"LIMIT {ph('limit')} OFFSET {ph('offset')}")
        params = dict(self._params(flt), limit=int(limit), offset=int(offset))
        names, rows = self._run(sql, params)
        return [self._plain(dict(zip(names, r))) for r in rows]

    _plain = staticmethod(plain_list_row)

    def review_queue(self, limit: int, offset: int) -> list[dict]:
        """Unreviewed events, least confident first."""
        return self.event_page(EventFilter(review_status="unreviewed"), "confidence", limit, offset)

    # -- summaries -------------------------------------------------------------------------------

    def timeline(self, flt: EventFilter) -> list[dict]:
        """Events per day and event type, oldest first: [{date, event_type, n}]."""
        sql = (f"SELECT event_date, event_type, count(*) AS n FROM events WHERE event_date IS NOT NULL AND "
               f"{where_sql(flt.shape(), self.dialect)} GROUP BY event_date, event_type ORDER BY event_date")
        _, rows = self._run(sql, self._params(flt))
        return [{"date": _iso(d), "event_type": t, "n": n} for d, t, n in rows]

    def facets(self) -> dict[str, list[str]]:
        """The distinct values of the dashboard's pick lists."""
        out = {}
        with self.engine.connect() as conn:
            for name in ("event_type", "sub_event_type", "country"):
                col = events.c[name]
                out[name] = [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col))]
        return out

    # -- single events and documents -------------------------------------------------------------

    def event_row(self, event_id: str) -> dict | None:
        """The events row of one event with its JSON `record`."""
        query = (select(events, event_records.c.record)
                 .join(event_records, event_records.c.event_id == events.c.id).where(events.c.id == event_id))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return dict(row._mapping) if row else None

    def records_by_id(self, ids: list[str]) -> dict[str, str]:
        """The JSON records of events, by id (read in chunks to stay under parameter limits)."""
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                out.update(conn.execute(select(event_records.c.event_id, event_records.c.record)
                                        .where(event_records.c.event_id.in_(ids[i:i + _CHUNK]))).all())
        return out

    def document_row(self, doc_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        return dict(row._mapping) if row else None

    def documents_by_id(self, doc_ids: list[str]) -> dict[str, dict]:
        if not doc_ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents).where(documents.c.id.in_(doc_ids)))
            return {r.id: dict(r._mapping) for r in rows}

    def events_of_document(self, doc_id: str) -> list[dict]:
        query = (select(events.c.id, events.c.event_date, events.c.event_type, events.c.sub_event_type,
                        events.c.location, events.c.review_status)
                 .join(event_documents, event_documents.c.event_id == events.c.id)
                 .where(event_documents.c.doc_id == doc_id).order_by(events.c.event_date))
        with self.engine.connect() as conn:
            return [dict(r._mapping, event_date=_iso(r.event_date)) for r in conn.execute(query)]

    # -- reviews ---------------------------------------------------------------------------------

    def review_entries(self, event_id: str | None = None, limit: int = 200, offset: int = 0,
                       with_records: bool = False) -> list[dict]:
        """review_log rows, newest first (with the before/after JSON when `with_records`)."""
        cols = [review_log.c.id, review_log.c.event_id, review_log.c.user, review_log.c.action,
                review_log.c.reason, review_log.c.at]
        if with_records:
            cols += [review_log.c.before, review_log.c.after]
        query = select(*cols).order_by(review_log.c.at.desc(), review_log.c.id.desc()).limit(limit).offset(offset)
        if event_id:
            query = query.where(review_log.c.event_id == event_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def reviewed_records(self, statuses: tuple[str, ...]) -> list[str]:
        """The JSON records of events a person accepted or corrected, oldest review first."""
        query = (select(event_records.c.record).join(events, events.c.id == event_records.c.event_id)
                 .where(events.c.review_status.in_(statuses))
                 .order_by(events.c.updated_at, events.c.id))
        with self.engine.connect() as conn:
            return [r for (r,) in conn.execute(query)]


def decode_event(record: str) -> Event:
    """An event_records.record JSON string to an Event."""
    return event_from_json(record)


def changed_fields(before: str | None, after: str | None) -> dict[str, list]:
    """Which top-level fields of an event record a review changed: {field: [before, after]}."""
    try:
        a, b = json.loads(before or "{}"), json.loads(after or "{}")
    except ValueError:
        return {}
    skip = {"mentions", "review_status", "evidence"}
    return {k: [a.get(k), b.get(k)] for k in sorted(set(a) | set(b)) if k not in skip and a.get(k) != b.get(k)}

