"""Find the town a report's own "where it happened" clause names, sharper than a county or a near city.

Local reports often open with the county or the outlet's city ("Wilkes County deputies said a toddler
shot himself") and tell the spot later: "The incident occurred at the 400 block of Chuckwood Road in
Thurmond". A town after "in" closing a clause with a scene word (a verb of happening, a street, a
block, a home; `event_place_cues.yaml`), told soon after the event's sentence, lying in the same
state near the place that sentence gives and smaller than it, is where the event happened.
A dateline's city is where the reporter is (`bureau_scene`): a smaller town of its state told as
the scene anywhere in the report's opening ("in Charenton", "near Edgerton") is where it happened.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.lexicon import load_data
from sitrep.model import Place, Toponym

_WORD = re.compile(r"[^\W\d_]+")
_CITY_PART = re.compile(r"\s+(?:neighborhood|neighbourhood|section|district|area)\b")
_SENTENCE_END = re.compile(r"[!?;\n]|\.\s+[A-Z]")  # "3:15 p.m. Sunday" goes on; ". The" ends a sentence
_CLAUSE_CHARS = 160
SCENE_KM = 40  # a scene town this near the event sentence's place (county points are coarse)
SCENE_CHARS = 800  # and told this soon after the event's sentence
BUREAU_CHARS = 1200  # a dateline's story tells its own town this soon after the dateline


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = load_data("event_place_cues.yaml")
    return frozenset(cues["scene"]), frozenset(cues["treated_at"] + cues["scene_not"])


@lru_cache(maxsize=1)
def _bureau_cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = load_data("event_place_cues.yaml")
    return frozenset(cues["scene"] + cues["bureau_scene"]), frozenset(cues["bureau_scene_before"])


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


def bureau_scene(text: str, placed: list[Toponym], dateline: Toponym, start: int, end: int) -> Toponym | None:
    """The one smaller town of the dateline city's state that the report's opening tells as the
    event's scene ("NEW ORLEANS (AP) — ... pronounced dead at the scene of the shootings in
    Charenton"); none when it tells two, or the dateline's own city is such a scene. The towns of the
    event's own sentence (`start`-`end`) were weighed with it already ("in Red Hook" of a New York
    report is the city's part, not the hamlet upstate)."""
    city = dateline.place
    if city is None or not city.feature_code.startswith("PPL"):
        return None
    event_words, before = _bureau_cues()
    _, elsewhere = _cues()
    found = []
    city_key = fold(city.name)
    for t in sorted(placed, key=lambda t: t.span.start):
        if t.span.start > dateline.span.end + BUREAU_CHARS:
            break
        if t.span.start > dateline.span.end and fold(t.span.text) == city_key and not found:
            return None  # "a south St. Louis bar", "a Columbus officer": the story is the city's own
        p = t.place
        if p is None or t.span.start == dateline.span.start or not p.feature_code.startswith("PPL") or (
                p.country_code, p.admin1) != (city.country_code, city.admin1) or start <= t.span.start < end:
            continue
        words = _clause_words(text, t.span.start)
        if not words or words[-1] not in before or elsewhere.intersection(words):
            continue
        if not event_words.intersection(words):
            continue  # "his family moved here from Slidell": no word of the event
        if p.population < city.population and fold(t.span.text) == fold(p.name) and not _city_part(text, t):
            found.append(t)
    return found[0] if len({fold(t.place.name) for t in found}) == 1 else None


def _city_part(text: str, t: Toponym) -> bool:
    """ "in the city's Knoxville section": a part of the dateline's city named like a far town."""
    return _CITY_PART.match(text, t.span.end) is not None or text[max(0, t.span.start - 7):t.span.start] in (
        "city's ", "city’s ")
