"""Decide between ACLED sub-types that differ only by who acts: who took a place, who held people.

ACLED's "Government regains territory" and "Non-state actor overtakes territory", and its
"Arrests" and "Abduction/forced disappearance", are told with the same verbs whoever acts ("the
militia detained two traders", "rebels retook the town"), which the word model cannot tell apart.
Here the actor the sentence names as the doer of the verb decides, by the rules of
`data/model/territory.yaml` and `data/model/detention.yaml`; `classify` applies them after the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml
from sitrep.taxonomy import sub_event_types


@dataclass(frozen=True)
class _TerritoryRules:
    state_sub: str
    non_state_sub: str
    non_violent_sub: str
    without_fighting: re.Pattern
    verbs: re.Pattern
    passive: re.Pattern
    after_passive: re.Pattern
    state: frozenset[str]
    non_state: frozenset[str]
    non_state_words: frozenset[str]
    together: re.Pattern
    clause_start: re.Pattern
    object_marker: re.Pattern


def _read_rules(name: str, sub_type_keys: tuple[str, ...]) -> dict:
    """data/model/<name>, with the sub-event types it names checked against ACLED's taxonomy."""
    raw = read_yaml(Path(__file__).parent / "data" / "model" / name)
    known = sub_event_types()
    for key in sub_type_keys:
        if raw[key] not in known:
            raise ValueError(f"{name}: unknown sub-event type {raw[key]!r}")
    return raw


@lru_cache(maxsize=1)
def _territory_rules() -> _TerritoryRules:
    """data/model/territory.yaml, compiled once."""
    raw = _read_rules("territory.yaml", ("state_sub_type", "non_state_sub_type", "non_violent_sub_type"))
    return _TerritoryRules(raw["state_sub_type"], raw["non_state_sub_type"], raw["non_violent_sub_type"],
                           re.compile("|".join(raw["without_fighting"])), re.compile("|".join(raw["verbs"])),
                           re.compile(raw["passive"]), re.compile(raw["after_passive"]),
                           frozenset(raw["state_categories"]), frozenset(raw["non_state_categories"]),
                           frozenset(w.lower() for w in raw["non_state_words"]), re.compile(raw["together"]),
                           re.compile(raw["clause_start"]), re.compile(raw["object_marker"]))


def _side(rules: _TerritoryRules, name_words: str, category: str) -> str | None:
    if not rules.non_state_words.isdisjoint(name_words.lower().split()):
        return "non_state"
    if category in rules.state:
        return "state"
    return "non_state" if category in rules.non_state else None


def territory_by_taker(text: str) -> str | None:
    """The territory sub-type the taker named in `text` makes it (ACLED: state forces regain,
    rebels and militias overtake; a place taken with no fight is transferred non-violently), or
    None when no taker of a known side is named.

    The taker is the first actor of the clause of the first verb of taking control that is not
    the object of a preposition ("fought with the army and took the town": not the army), with
    the actors joined to it by "and" / "backed by" (any state force among them makes it the
    government's gain), or the actor after "by" / "to" when the verb is passive ("was retaken
    by", "fell to").
    """
    rules = _territory_rules()
    lowered = text.lower()
    if rules.without_fighting.search(lowered):
        return rules.non_violent_sub
    verb = rules.verbs.search(lowered)
    if verb is None:
        return None
    side = _side_of_agent(text, lowered, verb, passive_link=not verb.group().startswith("fell"))
    return {"state": rules.state_sub, "non_state": rules.non_state_sub}.get(side)


def _side_of_agent(text: str, lowered: str, verb: re.Match, passive_link: bool = True) -> str | None:
    """"state" or "non_state": the side of who does the act of `verb` in `text`, by the clause
    grammar of territory.yaml, or None when no actor of a known side does it.

    The doer is the first actor of the verb's clause that is not the object of a preposition
    ("fought with the army and took the town": not the army), with the actors joined to it by
    "and" / "backed by" (any state force among them makes it the state's act), or the actor after
    "by" / "to" when the verb is passive ("was retaken by"); without `passive_link` ("fell to"),
    the first actor after the verb.
    """
    from sitrep.nlp.actors import find_actors

    rules = _territory_rules()
    actors = find_actors(text)
    before = [a for a in actors if a.span.end <= verb.start()]
    if not passive_link:  # "the town fell to the rebels"
        doers = [a for a in actors if a.span.start >= verb.end()][:1]
    elif rules.passive.search(lowered[:verb.start()]):
        link = rules.after_passive.search(lowered[verb.end():])
        doers = [a for a in actors if link and a.span.start >= verb.end() + link.end()][:1]
    else:
        clause = max((m.end() for m in rules.clause_start.finditer(lowered, 0, verb.start())), default=0)
        # the first actor of the verb's clause that is no preposition's object, and those joined to it
        candidates = [a for a in before if a.span.start >= clause]
        first = next((k for k, a in enumerate(candidates)
                      if not rules.object_marker.search(lowered[max(clause, a.span.start - 30):a.span.start])), None)
        doers = [] if first is None else candidates[first:first + 1]
        for a in candidates[first + 1:] if doers else []:  # "the army and allied militias captured"
            if not rules.together.match(lowered[doers[-1].span.end:a.span.start]):
                break
            doers.append(a)
    sides = {_side(rules, a.span.text, a.actor.category) for a in doers}
    if "state" in sides:
        return "state"
    return "non_state" if "non_state" in sides else None


@dataclass(frozen=True)
class _DetentionRules:
    arrests_sub: str
    abduction_sub: str
    verbs: re.Pattern
    arrest_verbs: re.Pattern
    disappearance: re.Pattern


@lru_cache(maxsize=1)
def _detention_rules() -> _DetentionRules:
    """data/model/detention.yaml, compiled once."""
    raw = _read_rules("detention.yaml", ("arrests_sub_type", "abduction_sub_type"))
    return _DetentionRules(raw["arrests_sub_type"], raw["abduction_sub_type"], re.compile("|".join(raw["verbs"])),
                           re.compile("|".join(raw["arrest_verbs"])), re.compile("|".join(raw["disappearance"])))


def detention_by_detainer(text: str) -> str | None:
    """The detention sub-type the detainer named in `text` makes it, or None when it says nothing.

    ACLED: people held where no one is told, or taken for forced recruitment, are abducted
    whoever holds them; people detained by a rebel group, a militia or unnamed armed men are
    abducted; people arrested, detained or taken into custody by state forces are arrested. The
    detainer is the doer of the first verb of taking people (see `_side_of_agent`).
    """
    rules = _detention_rules()
    lowered = text.lower()
    if rules.disappearance.search(lowered):
        return rules.abduction_sub
    verb = rules.verbs.search(lowered)
    if verb is None:
        return None
    side = _side_of_agent(text, lowered, verb)
    if side == "non_state":
        return rules.abduction_sub
    if side == "state" and rules.arrest_verbs.fullmatch(verb.group()):
        return rules.arrests_sub
    return None


@lru_cache(maxsize=1)
def detention_sub_types() -> frozenset[str]:
    """The model labels the detainer may change: arrests and abduction."""
    rules = _detention_rules()
    return frozenset((rules.arrests_sub, rules.abduction_sub))


@lru_cache(maxsize=1)
def territory_sub_types() -> frozenset[str]:
    """The model labels the taker may change: the government's and the non-state actor's gains."""
    rules = _territory_rules()
    return frozenset((rules.state_sub, rules.non_state_sub))
