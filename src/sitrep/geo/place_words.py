"""The words around a place name, and what they make it when it is not where the event happened.

Here are the word lists of data/event_place_cues.yaml (`place_cues`), the words just before and
after a name (`words_before`, `word_after`), and the roles that take a name out of the running for
the event's place: where a victim was treated or the doers went, or a party's sponsor
(`treated_at`); what a protest is about, or a building's owner (`a_cause`); an earlier event a
protest answers (`answered_event`). `locate` reads them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.lexicon import load_data
from sitrep.model import Toponym

WORD = re.compile(r"[^\W\d_]+")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_CLAUSE_END = re.compile(r"[.!?;\n]")
COUNTRY_CODES = ("PCLI", "PCLD", "PCLS", "PCLF", "PCL")  # a country's feature codes (no territory's)


@lru_cache(maxsize=1)
def place_cues() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_data("event_place_cues.yaml").items()}


def words_before(text: str, start: int, n: int = 4) -> list[str]:
    """The last words before a place name, within its own sentence and clause."""
    window = text[max(0, start - 60):start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1]:]
    return [fold(w) for w in WORD.findall(window)[-n:]]


def word_after(text: str, t: Toponym) -> str:
    """The word right after a place name, folded ("" when none follows on its line)."""
    after = _WORD_AFTER.match(text, t.span.end)
    return fold(after.group(1)) if after is not None else ""


def treated_at(text: str, t: Toponym) -> bool:
    """The place is where a victim was taken or a suspect tried ("taken to University of
    Louisville Hospital") or where the doers went afterwards ("withdrawing towards the border with
    Mali") or a party's sponsor ("rebels backed by Rwanda"), not where the event happened."""
    cues = place_cues()
    if word_after(text, t) in cues["treated_at_after"]:
        return True  # "died at a San Antonio hospital"
    return any(w in cues["treated_at"] or w in cues["went_to"] or w in cues["backer"]
               for w in words_before(text, t.span.start, 4))


def a_cause(text: str, t: Toponym) -> bool:
    """The place is what the event is about ("protested against Russia's invasion of Ukraine", "a
    pro-Ukraine rally", "in solidarity with Russia", "supporting Ukraine") or a building's owner
    ("marched to the United States consulate"), not where it happened."""
    cues = place_cues()
    before = words_before(text, t.span.start, 2)
    if before and (before[-1] == "pro" and "pro" in cues["cause"] or before[-1] in cues["cause_verbs"]):
        return True
    if t.place.feature_code in COUNTRY_CODES and word_after(text, t) in cues["owned_after"]:
        return True  # "the United States consulates"
    return len(before) == 2 and before[-1] in cues["cause_links"] and before[-2] in cues["cause"]


def answered_event(text: str, t: Toponym) -> bool:
    """The place is that of an earlier event a protest answers ("demanded action following the mass
    shooting in Tops Supermarket in Buffalo"), not the protest's."""
    cues = place_cues()
    before = words_before(text, t.span.start, 10)
    links = [i for i, w in enumerate(before) if w in cues["answered_links"]]
    return bool(links) and any(w in cues["answered_events"] for w in before[links[-1] + 1:links[-1] + 5])
