"""Time events.extract() per document (nlp excluded): ACLED notes, and full news articles (GVA).

Usage: python benchmarks/events_bench.py [N]
Prints documents per second for the whole events stage and for its parts without the classifier,
for short notes (ACLED, ~270 characters) and for news articles of a few KB (GVA, the examples).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sitrep.evaluate.acled import document_of, read_rows
from sitrep.events import extract
from sitrep.events.actors import sentence_actors
from sitrep.events.attribution import attributions
from sitrep.events.classify import classify
from sitrep.events.counts import sentence_counts
from sitrep.events.figures import document_numbers
from sitrep.events.filters import non_event_reason
from sitrep.ingest.records import document_from_record
from sitrep.nlp import analyze

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT.parent / "shared" / "data" / "acled"
GVA = ROOT.parent / "shared" / "data" / "gva" / "documents.jsonl"


def notes(n: int):
    return [document_of(r) for r in read_rows(ACLED, n)] if ACLED.is_dir() else []


def articles(n: int):
    docs = []
    with open(ROOT / "examples" / "wire_reports.jsonl", encoding="utf-8") as f:
        docs += [document_from_record(json.loads(line)) for line in f if line.strip()]
    if GVA.is_file():
        with open(GVA, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if len(docs) >= n:
                    break
                if rec.get("content"):
                    docs.append(document_from_record({"id": rec["doc_id"], "text": rec["content"]}))
    return docs


def rate(label: str, analyses, fn) -> float:
    """Time fn over the analyses, print the rate, return milliseconds per document. CPU time of
    this process: a shared, loaded machine would otherwise blur the figures."""
    started = time.process_time()
    for a in analyses:
        fn(a)
    seconds = time.process_time() - started
    print(f"{label:<40} {len(analyses) / seconds:>9.0f} docs/s  {1000 * seconds / len(analyses):6.2f} ms/doc")
    return 1000 * seconds / len(analyses)


def classifier_only(a) -> None:
    """The classifier's own share: every sentence classified, as extract does."""
    classify([s.text for s in a.sentences])


def argument_readers(a) -> None:
    """Everything the stage does per sentence except classifying it."""
    numbers = document_numbers(a)
    for s in a.sentences:
        non_event_reason(s.text)
        sentence_counts(a.doc.text, s.start, s.end, numbers)
        attributions(s.text)
        sentence_actors(a, s.start, s.end)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for name, docs in (("ACLED notes", notes(n)), ("news articles", articles(n // 2))):
        if not docs:
            continue
        analyses = [analyze(d) for d in docs]
        extract(analyses[0])  # load the classifier and lexicons once
        chars = sum(len(a.doc.text) for a in analyses) / len(analyses)
        print(f"{name}: {len(analyses)} documents, {chars:.0f} characters on average")
        whole = rate("  events.extract (with classifier)", analyses, extract)
        model = rate("  classifier alone", analyses, classifier_only)
        print(f"  {'events.extract without the classifier':<38} {whole - model:16.2f} ms/doc")
        rate("  argument readers, every sentence", analyses, argument_readers)


if __name__ == "__main__":
    main()
