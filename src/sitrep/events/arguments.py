"""Who did what to whom in an event sentence: actor1 (initiator), actor2 (target), associates.

Reading order decides in the active voice: actors before the event word are the initiator's
side, actors after it the target's ("Gunmen killed five villagers"). The passive voice turns it
round: "were killed by Israeli forces" makes the agent after "by" actor1 and the subject actor2;
with no agent ("three civilians were shot"), the subject is the target and actor1 stays empty.
ACLED's conventions come on top: a protest's actor1 is Protesters and a riot's Rioters (named
groups in the crowd become associates), and civilians are the target of violence against them.
Actors inside a claimant's words ("police said", "rebels, who the UN says are backed by...,") are
sources, not parties, and so are those that look into the event ("the Police Department is
investigating after..."); in violence, so are police that neither use force nor are attacked
("police responded", "police are looking for two men"). The roles then give ACLED's
civilian-targeting flag, and an attack on an armed force is a battle. Report shapes handled on
top: a weapon's agent ("an IED planted by JNIM"), a heading before a colon ("Looting: ..."), an
earlier event in a leading "following clashes with X," phrase, and an unnamed group the report
identifies ("gunmen believed to be IS", "fighters of the M23").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.events.actors import armed_doer_of_a_riot, crowd_actor, identified_groups, target_only
from sitrep.events.attribution import police_onlooker
from sitrep.events.lexicons import triggers
from sitrep.model import ARMED, STATE_FORCES, Actor, ActorMention, Mention, Span
from sitrep.taxonomy import VIOLENT

_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|got|get|is|are)\s+(?:\w+ly\s+)?$", re.I)
_STRUCK_A_MINE = re.compile(
    r"\b(?:struck|hit|ran over|stepped on|drove over|triggered|detonated by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:ied|landmine|land mine|mine|explosive device|explosive|roadside bomb|bomb)s?\b", re.I)
_BY = re.compile(r"\bby\s+", re.I)
# a weapon's participle names who used it: "an IED planted by", "shells fired by", "a mine laid by"
_WEAPON_BY = re.compile(r"\b(?:planted|laid|placed|fired|launched|dropped|thrown|lobbed|hurled)\s+(by)\s+", re.I)
_NOUN_BEFORE_BY = re.compile(
    r"\b(?:attacks?|assaults?|ambush|raids?|strikes?|air ?strikes?|shelling|bombing|killings?|abductions?|"
    r"kidnappings?|arrests?|incursion|offensive|operation)\s*$", re.I)
_LABEL = re.compile(r"^\s*[A-Z][\w /-]{0,40}:\s")
# an earlier event told in a leading phrase, before the main clause's own event
_LEAD_CLAUSE = re.compile(r"(?:^|[,;]\s*)(?:following|after)\s+[^,;]{3,100}?,\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s+", re.I)
# a clause that tells what others say of a party ("the rebels, who the UN says are backed by
# Rwanda, said..."): those others are sources, not parties
_SAID_OF = re.compile(r",\s+(?:who|which|whom)\s+[^,]{0,80}?\b(?:say|says|said|believe|believes|allege|alleges|"
                      r"accuse|accuses|claim|claims)\b[^,]{0,80},", re.I)
# "X and Y", "X (...) and the Y", "the military council and the PDF" (a word or two the lexicon
# left out of the first party's name)
_AND = re.compile(r"^[\s,]*(?:[\w-]+\s+){0,2}?(?:\([^)]*\)\s*)?(?:and|&)\s+(?:the\s+)?$", re.I)
# where the police are a party only when they use force or are attacked (at a protest or riot,
# arrests and removals count as their intervention too: left to the crowd rules below)
_FORCE_ONLY = VIOLENT


@dataclass
class Roles:
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)


def _sides(text: str, start: int, actors: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """Split the sentence's actors into the initiator's side and the target's side."""
    sentence = text[start:]
    t = triggers()
    markers = _agent_markers(sentence)
    weapon_by = {(m.start(1), m.end()) for m in _WEAPON_BY.finditer(sentence)} - set(markers)
    for by_start, by_end in sorted(markers + list(weapon_by)):
        if (by_start, by_end) in weapon_by and any(a.span.end <= start + by_start and not target_only(a.actor) for a in actors) \
                and not _STRUCK_A_MINE.search(sentence, 0, by_start):
            continue  # "soldiers defused an IED planted by militants": the soldiers' own act
        agent_from = start + by_end
        agents = [a for a in actors if agent_from <= a.span.start <= agent_from + 30 and not target_only(a.actor)]
        if agents:
            first = agents[0]
            patients = [a for a in actors if a.span.end <= start + by_start]
            rest = [a for a in actors if a.span.start > first.span.end and a not in patients]
            return [first] + [a for a in rest if not target_only(a.actor)], patients + [a for a in rest if target_only(a.actor)]
    if _STRUCK_A_MINE.search(sentence):  # "a military convoy struck an IED": the subject is the target
        return [], actors
    label = _LABEL.match(sentence)  # "Looting: On 29 April, militants seized...": a heading, not the event's verb
    after_label = label.end() if label else 0
    verb = t.verb.search(sentence, after_label) or t.noun.search(sentence, after_label)
    lead = next((m for m in _LEAD_CLAUSE.finditer(sentence) if m.start() <= verb.start() < m.end()), None) if verb else None
    later = (t.verb.search(sentence, lead.end()) or t.noun.search(sentence, lead.end())) if lead else None
    if later:  # "following clashes with X, the army shelled the town": the main clause tells it
        verb = later
        actors = [a for a in actors if not (start + lead.start() <= a.span.start < start + lead.end())]
    if verb is None:
        return [a for a in actors if not target_only(a.actor)], [a for a in actors if target_only(a.actor)]
    pivot = start + verb.start()
    before = [a for a in actors if a.span.end <= pivot]
    after = [a for a in actors if a.span.start >= pivot]
    aux = _PASSIVE_AUX.search(sentence[:verb.start()])
    if aux and not any(a.span.start <= start + aux.start() < a.span.end for a in actors):  # "IS attacked"
        return [], before + after  # "three civilians were shot": no agent named
    side1 = [a for a in before if not target_only(a.actor)]
    side2 = [a for a in before if target_only(a.actor)] + after
    return side1, side2


def _agent_markers(sentence: str) -> list[tuple[int, int]]:
    """Where "by" introduces the doer: right after a passive verb ("killed by"), after a passive
    verb earlier in the clause ("was shot in the market by two armed men"), or after an event
    noun ("a grenade attack by unknown attackers")."""
    t = triggers()
    out = [(m.start(), m.end()) for m in t.passive_by.finditer(sentence)]
    for m in _BY.finditer(sentence):
        before = sentence[max(0, m.start() - 80):m.start()]
        if t.passive.search(before) or _NOUN_BEFORE_BY.search(before):
            out.append((m.start(), m.end()))
    return sorted(set(out))


def _crowd(event_type: str, actors: list[ActorMention], trigger: Span | None) -> ActorMention | None:
    """The Protesters/Rioters actor a protest or riot has by ACLED's convention."""
    kind = crowd_actor(event_type)
    if kind is None:
        return None
    base = kind.name
    for a in actors:
        if a.actor.name.startswith(base):
            return a
    if trigger is None:
        return None
    words = trigger.text if len(trigger.text) <= 40 else ""  # a whole sentence is no alias
    return ActorMention(trigger, Actor(base, kind.category, words))


def assign_roles(text: str, start: int, end: int, actors: list[ActorMention], event_type: str,
                 sub_event_type: str, trigger: Span | None, excluded: list[tuple[int, int]]) -> Roles:
    """The roles of the event in text[start:end] from the actors found in it.

    `excluded` are character ranges whose actors are not parties (the claimant's words).
    `trigger` is the event's words (the sentence itself when no event word was found): a
    protest's crowd rests on them when no word names the protesters.
    """
    excluded = excluded + [(m.start(), m.end()) for m in _SAID_OF.finditer(text, start, end)]
    actors = [a for a in actors if not any(s <= a.span.start and a.span.end <= e for s, e in excluded)
              and not triggers().investigates_after.match(text, a.span.end)]  # "police are investigating"
    actors = identified_groups(text, actors)
    onlookers = [a for a in actors if event_type in _FORCE_ONLY
                 and police_onlooker(text, a.span.start, a.span.end, a.actor.name)]
    actors = [a for a in actors if a not in onlookers]
    side1, side2 = _sides(text[:end], start, actors)
    crowd = _crowd(event_type, actors, trigger)
    if crowd is not None and event_type == "Riots" and crowd not in actors and any(armed_doer_of_a_riot(a.actor) for a in side1):
        crowd = None  # "suspected CODECO elements attacked...": an armed group, no crowd, is no riot
    if crowd is not None:
        others = [a for a in side1 + side2 if a is not crowd and a.actor.name != crowd.actor.name]
        assoc = [a for a in side1 if a in others and a.actor.category not in STATE_FORCES and not target_only(a.actor)]
        side2 = [a for a in others if a not in assoc]
        if event_type == "Protests" and sub_event_type == "Peaceful protest":
            side2 = []  # a peaceful protest has no counterpart
        else:
            side2 = [a for a in side2 if a.actor.category in STATE_FORCES or event_type == "Riots"]
        side1 = [crowd] + assoc
    elif event_type == "Violence against civilians":
        civilians = [a for a in side2 if a.actor.category == "Civilians"]
        side2 = civilians + [a for a in side2 if a not in civilians]
    elif event_type == "Battles" and not side2 and len(side1) > 1:
        side2 = side1[1:2]  # "X and Y clashed"
        side1 = [side1[0]] + side1[2:]
    elif event_type == "Battles":
        pair = _between(text, start, end, actors)
        if pair:
            side1, side2 = [pair[0]], [pair[1]]  # "a firefight between X and Y"
        elif not side1 and (len(side2) > 1 or (onlookers and side2) or _after_between(text, start, end, side2)):
            side1, side2 = side2[:1], side2[1:]  # the one party left once the police who only look on are out
    roles = Roles()
    side1 = _distinct(side1)
    side2 = [a for a in _distinct(side2) if not side1 or a.actor.name != side1[0].actor.name or event_type == "Riots"]
    if side1:
        roles.actor1 = side1[0].actor
        roles.evidence["actor1"] = side1[0].span
        roles.assoc_actor_1 = [a.actor for a in side1[1:]]
        if side1[1:]:
            roles.evidence["assoc_actor_1"] = side1[1].span
    if side2:
        roles.actor2 = side2[0].actor
        roles.evidence["actor2"] = side2[0].span
        roles.assoc_actor_2 = [a.actor for a in side2[1:2] if a.actor.category != "Civilians"]
        if roles.assoc_actor_2:
            roles.evidence["assoc_actor_2"] = side2[1].span
    return roles


def _between(text: str, start: int, end: int, actors: list[ActorMention]) -> tuple | None:
    """The two sides of "between X and Y", when the sentence says it."""
    m = _BETWEEN.search(text, start, end)
    if not m:
        return None
    after = [a for a in actors if a.span.start >= m.end()]
    if len(after) < 2 or after[0].span.start - m.end() > 12:
        return None
    gap = text[after[0].span.end:after[1].span.start]
    return (after[0], after[1]) if _AND.match(gap) else None


def _after_between(text: str, start: int, end: int, actors: list[ActorMention]) -> bool:
    """ "clashes between the army and <a group the lexicon does not know>": the first party named."""
    m = _BETWEEN.search(text, start, end)
    return bool(m and actors and 0 <= actors[0].span.start - m.end() <= 12)


def _distinct(actors: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for a in actors:
        if a.actor.name not in seen:
            seen.add(a.actor.name)
            out.append(a)
    return out


def civilian_targeting(m: Mention) -> bool:
    """ACLED's flag: violence against civilians, or remote violence whose target is civilians."""
    civilian_target = m.actor2 is not None and m.actor2.category == "Civilians"
    return bool((m.event_type == "Violence against civilians" and (m.actor2 is None or civilian_target))
                or (m.event_type == "Explosions/Remote violence" and civilian_target))


def armed_target_is_a_battle(m: Mention) -> None:
    """ACLED: an attack whose target is an armed force is a battle, not violence against civilians;
    and a "riot" whose doer is a named armed group (no crowd words) is that group's violence."""
    if m.event_type == "Riots" and m.actor1 is not None and armed_doer_of_a_riot(m.actor1):
        armed_target = m.actor2 is not None and m.actor2.category in ARMED
        m.event_type, m.sub_event_type = (("Battles", "Armed clash") if armed_target
                                          else ("Violence against civilians", "Attack"))
        return
    if (m.sub_event_type == "Attack" and m.actor1 is not None and m.actor2 is not None
            and m.actor1.category in ARMED and m.actor2.category in ARMED):
        m.event_type, m.sub_event_type = "Battles", "Armed clash"
