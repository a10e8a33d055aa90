"""The event list's filter and sort as SQL text: one statement per filter shape, built once and reused.

A dashboard asks the same few kinds of question with different values (a country, a date range,
a word). The SQL of a kind (its "shape": which conditions are set, the sort, the engine) is built
once and kept; a request only binds its values. This skips SQLAlchemy's statement building and
compiling on the hot path, which cost more than SQLite's own work for a page of 50 events.
The conditions mean the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# The flat columns a list row carries (no record: decoding JSON is the slow part of a page).
LIST_COLUMNS = (
    "id", "event_date", "date_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "interaction", "civilian_targeting",
    "country", "country_code", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injuries", "n_sources",
    "confidence", "disagreement", "review_status", "notes",
)
BOOLEAN_COLUMNS = ("civilian_targeting", "disagreement")
SORT_KEYS = {
    "date": "event_date", "event_date": "event_date", "fatalities": "fatalities", "confidence": "confidence",
    "country": "country", "admin1": "admin1", "event_type": "event_type", "sub_event_type": "sub_event_type",
    "n_sources": "n_sources", "updated_at": "updated_at",
}
ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
MAX_WORDS = 8  # words of a notes search that count; more are ignored


def plain_list_row(row: dict) -> dict:
    """A list row as both engines give it back, the same: `event_date` an ISO string, flags booleans."""
    day = row["event_date"]
    if day is not None and not isinstance(day, str):
        row["event_date"] = day.isoformat()
    for name in BOOLEAN_COLUMNS:  # SQLite gives 0/1
        if row[name] is not None:
            row[name] = bool(row[name])
    return row


@dataclass(frozen=True)
class EventFilter:
    """What a user narrows the event list by; None or "" means no condition."""

    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    country: str = ""  # a name or an ISO 3166-1 alpha-2 code
    admin1: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor: str = ""  # a substring of actor1 / actor2 / associated actors
    min_fatalities: int | None = None
    q: str = ""  # words in the notes, all of which must appear
    review_status: str = ""

    def words(self) -> list[str]:
        return self.q.split()[:MAX_WORDS]

    def is_search(self) -> bool:
        return bool(self.actor or self.q)

    def shape(self) -> tuple:
        """What decides the SQL text (not the values): a hashable key."""
        box = self.bbox
        return (self.date_from is not None, self.date_to is not None,
                None if box is None else box[0] <= box[2],
                "" if not self.country else ("code" if _is_code(self.country) else "name"),
                bool(self.admin1), bool(self.event_type), bool(self.sub_event_type),
                None if not self.actor else self.actor.isascii(),
                self.min_fatalities is not None, tuple(w.isascii() for w in self.words()), bool(self.review_status))

    def params(self) -> dict:
        """The values bound to the placeholders of `where_sql(self.shape(), ...)`."""
        p: dict = {}
        if self.date_from is not None:
            p["date_from"] = self.date_from
        if self.date_to is not None:
            p["date_to"] = self.date_to
        if self.bbox:
            p["min_lon"], p["min_lat"], p["max_lon"], p["max_lat"] = self.bbox
        if self.country:
            p["country"] = self.country.upper() if _is_code(self.country) else self.country.lower()
        if self.admin1:
            p["admin1"] = self.admin1.lower()
        if self.event_type:
            p["event_type"] = self.event_type
        if self.sub_event_type:
            p["sub_event_type"] = self.sub_event_type
        if self.actor:
            p["actor"] = _contains_pattern(self.actor)
        if self.min_fatalities is not None:
            p["min_fatalities"] = self.min_fatalities
        for i, word in enumerate(self.words()):
            p[f"word{i}"] = _contains_pattern(word)
        if self.review_status:
            p["review_status"] = self.review_status
        return p


def _is_code(country: str) -> bool:
    return len(country) == 2 and country.isalpha()


def _contains_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def placeholder(dialect: str, name: str) -> str:
    """A named parameter in the driver's own style (sqlite3 `:name`, psycopg `%(name)s`)."""
    return f":{name}" if dialect == "sqlite" else f"%({name})s"


@lru_cache(maxsize=512)
def where_sql(shape: tuple, dialect: str) -> str:
    """The WHERE condition of a filter shape ("1=1" for none)."""
    (date_from, date_to, box_plain, country, admin1, event_type, sub_event_type, actor_ascii, min_fatalities,
     words_ascii, review_status) = shape
    ph = lambda name: placeholder(dialect, name)  # noqa: E731
    out = []

    def contains(col: str, name: str, ascii_only: bool) -> str:
        # SQLite's LIKE already ignores ASCII case, and without lower() on every row it is much faster.
        if dialect == "sqlite":
            if ascii_only:
                return f"{col} LIKE {ph(name)} ESCAPE '\\'"
            return f"lower({col}) LIKE lower({ph(name)}) ESCAPE '\\'"
        return f"{col} ILIKE {ph(name)} ESCAPE '\\'"

    if date_from:
        out.append(f"event_date >= {ph('date_from')}")
    if date_to:
        out.append(f"event_date <= {ph('date_to')}")
    if box_plain is not None:
        out.append(f"latitude BETWEEN {ph('min_lat')} AND {ph('max_lat')}")
        if box_plain:
            out.append(f"longitude BETWEEN {ph('min_lon')} AND {ph('max_lon')}")
        else:  # a box across the antimeridian
            out.append(f"(longitude >= {ph('min_lon')} OR longitude <= {ph('max_lon')})")
    if country == "code":
        out.append(f"country_code = {ph('country')}")
    elif country == "name":
        out.append(f"lower(country) = {ph('country')}")
    if admin1:
        out.append(f"lower(admin1) = {ph('admin1')}")
    if event_type:
        out.append(f"event_type = {ph('event_type')}")
    if sub_event_type:
        out.append(f"sub_event_type = {ph('sub_event_type')}")
    if actor_ascii is not None:
        out.append("(" + " OR ".join(contains(col, "actor", actor_ascii) for col in ACTOR_COLUMNS) + ")")
    if min_fatalities:
        out.append(f"fatalities >= {ph('min_fatalities')}")
    for i, ascii_only in enumerate(words_ascii):
        out.append(contains("notes", f"word{i}", ascii_only))
    if review_status:
        out.append(f"review_status = {ph('review_status')}")
    return " AND ".join(out) or "1=1"


def order_sql(sort: str, scan_first: bool = False) -> str:
    """`-date` is newest first, NULLs last on both engines, then the id so that pages never overlap.

    `scan_first` (SQLite): sort the matches after finding them rather than walking the sort key's
    index; SQLite's unary `+` keeps the order but hides the column from the planner. A substring
    search matching little would otherwise read every row in sort order looking for a match."""
    col = SORT_KEYS[sort.lstrip("-")]
    key = f"+events.{col}" if scan_first else f"events.{col}"
    return f"{key} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST, events.id ASC"


@lru_cache(maxsize=1024)
def page_sql(shape: tuple, dialect: str, sort: str, scan_first: bool) -> str:
    """A page of list rows: the ids of the page found first (from indexes, without reading the
    wide rows they pass over), then only those rows read, in the same order."""
    where, order = where_sql(shape, dialect), order_sql(sort, scan_first)
    ph = lambda name: placeholder(dialect, name)  # noqa: E731
    cols = ", ".join(f"events.{c}" for c in LIST_COLUMNS)
    inner = (f"SELECT events.id AS id FROM events WHERE {where} ORDER BY {order} "
             f"LIMIT {ph('limit')} OFFSET {ph('offset')}")
    return f"SELECT {cols} FROM events WHERE events.id IN ({inner}) ORDER BY {order_sql(sort)}"


@lru_cache(maxsize=512)
def count_sql(shape: tuple, dialect: str) -> str:
    return f"SELECT count(*) FROM events WHERE {where_sql(shape, dialect)}"
