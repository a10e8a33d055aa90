"""Benchmark: TF-IDF default vs embeddings vs ensemble on CASE 2021 snippets, and their speed.

Each whole snippet is classified once by each backend. Printed per backend: weighted F1 over the
25 ACLED labels (CASE labels mapped with sitrep.taxonomy.case_label_to_sub_type), the share of
non-event snippets (NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) left without an event,
and snippets per second once the model is loaded. Nothing is trained on CASE.

    python benchmarks/embeddings_bench.py [--gold ../shared/data/case2021_task2/snippets.tsv]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from sklearn.metrics import f1_score

from sitrep.evaluate.case2021 import read_snippets
from sitrep.taxonomy import case_label_to_sub_type, case_outside_acled

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "case2021_task2" / "snippets.tsv"


def scores(rows: list[tuple[str, str, str]], predicted) -> dict[str, float]:
    """Weighted F1 on the 25 ACLED labels and the non-event share, as sitrep.evaluate.case2021 counts them."""
    case_of = {sub: case for case, sub in case_label_to_sub_type().items()}
    labels25 = sorted(case_label_to_sub_type())
    non_events = {label for label, kind in case_outside_acled().items() if kind == "none"}
    gold25, pred25, non_event_right, non_event_total = [], [], 0, 0
    for (_, _, label), cls in zip(rows, predicted):
        as_case = case_of.get(cls.sub_event_type, "NO_EVENT") if cls.sub_event_type else "NO_EVENT"
        if label in labels25:
            gold25.append(label)
            pred25.append(as_case)
        elif label in non_events:
            non_event_total += 1
            non_event_right += cls.sub_event_type is None
    return {
        "weighted_f1_acled25": f1_score(gold25, pred25, labels=labels25, average="weighted", zero_division=0),
        "macro_f1_acled25": f1_score(gold25, pred25, labels=labels25, average="macro", zero_division=0),
        "non_event_without_event": non_event_right / non_event_total if non_event_total else 0.0,
    }


def run(name: str, classify, texts: list[str], rows) -> None:
    started = time.perf_counter()
    classify(texts[:1])  # load (or train and cache) the model outside the timing
    ready = time.perf_counter() - started
    started = time.perf_counter()
    predicted = classify(texts)
    elapsed = time.perf_counter() - started
    figures = scores(rows, predicted)
    print(f"{name:<11} weighted F1 (25 ACLED) {figures['weighted_f1_acled25']:.3f}   "
          f"macro F1 {figures['macro_f1_acled25']:.3f}   "
          f"non-events left without event {figures['non_event_without_event']:.3f}   "
          f"{len(texts) / elapsed:,.0f} snippets/s   (ready in {ready:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="CASE 2021 task 2 snippets.tsv")
    parser.add_argument("--backends", default="tfidf,embeddings,ensemble",
                        help="comma-separated: tfidf, embeddings, ensemble")
    parser.add_argument("--sentences", type=int, default=1000, help="sentences for the speed figure")
    args = parser.parse_args()

    rows = read_snippets(args.gold)
    texts = [text for _, text, _ in rows]
    chars = sum(map(len, texts)) / len(texts)
    print(f"CASE 2021 task 2: {len(rows)} snippets, mean {chars:.0f} characters")
    backends = {}
    for name in args.backends.split(","):
        if name == "tfidf":
            from sitrep.events.classify import classify as tfidf

            backends[name] = tfidf
        else:
            from sitrep.events import embeddings

            backends[name] = lambda batch, mode=name: embeddings.classify(batch, mode=mode)
        run(name, backends[name], texts, rows)

    from sitrep.events import train

    pool = [text for text, _ in train.corpus()]
    sentences = [pool[i] for i in random.Random(0).sample(range(len(pool)), min(args.sentences, len(pool)))]
    print(f"speed on {len(sentences)} training-corpus sentences "
          f"(mean {sum(map(len, sentences)) / len(sentences):.0f} characters), batches of 1,000:")
    for name, classify in backends.items():
        started = time.perf_counter()
        for i in range(0, len(sentences), 1000):
            classify(sentences[i:i + 1000])
        print(f"  {name:<11} {len(sentences) / (time.perf_counter() - started):,.0f} sentences/s")


if __name__ == "__main__":
    main()
