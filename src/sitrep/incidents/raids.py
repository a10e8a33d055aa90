"""A report's raid or riot coded as ACLED codes it, once its sentences of one event are grouped.

A force's raid with a toll, and a sentence with none telling an armed group fighting that force
("fighters confronted the troops"), are one armed clash of the two, whichever side's words tell it;
a force killing people with no armed group named moves no front line (an attack, not territory
regained); a force's sentence arresting people is the arrests, and arrests at a peaceful protest
make it a protest with intervention; a demonstration whose crowd turns violent is a riot of the
rioters against the force that intervened. `merge_within` decides which sentences are the event's;
this module says what each is and how the whole is coded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.events.actors import crowd_actor, localize
from sitrep.events.classify import protest_after_arrests
from sitrep.incidents.compare import same_day_and_town
from sitrep.incidents.rules import rules
from sitrep.model import NON_STATE_ARMED, Mention


def resisting_group(group: list[Mention], target: list[Mention], force):
    """The armed group a toll-less clash group sets against the raid's force, or None."""
    cfg = rules()["within"]["resistance"]
    if any(m.arrests or m.sub_event_type not in cfg["clash_sub_types"] for m in group):
        return None
    sides = [a for m in group for a in (m.actor1, m.actor2) if a is not None]
    armed = [a for a in sides if a.category in NON_STATE_ARMED]
    # any other side named must be the raid's force (or its generic name): a third side fights its own
    if not armed or any(a not in armed and not (a.name.startswith(force.name) or force.name.startswith(a.name))
                        for a in sides):
        return None
    return armed[0] if same_day_and_town(group, target, cfg["min_place_points"]) else None


def as_clash(m: Mention, force, armed_group) -> Mention:
    """The raid as ACLED's armed clash of the force and the armed group (the report's doer first), no
    civilians targeted: the dead are the clash's, whoever each outlet says they were."""
    first, second = ((armed_group, force) if m.actor1 is not None and m.actor1.category in NON_STATE_ARMED
                     else (force, armed_group))
    sides = {force.name, armed_group.name}
    return replace(m, event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
                   actor1=first, actor2=second, civilian_targeting=False,
                   assoc_actor_1=[a for a in m.assoc_actor_1 if a.name not in sides],
                   assoc_actor_2=[a for a in m.assoc_actor_2 if a.name not in sides])


def coded(m: Mention) -> Mention:
    """Codings judged once a report's sentences of one event are combined (data/merge_rules.yaml,
    within.no_front_line and within.arrests_first; classify.protest_after_arrests)."""
    cfg = rules()["within"]
    sides = [m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2]
    by_force = m.actor1 is not None and m.actor1.category in cfg["no_front_line"]["force_categories"]
    # ACLED: a force retakes territory from an armed group holding it. A force storming a town and
    # killing people, no armed group named on either side, moves no front line: the killings are
    # an attack on civilians ("stormed the town" tells the raid, not a reconquest)
    if (m.sub_event_type in cfg["no_front_line"]["from_sub_types"] and m.fatalities and by_force
            and (m.actor2 is None or m.actor2.category == "Civilians")
            and not any(a is not None and a.category in NON_STATE_ARMED for a in sides)):
        return replace(m, event_type="Violence against civilians", sub_event_type="Attack",
                       disorder_type="Political violence", civilian_targeting=True)
    # a force's sentence arresting people is the arrests, whatever it tells in passing ("arrested
    # four wanted suspects and confiscated two rifles" as "arrested four citizens"): one coding
    if m.sub_event_type in cfg["arrests_first"]["from_sub_types"] and m.arrests and by_force:
        return replace(m, sub_event_type="Arrests")
    m.sub_event_type = protest_after_arrests(m.sub_event_type, m.arrests)
    return m


@lru_cache(maxsize=1)
def _crowd_violence() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """within.turned_violent's patterns compiled once: the crowd's violence, its denial, harmless throws."""
    cfg = rules()["within"]["turned_violent"]
    return (re.compile("|".join(f"(?:{p})" for p in cfg["crowd_violence"]), re.I), re.compile(cfg["denial"], re.I),
            re.compile(cfg["harmless_throws"], re.I))


def tells_crowd_violence(m: Mention, told: str | None = None) -> bool:
    """Does the sentence (with `told`, the words the mention tells) tell a crowd's own violence
    ("youths threw stones at city hall"), typed so by the classifier and in words not denied
    ("no clashes were reported")? See data/merge_rules.yaml, within.turned_violent."""
    cfg = rules()["within"]["turned_violent"]
    if m.sub_event_type not in cfg["violent_sub_types"]:
        return False
    if m.actor1 is not None and m.actor1.category not in cfg["doer_categories"]:
        return False
    if m.actor2 is not None and m.actor2.category in cfg["victim_categories_apart"]:
        return False
    violence, denial, harmless = _crowd_violence()
    text = told or m.span.text
    if harmless.search(text):
        return False
    return any(not denial.search(text[max(0, hit.start() - cfg["denial_chars"]):hit.start()])
               for hit in violence.finditer(text))


def is_demonstration(group: list[Mention]) -> bool:
    """Are all the group's sentences a demonstration's, peaceful or not (within.turned_violent)?"""
    cfg = rules()["within"]["turned_violent"]
    kinds = {*cfg["protest_sub_types"], *cfg["violent_sub_types"]}
    return all(m.sub_event_type in kinds for m in group)


def as_riot(m: Mention, group: list[Mention], turn: Mention) -> Mention:
    """The demonstration whose crowd turned violent (`turn` the sentence telling it) as ACLED codes
    it: the turn's violent sub-type, the rioters as actor1, the force that intervened as actor2 (any
    sentence's), else the side the turn's own sentence gives; the protesters are no side of it."""
    cfg = rules()["within"]["turned_violent"]
    rioters = turn.actor1 if turn.actor1 is not None and turn.actor1.category == "Rioters" else None
    if rioters is None:
        crowd = crowd_actor(turn.event_type)
        code = m.place.country_code if m.place is not None else ""
        rioters = localize(crowd, code) if crowd is not None else m.actor1
    forces = [a for s in group for a in (s.actor2, s.actor1) if a is not None and a.category in cfg["force_categories"]]
    other = turn.actor2 if turn.actor2 is not None and turn.actor2.category != "Protesters" else None
    actor2 = forces[0] if forces else other
    sides = {a.name for a in (rioters, actor2) if a is not None}
    crowds = {"Protesters", "Rioters"}
    return replace(m, event_type=turn.event_type, sub_event_type=turn.sub_event_type,
                   disorder_type=turn.disorder_type, actor1=rioters, actor2=actor2, civilian_targeting=False,
                   assoc_actor_1=[a for a in m.assoc_actor_1 if a.name not in sides and a.category not in crowds],
                   assoc_actor_2=[a for a in m.assoc_actor_2 if a.name not in sides and a.category not in crowds])
