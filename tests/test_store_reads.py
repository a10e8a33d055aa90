"""The store's read queries: the memory index answers every event list and count exactly as SQL does."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import orjson
import pytest

from sitrep.model import Actor, Place
from sitrep.serve.synthetic import generate, places, scenarios
from sitrep.store import Store
from sitrep.store.reads import SORT_KEYS, EventFilter, Reads
from test_store_db import db  # noqa: F401  (the SQLite / PostgreSQL database fixture)

START = date(2024, 1, 1)


def _events():
    """Synthetic reports plus the awkward cases: undated, unplaced, across the antimeridian, non-ASCII
    names and notes, associated actors, equal dates (ties), reviewed events."""
    pairs = generate(300, seed=5, days=90, start=START)
    out = []
    for i, (doc, e) in enumerate(pairs):
        if i % 17 == 0:
            e = replace(e, date=None)
        if i % 23 == 0:
            e = replace(e, place=None)
        if i % 29 == 0:
            e = replace(e, place=Place(geonameid=2198148, name="Suva", country="Fiji", country_code="FJ", admin1="Central",
                                       latitude=-18.14, longitude=178.44 if i % 2 else -179.9))
        if i % 31 == 0:
            e = replace(e, place=Place(geonameid=2934246, name="Düsseldorf", country="Deutschland", country_code="DE",
                                       admin1="Nordrhein-Westfalen", latitude=51.22, longitude=6.77),
                        notes=(e.notes or "") + " Demonstranten zogen über die Königsallee.")
        if i % 11 == 0:
            e = replace(e, assoc_actor_1=[Actor(name="Local Traders Union", category="Civilians")])
        if i % 13 == 0:
            e = replace(e, review_status="accepted")
        out.append((doc, e))
    return out


def _random_filter(rng: random.Random) -> EventFilter:
    place, scenario = rng.choice(places()), rng.choice(scenarios())
    first = START + timedelta(days=rng.randrange(90))
    half = rng.uniform(0.5, 8)
    options = {
        "date_from": first, "date_to": first + timedelta(days=rng.randrange(0, 40)),
        "bbox": rng.choice([(place["lon"] - half, place["lat"] - half, place["lon"] + half, place["lat"] + half),
                            (170.0, -30.0, -170.0, 0.0)]),  # the second crosses the antimeridian
        "country": rng.choice([place["country_code"], place["country_code"].lower(), place["country"].upper(),
                               "Deutschland", "fj"]),
        "admin1": rng.choice(["borno", "CENTRAL", "nordrhein-westfalen", ""]),
        "event_type": scenario["event_type"], "sub_event_type": scenario["sub_event_type"],
        "actor": rng.choice(["police", "FORCES", "traders", "opposition", "zz"]),
        "min_fatalities": rng.randrange(0, 12),
        "q": rng.choice(["the", "minibus scene", "STUDENTS", "über", "königsallee", "night", "no-such-word"]),
        "review_status": rng.choice(["unreviewed", "accepted"]),
    }
    chosen = rng.sample(sorted(options), rng.choice([1, 1, 2, 3]))
    return EventFilter(**{k: options[k] for k in chosen})


@pytest.fixture
def filled(db):  # noqa: F811
    store = Store(db)
    pairs = _events()
    store.save([d for d, _ in pairs], [e for _, e in pairs])
    yield store
    store.close()


@pytest.mark.parametrize("rows_in_memory", [True, False], ids=["rows-in-memory", "rows-read-by-id"])
def test_memory_index_answers_lists_and_counts_exactly_as_sql(filled, rows_in_memory, monkeypatch):
    from sitrep.store import reads as reads_module

    if not rows_in_memory:  # a table too large to keep every row's JSON: pages read their rows by id
        monkeypatch.setattr(reads_module, "ROWS_IN_MEMORY_MAX", 10)
    sql, memory = Reads(filled.engine), Reads(filled.engine)
    memory.use_memory_index()
    rng = random.Random(20)
    sorts = [s for key in SORT_KEYS if key != "event_date" for s in (key, "-" + key)]
    answered = 0
    for _ in range(150):
        flt, sort = _random_filter(rng), rng.choice(sorts)
        total = sql.count(flt)
        assert memory.count(flt) == total, flt
        for offset in (0, 20):
            expected = sql.event_page(flt, sort, 20, offset)
            assert memory.event_page(flt, sort, 20, offset) == expected, (flt, sort, offset)
            # The API's rows, kept as JSON in the index, are the rows SQL reads now, encoded.
            assert memory.event_page_json(flt, sort, 20, offset) == [orjson.dumps(r) for r in expected]
        answered += memory.answers_from_memory(flt, sort)
    # PostgreSQL sorts text by its collation: those sorts (and updated_at everywhere) go to SQL.
    assert answered > (100 if filled.engine.dialect.name == "sqlite" else 60), "most questions must be answered " \
        "from memory, not handed back to SQL"


def test_memory_index_follows_writes_at_once(filled):
    reads = filled.reads
    reads.use_memory_index()
    flt = EventFilter(event_type="Battles")
    before = reads.count(flt)
    doc, event = generate(1, seed=99, first=5000, start=START)[0]
    event = replace(event, event_type="Battles", sub_event_type="Armed clash")
    other = Store(str(filled.engine.url.render_as_string(hide_password=False)).replace("sqlite:///", ""))
    other.save([doc], [event])  # another process's write: its own engine
    other.close()
    assert reads.count(flt) == before + 1
    assert event.id in {r["id"] for r in reads.event_page(flt, "-date", 1000, 0)}
    reviewed = filled.get_event(event.id)
    filled.update_event(reviewed, "analyst", "reject", "a drill")
    assert reads.count(replace(flt, review_status="rejected")) == 1


def test_a_table_over_the_memory_limit_is_served_by_sql(filled):
    reads = Reads(filled.engine)
    reads.use_memory_index(max_events=50)  # the fixture holds 300
    flt = EventFilter(event_type="Protests")
    assert not reads.answers_from_memory(flt, "-date")
    assert reads.count(flt) == Reads(filled.engine).count(flt) > 0


def test_a_large_index_is_rebuilt_in_the_background_while_sql_answers(filled, monkeypatch):
    import time

    from sitrep.store import reads as reads_module

    monkeypatch.setattr(reads_module, "BUILD_INLINE_MAX", 10)  # the fixture's 300 events count as large
    monkeypatch.setattr(reads_module, "REBUILD_EVERY", 0.0)
    reads = filled.reads
    reads.use_memory_index()
    flt = EventFilter(event_type="Riots")
    assert reads.answers_from_memory(flt, "-date")
    before = reads.count(flt)
    doc, event = generate(1, seed=98, first=6000, start=START)[0]
    filled.save([doc], [replace(event, event_type="Riots", sub_event_type="Violent demonstration")])
    assert reads.count(flt) == before + 1  # at once, from SQL, while the index is rebuilt
    deadline = time.time() + 20
    while not reads.answers_from_memory(flt, "-date") and time.time() < deadline:
        time.sleep(0.05)
    assert reads.answers_from_memory(flt, "-date") and reads.count(flt) == before + 1
