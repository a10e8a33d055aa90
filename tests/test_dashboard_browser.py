"""The dashboard in a real headless Chromium: map and points, filtering, evidence, review, hostile text."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from sitrep.model import Actor, Span
from sitrep.serve.app import ServeConfig, create_app
from sitrep.serve.vendor import leaflet_dir
from sitrep.serve.synthetic import generate, make_report, places, scenarios
from sitrep.store import Store

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
TOKEN = "browser-token-9"
HOSTILE_ACTOR = 'Militia <img src=x onerror="window.pwned=1;document.title=\'owned\'">'
HOSTILE_TEXT = ('<script>window.pwned=1;document.title="owned"</script> Residents said '
                '<img src=x onerror="window.pwned=1"> <a href="javascript:window.pwned=1" id="bad-link">more</a> ')
N = 40
WAIT = 15


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    db = str(tmp_path_factory.mktemp("browser") / "dash.db")
    pairs = generate(N, seed=5)
    doc, event = make_report(500, scenarios()[3], places()[1], pairs[0][1].date, 2, 0, doc_id="hostile-doc")
    shift = len(HOSTILE_TEXT)
    doc.text = HOSTILE_TEXT + doc.text
    doc.url = "javascript:window.pwned=1"
    event.evidence = {k: Span(s.doc_id, s.start + shift, s.end + shift, s.text) for k, s in event.evidence.items()}
    event.mentions[0].evidence = dict(event.evidence)
    event.mentions[0].span = Span(doc.id, 0, len(doc.text))
    event.actor1 = Actor(HOSTILE_ACTOR, "Political militia")
    event.notes = HOSTILE_TEXT
    store = Store(db)
    store.save([d for d, _ in pairs] + [doc], [e for _, e in pairs] + [event])
    store.close()
    app = create_app(ServeConfig(db=db, token=TOKEN))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "pairs": pairs, "hostile": event}
    server.should_exit = True
    thread.join(5)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .[test])")
    if leaflet_dir() is None:
        pytest.skip("Leaflet is not installed: run `npm install` at the repository root")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # with both paths given, selenium-manager downloads nothing
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def _wait(driver, condition, what: str):
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # A form post navigates: an element found on the old page may go stale while it is read.
    wait = WebDriverWait(driver, WAIT, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))
    return wait.until(lambda d: condition(d), message=f"timed out waiting for {what}")


def _loaded(driver):
    _wait(driver, lambda d: d.find_element("css selector", "body").get_attribute("data-loaded") in ("1", "error"),
          "the dashboard to load its data")
    assert driver.find_element("css selector", "body").get_attribute("data-loaded") == "1", \
        driver.find_element("id", "summary").text


def _not_owned(driver):
    assert driver.execute_script("return window.pwned === undefined"), "hostile markup ran script"
    assert driver.title != "owned"


def _own_errors(driver) -> list[str]:
    """Console errors other than the missing favicon (CSP violations show up here)."""
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and "favicon" not in e["message"]]


def test_dashboard_map_filter_evidence_and_review(site, browser):
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(site["url"] + "/")
    _loaded(d)
    assert int(d.find_element("id", "map").get_attribute("data-points")) == N + 1
    assert len(d.find_elements("css selector", "#map path.leaflet-interactive")) == N + 1
    assert len(d.find_elements("css selector", "#events tbody tr")) == N + 1
    assert d.find_elements("css selector", "#timeline svg rect")
    _not_owned(d)  # the hostile actor name is in the table and the map data
    assert HOSTILE_ACTOR in d.find_element("id", "events").text

    Select(d.find_element("id", "f-event-type")).select_by_visible_text("Battles")
    d.find_element("id", "f-apply").click()
    expected = {e.id for _, e in site["pairs"] if e.event_type == "Battles"}
    _wait(d, lambda d: len(d.find_elements("css selector", "#events tbody tr")) == len(expected), "the filtered table")
    _loaded(d)
    rows = d.find_elements("css selector", "#events tbody tr")
    assert {r.get_attribute("data-id") for r in rows} == expected
    assert "event_type=Battles" in d.current_url
    assert int(d.find_element("id", "map").get_attribute("data-points")) == len(expected)

    first = rows[0]
    event_id = first.get_attribute("data-id")
    event = next(e for _, e in site["pairs"] if e.id == event_id)
    first.find_element("css selector", "a").click()
    _wait(d, lambda d: "/events/" in d.current_url, "the event page")
    place = d.find_element("css selector", '.doc-text mark[data-fields~="place"]')
    assert place.text == event.place.name
    actor = d.find_element("css selector", '.doc-text mark[data-fields~="actor1"]')
    assert actor.text == event.actor1.name
    assert d.find_element("css selector", 'tr[data-field="fatalities"] mark').text == str(event.fatalities)

    d.find_element("link text", "Log in").click()
    d.find_element("id", "login-user").send_keys("browser-reviewer")
    d.find_element("id", "login-password").send_keys(TOKEN)
    d.find_element("id", "login-submit").click()
    _wait(d, lambda d: d.find_elements("id", "accept"), "the review buttons after login")
    d.find_element("id", "accept").click()
    _wait(d, lambda d: d.find_element("id", "review-status").text == "accepted", "the accepted status")
    row = d.find_element("css selector", "#audit-log tr.log-row")
    assert "browser-reviewer" in row.text and "accept" in row.text
    assert not _own_errors(d)


def test_hostile_report_cannot_run_script(site, browser):
    d = browser
    hostile = site["hostile"]
    for path in (f"/events/{hostile.id}", "/documents/hostile-doc", "/review"):
        d.get(site["url"] + path)
        _wait(d, lambda d: d.execute_script("return document.readyState") == "complete", path)
        _not_owned(d)
    d.get(site["url"] + f"/events/{hostile.id}")
    text = d.find_element("css selector", ".doc-text").text
    assert '<script>window.pwned=1;document.title="owned"</script>' in text  # shown, as words
    assert not d.find_elements("id", "bad-link")
    assert not d.find_elements("css selector", '.doc-text img, .doc-text script, a[href^="javascript"]')
    d.get(site["url"] + "/?actor=Militia")
    _loaded(d)
    _not_owned(d)


def test_api_docs_work_offline_under_the_policy(site, browser):
    from sitrep.serve.vendor import swagger_dir

    if swagger_dir() is None:
        pytest.skip("Swagger UI is not installed: run `npm install` at the repository root")
    d = browser
    d.get_log("browser")  # forget earlier pages' messages
    d.get(site["url"] + "/docs")
    _wait(d, lambda d: d.find_elements("css selector", ".opblock-summary-path"), "Swagger UI to list the API")
    paths = {e.text.replace("\u200b", "") for e in d.find_elements("css selector", ".opblock-summary-path")}
    assert {"/api/events", "/api/events/{event_id}/review", "/api/documents"} <= paths
    assert not _own_errors(d)
