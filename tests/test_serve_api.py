"""The HTTP API: filters, pages, formats, documents, ingest, review and its audit log, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient

from sitrep.export.acled_csv import COLUMNS
from sitrep.store import reads
from sitrep.serve.app import ServeConfig, create_app
from sitrep.serve.synthetic import generate
from sitrep.store import Store

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitrep-User": "analyst-1"}
N_EVENTS = 90


def _pg_database():
    """A fresh database on the server of SITREP_TEST_PG_URL, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(os.environ["SITREP_TEST_PG_URL"])
    name = f"sitrep_serve_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def pg_database():
    if not os.environ.get("SITREP_TEST_PG_URL"):
        pytest.skip("SITREP_TEST_PG_URL is not set: no PostgreSQL server to test against")
    yield from _pg_database()


def _emptied(url: str) -> str:
    """The module's PostgreSQL database with no rows left by the previous test (schema kept)."""
    from sqlalchemy import create_engine, delete

    from sitrep.store.schema import documents, event_documents, events, review_log

    engine = create_engine(url)
    Store(url).close()  # creates the tables on first use
    with engine.begin() as c:
        for table in (event_documents, review_log, events, documents):
            c.execute(delete(table))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "serve.db")
    return _emptied(request.getfixturevalue("pg_database"))


@pytest.fixture
def reports():
    return generate(N_EVENTS, seed=11)


def _serve(db_url, reports, cache: bool = True, memory_index: bool = True):
    store = Store(db_url)
    store.save([d for d, _ in reports], [e for _, e in reports])
    store.close()
    app = create_app(ServeConfig(db=db_url, token=TOKEN, cache=cache, memory_index=memory_index))
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture
def server(db_url, reports):
    """A server as `sitrep serve` starts it, over a database holding the synthetic reports."""
    yield from _serve(db_url, reports)


@pytest.fixture(params=["cached", "uncached", "sql-only"])
def client(request, db_url, reports):
    """A server as `sitrep serve` runs (response cache and memory index on), without the cache, and
    without either (every list and count in SQL): the answers must be the same."""
    yield from _serve(db_url, reports, cache=request.param == "cached", memory_index=request.param != "sql-only")


def _ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["events"]}


def _expected(reports, keep) -> set[str]:
    return {e.id for _, e in reports if keep(e)}


def test_filters_select_exactly_the_matching_events(client, reports):
    get = lambda **p: _ids(client.get("/api/events", params={"limit": 1000, **p}))  # noqa: E731
    assert get(event_type="Battles") == _expected(reports, lambda e: e.event_type == "Battles")
    assert get(country="ua") == _expected(reports, lambda e: e.place.country_code == "UA")
    assert get(country="Ukraine") == get(country="UA")
    assert get(admin1="borno") == _expected(reports, lambda e: e.place.admin1 == "Borno")
    assert get(sub_event_type="Air/drone strike") == _expected(reports, lambda e: e.sub_event_type == "Air/drone strike")
    assert get(date_from="2024-02-01", date_to="2024-02-29") == _expected(
        reports, lambda e: date(2024, 2, 1) <= e.date <= date(2024, 2, 29))
    # A box around the West Bank and Gaza holds the Palestinian events only.
    assert get(bbox="34.0,31.0,35.6,32.7") == _expected(reports, lambda e: e.place.country_code == "PS")
    assert get(actor="opposition") == _expected(
        reports, lambda e: "Opposition" in (e.actor2.name if e.actor2 else ""))
    assert get(min_fatalities=5) == _expected(reports, lambda e: e.fatalities >= 5)
    assert get(q="minibus scene") == _expected(reports, lambda e: "minibus" in e.notes and "scene" in e.notes)
    both = get(event_type="Protests", country="CO")
    assert both == _expected(reports, lambda e: e.event_type == "Protests" and e.place.country_code == "CO")


def test_like_wildcards_in_a_search_are_literal(client):
    assert _ids(client.get("/api/events", params={"q": "%"})) == set()
    assert _ids(client.get("/api/events", params={"actor": "_"})) == set()


def test_pages_cover_every_event_once_in_sort_order(client, reports):
    seen, fatalities = [], []
    for page in (1, 2, 3, 4):
        body = client.get("/api/events", params={"page": page, "limit": 25, "sort": "-fatalities"}).json()
        assert body["total"] == N_EVENTS
        seen += [e["id"] for e in body["events"]]
        fatalities += [e["fatalities"] for e in body["events"]]
    assert len(seen) == len(set(seen)) == N_EVENTS
    assert fatalities == sorted(fatalities, reverse=True)
    by_date = client.get("/api/events", params={"limit": 1000, "sort": "date"}).json()["events"]
    assert [e["event_date"] for e in by_date] == sorted(e["event_date"] for e in by_date)


@pytest.mark.parametrize("rare_below", [0, 10_000])
@pytest.mark.parametrize("search", [{"actor": "police"}, {"q": "the"}, {"actor": "no such force"}])
def test_searched_pages_are_in_sort_order_whatever_the_number_of_matches(client, search, rare_below, monkeypatch):
    """A word search is answered one of two ways (rare or common word): its pages come out the same."""
    monkeypatch.setattr(reads, "FEW_MATCHES", rare_below)
    total = client.get("/api/events", params=search).json()["total"]
    events = []
    for offset in range(0, max(total, 1), 20):
        events += client.get("/api/events", params={**search, "offset": offset, "limit": 20}).json()["events"]
    assert len({e["id"] for e in events}) == len(events) == total
    got = [(e["event_date"], e["id"]) for e in events]
    expected = sorted(got, key=lambda k: k[1])  # ties by id, then newest first, undated last
    expected = sorted(expected, key=lambda k: k[0] or "", reverse=True)
    expected = sorted(expected, key=lambda k: k[0] is None)
    assert got == expected


def test_csv_and_geojson_carry_the_export_columns(client, reports):
    response = client.get("/api/events", params={"format": "csv", "event_type": "Protests"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0])[:len(COLUMNS)] == COLUMNS
    assert {r["sitrep_id"] for r in rows} == _expected(reports, lambda e: e.event_type == "Protests")
    assert all(r["event_type"] == "Protests" and r["notes"] for r in rows)

    geo = client.get("/api/events", params={"format": "geojson", "country": "NG"}).json()
    assert geo["type"] == "FeatureCollection"
    assert {f["id"] for f in geo["features"]} == _expected(reports, lambda e: e.place.country_code == "NG")
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert (round(lat, 2), round(lon, 2)) == (11.85, 13.16)


def test_event_detail_has_mentions_and_evidence_spans_into_its_documents(server, reports):
    doc, event = reports[1]
    body = server.get(f"/api/events/{event.id}").json()
    assert body["sub_event_type"] == event.sub_event_type
    assert len(body["mentions"]) == 1 and body["documents"][0]["id"] == doc.id
    for field_name, span in body["evidence"].items():
        assert doc.text[span["start"]:span["end"]] == span["text"], field_name
    assert body["evidence"]["place"]["text"] == event.place.name
    document = server.get(f"/api/documents/{doc.id}").json()
    assert document["text"] == doc.text
    assert [e["id"] for e in document["events"]] == [event.id]


def test_errors_are_clear_json(server):
    cases = [("/api/events?bbox=10,20", 422, "bbox"), ("/api/events?sort=password", 422, "cannot sort"),
             ("/api/events?date_from=yesterday", 422, "date_from"), ("/api/events?limit=5000", 422, "at most"),
             ("/api/events/no-such-event", 404, "no event"), ("/api/documents/nope", 404, "no document")]
    for url, status, words in cases:
        response = server.get(url)
        assert response.status_code == status, url
        assert words in response.json()["error"], url


def test_openapi_describes_the_api(server):
    paths = server.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/events/{event_id}/review",
            "/api/review/corrections"} <= set(paths)


def test_ingest_needs_a_token_and_reports_bad_lines(server):
    lines = [json.dumps({"id": "up-1", "text": "Police detained eleven demonstrators in Cali on Monday.",
                         "published": "2024-03-04", "source": "Example Wire"}),
             "this is not json",
             json.dumps({"id": "up-2", "title": "no text here"}),
             json.dumps({"id": "up-1b", "text": "Police detained eleven demonstrators in Cali on Monday.",
                         "published": "2024-03-04"}),
             json.dumps(["a list", "is not a record"]),
             json.dumps({"id": "up-4", "text": "Students marched in Nairobi against fee rises.", "published": "soon"})]
    body = "\n".join(lines)
    assert server.post("/api/documents", content=body).status_code == 401
    bad = server.post("/api/documents", content=body, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and "token" in bad.json()["error"]
    response = server.post("/api/documents", content=body, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["received"] == 6 and result["stored"] == 2
    skipped = {s["record"].split(" (")[0]: s["reason"] for s in result["skipped"]}
    assert set(skipped) == {"line 2", "line 3", "line 4", "line 5"}
    assert "duplicate" in skipped["line 4"]
    assert [w["record"] for w in result["warnings"]] == ["line 6"]  # the date is dropped, the report kept
    assert server.get("/api/documents/up-1").status_code == 200
    again = server.post("/api/documents", content=lines[0], headers=AUTH).json()
    assert again["stored"] == 0 and "already" in again["skipped"][0]["reason"]


def test_ingest_skips_a_repeated_id_instead_of_overwriting_the_first(server):
    lines = [json.dumps({"id": "dup-1", "text": "Gunmen killed four villagers in Kukawa, Borno State, on Thursday.",
                         "published": "2024-03-08"}),
             json.dumps({"id": "dup-1", "text": "Students marched in Nairobi against fee rises on Tuesday.",
                         "published": "2024-03-08"})]
    result = server.post("/api/documents", content="\n".join(lines), headers=AUTH).json()
    assert result["stored"] == 1
    assert result["skipped"][0]["record"].startswith("line 2") and "repeated id" in result["skipped"][0]["reason"]
    assert "Kukawa" in server.get("/api/documents/dup-1").json()["text"]


def test_review_actions_write_the_audit_log_and_the_corrections(server, reports):
    _, first = reports[0]
    _, second = reports[1]
    _, third = reports[2]
    url = "/api/events/{}/review"
    assert server.post(url.format(first.id), json={"action": "accept"}).status_code == 401
    assert server.post(url.format(first.id), json={"action": "accept"}, headers=AUTH).json()["review_status"] == "accepted"

    edit = {"action": "edit", "reason": "the report says Shejaiya",
            "changes": {"fatalities": 4, "location": "Shejaiya", "sub_event_type": "Shelling/artillery/missile attack"}}
    assert server.post(url.format(second.id), json=edit, headers=AUTH).status_code == 200
    stored = server.get(f"/api/events/{second.id}").json()
    assert stored["review_status"] == "edited" and stored["fatalities"] == 4
    assert stored["place"]["name"] == "Shejaiya" and stored["event_type"] == "Explosions/Remote violence"
    log = stored["review_log"][0]
    assert log["user"] == "analyst-1" and log["action"] == "edit" and log["reason"] == edit["reason"]
    assert log["changes"]["fatalities"] == [second.fatalities, 4]
    assert log["before"]["place"]["name"] == second.place.name and log["after"]["place"]["name"] == "Shejaiya"

    assert server.post(url.format(third.id), json={"action": "reject"}, headers=AUTH).status_code == 422
    assert server.post(url.format(third.id), json={"action": "reject", "reason": "a drill, not an attack"},
                       headers=AUTH).status_code == 200
    invalid = server.post(url.format(third.id), json={"action": "edit", "changes": {"sub_event_type": "Picnic"}},
                          headers=AUTH)
    assert invalid.status_code == 422 and "Picnic" in invalid.json()["error"]
    assert server.post(url.format("missing"), json={"action": "accept"}, headers=AUTH).status_code == 404

    assert _ids(server.get("/api/events", params={"review_status": "rejected"})) == {third.id}
    queue = server.get("/api/review/queue", params={"limit": 1000}).json()["events"]
    assert {first.id, second.id, third.id}.isdisjoint(e["id"] for e in queue)
    assert [e["confidence"] for e in queue] == sorted(e["confidence"] for e in queue)

    corrections = list(csv.DictReader(io.StringIO(server.get("/api/review/corrections?format=csv").text)))
    by_id = {r["sitrep_id"]: r for r in corrections}
    assert set(by_id) == {first.id, second.id}
    assert by_id[second.id]["location"] == "Shejaiya" and by_id[second.id]["fatalities"] == "4"
    assert by_id[second.id]["notes"] and by_id[second.id]["review_status"] == "edited"
    actions = [e["action"] for e in server.get("/api/review/log").json()]
    assert sorted(actions) == ["accept", "edit", "reject"]


def test_writes_by_another_process_show_in_the_very_next_answer(db_url, reports):
    """A `sitrep run` into the database the server reads: lists, counts, timelines and facets see it at once."""
    store = Store(db_url)
    store.save([d for d, _ in reports[:10]], [e for _, e in reports[:10]])
    app = create_app(ServeConfig(db=db_url, token=TOKEN))
    with TestClient(app) as client:
        assert client.get("/api/events").json()["total"] == 10
        assert client.get("/api/events").json()["total"] == 10
        assert app.state.cache.hits == 1, "the same question on unchanged data is answered from the cache"
        days_before = sum(d["n"] for d in client.get("/api/timeline").json())
        other = Store(db_url)  # its own engine and connections, as another process has
        other.save([d for d, _ in reports[10:15]], [e for _, e in reports[10:15]])
        other.close()
        assert client.get("/api/events").json()["total"] == 15
        assert len(client.get("/api/events", params={"total": "false"}).json()["events"]) == 15
        dated = sum(1 for _, e in reports[:15] if e.date is not None)
        assert sum(d["n"] for d in client.get("/api/timeline").json()) == dated > days_before
        kinds = {e.event_type for _, e in reports[:15] if e.event_type}
        assert set(client.get("/api/facets").json()["event_type"]) == kinds
        # A review made by another process moves the event between review queues at once.
        reviewed = store.get_event(reports[3][1].id)
        store.update_event(reviewed, "analyst-2", "reject", "not an event")
        rejected = client.get("/api/events", params={"review_status": "rejected"}).json()
        assert [e["id"] for e in rejected["events"]] == [reviewed.id]
        assert client.get("/api/events", params={"review_status": "unreviewed"}).json()["total"] == 14
        # Saving the same input again writes nothing, so the kept answers stay valid.
        hits = app.state.cache.hits
        store.save([d for d, _ in reports[:15]], [e for _, e in reports[:15]])
        assert client.get("/api/events", params={"review_status": "rejected"}).json() == rejected
        assert app.state.cache.hits == hits + 1
    store.close()
    app.state.store.close()
