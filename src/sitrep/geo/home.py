"""Find the town a local news report is written about as a whole: its dateline, title, police force.

Local news names its town once in the dateline ("PUYALLUP, Wash. —", "STOCKTON-") or the title and
then only streets and neighbourhoods, some of which share a name with towns elsewhere ("the Austin
neighborhood" of a Chicago report). The home is what `locate` falls back to when the event's words
name no place, and what it prefers over a place of another state named without its state.
Failing all else, the county or town the headline words of the page's address name
(`url_place`: a page that kept none of the story), else the outlet's own city (`site`:
"nbcmiami.com", "... - 44News | Evansville, IN") is the home; the outlet's state counts as a state
the report names (`named_states`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.named_states import local_county, named_states, outlet_states
from sitrep.geo.namesakes import big_city_namesake, home_cues, is_state_or_country, is_town, namesake_in_named_state
from sitrep.geo.outlets import known_outlet_town
from sitrep.geo.site import outlet_town, paper_town, site_town
from sitrep.geo.title_names import title_names
from sitrep.geo.url_place import url_place
from sitrep.model import Document, Place, Span, Toponym

# after a dateline's town: an optional ", State" (any abbreviation), an optional "(AP)", then a dash
_DATELINE_TAIL = re.compile(r"(?:,\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})?\s?(?:\([A-Za-z0-9 .]{2,12}\)\s?)?(?:—|–|--|-|:)")
_LINE_LEAD = " \t*×•|\"'“"
_WORD = r"[A-Z](?:[a-z]{1,2}[A-Z])?[a-z]+"  # "Dayton", "DeLand", "McAllen", "LaGrange"
_NAME = r"((?:" + _WORD + r"(?:\. |[ .-])){0,2}" + _WORD + ")"  # "Dayton", "Port St. Lucie"


@dataclass
class Home:
    """The report's town, the words naming it in the text and how it was found."""

    toponym: Toponym
    how: str  # "dateline", "title", "police", "named", "address" (its web address's words), "site"
    states: frozenset = frozenset()  # the first-level areas the report names (title included), folded
    dateline: Toponym | None = None  # the town of the dateline, if the report has one
    outlet: Place | None = None  # the town of the outlet, when its address or title names it

    @property
    def place(self) -> Place:
        return self.toponym.place


@lru_cache(maxsize=1)
def _police_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in home_cues()["police_nouns"])
    return re.compile(_NAME + r"\s(?i:" + nouns + r")\b")  # "Dayton police", "Chicago Police"


def _pick_town(name: str, states: set[str], country: str, near: list[Place] = ()) -> Place | None:
    """The town a bare name means in a text of `country` naming `states`: the most populous namesake
    in a named state, else near the text's other towns, else in the country (a dateline without a
    state is a well-known town)."""
    gaz = get_gazetteer()
    towns = [r for r in gaz.lookup(name) if gaz.feature_code[r].startswith("PPL")]
    # a named state wins over the text's country, which may rest on the same misreading
    # ("BIRMINGHAM, Ala (WIAT)" read as the English city makes the text's country Britain)
    rows = [r for r in towns if fold(gaz.admin1[r]) in states and fold(gaz.name[r]) == fold(name)] or [
        r for r in towns if gaz.country_code[r] == country or not country]
    if not rows:
        local = [r for r in gaz.local_rows_for(fold(name)) if fold(gaz.admin1[r]) in states]
        return gaz.place(local[0]) if local else None
    stray = home_cues()["stray_km"]
    own = [r for r in rows if fold(gaz.name[r]) == fold(name)]
    rows = own or rows  # "Smyrna" is a Tennessee town's own name before it is an old name of Izmir
    preferred = [r for r in rows if fold(gaz.admin1[r]) in states] or [
        r for r in gaz.local_rows_for(fold(name)) if fold(gaz.admin1[r]) in states] or [
        r for r in rows if any(flat_km(gaz.lat[r], gaz.lon[r], p.latitude, p.longitude) <= stray for p in near)]
    return gaz.most_populous(preferred or rows)


def _towns_but(placed: list[Toponym], key: str) -> list[Place]:
    """The towns the text names under other names than `key`."""
    return [t.place for t in placed if is_town(t.place) and fold(t.span.text) != key]


def _close(place: Place, others: list[Place]) -> bool:
    """Near one of the other towns, or there are none."""
    stray = home_cues()["stray_km"]
    return not others or any(flat_km(place.latitude, place.longitude, p.latitude, p.longitude) <= stray for p in others)


def _line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip(_LINE_LEAD)


def _dateline(text: str, placed: list[Toponym], states: set[str], country: str,
              outlet: Place | None = None) -> Toponym | None:
    """The town of a dateline ("PUYALLUP, Wash. —", "STOCKTON-") at the start of a line near the top.

    A known outlet's dateline naming a town its state lacks is a place of the outlet's own area the
    gazetteer does not hold, which the outlet's town stands for: "HOWLAND, Ohio (WKBN) —" (no
    Howland of Ohio in the gazetteer, not Howland, Maine) and "HOMEWOOD (KDKA) —" (a Pittsburgh
    neighbourhood, not Homewood, Ala.). Only towns of another state the report never names, too
    small for a wire service's dateline without a state, are read so ("INDIANAPOLIS (PIX11)" stays)."""
    for t in placed:
        if t.span.start > 600:
            break
        if not (_line_start(text, t.span.start) and _DATELINE_TAIL.match(text, t.span.end)):
            continue
        if not is_town(t.place):
            # "WASHINGTON (AP) —": a dateline names a town, here the capital, not the state
            town = _pick_town(t.span.text, set(), t.place.country_code) if t.place.feature_code == "ADM1" else None
            if town is None or town.population < 100_000:
                continue
            return Toponym(t.span, town, t.score)
        container = next((u for u in placed if u.span.start in range(t.span.end, t.span.end + 3)
                          and u.place.feature_code == "ADM1"), None)
        if container is not None:
            if fold(t.place.admin1) == fold(container.place.admin1):
                return t
            state = fold(container.place.admin1)
            place = _pick_town(t.span.text, {state}, container.place.country_code)
            if outlet is not None and (place is None or fold(place.admin1) != state):
                if fold(outlet.admin1) != state:
                    continue  # "MANCHESTER, IL (KMOX)": a town of another state the gazetteer lacks
                return Toponym(t.span, outlet, t.score)
            return Toponym(t.span, place or t.place, t.score)
        place = _same_or_better(t.span.text, t, states, country) or t.place
        if (outlet is not None and fold(place.admin1) not in states
                and place.population < home_cues()["wire_dateline_population"]):
            return Toponym(t.span, outlet, t.score)
        return Toponym(t.span, place, t.score)
    return None


def _find(text: str, name: str, doc_id: str, start: int = 0, end: int | None = None) -> Span | None:
    # speed: str.find with the tests of (?<!\w)name(?!\w), not a new pattern per name (40 us)
    stop, start = max(0, min(len(text), len(text) if end is None else end)), max(0, start)
    i = text.find(name, start, stop)
    while i >= 0:
        j = i + len(name)
        if not any(ch.isalnum() or ch == "_" for ch in (text[i - 1] if i else " ") + (text[j] if j < stop else " ")):
            return Span(doc_id, i, j, name)
        i = text.find(name, i + 1, stop)
    return None


def _same_or_better(name: str, same: Toponym | None, states: set[str], country: str,
                    near: list[Place] = ()) -> Place | None:
    """The town a name means: the text's own reading when it lies in a state the report names, or
    when no state is named and it is not a hamlet beside a big namesake (Detroit, Maine, read
    because "Oakland" is also a Maine town); else the most populous namesake (in a named state)."""
    if same is not None and fold(same.place.admin1) in states:
        return same.place
    # with no state named, the text's countries may rest on the same misreading (Houston, Scotland)
    best = _pick_town(name, states, country if states else "", near)
    if same is None:
        return best
    if best is not None and fold(same.place.name) != fold(name) and fold(best.name) == fold(name):
        return best  # "Greenwood police" read as an old name of Kansas City: the town of that name
    if not states and (best is None or same.place.population * 10 >= best.population):
        return same.place
    return best


def _title_town(doc: Document, text: str, placed: list[Toponym], states: set[str], country: str,
                title_cands: list) -> Toponym | None:
    """A town the title names ("Two dead in Killeen apartment shooting") that the body names too.

    `placed` are the body's toponyms: the headline paragraph that ingest adds is the title's own
    words, not a second naming."""
    from sitrep.geo.geoparse import recognition_score
    from sitrep.geo.lexicon import weights
    from sitrep.geo.place_words import treated_at

    w = weights()
    title = doc.title or ""
    # "Fort Worth man fatally shot while hunting near Azle": a town before a resident's noun is
    # where the victim lives, a weaker cue than another town of the title
    for c in sorted(title_cands, key=lambda c: _before_resident(title, c.end)):
        # a title is too short to support its names: a weaker score will do, but never a common
        # word or a personal name, and the text must name the town as well
        score, threshold = recognition_score(c, w["recognition"]), w.get("threshold", 0.5)
        # a personal name ("Charlotte", "Raleigh") only when the title's own words make it a place
        if (not c.rows or c.features.get("common_word") or c.features.get("personal_name") and score < threshold
                or c.state_abbreviation or score < threshold / 3):
            continue
        if treated_at(title, Toponym(Span(doc.id, c.start, c.end, c.text), None, 0.0)):
            continue  # "Man taken by air ambulance to Fargo": where the victim was taken
        body_end = doc.body_end()
        span = _find(text, c.text, doc.id, end=body_end)
        if span is None:
            # named in the title only: a text that names no town of its own leaves the title's
            # name unchallenged, so a weaker score will do
            if score < (threshold / 2 if not any(is_town(t.place) for t in placed) else threshold):
                continue
            # named in the title only: the evidence is the headline paragraph's words when ingest
            # added it, else an empty span at the text's start that carries the title's words
            span = _find(text, c.text, doc.id, body_end) or Span(doc.id, 0, 0, c.text)
        same = next((u for u in placed if fold(u.span.text) == c.key and is_town(u.place)), None)
        if same is None and any(fold(u.span.text) == c.key and is_state_or_country(u.place) for u in placed):
            continue  # "Florida man shoots friend" over a text naming the state: no town (of Uruguay)
        others = _towns_but(placed, c.key)
        place = _same_or_better(c.text, same, states, country, others)
        # a name the text itself does not take for a place must be a town's own name, and near the
        # towns the text does name ("DeKalb" of a report on Decatur and Atlanta is the county)
        if place is not None and (same is not None or fold(place.name) == c.key and _close(place, others)):
            return Toponym(span, place, 0.5)
    return None


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _before_resident(title: str, end: int) -> bool:
    """The title's word after `end` is a resident's noun ("Fort Worth man", "Springfield teen")."""
    m = _NEXT_WORD.match(title, end)
    return m is not None and m.group(1).lower() in home_cues()["resident_nouns"]


def _police_town(doc: Document, text: str, placed: list[Toponym], states: set[str], country: str,
                 outlet: Place | None = None) -> Toponym | None:
    """The town of the first police force the text names ("Dayton police"); in a known outlet's
    report that names places of the outlet's state, no small town of a state it never names
    ("Howland police" of a Youngstown station's report naming Trumbull County, Ohio: a township
    the gazetteer lacks, not Howland, Maine; "Lamesa police" of a wire story stays in Texas)."""
    not_towns, not_town_names = set(home_cues()["not_towns"]), set(home_cues()["not_town_names"])
    for m in _police_pattern().finditer(text):
        words = m.group(1).split()
        while words and fold(words[0]) in not_towns:  # "The Chicago Police": the town follows
            words.pop(0)
        if len(words) > 1 and fold(words[-1]) == "city" and not get_gazetteer().lookup(" ".join(words)):
            words.pop()  # "York City Police" is the police of York
        name = " ".join(words)
        if not words or fold(words[-1]) in not_towns or fold(name) in not_town_names:
            continue
        start = m.start(1) + m.group(1).index(name)
        same = next((u for u in placed if fold(u.span.text) == fold(name) and is_town(u.place)), None)
        place = _same_or_better(name, same, states, country, _towns_but(placed, fold(name)))
        if place is not None and fold(place.admin1) not in states and (
                place.population < home_cues()["big_namesake_population"] and local_county(name, states) is not None
                or outlet is not None and place.population < home_cues()["wire_dateline_population"]
                and any(fold(t.place.admin1) == fold(outlet.admin1) for t in placed)):
            # "DeKalb police" in an Atlanta report: the county's force (no town's, and not DeKalb,
            # Ill.); "Richmond police" in a Georgia station's report stays the big city's
            continue
        if place is not None:
            return Toponym(Span(doc.id, start, start + len(name), name), place, 0.5)
    return None


def report_home(doc: Document, toponyms: list[Toponym]) -> Home | None:
    """The report's home town (see `_report_home`), a far hamlet of a big city's name read as the city."""
    home = _report_home(doc, toponyms)
    if home is None or home.how == "site" or not is_town(home.place):
        return home
    if home.dateline is not None and home.dateline.place.admin1 == home.place.admin1:
        return home  # "PITTSBURGH — ... in Knoxville": a neighbourhood of the dateline's city
    big = big_city_namesake(home.place, home.outlet)
    if big is None:
        return home
    body = [t for t in toponyms if t.place is not None and t.span.start < doc.body_end()]
    country = home.outlet.country_code if home.outlet is not None else home.place.country_code
    named = named_states(body) | title_names(doc, country)[1]
    # a big city across a state line from the outlet's is its news however its state is named
    # ("Newark" of a New York City station's report is New Jersey's, not the upstate village)
    near_outlet = home.outlet is not None and flat_km(big.latitude, big.longitude, home.outlet.latitude,
                                                      home.outlet.longitude) <= home_cues()["stray_km"]
    if fold(home.place.admin1) in named and not near_outlet:
        return home  # "Oakland, Md." or a report naming Maryland: the town it names
    t = home.toponym
    return Home(Toponym(t.span, big, t.score), home.how, home.states | {fold(big.admin1)}, home.dateline, home.outlet)


def _report_home(doc: Document, toponyms: list[Toponym]) -> Home | None:
    """The report's home town: dateline, else a town of the title, else the town of a police force
    it names, else a town it names twice or more (unless the outlet's web address names its city),
    else the outlet's city from its web address or its part of the title."""
    text = doc.text or ""
    body_end = doc.body_end()
    placed = [t for t in toponyms if t.place is not None and t.span.start < body_end]  # the headline is the title's
    countries = Counter(t.place.country_code for t in placed if t.place.country_code)
    country = countries.most_common(1)[0][0] if countries else ""
    title_cands, title_states = title_names(doc, country)
    site = site_town(doc.url) or (None if toponyms else paper_town(doc.url))  # a stub naming no place: its paper's
    # a known outlet (a station's call letters, a paper's address) before a town read in its title
    known = known_outlet_town(doc)
    outlet = known or site or outlet_town(doc.title)
    if outlet is None:
        states = named_states(placed) | title_states
    else:
        country = outlet.country_code  # the text's own country may rest on misreadings (Birmingham, England)
        # the outlet's state counts as named: "Cleveland" in a report of a Chattanooga TV station
        states = outlet_states(placed, title_states, outlet)
        # a US outlet's report is about US towns: a town abroad is no home of it
        placed = [t for t in placed if t.place.country_code == outlet.country_code]
    dateline = _dateline(text, placed, states, country, known)
    found = _title_town(doc, text, placed, states, country, title_cands)
    if found is not None and (site or outlet) is not None and _far_namesake(found.place, site or outlet, states):
        found = None  # "Austin shooting" on chicago.cbslocal.com: the Austin neighbourhood, not Texas
    if found is not None and (dateline is None or fold(found.place.admin1) == fold(dateline.place.admin1)):
        # "NASHVILLE — ... a Springfield teen was shot": the dateline is where the reporter is, the
        # town of the title where it happened
        return Home(found, "title", frozenset(states), dateline, outlet)
    if dateline is not None:
        return Home(dateline, "dateline", frozenset(states), dateline, outlet)
    found = _police_town(doc, text, placed, states, country, known)
    if found is not None:
        return Home(found, "police", frozenset(states), outlet=outlet)
    # a known outlet's report: only towns of the states it names ("Shreveport" twice in a Tyler
    # station's report on a Marion County, Texas, shooting)
    towns = Counter(fold(t.place.name) for t in placed if is_town(t.place)
                    and (outlet is None or fold(t.place.admin1) in states))
    if towns and site is None:
        name, n = towns.most_common(1)[0]
        if n >= 2:
            return Home(next(t for t in placed if is_town(t.place) and fold(t.place.name) == name), "named",
                        frozenset(states), outlet=outlet)
    if outlet is not None:
        # a body that names no place of its own: the headline's ("Calaveras County teenager ...")
        found = _main_place_in(text, placed or [t for t in toponyms if t.place is not None
                                                and t.place.country_code == outlet.country_code], states)
        if found is not None:
            # "BATH COUNTY (WSLS 10) -": the report's own main place in the outlet's area before
            # the outlet's city, which is only the town of its market
            return Home(found, "named", frozenset(states), outlet=outlet)
        # a page that kept none of the story's words: the headline in its web address
        # ("...-in-gwinnett-county-shooting/"), an empty span carrying the place's name
        found = url_place(doc.url, states)
        if found is not None:
            return Home(Toponym(Span(doc.id, 0, 0, found.name), found, 0.3), "address", frozenset(states),
                        outlet=outlet)
        # the outlet's city ("chicagotribune.com"): the evidence is an empty span carrying its name
        return Home(Toponym(Span(doc.id, 0, 0, outlet.name), outlet, 0.3), "site", frozenset(states), outlet=outlet)
    return None


def _main_place_in(text: str, placed: list[Toponym], states: set[str]) -> Toponym | None:
    """The text's most named town or county that lies in a state the report names, read as its
    namesake there if need be ("Ford City" of a Pittsburgh station's report read as a Californian
    town); of names given as often, a town."""
    from sitrep.geo.place_words import treated_at

    found = []
    for t in placed:
        # "taken to University of Louisville Hospital": where the victim was treated is no home
        if is_state_or_country(t.place) or treated_at(text, t):
            continue
        moved = namesake_in_named_state(t, states, placed)
        t = Toponym(t.span, moved, t.score) if moved is not None else t
        # a place's own name, not one of its other names ("Wallace" of a trial report read as a
        # Washington hamlet once called so)
        own = fold(t.place.name) == fold(t.span.text) or t.place.feature_code == "ADM2"
        if own and fold(t.place.admin1) in states:
            found.append(t)
    if not found:
        return None
    counts = Counter(fold(t.span.text) for t in found)
    return max(found, key=lambda t: (counts[fold(t.span.text)], is_town(t.place), -t.span.start))


def _far_namesake(town: Place, site: Place, states: set[str]) -> bool:
    """A town of another state than the outlet's city, far from it, whose state the report never
    names: likely a local place named like a town elsewhere."""
    return (fold(town.admin1) != fold(site.admin1) and fold(town.admin1) not in states
            and flat_km(town.latitude, town.longitude, site.latitude, site.longitude) > home_cues()["stray_km"])
