"""Find mentions of organizations and forces in text through the actor lexicon (data/actors.yaml).

All data: named organizations with their aliases (actors.yaml); kinds of force or group named
without an owner ("troops", "gunmen", "villagers"), their country filled later by `resolve_actor`;
the same kinds after a nationality or a country's name ("Nigerian troops", "Israel's army"); and
communal militias named for a country's region ("Katsina militiamen"). Matching is on word tokens,
case-insensitive except for short acronyms in capitals ("IS", "AA"); the longest alias wins. This
is the pipeline's one list of actors: the events stage reads what it needs from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.model import ACTOR_CATEGORIES, NON_STATE_ARMED, Actor, ActorMention, Span
from sitrep.nlp.countries import acled_country_name, countries
from sitrep.nlp.data_files import read_yaml

_TOKEN = re.compile(r"[^\W_]+")
# what may sit between the words of one alias: a space, a hyphen, an apostrophe, "U.S. ",
# "CPI (Maoist" — but not a spaced dash ("New Mexico - Police") or other punctuation
_GAP_OK = re.compile(r"\s{1,2}|[-/&]|['’]\s?|\.\s?|\s?\(|\)\s?")


def _tokens(alias: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(alias))


def _is_acronym(alias: str) -> bool:
    """Short forms whose capitals matter: "IS", "AA", "LeT", "TdA" (not "is", "aa", "let")."""
    upper = sum(ch.isupper() for ch in alias)
    return len(alias) <= 7 and " " not in alias and (upper >= 2 or alias.isupper())


@dataclass(frozen=True)
class LexiconEntry:
    """One alias of one actor: the words to match and the actor they name."""

    alias: str
    tokens: tuple[str, ...]  # lowercase
    case_tokens: tuple[str, ...] | None  # exact tokens when the alias must match in capitals
    actor: Actor
    generated: bool = False  # a generic word ("troops"), not a name written in actors.yaml
    context: re.Pattern | None = None  # an ambiguous alias counts only in a text this matches


@dataclass
class ActorLexicon:
    """All aliases indexed by their first word, nationality patterns, and how unresolved names
    take a country."""

    entries: list[LexiconEntry] = field(default_factory=list)
    by_first: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    resolve_style: dict[str, str] = field(default_factory=dict)  # name -> "of" or "paren"
    with_the: frozenset[str] = frozenset()
    # "Nigerian" / "Nigeria's" / "Nigeria" + a force noun: country words, then the nouns by kind
    country_words: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    kind_nouns: dict[tuple[str, ...], str] = field(default_factory=dict)  # after a nationality
    name_nouns: dict[tuple[str, ...], str] = field(default_factory=dict)  # after a country's name
    kind_actor: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (kind, iso2) -> actor
    member_nouns: frozenset[str] = frozenset()  # "fighters" after "Hamas"
    max_noun_len: int = 1
    target_only: frozenset[str] = frozenset()  # kind names that only fill the target's role
    crowd_of: dict[str, Actor] = field(default_factory=dict)  # event type -> its crowd kind ("Protests")
    kind_alone: dict[str, Actor] = field(default_factory=dict)  # kind key -> its actor, no country
    off_duty: re.Pattern | None = None  # the words before a state force that make it off duty
    off_duty_kind: str = ""  # the kind an off-duty member becomes
    # "Katsina militiamen": first token -> (tokens, region, iso2 or "" for a name of several countries)
    region_words: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    region_nouns: frozenset[tuple[str, ...]] = frozenset()  # "militia", "militiamen"
    region_actor: tuple[str, str] = ("", "")  # name template, category

    def add(self, alias: str, actor: Actor, generated: bool = False, context: re.Pattern | None = None) -> None:
        toks = _tokens(alias)
        if not toks:
            return
        lower = tuple(t.lower() for t in toks)
        for e in self.by_first.get(lower[0], ()):
            if e.tokens == lower and (e.case_tokens is None) == (not _is_acronym(alias)):
                return  # the first definition wins: actors.yaml before generic words
        entry = LexiconEntry(alias, lower, toks if _is_acronym(alias) else None, actor, generated, context)
        self.entries.append(entry)
        self.by_first.setdefault(lower[0], []).append(entry)

    def add_country_word(self, words: str, iso2: str, form: str) -> None:
        """form: "nationality" ("Nigerian"), "name" ("Nigeria"), or "possessive" for a name
        that only counts as "Lebanon's" (it is also a town or a person elsewhere)."""
        toks = tuple(t.lower() for t in _tokens(words))
        if toks:
            self.country_words.setdefault(toks[0], []).append((toks, iso2, form))

    def finish(self) -> None:
        for cands in self.by_first.values():
            cands.sort(key=lambda e: (-len(e.tokens), e.case_tokens is None))
        for cands in self.country_words.values():
            cands.sort(key=lambda c: -len(c[0]))
        self.max_noun_len = max(len(k) for k in [*self.kind_nouns, *self.name_nouns, ("x",)])

    def country_actor_name(self, name: str, iso2: str) -> str:
        """'Military Forces' + 'NG' -> 'Military Forces of Nigeria'; 'Protesters (Nigeria)'."""
        country = acled_country_name(iso2)
        if not country or name not in self.resolve_style:
            return name
        if self.resolve_style[name] == "of":
            return f"{name} of {'the ' if iso2 in self.with_the else ''}{country}"
        return f"{name} ({country})"


def _check_category(category: str, where: str) -> str:
    if category not in ACTOR_CATEGORIES:
        raise ValueError(f"{where}: unknown ACLED actor category {category!r}")
    return category


@lru_cache(maxsize=1)
def load_actor_lexicon() -> ActorLexicon:
    """The actor lexicon, built once per process from the data files."""
    orgs = read_yaml("actors.yaml")["organizations"]
    patterns = read_yaml("actor_patterns.yaml")
    lex = ActorLexicon(with_the=frozenset(patterns.get("countries_with_the", [])),
                       member_nouns=frozenset(patterns.get("group_member_nouns", [])))
    for org in orgs:
        category = _check_category(org["category"], f"actors.yaml: {org['name']}")
        actor = Actor(org["name"], category, "", org.get("country", "") or "")
        if org.get("resolve"):
            lex.resolve_style[org["name"]] = org["resolve"]
        # the name itself, or its long part ("JNIM: Group for Support of ..." -> "Group for ...")
        for alias in [org["name"].split(": ", 1)[-1]] + list(org["aliases"]):
            lex.add(str(alias), actor)
        if org.get("ambiguous"):  # context words are matched as written: "Republican" is not "republican"
            context = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in org["context"]) + r")\b")
            for alias in org["ambiguous"]:
                lex.add(str(alias), actor, context=context)
    kinds = patterns["kinds"]
    for key, kind in kinds.items():
        category = _check_category(kind["category"], f"actor_patterns.yaml: {key}")
        lex.resolve_style[kind["name"]] = kind["resolve"]
        alone = lex.kind_alone[key] = Actor(kind["name"], category, "", "")
        if kind.get("sides", "any") == "target":
            lex.target_only |= {kind["name"]}
        if kind.get("crowd_of"):
            lex.crowd_of[kind["crowd_of"]] = alone
        prefixed = [f"{b} {n}" for group in kind.get("alone_prefixed", []) for b in group["before"] for n in group["nouns"]]
        for noun in [*kind["alone_only"], *prefixed]:
            lex.add(noun, alone, generated=True)
        for noun in [*kind["with_country_only"], *kind["nouns"]]:
            lex.kind_nouns.setdefault(tuple(t.lower() for t in _tokens(noun)), key)
        for noun in patterns.get("country_name_nouns", {}).get(key, []):
            lex.name_nouns.setdefault(tuple(t.lower() for t in _tokens(noun)), key)
    ambiguous = set(patterns.get("ambiguous_country_names", []))
    if patterns.get("off_duty"):
        words = "|".join(re.escape(w) for w in patterns["off_duty"]["words"])
        lex.off_duty = re.compile(rf"\b(?:{words})\s+(?:[\w-]+\s+)?$", re.I)
        lex.off_duty_kind = patterns["off_duty"]["becomes"]
    _add_nationality_plurals(lex, patterns.get("nationality_plural_kind", ""), kinds)
    if patterns.get("region_militia"):
        _add_region_militias(lex, patterns["region_militia"])
    for c in countries().values():
        for key, kind in kinds.items():
            lex.kind_actor[(key, c.iso2)] = Actor(lex.country_actor_name(kind["name"], c.iso2),
                                                   kind["category"], "", c.iso2)
        for dem in c.demonyms:
            lex.add_country_word(dem, c.iso2, "nationality")
        for alias in c.aliases:
            lex.add_country_word(alias, c.iso2, "possessive" if alias in ambiguous else "name")
    lex.finish()
    return lex


def _add_nationality_plurals(lex: ActorLexicon, key: str, kinds: dict) -> None:
    """ "Palestinians", "Afghans": the plural of a nationality names people of that state, as the
    `key` kind ("Civilians (Palestine)"); not when the plural is a country's name ("Philippines")."""
    if not key:
        return
    kind = kinds[key]
    names = {a.lower() for c in countries().values() for a in c.aliases}
    for c in countries().values():
        actor = Actor(lex.country_actor_name(kind["name"], c.iso2), kind["category"], "", c.iso2)
        for dem in c.demonyms:
            if "(" not in dem and f"{dem}s".lower() not in names:
                lex.add(f"{dem}s", actor, generated=True)


def _add_region_militias(lex: ActorLexicon, rule: dict) -> None:
    """Every country's first-level regions (ISO 3166-2) as names of communal militias ("Zamfara militia")."""
    import pycountry

    skip = {w.lower() for w in rule.get("skip", [])}
    owners: dict[tuple[str, ...], tuple[str, set[str]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and "(" not in sub.name:
            toks = tuple(t.lower() for t in _tokens(sub.name))
            if toks and " ".join(toks) not in skip and len(toks) <= 3:
                owners.setdefault(toks, (sub.name, set()))[1].add(sub.country_code)
    lex.region_actor = (rule["name"], _check_category(rule["category"], "region_militia"))
    for toks, (name, codes) in owners.items():
        code = next(iter(codes)) if len(codes) == 1 else ""
        lex.region_words.setdefault(toks[0], []).append((toks, name, code))
        if not code:  # named for the event's country later, like other kinds
            lex.resolve_style[rule["name"].format(region=name)] = "paren"
    for cands in lex.region_words.values():
        cands.sort(key=lambda c: -len(c[0]))  # longest first
    lex.region_nouns = frozenset(tuple(t.lower() for t in _tokens(n)) for n in rule["nouns"])


def _match_region_militia(lex: ActorLexicon, t: "_Tokens", i: int) -> tuple[int, Actor] | None:
    """ "Katsina militiamen", "a Zamfara militia": a region's name, capitalised, and a militia noun."""
    if not t.matches[i].group()[:1].isupper():
        return None
    for words, region, iso2 in lex.region_words.get(t.lower[i], ()):
        if not t.seq(i, words):
            continue
        j = i + len(words)
        for size in range(min(3, len(t.lower) - j), 0, -1):
            if tuple(t.lower[j:j + size]) in lex.region_nouns and t.joined(j - 1, size + 1):
                name = lex.region_actor[0].format(region=region)
                name = f"{name} ({acled_country_name(iso2)})" if iso2 else name
                return j + size - i, Actor(name, lex.region_actor[1], "", iso2)
    return None


def _misleading_capitals(lex: "ActorLexicon", t: "_Tokens", i: int, size: int) -> bool:
    """Whether capitals around an acronym make it unreliable: a headline in capitals, a run of
    capitalized words ("SAC COUNTY", "WINNER: KIA") or a byline in brackets ("ANKARA (AA)")."""
    s, e = t.matches[i].start(), t.matches[i + size - 1].end()
    if t.text[s - 1:s] == "(" and t.text[e:e + 1] == ")":
        return True  # "(AA)": a news agency's byline, or an acronym after its full name
    for k in (i - 1, i + size):
        if 0 <= k < len(t.matches):
            word = t.matches[k].group()
            if len(word) >= 3 and word.isupper() and word.isalpha() and word.lower() not in lex.by_first:
                return True
    return _shouting(t.text, s)


def _shouting(text: str, pos: int) -> bool:
    """Whether the line around `pos` is written in capitals (a headline), where acronyms mislead."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 12 and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


class _Tokens:
    """The word tokens of a text (Unicode letters and digits) with offsets, and the checks a
    multi-word match needs."""

    def __init__(self, text: str):
        self.text = text
        self.matches = list(_TOKEN.finditer(text))
        self.context_seen: dict[re.Pattern, bool] = {}
        self.lower = _TOKEN.findall(text.lower())
        if len(self.lower) != len(self.matches):  # a letter whose lowercase splits differently
            self.lower = [m.group().lower() for m in self.matches]

    def has_context(self, pattern: re.Pattern) -> bool:
        """Whether the text has one of an ambiguous alias's context words (looked up once)."""
        if pattern not in self.context_seen:
            self.context_seen[pattern] = pattern.search(self.text) is not None
        return self.context_seen[pattern]

    def orig(self, i: int, size: int) -> tuple[str, ...]:
        return tuple(m.group() for m in self.matches[i:i + size])

    def joined(self, i: int, size: int) -> bool:
        """Whether tokens i..i+size-1 are one phrase: no sentence end or other words between."""
        ms = self.matches
        for k in range(i, i + size - 1):
            gap = self.text[ms[k].end():ms[k + 1].start()]
            if gap == " ":
                continue
            if not _GAP_OK.fullmatch(gap):
                return False
            # a full stop and a space end a sentence, except after an initial ("U.S. forces")
            if (". " in gap or ".\n" in gap) and len(ms[k].group()) > 2:
                return False
        return True

    def seq(self, i: int, toks: tuple[str, ...]) -> bool:
        return tuple(self.lower[i:i + len(toks)]) == toks and self.joined(i, len(toks))


def _match_alias(lex: ActorLexicon, t: _Tokens, i: int) -> tuple[int, Actor] | None:
    for e in lex.by_first.get(t.lower[i], ()):
        size = len(e.tokens)
        if size > 1 and tuple(t.lower[i:i + size]) != e.tokens:
            continue
        if e.case_tokens is not None and (t.orig(i, size) != e.case_tokens
                                          or _misleading_capitals(lex, t, i, size)):
            continue
        if size > 1 and not t.joined(i, size):
            continue
        if e.context is not None and not t.has_context(e.context):
            continue
        if e.actor.category in NON_STATE_ARMED and not e.generated:
            nxt = i + size
            if nxt < len(t.lower) and t.lower[nxt] in lex.member_nouns and t.joined(nxt - 1, 2):
                size += 1  # "Hamas fighters", "M23 rebels"
        return size, e.actor
    return None


def _match_country_force(lex: ActorLexicon, t: _Tokens, i: int, depth: int = 0) -> tuple[int, Actor] | None:
    """A nationality or country name followed by a force noun: "Nigerian troops", "Israel's army"."""
    for words, iso2, form in lex.country_words.get(t.lower[i], ()):
        if not t.seq(i, words):
            continue
        if form != "nationality" and i > 0 and t.lower[i - 1] == "new":
            continue  # "New Mexico", "New Jersey"
        j = i + len(words)
        nouns = lex.kind_nouns
        if form != "nationality":
            nouns = lex.name_nouns
            if (j < len(t.lower) and t.lower[j] == "s"
                    and t.text[t.matches[j - 1].end():t.matches[j].start()] in ("'", "’")):
                j += 1
            elif form == "possessive":
                continue
        for size in range(min(lex.max_noun_len, len(t.lower) - j), 0, -1):
            key = nouns.get(tuple(t.lower[j:j + size]))
            if key and t.joined(j - 1, size + 1):
                return j + size - i, lex.kind_actor[(key, iso2)]
        # "Russian and Ukrainian forces": the first nationality shares the second one's noun
        other = _match_country_force(lex, t, j + 1, 1) if form == "nationality" and t.lower[j:j + 1] == ["and"] and not depth else None
        key = next((k for (k, _), a in lex.kind_actor.items() if a is other[1]), "") if other else ""
        if key and t.joined(j - 1, 2):
            return len(words), lex.kind_actor[(key, iso2)]
    return None


def find_actors(text: str, doc_id: str = "") -> list[ActorMention]:
    """Every actor mention in `text`, longest match first, left to right, without overlaps.
    A named alias beats a nationality pattern of the same length ("Israeli forces")."""
    lex = load_actor_lexicon()
    t = _Tokens(text)
    by_first, country_words = lex.by_first, lex.country_words
    out: list[ActorMention] = []
    next_free = 0
    region_words = lex.region_words
    for i in [k for k, w in enumerate(t.lower) if w in by_first or w in country_words or w in region_words]:
        if i < next_free:
            continue
        first = t.lower[i]
        named = _match_alias(lex, t, i) if first in by_first else None
        national = _match_country_force(lex, t, i) if first in country_words else None
        hit = named if not national or (named and named[0] >= national[0]) else national
        region = _match_region_militia(lex, t, i) if first in region_words else None
        if region and (hit is None or region[0] > hit[0]):
            hit = region
        if hit is None or (i and t.lower[i - 1] == "anti" and t.joined(i - 1, 2)):
            continue  # "anti-Houthi forces" are the Houthis' enemies
        size, a = hit
        if a.category == "State forces" and hit is named and a.country:
            i, size, a = _own_nationality(lex, t, i, size, a, next_free)
        s, e = t.matches[i].start(), t.matches[i + size - 1].end()
        if a.category == "State forces" and lex.off_duty and lex.off_duty.search(text[max(0, s - 25):s]):
            a = lex.kind_actor.get((lex.off_duty_kind, a.country)) or lex.kind_alone[lex.off_duty_kind]
        if text.count("(", s, e) > text.count(")", s, e) and text[e:e + 1] == ")":
            e += 1  # "CPI (Maoist)"
        out.append(ActorMention(Span(doc_id, s, e, text[s:e]), Actor(a.name, a.category, text[s:e], a.country)))
        next_free = i + size
    return out


def _own_nationality(lex: ActorLexicon, t: _Tokens, i: int, size: int, actor: Actor,
                     floor: int) -> tuple[int, int, Actor]:
    """ "Russian occupation troops", "Turkish border police": a nationality word just before a
    state force's alias decides the state, whatever state the alias alone names."""
    for k in range(1, 4):
        first = i - k
        if first < floor:
            break
        for words, iso2, form in lex.country_words.get(t.lower[first], ()):
            if form == "nationality" and len(words) == k and t.seq(first, words) and t.joined(first, k + 1):
                if iso2 == actor.country:
                    return i, size, actor
                key = next((key for key, kind in lex.kind_alone.items()
                            if kind.category == "State forces" and actor.name.startswith(kind.name)), "")
                if (key, iso2) in lex.kind_actor:
                    return first, size + k, lex.kind_actor[(key, iso2)]
                return i, size, actor
    return i, size, actor


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
