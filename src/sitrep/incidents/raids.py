"""A report's raid coded as ACLED codes it, once its sentences of one event are grouped.

A force's raid with a toll, and a sentence with none telling an armed group fighting that force
("fighters confronted the troops"), are one armed clash of the two, whichever side's words tell it;
a force killing people with no armed group named moves no front line (an attack, not territory
regained); a force's sentence arresting people is the arrests, and arrests at a peaceful protest
make it a protest with intervention. `merge_within` decides which
sentences are the raid's; this module says what each is and how the whole is coded.
"""

from __future__ import annotations

from dataclasses import replace

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
