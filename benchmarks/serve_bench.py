"""Serve benchmark: latency of filtered event-list pages under 50 concurrent clients.

    python benchmarks/serve_bench.py [--events 100000] [--clients 50] [--requests 3000] [--db PATH|URL] [--no-cache]

Fills a database with synthetic events (built directly, no NLP), starts `sitrep serve` in its own
process on 127.0.0.1, and has `--clients` concurrent httpx clients request filtered pages of
/api/events (50 rows, newest first, with the total count) until `--requests` are done, back to
back or with `--think` seconds between a client's requests. Prints
p50/p95/p99 latency and requests per second, on SQLite and, when SITREP_TEST_PG_URL is set, on a
fresh PostgreSQL database. Goal: p95 < 100 ms on SQLite. `--no-cache` starts the server without its
response cache, so that every request runs its queries (the worst case: no question asked twice).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from sitrep.serve.synthetic import generate, places, scenarios
from sitrep.store import Store

CHUNK = 5000
COVERING = ["event_date", "event_type", "sub_event_type", "country_code", "country", "admin1", "latitude",
            "longitude", "fatalities", "review_status", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
            "confidence", "id"]


def fill(db: str, n: int) -> float:
    """Synthetic events up to `n` (a database that already holds them is reused)."""
    started = time.perf_counter()
    store = Store(db)
    for first in range(store.count_events(), n, CHUNK):
        pairs = generate(min(CHUNK, n - first), seed=1, days=730, first=first)
        store.save([d for d, _ in pairs], [e for _, e in pairs])
    store.close()
    return time.perf_counter() - started


def queries(rng: random.Random, count: int) -> list[dict]:
    """A mix of the filters a dashboard user sets."""
    kinds = [
        lambda: {"event_type": rng.choice(scenarios())["event_type"]},
        lambda: {"country": rng.choice(places())["country_code"]},
        lambda: {"country": rng.choice(places())["country_code"], "event_type": rng.choice(scenarios())["event_type"]},
        lambda: {"date_from": f"2024-{rng.randrange(1, 12):02d}-01", "date_to": f"2024-{rng.randrange(1, 12):02d}-28"},
        lambda: {"actor": rng.choice(["police", "militia", "forces", "opposition"])},
        lambda: {"min_fatalities": rng.randrange(1, 11)},
        lambda: {"bbox": "34.0,31.0,35.6,32.7"},
        lambda: {"q": rng.choice(["minibus", "tyres", "students", "hospital"])},
    ]
    out = []
    for _ in range(count):
        params = rng.choice(kinds)()
        params.update({"limit": 50, "offset": rng.choice([0, 0, 0, 50, 100])})
        out.append(params)
    return out


def add_covering_index(db: str) -> None:
    """The index proposed to the store for SQLite: the list filters without reading the wide rows."""
    from sqlalchemy import text

    store = Store(db)
    with store.engine.begin() as c:
        c.execute(text(f"CREATE INDEX IF NOT EXISTS ix_events_list_filters ON events ({', '.join(COVERING)})"))
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log, cache: bool = True) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", "from sitrep.cli import main; main()", "serve", "--db", db,
                             "--port", str(port), "--token", "bench"] + ([] if cache else ["--no-cache"]), stderr=log)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            if health.status_code == 200:
                return proc
            time.sleep(0.5)
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("serve_bench: the server did not start")


async def load(base: str, plan: list[dict], clients: int, think: float = 0.0) -> tuple[list[float], float, int]:
    todo = list(plan)
    latencies: list[float] = []
    errors = 0

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while todo:
            params = todo.pop()
            t0 = time.perf_counter()
            try:
                r = await http.get("/api/events", params=params)
                errors += r.status_code != 200
            except httpx.TransportError:  # e.g. a keep-alive connection the server closed meanwhile
                errors += 1
            latencies.append(time.perf_counter() - t0)
            if think:  # a person reads the page before the next click
                await asyncio.sleep(think * (0.5 + random.random()))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
    return latencies, wall, errors


def bench(label: str, db: str, args) -> None:
    print(f"== {label}: {args.events} events", flush=True)
    print(f"fill: {fill(db, args.events):.1f} s", flush=True)
    if args.covering_index:
        add_covering_index(db)
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = start_server(db, port, log, cache=not args.no_cache)
    try:
        rng = random.Random(3)
        asyncio.run(load(f"http://127.0.0.1:{port}", queries(rng, 200), args.clients))  # warm caches
        lat, wall, errors = asyncio.run(load(f"http://127.0.0.1:{port}", queries(rng, args.requests), args.clients,
                                             args.think))
    except httpx.HTTPError as e:
        log.seek(0)
        raise SystemExit(f"serve_bench: {type(e).__name__} {e}; server log:\n{log.read().decode()[-3000:]}") from None
    finally:
        proc.terminate()
        proc.wait(10)
    ms = sorted(x * 1000 for x in lat)
    pct = lambda p: ms[min(len(ms) - 1, int(p / 100 * len(ms)))]  # noqa: E731
    print(f"{len(ms)} requests, {args.clients} concurrent clients (think {args.think} s), {errors} errors: "
          f"p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, mean {statistics.mean(ms):.1f} ms, "
          f"{len(ms) / wall:.0f} requests/s{' (no response cache)' if args.no_cache else ''}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean seconds each client waits between requests (0: back to back, a saturation test)")
    ap.add_argument("--db", help="SQLite file or URL, filled up to --events and kept (default: a temporary file)")
    ap.add_argument("--covering-index", action="store_true",
                    help="first add the covering index proposed to the store (SQLite)")
    ap.add_argument("--no-cache", action="store_true", help="run the server without its response cache")
    args = ap.parse_args()
    if args.db:
        bench(args.db, args.db, args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        bench("SQLite", str(Path(tmp) / "bench.db"), args)
    pg = os.environ.get("SITREP_TEST_PG_URL")
    if pg:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        server = make_url(pg)
        name = f"sitrep_serve_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            bench("PostgreSQL", server.set(database=name).render_as_string(hide_password=False), args)
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
