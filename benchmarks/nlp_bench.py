"""Time nlp.analyze() per document over the first 1000 GVA news articles, per component too.

Usage: python benchmarks/nlp_bench.py [N] [path/to/documents.jsonl]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.nlp.actors import find_actors, load_actor_lexicon
from sitrep.nlp.dates import find_dates
from sitrep.nlp.number_words import lexicon
from sitrep.nlp.numbers import find_quantities
from sitrep.nlp.sentences import split_sentences

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva" / "documents.jsonl"


def load(path: Path, n: int) -> list[Document]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            published = date.fromisoformat(rec["dct"][:10]) if rec.get("dct") else None
            docs.append(Document(id=rec["doc_id"], text=rec.get("content") or "", title=rec.get("title"),
                                 published=published))
            if len(docs) >= n:
                break
    return docs


def per_doc_ms(fn, docs) -> float:
    """CPU milliseconds per document (process time: other processes on the machine do not count)."""
    t0 = time.process_time()
    for d in docs:
        fn(d)
    return (time.process_time() - t0) * 1000 / len(docs)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT
    docs = load(path, n)
    t0 = time.perf_counter()
    load_actor_lexicon()
    lexicon()
    print(f"lexicons loaded in {(time.perf_counter() - t0) * 1000:.0f} ms")
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"{len(docs)} documents, mean {chars:.0f} characters")
    per_doc_ms(analyze, docs[:50])  # warm up
    print(f"sentences   {per_doc_ms(lambda d: split_sentences(d.text), docs):.3f} ms/doc")
    print(f"quantities  {per_doc_ms(lambda d: find_quantities(d.text, d.id), docs):.3f} ms/doc")
    print(f"dates       {per_doc_ms(lambda d: find_dates(d.text, d.published, d.id), docs):.3f} ms/doc")
    print(f"actors      {per_doc_ms(lambda d: find_actors(d.text, d.id), docs):.3f} ms/doc")
    total = per_doc_ms(analyze, docs)
    print(f"analyze()   {total:.3f} ms/doc  ({1000 / total:.0f} documents/s)")
    per_kb = total / (chars / 1000)
    print(f"            {per_kb:.3f} ms per 1000 characters ({per_kb * 3:.2f} ms for a 3 KB article)")


if __name__ == "__main__":
    main()
