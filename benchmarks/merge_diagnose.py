"""Tell why reports of one GVA incident were not merged: which gate or score kept each pair apart.

Usage: python benchmarks/merge_diagnose.py [N_INCIDENTS] [--cache FILE] [--show N]
For each pair of documents of one gold incident whose main events differ, compares the two
documents' mentions and tallies the first blocking reason (type, date, place, score < 0).
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate.gva import load, to_document
from sitrep.incidents import merge
from sitrep.incidents.compare import date_points, haversine_km, place_points, type_points
from sitrep.incidents.profile import Candidate, EventProfile
from sitrep.pipeline import process_document

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def _mentions(n: int, cache: str | None):
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    incidents, articles = load(GOLD, n)
    data = (articles, [m for a in articles for m in process_document(to_document(a))])
    if cache:
        Path(cache).write_bytes(pickle.dumps(data))
    return data


def _why(a, b) -> str:
    """The first reason mention b cannot join an event made of mention a alone."""
    ca, cb = Candidate.of(a), Candidate.of(b)
    if type_points(a.sub_event_type, b.sub_event_type) is None:
        return f"type {a.sub_event_type} / {b.sub_event_type}"
    d = date_points(ca.interval, cb.interval) or EventProfile("y", places={1: (a.place, ca.precision)} if a.place else {})._follow_up(cb, ca.interval)
    if d is None:
        gap = abs((a.date - b.date).days) if a.date and b.date else "?"
        return f"date gap {gap}"
    p = place_points(a.place, ca.precision, b.place, cb.precision)
    if p is None:
        km = haversine_km(a.place, b.place)
        same_a1 = a.place.admin1 == b.place.admin1
        return f"place {'same' if same_a1 else 'diff'}-admin1 {'>100' if km > 100 else '<=100'}km"
    prof = EventProfile("x")
    prof.add(ca)
    s = prof.score(cb, {})
    return "score<0" if s is not None and s < 0 else f"ok {s}"


def main() -> None:
    args = [x for x in sys.argv[1:] if not x.startswith("--")]
    n = int(args[0]) if args else 400
    cache = sys.argv[sys.argv.index("--cache") + 1] if "--cache" in sys.argv else None
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    articles, mentions = _mentions(n, cache)
    events = merge(mentions)
    by_doc = defaultdict(list)
    for e in events:
        for m in e.mentions:
            by_doc[m.doc_id].append((e, m))
    main_of = {d: max(v, key=lambda em: (em[0].n_sources, em[0].confidence, em[0].id)) for d, v in by_doc.items()}
    docs_of = defaultdict(list)
    for a in articles:
        docs_of[str(a["incident_id"])].append(a["doc_id"])
    reasons, shown = Counter(), 0
    for docs in docs_of.values():
        docs = [d for d in docs if d in main_of]
        for i, d1 in enumerate(docs):
            for d2 in docs[i + 1:]:
                (e1, m1), (e2, m2) = main_of[d1], main_of[d2]
                if e1.id == e2.id:
                    reasons["merged"] += 1
                    continue
                why = _why(m1, m2)
                reasons[why.split(" ")[0] if not why.startswith(("type", "place")) else why] += 1
                if shown < show:
                    shown += 1
                    print(f"{why}\n  A {m1.sub_event_type} {m1.date} {m1.place and (m1.place.name, m1.place.admin1)} "
                          f"k={m1.fatalities} i={m1.injuries} {m1.span.text[:150]!r}\n  B {m2.sub_event_type} {m2.date} "
                          f"{m2.place and (m2.place.name, m2.place.admin1)} k={m2.fatalities} i={m2.injuries} {m2.span.text[:150]!r}")
    for k, v in reasons.most_common():
        print(f"{v:6d}  {k}")


if __name__ == "__main__":
    main()
