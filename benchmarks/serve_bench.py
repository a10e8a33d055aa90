"""Serve benchmark: latency of filtered event-list pages under 50 concurrent dashboard users.

    python benchmarks/serve_bench.py [--events 100000] [--clients 50] [--requests 3000] [--think 0]
                                     [--workers 1] [--db PATH|URL] [--no-cache] [--no-memory-index] [--sessions N]

Fills a database with synthetic events (built directly, no NLP), starts `sitrep serve` in its own
process on 127.0.0.1 (`--workers` uvicorn processes), and has `--clients` concurrent users browse
/api/events as the dashboard does: a user sets a random filter (1 to 3 of: a random date range, a
country by code or name, an event type or sub-type, a map box of random size, a minimum of
fatalities, part of an actor's name, words of the notes; sometimes sorted by fatalities), asks for
page 1 with its total, then for 0 to 3 further pages without the total (the dashboard counts once),
then sets another filter. Back to back (`--think 0`, a saturation test) or with about `--think`
seconds between a user's clicks. `--sessions N` draws the filters from N sessions only (users
repeating each other's questions); by default every filter is drawn afresh.

The load generator runs in this process, apart from the server, and is kept light: one asyncio
task per user on uvloop (when installed), raw HTTP/1.1 keep-alive requests on its own socket and
a minimal response reader (status, headers, Content-Length body): no HTTP client library. Its CPU
time per request is printed next to the server's (read from /proc), as both share the machine.

Prints p50/p95/p99 latency, requests per second, the response-cache hit rate (from the server's
x-sitrep-cache header) and CPU per request, on SQLite and, when SITREP_TEST_PG_URL is set, on a
fresh PostgreSQL database. Goal: p95 < 100 ms on SQLite with 100,000 events. The machine's load
average is printed too: latencies under saturation depend on the CPU the server gets, the CPU per
request does not.
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
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from sitrep.serve.synthetic import generate, places, scenarios
from sitrep.store import Store

CHUNK = 5000
START, DAYS = date(2024, 1, 1), 730  # the synthetic events' dates
ACTOR_WORDS = ["police", "militia", "forces", "opposition", "protesters", "military", "rioters", "unidentified"]
NOTE_WORDS = ["minibus", "tyres", "students", "hospital", "crowd", "market", "checkpoint", "village", "night",
              "released", "injured", "drone", "organisers", "fire"]


def fill(db: str, n: int) -> float:
    """Synthetic events up to `n` (a database that already holds them is reused)."""
    started = time.perf_counter()
    store = Store(db)
    for first in range(store.count_events(), n, CHUNK):
        pairs = generate(min(CHUNK, n - first), seed=1, days=DAYS, first=first, start=START)
        store.save([d for d, _ in pairs], [e for _, e in pairs])
    store.close()
    return time.perf_counter() - started


def random_filter(rng: random.Random) -> dict:
    """1 to 3 conditions a dashboard user sets, with random values."""
    all_places, all_scenarios = places(), scenarios()

    def date_range() -> dict:
        first = START + timedelta(days=rng.randrange(DAYS))
        return {"date_from": first.isoformat(), "date_to": (first + timedelta(days=rng.randrange(7, 181))).isoformat()}

    def country() -> dict:
        place = rng.choice(all_places)
        return {"country": place["country_code"] if rng.random() < 0.6 else place["country"]}

    def kind() -> dict:
        scenario = rng.choice(all_scenarios)
        return {"event_type": scenario["event_type"]} if rng.random() < 0.7 else {
            "sub_event_type": scenario["sub_event_type"]}

    def box() -> dict:
        place, half = rng.choice(all_places), rng.uniform(0.2, 6.0)
        lat, lon = place["lat"] + rng.uniform(-1, 1), place["lon"] + rng.uniform(-1, 1)
        return {"bbox": f"{lon - half:.2f},{max(-90, lat - half):.2f},{lon + half:.2f},{min(90, lat + half):.2f}"}

    conditions = [date_range, country, kind, box,
                  lambda: {"min_fatalities": rng.randrange(1, 11)},
                  lambda: {"actor": rng.choice(ACTOR_WORDS)},
                  lambda: {"q": " ".join(rng.sample(NOTE_WORDS, rng.choice([1, 1, 2])))}]
    params: dict = {}
    for make in rng.sample(conditions, rng.choice([1, 1, 2, 2, 3])):
        params.update(make())
    if rng.random() < 0.15:
        params["sort"] = "-fatalities"
    return params


def sessions(rng: random.Random, pool: int | None):
    """Endless sessions: [page 1 with the total, then up to 3 more pages without it]."""
    fixed = [random_filter(rng) for _ in range(pool)] if pool else None
    while True:
        flt = dict(rng.choice(fixed)) if fixed else random_filter(rng)
        pages = 1 + rng.choice([0, 0, 1, 1, 2, 3])
        yield [dict(flt, limit=50, offset=50 * i, **({} if i == 0 else {"total": "false"})) for i in range(pages)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log, cache: bool, workers: int, memory_index: bool = True) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", "from sitrep.cli import main; main()", "serve", "--db", db,
                             "--port", str(port), "--token", "bench"]
                            + (["--workers", str(workers)] if workers > 1 else []) + ([] if cache else ["--no-cache"])
                            + ([] if memory_index else ["--no-memory-index"]), stderr=log)
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    log.seek(0)
    raise SystemExit(f"serve_bench: the server did not start:\n{log.read().decode()[-3000:]}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and of its live children (the workers of --workers N)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


async def get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> tuple[int, bool]:
    """One keep-alive GET: (status, answered from the server's cache)."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length, cached = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.lower()
        if name == "content-length":
            length = int(value)
        elif name == "x-sitrep-cache":
            cached = value.strip() == "hit"
    await reader.readexactly(length)
    return status, cached


async def load(port: int, plan, clients: int, requests: int, think: float) -> dict:
    latencies: list[float] = []
    counts = {"errors": 0, "hits": 0}
    budget = [requests]

    async def user() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while budget[0] > 0:
                for params in next(plan):
                    if budget[0] <= 0:
                        break
                    budget[0] -= 1
                    t0 = time.perf_counter()
                    status, cached = await get(reader, writer, "/api/events?" + urlencode(params))
                    latencies.append(time.perf_counter() - t0)
                    counts["errors"] += status != 200
                    counts["hits"] += cached
                    if think:  # a person reads the page before the next click
                        await asyncio.sleep(think * (0.5 + random.random()))
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(user() for _ in range(clients)))
    return {"latencies": latencies, "wall": time.perf_counter() - started, **counts}


def run_load(port: int, plan, clients: int, requests: int, think: float) -> dict:
    try:
        import uvloop
        return uvloop.run(load(port, plan, clients, requests, think))
    except ImportError:
        return asyncio.run(load(port, plan, clients, requests, think))


def report(label: str, result: dict, server_cpu: float, client_cpu: float) -> None:
    ms = sorted(x * 1000 for x in result["latencies"])
    n = len(ms)
    pct = lambda p: ms[min(n - 1, int(p / 100 * n))]  # noqa: E731
    print(f"{label}: {n} requests, {result['errors']} errors, cache hits {100 * result['hits'] / n:.0f}%: "
          f"p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, mean {statistics.mean(ms):.1f} ms, "
          f"{n / result['wall']:.0f} requests/s; CPU per request: server {1000 * server_cpu / n:.2f} ms, "
          f"load generator {1000 * client_cpu / n:.2f} ms", flush=True)


def bench(label: str, db: str, args) -> None:
    print(f"== {label}: {args.events} events, {args.workers} server process(es)"
          f"{', no response cache' if args.no_cache else ''}{', no memory index' if args.no_memory_index else ''}; "
          f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    print(f"fill: {fill(db, args.events):.1f} s", flush=True)
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = start_server(db, port, log, cache=not args.no_cache, workers=args.workers,
                        memory_index=not args.no_memory_index)
    rng = random.Random(args.seed)
    plan = sessions(rng, args.sessions)
    try:
        run_load(port, plan, args.clients, 300, 0.0)  # warm the page cache and the connection pools
        for think in args.think:
            cpu0, client0 = cpu_seconds(proc.pid), time.process_time()
            result = run_load(port, plan, args.clients, args.requests, think)
            report(f"{args.clients} clients, think {think} s", result, cpu_seconds(proc.pid) - cpu0,
                   time.process_time() - client0)
    except (OSError, asyncio.IncompleteReadError) as e:
        log.seek(0)
        raise SystemExit(f"serve_bench: {type(e).__name__} {e}; server log:\n{log.read().decode()[-3000:]}") from None
    finally:
        proc.terminate()
        proc.wait(20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--think", type=float, nargs="+", default=[0.0],
                    help="mean seconds each user waits between clicks (0: back to back, a saturation test); "
                         "several values run one after the other on the same server")
    ap.add_argument("--workers", type=int, default=1, help="server processes (sitrep serve --workers)")
    ap.add_argument("--sessions", type=int, default=0, help="draw filters from this many only (0: all fresh)")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--db", help="SQLite file or URL, filled up to --events and kept (default: a temporary file)")
    ap.add_argument("--no-cache", action="store_true", help="run the server without its response cache")
    ap.add_argument("--no-memory-index", action="store_true",
                    help="run the server without its memory index of events (every list and count in SQL)")
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
