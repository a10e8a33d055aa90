"""An in-memory column index of the events table: the event list's filters, counts and sort orders
answered with numpy over a snapshot, for a server whose users combine filters freely.

A dashboard user combines a date range, a country, a type, a map box, a count of dead and words;
no set of SQL indexes serves every combination, and on 100,000 events a combination that none
serves reads tens of thousands of table rows (50 to 400 ms on SQLite). Here each filter column is
a numpy array (strings as codes of their distinct values), so any combination is a few boolean
operations over the whole table (about a millisecond), and a page is the first matches in a sort
order computed once per snapshot. On a table of moderate size the index keeps every list row's
JSON as well, so a page needs no SQL at all; on a larger one the rows of a page are read by id.

The snapshot belongs to one data_version of the database (read in the same transaction as the
columns): a caller checks the version before using it, and builds a new snapshot when the data
moved. The semantics are the SQL filters' (`filters.py`) exactly: NULLs never match a condition,
substring searches fold ASCII case only (SQLite's LIKE), ties are broken by the database's own
order of ids. What it cannot answer the same way it declines (`can_answer` is False), and the caller runs
SQL: a non-ASCII search, or on PostgreSQL a sort by a text column (the server's collation decides).
"""

from __future__ import annotations

import re
import threading
from array import array
from collections import OrderedDict
from datetime import date

import numpy as np
import orjson

from sitrep.store.filters import LIST_COLUMNS, SORT_KEYS, EventFilter, plain_list_row

MEMORY_COLUMNS = ("id", "event_date", "latitude", "longitude", "fatalities", "confidence", "n_sources", "event_type",
            "sub_event_type", "country_code", "country", "admin1", "review_status", "actor1", "actor2",
            "assoc_actor_1", "assoc_actor_2", "notes")
# The rest of a list row (filters.LIST_COLUMNS), read too when the index keeps the rows' JSON.
ROW_COLUMNS = tuple(c for c in LIST_COLUMNS if c not in MEMORY_COLUMNS)
_ACTORS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
_TEXT_SORTS = ("country", "admin1", "event_type", "sub_event_type")
_NUMERIC_SORTS = ("event_date", "fatalities", "confidence", "n_sources")
MASKS_KEPT = 64  # a mask is one byte per event: 6.4 MB at 100,000 events
PAGE_BLOCK = 8192
ROWS_KEPT = 50_000  # list rows kept as JSON (about 700 bytes each: 35 MB at most)
_NO_DATE = np.iinfo(np.int32).min
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_EPOCH = date(1970, 1, 1).toordinal()


def ascii_lower(text: str) -> str:
    """Lower case for A-Z only, as SQLite's lower() and LIKE fold case."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)  # the same, lower() is faster


def _day(value) -> int:
    if value is None:
        return _NO_DATE
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.toordinal() - _EPOCH


class _Codes:
    """A text column as int32 codes into its distinct values (None has a code of its own), filled
    a batch of rows at a time."""

    def __init__(self, fold=None) -> None:
        self.fold, self.index = fold, {}
        self._codes = array("i")

    def extend(self, values) -> None:
        index, fold, codes = self.index, self.fold, self._codes
        for value in values:
            key = None if value is None else (fold(value) if fold else value)
            code = index.get(key)
            if code is None:
                code = index[key] = len(index)
            codes.append(code)

    def finish(self) -> "_Codes":
        self.values = list(self.index)
        self.codes = np.frombuffer(self._codes, dtype=np.int32).copy()
        del self._codes
        return self

    def equals(self, value: str) -> np.ndarray:
        code = self.index.get(value)
        return self.codes == code if code is not None else np.zeros(len(self.codes), dtype=bool)

    def contains(self, part: str) -> np.ndarray:
        """Rows whose (folded) value holds `part`."""
        table = np.fromiter((v is not None and part in v for v in self.values), dtype=bool, count=len(self.values))
        return np.take(table, self.codes)

    def contains_any(self, part: str) -> np.ndarray:
        """Rows of which one of the (tuple) values holds `part`."""
        table = np.fromiter((any(part in v for v in values) for values in self.values), dtype=bool,
                            count=len(self.values))
        return np.take(table, self.codes)

    def ranks(self) -> tuple[np.ndarray, np.ndarray]:
        """(rank of each row's value in code point order, is NULL)."""
        order = sorted(range(len(self.values)), key=lambda c: (self.values[c] is None, self.values[c] or ""))
        rank = np.empty(len(self.values), dtype=np.int64)
        rank[np.array(order, dtype=np.int64)] = np.arange(len(order))
        null_code = self.index.get(None, -1)
        return rank[self.codes], self.codes == null_code


class _NotesBuilder:
    """The notes as an inverted index of their whitespace-separated tokens (ASCII case folded).

    A search word holds no whitespace (the query is split on it), so it occurs in a note exactly
    when it occurs inside one of the note's tokens: a search scans the distinct tokens (all in
    one string, searched at C speed), not the notes, and unites their rows. (token, row) pairs
    are gathered in flat integer arrays, not in a list per token, to keep the build small."""

    def __init__(self) -> None:
        self.token_ids: dict[str, int] = {}
        self.pair_token, self.pair_row = array("i"), array("i")

    def extend(self, first_row: int, notes) -> None:
        token_ids, pair_token, pair_row = self.token_ids, self.pair_token, self.pair_row
        for row, note in enumerate(notes, first_row):
            if note:
                for token in set(ascii_lower(note).split()):
                    code = token_ids.get(token)
                    if code is None:
                        code = token_ids[token] = len(token_ids)
                    pair_token.append(code)
                    pair_row.append(row)

    def finish(self) -> tuple[list[np.ndarray], str, np.ndarray]:
        tokens = list(self.token_ids)
        by_token = np.frombuffer(self.pair_token, dtype=np.int32)
        rows = np.frombuffer(self.pair_row, dtype=np.int32)
        order = np.argsort(by_token, kind="stable")
        bounds = np.searchsorted(by_token[order], np.arange(len(tokens) + 1))
        sorted_rows = rows[order]
        postings = [sorted_rows[bounds[t]:bounds[t + 1]] for t in range(len(tokens))]
        starts = np.cumsum([0] + [len(t) + 1 for t in tokens[:-1]], dtype=np.int64) if tokens else \
            np.zeros(0, dtype=np.int64)
        return postings, "\n".join(tokens), starts


class MemoryIndex:
    """The filter columns of every event at one data_version; see the module docstring."""

    def __init__(self, version: int, dialect: str, batches, with_rows: bool = False) -> None:
        """`batches`: lists of rows of MEMORY_COLUMNS, then ROW_COLUMNS when `with_rows` (the list
        rows are then kept as JSON and pages need no SQL), every event once, in the database's
        order of ids. Read a batch at a time, so that the rows are never all in memory at once."""
        self.version, self.dialect = version, dialect
        names = MEMORY_COLUMNS + (ROW_COLUMNS if with_rows else ())
        at = {name: i for i, name in enumerate(names)}
        row_order = [at[c] for c in LIST_COLUMNS] if with_rows else []
        # Names compare as the SQL does: lower() is ASCII-only on SQLite, Unicode on PostgreSQL.
        fold = ascii_lower if dialect == "sqlite" else str.lower
        self.text = {name: _Codes() for name in ("event_type", "sub_event_type", "country_code", "review_status",
                                                 "country", "admin1")}
        self.folded = {name: _Codes(fold) for name in ("country", "admin1")}
        # The four actor columns as one code per distinct combination: a search tests each
        # combination once, then looks its answer up for every row.
        self.actors = _Codes()
        ids: list[str] = []
        day, fatalities, n_sources = array("i"), array("q"), array("q")
        lat, lon, confidence = array("d"), array("d"), array("d")
        notes = _NotesBuilder()
        self.rows_json_all: list[bytes] | None = [] if with_rows else None
        nan = float("nan")
        for batch in batches:
            cols = list(zip(*batch))
            if not cols:
                continue
            col = {name: cols[i] for name, i in at.items()}
            notes.extend(len(ids), col["notes"])
            ids.extend(col["id"])
            day.extend(_day(v) for v in col["event_date"])
            lat.extend(nan if v is None else v for v in col["latitude"])
            lon.extend(nan if v is None else v for v in col["longitude"])
            confidence.extend(nan if v is None else v for v in col["confidence"])
            fatalities.extend(col["fatalities"])
            n_sources.extend(col["n_sources"])
            for name, codes in self.text.items():
                codes.extend(col[name])
            for name, codes in self.folded.items():
                codes.extend(col[name])
            self.actors.extend(tuple(ascii_lower(v) if v else "" for v in four)
                               for four in zip(*(col[n] for n in _ACTORS)))
            if with_rows:
                self.rows_json_all.extend(
                    orjson.dumps(plain_list_row({c: r[i] for c, i in zip(LIST_COLUMNS, row_order)})) for r in batch)
        self.size = len(ids)
        self.ids = np.array(ids, dtype=object)  # in the database's own order of ids
        self.day = np.frombuffer(day, dtype=np.int32).copy()
        self.lat, self.lon = np.frombuffer(lat, dtype=np.float64).copy(), np.frombuffer(lon, dtype=np.float64).copy()
        self.confidence = np.frombuffer(confidence, dtype=np.float64).copy()
        self.fatalities = np.frombuffer(fatalities, dtype=np.int64).copy()
        self.n_sources = np.frombuffer(n_sources, dtype=np.int64).copy()
        for codes in [*self.text.values(), *self.folded.values(), self.actors]:
            codes.finish()
        self.postings, self.tokens_text, self.token_start = notes.finish()
        self._orders: dict[str, np.ndarray] = {}
        self._ranks: dict[str, np.ndarray] = {}
        # The masks of the last filters: page 1 and its total, then the next pages, reuse one.
        self._masks: OrderedDict[EventFilter, np.ndarray] = OrderedDict()
        self._masks_lock = threading.Lock()
        # JSON of list rows shown since the snapshot was taken, by id (their data is of this version).
        self.rows_json: OrderedDict[str, bytes] = OrderedDict()

    # -- filters --------------------------------------------------------------------------------

    def can_answer(self, flt: EventFilter, sort: str) -> bool:
        key = SORT_KEYS.get(sort.lstrip("-"))
        if key in _TEXT_SORTS and self.dialect != "sqlite":
            return False  # PostgreSQL sorts text by its collation, not by code point
        if key not in _NUMERIC_SORTS and key not in _TEXT_SORTS:
            return False
        return flt.actor.isascii() and flt.q.isascii()

    def mask(self, flt: EventFilter) -> np.ndarray:
        """Which events match, as the SQL conditions of `filters.where_sql` decide (read-only)."""
        with self._masks_lock:
            found = self._masks.get(flt)
            if found is not None:
                self._masks.move_to_end(flt)
                return found
        found = self._mask(flt)
        found.flags.writeable = False
        with self._masks_lock:
            self._masks[flt] = found
            while len(self._masks) > MASKS_KEPT:
                self._masks.popitem(last=False)
        return found

    def _mask(self, flt: EventFilter) -> np.ndarray:
        m = np.ones(self.size, dtype=bool)
        if flt.date_from is not None:
            m &= self.day >= _day(flt.date_from)
        if flt.date_to is not None:
            m &= (self.day <= _day(flt.date_to)) & (self.day != _NO_DATE)
        if flt.bbox:
            min_lon, min_lat, max_lon, max_lat = flt.bbox
            m &= (self.lat >= min_lat) & (self.lat <= max_lat)
            if min_lon <= max_lon:
                m &= (self.lon >= min_lon) & (self.lon <= max_lon)
            else:  # a box across the antimeridian
                m &= (self.lon >= min_lon) | (self.lon <= max_lon)
        if flt.country:
            if len(flt.country) == 2 and flt.country.isalpha():
                m &= self.text["country_code"].equals(flt.country.upper())
            else:
                m &= self.folded["country"].equals(flt.country.lower())
        if flt.admin1:
            m &= self.folded["admin1"].equals(flt.admin1.lower())
        for name in ("event_type", "sub_event_type", "review_status"):
            if getattr(flt, name):
                m &= self.text[name].equals(getattr(flt, name))
        if flt.actor:
            part = ascii_lower(flt.actor)
            m &= self.actors.contains_any(part)
        if flt.min_fatalities is not None:
            m &= self.fatalities >= flt.min_fatalities
        for word in flt.words():
            if m.any():
                m &= self._notes_with(ascii_lower(word))
        return m

    def _notes_with(self, word: str) -> np.ndarray:
        found = np.zeros(self.size, dtype=bool)
        starts = [m.start() for m in re.finditer(re.escape(word), self.tokens_text)]
        if starts:
            tokens = np.unique(np.searchsorted(self.token_start, np.array(starts, dtype=np.int64), side="right") - 1)
            for token in tokens.tolist():
                found[self.postings[token]] = True
        return found

    # -- pages ----------------------------------------------------------------------------------

    def kept_rows(self, ids: list[str]) -> dict[str, bytes]:
        with self._masks_lock:
            found = {i: self.rows_json[i] for i in ids if i in self.rows_json}
            for i in found:
                self.rows_json.move_to_end(i)
        return found

    def keep_rows(self, rows: dict[str, bytes]) -> None:
        with self._masks_lock:
            self.rows_json.update(rows)
            while len(self.rows_json) > ROWS_KEPT:
                self.rows_json.popitem(last=False)

    def order(self, sort: str) -> np.ndarray:
        """Row positions in `sort` order: NULLs last, ties by id (positions are in id order)."""
        found = self._orders.get(sort)
        if found is not None:
            return found
        key = SORT_KEYS[sort.lstrip("-")]
        if key in _TEXT_SORTS:
            values, nulls = self.text[key].ranks()
        elif key == "event_date":
            values, nulls = self.day.astype(np.int64), self.day == _NO_DATE
        else:
            values = getattr(self, key)
            nulls = np.isnan(values) if values.dtype.kind == "f" else np.zeros(self.size, dtype=bool)
        if sort.startswith("-"):
            values = -values
        if values.dtype.kind == "f":
            values = np.where(nulls, 0.0, values)
        found = np.lexsort((np.arange(self.size), values, nulls))
        self._orders[sort] = found
        return found

    def count(self, flt: EventFilter) -> int:
        return int(np.count_nonzero(self.mask(flt)))

    def rank(self, sort: str) -> np.ndarray:
        """Each row's place in the `sort` order."""
        found = self._ranks.get(sort)
        if found is None:
            order = self.order(sort)
            found = np.empty(self.size, dtype=np.int64)
            found[order] = np.arange(self.size)
            self._ranks[sort] = found
        return found

    def page_ids(self, flt: EventFilter, sort: str, limit: int, offset: int) -> list[str]:
        """The ids of a page of matches in `sort` order."""
        return self.ids[self._page(flt, sort, limit, offset)].tolist()

    def page_rows_json(self, flt: EventFilter, sort: str, limit: int, offset: int) -> list[bytes]:
        """The list rows of a page as JSON (only when built `with_rows`)."""
        rows = self.rows_json_all
        return [rows[i] for i in self._page(flt, sort, limit, offset).tolist()]

    def _page(self, flt: EventFilter, sort: str, limit: int, offset: int) -> np.ndarray:
        mask = self.mask(flt)
        matches = np.flatnonzero(mask) if np.count_nonzero(mask) * 16 < self.size else None
        if matches is not None:  # few matches: sort them by their places in the order
            found = matches[np.argsort(self.rank(sort)[matches], kind="stable")]
            return found[offset:offset + limit]
        order = self.order(sort)
        wanted, hits = offset + limit, []
        # The sort order in blocks: a common filter's first pages are in the first block.
        for start in range(0, self.size, PAGE_BLOCK):
            block = order[start:start + PAGE_BLOCK]
            hits.append(block[mask[block]])
            wanted -= len(hits[-1])
            if wanted <= 0:
                break
        found = np.concatenate(hits) if hits else np.zeros(0, dtype=np.int64)
        return found[offset:offset + limit]
