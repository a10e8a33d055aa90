"""Benchmark: how many sentences per second classify() labels in batch, and how long the model takes to be ready."""

from __future__ import annotations

import argparse
import random
import time

from sitrep.events import train
from sitrep.events.classify import classify


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=20_000, help="sentences to classify")
    parser.add_argument("--batch", type=int, default=1_000, help="sentences per classify() call")
    parser.add_argument("--train", action="store_true", help="also time a fresh training of the default model")
    args = parser.parse_args()

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


if __name__ == "__main__":
    main()
