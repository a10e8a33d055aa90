"""Tell a place name used inside another name (a street, a park, a person's name) from the place itself.

The recognizer keeps "Spain" of "Spain St.", "Martin" of "Martin Luther King Jr. Park" and
"Williams" of "Trevor Andre Williams" when the gazetteer knows a town of that name: a place name
somewhere, but not where the report's event happened. `locate` does not take such a name for the
event's place (nor count it towards the report's home); the report's home or main place is used.
A name a report gives a person in full ("James Henderson") names that person wherever it comes
back bare ("Henderson said", "search for Wallace"), unless a place's word stands before it ("in
Henderson").
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.namesakes import is_state_or_country
from sitrep.model import Span, Toponym

_WORD_AFTER = re.compile(r"([ \t]+)([^\W\d_][\w'’.]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)(\.?)([ \t]+)$")
# a state's or country's name before a route number names a highway: "U.S. 76", "Georgia 20"
_ROUTE_NUMBER = re.compile(r"[ \t]+\d{1,3}(?![\d,.:/-]?\d)(?!\s*(?:percent|%|people|persons|dead|killed))")
# after a bare name, its state or area, which no person's name has: ", Nev.", " (Kentucky)"
_STATE_AFTER = re.compile(r"[ \t]+\([A-Z]|,[ \t]+[A-Z][a-z]*\.?(?:[ \t]+[A-Z][a-z]+)?(?:[ \t]*[,.;)]|[ \t]+[a-z(]|$)")
_AGE_AFTER = re.compile(r",[ \t]*\d{1,2},")  # "Esteban Santiago, 26,"
# a given name's surname(s) after it, then the person's age: "Tyler Alan Cop, 15,"
_SURNAMES_AFTER = re.compile(r"(?:[ \t][A-Z][a-z'’]+(?:-[A-Z][a-z]+)?){1,2}")
_AGE_BEFORE = re.compile(r"\b\d{1,2}[- ]years?[- ]old[ \t]+$")  # "17-year-old Medina Knowles"
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*,|[(/\-–—])[ \t]*$")  # "(Nam-gu, Pohang": a place's address
_CITY_AFTER = re.compile(r"[ \t]*(?:[-–—]|City\b)")  # "Seoul City - Jongno"
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # of a person's name: "Martin Luther King Jr."
# titles that begin place names themselves ("St. Louis", "Saint Paul", "General Santos")
_PLACE_TITLES = frozenset({"st", "saint", "general", "gen", "king", "queen", "prince", "princess", "lady"})


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    from sitrep.geo.lexicon import cues, load_data

    own = load_data("name_use_cues.yaml")
    recognizer = cues()
    return {
        "named_after": frozenset(fold(w) for w in own["named_after_nouns"]),
        "area_words": frozenset(fold(w) for w in own["area_words"]),
        "titles": recognizer["person_titles"] - _PLACE_TITLES,
        "place_before_surname": frozenset(fold(w) for w in own["place_before_surname"]),
        "institution_words": frozenset(fold(w) for w in own["institution_words"]),
        "keep_before": (recognizer["not_given_names"] | recognizer["not_name_continuations"]
                        | frozenset(fold(w) for w in own["place_words_before"])),
    }


def _bare(word: str) -> str:
    """The word without a possessive or a final period, folded: "Tuesday's" -> "tuesday"."""
    return fold(re.sub(r"(?:['’]s?|\.)$", "", word))


def places_only(text: str, placed: list[Toponym]) -> list[Toponym]:
    """The toponyms not used inside another name, nor as the surname of a person the text names."""
    ends = {u.span.end for u in placed}
    kept = [t for t in placed if not used_as_other_name(text, t, ends)]
    # a surname of a town's name (states and nations stay): the recognizer may have left the full
    # name out, so every use of the name in the text is looked at
    towns = {t.span.text for t in kept if t.place is not None and t.place.feature_code.startswith("PPL")}
    people = {fold(name) for name in towns if text.count(name) > 1 and _named_person(text, name, ends)}
    if not people:
        return kept
    return [t for t in kept if fold(t.span.text) not in people or not _bare_surname(text, t)]


def _named_person(text: str, name: str, place_ends: set[int]) -> bool:
    """Somewhere the text gives a person this name as a surname ("resident James Henderson")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (not at or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
        # "Esteban Santiago, 26, ..." opening a paragraph: a given name, then an age
        aged = _AGE_AFTER.match(text, end) and at > 1 and text[at - 1] in " \t" and _capital_word_ends_at(text, at - 1)
        if whole and (aged or _person_name(text, Toponym(Span("", at, end, name), None, 0.0), place_ends)
                      or _given_name(text, at, end, place_ends)):
            return True
        at = text.find(name, end)
    return False


def used_as_other_name(text: str, t: Toponym, place_ends: set[int]) -> bool:
    """True when the words next to the name make it part of a street's, a park's or a person's name:
    a capitalized street or estate noun after it ("Dresden Drive", "Shawnee Park"), a person's title
    before it ("Officer Davis"), or a capitalized word before it that is neither a place nor a word
    of place or time ("Andre Williams")."""
    name = t.span.text
    if is_state_or_country(t.place) and _ROUTE_NUMBER.match(text, t.span.end):
        return True  # "on U.S. 76 near Sandy Springs", "at Florida 20 and Rowland Ave": a highway
    if not name or name.isupper() or t.span.end > len(text):
        return False  # a dateline or headline in capitals says nothing by its case
    lists = _lists()
    run = _capitalized_run(text, t.span.end)
    if run and run[0] not in lists["area_words"] and any(w in lists["named_after"] or w in _SUFFIXES for w in run):
        return True  # "Savannah Highway", "Martin Luther King Boulevard", "Martin Luther King Jr."
    return _person_name(text, t, place_ends) or _given_name(text, t.span.start, t.span.end, place_ends)


def _given_name(text: str, start: int, end: int, place_ends: set[int]) -> bool:
    """The name is a person's given name: capitalized words that are no street's, area's or
    place's name follow it, and the person's age goes with them ("Tyler Alan Cop, 15,",
    "17-year-old Medina Knowles")."""
    run = _SURNAMES_AFTER.match(text, end)
    if run is None or run.end() in place_ends or text[start:end].isupper():
        return False
    lists = _lists()
    words = [fold(w) for w in run.group().split()]
    if any(w in lists["named_after"] or w in lists["area_words"] or w in lists["titles"] or w in _SUFFIXES
           or w in lists["keep_before"] or w in lists["institution_words"] for w in words):
        return False  # "Tyler Junior College", "Killeen High School", "Medina County", "Berlin Township"
    return _AGE_AFTER.match(text, run.end()) is not None or _AGE_BEFORE.search(
        text, max(0, start - 20), start) is not None


def _person_name(text: str, t: Toponym, place_ends: set[int]) -> bool:
    """The name ends a person's name: a title or a capitalized given name before it ("Officer
    Davis", "Jason Holt"), in mixed case."""
    name = t.span.text
    if not name or name.isupper() or t.span.end > len(text):
        return False
    lists = _lists()
    start = t.span.start
    # cheap test first: most names follow a lowercase word or punctuation ("in Dallas", "(Dallas")
    if start < 2 or text[start - 1] not in " \t" or not _capital_word_ends_at(text, start - 1):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not before.group(1)[0].isupper() or before.group(1).isupper():
        return False
    word = _bare(before.group(1))
    if word in lists["titles"]:
        return True
    return (not before.group(2) and word not in lists["keep_before"] and before.end(1) not in place_ends
            and not _sentence_start(text, before.start(1)))


def _bare_surname(text: str, t: Toponym) -> bool:
    """The name stands alone as a person's surname may: in mixed case, with no place's word right
    before it ("in", "near", "downtown") and no state after it ("Henderson, Nev.")."""
    name = t.span.text
    if not name or name.isupper() or _LISTED_BEFORE.search(text, max(0, t.span.start - 40), t.span.start):
        return False  # "(Nam-gu, Pohang)", "(Seoul City": an address, not a person ("police, Parker was")
    if _CITY_AFTER.match(text, t.span.end):
        return False
    before = _WORD_BEFORE.search(text, max(0, t.span.start - 30), t.span.start)
    if before is not None and fold(before.group(1)) in _lists()["place_before_surname"]:
        return False
    return _STATE_AFTER.match(text, t.span.end) is None


def _capital_word_ends_at(text: str, pos: int) -> bool:
    """The word ending before the blanks that end at `pos` starts with a capital."""
    end = pos + 1
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "'’."):
        begin -= 1
    return begin < end and text[begin].isupper()


def _capitalized_run(text: str, pos: int, most: int = 4) -> list[str]:
    """The capitalized words right after `pos`, one space apart (at most `most`), bare and folded."""
    words = []
    while len(words) < most:
        m = _WORD_AFTER.match(text, pos)
        if m is None or len(m.group(1)) > 1 or not m.group(2)[0].isupper() or m.group(2).isupper() and len(m.group(2)) > 3:
            break
        words.append(_bare(m.group(2)))
        pos = m.end()
        if m.group(2).endswith(".") and words[-1] not in _SUFFIXES and len(words[-1]) > 3:
            break  # a sentence ends here
    return words


def _sentence_start(text: str, pos: int) -> bool:
    """The word at `pos` opens a sentence or line, so its capital says nothing."""
    head = text[max(0, pos - 3):pos].rstrip(" \t\"'“(")
    return not head or head[-1] in ".!?:\n"
