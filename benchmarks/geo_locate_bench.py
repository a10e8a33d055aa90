"""Speed of the geo stage on US local news: geoparse, and `locate` (home, outlet, name-use rules) per article.

    python benchmarks/geo_locate_bench.py [N_ARTICLES]

Articles are the GVA collection's (../shared/data/gva/documents.jsonl); one event mention per
article spans its first 300 characters, so `locate` runs its whole path (home, outlet, namesakes).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sitrep.geo import geoparse, locate
from sitrep.model import Analysis, Document, Mention, Span

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva" / "documents.jsonl"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
    if not GOLD.exists():
        print(f"no {GOLD}: nothing to measure")
        return
    docs = []
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            docs.append(Document(id=a["doc_id"], text=a.get("content") or "", title=a.get("title"), url=a.get("uri")))
            if len(docs) >= n:
                break
    geoparse(docs[0])  # load the gazetteer and lexicons before timing
    start = time.perf_counter()
    parsed = [(d, geoparse(d)) for d in docs]
    parse_ms = (time.perf_counter() - start) * 1000 / len(docs)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for d, toponyms in parsed:
            head = d.text[:300]
            mention = Mention(d.id, Span(d.id, 0, len(head), head), "Violence against civilians", "Attack")
            locate(Analysis(doc=d), [mention], toponyms)
        best = min(best, (time.perf_counter() - start) * 1000 / len(docs))
    print(f"articles {len(docs)}: geoparse {parse_ms:.2f} ms/article, locate {best:.3f} ms/article, "
          f"geo total {parse_ms + best:.2f} ms/article")


if __name__ == "__main__":
    main()
