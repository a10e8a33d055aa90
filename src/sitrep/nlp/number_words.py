"""The words of numbers, as data: number words, vague amounts, modifiers and person nouns (data/numbers.yaml).

`lexicon()` loads them once and compiles the patterns `numbers.find_quantities` uses;
`parse_number_words` reads "twenty-three" or "two hundred and five".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.nlp.data_files import read_yaml

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")


@dataclass(frozen=True)
class NumberLexicon:
    """The number words and compiled patterns, loaded once from data/numbers.yaml."""

    words: dict[str, int]  # units, tens and scales
    vague: dict[str, int]
    vague_needs_of: frozenset[str]
    ordinals: dict[str, int]
    number: re.Pattern  # a number core: digits, number words or vague words
    one_person: re.Pattern  # "a man", "an elderly Palestinian woman", "a 13-year-old boy"
    floor: re.Pattern
    ceiling: re.Pattern
    estimate: re.Pattern
    person_nouns: frozenset[str]
    person_plurals: frozenset[str]
    adjectives: frozenset[str]
    measure: frozenset[str]
    duration: frozenset[str]
    currency: frozenset[str]
    not_count_after_one: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _before(words) -> re.Pattern:
    """A pattern for words that end right before a number."""
    return re.compile(r"(?:^|\W)(" + _alternation(words) + r")\s*$", re.I)


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    from sitrep.nlp.countries import demonyms  # nationalities serve both numbers and actors

    raw = read_yaml("numbers.yaml")
    words = {**raw["units"], **raw["tens"], **raw["scales"]}
    word_alt = _alternation(words)
    vague_alt = _alternation(raw["vague"])
    number = re.compile(
        r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w,]\d|\.\d|\w)"
        rf"|\b(?:a\s+(?=(?:dozen|hundred|thousand|million)\b))?(?:{word_alt})"
        rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+)(?:{word_alt}))*\b"
        rf"|\b(?:{vague_alt})\b", re.I)
    dem = [d for d in demonyms() if d.isalpha()]
    adjectives = list(raw["person_adjectives"]) + dem
    age_word = r"(?:\d+|[a-z]+)-(?:years?|months?|weeks?|days?)-old"
    one_person = re.compile(
        rf"\b(?:a|an)\s+((?:(?:{_alternation(adjectives)}|{age_word})[\s,]+){{0,3}})"
        rf"({_alternation(list(raw['person_nouns']) + dem)}|{age_word})\b"
        r"(?![\s-]+(?:jets?|planes?|aircraft|pilots?)\b)", re.I)  # "a fighter jet" is no person
    return NumberLexicon(
        words=words, vague=raw["vague"], vague_needs_of=frozenset(raw["vague_needs_of"]),
        ordinals=raw["ordinals"], number=number, one_person=one_person,
        floor=_before(raw["floor_words"]), ceiling=_before(raw["ceiling_words"]),
        estimate=_before(raw["estimate_words"]),
        person_nouns=frozenset(raw["person_nouns"]) | frozenset(d.lower() for d in dem),
        person_plurals=frozenset(raw["person_plurals"]) | frozenset(d.lower() + "s" for d in dem),
        adjectives=frozenset(a.lower() for a in adjectives),
        measure=frozenset(raw["units_measure"]), duration=frozenset(raw["units_duration"]),
        currency=frozenset(raw["currency_words"]),
        not_count_after_one=frozenset(raw["not_count_after_one"]))


def parse_number_words(text: str) -> tuple[int, int]:
    """The value of number words ("twenty-three", "two hundred and five") and how many
    characters of `text` the valid number takes ("five seven" stops after "five")."""
    lex = lexicon()
    total = current = 0
    last_kind = ""  # what the previous word was: unit, teen, tens, scale
    used = 0
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group().lower()
        if w in ("a", "and"):
            continue
        v = lex.words.get(w)
        if v is None:
            break
        if v >= 100 or w == "dozen":
            if last_kind == "scale" and v < 1000:
                break
            current = (current or 1) * v
            if v >= 1000:
                total, current = total + current, 0
            kind = "scale"
        elif v >= 20:
            if last_kind in ("unit", "tens"):
                break
            current += v
            kind = "tens"
        else:
            if last_kind == "unit" or (last_kind == "tens" and v >= 10):
                break
            current += v
            kind = "unit"
        last_kind = kind
        used = m.end()
    return total + current, used


@lru_cache(maxsize=1)
def triggers() -> frozenset[str]:
    """The words that can start a number, an ordinal or "a man"."""
    lex = lexicon()
    firsts = {w.split()[0] for w in [*lex.words, *lex.vague]}
    return frozenset(firsts | set(lex.ordinals) | {"a", "an"})
