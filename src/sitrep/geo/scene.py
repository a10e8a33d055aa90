"""Find the town a report's own "where it happened" clause names, sharper than a county or a near city.

Local reports often open with the county or the outlet's city ("Wilkes County deputies said a toddler
shot himself") and tell the spot later: "The incident occurred at the 400 block of Chuckwood Road in
Thurmond". A town after "in" closing a clause with a scene word (a verb of happening, a street, a
block, a home; `event_place_cues.yaml`), told soon after the event's sentence, lying in the same
state near the place that sentence gives and smaller than it, is where the event happened.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.lexicon import load_data
from sitrep.model import Place, Toponym

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[!?;\n]|\.\s+[A-Z]")  # "3:15 p.m. Sunday" goes on; ". The" ends a sentence
_CLAUSE_CHARS = 160
SCENE_KM = 40  # a scene town this near the event sentence's place (county points are coarse)
SCENE_CHARS = 800  # and told this soon after the event's sentence


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = load_data("event_place_cues.yaml")
    return frozenset(cues["scene"]), frozenset(cues["treated_at"] + cues["scene_not"])


def _clause_words(text: str, start: int) -> list[str]:
    window = text[max(0, start - _CLAUSE_CHARS):start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        window = window[ends[-1] - 1:]
    return [fold(w) for w in _WORD.findall(window)]


def scene_town(text: str, placed: list[Toponym], around: Place, start: int, end: int) -> Toponym | None:
    """The town the text names as the scene near `around` (a county, a state or a town) in the few
    sentences after the event's own (`start`-`end`); none when it names two (a spree, a chase: no
    one scene)."""
    scene, elsewhere = _cues()
    found = []
    for t in placed:
        if t.span.start < start or t.span.start > end + SCENE_CHARS:
            continue  # a long report's other stories, or what led up to the event
        p = t.place
        if p is None or not p.feature_code.startswith("PPL") or (p.country_code, p.admin1) != (
                around.country_code, around.admin1):
            continue
        if around.feature_code.startswith("PPL") and p.population >= around.population:
            continue  # "a violent weekend in Philadelphia" is no sharper than its Kensington neighbourhood
        if around.feature_code != "ADM1" and flat_km(p.latitude, p.longitude, around.latitude,
                                                     around.longitude) > SCENE_KM:
            continue
        words = _clause_words(text, t.span.start)
        if words and words[-1] == "in" and not elsewhere.intersection(words) and scene.intersection(words):
            found.append(t)
    return found[0] if len({fold(t.place.name) for t in found}) == 1 else None
