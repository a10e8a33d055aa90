"""Turn the Mentions of one event into the Event's fields: counts across sources, place, date, sources.

The counts are `tolls`' (UCDP's low, best and high, ACLED's conservative figure, and the
wounded). The date is the most precise one the reports give (the day over a week), and among those
the one with most support, a report counting more when it writes the date out days later and less
when it says only "tonight", and less when its words do not tell the day with the violence, least
when they date only a later step (`Mention.date_role`; see data/merge_rules.yaml, date_vote).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta

from sitrep.events.actors import localize, unidentified_armed_group
from sitrep.incidents.compare import haversine_km, place_precision
from sitrep.incidents.rules import rules
from sitrep.incidents.tolls import best_injuries, own_figures, published, reconcile_counts
from sitrep.model import DAY, Actor, Claim, Event, Mention, Source

_WORDS = re.compile(r"[a-z]+")


def _vote(members: list[Mention], key, rank=lambda m: 0, weight=lambda m: 1.0):
    """The member holding the most supported value of `key` among the best-ranked members.
    Support is each member's 1 + confidence, times its `weight`; ties go to the earliest member."""
    having = [m for m in members if key(m) is not None]
    if not having:
        return None
    top = min(rank(m) for m in having)
    having = [m for m in having if rank(m) == top]
    support: Counter = Counter()
    for m in having:
        support[key(m)] += (1.0 + m.confidence) * weight(m)
    winner = max(support.values())
    return next(m for m in having if support[key(m)] == winner)


def date_weight(m: Mention) -> float:
    """How much a member's date counts in the event's date vote (see data/merge_rules.yaml,
    date_vote): a date written out ("Nov. 14") in a report days after it was looked up, so it
    counts more; a bare "tonight" or "overnight" rests on the publication stamp, so it counts less.
    Times the weight of what its words date (`Mention.date_role`, date_vote.roles): a day told with
    the violence counts fully, a day of a press conference or a charge ("step") least."""
    cfg = rules()["date_vote"]
    ev = m.evidence.get("date")
    words = set(_WORDS.findall(ev.text.lower())) if ev is not None and ev.text else set()
    if not words:
        return 1.0
    role = cfg["roles"].get(m.date_role, 1.0)
    if words.isdisjoint(rules().day_names):
        return cfg["unnamed"] * role
    late = m.date is not None and m.published is not None and (m.published - m.date).days > cfg["fresh_days"]
    return (cfg["written_late"] if late and any(c.isdigit() for c in ev.text) else 1.0) * role


def _date_vote(members: list[Mention]) -> Mention | None:
    """The member holding the event's date: among the most precise dates, the one whose members'
    support (1 + confidence, times `date_weight`) is highest; ties go to the earliest member.
    A date after the first report's publication (by more than date_vote.lag_days) is left out while
    another is given: no report tells of an event still to come (a plan's "Wednesday" read as a past
    day gives way to the stamp of a report published days before it)."""
    having = [m for m in members if m.date is not None]
    if not having:
        return None
    stamps = [m.published for m in members if m.published is not None]
    if stamps:
        latest = min(stamps) + timedelta(days=rules()["date_vote"]["lag_days"])
        having = [m for m in having if m.date <= latest] or having
    top = min(m.date_precision or DAY for m in having)
    having = [m for m in having if (m.date_precision or DAY) == top]
    if len({m.date for m in having}) == 1:  # nothing to weigh
        return having[0]
    if all("date" not in m.evidence for m in having):
        # dates read from publication stamps alone: the first report's stamp is nearest the event
        return min(having, key=lambda m: (m.date, published(m)))
    return _vote(having, lambda m: m.date, weight=date_weight)


def _place_vote(members: list[Mention]) -> Mention | None:
    """The member holding the event's place: among the most precise places the members give (the
    town over the county), the one most members place the event near (within place.max_town_km,
    whatever their precision): a report that put the event in a namesake town or the outlet's
    city finds no support from the others. Support is a member plus its confidence; ties go to
    the earliest member. (Measured on GVA: place within 25 km 0.866 -> 0.870 over the most
    supported place key alone.)"""
    placed = [m for m in members if m.place is not None]
    if not placed:
        return None
    weight: Counter = Counter()  # place key -> the support of the members placing the event there
    first: dict = {}  # place key -> its earliest member
    rank: dict = {}  # place key -> the most precise precision a member gives it
    for m in placed:
        key = _place_key(m)
        weight[key] += 1.0 + m.confidence
        first.setdefault(key, m)
        rank[key] = min(rank.get(key, 9), place_precision(m.place, m.geo_precision) or 9)
    top = min(rank.values())
    near_km = rules()["place"]["max_town_km"]
    support = {key: sum(w for other, w in weight.items()
                        if haversine_km(first[key].place, first[other].place) <= near_km)
               for key in first if rank[key] == top}
    best = max(support.values())
    return next(m for m in placed if support.get(_place_key(m)) == best
                and (place_precision(m.place, m.geo_precision) or 9) == top)


def _place_key(m: Mention):
    if m.place is None:
        return None
    return m.place.geonameid or (round(m.place.latitude, 3), round(m.place.longitude, 3))


def _disagree(members: list[Mention]) -> bool:
    for field in ("fatalities", "injuries"):
        if len({getattr(m, field) for m in members if getattr(m, field) is not None}) > 1:
            return True
    if len({m.date for m in members if m.date and (m.date_precision or DAY) == DAY}) > 1:
        return True
    towns = [m.place for m in members if m.place and place_precision(m.place, m.geo_precision) == 1]
    same_km = rules()["place"]["same_km"]
    return any(haversine_km(a, b) > same_km for a in towns for b in towns[:1])


def _claims(members: list[Mention]) -> list[Claim]:
    """Every claim the reports make, with who made it; each reported count is one claim."""
    out, seen = [], set()

    def keep(c: Claim) -> None:
        key = (c.field, repr(c.value), c.claimant, c.span)
        if key not in seen:
            seen.add(key)
            out.append(c)

    for m in members:
        for c in m.claims:
            keep(c)
        stated = {c.field for c in m.claims}
        for field in ("fatalities", "injuries", "arrests"):
            value = getattr(m, field)
            if value is not None and field not in stated:
                keep(Claim(field, value, m.attribution, m.evidence.get(field) or m.span))
    return out


def _sources(members: list[Mention]) -> list[Source]:
    by_doc: dict[str, Source] = {}
    for m in sorted(members, key=lambda m: (published(m), m.doc_id)):
        by_doc.setdefault(m.doc_id, Source(m.doc_id, m.source_url, m.source_name, m.published))
    return list(by_doc.values())


def summary(e: Event) -> str:
    """A short neutral account built from the coded fields, never from one side's words."""
    what = e.sub_event_type
    who = [a.name for a in (e.actor1, e.actor2) if a]
    if who:
        what += " involving " + " and ".join(who)
    where = ""
    if e.place:
        parts = [x for x in (e.place.name, e.place.admin1, e.place.country) if x]
        where = " in " + ", ".join(dict.fromkeys(parts))  # "Bangladesh, Bangladesh" once
    when = f"On {e.date.isoformat()}, " if e.date else ""
    text = f"{when}{what[0].lower() + what[1:] if when else what}{where}."
    if e.fatalities_low is not None:
        spread = (f" (reports range {e.fatalities_low}-{e.fatalities_high})"
                  if e.fatalities_high != e.fatalities_low else "")
        text += f" Reported fatalities: {e.fatalities}{spread}."
    if e.injuries is not None:
        text += f" Reported injuries: {e.injuries}."
    n = e.n_sources
    return text + f" {n} report{'s' if n != 1 else ''}."


def build_event(event_id: str, members: list[Mention], base: Event | None = None) -> Event:
    """The Event its members support. An event a reviewer edited or rejected keeps its coded
    fields; only its sources, mentions and claims grow."""
    members = sorted(members, key=lambda m: (published(m), m.doc_id, m.span.start))
    sources, claims = _sources(members), _claims(members)
    if base is not None and base.review_status in ("edited", "rejected"):
        e = Event(**{**base.__dict__, "sources": sources, "mentions": members, "claims": claims})
        e.disagreement = base.disagreement or _disagree(members)
        return e
    typed = _vote(members, lambda m: m.sub_event_type)
    dated = _date_vote(members)
    placed = _place_vote(members)
    actor1 = _vote(members, lambda m: m.actor1.name if m.actor1 else None)
    a1 = actor1.actor1 if actor1 else None
    actor2 = _vote(members, lambda m: m.actor2.name if m.actor2 and m.actor2 != a1 else None)
    a2 = actor2.actor2 if actor2 else None
    if a1 is None:
        a1 = unidentified_doer(typed.event_type, typed.sub_event_type, placed.place if placed else None)
    assoc1 = _distinct([a for m in members for a in m.assoc_actor_1], {a1, a2})
    assoc2 = _distinct([a for m in members for a in m.assoc_actor_2], {a1, a2} | set(assoc1))
    fatalities, f_low, f_best, f_high = reconcile_counts(own_figures(members, "fatalities"), "fatalities")
    injuries = best_injuries(own_figures(members, "injuries"), fatalities or 0)
    lead = max(members, key=lambda m: m.confidence)
    evidence = dict(lead.evidence)
    for field, source in (("date", dated), ("place", placed), ("actor1", actor1), ("actor2", actor2)):
        if source is not None and field in source.evidence:
            evidence[field] = source.evidence[field]
    for field, value in (("fatalities", fatalities), ("injuries", injuries)):
        source = next((m for m in reversed(members) if getattr(m, field) == value and field in m.evidence), None)
        if source is not None:
            evidence[field] = source.evidence[field]
    same_type = [m for m in members if m.sub_event_type == typed.sub_event_type]
    targeting = sum(1 for m in same_type if m.civilian_targeting) * 2 > len(same_type)
    unconfident = 1.0
    for m in members:
        unconfident *= 1.0 - min(max(m.confidence, 0.0), 0.95)
    e = Event(
        id=event_id, event_type=typed.event_type, sub_event_type=typed.sub_event_type,
        disorder_type=Counter(m.disorder_type for m in same_type).most_common(1)[0][0],
        date=dated.date if dated else None, date_precision=dated.date_precision or DAY if dated else None,
        place=placed.place if placed else None, geo_precision=placed.geo_precision if placed else None,
        actor1=a1, assoc_actor_1=assoc1, actor2=a2, assoc_actor_2=assoc2, civilian_targeting=targeting,
        fatalities=fatalities or 0, fatalities_low=f_low, fatalities_best=f_best, fatalities_high=f_high,
        injuries=injuries, confidence=round(min(0.99, 1.0 - unconfident), 3), disagreement=_disagree(members),
        sources=sources, mentions=members, evidence=evidence, claims=claims,
        review_status=base.review_status if base else "unreviewed")
    if placed and e.geo_precision is None:
        e.geo_precision = place_precision(e.place, None)
    e.notes = summary(e)
    if base is not None and base.review_status == "accepted" and _coded(e) != _coded(base):
        e.review_status = "unreviewed"  # new reports changed what the reviewer accepted
    return e


# ACLED's convention: violence whose doer no report names is by an unidentified armed group
_DOER_UNNAMED = ("Violence against civilians", "Explosions/Remote violence", "Battles")


def unidentified_doer(event_type: str, sub_event_type: str, place) -> Actor | None:
    """ "Unidentified Armed Group (Mexico)" for violence in Mexico that no report gives a doer;
    None for other types or an unplaced event. It rests on no words, so it has no evidence, and
    the merger never sees it (it compares the reports' own actors)."""
    if event_type not in _DOER_UNNAMED or sub_event_type == "Air/drone strike" or place is None \
            or not place.country_code:
        return None  # air strikes are flown by states' air forces, whoever the report leaves unnamed
    return localize(unidentified_armed_group(), place.country_code)


def _coded(e: Event) -> tuple:
    """The fields a reviewer vouches for when accepting an event."""
    return (e.sub_event_type, e.date, e.place, e.actor1, e.actor2, e.fatalities, e.injuries)


def _distinct(actors: list, exclude: set) -> list:
    out, seen = [], {a.name for a in exclude if a}
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
