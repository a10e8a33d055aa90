"""The Store on real databases (SQLite file; PostgreSQL when SITREP_TEST_PG_URL is set)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from sitrep.model import DAY, MONTH, Place, Source
from sitrep.store import Store
from sitrep.store.engine import current_revision, head_revision
from sitrep.store.schema import event_documents, events, metadata, on_this_engine
from test_store_samples import (ISWAP, KHAN_YUNIS, MAIDUGURI, NAIROBI, ARMY_NG, clash_event, clash_report, document,
                                event_from, mention, pg_url, protest_event, strike_event)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    """A fresh, empty database of each engine: a file for SQLite, a new database for PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "sitrep.db")
        return
    base = make_url(pg_url())
    name = f"sitrep_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def store(db):
    s = Store(db)
    yield s
    s.close()


def _without_store_time(e):
    return replace(e, updated_at=None)


def test_new_database_is_migrated_to_head_and_matches_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    assert current_revision(store.engine) == head_revision()
    names = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "event_documents", "review_log", "alembic_version"} <= names
    with store.engine.connect() as c:
        opts = {"compare_type": True, "include_object": partial(on_this_engine, dialect=c.dialect.name)}
        assert compare_metadata(MigrationContext.configure(c, opts=opts), metadata) == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    s = Store(str(tmp_path / "w.db"))
    with s.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    s.close()


def test_missing_or_unusable_database_is_refused_with_one_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(str(tmp_path / "nothing.db"), create=False)
    not_a_db = tmp_path / "events.csv"
    not_a_db.write_text("event_id_cnty,event_date\nNGA-1,2024-03-12\n", encoding="utf-8")
    with pytest.raises(OSError, match="not a database"):
        Store(str(not_a_db))
    # A new database in a folder that does not exist yet is created with its folder.
    Store(str(tmp_path / "runs" / "march" / "sitrep.db")).close()
    assert (tmp_path / "runs" / "march" / "sitrep.db").exists()


def test_event_round_trips_through_the_database(store):
    doc = clash_report()
    e = clash_event(doc)
    store.save([doc], [e])
    back = store.get_event(e.id)
    assert back.updated_at is not None
    assert _without_store_time(back) == e
    assert store.get_document(doc.id) == doc
    with store.engine.connect() as c:
        row = c.execute(select(events).where(events.c.id == e.id)).one()
    assert (row.country_code, row.admin1, row.actor1, row.inter1, row.interaction) == \
           ("NG", "Borno", ARMY_NG.name, 1, 12)
    assert (row.event_date, row.year, row.fatalities) == (date(2024, 3, 12), 2024, 15)


def test_saving_the_same_input_twice_changes_nothing(store):
    docs_events = [protest_event(), strike_event()]
    docs, evs = [d for d, _ in docs_events], [e for _, e in docs_events]
    first = store.save(docs, evs)
    assert (first["documents"], first["inserted"]) == (2, 2)
    with store.engine.connect() as c:
        before = c.execute(select(events).order_by(events.c.id)).all()
    again = store.save(docs, evs)
    assert (again["documents"], again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 0, 2)
    with store.engine.connect() as c:
        assert c.execute(select(events).order_by(events.c.id)).all() == before
    assert store.count_events() == 2
    # The same text under another id is recognised as stored, as is the same id.
    assert store.already_stored(docs[0])
    copy = document("elsewhere-7", docs[1].text, docs[1].published)
    assert "ps-001" in store.already_stored(copy)
    assert store.already_stored(document("fresh-1", "A new report about something else.", date(2024, 1, 1))) is None


def test_bad_record_mid_batch_leaves_earlier_data_intact(store):
    d1, e1 = protest_event()
    store.save([d1], [e1])
    d2, e2 = strike_event()
    bad = clash_event()
    bad.fatalities = 10**12  # a misread number: no database column can hold it as a count
    with pytest.raises(ValueError, match=bad.id):
        store.save([d2, clash_report()], [e2, bad])
    bad.fatalities, bad.review_status = 15, "approved-by-nobody"
    with pytest.raises(ValueError, match="review_status"):
        store.save([d2, clash_report()], [e2, bad])
    assert store.count_events() == 1
    assert store.get_document(d2.id) is None
    assert store.get_event(e1.id) == store.events()[0]


def test_database_failure_mid_save_rolls_back_the_whole_batch(tmp_path):
    s = Store(str(tmp_path / "t.db"))
    d1, e1 = protest_event()
    s.save([d1], [e1])
    d2, e2 = strike_event()
    doc3 = clash_report()
    e3 = clash_event(doc3)
    with s.engine.begin() as c:  # the database itself refuses the third event, after the others are written
        c.exec_driver_sql(f"CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.id = '{e3.id}' "
                          "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception, match="refused"):
        s.save([d2, doc3], [e2, e3])
    assert [e.id for e in s.events()] == [e1.id]
    assert s.get_document(d2.id) is None and s.get_document(doc3.id) is None
    s.close()


def test_reviewed_event_is_not_overwritten_by_a_later_run(store):
    doc = clash_report()
    e = clash_event(doc)
    store.save([doc], [e])
    edited = store.get_event(e.id)
    edited.fatalities, edited.notes = 11, "Reviewer: the four soldiers are counted in the army's toll."
    store.update_event(edited, user="analyst-1", action="edit", reason="count from the army statement")
    # A later run merges a second report into the same event and saves it as unreviewed.
    later = clash_report("ng-002", date(2024, 3, 15))
    rerun = clash_event(doc)
    rerun.sources.append(Source(later.id, later.url, "Premium Times", later.published))
    rerun.fatalities = 20
    counts = store.save([later], [rerun])
    assert counts["protected"] == 1
    kept = store.get_event(e.id)
    assert (kept.fatalities, kept.review_status) == (11, "edited")
    assert kept.notes.startswith("Reviewer:") and [s.doc_id for s in kept.sources] == ["ng-001"]
    assert store.documents_of_event(e.id) == ["ng-001", "ng-002"]  # the new report is linked as new evidence
    log = store.review_history(e.id)
    assert [(r["user"], r["action"]) for r in log] == [("analyst-1", "edit")]
    assert '"fatalities":15' in log[0]["before"] and '"fatalities":11' in log[0]["after"]
    assert store.count_events(review_status="edited") == 1


def test_candidate_window_is_same_country_and_ten_days(store):
    doc = clash_report()
    center = date(2024, 3, 12)

    def ev(tag, when, place, precision=DAY):
        m = mention(doc, "Battles", "Armed clash", when, place, ARMY_NG, ISWAP, start=len(tag), end=60)
        return event_from([m], event_id=f"{tag}-{uuid.uuid4().hex[:6]}", date_precision=precision)

    nowhere = Place(None, "", 0.0, 0.0)
    stored = {
        "in-before": ev("in-before", center - timedelta(days=9), MAIDUGURI),
        "in-after": ev("in-after", center + timedelta(days=10), MAIDUGURI),
        "in-undated": ev("in-undated", None, MAIDUGURI),
        "in-no-country": ev("in-no-country", center, nowhere),
        "out-early": ev("out-early", center - timedelta(days=11), MAIDUGURI),
        "out-late": ev("out-late", center + timedelta(days=25), MAIDUGURI),
        "out-kenya": ev("out-kenya", center, NAIROBI),
        "out-gaza": ev("out-gaza", center + timedelta(days=1), KHAN_YUNIS),
        # Known only to the month (dated the 1st, as the month of February): may be the same event.
        "in-month": ev("in-month", center - timedelta(days=25), MAIDUGURI, precision=MONTH),
        "out-day-25": ev("out-day-25", center - timedelta(days=25), MAIDUGURI),
    }
    store.save([doc], list(stored.values()))
    probe = mention(document("probe", "Fighting resumed near Maiduguri.", center), "Battles", "Armed clash",
                    center, MAIDUGURI)
    found = {e.id.rsplit("-", 1)[0] for e in store.candidate_events([probe])}
    assert found == {"in-before", "in-after", "in-undated", "in-no-country", "in-month"}
    # A report that gives no date, published 30 days after `center`: the fortnight before it, +-10 days
    # (center+6 .. center+40), month-precise events a month further out, and undated events.
    undated = replace(probe, date=None, date_precision=None, published=center + timedelta(days=30))
    found = {e.id.rsplit("-", 1)[0] for e in store.candidate_events([undated])}
    assert found == {"in-after", "out-late", "in-month", "in-undated"}
    assert store.candidate_events([]) == []


def test_candidate_event_absorbed_by_the_merge_is_removed(store):
    d1, d2 = clash_report("ng-001"), clash_report("ng-002", date(2024, 3, 15))
    a = clash_event(d1)
    b = event_from([mention(d2, "Battles", "Armed clash", date(2024, 3, 12), MAIDUGURI, ARMY_NG, ISWAP, 17)])
    store.save([d1, d2], [a, b])
    candidates = store.candidate_events(b.mentions)
    assert {e.id for e in candidates} == {a.id, b.id}
    merged = event_from(a.mentions + b.mentions, event_id=a.id)
    counts = store.save([], [merged])
    assert counts["removed"] == 1
    assert [e.id for e in store.events()] == [a.id]
    assert store.documents_of_event(a.id) == ["ng-001", "ng-002"]
    assert store.events_of_document("ng-002") == [a.id]
    with store.engine.connect() as c:
        assert c.execute(select(event_documents).where(event_documents.c.event_id == b.id)).all() == []


def test_database_of_the_first_store_is_converted_in_place(db):
    """sitrep's first store kept events as bare JSON with no schema version: opening it upgrades it."""
    import json

    from sqlalchemy import Column, Date, MetaData, String, Table, Text

    from sitrep.store.codec import event_to_dict
    from sitrep.store.engine import make_engine

    first = MetaData()
    old_docs = Table("documents", first, Column("id", String, primary_key=True),
                     Column("content_hash", String, index=True, nullable=False), Column("url", Text),
                     Column("title", Text), Column("source", Text), Column("published", Date),
                     Column("language", String), Column("text", Text, nullable=False))
    old_events = Table("events", first, Column("id", String, primary_key=True),
                       Column("event_date", Date, index=True), Column("record", Text, nullable=False))
    doc, e = strike_event()
    engine = make_engine(db)
    first.create_all(engine)
    with engine.begin() as c:
        c.execute(old_docs.insert().values(id=doc.id, content_hash=doc.content_hash, url=doc.url, title=doc.title,
                                           source=doc.source, published=doc.published, language="en", text=doc.text))
        c.execute(old_events.insert().values(id=e.id, event_date=e.date, record=json.dumps(event_to_dict(e))))
    engine.dispose()
    s = Store(db)
    assert current_revision(s.engine) == head_revision()
    assert _without_store_time(s.get_event(e.id)) == e
    assert s.get_document(doc.id) == doc and s.documents_of_event(e.id) == [doc.id]
    assert not {"first_events", "first_documents"} & set(inspect(s.engine).get_table_names())
    s.close()


def test_reopened_event_takes_pipeline_updates_again_and_rejected_one_is_kept(store):
    d1, protest = protest_event()
    d2, strike = strike_event()
    store.save([d1, d2], [protest, strike])
    store.update_event(store.get_event(protest.id), user="analyst-2", action="accept")
    store.update_event(store.get_event(strike.id), user="analyst-2", action="reject", reason="not in Gaza")
    assert store.count_events(review_status="accepted") == 1 and store.count_events(review_status="rejected") == 1
    reopened = store.update_event(store.get_event(protest.id), user="analyst-2", action="reopen")
    assert reopened.review_status == "unreviewed"
    later = replace(protest, injuries=4)
    strike_again = replace(strike, fatalities=9)
    counts = store.save([], [later, strike_again])
    assert (counts["updated"], counts["protected"]) == (1, 1)
    assert store.get_event(protest.id).injuries == 4
    assert (store.get_event(strike.id).fatalities, store.get_event(strike.id).review_status) == (6, "rejected")
    assert [r["action"] for r in store.review_history(protest.id)] == ["accept", "reopen"]
