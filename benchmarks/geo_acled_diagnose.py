"""Why an event's place misses ACLED's point: each gold note's miss put in one category, with examples.

    python benchmarks/geo_acled_diagnose.py [../shared/data/acled] [--limit 1500] [--show CATEGORY]

Categories: hit (within 10 km); no_event; no_place (an event without a place); name_not_found
(ACLED's location name is not among the toponyms); wrong_candidate (the name is found but resolved
elsewhere); other_place_chosen (the name resolved right but locate() took another toponym);
region_only (the chosen place is an admin area or country); far (the rest). Prints counts and a
few examples of one category; reads the gold in place, copies nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluate.acled import NEAR_KM, best_match, document_of, haversine_km, read_rows
from sitrep.geo import geoparse
from sitrep.geo.folding import fold
from sitrep.pipeline import extract


def categorize(row: dict) -> tuple[str, str]:
    doc = document_of(row)
    events = extract([doc])
    e = best_match(row, events)
    glat, glon = float(row["latitude"]), float(row["longitude"])
    if e is None:
        return "no_event", ""
    if e.place is None:
        return "no_place", ""
    km = haversine_km(e.place.latitude, e.place.longitude, glat, glon)
    chosen = f"{e.place.name} [{e.place.feature_code} {e.place.admin1}] {km:.0f} km"
    if km <= NEAR_KM:
        return "hit", chosen
    toponyms = [t for t in geoparse(doc) if t.place is not None]
    gold_name = fold(row["location"])
    named = [t for t in toponyms if fold(t.span.text) == gold_name or fold(t.place.name) == gold_name]
    found = ", ".join(f"{t.span.text}->{t.place.name}[{t.place.feature_code} {t.place.admin1}]" for t in toponyms)
    detail = f"gold {row['location']} ({row['admin2']}, {row['admin1']}) | chose {chosen} | found: {found}"
    if not named:
        return "name_not_found", detail
    if all(haversine_km(t.place.latitude, t.place.longitude, glat, glon) > NEAR_KM for t in named):
        return "wrong_candidate", detail
    if e.place.feature_code[:3] == "PPL":
        return "other_place_chosen", detail
    if e.place.feature_code.startswith(("ADM", "PCL")) or e.place.feature_code in ("CONT", "RGN"):
        return "region_only", detail
    return "far", detail


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data" / "acled"))
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--show", default="", help="print up to --examples details of this category")
    ap.add_argument("--examples", type=int, default=25)
    args = ap.parse_args()
    counts: Counter = Counter()
    shown = 0
    rows = [r for r in read_rows(args.gold, args.limit) if r.get("latitude") and r.get("longitude")]
    for row in rows:
        category, detail = categorize(row)
        counts[category] += 1
        if category == args.show and shown < args.examples:
            shown += 1
            print(f"- {row['notes'][:300]}\n  {detail}\n", file=sys.stdout)
    n = max(1, len(rows))
    for category, k in counts.most_common():
        print(f"{category:20s} {k:5d} {k / n:.3f}")


if __name__ == "__main__":
    main()
