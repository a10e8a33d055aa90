"""Answers of the public read endpoints, kept in this process for as long as the data is unchanged.

Dashboards ask the same questions again and again (the first page of a filter, its total, the
timeline), and a filter no index answers (words in the notes, part of an actor's name) scans the
events table. Every write through a Store, in any process, raises the database's data_version
in the same transaction; each lookup first reads that number (one primary-key row) and empties
the cache when it moved. So an answer is never older than the last committed write: there is no
timer and no background work.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlencode

from sitrep.store import Store


class ResponseCache:
    """Bodies by key (path and sorted query), valid for one data_version of the database."""

    def __init__(self, store: Store, max_entries: int = 2048, max_body: int = 2_000_000) -> None:
        self.store, self.max_entries, self.max_body = store, max_entries, max_body
        self._entries: OrderedDict[str, str] = OrderedDict()
        self._version: int | None = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, key: str, compute: Callable[[], str]) -> str:
        """The kept body of `key` if the data has not changed since it was computed, else `compute()`."""
        version = self.store.data_version()  # read BEFORE computing: a body is never filed under a newer version
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return body
            self.misses += 1
        body = compute()
        if len(body) <= self.max_body:
            with self._lock:
                if self._version == version:
                    self._entries[key] = body
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
        return body


def cache_key(path: str, params) -> str:
    """The same question with its parameters in another order is the same key."""
    return f"{path}?{urlencode(sorted(params.multi_items()))}"
