"""Store benchmark: insert N synthetic events, then time candidate queries for batches of 200 documents.

    python benchmarks/store_bench.py [--events 100000] [--db PATH|URL]

Prints events inserted per second, the time of one candidate query for a batch of mentions, how many
candidates it returned, the store's cost of one `sitrep run` batch, the time of an idempotent re-save,
and the time to read every event back.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.model import DAY, TOWN, Actor, Event, Mention, Place, Source, Span
from sitrep.store import Store

COUNTRIES = ["NG", "ML", "BF", "SO", "SD", "CD", "ET", "KE", "PS", "SY", "YE", "IQ", "AF", "PK", "IN",
             "MM", "PH", "UA", "MX", "CO", "BR", "HT", "CM", "NE", "MZ", "LY", "LB", "IL", "BD", "VE"]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
START = date(2023, 1, 1)
DAYS = 730


def synthetic_mention(rng: random.Random, i: int) -> Mention:
    country = rng.choice(COUNTRIES)
    event_type, sub = rng.choice(TYPES)
    doc_id = f"doc-{i}"
    text = f"Report {i}: an incident of type {sub.lower()} was reported in a town of {country}."
    place = Place(100000 + i % 5000, f"Town {i % 5000}", rng.uniform(-30, 50), rng.uniform(-80, 120),
                  f"Country {country}", country, f"Province {i % 40}", f"District {i % 300}")
    span = Span(doc_id, 0, len(text), text)
    return Mention(doc_id=doc_id, span=span, event_type=event_type, sub_event_type=sub,
                   date=START + timedelta(days=rng.randrange(DAYS)), date_precision=DAY, place=place,
                   geo_precision=TOWN, actor1=Actor(f"Military Forces of {country}", "State forces", "troops", country),
                   fatalities=rng.randrange(0, 12), confidence=0.7, evidence={"event_type": span},
                   source_url=f"https://news.example.org/{doc_id}", source_name="Example Wire",
                   published=START + timedelta(days=rng.randrange(DAYS)))


def event_of(m: Mention) -> Event:
    return Event(id=m.id, event_type=m.event_type, sub_event_type=m.sub_event_type, disorder_type=m.disorder_type,
                 date=m.date, date_precision=m.date_precision, place=m.place, geo_precision=m.geo_precision,
                 actor1=m.actor1, fatalities=m.fatalities or 0, fatalities_low=m.fatalities,
                 fatalities_high=m.fatalities, notes=m.span.text, confidence=m.confidence,
                 sources=[Source(m.doc_id, m.source_url, m.source_name, m.published)], mentions=[m],
                 evidence=dict(m.evidence))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite path or database URL (default: a temporary SQLite file)")
    ap.add_argument("--batch", type=int, default=2000, help="events per save")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    rng = random.Random(7)
    store = Store(db)

    evs = [event_of(synthetic_mention(rng, i)) for i in range(args.events)]
    t0 = time.perf_counter()
    for i in range(0, len(evs), args.batch):
        store.save([], evs[i:i + args.batch])
    insert_s = time.perf_counter() - t0
    print(f"insert: {len(evs)} events in {insert_s:.1f} s = {len(evs) / insert_s:,.0f} events/s "
          f"(batches of {args.batch}); events in db: {store.count_events():,}")

    # A run's batch: 200 new documents, ~300 mentions, recent dates, the usual spread of countries.
    timings, sizes = [], []
    for q in range(5):
        probe = [synthetic_mention(rng, 10_000_000 + q * 1000 + j) for j in range(300)]
        t0 = time.perf_counter()
        found = store.candidate_events(probe)
        timings.append(time.perf_counter() - t0)
        sizes.append(len(found))
    print(f"candidate_events (300 mentions over {len(COUNTRIES)} countries, 2 years): "
          f"median {sorted(timings)[2] * 1000:.0f} ms, candidates median {sorted(sizes)[2]:,}")

    narrow = [synthetic_mention(rng, 20_000_000 + j) for j in range(300)]
    for m in narrow:  # a daily news batch: one week, five countries
        m.date = date(2024, 6, 1) + timedelta(days=rng.randrange(7))
        m.place = Place(m.place.geonameid, m.place.name, m.place.latitude, m.place.longitude, "",
                        rng.choice(COUNTRIES[:5]))
    t0 = time.perf_counter()
    found = store.candidate_events(narrow)
    print(f"candidate_events (300 mentions, one week, 5 countries): {(time.perf_counter() - t0) * 1000:.0f} ms, "
          f"{len(found):,} candidates")

    # What `sitrep run` does per batch: candidates for the batch's mentions, then save them as new events.
    fresh = [event_of(m) for m in narrow]
    t0 = time.perf_counter()
    store.candidate_events(narrow)
    counts = store.save([], fresh)
    print(f"run batch (candidates + save of {counts['inserted']} new events): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")

    t0 = time.perf_counter()
    store.save([], evs[:args.batch])
    print(f"idempotent re-save of {args.batch} unchanged events: {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    n = sum(1 for _ in store.iter_events())
    print(f"read back all {n:,} events: {time.perf_counter() - t0:.1f} s")
    store.close()


if __name__ == "__main__":
    main()
