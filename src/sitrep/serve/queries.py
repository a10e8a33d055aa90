"""Read queries of the HTTP API over the store's tables: filtered event pages, counts, timelines.

These run on SQLite and PostgreSQL alike (SQLAlchemy Core only), straight on the narrow `events`
table: lists, counts and timelines never touch the JSON records (`event_records`), which are read
by id only for the few events a page or a download shows whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.engine import Engine

from sitrep.model import Event
from sitrep.store.schema import documents, event_documents, event_records, events, review_log

# The flat columns a list row carries (no record: decoding JSON is the slow part of a page).
LIST_COLUMNS = [
    "id", "event_date", "date_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "interaction", "civilian_targeting",
    "country", "country_code", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injuries", "n_sources",
    "confidence", "disagreement", "review_status", "notes",
]
TWO_STEP_MAX = 1000  # pages up to this size are read id-first
SORT_KEYS = {
    "date": events.c.event_date, "event_date": events.c.event_date, "fatalities": events.c.fatalities,
    "confidence": events.c.confidence, "country": events.c.country, "admin1": events.c.admin1,
    "event_type": events.c.event_type, "sub_event_type": events.c.sub_event_type,
    "n_sources": events.c.n_sources, "updated_at": events.c.updated_at,
}


@dataclass
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
    q: str = ""  # words in the notes
    review_status: str = ""

    def conditions(self, dialect: str = "") -> list:
        c = events.c
        out = []

        def contains(col, text: str):
            pattern = f"%{_escape_like(text)}%"
            # SQLite's LIKE already ignores ASCII case, and without lower() on every row it is much faster.
            if dialect == "sqlite" and text.isascii():
                return col.like(pattern, escape="\\")
            return col.ilike(pattern, escape="\\")

        if self.date_from:
            out.append(c.event_date >= self.date_from)
        if self.date_to:
            out.append(c.event_date <= self.date_to)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            out.append(c.latitude.between(min_lat, max_lat))
            if min_lon <= max_lon:
                out.append(c.longitude.between(min_lon, max_lon))
            else:  # a box across the antimeridian
                out.append(or_(c.longitude >= min_lon, c.longitude <= max_lon))
        if self.country:
            if len(self.country) == 2 and self.country.isalpha():
                out.append(c.country_code == self.country.upper())
            else:
                out.append(func.lower(c.country) == self.country.lower())
        if self.admin1:
            out.append(func.lower(c.admin1) == self.admin1.lower())
        if self.event_type:
            out.append(c.event_type == self.event_type)
        if self.sub_event_type:
            out.append(c.sub_event_type == self.sub_event_type)
        if self.actor:
            out.append(or_(*(contains(col, self.actor) for col in (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2))))
        if self.min_fatalities is not None:
            out.append(c.fatalities >= self.min_fatalities)
        if self.q:
            for word in self.q.split()[:8]:  # every word must appear, in any order
                out.append(contains(c.notes, word))
        if self.review_status:
            out.append(c.review_status == self.review_status)
        return out


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order(sort: str, scan_first: bool = False) -> list:
    """`-date` is newest first; an unknown key is refused by the caller before it gets here.

    `scan_first` (SQLite): sort the matches after finding them, rather than walking the sort key's
    index; SQLite's unary `+` keeps the same order but hides the column from the planner. A
    substring search matching nothing would otherwise read every row in sort order looking for a match."""
    key = sort.lstrip("-")
    col = SORT_KEYS[key]
    if scan_first:
        col = literal_column(f"+{col.table.name}.{col.name}")
    primary = col.desc() if sort.startswith("-") else col.asc()
    # NULLs last on both engines (SQLite >= 3.30 knows NULLS LAST), then the id so pages never overlap.
    return [primary.nulls_last(), events.c.id.asc()]


def decode_event(record: str) -> Event:
    """An event_records.record JSON string to an Event."""
    from sitrep.store.codec import event_from_json

    return event_from_json(record)


FEW_MATCHES = 2000  # below this many matches a substring search is sorted after it is found (SQLite)


def list_rows(engine: Engine, flt: EventFilter, sort: str, limit: int, offset: int,
              matches: int | None = None) -> list[dict]:
    """A page of events. Small pages are found by id first, then read: the filter and the sort can
    then be answered from indexes without reading every wide row they pass over."""
    cols = [events.c[name] for name in LIST_COLUMNS]
    where = and_(True, *flt.conditions(engine.dialect.name))
    # Substring searches are answered from their narrow indexes on SQLite (see the schema).
    # Walking the sort key's index finds a page of a common word at once, but reads the whole table
    # for a rare one: when the caller knows the search is rare (`matches`, the filter's total),
    # find all matches from the narrow index first, then sort them.
    rare = matches is not None and matches < FEW_MATCHES
    order = _order(sort, scan_first=engine.dialect.name == "sqlite" and bool(flt.actor or flt.q) and rare)
    with engine.connect() as conn:
        if limit > TWO_STEP_MAX:
            query = select(*cols).where(where).order_by(*order).limit(limit).offset(offset)
            return [dict(r._mapping) for r in conn.execute(query)]
        ids = list(conn.scalars(select(events.c.id).where(where).order_by(*order).limit(limit).offset(offset)))
        if not ids:
            return []
        found = {r.id: dict(r._mapping) for r in conn.execute(select(*cols).where(events.c.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def records_by_id(engine: Engine, ids: list[str]) -> dict[str, str]:
    """The JSON records of events, by id (read in chunks to stay under parameter limits)."""
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            out.update(conn.execute(select(event_records.c.event_id, event_records.c.record)
                                    .where(event_records.c.event_id.in_(chunk))).all())
    return out


def count(engine: Engine, flt: EventFilter) -> int:
    query = select(func.count()).select_from(events).where(and_(True, *flt.conditions(engine.dialect.name)))
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def timeline(engine: Engine, flt: EventFilter) -> list[dict]:
    """Events per day and event type, oldest first."""
    query = (select(events.c.event_date, events.c.event_type, func.count().label("n"))
             .where(and_(events.c.event_date.is_not(None), *flt.conditions(engine.dialect.name)))
             .group_by(events.c.event_date, events.c.event_type).order_by(events.c.event_date))
    with engine.connect() as conn:
        return [{"date": r.event_date.isoformat(), "event_type": r.event_type, "n": r.n}
                for r in conn.execute(query)]


def facets(engine: Engine) -> dict[str, list[str]]:
    """The distinct values of the dashboard's pick lists."""
    out = {}
    with engine.connect() as conn:
        for name in ("event_type", "sub_event_type", "country"):
            col = events.c[name]
            out[name] = [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col))]
    return out


def event_row(engine: Engine, event_id: str) -> dict | None:
    """The events row of one event with its JSON `record`."""
    query = (select(events, event_records.c.record)
             .join(event_records, event_records.c.event_id == events.c.id).where(events.c.id == event_id))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def document_row(engine: Engine, doc_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
    return dict(row._mapping) if row else None


def documents_by_id(engine: Engine, doc_ids: list[str]) -> dict[str, dict]:
    if not doc_ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(documents).where(documents.c.id.in_(doc_ids)))
        return {r.id: dict(r._mapping) for r in rows}


def events_of_document(engine: Engine, doc_id: str) -> list[dict]:
    query = (select(events.c.id, events.c.event_date, events.c.event_type, events.c.sub_event_type,
                    events.c.location, events.c.review_status)
             .join(event_documents, event_documents.c.event_id == events.c.id)
             .where(event_documents.c.doc_id == doc_id).order_by(events.c.event_date))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def review_entries(engine: Engine, event_id: str | None = None, limit: int = 200, offset: int = 0,
                   with_records: bool = False) -> list[dict]:
    cols = [review_log.c.id, review_log.c.event_id, review_log.c.user, review_log.c.action,
            review_log.c.reason, review_log.c.at]
    if with_records:
        cols += [review_log.c.before, review_log.c.after]
    query = select(*cols).order_by(review_log.c.at.desc(), review_log.c.id.desc()).limit(limit).offset(offset)
    if event_id:
        query = query.where(review_log.c.event_id == event_id)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def review_queue(engine: Engine, limit: int, offset: int) -> list[dict]:
    """Unreviewed events, least confident first."""
    flt = EventFilter(review_status="unreviewed")
    return list_rows(engine, flt, "confidence", limit, offset)


def reviewed_records(engine: Engine, statuses: tuple[str, ...]) -> list[str]:
    """The JSON records of events a person accepted or corrected, oldest review first."""
    query = (select(event_records.c.record).join(events, events.c.id == event_records.c.event_id)
             .where(events.c.review_status.in_(statuses))
             .order_by(events.c.updated_at, events.c.id))
    with engine.connect() as conn:
        return [r for (r,) in conn.execute(query)]


def changed_fields(before: str | None, after: str | None) -> dict[str, list]:
    """Which top-level fields of an event record a review changed: {field: [before, after]}."""
    try:
        a, b = json.loads(before or "{}"), json.loads(after or "{}")
    except ValueError:
        return {}
    skip = {"mentions", "review_status", "evidence"}
    return {k: [a.get(k), b.get(k)] for k in sorted(set(a) | set(b)) if k not in skip and a.get(k) != b.get(k)}
