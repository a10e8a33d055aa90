"""Benchmark: how many sentences per second classify() labels in batch, and how long the model takes to be ready.

With --case-seeds N it also prints the CASE 2021 figures of models trained with N different seeds
of the template grammar: one seed's weighted F1 moves by up to 2.5 points with the seed alone, so
compare corpus or model changes by the mean over seeds, not by one run.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from sitrep.events import train
from sitrep.events.classify import classify


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20_000, help="sentences to classify")
    parser.add_argument("--batch", type=int, default=1_000, help="sentences per classify() call")
    parser.add_argument("--train", action="store_true", help="also time a fresh training of the default model")
    parser.add_argument("--case-seeds", type=int, default=0, metavar="N",
                        help="also score CASE 2021 with models of N template seeds (needs ../shared/data)")
    args = parser.parse_args()
    if args.case_seeds:
        case_seed_spread(args.case_seeds)

    if args.train:
        started = time.perf_counter()
        train.train()
        print(f"default model trained from the shipped corpus ({len(train.corpus())} examples) "
              f"in {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    classify(["warm-up: load or train the model once"])
    print(f"model ready in {time.perf_counter() - started:.2f} s")

    pool = [text for text, _ in train.corpus()]
    rng = random.Random(0)
    sentences = [rng.choice(pool) for _ in range(args.n)]
    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(0, len(sentences), args.batch):
        classify(sentences[i:i + args.batch])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    chars = sum(map(len, sentences)) / len(sentences)
    # CPU time is the fairer "one core" figure on a shared, loaded machine
    print(f"{len(sentences)} sentences (mean {chars:.0f} chars) in {elapsed:.2f} s wall, {cpu:.2f} s CPU: "
          f"{len(sentences) / elapsed:,.0f} sentences/second wall, {len(sentences) / cpu:,.0f} per CPU-second "
          f"(batch {args.batch})")


def case_seed_spread(n: int) -> None:
    """CASE 2021 figures of models trained with n seeds of the template grammar, and their mean."""
    from sitrep.evaluate import case2021

    gold = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "case2021_task2" / "snippets.tsv"
    if not gold.exists():
        print(f"CASE 2021 seed spread skipped: {gold} not found")
        return
    default_generate, default_load = train.generate, train.load_model
    keys = ("weighted_f1_acled25", "macro_f1_acled25", "non_event_without_event")
    totals = dict.fromkeys(keys, 0.0)
    try:
        for seed in [train.SEED] + list(range(1, n)):
            train.generate = lambda t, s, opening="", seed_=seed: default_generate(t, s, seed=seed_, opening=opening)
            model = train.train()
            train.load_model = lambda model=model: model
            metrics = case2021.score(gold).metrics
            print(f"CASE 2021, template seed {seed}: " + ", ".join(f"{k} {metrics[k]:.3f}" for k in keys))
            for k in keys:
                totals[k] += metrics[k] / n
    finally:
        train.generate, train.load_model = default_generate, default_load
    print(f"CASE 2021, mean of {n} seeds: " + ", ".join(f"{k} {v:.3f}" for k, v in totals.items()))


if __name__ == "__main__":
    main()
