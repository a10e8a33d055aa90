"""Actors of an event sentence from nlp's actor mentions, and their ACLED names once the country is known.

nlp's actor lexicon (`sitrep.nlp.actors`) is the one list of actors: named organizations,
generic kinds ("police", "gunmen", "protesters", "villagers"), nationality patterns ("Nigerian
troops", "five Palestinians"), off-duty members of a force. This module reads `analysis.actors`
and, after geo, names the kinds still without a country as ACLED does (`localize_actors`:
"Police Forces of Nigeria", "Protesters (Bolivia)", "Civilians (Uganda)"). A state's force
acting outside its own country becomes "External/Other forces", as in ACLED. An unnamed group the
report identifies ("gunmen believed to be IS") is coded as the group named (`identified_groups`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.model import NON_STATE_ARMED, Actor, ActorMention, Analysis, Mention
from sitrep.nlp.actors import load_actor_lexicon
from sitrep.nlp.countries import acled_country_name
from sitrep.nlp.data_files import read_yaml

EXTERNAL = "External/Other forces"


def country_name(code: str) -> str:
    """ACLED's name for a country from its ISO alpha-2 code ("" when unknown)."""
    return acled_country_name(code)


def acled_name(base: str, code: str) -> str:
    """ACLED's name of a generic actor in a country: "Police Forces" + "NG" -> "Police Forces of Nigeria"."""
    return load_actor_lexicon().country_actor_name(base, (code or "").upper())


def is_generic(actor: Actor) -> bool:
    """A kind still waiting for its country ("Police Forces", "Fulani Ethnic Militia", no country)."""
    return not actor.country and actor.name in load_actor_lexicon().resolve_style


def target_only(actor: Actor) -> bool:
    """Words like "residents" or "people" fill the target's role only."""
    return actor.name in load_actor_lexicon().target_only


def crowd_actor(event_type: str) -> Actor | None:
    """The kind ACLED makes actor1 of every event of this type (Protesters for Protests,
    Rioters for Riots), without country or alias; None for other types."""
    return load_actor_lexicon().crowd_of.get(event_type)


def unidentified_armed_group() -> Actor:
    """The kind ACLED makes actor1 of violence no report gives a doer, without country."""
    return load_actor_lexicon().kind_alone["armed_group"]


def may_name_armed_actor(analysis: Analysis, start: int, end: int, armed: tuple[str, ...]) -> bool:
    """A quick test before `sentence_actors`: does text[start:end] hold an actor of the `armed`
    categories?"""
    return any(start <= a.span.start and a.span.end <= end and a.actor.category in armed for a in analysis.actors)


def sentence_actors(analysis: Analysis, start: int, end: int) -> list[ActorMention]:
    """The actors nlp found in text[start:end], in reading order."""
    return sorted((a for a in analysis.actors if start <= a.span.start and a.span.end <= end),
                  key=lambda a: a.span.start)


@lru_cache(maxsize=1)
def _identified_as() -> re.Pattern | None:
    rule = read_yaml("actor_patterns.yaml").get("identified_as")
    return re.compile(rule, re.I) if rule else None


@lru_cache(maxsize=1)
def _crowd_groups() -> frozenset[str]:
    return frozenset(read_yaml("actor_patterns.yaml").get("crowd_groups", []))


def armed_doer_of_a_riot(actor: Actor) -> bool:
    """A named armed group whose members in a "riot" sentence make it the group's own violence
    ("suspected CODECO elements attacked a vehicle"), unless ACLED codes its crowds as Rioters
    (Israeli settlers, party student wings)."""
    return (actor.category in NON_STATE_ARMED
            and not actor.name.startswith("Unidentified Armed") and actor.name not in _crowd_groups())


def identified_groups(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """The actors with each unnamed group that the report identifies ("gunmen believed to be IS",
    "armed men (assumed Darfur communal militia)") replaced by the group named."""
    rule = _identified_as()
    if rule is None or len(actors) < 2:
        return actors
    out: list[ActorMention] = []
    for k, a in enumerate(actors):
        named = actors[k + 1] if k + 1 < len(actors) else None
        if (a.actor.name.startswith("Unidentified") and named is not None and not target_only(named.actor)
                and not named.actor.name.startswith("Unidentified Armed Group")
                and named.span.start - a.span.end <= 45 and rule.match(text[a.span.end:named.span.start])):
            continue  # the named group follows and takes the role
        out.append(a)
    return out


def localize(actor: Actor | None, country_code: str, country: str = "") -> Actor | None:
    """A generic actor named for the event's country; a state force abroad made external."""
    if actor is None or not country_code:
        return actor
    if is_generic(actor):
        if not (country or country_name(country_code)):
            return actor
        return Actor(acled_name(actor.name, country_code), actor.category, actor.alias, country_code.upper())
    if actor.category == "State forces" and actor.country and actor.country.upper() != country_code.upper():
        return replace(actor, category=EXTERNAL)
    return actor


def localize_actors(mentions: list[Mention]) -> list[Mention]:
    """Give generic actors the country of their mention's place (call after geo.locate), or the
    force of their kind the same report names ("Israeli troops ... the troops"), when it names one,
    and "the rebels" the one rebel group it names."""
    named = _named_forces(mentions)
    rebels = _named_rebel_group(mentions)
    for m in mentions:
        if m.place is None or not m.place.country_code:
            continue
        code = m.place.country_code
        name = country_name(code) or m.place.country

        def local(actor: Actor | None) -> Actor | None:
            if actor is not None and is_generic(actor) and actor.name in named:
                actor = replace(named[actor.name], alias=actor.alias)
            elif (actor is not None and rebels is not None and is_generic(actor)
                  and actor.alias.lower() in _rebel_words()):
                actor = replace(rebels, alias=actor.alias)  # "the rebels" of a report naming one rebel group
            return localize(actor, code, name)

        m.actor1 = local(m.actor1)
        m.actor2 = local(m.actor2)
        m.assoc_actor_1 = _distinct([local(a) for a in m.assoc_actor_1], m.actor1)
        m.assoc_actor_2 = _distinct([local(a) for a in m.assoc_actor_2], m.actor2)
    return mentions


def _named_forces(mentions: list[Mention]) -> dict[str, Actor]:
    """Generic kind ("Military Forces") -> the one state force of that kind the report names with
    its country ("Military Forces of Israel"): "the troops" of a later sentence are that force, not
    the forces of the country the event is in. A report naming two forces of a kind gives none."""
    by_kind: dict[str, dict[str, Actor]] = {}
    for m in mentions:
        for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2):
            if a is None or a.category != "State forces" or not a.country or is_generic(a):
                continue
            kind = a.name.split(" of ", 1)[0]
            by_kind.setdefault(kind, {})[a.name] = a
    return {kind: next(iter(forces.values())) for kind, forces in by_kind.items() if len(forces) == 1}


@lru_cache(maxsize=1)
def _rebel_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_yaml("actor_patterns.yaml").get("rebel_words", []))


def _named_rebel_group(mentions: list[Mention]) -> Actor | None:
    """The one rebel group the report names, if it names exactly one: "the rebels" of its other
    sentences are that group."""
    groups = {a.name: a for m in mentions for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2)
              if a is not None and a.category == "Rebel group" and not a.name.startswith("Unidentified")}
    return next(iter(groups.values())) if len(groups) == 1 else None


def _distinct(actors: list[Actor], main: Actor | None) -> list[Actor]:
    """Associates once each, and never the main actor again ("army post" and "soldiers")."""
    seen = {main.name} if main else set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
