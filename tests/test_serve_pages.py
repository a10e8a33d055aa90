"""The HTML side: login and CSRF, review forms, escaping of hostile report text, security headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sitrep.serve.app import ServeConfig, create_app
from sitrep.serve.synthetic import generate, make_report, places, scenarios
from sitrep.store import Store

TOKEN = "pages-token-42"
HOSTILE = ('<script>document.title="owned"</script> Protesters <img src=x onerror="window.pwned=1"> '
           '<a href="javascript:alert(1)">read more</a>')


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def setup(tmp_path):
    db = str(tmp_path / "pages.db")
    pairs = generate(12, seed=3)
    doc, event = make_report(99, scenarios()[0], places()[0], pairs[0][1].date, 0, 0, doc_id="hostile-1")
    doc.text = HOSTILE + " " + doc.text
    doc.url = "javascript:alert(document.cookie)"
    shift = len(HOSTILE) + 1
    event.evidence = {k: type(s)(s.doc_id, s.start + shift, s.end + shift, s.text) for k, s in event.evidence.items()}
    event.mentions[0].evidence = dict(event.evidence)
    event.notes = HOSTILE
    store = Store(db)
    store.save([d for d, _ in pairs] + [doc], [e for _, e in pairs] + [event])
    store.close()
    return db, pairs, event


def _client(db, **config):
    app = create_app(ServeConfig(db=db, token=TOKEN, **config))
    return TestClient(app)


def _login(client, user="reviewer-a", token=TOKEN):
    page = client.get("/login")
    return client.post("/login", data={"user": user, "password": token, "csrf_token": _csrf(page.text), "next": "/"},
                       follow_redirects=False)


def test_pages_render_with_a_strict_content_security_policy(setup):
    db, pairs, _ = setup
    client = _client(db)
    for url in ("/", "/review", f"/events/{pairs[0][1].id}", f"/documents/{pairs[0][0].id}", "/login"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in response.text  # only <script src=...> from our own static files


def test_tile_server_is_the_only_other_origin_allowed(setup):
    db, _, _ = setup
    client = _client(db, tiles="https://tiles.example.net/{z}/{x}/{y}.png")
    csp = client.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://tiles.example.net" in csp
    assert 'data-tiles="https://tiles.example.net/{z}/{x}/{y}.png"' in client.get("/").text


def test_hostile_report_text_is_shown_as_text(setup):
    db, _, hostile = setup
    client = _client(db)
    for url in (f"/events/{hostile.id}", "/documents/hostile-1"):
        html = client.get(url).text
        assert "<script>document.title" not in html and "<img src=x" not in html
        assert "&lt;script&gt;document.title=" in html
        assert 'href="javascript:' not in html
    # The fields still point at the right words after the hostile prefix.
    assert re.search(r'<mark class="ev" data-fields="place"[^>]*>Gaza City</mark>', client.get(f"/events/{hostile.id}").text)


def test_login_needs_the_token_and_its_own_csrf_cookie(setup):
    db, _, _ = setup
    client = _client(db)
    assert "error=" in _login(client, token="guess").headers["location"]
    fresh = _client(db)
    forged = fresh.post("/login", data={"user": "x", "password": TOKEN, "csrf_token": "made-up"})
    assert forged.status_code == 403
    ok = _login(client)
    assert ok.status_code == 303 and "sitrep_session" in ok.headers["set-cookie"]
    assert "httponly" in ok.headers["set-cookie"].lower() and "samesite=strict" in ok.headers["set-cookie"].lower()
    assert 'id="user-name">reviewer-a<' in client.get("/").text


def test_review_form_needs_the_session_csrf_token(setup):
    db, pairs, _ = setup
    event = pairs[0][1]
    client = _client(db)
    assert client.post(f"/events/{event.id}/review", data={"action": "accept"}).status_code == 401
    _login(client)
    page = client.get(f"/events/{event.id}").text
    without = client.post(f"/events/{event.id}/review", data={"action": "accept"})
    assert without.status_code == 403
    wrong = client.post(f"/api/events/{event.id}/review", json={"action": "accept"}, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    done = client.post(f"/events/{event.id}/review", data={"action": "accept", "csrf_token": _csrf(page)},
                       follow_redirects=True)
    assert done.status_code == 200
    assert 'id="review-status" class="status-accepted"' in done.text
    assert re.search(r'<tr class="log-row"><td>[^<]+</td><td>reviewer-a</td><td>accept</td>', done.text)


def test_edit_form_changes_only_what_was_changed(setup):
    db, pairs, _ = setup
    event = pairs[1][1]
    client = _client(db)
    _login(client)
    page = client.get(f"/events/{event.id}").text
    form = {"action": "edit", "csrf_token": _csrf(page), "reason": "count from the follow-up report",
            "fatalities": str(event.fatalities + 2), "location": event.place.name, "notes": event.notes,
            "event_date": event.date.isoformat()}
    done = client.post(f"/events/{event.id}/review", data=form, follow_redirects=True)
    assert 'class="status-edited"' in done.text
    log = client.get("/api/review/log", params={"event_id": event.id}).json()
    assert log[0]["changes"] == {"fatalities": [event.fatalities, event.fatalities + 2],
                                 "fatalities_best": [event.fatalities_best, event.fatalities + 2],
                                 "fatalities_high": [event.fatalities_high, event.fatalities + 2]}
    bad = client.post(f"/events/{event.id}/review", data={**form, "latitude": "123"}, follow_redirects=True)
    assert 'id="review-error"' in bad.text and "90" in bad.text


def test_private_server_hides_everything_but_the_login(setup):
    db, pairs, _ = setup
    client = _client(db, private=True)
    assert client.get("/api/events").status_code == 401
    assert client.get("/").status_code == 401
    assert client.get("/login").status_code == 200
    assert client.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    _login(client)
    assert client.get(f"/events/{pairs[0][1].id}").status_code == 200


def test_dashboard_without_leaflet_says_how_to_get_the_map(setup, monkeypatch):
    from sitrep.serve import vendor

    monkeypatch.setattr(vendor, "leaflet_dir", lambda: None)
    db, _, _ = setup
    html = _client(db).get("/").text
    assert 'id="map-missing"' in html and "npm install" in html
    assert "leaflet.js" not in html  # no broken script tag; the table and timeline still work


def test_leaflet_is_served_from_the_package(setup):
    from sitrep.serve import vendor

    if vendor.leaflet_dir() is None:
        pytest.skip("Leaflet is not installed: run `npm install` at the repository root")
    db, _, _ = setup
    client = _client(db)
    assert 'src="/static/vendor/leaflet/leaflet.js"' in client.get("/").text
    script = client.get("/static/vendor/leaflet/leaflet.js")
    assert script.status_code == 200 and "Leaflet" in script.text[:300]
    assert client.get("/static/vendor/leaflet/leaflet.css").status_code == 200
