"""CPU milliseconds per document of each piece of the geo stage (and of the number finder) on GVA articles.

    python benchmarks/geo_stages_bench.py [--limit 1000] [--gold ../shared/data/gva/documents.jsonl]

Each piece is timed with `time.process_time()` around the call itself (cProfile inflates small and
C-heavy calls), over the documents `sitrep run` geoparses: those with an event mention. Pieces
nest: `find_candidates` (of the text) includes `tokenize` (of the text and the title) and
`state_abbreviations`; `locate` includes `report_home`; `find_quantities` includes its word pass.
Compare before/after runs back to back: the figures move with the machine's load.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import time
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva" / "documents.jsonl"
# (module, function, label): each is replaced by a timed wrapper while the benchmark runs
PIECES = [("recognize", "tokenize", "tokenize"), ("geoparse", "find_candidates", "find_candidates"),
          ("recognize", "_add_state_abbreviations", "state_abbreviations"),
          ("geoparse", "recognition_features", "recognition_features"), ("geoparse", "accept", "accept"),
          ("geoparse", "DocumentContext", "DocumentContext"), ("geoparse", "score_rows", "score_rows"),
          ("locate", "report_home", "report_home")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=1000, help="first N articles")
    args = ap.parse_args()
    if not args.gold.exists():
        raise SystemExit(f"geo_stages_bench: {args.gold} not found (put shared/ beside the repository)")

    from sitrep import events, geo, nlp
    from sitrep.ingest.records import documents_from_record
    from sitrep.nlp.numbers import find_quantities

    lines = args.gold.read_text(encoding="utf-8").splitlines()[: args.limit]
    docs = [d for line in lines for d in documents_from_record(json.loads(line))]
    work = [(d, a, m) for d in docs for a in [nlp.analyze(d)] for m in [events.extract(a)] if m]
    for d, a, m in work[:20]:  # warm-up: gazetteer, lexicons, caches
        geo.locate(a, list(m), geo.geoparse(d))
    gc.collect()
    gc.freeze()  # as `sitrep run` does once its models are loaded

    spent: dict[str, float] = defaultdict(float)
    originals = []
    for module, name, label in PIECES:
        mod = importlib.import_module(f"sitrep.geo.{module}")
        originals.append((mod, name, getattr(mod, name)))
        setattr(mod, name, _timed(getattr(mod, name), label, spent))
    try:
        for d, a, m in work:
            t = time.process_time()
            placed = geo.geoparse(d)
            spent["geoparse"] += time.process_time() - t
            t = time.process_time()
            geo.locate(a, m, placed)
            spent["locate"] += time.process_time() - t
            t = time.process_time()
            find_quantities(d.text or "", d.id)
            spent["nlp find_quantities"] += time.process_time() - t
    finally:
        for mod, name, original in originals:
            setattr(mod, name, original)
    print(f"{len(work)} documents with event mentions (of {len(docs)})")
    for label in ["geoparse", "locate", "nlp find_quantities"] + [p[2] for p in PIECES]:
        print(f"  {label:22s} {spent[label] / len(work) * 1000:6.3f} CPU ms/doc")


def _timed(function, label: str, spent: dict[str, float]):
    def timed(*args, **kwargs):
        t = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - t
    return timed


if __name__ == "__main__":
    main()
