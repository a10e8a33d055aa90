"""Sort the GVA incidents whose scored event has the wrong killed, injured, date or place by kind of miss.

Usage: python benchmarks/gva_reconcile_diagnose.py [N_INCIDENTS] [--cache FILE] [--show FIELD:KIND] [--max N]

Runs the pipeline over the articles of the first N gold incidents (all when N is 0 or absent; with
--cache, the mentions are read from FILE when it exists, else extracted and written there, so that a
change to merging or reconciliation can be measured again in seconds), merges them, and for every
incident takes the event the scorer takes (`evaluate.gva.incident_event`). A wrong figure is:
  reconcile     a report of the incident in the event gives the gold figure, the event took another
  (overmerged)  ... and the event also holds reports of OTHER incidents (roundups, same-city shootings)
  split         a report of the incident in another event gives it (reports left in two events)
  split (same report)  ... but that report is also in the scored event (one report, several events)
  unread        no report of the incident gives it (the events and geo stages)
  no event      none of the incident's reports gave an event
FIELD is killed, injured, date or place (place: within 25 km of GVA's point); --show lists the
incidents of one kind with each member report's figures and the words they rest on.
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from pathlib import Path

from sitrep.evaluate.gva import (
    LOCATION_KM, _gold_point, _int, documents_by_incident, events_by_document, incident_event, load, score_events,
    to_document)
from sitrep.incidents import merge
from sitrep.incidents.compare import haversine_km
from sitrep.incidents.profile import Candidate, EventProfile
from sitrep.ingest.headline import with_headline
from sitrep.pipeline import process_document

from merge_diagnose import _parts, _why  # the merger's points and gates, one by one (benchmarks/)

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gva"


def _mentions(n: int, cache: str | None):
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    incidents, articles = load(GOLD, n or None)
    mentions = [m for a in articles for m in process_document(with_headline(to_document(a)))]
    data = (incidents, articles, mentions)
    if cache:
        Path(cache).write_bytes(pickle.dumps(data))
    return data


def _matches(field: str, inc: dict):
    """A test: does a mention or event give the gold value of `field`?"""
    if field == "killed":
        gold = _int(inc.get("num_killed"))
        return lambda x: (x.fatalities or 0) == gold
    if field == "injured":
        gold = _int(inc.get("num_injured"))
        return lambda x: (x.injuries or 0) == gold
    if field == "date":
        gold = str(inc.get("date_iso"))
        return lambda x: x.date is not None and x.date.isoformat() == gold
    point = _gold_point(inc)
    return lambda x: x.place is not None and haversine_km(x.place, point) <= LOCATION_KM


def _evidence(m, field: str) -> str:
    key = {"killed": "fatalities", "injured": "injuries"}.get(field, field)
    ev = m.evidence.get(key)
    return (ev.text if ev is not None else m.span.text)[:90].replace("\n", " ")


def main() -> None:
    args = sys.argv[1:]
    opt = {k: args[args.index(k) + 1] for k in ("--cache", "--show", "--max") if k in args}
    rest = [a for a in args if not a.startswith("--") and a not in opt.values()]
    n = int(rest[0]) if rest else 0
    show_field, _, show_kind = opt.get("--show", ":").partition(":")
    most = int(opt.get("--max", 30))
    incidents, articles, mentions = _mentions(n, opt.get("--cache"))
    events = merge(mentions)
    report = score_events(incidents, articles, events)
    print(" ".join(f"{k} {v:.4f}" for k, v in report.metrics.items()))
    by_doc, docs_of = events_by_document(events), documents_by_incident(articles)
    incident_of = {a["doc_id"]: str(a["incident_id"]) for a in articles}
    shown = 0
    for field in ("killed", "injured", "date", "place"):
        kinds: Counter = Counter()
        for inc in incidents:
            iid = str(inc["incident_uri"])
            if field == "place" and _gold_point(inc) is None:
                continue
            event = incident_event(docs_of[iid], by_doc, str(inc.get("address") or ""))
            right = _matches(field, inc)
            if event is None:
                kinds["no event"] += 1
                continue
            if right(event):
                kinds["right"] += 1
                continue
            foreign = any(incident_of.get(m.doc_id) != iid for m in event.mentions)
            own = [m for m in event.mentions if incident_of.get(m.doc_id) == iid]
            elsewhere = [m for d in docs_of[iid] for e in by_doc.get(d, []) if e is not event
                         for m in e.mentions if m.doc_id == d]
            if any(right(m) for m in own):
                kind = "reconcile" + (" (overmerged)" if foreign else "")
            elif any(right(m) for m in elsewhere):
                # the report giving it also gave the scored event (one report, several events) or not
                in_event = {m.doc_id for m in event.mentions}
                kind = "split" if any(right(m) and m.doc_id not in in_event for m in elsewhere) else "split (same report)"
            else:
                kind = "unread" + (" (overmerged)" if foreign else "")
            kinds[kind] += 1
            if field == show_field and kind == show_kind and shown < most:
                shown += 1
                print(f"=== {iid} gold killed {inc.get('num_killed')} injured {inc.get('num_injured')} "
                      f"{inc.get('date_iso')} {inc.get('city_or_county')} | event killed {event.fatalities} "
                      f"(low {event.fatalities_low} best {event.fatalities_best}) injured {event.injuries} "
                      f"{event.date} {event.place.name if event.place else None}")
                for m in event.mentions:
                    whose = "own" if incident_of.get(m.doc_id) == iid else f"of {incident_of.get(m.doc_id)}"
                    print(f"   {whose:>12} {m.doc_id[:10]} published {m.published} date {m.date}/{m.date_precision} "
                          f"killed {m.fatalities} injured {m.injuries} "
                          f"{m.place.name if m.place else None} | {_evidence(m, field)}")
                if kind.startswith("split"):
                    _show_split(event, [e for d in docs_of[iid] for e in by_doc.get(d, []) if e is not event],
                                incident_of, iid, field)
        print(field, dict(kinds.most_common()))


def _show_split(event, others, incident_of: dict, iid: str, field: str) -> None:
    """The incident's other events, each with why its reports stayed out of the scored event."""
    profile = EventProfile(event.id)
    for m in event.mentions:
        profile.add(Candidate.of(m))
    for other in {e.id: e for e in others}.values():
        print(f"      other event killed {other.fatalities} injured {other.injuries} {other.date} "
              f"{other.place.name if other.place else None}")
        for m in other.mentions:
            whose = "own" if incident_of.get(m.doc_id) == iid else f"of {incident_of.get(m.doc_id)}"
            why = ""
            if whose == "own":
                c = Candidate.of(m)
                parts = _parts(profile, c)
                why = f"[{_why(profile, c)}: " + " ".join(f"{k}{v:+.1f}" for k, v in parts.items() if v) + "]"
            print(f"   {whose:>12} {m.doc_id[:10]} published {m.published} date {m.date}/{m.date_precision} "
                  f"{m.sub_event_type[:12]} killed {m.fatalities} injured {m.injuries} "
                  f"{m.place.name if m.place else None} {why} | {_evidence(m, field)}")


if __name__ == "__main__":
    main()
