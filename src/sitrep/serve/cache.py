"""Answers of the public read endpoints, kept in this process for as long as the data is unchanged.

Dashboards ask the same questions again and again (the first page of a filter, its total, the
timeline), and a filter no index answers (words in the notes, part of an actor's name) scans the
events table. Every write through a Store, in any process, raises the database's data_version
in the same transaction; before each cached GET the middleware reads that number (one
primary-key row) and empties the cache when it moved. So an answer is never older than the last
committed write: there is no timer and no background work. A kept answer is sent without
entering the application at all (no routing, no validation, no worker thread).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from urllib.parse import unquote_plus

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

VERSION_KEY = "sitrep.data_version"  # where a request's scope carries the version read for it
VERSION_SQL = "SELECT version FROM data_version WHERE id = 1"  # the store's data_version table (schema.py)
CACHED_PATHS = frozenset({"/api/events", "/api/timeline", "/api/facets"})
# Says whether an answer came from the cache (benchmarks count them; a person debugging sees it).
HIT, MISS = (b"x-sitrep-cache", b"hit"), (b"x-sitrep-cache", b"miss")


class ResponseCache:
    """(headers, body) of 200 answers by key, valid for one data_version of the database."""

    def __init__(self, engine: Engine, max_entries: int = 2048, max_body: int = 2_000_000) -> None:
        self.engine, self.max_entries, self.max_body = engine, max_entries, max_body
        self._entries: OrderedDict[str, tuple[list, bytes]] = OrderedDict()
        self._version: int | None = None
        self._lock = threading.Lock()
        self._conn: Connection | None = None  # the middleware's own: never waits for the pool
        self._cursor = None  # a cursor of its driver connection
        self.hits = self.misses = 0

    def data_version(self) -> int | None:
        """The database's data_version now (autocommit: the newest committed), None if unreadable.

        Read on the driver's own cursor: it runs on the event loop before every cached GET, and
        SQLAlchemy's statement handling cost ten times the database's work for this one-row read."""
        try:
            if self._conn is None:
                self._conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                self._cursor = self._conn.connection.driver_connection.cursor()
            self._cursor.execute(VERSION_SQL)
            row = self._cursor.fetchone()
            return row[0] if row else None
        except (DBAPIError, self.engine.dialect.loaded_dbapi.Error):
            # e.g. a server restart: reconnect next time, answer without the cache now
            self.close()
            return None

    def lookup(self, key: str) -> tuple[int | None, tuple[list, bytes] | None]:
        """The current data version and the answer kept for `key` at that version, if any."""
        version = self.data_version()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            hit = self._entries.get(key) if version is not None else None
            if hit is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return version, hit

    def keep(self, key: str, version: int | None, headers: list, body: bytes) -> None:
        """File an answer computed after `version` was read (dropped if the data moved on since)."""
        if version is None or len(body) > self.max_body:
            return
        with self._lock:
            if self._version == version:
                self._entries[key] = (headers, body)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)

    def memo(self, key: str, compute):
        """A value shared by several answers (the total of a filter, the same on each of its pages),
        kept like an answer. The version is read before computing, so a value is never older than it."""
        with self._lock:
            version = self._version
            hit = self._entries.get(f"memo:{key}") if version is not None else None
        if hit is not None:
            return hit[1]
        value = compute()
        with self._lock:
            if version is not None and self._version == version:
                self._entries[f"memo:{key}"] = ([], value)
        return value

    def close(self) -> None:
        self._cursor = None
        if self._conn is not None:
            try:
                self._conn.close()
            except DBAPIError:
                pass
            self._conn = None


def cache_key(path: str, query_string: bytes) -> str:
    """The same question with its parameters in another order is the same key. A parameter given
    twice keeps the order (the last one counts, so order matters). Values are not decoded: two
    spellings of one value are two keys, which costs a hit, never a wrong answer."""
    segments = query_string.decode("latin-1").split("&")
    names = [unquote_plus(s.partition("=")[0]) for s in segments]
    if len(set(names)) == len(names):
        segments.sort()
    return f"{path}?{'&'.join(segments)}"


class CacheMiddleware:
    """ASGI middleware: answers GETs of CACHED_PATHS from the cache, and keeps fresh 200 answers."""

    def __init__(self, app, cache: ResponseCache) -> None:
        self.app, self.cache = app, cache

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
            return await self.app(scope, receive, send)
        key = cache_key(scope["path"], scope.get("query_string", b""))
        # One primary-key read on the event loop, on the cache's own connection: cheaper than a
        # hand-over to a worker thread, and it never waits for a pooled connection.
        version, hit = self.cache.lookup(key)
        scope[VERSION_KEY] = version  # the event list's fast path need not read it again
        if hit is not None:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers + [HIT]})
            await send({"type": "http.response.body", "body": body})
            return
        answer: dict = {"chunks": []}

        async def send_and_keep(message):
            if message["type"] == "http.response.start":
                answer["status"], answer["headers"] = message["status"], list(message.get("headers", []))
                message = dict(message, headers=answer["headers"] + [MISS])
            elif message["type"] == "http.response.body":
                answer["chunks"].append(message.get("body", b""))
                if not message.get("more_body") and answer.get("status") == 200:
                    self.cache.keep(key, version, answer["headers"], b"".join(answer["chunks"]))
            await send(message)

        await self.app(scope, receive, send_and_keep)
