"""Find mentions of organizations and forces in text through the actor lexicon (data/actors.yaml).

The lexicon has three parts, all data: named organizations with their aliases (actors.yaml);
kinds of force named without an owner ("troops", "gunmen", "protesters"), matched alone
(country unknown, filled later from the event's country by `resolve_actor`); and the same
kinds after a nationality or a country's name ("Nigerian troops", "Israel's army"), generated
for every country of data/countries.csv. Matching is on word tokens, case-insensitive except
for short acronyms written in capitals ("IS", "AA"), and the longest alias wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from sitrep.model import ACTOR_CATEGORIES, Actor, ActorMention, Span
from sitrep.nlp.countries import countries

DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(r"[^\W_]+")
_GAP_OK = re.compile(r"[\s\-'’.()/&]{0,3}")  # what may sit between the words of one alias


def _tokens(alias: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(alias))


def _is_acronym(alias: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(alias) <= 7 and " " not in alias


@dataclass(frozen=True)
class LexiconEntry:
    """One alias of one actor: the words to match and the actor they name."""

    alias: str
    tokens: tuple[str, ...]  # lowercase
    case_tokens: tuple[str, ...] | None  # exact tokens when the alias must match in capitals
    actor: Actor
    generated: bool = False  # made from a nationality + a force noun, not written in actors.yaml


@dataclass
class ActorLexicon:
    """All aliases, indexed by their first word, and how unresolved names take a country."""

    entries: list[LexiconEntry] = field(default_factory=list)
    by_first: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    resolve_style: dict[str, str] = field(default_factory=dict)  # name -> "of" or "paren"
    with_the: frozenset[str] = frozenset()

    def add(self, alias: str, actor: Actor, generated: bool = False) -> None:
        toks = _tokens(alias)
        if not toks:
            return
        lower = tuple(t.lower() for t in toks)
        for e in self.by_first.get(lower[0], ()):
            if e.tokens == lower and (e.case_tokens is None) == (not _is_acronym(alias)):
                return  # the first definition wins: actors.yaml before generated patterns
        entry = LexiconEntry(alias, lower, toks if _is_acronym(alias) else None, actor, generated)
        self.entries.append(entry)
        self.by_first.setdefault(lower[0], []).append(entry)

    def finish(self) -> None:
        for cands in self.by_first.values():
            cands.sort(key=lambda e: (-len(e.tokens), e.case_tokens is None))

    def country_actor_name(self, name: str, iso2: str) -> str:
        """'Military Forces' + 'NG' -> 'Military Forces of Nigeria'; 'Protesters (Nigeria)'."""
        c = countries().get(iso2)
        if not c or name not in self.resolve_style:
            return name
        if self.resolve_style[name] == "of":
            return f"{name} of {'the ' if iso2 in self.with_the else ''}{c.name}"
        return f"{name} ({c.name})"


def _check_category(category: str, where: str) -> str:
    if category not in ACTOR_CATEGORIES:
        raise ValueError(f"{where}: unknown ACLED actor category {category!r}")
    return category


@lru_cache(maxsize=1)
def load_actor_lexicon() -> ActorLexicon:
    """The actor lexicon, built once per process from the data files."""
    with open(DATA / "actors.yaml", encoding="utf-8") as f:
        orgs = yaml.safe_load(f)["organizations"]
    with open(DATA / "actor_patterns.yaml", encoding="utf-8") as f:
        patterns = yaml.safe_load(f)
    lex = ActorLexicon(with_the=frozenset(patterns.get("countries_with_the", [])))
    member_nouns = patterns.get("group_member_nouns", [])
    for org in orgs:
        category = _check_category(org["category"], f"actors.yaml: {org['name']}")
        actor = Actor(org["name"], category, "", org.get("country", "") or "")
        if org.get("resolve"):
            lex.resolve_style[org["name"]] = org["resolve"]
        for alias in [org["name"].split(":")[0]] + list(org["aliases"]):
            lex.add(str(alias), actor)
        if category in ("Rebel group", "Political militia", "Identity militia"):
            for alias in org["aliases"]:  # "Hamas fighters", "M23 rebels"
                for noun in member_nouns:
                    lex.add(f"{alias} {noun}", actor)
    kinds = patterns["kinds"]
    for key, kind in kinds.items():
        category = _check_category(kind["category"], f"actor_patterns.yaml: {key}")
        lex.resolve_style[kind["name"]] = kind["resolve"]
        for noun in kind["alone_only"]:
            lex.add(noun, Actor(kind["name"], category, "", ""), generated=True)
    name_nouns = patterns.get("country_name_nouns", {})
    for c in countries().values():
        for key, kind in kinds.items():
            actor = Actor(lex.country_actor_name(kind["name"], c.iso2), kind["category"], "", c.iso2)
            for dem in c.demonyms:
                for noun in kind["with_country_only"]:
                    lex.add(f"{dem} {noun}", actor, generated=True)
            for alias in c.aliases:
                for noun in name_nouns.get(key, []):
                    lex.add(f"{alias}'s {noun}", actor, generated=True)
                    lex.add(f"{alias} {noun}", actor, generated=True)
    lex.finish()
    return lex


def _shouting(text: str, pos: int) -> bool:
    """Whether the line around `pos` is written in capitals (a headline), where acronyms mislead."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 12 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


def _gaps_ok(text: str, ends: list[int], starts: list[int], i: int, n: int, toks: list[str]) -> bool:
    for k in range(i, i + n - 1):
        gap = text[ends[k]:starts[k + 1]]
        if not _GAP_OK.fullmatch(gap):
            return False
        # a full stop and a space end a sentence, except after an initial ("U.S. forces")
        if ". " in gap or ".\n" in gap:
            if len(toks[k]) > 2:
                return False
    return True


def find_actors(text: str, doc_id: str = "") -> list[ActorMention]:
    """Every actor mention in `text`, longest alias first, left to right, without overlaps."""
    lex = load_actor_lexicon()
    matches = list(_TOKEN.finditer(text))
    toks = [m.group() for m in matches]
    lower = [t.lower() for t in toks]
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    out: list[ActorMention] = []
    i, n = 0, len(toks)
    while i < n:
        cands = lex.by_first.get(lower[i])
        hit = None
        if cands:
            for e in cands:
                size = len(e.tokens)
                if i + size > n or tuple(lower[i:i + size]) != e.tokens:
                    continue
                if e.case_tokens is not None and (tuple(toks[i:i + size]) != e.case_tokens
                                                  or _shouting(text, starts[i])):
                    continue
                if size > 1 and not _gaps_ok(text, ends, starts, i, size, toks):
                    continue
                hit = e
                break
        if hit is None:
            i += 1
            continue
        size = len(hit.tokens)
        s, e_ = starts[i], ends[i + size - 1]
        a = hit.actor
        out.append(ActorMention(Span(doc_id, s, e_, text[s:e_]), Actor(a.name, a.category, text[s:e_], a.country)))
        i += size
    return out


def resolve_actor(actor: Actor, event_country: str) -> Actor:
    """An actor as coded for an event in `event_country` (ISO2), following ACLED:
    a force with no country takes the event's ("troops" in Nigeria -> "Military Forces of
    Nigeria"), and a state's forces acting in another country are External/Other forces."""
    lex = load_actor_lexicon()
    event_country = (event_country or "").upper()
    if not actor.country and event_country and actor.name in lex.resolve_style:
        return Actor(lex.country_actor_name(actor.name, event_country), actor.category, actor.alias, event_country)
    if actor.category == "State forces" and actor.country and event_country and actor.country != event_country:
        return Actor(actor.name, "External/Other forces", actor.alias, actor.country)
    return actor
