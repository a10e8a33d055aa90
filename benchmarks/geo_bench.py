"""Geoparser speed and memory: gazetteer build (cold) and load (warm), ms per article, names per second.

    python benchmarks/geo_bench.py [--cold] [--gold ../shared/data/geoparsing]

Articles are the gold corpora's texts when ../shared/data is present, else generated text.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cold", action="store_true", help="also time a build of the default gazetteer")
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoparsing"))
    args = ap.parse_args()

    from sitrep.geo.gazetteer import Gazetteer, default_path, get_gazetteer
    from sitrep.geo.geoparse import geoparse
    from sitrep.model import Document

    if args.cold:
        from sitrep.geo.build import build_default

        t0 = time.perf_counter()
        gaz = build_default()
        with tempfile.TemporaryDirectory() as d:
            gaz.save(Path(d) / "g.pkl")
        print(f"gazetteer cold build + save: {time.perf_counter() - t0:.1f} s ({len(gaz)} places)")
        del gaz
    get_gazetteer()  # make sure the cached index exists
    t0, c0 = time.perf_counter(), time.process_time()
    gaz = Gazetteer.load(default_path())
    print(f"gazetteer warm load: {time.perf_counter() - t0:.2f} s wall, {time.process_time() - c0:.2f} s CPU "
          f"({len(gaz)} places, {len(gaz.names)} names)")
    del gaz
    print(f"memory after load (max RSS): {rss_mb():.0f} MB")

    texts = []
    gold = Path(args.gold)
    if gold.is_dir():
        from sitrep.evaluate.geoparse import CORPORA, load_gold

        for name in CORPORA:
            texts += [d.text for d in load_gold(gold / name)]
    else:
        texts = ["Police said two men were arrested in Karachi on Monday after clashes near Lahore, Pakistan. " * 30] * 200
    articles = [t for t in texts if 2000 <= len(t.encode()) <= 4000]
    for t in texts[:20]:
        geoparse(Document(id="warm", text=t))  # caches of folded names fill on first use
    t0 = time.perf_counter()
    n_names = sum(len(geoparse(Document(id=str(i), text=t))) for i, t in enumerate(texts))
    seconds = time.perf_counter() - t0
    print(f"all gold texts: {len(texts)} docs, {n_names} place names in {seconds:.2f} s: "
          f"{n_names / seconds:.0f} names/s, {len(texts) / seconds:.0f} docs/s")
    t0, c0 = time.perf_counter(), time.process_time()
    for i, t in enumerate(articles):
        geoparse(Document(id=str(i), text=t))
    per_doc = (time.perf_counter() - t0) / max(1, len(articles)) * 1000
    cpu_per_doc = (time.process_time() - c0) / max(1, len(articles)) * 1000
    # CPU time is the figure to compare: wall time counts other processes on a shared machine
    print(f"2-4 KB articles: {len(articles)}, {per_doc:.2f} ms wall, {cpu_per_doc:.2f} ms CPU per article")
    big = " ".join(texts)[:10_000_000] if texts else ""
    big = (big * (10_000_000 // max(1, len(big)) + 1))[:10_000_000]
    t0 = time.perf_counter()
    n = len(geoparse(Document(id="big", text=big)))
    print(f"one 10 MB document: {n} names in {time.perf_counter() - t0:.1f} s")
    print(f"memory at the end (max RSS): {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
