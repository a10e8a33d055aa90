"""Opening a database of an older schema revision upgrades it in place, keeping every event, link and review;
revision 0003 adds PostgreSQL's sort and trigram indexes, or skips the trigram ones without pg_trgm rights."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from sitrep.store import Store
from sitrep.store.codec import event_to_json
from sitrep.store.engine import alembic_config, current_revision, head_revision, make_engine
from sitrep.store.reads import EventFilter
from sitrep.store.rows import event_columns
from sitrep.store.schema import event_documents, event_records, events
from test_store_db import db  # noqa: F401  (the SQLite / PostgreSQL database fixture)
from test_store_samples import clash_event, clash_report, pg_url, protest_event, strike_event


def _database_at_0001(url: str, pairs) -> None:
    """A database as sitrep wrote it at revision 0001: each event's JSON in events.record."""
    engine = make_engine(url)
    at = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
    with engine.begin() as c:
        cfg = alembic_config()
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0001")
        for doc, e in pairs:
            c.execute(text("INSERT INTO documents (id, content_hash, text) VALUES (:id, :h, :t)"),
                      {"id": doc.id, "h": doc.content_hash, "t": doc.text})
            row = dict(event_columns(e, at), created_at=at, record=event_to_json(e))
            names = ", ".join(f'"{k}"' for k in row)
            c.execute(text(f"INSERT INTO events ({names}) VALUES ({', '.join(':' + k for k in row)})"), row)
            c.execute(text("INSERT INTO event_documents (event_id, doc_id) VALUES (:e, :d)"), {"e": e.id, "d": doc.id})
        c.execute(text('INSERT INTO review_log (event_id, "user", action, reason, "after", at) '
                       "VALUES (:e, 'analyst', 'accept', '', :r, :at)"),
                  {"e": pairs[0][1].id, "r": event_to_json(pairs[0][1]), "at": at})
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_records_move_out_of_events_and_nothing_is_lost(db):  # noqa: F811
    doc = clash_report()
    pairs = [protest_event(), strike_event(), (doc, clash_event(doc))]
    _database_at_0001(db, pairs)

    store = Store(db)
    assert current_revision(store.engine) == head_revision()
    assert "record" not in {c["name"] for c in inspect(store.engine).get_columns("events")}
    with store.engine.connect() as c:
        records = dict(c.execute(select(event_records.c.event_id, event_records.c.record)).all())
        links = set(c.execute(select(event_documents.c.event_id, event_documents.c.doc_id)).all())
        flat = {r.id: r.actor1 for r in c.execute(select(events.c.id, events.c.actor1))}
    # The JSON is carried over byte for byte, and the links survive the column drop (no cascade fired).
    assert records == {e.id: event_to_json(e) for _, e in pairs}
    assert links == {(e.id, d.id) for d, e in pairs}
    assert flat == {e.id: e.actor1.name if e.actor1 else None for _, e in pairs}
    for _, e in pairs:
        back = store.get_event(e.id)
        assert back.actor1 == e.actor1 and back.mentions == e.mentions and back.place == e.place
    assert [r["action"] for r in store.review_history(pairs[0][1].id)] == ["accept"]
    # The upgraded database takes writes as a new one does: the same input again changes nothing.
    again = store.save([d for d, _ in pairs], [e for _, e in pairs])
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 3)
    store.close()


def test_deleting_an_event_deletes_its_record(db):  # noqa: F811
    store = Store(db)
    pairs = [protest_event(), strike_event()]
    store.save([d for d, _ in pairs], [e for _, e in pairs])
    gone = pairs[0][1].id
    with store.engine.begin() as c:
        c.execute(events.delete().where(events.c.id == gone))
    with store.engine.connect() as c:
        assert set(c.scalars(select(event_records.c.event_id))) == {pairs[1][1].id}
    assert [e.id for e in store.events()] == [pairs[1][1].id]
    store.close()


def _index_names(url: str) -> set[str]:
    engine = make_engine(url)
    names = {ix["name"] for ix in inspect(engine).get_indexes("events")}
    engine.dispose()
    return names


def test_revision_0003_upgrades_a_filled_database_and_searches_still_match(db):  # noqa: F811
    """From 0002 to head with events in place: nothing lost; on PostgreSQL the sort and trigram indexes exist."""
    pairs = [protest_event(), strike_event(), (clash_report(), clash_event(clash_report()))]
    engine = make_engine(db)
    with engine.begin() as c:
        cfg = alembic_config()
        cfg.attributes["connection"] = c
        command.upgrade(cfg, "0002")
    engine.dispose()
    store = Store(db)  # at 0002: the Store's own migrate() takes it to head
    assert current_revision(store.engine) == head_revision() == "0003"
    store.save([d for d, _ in pairs], [e for _, e in pairs])
    names = _index_names(db)
    if store.engine.dialect.name == "postgresql":
        assert {"ix_events_event_date_desc_id", "ix_events_notes_trgm", "ix_events_actor_names_trgm"} <= names
    else:
        assert not any(n.endswith("_trgm") or n.endswith("_desc_id") for n in names)
    word = pairs[0][1].notes.split()[1]
    expected = {e.id for _, e in pairs if word.lower() in e.notes.lower()}
    assert {r["id"] for r in store.reads.event_page(EventFilter(q=word), limit=50)} == expected
    store.close()


@pytest.mark.postgres
def test_pg_trgm_refused_leaves_the_migration_working_with_a_notice(caplog):
    """A database user who may not create extensions still gets a migrated, working database."""
    admin_url = make_url(pg_url())
    name, role = f"sitrep_trgm_{uuid.uuid4().hex[:10]}", f"sitrep_reader_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
        c.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        # No CREATE on the database: CREATE EXTENSION (even of a trusted one) is refused.
        c.execute(text(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC'))
    db_admin = create_engine(admin_url.set(database=name), isolation_level="AUTOCOMMIT")
    with db_admin.connect() as c:
        c.execute(text(f'GRANT ALL ON SCHEMA public TO "{role}"'))
    db_admin.dispose()
    url = admin_url.set(database=name, username=role, password=None).render_as_string(hide_password=False)
    try:
        with caplog.at_level(logging.WARNING, logger="sitrep.store"):
            store = Store(url)
        assert current_revision(store.engine) == head_revision()
        assert any("pg_trgm" in r.getMessage() for r in caplog.records)
        names = _index_names(url)
        assert "ix_events_event_date_desc_id" in names and "ix_events_notes_trgm" not in names
        pairs = [protest_event(), strike_event()]
        store.save([d for d, _ in pairs], [e for _, e in pairs])
        assert store.reads.count(EventFilter(actor=pairs[0][1].actor1.name[:5])) >= 1
        store.close()
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
