"""Time `sitrep.incidents.merge` on ~3,000 and ~30,000 documents' mentions, to show it is near-linear.

The mentions are built from the GVA gold set (../shared/data/gva): one report of the incident per
article (its date, known to the day for most and to the month for some, GVA's coordinates, its
counts, the article's title as wording) and, for some, an arrest told in the same article. The
30,000-document set replicates the 3,000 with dates shifted by whole periods, so the density of
events per day stays the same and only the volume grows.

    python benchmarks/merge_bench.py [--gold ../shared/data/gva] [--times 1 10] [--batch 200]
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import sys
import time
import zlib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sitrep.evaluate.gva import bcubed
from sitrep.incidents import merge
from sitrep.model import DAY, MONTH, TOWN, Mention, Place, Span

REPO = Path(__file__).resolve().parents[1]


def gold_mentions(folder: Path, seed: int = 7) -> tuple[list[Mention], int]:
    """One or two mentions per GVA article, and the number of articles."""
    rng = random.Random(seed)
    incidents = {}
    for line in open(folder / "incidents.jsonl", encoding="utf-8"):
        inc = json.loads(line)
        incidents[str(inc["incident_uri"])] = inc
    mentions, n_docs = [], 0
    for line in open(folder / "documents.jsonl", encoding="utf-8"):
        a = json.loads(line)
        inc = incidents.get(str(a["incident_id"]))
        if inc is None:
            continue
        n_docs += 1
        point = inc.get("lat_long")
        point = ast.literal_eval(point) if isinstance(point, str) else point
        place = (Place(zlib.crc32(f"{inc['city_or_county']}|{inc['state']}".encode()), inc["city_or_county"],
                       point[0], point[1], "United States", "US", inc["state"]) if point else None)
        day = date.fromisoformat(inc["date_iso"])
        precise = rng.random() < 0.8
        title = a.get("title") or ""
        doc = a["doc_id"]
        published = date.fromisoformat(a["dct"][:10])
        m = Mention(doc_id=doc, span=Span(doc, 0, len(title), title), event_type="Violence against civilians",
                    sub_event_type="Attack", disorder_type="Criminal violence",
                    date=day if precise else day.replace(day=1), date_precision=DAY if precise else MONTH,
                    place=place, geo_precision=TOWN if place else None,
                    fatalities=int(inc["num_killed"]) + (rng.random() < 0.1),
                    injuries=int(inc["num_injured"]) or None, confidence=0.6, published=published)
        mentions.append(m)
        if rng.random() < 0.25:
            mentions.append(replace(m, span=Span(doc, 500, 560, "arrested"), event_type="Strategic developments",
                                    sub_event_type="Arrests", fatalities=None, injuries=None))
    return mentions, n_docs


def replicate(mentions: list[Mention], times: int, shift_days: int) -> list[Mention]:
    """`times` copies, the k-th with its documents renamed and its dates moved k * shift_days."""
    out = []
    for k in range(times):
        delta = timedelta(days=k * shift_days)
        for m in mentions:
            doc = f"{m.doc_id}~{k}" if k else m.doc_id
            out.append(replace(m, doc_id=doc, span=replace(m.span, doc_id=doc),
                               date=m.date + delta if m.date else None,
                               published=m.published + delta if m.published else None))
    return out


def batched(mentions: list[Mention], docs_per_batch: int) -> float:
    """Merge as `sitrep run` does: batches of documents, each against the stored events dated in
    its window (an in-memory stand-in for Store.candidate_events: events by day)."""
    stored: dict[str, object] = {}
    ids_by_day: dict[date | None, set[str]] = {}
    by_doc: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.published or date.min, m.doc_id)):
        by_doc.setdefault(m.doc_id, []).append(m)
    docs = list(by_doc)
    window = timedelta(days=35)
    started = time.perf_counter()
    for i in range(0, len(docs), docs_per_batch):
        batch = [m for d in docs[i:i + docs_per_batch] for m in by_doc[d]]
        days = [m.date or m.published for m in batch if m.date or m.published]
        lo, hi = min(days) - window, max(days) + window
        wanted = set(ids_by_day.get(None, ()))
        for k in range((hi - lo).days + 1):
            wanted |= ids_by_day.get(lo + timedelta(days=k), set())
        for e in merge(batch, [stored[i] for i in sorted(wanted)]):
            if e.id in stored:
                ids_by_day[stored[e.id].date].discard(e.id)
            stored[e.id] = e
            ids_by_day.setdefault(e.date, set()).add(e.id)
    return time.perf_counter() - started


def print_quality(folder: Path, mentions: list[Mention]) -> None:
    """B-cubed of the merger alone: documents grouped by the event of their first mention."""
    gold = {}
    for line in open(folder / "documents.jsonl", encoding="utf-8"):
        a = json.loads(line)
        gold.setdefault(a["doc_id"], str(a["incident_id"]))
    event_of = {}
    for e in merge(mentions):
        for m in e.mentions:
            if m.sub_event_type == "Attack":
                event_of[m.doc_id] = e.id
    predicted = {d: event_of.get(d, d) for d in gold}
    p, r, f = bcubed(gold, predicted)
    print(f"merger alone on gold-derived mentions: B-cubed precision {p:.3f} recall {r:.3f} F1 {f:.3f} "
          f"(every document alone: F1 {bcubed(gold, {d: d for d in gold})[2]:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(REPO.parent / "shared" / "data" / "gva"))
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--batch", type=int, default=200, help="documents per batch in the batched run")
    args = parser.parse_args()
    folder = Path(args.gold)
    if not (folder / "documents.jsonl").is_file():
        sys.exit(f"merge_bench: no GVA gold set at {folder}")
    base, n_docs = gold_mentions(folder)
    print_quality(folder, base)
    days = [m.date for m in base if m.date]
    period = (max(days) - min(days)).days + 60
    print(f"{'documents':>10} {'mentions':>9} {'events':>8} {'one-shot s':>11} {'us/mention':>11} "
          f"{'batched s':>10} {'us/mention':>11}")
    for times in args.times:
        ms = replicate(base, times, period)
        started = time.perf_counter()
        events = merge(ms)
        one_shot = time.perf_counter() - started
        in_batches = batched(ms, args.batch)
        print(f"{n_docs * times:>10} {len(ms):>9} {len(events):>8} {one_shot:>11.2f} "
              f"{1e6 * one_shot / len(ms):>11.1f} {in_batches:>10.2f} {1e6 * in_batches / len(ms):>11.1f}")


if __name__ == "__main__":
    main()
