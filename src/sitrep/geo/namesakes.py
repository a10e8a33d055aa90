"""Decide which of a name's namesakes a local report means, given the report's home town.

A bare name of a town far away in another state ("Raleigh" in a Memphis report), of a hamlet of the
home's state far from a big home city ("Red Hook" in a Brooklyn report) or of a town abroad alone of
its country ("Birmingham police" read as England's) is a local place the gazetteer lacks or misreads;
a name read outside the states the report names has a namesake inside them ("Jacksonville" of an
Onslow County, N.C. report).
"""

from __future__ import annotations

import re

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.lexicon import load_data
from sitrep.model import Place, Toponym

if TYPE_CHECKING:
    from sitrep.geo.home import Home


@lru_cache(maxsize=1)
def home_cues() -> dict:
    return load_data("home_cues.yaml")


def is_town(place: Place | None) -> bool:
    return place is not None and place.feature_code.startswith("PPL")


def is_state_or_country(place: Place | None) -> bool:
    """A first-level area or a country: what holds towns, and what no person or street is named."""
    return place is not None and place.feature_code in ("ADM1", "PCLI", "PCL", "PCLD")


def strays_from(t: Toponym, home: Home, text: str, placed: list[Toponym]) -> bool:
    """A town or district of the home's country, in another first-level area far from the home and
    named without its area ("Raleigh" in a Memphis report): a namesake of a local place."""
    p, h = t.place, home.place
    if p is None or not (p.feature_code.startswith("PPL") or p.feature_code in ("ADM2", "ADM3")):
        return False
    if _called_neighbourhood(text, t) and is_town(h) and flat_km(
            p.latitude, p.longitude, h.latitude, h.longitude) > home_cues()["neighbourhood_km"]:
        return True  # "in the Roseland neighborhood" of a Chicago report: not Roseland, Ind.
    if p.country_code != h.country_code:
        # a town abroad named bare in a report datelined or titled at home ("Overtown" of Miami read
        # as a Scottish village): a local place the gazetteer lacks
        return home.how != "named" and not _contained(t, placed)
    if not p.admin1 or p.admin1 == h.admin1:
        return _neighbourhood_namesake(t, home, placed)
    if flat_km(p.latitude, p.longitude, h.latitude, h.longitude) <= home_cues()["stray_km"]:
        return False
    return not _contained(t, placed)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _called_neighbourhood(text: str, t: Toponym) -> bool:
    """The name is followed by "neighborhood" or "section": a part of a city."""
    m = _NEXT_WORD.match(text, t.span.end)
    return m is not None and m.group(1) in home_cues()["neighbourhood_words"]


def _contained(t: Toponym, placed: list[Toponym]) -> bool:
    """ "Gary, Ind.", "Juarez, Mexico": the name is followed by the area or country holding it."""
    return any(u.span.start in range(t.span.end, t.span.end + 3) and is_state_or_country(u.place) for u in placed)


def namesake_near_home(t: Toponym, home: Home, placed: list[Toponym]) -> Place | None:
    """The place of the same name in the home's first-level area that is no stray itself, if the
    gazetteer has one."""
    gaz = get_gazetteer()
    key = fold(t.span.text)
    rows = [r for r in gaz.rows_for(key) if gaz.country_code[r] == home.place.country_code
            and gaz.admin1[r] == home.place.admin1 and (gaz.feature_code[r].startswith("PPL")
                                                        or gaz.feature_code[r] == "ADM2")]
    rows = [r for r in rows if not _neighbourhood_namesake(Toponym(t.span, gaz.place(r), t.score), home, placed)]
    return gaz.most_populous(rows)


def far_city_of_outlet_page(t: Toponym, home: Home, text: str) -> bool:
    """A big city of another state named in the event's words on a page whose only home is the
    outlet's city ("An argument at a Charlotte night club" on a Louisville station's site): a story
    the station carried from elsewhere, not a namesake of a place near the outlet. The city's own
    name only: "Old Town", another name of Las Vegas, is the outlet city's own quarter."""
    p = t.place
    return (home.how == "site" and is_town(p) and p.population >= home_cues()["big_namesake_population"]
            and fold(t.span.text) == fold(p.name) and not _called_neighbourhood(text, t))


def namesake_in_named_state(t: Toponym, states: set[str], placed: list[Toponym]) -> Place | None:
    """ "Jacksonville" read as Jacksonville, Fla. in a report that names Onslow County, N.C.: the
    town of that name in a state the report names, when the reading lies in none of them."""
    p = t.place
    county = p is not None and p.feature_code == "ADM2"  # "Polk County": a dozen states have one
    if p is None or not states or not (county or p.feature_code.startswith("PPL")) or fold(p.admin1) in states:
        return None
    if _contained(t, placed) or county and _holds_named_town(p, placed):
        return None  # "Wayne County" with Goldsboro, N.C. (in it): the county of the town the text names
    gaz = get_gazetteer()
    # any country: "Montgomery" read as the old name of Sahiwal (Pakistan) in an Alabama report
    key = fold(t.span.text)
    rows = [r for r in gaz.rows_for(key) if fold(gaz.admin1[r]) in states
            and (gaz.feature_code[r] == "ADM2" if county else gaz.feature_code[r].startswith("PPL"))]
    return gaz.most_populous(rows)


_COUNTY_WORDS = re.compile(r"\s+(?:county|parish|borough)$")


@lru_cache(maxsize=4096)
def _county_key(admin1: str, county: str) -> tuple[str, str]:
    """ "Union County" and "Union" (a town's county as the gazetteer gives it) -> ("Florida", "union")."""
    return admin1, _COUNTY_WORDS.sub("", fold(county))


def in_named_counties(placed: list[Toponym]) -> list[Toponym]:
    """Each US town read outside the counties the text names, read as its namesake in one of them
    when there is one ("Lake Butler" of a report naming Union County, Fla.: not the bigger Lake
    Butler of Orange County)."""
    counties = {_county_key(t.place.admin1, t.place.name) for t in placed
                if t.place is not None and t.place.feature_code == "ADM2" and t.place.country_code == "US"}
    if not counties:
        return placed
    gaz = get_gazetteer()
    out = []
    for t in placed:
        p = t.place
        if is_town(p) and p.country_code == "US" and _county_key(p.admin1, p.admin2) not in counties:
            rows = gaz.rows_for(fold(t.span.text))
            rows = [r for r in rows if gaz.feature_code[r].startswith("PPL")
                    and _county_key(gaz.admin1[r], gaz.admin2[r]) in counties] if len(rows) > 1 else ()
            if rows:
                t = Toponym(t.span, gaz.most_populous(rows), t.score)
        out.append(t)
    return _counties_of_named_towns(out)


def _holds_named_town(county: Place, placed: list[Toponym]) -> bool:
    """A town the text names under another name than the county's lies in the county."""
    key = _county_key(county.admin1, county.name)
    return any(is_town(u.place) and u.place.admin2 and fold(u.span.text) != key[1]
               and _county_key(u.place.admin1, u.place.admin2) == key for u in placed)


def _counties_of_named_towns(placed: list[Toponym]) -> list[Toponym]:
    """A US county read in another state than the town the text names in a county of its name:
    the town's county ("the Wayne County Sheriff's Office ... in Goldsboro" is North Carolina's);
    not a town of the county's own name ("DeKalb police" read as DeKalb, Ill.)."""
    towns = {_county_key(t.place.admin1, t.place.admin2) for t in placed if is_town(t.place)
             and t.place.country_code == "US" and t.place.admin2
             and fold(t.span.text) != _county_key(t.place.admin1, t.place.admin2)[1]}
    gaz = get_gazetteer()
    out = []
    for t in placed:
        p = t.place
        key = _county_key(p.admin1, p.name) if p.feature_code == "ADM2" and p.country_code == "US" else None
        if key is not None and key not in towns and any(name == key[1] for _, name in towns):
            rows = [r for r in gaz.rows_for(fold(t.span.text)) if gaz.feature_code[r] == "ADM2"
                    and _county_key(gaz.admin1[r], gaz.name[r]) in towns]
            if len(rows) == 1:
                t = Toponym(t.span, gaz.place(rows[0]), t.score)
        out.append(t)
    return out


def big_city_namesake(town: Place, outlet: Place | None) -> Place | None:
    """The big city of a small town's name in its country ("Montgomery" read as the Georgia hamlet
    in an Atlanta station's report means Alabama's capital), when the town lies far from the
    outlet's city, or no outlet is known."""
    cues = home_cues()
    if not is_town(town) or town.population >= cues["small_town_population"]:
        return None
    if outlet is not None and flat_km(town.latitude, town.longitude, outlet.latitude,
                                      outlet.longitude) <= cues["stray_km"]:
        return None
    gaz = get_gazetteer()
    rows = [r for r in gaz.rows_for(fold(town.name)) if gaz.country_code[r] == town.country_code
            and gaz.feature_code[r].startswith("PPL") and fold(gaz.name[r]) == fold(town.name)
            and gaz.population[r] >= cues["big_namesake_population"]]
    return gaz.most_populous(rows)


def capital_not_state(placed: list[Toponym], text: str) -> list[Toponym]:
    """ "Southeast Washington" in a report that names D.C. police: the capital, not the state of
    Washington, unless the text places something in that state or says "Washington state"."""
    dc = [t for t in placed if t.place.feature_code == "ADM1" and t.place.country_code == "US"
          and fold(t.place.admin1) == "district of columbia"]
    states = [t for t in placed if t.place.feature_code == "ADM1" and t.place.country_code == "US"
              and fold(t.place.name) == "washington"]
    if not dc or not states or "washington state" in text.lower() or any(
            t.place.feature_code != "ADM1" and fold(t.place.admin1) == "washington" for t in placed):
        return placed
    gaz = get_gazetteer()
    rows = [r for r in gaz.rows_for("washington") if gaz.feature_code[r] == "PPLC" and gaz.country_code[r] == "US"]
    if not rows:
        return placed
    capital = gaz.place(rows[0])
    return [Toponym(t.span, capital, t.score) if any(t is u for u in states) else t for t in placed]


def foreign_country_in_local_news(t: Toponym, home: Home | None, placed: list[Toponym]) -> bool:
    """A foreign country named in a known US outlet's report on a home town, with no town of that
    country named ("born in Eritrea", "Jordan" a victim's name): no event's place."""
    p = t.place
    if home is None or home.outlet is None or p is None or p.feature_code not in ("PCLI", "PCL", "PCLD"):
        return False
    if p.country_code in ("", home.outlet.country_code) or home.place.country_code != home.outlet.country_code:
        return False
    return not any(u.place is not None and u.place.country_code == p.country_code and is_town(u.place)
                   for u in placed)


def abroad_and_alone(t: Toponym, placed: list[Toponym]) -> bool:
    """A town of a country no other name of the text is in, named bare in a text clearly about
    another country ("Whitehaven" of Memphis read as the English town): a local place the
    gazetteer lacks, not the event's place."""
    if not is_town(t.place) or _contained(t, placed):
        return False
    countries = Counter(u.place.country_code for u in placed if u.place is not None)
    top, n = countries.most_common(1)[0]
    cc = t.place.country_code
    return cc != top and n >= 3 and countries[cc] <= sum(1 for u in placed if fold(u.span.text) == fold(t.span.text))


def abroad_in_local_news(t: Toponym, home: Home | None, placed: list[Toponym]) -> bool:
    """A town or area of another country than a known US outlet's, named bare and alone of its
    country ("Birmingham police" read as England's, "Central Florida" as a Botswanan district): a
    local place misread, not the event's place."""
    p = t.place
    if home is None or home.outlet is None or p is None or p.country_code in ("", home.outlet.country_code):
        return False
    if p.feature_code in ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR") or _contained(t, placed):
        return False
    return not any(u.place is not None and u.place.country_code == p.country_code
                   and fold(u.span.text) != fold(t.span.text) for u in placed)


def region_abroad_in_us_news(t: Toponym, home: Home | None, placed: list[Toponym]) -> bool:
    """A region abroad ("Sinai", read so in a South Dakota report on the town of Sinai) named in a
    report on a US home town, alone of its country: a local place misread. Countries stay (a
    soldier "served in Afghanistan")."""
    p = t.place
    if home is None or p is None or home.place.country_code != "US" or p.country_code in ("", "US"):
        return False
    if is_town(p) or p.feature_code in ("PCLI", "PCL", "PCLD", "PCLF", "PCLS", "TERR"):
        return False
    return not any(u.place is not None and u.place.country_code == p.country_code
                   and fold(u.span.text) != fold(t.span.text) for u in placed)


def american_namesake(t: Toponym, text: str, placed: list[Toponym]) -> Place | None:
    """ "Birmingham police" in a report of the 1300 block of a street: the American town of the name
    (a sizeable one), for a town abroad named bare by a text that names nothing else of its country
    and uses the words of American local news."""
    p = t.place
    if p is None or not is_town(p) or p.country_code == "US" or _contained(t, placed):
        return None
    others = sum(1 for u in placed if u.place is not None and u.place.country_code == p.country_code
                 and fold(u.span.text) != fold(t.span.text))
    if others or not _american_words(text):
        return None
    gaz = get_gazetteer()
    rows = [r for r in gaz.rows_for(fold(t.span.text)) if gaz.country_code[r] == "US"
            and gaz.feature_code[r].startswith("PPL") and fold(gaz.name[r]) == fold(t.span.text)
            and gaz.population[r] >= home_cues()["us_namesake_min_population"]]
    return gaz.most_populous(rows)


def _american_words(text: str) -> bool:
    lower = text.lower()
    return any(cue in lower for cue in home_cues()["us_local_cues"])


def _neighbourhood_namesake(t: Toponym, home: Home, placed: list[Toponym]) -> bool:
    """ "Red Hook" in a Brooklyn report read as the upstate hamlet: a small town of the home's state,
    well away from a big home city, named without its state."""
    cues, p, h = home_cues(), t.place, home.place
    if home.how == "named" or not is_town(h) or h.population < cues["big_city_population"]:
        return False
    if p.population >= cues["small_town_population"] or _contained(t, placed):
        return False
    return flat_km(p.latitude, p.longitude, h.latitude, h.longitude) > cues["neighbourhood_km"]
