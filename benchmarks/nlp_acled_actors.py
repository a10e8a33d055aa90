"""How often the actor lexicon finds ACLED's own actors in ACLED's event notes.

For each event of the ACLED sample, the actors found in its `notes` are resolved to the event's
country (`resolve_actor`) and compared with ACLED's actor1 and actor2, year suffixes removed.
Usage: python benchmarks/nlp_acled_actors.py
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from sitrep.nlp import find_actors, resolve_actor
from sitrep.nlp.countries import countries

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "acled" / "acled_sample_2022.csv"
_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def normal(name: str) -> str:
    return _YEARS.sub("", name).strip()


def main() -> None:
    by_name = {c.name: c.iso2 for c in countries().values()}
    seen = Counter()
    total = Counter()
    missed = Counter()
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            iso2 = by_name.get(row["country"], "")
            found = {resolve_actor(m.actor, iso2).name for m in find_actors(row["notes"])}
            for col in ("actor1", "actor2"):
                gold = normal(row[col])
                if not gold:
                    continue
                cat = "named" if not re.match(r"(Civilians|Protesters|Rioters|Unidentified Armed Group) \(", gold) else "generic"
                total[cat] += 1
                if gold in found or any(gold.startswith(n) for n in found if n.startswith(("Military Forces of", "Police Forces of"))):
                    seen[cat] += 1
                else:
                    missed[gold] += 1
    for cat in ("named", "generic"):
        print(f"{cat:8} actors found in the notes: {seen[cat] / total[cat]:.1%} of {total[cat]}")
    print("most missed:", ", ".join(f"{n} ({k})" for n, k in missed.most_common(15)))


if __name__ == "__main__":
    main()
