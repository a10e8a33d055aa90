"""What the page-furniture cleaner blanks in the GVA articles: lines per 1,000 documents, its cost, a sample.

Usage: python benchmarks/ingest_furniture.py [path/to/shared/data] [--sample N] [--seed S]

Prints how many lines `ingest.furniture` blanks per 1,000 documents (and in how many documents),
its CPU cost per document, and N random blanked lines (30 by default) to check by eye that no
line of the report's own story goes.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from sitrep.ingest.furniture import furniture_lines
from sitrep.ingest.headline import headline_of

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    gold = Path(args.data) / "gva" / "documents.jsonl"
    if not gold.exists():
        raise SystemExit(f"GVA gold documents not found at {gold}")
    records = [json.loads(line) for line in gold.open(encoding="utf-8")]
    pairs = [(r["content"] or "", headline_of(r.get("title"))) for r in records]

    start = time.process_time()
    found = [furniture_lines(text, head) for text, head in pairs]
    cpu = time.process_time() - start

    blanked = [text[s:e].strip() for (text, _), spans in zip(pairs, found) for s, e in spans]
    lines = sum(1 for text, _ in pairs for line in text.split("\n") if line.strip())
    n = len(pairs)
    print(f"documents {n}, non-blank lines {lines}, blanked {len(blanked)} "
          f"({1000 * len(blanked) / n:.0f} per 1,000 documents; {100 * len(blanked) / max(1, lines):.1f}% of lines)")
    print(f"documents with a blanked line: {sum(1 for spans in found if spans)}")
    print(f"cost: {1000 * cpu / n:.3f} ms CPU per document")
    print(f"\n{args.sample} random blanked lines:")
    for line in random.Random(args.seed).sample(blanked, min(args.sample, len(blanked))):
        print(f"  {line[:140]!r}")


if __name__ == "__main__":
    main()
