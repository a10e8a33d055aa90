"""Read a title's headline for place names, and the states the whole title names.

A headline in title case ("Five Shot During Party At Kankakee Banquet Hall") is put back in running
text's case for its small words first, so that "At Kankakee" reads as a place after a preposition.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.namesakes import home_cues
from sitrep.geo.site import TITLE_OUTLET
from sitrep.model import Document

_TITLE_WORD = re.compile(r"[^\W\d_]+")


def _sentence_case_small_words(title: str) -> str:
    """ "Five Shot During Party At Kankakee Banquet Hall" -> "... during Party at Kankakee ...": in
    a headline that capitalizes every word, the prepositions and articles in lower case again, so
    that "At Kankakee" reads as a place after a preposition, as in running text (same length)."""
    words = title.split()
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.8 * len(words):
        return title
    small = _small_words()
    return _TITLE_WORD.sub(lambda m: m.group().lower() if m.start() and m.group().lower() in small else m.group(),
                           title)


@lru_cache(maxsize=1)
def _small_words() -> frozenset[str]:
    return frozenset(home_cues()["title_case_small_words"])


def title_names(doc: Document, country: str) -> tuple[list, set[str]]:
    """The place-name candidates of a title's headline (before the outlet's name), and the states
    the whole title names ("... - WSFA.com Montgomery Alabama news", "| Dayton, OH")."""
    from sitrep.geo.recognize import find_candidates, recognition_features

    title = doc.title or ""
    if not title.strip():
        return [], set()
    gaz = get_gazetteer()
    title = _sentence_case_small_words(title)
    tokens, cands = find_candidates(title, gaz, with_demonyms=False)
    recognition_features(title, tokens, cands, gaz)
    outlet = TITLE_OUTLET.search(title)  # "... shooting - KSLA News 12 Shreveport": the outlet follows
    headline_end = outlet.start() if outlet else len(title)
    states = set()
    for c in cands:
        if not c.state_abbreviation and any(gaz.feature_code[r].startswith("PPL") and gaz.population[r] > 100_000
                                            for r in c.rows):
            continue  # "Washington", "New York": a city as often as a state
        states.update(fold(gaz.admin1[r]) for r in c.rows if gaz.feature_code[r] == "ADM1"
                      and fold(gaz.name[r]) == c.key and (gaz.country_code[r] == country or not country))
    return [c for c in cands if c.end <= headline_end], states
