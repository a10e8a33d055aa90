"""Read the town of a known US news outlet: a station's call letters or a paper's web address.

"wsls.com", "wistv.com", "(WSLS 10)" after a dateline and "- KSLA News 12" in a title all name a
station, and a station reports from its market's main town (data/us_outlets.yaml). The town is a
weak cue to the report's home; its state is a strong cue to which namesake a bare town name means
("Danville" in a Roanoke station's report is Danville, Va.).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.lexicon import load_data, us_state_codes
from sitrep.geo.site import TITLE_OUTLET, host_of
from sitrep.model import Document, Place

_CALL_LETTERS = re.compile(r"^[kw][a-z]{2,3}$")
# what follows the call letters in a station's web address: "wistv", "wmcactionnews5", "wyff4"
_HOST_TAIL = re.compile(r"(?:tv|news|now|live|online|actionnews|newsnow|digital)?\d*$")
# "(WSLS 10)", "(KAIT)", "(WKRN-TV)" near a report's start: the station that wrote it
_TEXT_CALL = re.compile(r"\(([KW][A-Z]{2,3})(?:-?TV)?(?:[ -]?\d{1,2})?\)")
_TITLE_CALL = re.compile(r"(?<![\w.])([KW][A-Z]{2,3})(?:-?TV)?(?![a-z])")
_TEXT_WINDOW = 300


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    data = load_data("us_outlets.yaml")
    return ({str(k).lower(): v for k, v in data["stations"].items()},
            {str(k).lower(): v for k, v in data["papers"].items()})


@lru_cache(maxsize=1024)
def _town(value: str) -> Place | None:
    """ "Roanoke, VA" -> the most populous populated place of that name in that state."""
    from sitrep.geo.gazetteer import get_gazetteer

    name, _, code = value.rpartition(",")
    gaz = get_gazetteer()
    rows = [r for r in gaz.lookup(name.strip()) if gaz.country_code[r] == "US"
            and gaz.feature_code[r].startswith("PPL") and gaz.admin1_code[r] == "US." + code.strip()]
    return gaz.most_populous(rows)


@lru_cache(maxsize=1)
def _national_sections() -> frozenset[str]:
    return frozenset(load_data("us_outlets.yaml").get("national_sections", ()))


def _from_afar(url: str, host: str) -> bool:
    """ "nydailynews.com/news/national/...": a section of news from elsewhere."""
    at = url.lower().find(host)
    path = url.lower()[at + len(host):].split("?")[0] if at >= 0 else ""
    return any(part in _national_sections() for part in path.split("/")[:4])


@lru_cache(maxsize=1)
def _city_sections() -> dict[str, dict[str, str]]:
    return load_data("us_outlets.yaml").get("city_sections") or {}


def _section_town(url: str, host: str) -> Place | None:
    """ "dnainfo.com/chicago/...": the town of a city section of a site that has one per city."""
    sections = _city_sections()
    for label in host.split(".")[:-1]:
        if label in sections:
            at = url.lower().find(host)
            parts = url.lower()[at + len(host):].split("/")[:3] if at >= 0 else []
            return next((_town(sections[label][p]) for p in parts if p in sections[label]), None)
    return None


@lru_cache(maxsize=1)
def _state_town_sites() -> tuple[frozenset[str], dict[str, str]]:
    """The sites with a section per state and town, and the states' postal codes by folded name."""
    sites = frozenset(load_data("us_outlets.yaml").get("state_town_sections", ()))
    return sites, {fold(name): code for code, name in us_state_codes().items()}


def _state_section_town(url: str, host: str) -> Place | None:
    """ "patch.com/georgia/decatur/...": the town of the section in the state of the section, or
    its first word's ("illinois/channahon-minooka" -> Channahon, Ill.)."""
    sites, codes = _state_town_sites()
    if not any(label in sites for label in host.split(".")):
        return None
    at = url.lower().find(host)
    parts = [p for p in url.lower()[at + len(host):].split("?")[0].split("/") if p and not p.startswith(":")]
    if len(parts) < 2 or at < 0:
        return None
    code = codes.get(fold(parts[0].replace("-", " ")))
    if code is None:
        return None
    words = parts[1].split("-")
    return _town(f"{' '.join(words)}, {code}") or _town(f"{words[0]}, {code}")


def _host_town(url: str | None) -> Place | None:
    stations, papers = _outlets()
    if url and _from_afar(url, host_of(url)):
        return None
    section = (_section_town(url, host_of(url)) or _state_section_town(url, host_of(url))) if url else None
    if section is not None:
        return section
    for label in host_of(url).split(".")[:-1]:
        if label in papers:
            return _town(papers[label])
        if label in stations:
            return _town(stations[label])
        stem = _HOST_TAIL.sub("", label)
        if stem != label and _CALL_LETTERS.match(stem) and stem in stations:
            return _town(stations[stem])
    return None


def _station_of(calls) -> Place | None:
    stations, _ = _outlets()
    return next((_town(stations[c.lower()]) for c in calls if c.lower() in stations), None)


def _text_station(doc: Document) -> Place | None:
    """The station a dateline's brackets name: "(WMC) -" is the station that wrote the report."""
    return _station_of(m.group(1) for m in _TEXT_CALL.finditer((doc.text or "")[:_TEXT_WINDOW]))


def _title_station(doc: Document) -> Place | None:
    parts = TITLE_OUTLET.split(doc.title or "", maxsplit=1)
    return _station_of(m.group(1) for m in _TITLE_CALL.finditer(parts[1])) if len(parts) > 1 else None


def known_outlet_town(doc: Document) -> Place | None:
    """The town of the outlet that wrote the report: the station a dateline's brackets name (a
    sister station's story run on another's site: "(WMC) -" on walb.com is a Memphis report), else
    the known US outlet of its web address, else the station its title names."""
    return _text_station(doc) or _host_town(doc.url) or _title_station(doc)
