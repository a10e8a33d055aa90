"""Show, per GVA article, what the events stage found against the gold incident: a diagnostic.

Usage: python benchmarks/gva_diagnose.py [N_INCIDENTS] [--wrong killed|injured|date]
Prints, for each article of the first N gold incidents, the gold killed/injured/date and each
Mention the pipeline made from it (type, date, killed, injured, the sentence it rests on), then a
per-document tally: how often the document's first violent mention has the gold figures.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluate.gva import _int, load, to_document
from sitrep.ingest.headline import with_headline
from sitrep.pipeline import process_document

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    wrong = sys.argv[sys.argv.index("--wrong") + 1] if "--wrong" in sys.argv else None
    n = int(args[0]) if args else 100
    incidents, articles = load(GOLD, n)
    gold = {str(i["incident_uri"]): i for i in incidents}
    tally = Counter()
    for a in articles:
        inc = gold[str(a["incident_id"])]
        mentions = process_document(with_headline(to_document(a)))  # as the scorer reads it
        k, j, d = _int(inc.get("num_killed")), _int(inc.get("num_injured")), str(inc.get("date_iso"))
        tally["docs"] += 1
        tally["mentions"] += len(mentions)
        first = mentions[0] if mentions else None
        ok = {
            "killed": first is not None and (first.fatalities or 0) == k,
            "injured": first is not None and (first.injuries or 0) == j,
            "date": first is not None and first.date is not None and first.date.isoformat() == d,
        }
        tally.update(key for key, v in ok.items() if v)
        tally["no_mention"] += first is None
        if wrong and ok.get(wrong):
            continue
        print(f"=== {a['doc_id']} gold killed={k} injured={j} date={d} dct={str(a.get('dct'))[:10]}")
        print("    title:", (a.get("title") or "")[:100])
        for m in mentions:
            print(f"  - {m.sub_event_type} date={m.date} k={m.fatalities} i={m.injuries} :: {m.span.text[:220]!r}")
    docs = tally["docs"] or 1
    print(f"\ndocuments {docs}, mentions per document {tally['mentions'] / docs:.2f}, none {tally['no_mention']}")
    for key in ("killed", "injured", "date"):
        print(f"first mention {key} right: {tally[key] / docs:.3f}")


if __name__ == "__main__":
    main()
