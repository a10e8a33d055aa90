"""Actors of an event sentence: nlp's named actors plus generic ones, and their ACLED names.

Generic actors are forces and groups named by kind ("police", "gunmen", "protesters"). With a
nationality word ("Nigerian troops") they belong to that state at once; otherwise they wait for
the event's country: `localize_actors` (run after geo) names them as ACLED does ("Police Forces
of Nigeria", "Protesters (Bolivia)", "Civilians (Uganda)"). A state's force acting outside its
own country becomes "External/Other forces", as in ACLED.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import yaml

from sitrep.events.lexicons import GenericActor, any_of, demonym_pattern, demonyms, generic_actors
from sitrep.model import Actor, ActorMention, Analysis, Mention, Span

EXTERNAL = "External/Other forces"
_OFF_DUTY = re.compile(r"\b(?:off-duty|off duty|retired|former)\s+(?:[\w-]+\s+)?$", re.I)


@lru_cache(maxsize=1)
def _country_overrides() -> dict[str, str]:
    path = resources.files("sitrep.events").joinpath("data/acled_country_names.yaml")
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """ACLED's name for a country from its ISO alpha-2 code ("" when unknown)."""
    code = (code or "").upper()
    if code in _country_overrides():
        return _country_overrides()[code]
    import pycountry

    c = pycountry.countries.get(alpha_2=code) if code else None
    return (getattr(c, "common_name", None) or c.name) if c else ""


def acled_name(base: str, code: str) -> str:
    """ACLED's name of a generic actor in a country: nlp's actor lexicon decides when it knows
    the kind (one naming rule for the whole pipeline), else data/generic_actors.yaml."""
    try:
        from sitrep.nlp.actors import load_actor_lexicon

        lexicon = load_actor_lexicon()
        if base in lexicon.resolve_style:
            return lexicon.country_actor_name(base, code.upper())
    except Exception:  # an nlp without the lexicon: our own templates below
        pass
    g = _by_base().get(base)
    return g.template.format(country=country_name(code)) if g else base


@lru_cache(maxsize=1)
def _by_base() -> dict[str, GenericActor]:
    return {g.base: g for g in generic_actors()}


def is_generic(actor: Actor) -> bool:
    """A generic actor still waiting for its country ("Police Forces", no country): one of ours,
    or a kind nlp's actor lexicon names by country ("Fulani Ethnic Militia")."""
    return not actor.country and (actor.name in _by_base() or actor.name in _nlp_kinds())


@lru_cache(maxsize=1)
def _nlp_kinds() -> frozenset[str]:
    try:
        from sitrep.nlp.actors import load_actor_lexicon

        return frozenset(load_actor_lexicon().resolve_style)
    except Exception:  # an nlp without the lexicon: our own kinds only
        return frozenset()


def target_only(actor: Actor) -> bool:
    """Words like "residents" or "people" fill the target's role only."""
    g = _by_base().get(actor.name)
    return g is not None and g.sides == "target"


def _generic_in(text: str, start: int, end: int, taken: list[tuple[int, int]], doc_id: str) -> list[ActorMention]:
    found: list[tuple[int, int, GenericActor, str]] = []  # start, end, kind, nationality code

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken) and not any(s < fe and fs < e for fs, fe, _, _ in found)

    segment = text[start:end]
    kinds = generic_actors() if _any_generic()(segment) else ()
    for g in kinds:
        for m in g.pattern.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if not free(s, e):
                continue
            # "Nigerian troops", "Israeli occupation forces": a nationality word just before.
            before = text[max(start, s - 40):s]
            nat = [d for d in demonym_pattern().finditer(before) if not before[d.end():].strip(" -")]
            if nat:
                s = s - len(before) + nat[-1].start()
            elif m.group().lower() == "forces":
                continue  # bare "forces" names no one: "Houthi forces", "Rapid Support Forces"
            found.append((s, e, g, demonyms()[nat[-1].group(1)] if nat else ""))
    # "five Palestinians were killed": people named by nationality are civilians of that state.
    civilians = _by_base().get("Civilians")
    for m in _demonym_plural().finditer(segment):
        s, e = start + m.start(), start + m.end()
        if civilians is not None and free(s, e):
            found.append((s, e, civilians, demonyms()[m.group(1)]))
    out = []
    civilians = _by_base().get("Civilians")
    for s, e, g, code in found:
        if g.category == "State forces" and civilians is not None and _OFF_DUTY.search(text[max(start, s - 25):s]):
            g, code = civilians, code  # "an off-duty soldier" is a civilian (ACLED)
        name = acled_name(g.base, code) if code else g.base
        out.append(ActorMention(Span(doc_id, s, e, text[s:e]), Actor(name, g.category, text[s:e], code)))
    return out


@lru_cache(maxsize=1)
def _any_generic():
    """Every generic actor's words in one test: a sentence with none is passed in one scan."""
    return any_of([g.pattern.pattern for g in generic_actors()])


def may_name_armed_actor(analysis: Analysis, start: int, end: int, armed: tuple[str, ...]) -> bool:
    """A quick test before `sentence_actors`: could text[start:end] name an actor of the
    `armed` categories? False is sure (no named one there, no generic word of such a kind)."""
    if any(start <= a.span.start and a.span.end <= end and a.actor.category in armed for a in analysis.actors):
        return True
    return _any_generic_of(armed)(analysis.doc.text[start:end])


@lru_cache(maxsize=4)
def _any_generic_of(categories: tuple[str, ...]):
    patterns = [g.pattern.pattern for g in generic_actors() if g.category in categories]
    return any_of(patterns) if patterns else (lambda text: False)


@lru_cache(maxsize=1)
def _demonym_plural() -> re.Pattern:
    names = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")s\b")


def sentence_actors(analysis: Analysis, start: int, end: int) -> list[ActorMention]:
    """Named actors (from nlp) and generic actors in text[start:end], in reading order."""
    text = analysis.doc.text
    named = [_off_duty(text, start, _own_nationality(text, start, a))
             for a in analysis.actors if start <= a.span.start and a.span.end <= end]
    taken = [(a.span.start, a.span.end) for a in named]
    generic = _generic_in(analysis.doc.text, start, end, taken, analysis.doc.id)
    return sorted(named + generic, key=lambda a: a.span.start)


def _off_duty(text: str, start: int, mention: ActorMention) -> ActorMention:
    """"an off-duty soldier" is a civilian at the time of the event (ACLED)."""
    if mention.actor.category != "State forces" or not _OFF_DUTY.search(text[max(start, mention.span.start - 25):mention.span.start]):
        return mention
    return ActorMention(mention.span, Actor("Civilians", "Civilians", mention.actor.alias))


def _own_nationality(text: str, start: int, mention: ActorMention) -> ActorMention:
    """"Russian occupation troops": a nationality word before a state force decides its state,
    whatever state the alias alone would name."""
    actor = mention.actor
    if actor.category != "State forces" or not actor.country:
        return mention
    before = text[max(start, mention.span.start - 30):mention.span.start]
    nat = [d for d in demonym_pattern().finditer(before) if not before[d.end():].strip(" -")]
    if not nat or demonyms()[nat[-1].group(1)] == actor.country.upper():
        return mention
    code = demonyms()[nat[-1].group(1)]
    base = "Police Forces" if actor.name.startswith("Police") else "Military Forces"
    s = mention.span.start - len(before) + nat[-1].start()
    words = text[s:mention.span.end]
    return ActorMention(Span(mention.span.doc_id, s, mention.span.end, words),
                        Actor(acled_name(base, code), actor.category, words, code))


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
    """Give generic actors the country of their mention's place (call after geo.locate)."""
    for m in mentions:
        if m.place is None or not m.place.country_code:
            continue
        code = m.place.country_code
        name = country_name(code) or m.place.country
        m.actor1 = localize(m.actor1, code, name)
        m.actor2 = localize(m.actor2, code, name)
        m.assoc_actor_1 = _distinct([localize(a, code, name) for a in m.assoc_actor_1], m.actor1)
        m.assoc_actor_2 = _distinct([localize(a, code, name) for a in m.assoc_actor_2], m.actor2)
    return mentions


def _distinct(actors: list[Actor], main: Actor | None) -> list[Actor]:
    """Associates once each, and never the main actor again ("army post" and "soldiers")."""
    seen = {main.name} if main else set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out
