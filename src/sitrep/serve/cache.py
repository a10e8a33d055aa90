"""A response cache for the public GET endpoints, emptied whenever the database changes.

Dashboards ask the same questions many times (the same filters, the first page), and counting
the events that match a filter costs a scan. Answers are kept until the data changes: writes
through this server (ingest, review) empty the cache at once; writes by other processes (a
`sitrep run` into the same database) are noticed by a cheap version query made at most once per
`recheck_seconds`, so a page is at most that much out of date.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from sqlalchemy.engine import Engine

from sitrep.store.schema import events, review_log

CACHED_PATHS = ("/api/events", "/api/timeline", "/api/facets", "/api/review/queue", "/api/review/corrections")


class ResponseCache:
    """Bodies of GET responses by path and query, valid for one version of the data."""

    def __init__(self, engine: Engine, max_entries: int = 4096, max_body: int = 2_000_000,
                 recheck_seconds: float = 1.0) -> None:
        self.engine = engine
        self.max_entries, self.max_body, self.recheck_seconds = max_entries, max_body, recheck_seconds
        self._entries: OrderedDict[str, tuple[int, list, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._version: tuple | None = None
        self._checked = 0.0
        # Bumped on every emptying: an answer computed before it (from older data) is not kept.
        self.generation = 0
        self.hits = self.misses = 0

    def _data_version(self) -> tuple:
        with self.engine.connect() as c:
            n, last = c.execute(select(func.count(), func.max(events.c.updated_at)).select_from(events)).one()
            reviews = c.execute(select(func.max(review_log.c.id))).scalar()
        return n, str(last), reviews

    def due(self) -> bool:
        """Whether it is time to look for writes by other processes (then call `check`, off the event loop)."""
        return time.monotonic() - self._checked >= self.recheck_seconds

    def check(self) -> None:
        with self._lock:
            if not self.due():
                return
            self._checked = time.monotonic()  # claimed: concurrent requests don't all ask at once
        version = self._data_version()
        with self._lock:
            if version != self._version:
                self._version = version
                self._entries.clear()
                self.generation += 1

    def invalidate(self) -> None:
        with self._lock:
            self._entries.clear()
            self.generation += 1
            self._checked = 0.0

    def get(self, key: str):
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return hit

    def memo(self, key: str, compute, generation: int):
        """A value (e.g. the count of a filter, the same for every page of it) kept like a response.

        `generation` is the cache's generation from before the caller chose what to compute from
        (which copy of the data): a value from a copy replaced since is not kept."""
        hit = self.get(f"memo:{key}")
        if hit is not None:
            return hit[2]
        value = compute()
        with self._lock:
            if generation == self.generation:
                self._entries[f"memo:{key}"] = (200, [], value)
        return value

    def put(self, key: str, status: int, headers: list, body: bytes, generation: int) -> None:
        """Keep an answer computed while the cache was at `generation` (dropped if emptied since)."""
        if status != 200 or len(body) > self.max_body:
            return
        with self._lock:
            if generation != self.generation:
                return
            self._entries[key] = (status, headers, body)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def cache_key(path: str, query_string: bytes) -> str:
    """The same question asked with its parameters in another order is the same key."""
    pairs = sorted(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    return f"{path}?{urlencode(pairs)}"


class CacheMiddleware:
    """ASGI middleware: answers cached GETs of CACHED_PATHS, stores fresh 200 answers, empties the
    cache after any other successful state-changing request."""

    def __init__(self, app, cache_of) -> None:
        self.app = app
        self.cache_of = cache_of  # a callable returning the ResponseCache (it is made with the app state)
        self.inflight: dict[str, asyncio.Event] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        cache: ResponseCache = self.cache_of()
        method, path = scope["method"], scope["path"]
        if method != "GET" or path not in CACHED_PATHS:
            if method in ("POST", "PUT", "PATCH", "DELETE"):
                async def send_and_invalidate(message):
                    if message["type"] == "http.response.start" and message["status"] < 400:
                        cache.invalidate()
                    await send(message)
                return await self.app(scope, receive, send_and_invalidate)
            return await self.app(scope, receive, send)

        key = cache_key(path, scope.get("query_string", b""))
        if cache.due():  # a database query: never on the event loop
            await run_in_threadpool(cache.check)
        hit = cache.get(key)
        while hit is None and key in self.inflight:
            # The same question is being answered right now: wait for that answer, don't ask again.
            await self.inflight[key].wait()
            hit = cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        done = self.inflight[key] = asyncio.Event()
        try:
            await self._answer(key, cache, scope, receive, send)
        finally:
            del self.inflight[key]
            done.set()

    async def _answer(self, key, cache, scope, receive, send):
        captured: dict = {"chunks": []}
        generation = cache.generation

        async def send_and_keep(message):
            if message["type"] == "http.response.start":
                captured["status"], captured["headers"] = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured["chunks"].append(message.get("body", b""))
                if not message.get("more_body"):
                    cache.put(key, captured["status"], captured["headers"], b"".join(captured["chunks"]), generation)
            await send(message)

        await self.app(scope, receive, send_and_keep)
