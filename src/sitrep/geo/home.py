"""Find the town a local news report is written about as a whole: its dateline, title, police force.

Local news names its town once in the dateline ("PUYALLUP, Wash. —", "STOCKTON-") or the title and
then only streets and neighbourhoods, some of which share a name with towns elsewhere ("the Austin
neighborhood" of a Chicago report). The home is what `locate` falls back to when the event's words
name no place, and what it prefers over a place of another state named without its state.
Failing all else, the outlet's own city (`site`: "nbcmiami.com", "... - 44News | Evansville, IN")
is the home; the outlet's state counts as a state the report names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sitrep.geo.distance import flat_km
from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.lexicon import load_data
from sitrep.geo.site import outlet_town, site_town
from sitrep.model import Document, Place, Span, Toponym

# after a dateline's town: an optional ", State" (any abbreviation), an optional "(AP)", then a dash
_DATELINE_TAIL = re.compile(r"(?:,\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s?(?:\([A-Za-z0-9 .]{2,12}\)\s?)?(?:—|–|--|-|:)")
_LINE_LEAD = " \t*×•|\"'“"
_TITLE_OUTLET = re.compile(r"\s(?:-|\||–|—)\s")  # "... shooting - KSLA News 12 Shreveport": the outlet follows
_NAME = r"((?:[A-Z][a-z]+[ .-]){0,2}[A-Z][a-z]+)"


@dataclass
class Home:
    """The report's town, the words naming it in the text and how it was found."""

    toponym: Toponym
    how: str  # "dateline", "title", "police", "named", "site"
    states: frozenset = frozenset()  # the first-level areas the report names (title included), folded
    dateline: Toponym | None = None  # the town of the dateline, if the report has one

    @property
    def place(self) -> Place:
        return self.toponym.place


@lru_cache(maxsize=1)
def home_cues() -> dict:
    return load_data("home_cues.yaml")


@lru_cache(maxsize=1)
def _police_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in home_cues()["police_nouns"])
    return re.compile(_NAME + r"\s(?i:" + nouns + r")\b")  # "Dayton police", "Chicago Police"


def is_town(place: Place | None) -> bool:
    return place is not None and place.feature_code.startswith("PPL")


def named_states(toponyms: list[Toponym]) -> set[str]:
    """The first-level areas (US states) the text names, itself or by a county, folded. A county's
    name ("Wayne County": a dozen states have one) counts only when it is the only county of that
    name or a town of the text lies in its state."""
    gaz = get_gazetteer()
    states = {fold(t.place.admin1) for t in toponyms if t.place is not None and t.place.feature_code == "ADM1"}
    town_states = {fold(t.place.admin1) for t in toponyms if is_town(t.place)}
    for t in toponyms:
        if t.place is None or t.place.feature_code != "ADM2" or not t.place.admin1:
            continue
        state = fold(t.place.admin1)
        namesakes = [r for r in gaz.lookup(t.span.text) if gaz.feature_code[r] == "ADM2"
                     and gaz.country_code[r] == t.place.country_code]
        if len(namesakes) == 1 or state in town_states:
            states.add(state)
    return states


def _pick_town(name: str, states: set[str], country: str, near: list[Place] = ()) -> Place | None:
    """The town a bare name means in a text of `country` naming `states`: the most populous namesake
    in a named state, else near the text's other towns, else in the country (a dateline without a
    state is a well-known town)."""
    gaz = get_gazetteer()
    rows = [r for r in gaz.lookup(name) if gaz.feature_code[r].startswith("PPL")
            and (gaz.country_code[r] == country or not country)]
    if not rows:
        local = [r for r in gaz.local_rows_for(fold(name)) if fold(gaz.admin1[r]) in states]
        return gaz.place(local[0]) if local else None
    stray = home_cues()["stray_km"]
    own = [r for r in rows if fold(gaz.name[r]) == fold(name)]
    rows = own or rows  # "Smyrna" is a Tennessee town's own name before it is an old name of Izmir
    preferred = [r for r in rows if fold(gaz.admin1[r]) in states] or [
        r for r in gaz.local_rows_for(fold(name)) if fold(gaz.admin1[r]) in states] or [
        r for r in rows if any(flat_km(gaz.lat[r], gaz.lon[r], p.latitude, p.longitude) <= stray for p in near)]
    return gaz.place(max(preferred or rows, key=lambda r: gaz.population[r]))


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


def _dateline(text: str, placed: list[Toponym], states: set[str], country: str) -> Toponym | None:
    """The town of a dateline ("PUYALLUP, Wash. —", "STOCKTON-") at the start of a line near the top."""
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
            place = _pick_town(t.span.text, {fold(container.place.admin1)}, container.place.country_code)
            return Toponym(t.span, place or t.place, t.score)
        place = _same_or_better(t.span.text, t, states, country)
        return Toponym(t.span, place or t.place, t.score)
    return None


def _find(text: str, name: str, doc_id: str, start: int = 0, end: int | None = None) -> Span | None:
    m = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)").search(text, start, len(text) if end is None else end)
    return Span(doc_id, m.start(), m.end(), m.group()) if m else None


def _title_names(doc: Document, country: str) -> tuple[list, set[str]]:
    """The place-name candidates of a title's headline (before the outlet's name), and the states
    the whole title names ("... - WSFA.com Montgomery Alabama news", "| Dayton, OH")."""
    from sitrep.geo.recognize import find_candidates, recognition_features

    title = doc.title or ""
    if not title.strip():
        return [], set()
    gaz = get_gazetteer()
    tokens, cands = find_candidates(title, gaz, with_demonyms=False)
    recognition_features(title, tokens, cands, gaz)
    outlet = _TITLE_OUTLET.search(title)
    headline_end = outlet.start() if outlet else len(title)
    states = set()
    for c in cands:
        if not c.state_abbreviation and any(gaz.feature_code[r].startswith("PPL") and gaz.population[r] > 100_000
                                            for r in c.rows):
            continue  # "Washington", "New York": a city as often as a state
        states.update(fold(gaz.admin1[r]) for r in c.rows if gaz.feature_code[r] == "ADM1"
                      and fold(gaz.name[r]) == c.key and (gaz.country_code[r] == country or not country))
    return [c for c in cands if c.end <= headline_end], states


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

    w = weights()
    for c in title_cands:
        # a title is too short to support its names: a weaker score will do, but never a common
        # word or a personal name, and the text must name the town as well
        score, threshold = recognition_score(c, w["recognition"]), w.get("threshold", 0.5)
        # a personal name ("Charlotte", "Raleigh") only when the title's own words make it a place
        if (not c.rows or c.features.get("common_word") or c.features.get("personal_name") and score < threshold
                or c.state_abbreviation or score < threshold / 3):
            continue
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
        others = _towns_but(placed, c.key)
        place = _same_or_better(c.text, same, states, country, others)
        # a name the text itself does not take for a place must be a town's own name, and near the
        # towns the text does name ("DeKalb" of a report on Decatur and Atlanta is the county)
        if place is not None and (same is not None or fold(place.name) == c.key and _close(place, others)):
            return Toponym(span, place, 0.5)
    return None


def _police_town(doc: Document, text: str, placed: list[Toponym], states: set[str], country: str) -> Toponym | None:
    not_towns = set(home_cues()["not_towns"])
    for m in _police_pattern().finditer(text):
        words = m.group(1).split()
        while words and fold(words[0]) in not_towns:  # "The Chicago Police": the town follows
            words.pop(0)
        if len(words) > 1 and fold(words[-1]) == "city" and not get_gazetteer().lookup(" ".join(words)):
            words.pop()  # "York City Police" is the police of York
        if not words or fold(words[-1]) in not_towns:
            continue
        name = " ".join(words)
        start = m.start(1) + m.group(1).index(name)
        same = next((u for u in placed if fold(u.span.text) == fold(name) and is_town(u.place)), None)
        place = _same_or_better(name, same, states, country, _towns_but(placed, fold(name)))
        if place is not None:
            return Toponym(Span(doc.id, start, start + len(name), name), place, 0.5)
    return None


def report_home(doc: Document, toponyms: list[Toponym]) -> Home | None:
    """The report's home town: dateline, else a town of the title, else the town of a police force
    it names, else a town it names twice or more (unless the outlet's web address names its city),
    else the outlet's city from its web address or its part of the title."""
    text = doc.text or ""
    body_end = doc.body_end()
    placed = [t for t in toponyms if t.place is not None and t.span.start < body_end]  # the headline is the title's
    countries = Counter(t.place.country_code for t in placed if t.place.country_code)
    country = countries.most_common(1)[0][0] if countries else ""
    title_cands, title_states = _title_names(doc, country)
    site = site_town(doc.url)
    outlet = site or outlet_town(doc.title)
    # the outlet's state counts as named: "Cleveland" in a report of a Chattanooga TV station
    states = named_states(placed) | title_states | ({fold(outlet.admin1)} if outlet is not None else set())
    dateline = _dateline(text, placed, states, country)
    found = _title_town(doc, text, placed, states, country, title_cands)
    if found is not None and site is not None and _far_namesake(found.place, site, states):
        found = None  # "Austin shooting" on chicago.cbslocal.com: the Austin neighbourhood, not Texas
    if found is not None and (dateline is None or fold(found.place.admin1) == fold(dateline.place.admin1)):
        # "NASHVILLE — ... a Springfield teen was shot": the dateline is where the reporter is, the
        # town of the title where it happened
        return Home(found, "title", frozenset(states), dateline)
    if dateline is not None:
        return Home(dateline, "dateline", frozenset(states), dateline)
    found = _police_town(doc, text, placed, states, country)
    if found is not None:
        return Home(found, "police", frozenset(states))
    towns = Counter(fold(t.place.name) for t in placed if is_town(t.place))
    if towns and site is None:
        name, n = towns.most_common(1)[0]
        if n >= 2:
            return Home(next(t for t in placed if is_town(t.place) and fold(t.place.name) == name), "named",
                        frozenset(states))
    if outlet is not None:
        # the outlet's city ("chicagotribune.com"): the evidence is an empty span carrying its name
        return Home(Toponym(Span(doc.id, 0, 0, outlet.name), outlet, 0.3), "site", frozenset(states))
    return None


def _far_namesake(town: Place, site: Place, states: set[str]) -> bool:
    """A town of another state than the outlet's city, far from it, whose state the report never
    names: likely a local place named like a town elsewhere."""
    return (fold(town.admin1) != fold(site.admin1) and fold(town.admin1) not in states
            and flat_km(town.latitude, town.longitude, site.latitude, site.longitude) > home_cues()["stray_km"])


def strays_from(t: Toponym, home: Home, text: str, placed: list[Toponym]) -> bool:
    """A town or district of the home's country, in another first-level area far from the home and
    named without its area ("Raleigh" in a Memphis report): a namesake of a local place."""
    p, h = t.place, home.place
    if p is None or not (p.feature_code.startswith("PPL") or p.feature_code in ("ADM2", "ADM3")):
        return False
    if p.country_code != h.country_code:
        # a town abroad named bare in a report datelined or titled at home ("Overtown" of Miami read
        # as a Scottish village): a local place the gazetteer lacks
        return home.how != "named" and not _contained(t, placed)
    if not p.admin1 or p.admin1 == h.admin1:
        return _neighbourhood_namesake(t, home, placed)
    if flat_km(p.latitude, p.longitude, h.latitude, h.longitude) <= home_cues()["stray_km"]:
        return False
    return not _contained(t, placed)


def _contained(t: Toponym, placed: list[Toponym]) -> bool:
    """ "Gary, Ind.", "Juarez, Mexico": the name is followed by the area or country holding it."""
    return any(u.span.start in range(t.span.end, t.span.end + 3) and u.place is not None
               and u.place.feature_code in ("ADM1", "PCLI", "PCL", "PCLD") for u in placed)


def namesake_near_home(t: Toponym, home: Home, placed: list[Toponym]) -> Place | None:
    """The place of the same name in the home's first-level area that is no stray itself, if the
    gazetteer has one."""
    gaz = get_gazetteer()
    key = fold(t.span.text)
    rows = [r for r in gaz.rows_for(key) if gaz.country_code[r] == home.place.country_code
            and gaz.admin1[r] == home.place.admin1 and (gaz.feature_code[r].startswith("PPL")
                                                        or gaz.feature_code[r] == "ADM2")]
    rows = [r for r in rows if not _neighbourhood_namesake(Toponym(t.span, gaz.place(r), t.score), home, placed)]
    return gaz.place(max(rows, key=lambda r: gaz.population[r])) if rows else None


def namesake_in_named_state(t: Toponym, states: set[str], placed: list[Toponym]) -> Place | None:
    """ "Jacksonville" read as Jacksonville, Fla. in a report that names Onslow County, N.C.: the
    town of that name in a state the report names, when the reading lies in none of them."""
    p = t.place
    if p is None or not states or not p.feature_code.startswith("PPL") or fold(p.admin1) in states:
        return None
    if _contained(t, placed):
        return None
    gaz = get_gazetteer()
    # any country: "Montgomery" read as the old name of Sahiwal (Pakistan) in an Alabama report
    key = fold(t.span.text)
    rows = [r for r in gaz.rows_for(key) if gaz.feature_code[r].startswith("PPL") and fold(gaz.admin1[r]) in states]
    return gaz.place(max(rows, key=lambda r: gaz.population[r])) if rows else None


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
    return gaz.place(max(rows, key=lambda r: gaz.population[r])) if rows else None


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
