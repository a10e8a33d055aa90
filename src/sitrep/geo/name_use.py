"""Tell a place name used inside another name (a street, a park, a person's name) from the place itself.

The recognizer keeps "Spain" of "Spain St.", "Martin" of "Martin Luther King Jr. Park" and
"Williams" of "Trevor Andre Williams" when the gazetteer knows a town of that name: a place name
somewhere, but not where the report's event happened. `locate` does not take such a name for the
event's place (nor count it towards the report's home); the report's home or main place is used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.model import Toponym

_WORD_AFTER = re.compile(r"([ \t]+)([^\W\d_][\w'’.]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)(\.?)([ \t]+)$")
# a state's or country's name before a route number names a highway: "U.S. 76", "Georgia 20"
_ROUTE_NUMBER = re.compile(r"[ \t]+\d{1,3}(?![\d,.:/-]?\d)(?!\s*(?:percent|%|people|persons|dead|killed))")
_ROUTE_NAMERS = frozenset({"ADM1", "PCLI", "PCL", "PCLD"})
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
        "keep_before": (recognizer["not_given_names"] | recognizer["not_name_continuations"]
                        | frozenset(fold(w) for w in own["place_words_before"])),
    }


def _bare(word: str) -> str:
    """The word without a possessive or a final period, folded: "Tuesday's" -> "tuesday"."""
    return fold(re.sub(r"(?:['’]s?|\.)$", "", word))


def places_only(text: str, placed: list[Toponym]) -> list[Toponym]:
    """The toponyms not used inside another name."""
    ends = {u.span.end for u in placed}
    return [t for t in placed if not used_as_other_name(text, t, ends)]


def used_as_other_name(text: str, t: Toponym, place_ends: set[int]) -> bool:
    """True when the words next to the name make it part of a street's, a park's or a person's name:
    a capitalized street or estate noun after it ("Dresden Drive", "Shawnee Park"), a person's title
    before it ("Officer Davis"), or a capitalized word before it that is neither a place nor a word
    of place or time ("Andre Williams")."""
    name = t.span.text
    if t.place is not None and t.place.feature_code in _ROUTE_NAMERS and _ROUTE_NUMBER.match(text, t.span.end):
        return True  # "on U.S. 76 near Sandy Springs", "at Florida 20 and Rowland Ave": a highway
    if not name or name.isupper() or t.span.end > len(text):
        return False  # a dateline or headline in capitals says nothing by its case
    lists = _lists()
    run = _capitalized_run(text, t.span.end)
    if run and run[0] not in lists["area_words"] and any(w in lists["named_after"] or w in _SUFFIXES for w in run):
        return True  # "Savannah Highway", "Martin Luther King Boulevard", "Martin Luther King Jr."
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
