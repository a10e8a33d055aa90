"""Place a county by its most populous town, where the gazetteer's point for the county is coarse.

The gazetteer's US counties carry rough points (some sit at their state's middle: Harris County,
Texas, far from Houston), while events "in Paulding County" happen where its people live. The
county's biggest town of the gazetteer, in the same state, is the better point at the county's
precision. Counties elsewhere keep their own point.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.model import Place

_COUNTRIES = ("US",)
_AREA_WORD = re.compile(r"\s+(?:county|parish|borough|census area|city and borough|municipality)$")


def _county_key(admin1: str, admin2: str) -> tuple[str, str]:
    return fold(admin1), _AREA_WORD.sub("", fold(admin2))


@lru_cache(maxsize=1)
def _biggest_towns() -> dict[tuple[str, str, str], int]:
    """(country, state, county) -> the row of the county's most populous town."""
    gaz = get_gazetteer()
    best: dict[tuple[str, str, str], int] = {}
    for r in range(len(gaz)):
        cc = gaz.country_code[r]
        if cc not in _COUNTRIES or not gaz.admin2[r] or not gaz.feature_code[r].startswith("PPL"):
            continue
        key = (cc, *_county_key(gaz.admin1[r], gaz.admin2[r]))
        if key not in best or gaz.population[r] > gaz.population[best[key]]:
            best[key] = r
    return best


def county_town(place: Place) -> Place | None:
    """For a US county, the county at its most populous town's point (name and precision unchanged)."""
    if place.feature_code != "ADM2" or place.country_code not in _COUNTRIES:
        return None
    row = _biggest_towns().get((place.country_code, *_county_key(place.admin1, place.admin2 or place.name)))
    if row is None:
        return None
    gaz = get_gazetteer()
    return replace(place, latitude=gaz.lat[row], longitude=gaz.lon[row])
