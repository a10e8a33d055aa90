"""Merge the Mentions of one document that tell of the same event into one Mention.

A report often says "killed" in one sentence and gives the toll in the next, or (a listing page)
tells the same story twice. Sentences are read in order; each joins the best-matching earlier group
when type, date, place and actors agree, otherwise it starts a group. A group becomes one Mention
built from the union of its evidence and the best-supported values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from sitrep.incidents.compare import (
    actor_points, actors_of, count_points, date_interval, date_points, is_revision, place_precision,
    place_points, same_day_and_town, type_points)
from sitrep.incidents.raids import as_clash, as_riot, coded, is_demonstration, resisting_group, tells_crowd_violence
from sitrep.incidents.rules import rules
from sitrep.model import NON_STATE_ARMED, Document, Mention


_DEFINITE_BEFORE = re.compile(r"\b(?:the|those|these)\s+$", re.I)


def merge_within(mentions: list[Mention], doc: Document | None = None) -> list[Mention]:
    """One Mention per event told in a document (the input is one document's mentions, any order).

    Given the document, each mention also keeps the report's lead (`Mention.lead`): the merger
    compares reports by the victims', streets' and places' names and words their leads share,
    which the event's own sentence alone rarely holds."""
    if doc is not None:
        lead = report_lead(doc)
        for m in mentions:
            m.lead = m.lead or lead
    if len(mentions) < 2:
        return [coded(m) for m in mentions]
    # the headline, which ingest puts last, sums up the report's lead: it is read as next to it
    headline_at = doc.body_end() if doc is not None and doc.body_end() < len(doc.text) else None
    groups: list[list[Mention]] = []
    retold_turns: set[int] = set()  # a demonstration named again as it turned violent: kept if it joins one
    told = _told_texts(mentions, doc, headline_at)
    for m in sorted(mentions, key=lambda x: (x.span.start, x.span.end)):
        best, best_score = None, 0.0  # join only at log-odds >= 0
        in_headline = headline_at is not None and m.span.start >= headline_at
        if not _opens_separately(m):
            for group in groups:
                s = _group_score(m, group, in_headline)
                if s is not None and s >= best_score and (best is None or s > best_score):
                    best, best_score = group, s
        if best is None and groups and _retold(m):
            if not tells_crowd_violence(m, told.get(id(m))):
                continue  # "police confirmed the attack and said...": the attack already told
            retold_turns.add(id(m))  # "the demonstration was peaceful, but youths threw stones"
        if best is None:
            groups.append([m])
        else:
            best.append(m)
    groups, turns = _turned_violent(groups, retold_turns, told)
    groups = _toll_less_absorbed(groups)
    groups, clash_sides = _resistance_joined(groups)
    clash_sides = {id(groups[i]): sides for i, sides in clash_sides.items()}  # (side acts move groups)
    groups, side_acts = _side_acts_joined(groups)
    merged = [g[0] if len(g) == 1 else combine(g, headline_at, side_acts) for g in groups]
    for i, g in enumerate(groups):
        if id(g) in clash_sides:
            merged[i] = as_clash(merged[i], *clash_sides[id(g)])
        if id(g) in turns:
            merged[i] = as_riot(merged[i], g, turns[id(g)])
    return [coded(m) for m in merged]


def _told_texts(mentions: list[Mention], doc: Document | None, headline_at: int | None) -> dict[int, str]:
    """By id, the words each mention typed as a riot tells (no other is read for a crowd's violence):
    its sentence and, given the report, the sentences after it up to the next mention (the events
    stage reads those into it: "They then threw stones")."""
    cfg = rules()["within"]["turned_violent"]
    violent = [m for m in mentions if m.sub_event_type in cfg["violent_sub_types"]]
    if not violent:
        return {}  # (most reports: nothing to read)
    limit = cfg["told_chars"]
    starts = sorted({m.span.start for m in mentions})
    out = {}
    for m in violent:
        text = m.span.text
        if doc is not None and doc.text:
            at = bisect_right(starts, m.span.start)
            end = starts[at] if at < len(starts) else len(doc.text)
            if headline_at is not None and m.span.start < headline_at:
                end = min(end, headline_at)
            text = doc.text[m.span.start:max(m.span.end, min(end, m.span.start + limit))]
        out[id(m)] = text
    return out


def _turned_violent(groups: list[list[Mention]], retold: set[int],
                    told: dict[int, str]) -> tuple[list[list[Mention]], dict[int, Mention]]:
    """ACLED: a demonstration whose crowd (or part of it) turns violent is ONE violent demonstration.
    A demonstration group with a sentence telling the crowd's violence takes in the report's other
    demonstration groups of the same day and town (the march, the police dispersing it). Returns
    the groups and, by id of the riot's group, its turning sentence. A sentence naming the
    demonstration again (`retold`) that joins none is dropped, as any retold sentence."""
    cfg = rules()["within"]["turned_violent"]
    turns: dict[int, Mention] = {}
    joined: set[int] = set()
    for g in groups:
        turn = next((m for m in g if tells_crowd_violence(m, told.get(id(m)))), None)
        if turn is None or id(g) in joined or not is_demonstration(g):
            continue
        others = [o for o in groups if o is not g and id(o) not in joined and id(o) not in turns
                  and is_demonstration(o) and same_day_and_town(o, g, cfg["min_place_points"])]
        if not others and all(id(m) in retold for m in g):
            joined.add(id(g))  # named again, joining nothing: no new event
            continue
        if not others and not any(m.sub_event_type in cfg["protest_sub_types"] for m in g):
            continue  # a riot told alone: coded as the classifier typed it
        for o in others:
            g.extend(o)
            joined.add(id(o))
        g.sort(key=lambda m: (m.span.start, m.span.end))
        turns[id(g)] = turn
    return [g for g in groups if id(g) not in joined], turns


def _tolled(group: list[Mention]) -> bool:
    return any(m.fatalities is not None or m.injuries is not None for m in group)


def _toll_less_absorbed(groups: list[list[Mention]]) -> list[list[Mention]]:
    """A crime report telling ONE set of victims: its other sentences that give no toll, no arrest,
    no other day and no other place tell of the same shooting (an eyewitness, the scene, the weapon),
    however the classifier typed them, and are dropped. The victims' group keeps its own type,
    date, place and tolls. Reports with victims in two groups (roundups) are left as they are."""
    cfg = rules()["within"]["toll_less"]
    tolled = [g for g in groups if _tolled(g)]
    if len(tolled) != 1 or len(groups) < 2:
        return groups
    target = tolled[0]
    if not any(m.disorder_type in cfg["into_disorders"] for m in target):
        return groups
    # victims placed in no town (a comment on a national story): no shooting to tell the rest of
    if not any(m.place is not None and not m.place.feature_code.startswith("PCL") for m in target):
        return groups
    kept, absorbed = [], []
    for g in groups:
        if g is target or not _absorbable(g, target, cfg):
            kept.append(g)
        else:
            absorbed += g
    if absorbed:  # their words still tell the merger which reports tell of this shooting
        first = min(absorbed, key=lambda m: m.span.start)
        for m in target:
            m.evidence.setdefault("sentence", first.span)
    return kept


def _absorbable(group: list[Mention], target: list[Mention], cfg: dict) -> bool:
    if _tolled(group) or _opens_separately(group[0]):
        return False
    if any(m.event_type in cfg["keep_event_types"] or m.arrests for m in group):
        return False
    # a sentence typed like the victims' own is the merger's business (nearness, actors): only
    # the classifier's slips into another kind of event are taken here
    if any(t is not None and t >= cfg["max_type_points"]
           for m in group for v in target for t in [type_points(m.sub_event_type, v.sub_event_type)]):
        return False
    # a sentence whose doer is a force, an armed group or rioters tells of their own act (troops
    # shelling the town, a riot after the killing), not a detail of the shooting
    if any(m.actor1 is not None and m.actor1.category in cfg["keep_actor1_categories"] for m in group):
        return False
    return same_day_and_town(group, target, cfg["min_place_points"])


def _resistance_joined(groups: list[list[Mention]]) -> tuple[list[list[Mention]], dict[int, tuple]]:
    """A raid report: ONE group tells a force's political violence with its toll; a sentence (in it or
    not) tells, with no toll, arrest, day or town of its own, an armed group fighting that force
    ("fighters confronted the troops"). The resistance is the raid's: the whole is one armed clash
    of the force and the group. Returns the groups and, by index, the clash's sides."""
    cfg = rules()["within"]["resistance"]
    tolled = [g for g in groups if _tolled(g)]
    target = tolled[0] if len(tolled) == 1 else []
    # the force does the violence a sentence gives the toll of: a force told only as the dead
    # ("killed 70 soldiers") or as the source ("police say a man shot three") raided nothing
    force = next((m.actor1 for m in target if _tolled([m]) and m.disorder_type == "Political violence"
                  and m.actor1 is not None and m.actor1.category in cfg["force_categories"]), None)
    if force is None:
        return groups, {}
    resisting = {id(g): a for g in groups if g is not target and not _tolled(g) and not _opens_separately(g[0])
                 for a in [resisting_group(g, target, force)] if a is not None}
    # resistance the merger has already put with the raid's sentences tells the same
    inside = [a for m in target if not _tolled([m]) and not _opens_separately(m)
              for a in [resisting_group([m], target, force)] if a]
    if not resisting and not inside:
        return groups, {}
    kept = [g for g in groups if id(g) not in resisting]
    target.extend(m for g in groups if id(g) in resisting for m in g)
    target.sort(key=lambda m: (m.span.start, m.span.end))
    # a group the raid's own sentences name outright identifies the unidentified one
    named = [a for m in target for a in (m.actor1, m.actor2)
             if a is not None and a.category in NON_STATE_ARMED and not a.name.startswith("Unidentified")]
    at = next(i for i, g in enumerate(kept) if g is target)
    return kept, {at: (force, (named or [*inside, *resisting.values()])[0])}


def _side_acts_joined(groups: list[list[Mention]]) -> tuple[list[list[Mention]], set[int]]:
    """ACLED's one event per act of violence: a group telling only what happened with a violent act
    the report tells, on its day and in its town, joins that act's group: the air strikes or
    shelling of a side in a ground battle join the clash; the seizure after the exchange of fire,
    the houses burned in the attack, the rioter arrested join the nearest act told before them.
    Returns the groups and the ids of the joined mentions, which give the event neither type nor sides."""
    cfg = rules()["within"]["side_acts"]
    side: set[int] = set()
    fire = cfg["fire_support"]
    clashes = [g for g in groups if any(m.sub_event_type in fire["into_sub_types"] for m in g)]
    groups = _joined_into(groups, clashes, side, lambda g: _nearest_fit(
        g, clashes, fire["sub_types"], lambda c: _supports(g, c), cfg["min_place_points"]))
    violent = [g for g in groups if any(m.event_type in cfg["into_event_types"]
                                        and m.sub_event_type not in cfg["sub_types"] for m in g)]
    groups = _joined_into(groups, violent, side, lambda g: _nearest_fit(
        g, violent, cfg["sub_types"], lambda v: _goes_with(g, v, cfg), cfg["min_place_points"]))
    return groups, side


def _joined_into(groups: list[list[Mention]], targets: list[list[Mention]], side: set[int],
                 target_of) -> list[list[Mention]]:
    """The groups, each that is no target and has one (`target_of`) moved into it and its
    mentions' ids added to `side`."""
    if not targets:
        return groups
    kept, target_ids = [], {id(g) for g in targets}
    for g in groups:
        target = None if id(g) in target_ids else target_of(g)
        if target is None:
            kept.append(g)
            continue
        target.extend(g)
        target.sort(key=lambda m: (m.span.start, m.span.end))
        side.update(id(m) for m in g)
    return kept


def _nearest_fit(group: list[Mention], targets: list[list[Mention]], sub_types: list[str], fits,
                 min_place_points: float) -> list[Mention] | None:
    """The nearest of the targets a group telling only `sub_types` belongs to: one that `fits` it,
    whose toll the group gives no other than, and whose every day and place agrees; None when the
    group opens "in a separate incident" or tells an event of its own."""
    if _opens_separately(group[0]) or not all(m.sub_event_type in sub_types for m in group):
        return None
    fitting = [t for t in targets if fits(t)
               and _toll_told_again(group, t, "fatalities") and _toll_told_again(group, t, "injuries")
               and same_day_and_town(group, t, min_place_points)]
    start = group[0].span.start
    return min(fitting, key=lambda t: min(abs(m.span.start - start) for m in t), default=None)


def _supports(group: list[Mention], clash: list[Mention]) -> bool:
    """Are the group's air strikes or shelling told after the clash ("fighting broke out ... The
    military conducted an airstrike"), by one of its sides or by no side named? (A strike told first
    is the report's event; a third force's is an event of its own.)"""
    sides = set().union(*map(actors_of, clash))
    return clash[0].span.start < group[0].span.start and all(
        m.actor1 is None or actor_points({m.actor1.name}, sides) >= 0 for m in group)


def _goes_with(group: list[Mention], act: list[Mention], cfg: dict) -> bool:
    """Is the group's seizure, destruction, arrest or abduction told with the violent act, not before
    it ("police arrested a journalist ..." is the report's event), and an abduction only with a
    killing or a clash (people taken in an attack that killed no one: ACLED's abduction)?"""
    if act[0].span.start > group[0].span.start:
        return False
    abduction = any(m.sub_event_type == "Abduction/forced disappearance" for m in group)
    return not abduction or any(m.sub_event_type in cfg["abduction_into_sub_types"]
                                and (m.fatalities or m.sub_event_type == "Armed clash") for m in act)


def _toll_told_again(group: list[Mention], target: list[Mention], field: str) -> bool:
    """The group gives no count of this kind, or only the target's own."""
    theirs = {getattr(m, field) for m in target}
    return all(getattr(m, field) is None or getattr(m, field) in theirs for m in group)


def report_lead(doc: Document) -> str:
    """The opening words of the report's body, cut at a word (see data/merge_rules.yaml, text.lead_chars)."""
    limit = rules()["text"]["lead_chars"]
    body = (doc.text or "")[:doc.body_end()]
    if len(body) <= limit:
        return body.strip()
    cut = body.rfind(" ", 0, limit + 1)
    return body[:cut if cut > 0 else limit].strip()


def _opens_separately(m: Mention) -> bool:
    head = m.span.text[:60].lower()
    return any(cue in head for cue in rules()["within"]["separate_cues"])


def _refers_back(m: Mention) -> bool:
    """Is the sentence's event word a definite back-reference ("the arrests", "those killings")?"""
    ev = m.evidence.get("event_type")
    if ev is None or not (m.span.start <= ev.start and ev.end <= m.span.end) or ev.end - ev.start > 40:
        return False
    if ev.text.lower() in rules()["within"]["participles"]:
        return False  # "the invading forces": a force, not an event named again
    before = m.span.text[max(0, ev.start - m.span.start - 12):ev.start - m.span.start]
    return _DEFINITE_BEFORE.search(before) is not None


def _retold(m: Mention) -> bool:
    """A sentence naming an event already told ("confirmed the attack") that adds no toll, arrest,
    day or place of its own: whatever else the classifier read in it, it is no new event."""
    if not _refers_back(m) or m.fatalities is not None or m.injuries is not None or m.arrests:
        return False
    return not _says_own(m, "date") and not _says_own(m, "place")


def _group_score(m: Mention, group: list[Mention], in_headline: bool = False) -> float | None:
    """The lowest score of `m` against the group's sentences (every sentence must agree)."""
    scores = [_pair_score(m, other, in_headline) for other in group]
    return None if any(s is None for s in scores) else min(scores)


def _says_own(m: Mention, field: str) -> bool:
    """Does the sentence give this value in its own words? A value whose evidence lies elsewhere
    in the report (or that has none: the published date) was lent by the report's context."""
    ev = m.evidence.get(field)
    return (getattr(m, field) is not None and ev is not None
            and m.span.start <= ev.start and ev.end <= m.span.end)


def _pair_score(m: Mention, other: Mention, in_headline: bool = False) -> float | None:
    """Log-odds that two sentences of one report tell of one event; None when they cannot."""
    if m.part is not None and other.part is not None and m.part != other.part:
        return None  # two shootings a round-up tells one after the other (events.roundup)
    cfg = rules()["within"]
    t = type_points(m.sub_event_type, other.sub_event_type)
    if t is None:
        return None
    d = p = 0.0  # a sentence without its own date or place can be about any of the report's events
    # "confirmed the arrests ... over an arson attack in November": an event named again with
    # "the" is the one already told, and the date beside it dates something else
    same_kind = m.sub_event_type == other.sub_event_type
    back_reference = same_kind and _refers_back(m)
    if _says_own(m, "date") and _says_own(other, "date") and not back_reference:
        ds = date_points(date_interval(m), date_interval(other))
        if ds is None or ds[1]:  # a report that gives two different days tells of two days
            return None
        d = ds[0]
    elif not back_reference and not (same_kind and _refers_back(other)) and _told_days_apart(m, other):
        return None
    if _says_own(m, "place") and _says_own(other, "place"):
        p = place_points(m.place, place_precision(m.place, m.geo_precision),
                         other.place, place_precision(other.place, other.geo_precision))
        if p is None:
            return None
    gap = other.span.start if in_headline else max(0, m.span.start - other.span.end)
    score = (cfg["prior"] + t + d + p + actor_points(actors_of(m), actors_of(other))
             + cfg["nearness"] * max(0.0, 1.0 - gap / cfg["near_chars"]))
    far = rules()["counts"]["far"]
    conflict = (m.fatalities is not None and count_points(m.fatalities, [other.fatalities]) == far
                if other.fatalities is not None else False)
    conflict |= (m.injuries is not None and count_points(m.injuries, [other.injuries]) == far
                 if other.injuries is not None else False)
    if conflict and gap > cfg["adjacent_chars"]:
        score += cfg["count_conflict"]
    return score + _same_toll_points(m, other, cfg["same_toll"])


def _told_days_apart(m: Mention, other: Mention) -> bool:
    """A day said in one sentence against a day the report's words gave the other, days apart:
    "On July 23, a sergeant was hurt ..." is not the shooting the lede dates Saturday night."""
    return ("date" in m.evidence and "date" in other.evidence
            and (_says_own(m, "date") or _says_own(other, "date"))
            and date_points(date_interval(m), date_interval(other)) is None)


def _same_toll_points(m: Mention, other: Mention, points: dict) -> float:
    """Two sentences of one report giving the same toll in their own words mostly tell the same
    deaths twice ("killed three" ... "the three were killed in the exchange of fire")."""
    for field, several in (("fatalities", "killed_several"), ("injuries", "injured_several")):
        a, b = getattr(m, field), getattr(other, field)
        if a is not None and a == b and a >= 2 and _says_own(m, field) and _says_own(other, field):
            return points[several]
    return 0.0


def _intervened(group: list[Mention]) -> Mention | None:
    """ACLED: a peaceful protest the police break up is a protest with intervention, whichever of
    the report's sentences tells the intervention ("Police later fired tear gas to disperse them"):
    the sentence typed so that names a state force wins over the crowd's own sentence."""
    if not any(m.sub_event_type == "Peaceful protest" for m in group):
        return None
    return next((m for m in group if m.sub_event_type == "Protest with intervention" and any(
        a is not None and a.category == "State forces" for a in (m.actor1, m.actor2))), None)


def _most_precise(group: list[Mention], field: str, precision) -> Mention | None:
    """The first sentence giving the most precise value (lowest ACLED precision code), a value
    stated in the sentence's own words before one lent by the report's context."""
    having = [m for m in group if getattr(m, field) is not None]
    return min(having, key=lambda m: (not _says_own(m, field), precision(m) or 9)) if having else None


def _largest(group: list[Mention], field: str) -> Mention | None:
    """The sentence with the fullest count: in one report a smaller figure is usually a subset
    ("two of the dead were children"); a sentence revising the toll wins outright."""
    having = [m for m in group if getattr(m, field) is not None]
    if not having:
        return None
    revised = [m for m in having if is_revision(m.span.text)]
    return revised[-1] if revised else max(having, key=lambda m: getattr(m, field))


def combine(group: list[Mention], headline_at: int | None = None, side_acts: set[int] = frozenset()) -> Mention:
    """One Mention from the sentences of a group: the first sentence's span, every sentence's evidence.
    Sentences in `side_acts` (by id: acts told with the violence, `_side_acts_joined`) give neither its
    type nor its sides: the police who arrested a suspect did not set off his bomb."""
    lead = group[0]
    typing = [m for m in group if id(m) not in side_acts] or group
    typed = _intervened(typing) or max(typing, key=lambda m: m.confidence)  # ties keep the earliest sentence
    dated = _most_precise(group, "date", lambda m: m.date_precision)
    placed = _most_precise(group, "place", lambda m: place_precision(m.place, m.geo_precision))
    evidence: dict = {}
    for m in reversed(group):  # the lead sentence's evidence wins where several give one
        evidence.update(m.evidence)
    chosen = {}
    for field, source in (("date", dated), ("place", placed)):
        if source is not None and field in source.evidence:
            evidence[field] = source.evidence[field]
    for field in ("fatalities", "injuries", "arrests"):
        source = _largest(group, field)
        chosen[field] = getattr(source, field) if source else None
        if source is not None and field in source.evidence:
            evidence[field] = source.evidence[field]
    high = [m.fatalities_high for m in group if m.fatalities_high is not None]
    actor1, actor2 = _sides(typing, typed.event_type, typed.sub_event_type, headline_at)
    claims, seen = [], set()
    for m in group:
        for c in m.claims:
            key = (c.field, repr(c.value), c.claimant, c.span)
            if key not in seen:
                seen.add(key)
                claims.append(c)
    return replace(
        lead,
        event_type=typed.event_type, sub_event_type=typed.sub_event_type, disorder_type=typed.disorder_type,
        date=dated.date if dated else None, date_precision=dated.date_precision if dated else None,
        place=placed.place if placed else None, geo_precision=placed.geo_precision if placed else None,
        actor1=actor1, actor2=actor2,
        assoc_actor_1=_union([a for m in group for a in m.assoc_actor_1], {actor1, actor2}),
        assoc_actor_2=_union([a for m in group for a in m.assoc_actor_2], {actor1, actor2}),
        civilian_targeting=any(m.civilian_targeting for m in group),
        fatalities=chosen["fatalities"], injuries=chosen["injuries"], arrests=chosen["arrests"],
        fatalities_high=max(high) if high else None,
        attribution=next((m.attribution for m in group if m.attribution), ""),
        claims=claims, confidence=max(m.confidence for m in group), evidence=evidence)


def _sides(group: list[Mention], event_type: str, sub_event_type: str, headline_at: int | None) -> tuple:
    """The group's actor1 and actor2, each the first its sentences give (an armed group named
    before an unidentified one, which it identifies). A headline's terse words
    hide who hit whom ("Suicide car bomb hits army base"): a force the report's body gives as the
    target is not taken as the doer from its headline (rioters may fight rioters)."""
    targets = {m.actor2.name for m in group if m.actor2} if event_type != "Riots" else set()

    def doer(m: Mention) -> bool:
        in_headline = headline_at is not None and m.span.start >= headline_at
        return m.actor1 is not None and not (in_headline and m.actor1.name in targets)

    doers = [m.actor1 for m in group if doer(m)]
    actor1 = doers[0] if doers else None
    if actor1 is not None and actor1.name.startswith("Unidentified Armed Group"):
        # "armed men attacked ..." then "JNIM claimed the attack": the group named identifies the men
        actor1 = next((a for a in doers if a.category in NON_STATE_ARMED and not a.name.startswith("Unidentified")),
                      actor1)
    actor2 = next((m.actor2 for m in group if m.actor2 and m.actor2 != actor1), None)
    if sub_event_type == "Armed clash" and actor2 is not None and actor2.category == "Civilians":
        # a clash is fought between armed sides: the dead one outlet calls young men, the other
        # militants; the armed group a sentence of the report names is the other side
        actor2 = next((a for m in group for a in (m.actor1, m.actor2)
                       if a is not None and a.category in NON_STATE_ARMED
                       and (actor1 is None or a.name != actor1.name)), actor2)
    return actor1, actor2


def _union(actors: list, exclude: set) -> list:
    out, seen = [], set()
    for a in actors:
        if a not in exclude and a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
