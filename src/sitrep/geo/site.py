"""Read the town a news outlet names itself by: its web address ("nbcmiami.com") or its title tag.

A local outlet's host often carries its city, and a local outlet reports on its own area. The town
is a weak cue (a TV station names its market's city): `home.report_home` uses it only when the dateline, title, police force and the text's
own towns give no home. Only populous US towns are read (a name of 7 letters inside a host is a
city far more often when the city is big), and a state's name that covers the match wins
("kentuckynewera" is no report from Kent).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.model import Place

_HOST = re.compile(r"https?://([^/?#\s]+)")
_MIN_KEY = 5  # shorter names ("erie", "mesa") turn up inside unrelated words


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", fold(name))


@lru_cache(maxsize=1)
def _site_names() -> tuple[dict[str, int], frozenset[str]]:
    """Folded space-less names of the populous US towns (the biggest of a name) and of the states."""
    from sitrep.geo.home import home_cues

    gaz = get_gazetteer()
    least = home_cues()["site_town_min_population"]
    towns: dict[str, int] = {}
    states = set()
    for r in range(len(gaz)):
        if gaz.country_code[r] != "US":
            continue
        if gaz.feature_code[r] == "ADM1":
            states.add(_key(gaz.name[r]))
        elif gaz.feature_code[r].startswith("PPL") and gaz.population[r] >= least:
            key = _key(gaz.name[r])
            if len(key) >= _MIN_KEY and (key not in towns or gaz.population[r] > gaz.population[towns[key]]):
                towns[key] = r
    return towns, frozenset(states)


def host_of(url: str | None) -> str:
    """The outlet's host: the last address in the URL (archives wrap the original), lower case."""
    hosts = _HOST.findall(url or "")
    return hosts[-1].split(":")[0].lower() if hosts else ""


def site_town(url: str | None) -> Place | None:
    """The populous US town whose name begins or ends a label of the URL's host, the longest."""
    from sitrep.geo.home import home_cues

    host = host_of(url)
    if not host:
        return None
    towns, states = _site_names()
    ignored = set(home_cues()["site_ignored_labels"])
    best = ""
    for label in host.split(".")[:-1]:
        if label in ignored:
            continue
        label = re.sub(r"[^a-z]", "", label)
        for key in _ends(label):
            if key in towns and len(key) > len(best) and not _state_covers(label, key, states):
                best = key
    return get_gazetteer().place(towns[best]) if best else None


def _ends(label: str):
    """Every prefix and suffix of the label of at least _MIN_KEY letters."""
    for n in range(_MIN_KEY, len(label) + 1):
        yield label[:n]
        yield label[-n:]


def _state_covers(label: str, key: str, states: frozenset[str]) -> bool:
    """A state's name at the same end of the label, longer than the town's ("kentucky" over "kent")."""
    return any(len(s) > len(key) and (label.startswith(s) and label.startswith(key) or
                                      label.endswith(s) and label.endswith(key)) for s in states)


@lru_cache(maxsize=1)
def _paper_names() -> dict[str, int]:
    """Folded space-less own names of the US towns of `paper_town_min_population` (the biggest of a name)."""
    from sitrep.geo.home import home_cues

    gaz = get_gazetteer()
    least = home_cues()["paper_town_min_population"]
    towns: dict[str, int] = {}
    for r in range(len(gaz)):
        if gaz.country_code[r] == "US" and gaz.feature_code[r].startswith("PPL") and gaz.population[r] >= least:
            key = _key(gaz.name[r])
            if len(key) >= 3 and (key not in towns or gaz.population[r] > gaz.population[towns[key]]):
                towns[key] = r
    return towns


def paper_town(url: str | None) -> Place | None:
    """The US town a local paper's host is made of once its paper words are taken off either end
    ("delrionewsherald" -> Del Rio, "goerie" -> Erie): a weak cue, for a page naming no place."""
    from sitrep.geo.home import home_cues

    host = host_of(url)
    if not host:
        return None
    words = home_cues()["paper_host_words"]
    ignored = set(home_cues()["site_ignored_labels"])
    towns = _paper_names()
    for label in host.split(".")[:-1]:
        if label in ignored:
            continue
        cores, seen = [re.sub(r"[^a-z]", "", label)], set()
        while cores:
            core = cores.pop()
            if core in seen or len(core) < 3:
                continue
            seen.add(core)
            if core in towns and core != label:
                return get_gazetteer().place(towns[core])
            cores += [core[len(w):] for w in words if core.startswith(w)]
            cores += [core[:-len(w)] for w in words if core.endswith(w)]
    return None


TITLE_OUTLET = re.compile(r"\s(?:-|\||–|—|::)\s")  # "headline - WRCBtv.com | Chattanooga": the outlet's part follows
_STATE_AFTER = re.compile(r",?\s([A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_CAPITALIZED = re.compile(r"[A-Z][a-z]+(?:\.)?")


def outlet_town(title: str | None) -> Place | None:
    """The populous US town the outlet's part of a title names ("... - 44News | Evansville, IN"):
    the longest run of one to three capitalized words after the headline that is such a town."""
    parts = TITLE_OUTLET.split(title or "", maxsplit=1)
    if len(parts) < 2:
        return None
    towns, _ = _site_names()
    words = [(m.start(), m.end()) for m in _CAPITALIZED.finditer(parts[1])]
    best = ""
    for i in range(len(words)):
        for j in range(i, min(i + 3, len(words))):
            if j > i and parts[1][words[j - 1][1]:words[j][0]] != " ":
                break
            key = _key(parts[1][words[i][0]:words[j][1]])
            if key in towns and len(key) > len(best):
                best, end = key, words[j][1]
    if not best:
        return None
    gaz = get_gazetteer()
    state = _STATE_AFTER.match(parts[1], end)
    if state is not None:
        # "Columbus, GA": the town of that name in the state the outlet gives, however small
        named = fold(state.group(1))
        rows = [r for r in gaz.lookup(best) if gaz.country_code[r] == "US" and gaz.feature_code[r].startswith("PPL")
                and (fold(gaz.admin1[r]) == named or gaz.admin1_code[r] == "US." + state.group(1))]
        if rows:
            return gaz.most_populous(rows)
    return gaz.place(towns[best])


def outlet_home(url: str | None, title: str | None) -> Place | None:
    """The outlet's town: from its web address, else from the outlet's part of the title."""
    return site_town(url) or outlet_town(title)
