"""Read the place a report's web address names in its headline words ("...-in-gwinnett-county-shooting/").

A news site's address often carries the story's first headline as words joined by hyphens, and a
local headline names its county or town ("2-killed-3-injured-in-gwinnett-county-shooting"). When
the page kept no words of the story (a sign-in wall, a list of other headlines), these words are
the report's only place: `home.report_home` reads them before falling back to the outlet's city.
Only a county named with its noun, or a town named after "in/at/near", of a state the report names
(the outlet's), is read: a bare word of a headline is too often no place ("grand", "party").
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.lexicon import cues
from sitrep.geo.site import host_of
from sitrep.model import Place

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){3,}$")  # four words or more
_AREA_NOUNS = ("county", "parish")
_PLACE_WORDS = ("in", "at", "near")
_MAX_WORDS = 3


def _slugs(url: str | None) -> list[list[str]]:
    """The hyphenated headline segments of the address's path (of the last address in an archive's)."""
    host = host_of(url)
    if not host:
        return []
    lowered = unquote(url or "").lower()
    path = lowered[lowered.rfind(host) + len(host):].split("?")[0].split("#")[0]
    parts = (part.strip("-") for part in path.split("/"))  # a cut headline may end in a hyphen
    return [part.split("-") for part in parts if _SLUG.match(part)]


def _in_states(rows, states: set[str], feature) -> list[int]:
    gaz = get_gazetteer()
    return [r for r in rows if gaz.country_code[r] == "US" and feature(gaz.feature_code[r])
            and fold(gaz.admin1[r]) in states]


def url_place(url: str | None, states: set[str]) -> Place | None:
    """The county ("gwinnett-county") or the town after "in/at/near" that the address's headline
    words name, in one of `states` (folded US state names); the first named, None when none is."""
    if not states:
        return None
    gaz = get_gazetteer()
    for words in _slugs(url):
        for i, word in enumerate(words):
            if word in _AREA_NOUNS:
                for n in range(min(_MAX_WORDS, i), 0, -1):
                    rows = _in_states(gaz.lookup(" ".join(words[i - n:i + 1])), states, lambda fc: fc == "ADM2")
                    if rows:
                        return gaz.place(rows[0])
            elif word in _PLACE_WORDS:
                for n in range(min(_MAX_WORDS, len(words) - i - 1), 0, -1):
                    name = " ".join(words[i + 1:i + 1 + n])
                    if name in cues()["common_words"]:
                        continue  # "in-home", "at-park": a common word, though some hamlet bears it
                    rows = [r for r in _in_states(gaz.lookup(name), states, lambda fc: fc.startswith("PPL"))
                            if fold(gaz.name[r]) == name]  # the town's own name, not an old or local one
                    if rows:
                        return gaz.most_populous(rows)
    return None
