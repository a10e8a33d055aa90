"""`sitrep serve --workers N`: several processes behave as one server (same data, same token, same logins)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from sitrep.serve.synthetic import generate
from sitrep.store import Store

TOKEN = "workers-token-5b1c"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    db = str(tmp_path / "workers.db")
    pairs = generate(40, seed=3)
    store = Store(db)
    store.save([d for d, _ in pairs], [e for _, e in pairs])
    store.close()
    port = _free_port()
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen([sys.executable, "-c", "from sitrep.cli import main; main()", "serve", "--db", db,
                             "--port", str(port), "--token", TOKEN, "--workers", "2"], stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f"sitrep serve --workers 2 did not start: {(tmp_path / 'serve.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield base, db, pairs
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()


def test_workers_share_the_data_the_token_and_the_logins(served):
    base, db, pairs = served
    # A fresh connection per request: the kernel spreads them over both workers.
    totals = {httpx.get(base + "/api/events", params={"limit": 5}).json()["total"] for _ in range(12)}
    assert totals == {len(pairs)}

    with httpx.Client(base_url=base) as browser:
        page = browser.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        done = browser.post("/login", data={"user": "reviewer-w", "password": TOKEN, "csrf_token": csrf, "next": "/"})
        assert done.status_code in (200, 303)
        session = browser.cookies.get("sitrep_session")
    assert session
    for _ in range(12):  # the session cookie one worker signed is valid on every worker
        review = httpx.get(base + "/review", cookies={"sitrep_session": session})
        assert 'id="user-name">reviewer-w<' in review.text

    event_id = pairs[0][1].id
    answer = httpx.post(f"{base}/api/events/{event_id}/review", json={"action": "accept"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200
    for _ in range(12):  # every worker sees the review at once (each one's cache and memory index follow the data)
        accepted = httpx.get(base + "/api/events", params={"review_status": "accepted"}).json()
        assert [e["id"] for e in accepted["events"]] == [event_id]
