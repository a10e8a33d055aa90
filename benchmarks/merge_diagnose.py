"""Tell why reports of one GVA incident were not merged: which gate or which points kept each apart.

Usage: python benchmarks/merge_diagnose.py [N_INCIDENTS] [--cache FILE] [--show N] [--only REASON]

Runs the pipeline over the articles of the first N gold incidents (all when N is 0), merges, and for
every incident takes its dominant Event (the one most of its documents' main events are). Each other
document of the incident is tallied by why its main mention stayed out of that Event, checked
against the whole Event as the merger sees it (complete linkage):
  no mention      the document gave no event at all (the events stage)
  type / date gap>1 / date gap>14 / place   a gate
  score<0         every gate passed but the points stayed below 0; the negative parts are tallied
  fits>=0         it fits, but joined another event first (order, crowding)
Pairs of documents are not counted: one incident with 30 articles would outweigh twenty small ones.
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate.gva import load, to_document
from sitrep.incidents import merge
from sitrep.incidents.compare import (
    actor_points, age_points, cosine_to_centroid, count_points, date_points, gap_days, name_points, place_points,
    text_points, type_points)
from sitrep.incidents.profile import Candidate, EventProfile
from sitrep.incidents.rules import rules
from sitrep.incidents.within import report_lead
from sitrep.ingest.headline import with_headline
from sitrep.pipeline import process_document

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def _mentions(n: int, cache: str | None):
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    _, articles = load(GOLD, n or None)
    mentions = []
    for a in articles:
        doc = with_headline(to_document(a))  # as pipeline.extract reads it
        found = process_document(doc)
        for m in found:  # the report's lead, as merge_within(mentions, doc) keeps it
            m.lead = m.lead or report_lead(doc)
        mentions += found
    data = (articles, mentions)
    if cache:
        Path(cache).write_bytes(pickle.dumps(data))
    return data


def _parts(event: EventProfile, c: Candidate) -> dict[str, float]:
    """The points `EventProfile.fit` adds up, one by one (a gated part, as the merger would see it)."""
    m, cfg = c.mention, rules()
    types = [type_points(m.sub_event_type, t) for t in event.sub_types]
    dates = [date_points(c.interval, iv) or event._follow_up(c, iv) for iv in event.intervals]
    places = [place_points(m.place, c.precision, p, prec) for p, prec in event.places.values()]
    places = [event._same_admin1(m.place, p) if x is None else x for x, (p, _) in zip(places, event.places.values())]
    return {"type": min((cfg["type_compat"]["loose_score"] if t is None else t for t in types), default=0.0),
            "date": min((d[0] for d in dates if d is not None), default=0.0),
            "place": max((p for p in places if p is not None), default=0.0),
            "actors": actor_points(c.actors, event.actors),
            "killed": event._death_toll_points(c),  # with or without the shooter's own death
            "injured": count_points(m.injuries, event.injuries),
            "words": text_points(cosine_to_centroid(c.words, event.centroid, event.centroid_norm)),
            "names": name_points(len(c.names & event.names)),
            "ages": age_points(c.ages, event.ages)}


def _why(event: EventProfile, c: Candidate) -> str:
    found = event.fit(c, {})
    if found is not None:
        return "score<0" if found[0] < 0 else "fits>=0 (joined another event)"
    m, loose = c.mention, rules().loose_disorders
    is_loose = m.disorder_type in loose or not event.disorders.isdisjoint(loose)
    if not is_loose and any(type_points(m.sub_event_type, t) is None for t in event.sub_types):
        return "type"
    if any(date_points(c.interval, iv) is None for iv in event.intervals):
        gaps = [g for iv in event.intervals if (g := gap_days(c.interval, iv)) is not None]
        return f"date gap>{14 if gaps and max(gaps) > 14 else 1}"
    return "place"


def main() -> None:
    args = [x for x in sys.argv[1:] if not x.startswith("--")]
    opt = {k: sys.argv[sys.argv.index(k) + 1] for k in ("--cache", "--show", "--only") if k in sys.argv}
    args = [a for a in args if a not in opt.values()]
    n = int(args[0]) if args else 400
    show, only = int(opt.get("--show", 0)), opt.get("--only", "")
    articles, mentions = _mentions(n, opt.get("--cache"))
    events = merge(mentions)
    by_doc = defaultdict(list)
    for e in events:
        for m in e.mentions:
            by_doc[m.doc_id].append((e, m))
    main_of = {d: max(v, key=lambda em: (em[0].n_sources, em[0].confidence, em[0].id)) for d, v in by_doc.items()}
    docs_of = defaultdict(list)
    for a in articles:
        docs_of[str(a["incident_id"])].append(a["doc_id"])
    reasons, negative, shown = Counter(), Counter(), 0
    for docs in docs_of.values():
        if len(docs) < 2:
            continue
        mains = Counter(main_of[d][0].id for d in docs if d in main_of)
        if not mains:
            reasons["no event from any document"] += len(docs)
            continue
        dominant = next(main_of[d][0] for d in docs if d in main_of and main_of[d][0].id == mains.most_common(1)[0][0])
        profile = EventProfile(dominant.id)
        for m in dominant.mentions:
            profile.add(Candidate.of(m))
        for d in docs:
            if d not in main_of:
                reasons["no mention"] += 1
                continue
            if main_of[d][0].id == dominant.id:
                reasons["merged"] += 1
                continue
            c = Candidate.of(main_of[d][1])
            why = _why(profile, c)
            reasons[why] += 1
            parts = _parts(profile, c)
            if why == "score<0":
                negative.update(k for k, v in parts.items() if v < 0)
            if shown < show and why.startswith(only):
                shown += 1
                m = c.mention
                print(f"{why}  {' '.join(f'{k}={v:+.1f}' for k, v in parts.items())}\n"
                      f"  EVENT   {dominant.sub_event_type} {dominant.date} {dominant.place and dominant.place.name} "
                      f"k={dominant.fatalities} i={dominant.injuries} {dominant.mentions[0].span.text[:120]!r}\n"
                      f"  MENTION {m.sub_event_type} ({m.disorder_type}) {m.date} p={m.date_precision} "
                      f"{m.place and (m.place.name, m.place.admin1)} k={m.fatalities} i={m.injuries} {m.span.text[:120]!r}")
    for k, v in reasons.most_common():
        print(f"{v:6d}  {k}")
    print("negative parts among score<0:", ", ".join(f"{k} {v}" for k, v in negative.most_common()))


if __name__ == "__main__":
    main()
