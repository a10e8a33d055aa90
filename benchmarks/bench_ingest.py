"""Ingest speed and duplicate-detection figures: JSONL, HTML pages, dedup, on the GVA gold articles.

Usage: python benchmarks/bench_ingest.py [path/to/shared/data]

Prints documents per second for `read_documents` on JSONL, for the HTML page path (each GVA
article wrapped in a page with navigation, a cookie banner and a footer), for the Deduplicator,
and what the Deduplicator drops, checked against GVA's incident ids (a drop across two
incidents is a page-furniture text, like a sign-in wall, or a wrong drop).
"""

from __future__ import annotations

import collections
import html
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sitrep.ingest import Deduplicator, read_documents

REPO = Path(__file__).resolve().parents[1]
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data"
GOLD = DATA / "gva" / "documents.jsonl"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Local News</title>
<meta property="og:site_name" content="Local News"><meta property="article:published_time" content="{date}">
</head><body><div class="cookie"><p>We use cookies to improve your experience. Accept all cookies.</p></div>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a> <a href="/weather">Weather</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Council votes on budget</a></li><li><a href="/b">Road closures this weekend</a></li></ul></aside>
</main><footer><p>Subscribe to our newsletter.</p><p>All rights reserved.</p></footer></body></html>"""


class Clock:
    """Wall and CPU time since it was made (CPU time is steadier on a shared machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def report(self, label: str, n_docs: int) -> None:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        print(f"{label:<36} {n_docs:>6} docs  wall {wall:6.2f} s = {n_docs / wall:6.0f} docs/s"
              f"   cpu {cpu:6.2f} s = {n_docs / cpu:6.0f} docs/s")


def main() -> None:
    if not GOLD.exists():
        sys.exit(f"GVA gold documents not found at {GOLD}")
    records = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    incident = {r["doc_id"]: r["incident_id"] for r in records}

    skipped: list = []
    clock = Clock()
    docs = list(read_documents([GOLD], skipped.append))
    clock.report("read_documents, JSONL", len(docs))

    clock = Clock()
    dedup = Deduplicator()
    reasons = {d.id: r for d in docs if (r := dedup.check(d))}
    clock.report("Deduplicator.check", len(docs))
    tracemalloc.start()
    dedup = Deduplicator()
    for d in docs:
        dedup.check(d)
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"{'Deduplicator memory':<36} {memory / 2**20:6.1f} MB, "
          f"{memory / max(1, len(docs) - len(reasons)):.0f} bytes per kept document")

    clock = Clock()
    dedup, n = Deduplicator(), 0
    for d in read_documents([GOLD], skipped.append):
        dedup.check(d)
        n += 1
    clock.report("read_documents + dedup, JSONL", n)

    kinds = collections.Counter()
    for doc_id, reason in reasons.items():
        kept = reason.split(" of ", 1)[1].split()[0]
        kind = "exact" if reason.startswith("exact") else "near"
        kinds[(kind, "same incident" if incident.get(kept) == incident[doc_id] else "other incident")] += 1
    print(f"dropped as duplicates: {len(reasons)} of {len(docs)}")
    for (kind, scope), count in sorted(kinds.items()):
        print(f"  {kind:<6} {scope:<15} {count}")

    sample = records[:500]
    with tempfile.TemporaryDirectory() as tmp:
        for r in sample:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in r["content"].split("\n") if p.strip())
            page = PAGE.format(title=html.escape(r["title"] or ""), date=r["dct"], paragraphs=paragraphs)
            (Path(tmp) / f"{r['doc_id']}.html").write_text(page, encoding="utf-8")
        clock = Clock()
        pages = list(read_documents([tmp], skipped.append))
        clock.report("read_documents, HTML pages", len(pages))
    print(f"records reported while reading: {len(skipped)}")


if __name__ == "__main__":
    main()
