"""Give each Mention the place where ITS event happened, with ACLED's geo_precision and the evidence span.

Within the event's sentence(s), a place tied to the aftermath ("his funeral was held in Qalqilya")
loses, a town wins over the region or country that contains it, then a place after "in/at/near"
and the one closest to the event's words. With no place in the event's sentence, the report's home
(`home`: its dateline, title or police force's town) or else its main place is used, one step less
precise. A town of another state or country named bare ("in Raleigh" in a Memphis report) is read
as a local namesake: the place of that name near home, else the home itself, unless the home is
only the outlet's city and the name a big city's ("a Charlotte night club" on a Louisville station's
site). A name used inside a street's, park's or person's name ("Savannah Highway", "Martin Luther
King Jr.") is no place here. A dateline's city gives way to the smaller town of its state the
report tells as the scene (`scene.bureau_scene`: "NEW ORLEANS (AP) —" ... "in Charenton").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitrep.geo.county_towns import county_town
from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold, same_name
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.home import report_home
from sitrep.geo.namesakes import (abroad_and_alone, abroad_in_local_news, american_namesake, capital_not_state,
                                  far_city_of_outlet_page,
                                  foreign_country_in_local_news, home_cues, in_named_counties,
                                  namesake_in_named_state, namesake_near_home, region_abroad_in_us_news,
                                  strays_from)
from sitrep.geo.local_towns import towns_after_cues, towns_before_areas
from sitrep.geo.name_use import places_only
from sitrep.geo.place_words import (COUNTRY_CODES, WORD, a_cause, answered_event, place_cues, treated_at,
                                    word_after, words_before)
from sitrep.geo.scene import bureau_scene, scene_town
from sitrep.geo.written import as_written
from sitrep.model import NEAR, REGION, TOWN, Analysis, Mention, Place, Toponym

_AREA_CODES = ("ADM3", "ADM4")  # parts of a district; a governorate or province is a region (3)
_GATHERINGS = ("Protests", "Riots")  # event types whose words may tell an event they answer elsewhere
_STATE_CODES = COUNTRY_CODES + ("TERR",)  # a country or a territory: what an area named after a town may be
_UNIT_NOUNS = "village|town|township|city|commune|district|municipality|area|LGA"  # "Anka LGA (Zamfara)"
_BRACKET_AFTER = re.compile(rf" (?:(?:{_UNIT_NOUNS}|groupment) )?\(")
_LIST_GOES_ON = re.compile(r",? (?:and|or) ")
# "(Chagai, Balochistan)", "Tena (Napo)": an area named as what holds the name before it
_HOLDER_BEFORE = re.compile(r"(?:, |\()$")
# what stands between a town and the name of what holds it: "Cariamanga (Loja)", "Pervomaisk, Luhansk",
# "Baykan district of Siirt"
_HOLDS_NEXT = re.compile(rf"(?: (?:{_UNIT_NOUNS}))? \(|, | district of ")
_PART_KM = 30  # a neighbourhood this near a town the text names is that town's
_AREA_KM = 60  # "Town, Area": a town further than this from the area's point, outside it, is a namesake


def place_precision(place: Place, near: bool) -> int:
    """ACLED: 1 the named town, 2 near it or part of a district, 3 only a region/province/country."""
    fc = place.feature_code
    if fc.startswith("PPL"):
        return NEAR if near else TOWN
    if fc in _AREA_CODES:
        return NEAR
    return REGION


def _called_a_town(text: str, t: Toponym) -> bool:
    """ "Saada city", "Mopti town": the word after a name shared by an area and its main town says
    the town is meant (ACLED's precision of a town, not of the area)."""
    return word_after(text, t) in place_cues()["town_after"]


def _the_water(text: str, t: Toponym) -> bool:
    """ "attacks on shipping in the Red Sea": an admin area named like a sea or gulf, written with
    "the" and no "state" after it, is the water, where no event of the report's towns is placed."""
    if t.place is None or t.place.feature_code not in ("ADM1", "ADM2"):
        return False
    words = fold(t.span.text).split()
    if not words or words[-1] not in place_cues()["water_last_words"]:
        return False
    after = WORD.findall(text[t.span.end:t.span.end + 20])
    if after and fold(after[0]) in place_cues()["water_area_after"]:
        return False
    return words_before(text, t.span.start, 1) == ["the"]


def _is_near(text: str, t: Toponym) -> bool:
    return any(w in place_cues()["near"] for w in words_before(text, t.span.start, 3))


def _contradicted(text: str, t: Toponym, placed: list[Toponym]) -> bool:
    """ "Orikhove (Sievierodonetskyi, Luhansk)" resolved to an Orikhove of Crimea: the bracket after
    a town names a region or country that does not hold it, so the gazetteer lacks the real one."""
    if t.place is None or not t.place.feature_code.startswith("PPL"):
        return False
    if text[t.span.end:t.span.end + 2] == ", ":
        # "Senkivka, Chernihiv": the area named right after holds the town (a town named like its
        # area, "Chernihiv", stands for the area here); the gazetteer's Senkivka in Kyiv oblast is
        # another village
        u = next((u for u in placed if u.span.start == t.span.end + 2 and u.place is not None), None)
        if u is None or u.place.country_code == "US":
            return False  # "Springfield, Ohio": US states are read by the namesake rules
        if _LIST_GOES_ON.match(text, u.span.end):
            return False  # "in Hajjah, Marib, and Sadah": a list of places, none holding another
        fc = u.place.feature_code
        if fc in _STATE_CODES:
            return u.place.country_code != t.place.country_code
        area = fc == "ADM1" or (fc.startswith("PPL") and fold(u.place.name) == fold(u.place.admin1 or ""))
        # an area name shared by countries ("Southern") holds the town if any of them does;
        # a town near the area's point sits by its border, where the gazetteer's areas may differ
        # from the writer's (Kyiv city is an area of its own, "Irpin, Kyiv" means the oblast)
        if not area:
            return False
        if u.place.country_code != t.place.country_code:  # "Kwande, Benue": Benue is Nigeria's
            return _named_as_written(u) and not _may_hold(u.span.text, t.place)
        return (u.place.admin1 != t.place.admin1
                and flat_km(u.place.latitude, u.place.longitude, t.place.latitude, t.place.longitude) > _AREA_KM)
    opened = _BRACKET_AFTER.match(text, t.span.end)  # "Pale township (Yinmarbin district, Sagaing region)"
    if opened is None:
        return False
    close = text.find(")", opened.end(), opened.end() + 120)
    for u in placed:
        if u.place is None or not (t.span.end < u.span.start and u.span.end <= close):
            continue
        if u.place.feature_code == "ADM1" or u.place.feature_code in _STATE_CODES:
            contradicts = u.place.country_code != t.place.country_code or (
                u.place.feature_code == "ADM1" and u.place.admin1 != t.place.admin1)
            # "Mohali (SAS Nagar district, Punjab)": an area's name may be read as another country's
            # area of that name; only a name no area holding the town bears contradicts it
            return contradicts and _named_as_written(u) and not _may_hold(u.span.text, t.place)
        if u.place.country_code != t.place.country_code:
            # "Mala (Harib, Marib)": the districts named in brackets, read as towns, lie in Yemen;
            # the gazetteer's only Mala is in Peru
            return _named_as_written(u) and not _may_hold(u.span.text, t.place, any_kind=True)
    return False


def _named_as_written(u: Toponym) -> bool:
    """Is the area the place of that very name ("Benue"), not a looser reading ("Southern" read as
    Israel's "Southern District"), which is no evidence against a town of another country?"""
    return same_name(u.span.text, u.place.name)


def _may_hold(name: str, town: Place, any_kind: bool = False) -> bool:
    """Does any country or first-level area called `name` hold the town (`any_kind`: or is
    any place of that name in the town's country)?"""
    if town.admin1 and same_name(name, town.admin1):
        return True  # "Lilongwe (Lilongwe City, Central)": the index keeps such common names for few areas
    gaz = get_gazetteer()
    for r in gaz.lookup(name):
        if gaz.country_code[r] != town.country_code:
            continue
        if any_kind or gaz.is_country(r) or (gaz.feature_code[r] == "ADM1" and gaz.admin1[r] == town.admin1):
            return True
    return False


def _rank(text: str, t: Toponym, anchor: int) -> tuple:
    """Lower is better: not aftermath, a town, an area before a country ("in Yemen airspace (Kitaf
    wa Al Boqee, Sadah)"), after an event preposition, close to the event words."""
    wider = words_before(text, t.span.start, 10)
    before = wider[-4:]
    cues = place_cues()
    aftermath = any(w in cues["aftermath"] for w in before)
    if aftermath:  # "in front of the court in Lilongwe": the building is where the crowd stood
        last = max(i for i, w in enumerate(wider) if w in cues["aftermath"])
        aftermath = not any(w in cues["site_before_aftermath"] for w in wider[max(0, last - 5):last])
    at = (bool(before) and before[-1] in cues["at"] or len(before) > 1 and before[-2] in cues["near"]
          or len(before) > 1 and before[-1] == "of" and before[-2] in cues["place_nouns"])
    return (aftermath, not _fine(t.place), t.place.feature_code in _STATE_CODES, not at, abs(t.span.start - anchor))


def _in_the_areas_country(text: str, inside: list[Toponym], placed: list[Toponym]) -> list[Toponym]:
    """ "in Kwayt Chaung village (Yinmarbin district, Sagaing region)": the provinces and districts
    the sentence names, all of one country and named so in no other, set its country; a namesake
    abroad ("Kuwait") gives way. An area named bare, not as what holds a name before it, sets no
    country when the text names more places of another ("members of the Mara Salvatrucha" in a
    report on Soyapango, San Salvador): it is the namesake."""
    areas = [t for t in inside if t.place.feature_code in ("ADM1", "ADM2")
             and _named_as_written(t) and _area_of_one_country(t.span.text)]
    countries = {t.place.country_code for t in areas}
    if len(countries) != 1:
        return inside
    code = countries.pop()
    if not any(_HOLDER_BEFORE.search(text, max(0, t.span.start - 2), t.span.start) for t in areas):
        names = Counter(cc for cc, _ in {(t.place.country_code, fold(t.span.text)) for t in placed})
        if any(n > names[code] for other, n in names.items() if other != code):
            return inside
    return [t for t in inside if t.place.country_code == code] or inside


def _area_of_one_country(name: str) -> bool:
    """Do all the areas so named lie in one country ("Sagaing"; not "Punjab", "Misiones", "Central")?"""
    gaz = get_gazetteer()
    return len({gaz.country_code[r] for r in gaz.lookup(name)
                if gaz.feature_code[r] in ("ADM1", "ADM2") or gaz.is_country(r)}) == 1


def _fine(place: Place) -> bool:
    """A town or a part of a district."""
    return place.feature_code.startswith("PPL") or place.feature_code in _AREA_CODES


def _below_region(place: Place) -> bool:
    """A town or a district, not a first-level region or a country."""
    return _fine(place) or place.feature_code == "ADM2"


def _part_of_town(text: str, t: Toponym) -> bool:
    """Is the name (the start of) a ward's or neighbourhood's: "Aung Myay Man Ward", "Cerrito neighborhood"?"""
    for word in WORD.findall(text, t.span.end, t.span.end + 40)[:3]:
        if fold(word) in place_cues()["part_of_town_after"]:
            return True
        if not word[0].isupper():
            return False
    return False


def _holder_names(text: str, placed: list[Toponym]) -> set[str]:
    """Names the text writes as what holds a town or district of the same country right before them:
    "Cariamanga (Loja)", "Pervomaisk, Luhansk", "Baykan district of Siirt" (folded)."""
    out = set()
    for t in placed:
        gap = _HOLDS_NEXT.match(text, t.span.end)
        if gap is None or not _below_region(t.place):
            continue
        u = next((u for u in placed if u.span.start == gap.end()), None)
        if (u is not None and u.place.country_code == t.place.country_code
                and u.place.feature_code not in _STATE_CODES and fold(u.span.text) != fold(t.span.text)
                and not _LIST_GOES_ON.match(text, u.span.end)):
            out.add(fold(u.span.text))
    return out


def _parts_and_holders(text: str, inside: list[Toponym], holders: set[str]) -> list[Toponym]:
    """The event's places less the names that only hold or divide another: a holder (wherever the
    text names it again: "the farmers of Castelo Branco ... through Fundao (Castelo Branco)"), and a
    part of a town ("Aung Myay Man Ward") that the gazetteer's Aung Myay, far off, is not; ACLED
    codes such an event at the town."""
    parts = {id(t): t for t in inside if _part_of_town(text, t)}
    # a neighbourhood the gazetteer has ("the East Garfield Park neighborhood" of Chicago) stays: it
    # lies by the town the text names with it
    far = {k for k, t in parts.items() if not any(
        id(u) not in parts and flat_km(t.place.latitude, t.place.longitude, u.place.latitude, u.place.longitude)
        <= _PART_KM for u in inside)}
    kept = [t for t in inside if fold(t.span.text) not in holders and id(t) not in far]
    # only for a town or district left to stand for them (not in "Yuregir, Adana" when Yuregir fell as
    # a hospital's town)
    return kept if any(_below_region(t.place) for t in kept) else inside


def _without_holders(inside: list[Toponym]) -> list[Toponym]:
    """ "NOBLE COUNTY, Ind. -": the event happened in the county; the state named with it only
    holds it, so a first-level area drops out when the sentence names one of its districts."""
    held = {(t.place.country_code, t.place.admin1) for t in inside if t.place.feature_code == "ADM2"}
    return [t for t in inside if not (t.place.feature_code == "ADM1"
                                      and (t.place.country_code, t.place.admin1) in held)] or inside


def main_place(toponyms: list[Toponym]) -> Toponym | None:
    """The document's main place: the most named town, else the most named area."""
    placed = [t for t in toponyms if t.place is not None]
    if not placed:
        return None
    counts = Counter((t.place.geonameid, t.place.name) for t in placed)

    def key(t: Toponym):
        fine = _fine(t.place)
        # of areas, a district before its state or country however often they are named
        # ("Putnam County, FL: ..." of a sheriff's note naming Florida three times)
        return (fine, t.place.feature_code == "ADM2", counts[(t.place.geonameid, t.place.name)], -t.span.start)

    return max(placed, key=key)


def _pointed(place: Place) -> Place:
    """The place, a US county at its biggest town's point (the gazetteer's county points are coarse)."""
    return county_town(place) or place


def namesake_town(place: Place, said: str = "") -> Place:
    """For an admin area named like its main town ("Chattogram", "Jenin" governorate), the town:
    events happen at places, and ACLED codes the town with the area's precision. The area's name
    or the name the text `said` ("Haifa" for Haifa District) may be the town's."""
    if place.feature_code not in ("ADM1", "ADM2"):
        return place
    gaz = get_gazetteer()
    for name in dict.fromkeys(n for n in (place.name, said) if n):  # the text's name, when it differs, second
        towns = [r for r in gaz.lookup(name) if gaz.feature_code[r].startswith("PPL")
                 and gaz.country_code[r] == place.country_code and gaz.population[r] >= 1000
                 and flat_km(gaz.lat[r], gaz.lon[r], place.latitude, place.longitude) < 150
                 # the text's name must be the town's own ("Parwan" is another name of Jabal os Saraj)
                 and (name == place.name or fold(gaz.name[r]) == fold(name))]
        town = gaz.most_populous(towns)
        if town is not None:
            return replace(town, name=name) if fold(town.name) != fold(name) and not town.name.isascii() else town
    return place


_OTHER_COUNTY_KM = 40
_REPORTER_KM = 150  # a title's town this near a dateline's other town is a town of the reporter's area
_COUNTY_WORDS = re.compile(r"\s+(?:county|parish|borough|census area|city and borough)$")


def _county_key(name: str) -> str:
    """ "Greene County" and "Greene" (a town's county as the gazetteer gives it) -> "greene"."""
    return _COUNTY_WORDS.sub("", fold(name))


def _town_within(area: Place, main: Toponym | None) -> Toponym | None:
    """The report's main town when it lies in the county/state the event's sentence names."""
    if main is None or area.feature_code not in ("ADM1", "ADM2"):
        return None
    town = main.place
    if town.country_code != area.country_code or town.admin1 != area.admin1:
        return None
    if area.feature_code == "ADM1" and town.feature_code == "ADM2" and town.country_code == "US":
        return main  # "Kentucky State Police says" in a report on a Hart County shooting: the county
    if not town.feature_code.startswith("PPL"):
        return None
    if area.feature_code == "ADM1" or town.admin2 and town.admin2 == area.admin2:
        return main
    if (area.country_code == "US" and town.admin2 and _county_key(town.admin2) != _county_key(area.name)
            and flat_km(town.latitude, town.longitude, area.latitude, area.longitude) > _OTHER_COUNTY_KM):
        # "a Hart County teen was taken to University of Louisville Hospital": a town of another
        # county, and far (the gazetteer's county of a small town is not always right)
        return None
    # a district the town is not known to lie in: only US counties, small next to their state,
    # are trusted to hold the report's town (the datelined town of local news)
    return main if area.country_code == "US" else None


def _reporter_dateline(home) -> bool:
    """The home is a town of the title near, but other than, the dateline's town (a title's town far
    from the dateline's is more likely a neighbourhood of it: "Knoxville" under "PITTSBURGH"), or a
    town of the dateline's state too big to be one ("Roswell man accused" under "ALBUQUERQUE, N.M.")."""
    if home is None or home.how != "title" or home.dateline is None:
        return False
    town, dateline = home.place, home.dateline.place
    if fold(town.name) == fold(dateline.name):
        return False
    return flat_km(town.latitude, town.longitude, dateline.latitude, dateline.longitude) <= _REPORTER_KM or (
        fold(town.admin1) == fold(dateline.admin1) and town.population >= home_cues()["small_town_population"])


def _same_place(a: Place, b: Place | None) -> bool:
    """The same town by country, first-level area and name (a county's point may stand for it)."""
    return b is not None and (a.country_code, a.admin1, fold(a.name)) == (b.country_code, b.admin1, fold(b.name))


def locate(analysis: Analysis, mentions: list[Mention], toponyms: list[Toponym]) -> list[Mention]:
    """Set `place`, `geo_precision` and `evidence["place"]` on each mention that has none yet."""
    text = analysis.doc.text or ""
    placed = [t for t in toponyms if t.place is not None]
    # "Spain St.", "Officer Davis": names of streets and people are no event's place nor the home
    placed = in_named_counties(capital_not_state(places_only(text, placed), text))
    # "SNOWVILLE, Box Elder County -": a small town the name index leaves out, named with its area
    placed = towns_before_areas(text, placed, analysis.doc.id)
    home = report_home(analysis.doc, placed)
    if home is not None and home.place.country_code == "US" and home.place.admin1:
        # "hunting near Delia" in a Kansas report: the small Kansas town, not Delia of Sicily
        placed = towns_after_cues(text, placed, home.place.admin1, analysis.doc.id)
    if home is not None and american_namesake(home.toponym, text, placed) is not None:
        home.toponym = Toponym(home.toponym.span, american_namesake(home.toponym, text, placed), home.toponym.score)
    if home is not None:
        # the home's name means the home wherever the report repeats it ("STOCKTON-" ... "in Stockton")
        key = fold(home.toponym.span.text)
        placed = [Toponym(t.span, home.place, t.score) if fold(t.span.text) == key else t for t in placed]
    fallback = home.toponym if home is not None else main_place(placed)
    # "The US military said its forces had struck...": a country naming a force is no place of the event
    forces = [(a.span.start, a.span.end) for a in analysis.actors]
    placed_as_places = [t for t in placed if not (t.place.feature_code in COUNTRY_CODES and any(
        s <= t.span.start and t.span.end <= e for s, e in forces)) and not _the_water(text, t)]
    holders = _holder_names(text, placed)
    for m in mentions:
        if m.place is not None:
            continue
        inside = [t for t in placed_as_places if m.span.start <= t.span.start and t.span.end <= m.span.end]
        trigger = m.evidence.get("event_type") or m.evidence.get("sub_event_type")
        anchor = trigger.start if trigger else m.span.start
        # "demonstrated in Dresden ... 'in solidarity with Russia' concerning the war in Ukraine":
        # with only such places in its words, the event is at the report's place
        inside = [t for t in inside if not a_cause(text, t)]
        if m.event_type in _GATHERINGS:
            inside = [t for t in inside if not answered_event(text, t)]
        wrong = {id(t) for t in inside if _contradicted(text, t, placed)}
        inside = [t for t in inside if id(t) not in wrong] or inside
        inside = _in_the_areas_country(text, inside, placed)
        if _reporter_dateline(home):
            # "NASHVILLE (WKRN) - A teen was shot" under "Springfield teen shot": the dateline is
            # where the reporter is, the title's town where it happened
            inside = [t for t in inside if t.span.start != home.dateline.span.start]
        inside = [Toponym(t.span, american_namesake(t, text, placed) or t.place, t.score) for t in inside]
        inside = [t for t in inside if not abroad_and_alone(t, placed) and not abroad_in_local_news(t, home, placed)
                  and not foreign_country_in_local_news(t, home, placed)
                  and not region_abroad_in_us_news(t, home, placed)]
        if inside and home is not None and home.states:
            inside = [Toponym(t.span, namesake_in_named_state(t, home.states, placed) or t.place, t.score)
                      for t in inside]
        if inside and home is not None:
            # "shot five people in Raleigh" in a report datelined Memphis: Raleigh, N.C. is a namesake
            # of a local place; the place of that name near home, else the home itself
            local = [t for t in inside if not strays_from(t, home, text, placed)]
            if local:
                inside = local
            else:
                inside = [Toponym(t.span, namesake_near_home(t, home, placed) or (
                    t.place if far_city_of_outlet_page(t, home, text) else None), t.score) for t in inside]
                inside = [t for t in inside if t.place is not None]
        if inside and home is not None:
            # "was flown to Primary Children's Hospital in Salt Lake City": where the victim was taken,
            # not where the event happened; with only such places, the report's home
            inside = [t for t in inside if not treated_at(text, t)]
        if inside:
            candidates = _without_holders(_parts_and_holders(text, inside, holders))
            best = min(candidates, key=lambda t: _rank(text, t, anchor))
            m.geo_precision = place_precision(best.place, _is_near(text, best))
            m.place = _pointed(namesake_town(best.place, best.span.text))
            if not best.place.feature_code.startswith("PPL") and m.place.feature_code.startswith("PPL") \
                    and _called_a_town(text, best):  # an area read as its namesake town, called a town
                m.geo_precision = place_precision(m.place, _is_near(text, best))  # "outskirts of Saada city"
            town = _town_within(best.place, fallback)
            if town is None and home is not None and home.how != "named" and best.place.feature_code in (
                    "PCLI", "PCL", "PCLD") and best.place.country_code == home.place.country_code:
                town = home.toponym  # "the deadliest shooting in the U.S. this year" in a datelined report
            if town is not None:
                # "a Greene County man" in a report datelined Paragould: the report's town, near it
                best, m.place, m.geo_precision = town, _pointed(town.place), NEAR
        elif fallback is not None:
            best = fallback
            # the event's own words name no place: the report's main place, one step less precise
            m.geo_precision = min(REGION, place_precision(best.place, _is_near(text, best)) + 1)
            m.place = _pointed(namesake_town(best.place, best.span.text))
        else:
            continue
        # (a round-up's other shootings are told elsewhere in it: their towns are no scene of this one)
        if not m.part and home is not None and home.dateline is not None and _same_place(m.place, home.dateline.place):
            # "NEW ORLEANS (AP) — ... in south Louisiana" then "the scene of the shootings in
            # Charenton": the dateline is the reporter's city, the scene town where it happened
            scene = bureau_scene(text, placed, home.dateline, m.span.start, m.span.end)
            if scene is not None:
                best, m.place = scene, _pointed(scene.place)
                m.geo_precision = NEAR if _is_near(text, scene) else TOWN
        if m.geo_precision >= NEAR and not m.part:
            # "Wilkes County deputies said ..." then "The incident occurred ... in Thurmond": the scene
            scene = scene_town(text, placed, m.place, m.span.start, m.span.end)
            if scene is not None and fold(scene.place.name) != fold(m.place.name):
                best, m.place, m.geo_precision = scene, _pointed(scene.place), TOWN
        m.evidence["place"] = replace(best.span)
    for m in mentions:  # last: the rules above compare the gazetteer's names with the text's
        m.place = as_written(m.place)
    return mentions
