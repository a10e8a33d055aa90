"""How often the nlp finders see what the GVA gold says: the incident's date among the resolved
dates of an article, and the gold number killed among its counts.

Usage: python benchmarks/nlp_gva_check.py [N]
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from sitrep.nlp import find_dates, find_quantities

GVA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3072
    gold = {}
    with open(GVA / "incidents.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            gold[str(rec["incident_uri"])] = rec
    docs = date_any = date_first = killed_seen = killed_docs = 0
    with open(GVA / "documents.jsonl", encoding="utf-8") as f:
        for line, _ in zip(f, range(n)):
            rec = json.loads(line)
            inc = gold.get(str(rec["incident_id"]))
            if not inc or not rec.get("dct"):
                continue
            docs += 1
            text = rec.get("content") or ""
            published = date.fromisoformat(rec["dct"][:10])
            days = [d.value.isoformat() for d in find_dates(text, published) if d.value and d.precision == 1]
            date_any += inc["date_iso"][:10] in days
            date_first += bool(days) and days[0] == inc["date_iso"][:10]
            if inc.get("num_killed"):
                killed_docs += 1
                counts = {q.value for q in find_quantities(text) if q.kind == "count"}
                killed_seen += inc["num_killed"] in counts
    print(f"{docs} GVA articles")
    print(f"incident date among the day-precision dates found: {date_any / docs:.1%}")
    print(f"incident date is the first day-precision date:     {date_first / docs:.1%}")
    print(f"gold number killed among the counts (killed > 0):  {killed_seen / killed_docs:.1%} of {killed_docs}")


if __name__ == "__main__":
    main()
