"""The Store: Documents and Events in one SQL database (SQLite path or PostgreSQL URL), through SQLAlchemy.

Writes are idempotent (documents by id and content hash, events by their stable id; an unchanged
event is not rewritten) and atomic (one transaction per `save`). Events a human has reviewed are
never overwritten by the pipeline. The tables are in `schema.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import bindparam, delete, func, select, union, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError

from sitrep.model import Document, Event, Mention
from sitrep.store.candidates import DEFAULT_WINDOW_DAYS, candidate_conditions
from sitrep.store.codec import event_from_json, event_to_json
from sitrep.store.engine import make_engine, migrate, sqlite_reader
from sitrep.store.reads import Reads
from sitrep.store.rows import event_columns, record_row
from sitrep.store.schema import (REVIEW_STATUSES, data_version, documents, event_documents, event_records, events,
                                 review_log)

_CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
_INT_COLUMNS = ("fatalities", "fatalities_low", "fatalities_high", "injuries", "n_sources", "geonameid", "year")
_INT_MAX = 2**31 - 1  # INTEGER on PostgreSQL
_ACTION_STATUS = {"accept": "accepted", "edit": "edited", "reject": "rejected", "reopen": "unreviewed"}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _as_utc(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; every datetime sitrep writes is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _document_row(d: Document, at: datetime) -> dict:
    if not isinstance(d.id, str) or not d.id:
        raise ValueError(f"document {d.id!r}: id must be a non-empty string")
    if not isinstance(d.text, str):
        raise ValueError(f"document {d.id}: text is missing")
    return {"id": d.id, "content_hash": d.content_hash, "url": d.url, "title": d.title, "source": d.source,
            "published": d.published, "language": d.language, "text": d.text, "ingested_at": at}


def _event_row(e: Event, at: datetime) -> tuple[dict, str]:
    """The events row of `e` and its JSON record, or a ValueError naming the event."""
    if not isinstance(e.id, str) or not e.id:
        raise ValueError(f"event {e.id!r}: id must be a non-empty string")
    if (e.review_status or "unreviewed") not in REVIEW_STATUSES:
        raise ValueError(f"event {e.id}: unknown review_status {e.review_status!r}")
    try:
        row, record = event_columns(e, at), record_row(e)["record"]
    except (TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"event {e.id}: cannot be stored: {type(err).__name__}: {err}") from err
    for name in _INT_COLUMNS:
        value = row[name]
        if value is not None and not (isinstance(value, int) and -_INT_MAX <= value <= _INT_MAX):
            raise ValueError(f"event {e.id}: {name} {value!r} is not a count that can be stored")
    return row, record


# An event read back whole: its record, with the status and time the events row has.
_WHOLE = (event_records.c.record, events.c.review_status, events.c.updated_at)
_WITH_RECORD = events.join(event_records, event_records.c.event_id == events.c.id)
# Built once: building a select per document cost more than running it (SQLAlchemy then reuses
# the compiled form from its cache).
_STORED_AS = select(documents.c.id).where(
    (documents.c.id == bindparam("doc_id")) | (documents.c.content_hash == bindparam("content_hash"))).limit(1)
_STORED_AS_SQLITE = "SELECT id FROM documents WHERE id = ? OR content_hash = ? LIMIT 1"  # the same, for sqlite3


class Store:
    """Documents and Events in SQL. `db` is a SQLite file path or a SQLAlchemy URL."""

    def __init__(self, db: str, create: bool = True) -> None:
        if not create and "://" not in str(db) and not Path(db).exists():
            raise FileNotFoundError(f"no database at {db}")
        if create and "://" not in str(db):
            Path(db).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = make_engine(str(db))
        try:
            migrate(self.engine)
        except DatabaseError as err:  # not a database, server unreachable, bad password: one clear line
            self.engine.dispose()
            reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
            raise OSError(f"cannot open database {self.engine.url.render_as_string(hide_password=True)}: "
                          f"{reason}") from err
        self.reads = Reads(self.engine)  # the dashboard's and the API's queries
        # Mention ids of the events the last candidate_events() returned: a candidate the merge
        # absorbed into another event is removed on the next save.
        self._candidates: dict[str, set[str]] = {}
        self._reader = sqlite_reader(self.engine)  # None unless a SQLite file
        self._reader_lock = threading.Lock()

    # -- documents ---------------------------------------------------------------------------

    def already_stored(self, doc: Document) -> str | None:
        """Why `doc` needs no processing (its id or its text is already stored), or None."""
        if self._reader is not None:
            with self._reader_lock:
                row = self._reader.execute(_STORED_AS_SQLITE, (doc.id, doc.content_hash)).fetchone()
            return f"already in the database as {row[0]}" if row else None
        with self.engine.connect() as c:
            row = c.execute(_STORED_AS, {"doc_id": doc.id, "content_hash": doc.content_hash}).first()
        return f"already in the database as {row.id}" if row else None

    def get_document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as c:
            r = c.execute(select(documents).where(documents.c.id == doc_id)).first()
        if r is None:
            return None
        return Document(id=r.id, text=r.text, url=r.url, title=r.title, source=r.source,
                        published=r.published, language=r.language or "en", content_hash=r.content_hash)

    def documents_of_event(self, event_id: str) -> list[str]:
        with self.engine.connect() as c:
            return list(c.scalars(select(event_documents.c.doc_id).where(event_documents.c.event_id == event_id)
                                  .order_by(event_documents.c.doc_id)))

    def events_of_document(self, doc_id: str) -> list[str]:
        with self.engine.connect() as c:
            return list(c.scalars(select(event_documents.c.event_id).where(event_documents.c.doc_id == doc_id)
                                  .order_by(event_documents.c.event_id)))

    # -- events ------------------------------------------------------------------------------

    @staticmethod
    def _decode(row) -> Event:
        e = event_from_json(row.record)
        e.review_status = row.review_status
        e.updated_at = _as_utc(row.updated_at)
        return e

    def candidate_events(self, mentions: Iterable[Mention], days: int = DEFAULT_WINDOW_DAYS) -> list[Event]:
        """Stored events that could merge with `mentions`: same country (or none known), dated within
        `days` of a mention (widened for week/month precision) or undated."""
        mentions = list(mentions)
        if not mentions:
            self._candidates = {}
            return []
        ids: set[str] = set()
        with self.engine.connect() as c:
            # A UNION of index range scans (one per country and date window), then the records by id.
            for clauses in _chunks(candidate_conditions(mentions, days), 200):
                ids.update(c.scalars(union(*(select(events.c.id).where(w) for w in clauses))))
            found = []
            for chunk in _chunks(sorted(ids)):
                rows = c.execute(select(*_WHOLE).select_from(_WITH_RECORD)
                                 .where(events.c.id.in_(chunk)).order_by(events.c.id))
                found += [self._decode(r) for r in rows]
        self._candidates = {e.id: {m.id for m in e.mentions} for e in found}
        return found

    def events(self) -> list[Event]:
        return list(self.iter_events())

    def iter_events(self, batch: int = 2000) -> Iterator[Event]:
        """Every stored event, by id, decoded a batch at a time."""
        query = select(*_WHOLE).select_from(_WITH_RECORD).order_by(events.c.id)
        with self.engine.connect() as c:
            result = c.execution_options(stream_results=True, yield_per=batch).execute(query)
            for row in result:
                yield self._decode(row)

    def get_event(self, event_id: str) -> Event | None:
        with self.engine.connect() as c:
            r = c.execute(select(*_WHOLE).select_from(_WITH_RECORD).where(events.c.id == event_id)).first()
        return self._decode(r) if r else None

    def count_events(self, review_status: str | None = None) -> int:
        query = select(func.count()).select_from(events)
        if review_status:
            query = query.where(events.c.review_status == review_status)
        with self.engine.connect() as c:
            return int(c.scalar(query))

    # -- writing -----------------------------------------------------------------------------

    def save(self, docs: Iterable[Document], evs: Iterable[Event]) -> dict[str, int]:
        """Store documents and upsert events in ONE transaction; nothing is written if anything fails.

        Documents already stored are left alone. An event identical to its stored version is not
        rewritten; one a human reviewed is kept as the human left it. A candidate event (from the
        last `candidate_events`) whose mentions all moved into other events is deleted.
        Returns counts: documents, inserted, updated, unchanged, protected, removed.
        """
        at = _now()
        doc_rows = [_document_row(d, at) for d in docs]
        evs = list(evs)
        ev_rows = {}
        for e in evs:  # the last version of an id wins, as an in-memory merge would
            ev_rows[e.id] = (e, *_event_row(e, at))
        counts = dict(documents=0, inserted=0, updated=0, unchanged=0, protected=0, removed=0)
        with self.engine.begin() as c:
            counts["documents"] = self._insert_new_documents(c, doc_rows)
            stored = self._stored_state(c, list(ev_rows))
            inserts, changed, protected = [], [], []
            for eid, (e, row, record) in ev_rows.items():
                if eid not in stored:
                    inserts.append(dict(row, created_at=at))
                elif stored[eid][0] != "unreviewed":
                    protected.append(e)
                elif stored[eid][1] == record and row["review_status"] == "unreviewed":
                    counts["unchanged"] += 1
                else:
                    changed.append(row)
            if inserts:
                c.execute(events.insert(), inserts)
                c.execute(event_records.insert(), [{"event_id": r["id"], "record": ev_rows[r["id"]][2]} for r in inserts])
            updated = []
            for row in changed:
                # The status test in the UPDATE itself: a review committed since the read above still wins.
                done = c.execute(update(events).where(events.c.id == row["id"], events.c.review_status == "unreviewed")
                                 .values(**row)).rowcount
                if done:
                    updated.append(row)
                    _write_record(c, row["id"], ev_rows[row["id"]][2])
            written_ids = {r["id"] for r in inserts + updated}
            protected += [ev_rows[r["id"]][0] for r in changed if r["id"] not in written_ids]
            counts["protected"] = len(protected)
            self._link_documents(c, [ev_rows[r["id"]][0] for r in inserts + updated],
                                 replace=[r["id"] for r in updated])
            new_links = self._link_new_evidence(c, protected)
            counts["removed"] = self._remove_absorbed(c, evs)
            counts["inserted"], counts["updated"] = len(inserts), len(updated)
            if new_links or any(counts[k] for k in ("documents", "inserted", "updated", "removed")):
                _bump_version(c)
        self._candidates = {}
        return counts

    def _insert_new_documents(self, c: Connection, rows: list[dict]) -> int:
        if not rows:
            return 0
        unique = list({r["id"]: r for r in rows}.values())
        seen: set[str] = set()
        for ids in _chunks([r["id"] for r in unique]):
            seen.update(c.scalars(select(documents.c.id).where(documents.c.id.in_(ids))))
        new = [r for r in unique if r["id"] not in seen]
        if new:
            c.execute(documents.insert(), new)
        return len(new)

    def _stored_state(self, c: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
        """id -> (review_status, record) of the events among `ids` that are stored."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(ids):
            for r in c.execute(select(events.c.id, events.c.review_status, event_records.c.record)
                               .select_from(events.outerjoin(event_records, event_records.c.event_id == events.c.id))
                               .where(events.c.id.in_(chunk))):
                out[r.id] = (r.review_status, r.record)
        return out

    def _link_documents(self, c: Connection, evs: list[Event], replace: list[str]) -> None:
        for chunk in _chunks(replace):
            c.execute(delete(event_documents).where(event_documents.c.event_id.in_(chunk)))
        links = [{"event_id": e.id, "doc_id": doc_id}
                 for e in evs for doc_id in sorted({s.doc_id for s in e.sources} | {m.doc_id for m in e.mentions})]
        if links:
            c.execute(event_documents.insert(), links)

    def _link_new_evidence(self, c: Connection, reviewed: list[Event]) -> int:
        """Link reports that arrived after a review to the reviewed event, leaving its record as the human left it.
        Returns how many links were added."""
        added = 0
        for e in reviewed:
            wanted = {s.doc_id for s in e.sources} | {m.doc_id for m in e.mentions}
            have = set(c.scalars(select(event_documents.c.doc_id).where(event_documents.c.event_id == e.id)))
            new = sorted(wanted - have)
            if new:
                c.execute(event_documents.insert(), [{"event_id": e.id, "doc_id": d} for d in new])
                added += len(new)
        return added

    def _remove_absorbed(self, c: Connection, evs: list[Event]) -> int:
        """Delete unreviewed candidates that the merge folded into other events of this save."""
        if not self._candidates:
            return 0
        kept = {e.id for e in evs}
        covered = {m.id for e in evs for m in e.mentions}
        gone = [eid for eid, mids in self._candidates.items()
                if eid not in kept and mids and mids <= covered]
        removed = 0
        for chunk in _chunks(gone):
            removed += c.execute(delete(events).where(events.c.id.in_(chunk),
                                                      events.c.review_status == "unreviewed")).rowcount or 0
        return removed

    def update_event(self, event: Event, user: str, action: str, reason: str = "") -> Event:
        """A human's change: write `event` and a review_log row (before/after) in one transaction.

        `action` 'accept', 'edit', 'reject' or 'reopen' sets the review_status; any other action keeps
        the event's own status. Returns the event as stored.
        """
        event.review_status = _ACTION_STATUS.get(action, event.review_status or "unreviewed")
        at = _now()
        row, record = _event_row(event, at)
        with self.engine.begin() as c:
            before = c.execute(select(*_WHOLE).select_from(_WITH_RECORD).where(events.c.id == event.id)).first()
            if c.scalar(select(events.c.id).where(events.c.id == event.id)) is None:
                c.execute(events.insert().values(**row, created_at=at))
            else:
                c.execute(update(events).where(events.c.id == event.id).values(**row))
            _write_record(c, event.id, record)
            self._link_documents(c, [event], replace=[event.id])
            c.execute(review_log.insert().values(
                event_id=event.id, user=user or "", action=action, reason=reason,
                before=_with_status(before.record, before.review_status) if before else None,
                after=_with_status(record, event.review_status), at=at))
            _bump_version(c)
        event.updated_at = at
        return event

    def data_version(self) -> int:
        """A number that every write through a Store (of any process) raises: unchanged means same data."""
        with self.engine.connect() as c:
            return int(c.scalar(select(data_version.c.version).where(data_version.c.id == 1)) or 0)

    def review_history(self, event_id: str) -> list[dict]:
        """The review_log rows of an event, oldest first."""
        with self.engine.connect() as c:
            rows = c.execute(select(review_log).where(review_log.c.event_id == event_id)
                             .order_by(review_log.c.at, review_log.c.id))
            return [dict(r._mapping) for r in rows]

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _bump_version(c: Connection) -> None:
    # Last statement of a write transaction: on PostgreSQL concurrent writers wait for this row
    # only for the moment until commit.
    if not c.execute(update(data_version).where(data_version.c.id == 1)
                     .values(version=data_version.c.version + 1)).rowcount:
        c.execute(data_version.insert().values(id=1, version=1))


def _write_record(c: Connection, event_id: str, record: str) -> None:
    """Replace the stored JSON of an event whose events row exists (inserting it if it was missing)."""
    if not c.execute(update(event_records).where(event_records.c.event_id == event_id).values(record=record)).rowcount:
        c.execute(event_records.insert().values(event_id=event_id, record=record))


def _with_status(record: str, status: str) -> str:
    """The record JSON with the status the row had (the column is the truth for review_status)."""
    e = event_from_json(record)
    e.review_status = status
    return event_to_json(e)
