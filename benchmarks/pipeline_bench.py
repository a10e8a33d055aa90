"""Documents per second of `sitrep run` on one process, over the GVA articles in ../shared/data.

    python benchmarks/pipeline_bench.py [--limit N] [--gold ../shared/data/gva/documents.jsonl]

Prints the rate of the whole run (ingest, dedup, nlp, events, geo, merge, SQLite store, CSV
export) and of the per-document stages alone, in wall-clock and CPU seconds. The gazetteer and the
event model are loaded before the clock starts (their first-use build is a one-off, timed apart).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "gva" / "documents.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = ap.parse_args()
    if not args.gold.exists():
        sys.exit(f"pipeline_bench: {args.gold} not found (put shared/ beside the repository)")

    from sitrep.ingest.records import documents_from_record
    from sitrep.pipeline import _freeze_loaded_models, process_document, run

    lines = args.gold.read_text(encoding="utf-8").splitlines()[: args.limit]
    docs = [d for line in lines for d in documents_from_record(json.loads(line))]

    t0 = time.perf_counter()
    process_document(docs[0])  # loads (or builds, on first use) the gazetteer and the event model
    print(f"warm-up (models and gazetteer): {time.perf_counter() - t0:.1f} s")
    _freeze_loaded_models()  # as `run` does once the models are loaded

    wall, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        process_document(d)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"per-document stages: {len(docs)} docs, {len(docs) / wall:.0f} docs/s wall, {len(docs) / cpu:.0f} docs/CPU-s "
          f"({cpu / len(docs) * 1000:.2f} CPU ms/doc)")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        wall, cpu = time.perf_counter(), time.process_time()
        summary = run([src], db=str(Path(tmp) / "bench.db"), out=str(Path(tmp) / "events.csv"), progress=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"sitrep run (store + export included): {summary.read} docs read, {summary.processed} processed, "
          f"{summary.events_in_db} events; {summary.read / wall:.0f} docs/s wall, {summary.read / cpu:.0f} docs/CPU-s "
          f"({cpu / summary.read * 1000:.2f} CPU ms/doc)")


if __name__ == "__main__":
    main()
