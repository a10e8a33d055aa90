"""Sort the GVA articles whose event is placed more than 25 km from the gold incident into kinds of miss.

Usage: python benchmarks/geo_gva_diagnose.py [N_INCIDENTS] [--show KIND] [--examples K] [--dump FILE] [--incidents]

Per article (not per merged incident: the per-article place is what the geo stage decides), the
place of the article's first event mention is compared with the gold incident's point. A miss is
filed under the first kind that fits:
  no_event            the events stage found no event in the article
  no_place            an event, but no place at all
  county_gold         the gold names a county, not a town
  not_in_gazetteer    the gold town has no populated place of that name in the gold state
  town_not_in_text    the gold town's name is not in the article (a street, neighbourhood, suburb)
  namesake_elsewhere  the gold town's name was chosen, but a namesake in another state
  bigger_city         a larger city of the gold state was chosen (hospital, police, TV market)
  other_state         a place of another state was chosen although the gold town is named
  other               the rest (a smaller place of the same state, a county, the state itself)

Then per gold incident, as the scorer sees it (the Event most of its articles support), a miss is
filed as: merge (some article's mention is within 25 km, but not one of that Event's), reconcile
(one of the Event's mentions is within 25 km, another place won), event_no_place, or geo (no
mention of the incident's articles is within 25 km). `--incidents` lists the geo misses, each with
where its Event was put and the kind of miss of each of its articles.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate.gva import (LOCATION_KM, _gold_point, documents_by_incident, events_by_document, incident_event,
                                 load, to_document)
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.incidents.compare import haversine_km
from sitrep.incidents import merge
from sitrep.ingest.headline import with_headline
from sitrep.pipeline import process_document

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def gold_town_rows(gaz, town: str, state: str) -> list[int]:
    return [r for r in gaz.lookup(town) if gaz.feature_code[r].startswith("PPL") and gaz.country_code[r] == "US"
            and fold(gaz.admin1[r]) == fold(state)]


def kind_of_miss(gaz, inc: dict, text: str, place) -> str:
    town, state = inc.get("city_or_county") or "", inc.get("state") or ""
    if "county" in town.lower():
        return "county_gold"
    if not gold_town_rows(gaz, town, state):
        return "not_in_gazetteer"
    if fold(town) not in fold(text):
        return "town_not_in_text"
    same_state = fold(place.admin1 or "") == fold(state)
    if fold(place.name) == fold(town) and not same_state:
        return "namesake_elsewhere"
    if same_state and place.feature_code.startswith("PPL") and place.population > max(
            gaz.population[r] for r in gold_town_rows(gaz, town, state)):
        return "bigger_city"
    if not same_state:
        return "other_state"
    return "other"


def main() -> None:
    args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and not sys.argv[i - 1].startswith("--")]
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    n_examples = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 3
    n = int(args[0]) if args and args[0].isdigit() else None
    incidents, articles = load(GOLD, n)
    gold = {str(i["incident_uri"]): i for i in incidents}
    gaz = get_gazetteer()
    tally, examples, outcome = Counter(), defaultdict(list), {}
    per_doc = {}
    for a in articles:
        inc = gold[str(a["incident_id"])]
        point = _gold_point(inc)
        doc = with_headline(to_document(a))  # as the scorer reads it: the title as last paragraph
        mentions = per_doc[a["doc_id"]] = process_document(doc)
        if point is None:
            continue
        tally["articles"] += 1
        placed = next((m for m in mentions if m.place is not None), None)
        if placed is not None and haversine_km(placed.place, point) <= LOCATION_KM:
            tally["hit"] += 1
            outcome[a["doc_id"]] = "hit"
            continue
        if not mentions:
            kind = "no_event"
        elif placed is None:
            kind = "no_place"
        else:
            kind = kind_of_miss(gaz, inc, doc.text or "", placed.place)
        tally[kind] += 1
        outcome[a["doc_id"]] = kind
        got = "-" if placed is None else (f"{placed.place.name}, {placed.place.admin1} ({placed.place.feature_code}, "
                                          f"prec {placed.geo_precision}, {haversine_km(placed.place, point):.0f} km) "
                                          f"from {placed.evidence.get('place').text if placed.evidence.get('place') else '?'!r}")
        examples[kind].append(f"{a['doc_id'][:10]} gold {inc.get('city_or_county')}, {inc.get('state')} | got {got}"
                              f" | title: {(a.get('title') or '')[:80]}")
    total = tally["articles"] or 1
    print(f"articles {tally['articles']}, placed within {LOCATION_KM:.0f} km: {tally['hit'] / total:.3f}")
    kinds = [k for k in tally if k not in ("articles", "hit")]
    for kind in sorted(kinds, key=lambda k: -tally[k]):
        print(f"  {kind:20s} {tally[kind]:5d}  {tally[kind] / total:.3f}")
        for line in examples[kind][:n_examples] if show in (None, kind) else ():
            print("      " + line)
    if "--dump" in sys.argv:  # doc id and outcome per line, to compare two versions with diff
        with open(sys.argv[sys.argv.index("--dump") + 1], "w", encoding="utf-8") as f:
            f.writelines(f"{doc}\t{kind}\n" for doc, kind in sorted(outcome.items()))
    if show:
        for line in examples[show][n_examples:]:
            print("      " + line)
    incident_misses(incidents, articles, per_doc, outcome, "--incidents" in sys.argv)


def incident_misses(incidents: list[dict], articles: list[dict], per_doc: dict, outcome: dict,
                    show_geo: bool = False) -> None:
    """Per gold incident: a hit, or why the scorer's Event is not within 25 km."""
    events = merge([m for ms in per_doc.values() for m in ms])
    by_doc, docs_of = events_by_document(events), documents_by_incident(articles)
    kinds = Counter()
    for inc in incidents:
        point = _gold_point(inc)
        if point is None:
            continue
        docs = docs_of[str(inc["incident_uri"])]
        event = incident_event(docs, by_doc, str(inc.get("address") or ""))
        if event is None:
            kinds["no_event"] += 1
            continue
        near = [m for m in event.mentions if m.place is not None and haversine_km(m.place, point) <= LOCATION_KM]
        if event.place is not None and haversine_km(event.place, point) <= LOCATION_KM:
            kinds["hit"] += 1
        elif event.place is None:
            kinds["event_no_place"] += 1
        elif near:
            kinds["reconcile"] += 1
        elif any(m.place is not None and haversine_km(m.place, point) <= LOCATION_KM for d in docs for m in per_doc[d]):
            kinds["merge"] += 1
        else:
            kinds["geo"] += 1
            if show_geo:  # the geo misses, with each article's kind and where the scored Event was put
                print(f"geo {inc.get('city_or_county')}, {inc.get('state')} | event {event.place.name}, "
                      f"{event.place.admin1} ({haversine_km(event.place, point):.0f} km) | "
                      + ", ".join(f"{d[:10]}:{outcome.get(d, '?')}" for d in docs))
    total = sum(kinds.values()) or 1
    print(f"incidents {total}, event within {LOCATION_KM:.0f} km: {kinds['hit'] / total:.3f}")
    for kind, n in kinds.most_common():
        if kind != "hit":
            print(f"  {kind:20s} {n:5d}  {n / total:.3f}")


if __name__ == "__main__":
    main()
