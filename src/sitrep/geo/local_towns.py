"""Read the small US towns of the ZIP list where the words themselves mark them as places of a state.

The name index leaves these towns out (`us_towns`): their names are words and surnames as often as
towns. Two uses still mark a name as the town: written just before its state or county ("SNOWVILLE,
Box Elder County -", "RHINE, Georgia (WMGT) -"), and after "in", "near", "outside" or "west of" in a
report whose home lies in that state ("hunting near Delia" in a Kansas report). The town replaces
whatever the recognizer read there outside that state (Delia of Sicily, Tonopah of Nevada); a
reading inside the state stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.folding import fold
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.lexicon import cues
from sitrep.model import Place, Span, Toponym

_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-]*")
_RUN_BEFORE = re.compile(r"((?:[A-Z][A-Za-z'’\-]*[ \t]+){0,3}[A-Z][A-Za-z'’\-]*),[ \t\xa0]+$")
# (a literal space first: the pattern is searched for fast; "of" counts after a direction only)
_AFTER_CUE = re.compile(r" (in|near|outside|of)[ \t]+((?:[A-Z][A-Za-z'’\-]*)(?:[ \t]+[A-Z][A-Za-z'’\-]*){0,3})")
_DIRECTION = re.compile(r"(?:north|south|east|west)(?:east|west)?$")
_MAX_WORDS = 4
_AREA_CODES = ("ADM1", "ADM2")


@lru_cache(maxsize=1)
def _not_towns() -> frozenset[str]:
    """Words and first names that are also small towns' names ("May", "Hope", "Union"): never read
    as a town on these weak grounds, nor a name followed by a street's or a building's word."""
    c = cues()
    return c["common_words"] | c["also_personal_names"] | c["place_nouns_after"] | c["facility_nouns"]


def _local_row(key: str, admin1: set[str]) -> int | None:
    """The one town of the ZIP list of that name in one of the states, if there is exactly one."""
    if key in _not_towns():
        return None
    gaz = get_gazetteer()
    rows = [r for r in gaz.local_rows_for(key) if gaz.country_code[r] == "US" and gaz.admin1[r] in admin1]
    return rows[0] if len(rows) == 1 else None


def _taken(placed: list[Toponym], start: int, end: int, admin1: set[str]) -> tuple[bool, list[Toponym]]:
    """Whether a reading inside one of the states already covers the span, and the readings it overlaps."""
    over = [t for t in placed if t.span.start < end and start < t.span.end]
    inside = any(t.place is not None and t.place.country_code == "US" and t.place.admin1 in admin1 for t in over)
    return inside, over


def _with(placed: list[Toponym], new: Toponym, over: list[Toponym]) -> list[Toponym]:
    gone = {id(t) for t in over}
    return sorted([t for t in placed if id(t) not in gone] + [new], key=lambda t: t.span.start)


def _toponym(doc_id: str, text: str, start: int, end: int, row: int) -> Toponym:
    place: Place = get_gazetteer().place(row)
    return Toponym(Span(doc_id, start, end, text[start:end]), place, 0.5)


def towns_before_areas(text: str, placed: list[Toponym], doc_id: str = "") -> list[Toponym]:
    """Add each ZIP-list town written just before a US state or county that holds it."""
    for u in [t for t in placed if t.place is not None and t.place.country_code == "US"
              and t.place.feature_code in _AREA_CODES]:
        line_start = max(text.rfind("\n", 0, u.span.start) + 1, u.span.start - 80)
        m = _RUN_BEFORE.search(text, line_start, u.span.start)
        if m is None:
            continue
        words = list(_NAME_WORD.finditer(text, m.start(1), m.end(1)))
        states = {u.place.admin1}
        for i in range(max(0, len(words) - _MAX_WORDS), len(words)):  # the longest name first
            start, end = words[i].start(), words[-1].end()
            row = _local_row(fold(text[start:end]), states)
            if row is None:
                continue
            inside, over = _taken(placed, start, end, states)
            if not inside:
                placed = _with(placed, _toponym(doc_id or u.span.doc_id, text, start, end, row), over)
            break
    return placed


def towns_after_cues(text: str, placed: list[Toponym], admin1: str, doc_id: str = "") -> list[Toponym]:
    """Add each ZIP-list town of the home's state written after "in", "near", "outside" or "west of",
    as the whole name there (not "in Beaverdam Road")."""
    states, found = {admin1}, {}
    for m in _AFTER_CUE.finditer(text):
        if m.group(1) == "of" and not _DIRECTION.search(text, max(0, m.start() - 10), m.start()):
            continue
        # the whole run of capitalized words, or nothing: "near Martin Luther King Jr. Boulevard",
        # "Humboldt Park" and "Elk Grove" are other names that begin with a town's
        start, end = m.span(2)
        if len(_NAME_WORD.findall(text, start, end)) > _MAX_WORDS or not _ends_name(text, end):
            continue
        row = _local_row(fold(text[start:end]), states)
        if row is not None:
            found[text[start:end].lower()] = row
    # the town's name means the town wherever the report repeats it ("HARBOR CITY (CNS) -", "at a
    # Harbor City home" once "in Harbor City" was read), not another reading of its first word
    lower = text.lower() if found else ""
    if len(lower) != len(text):
        found = {}  # a letter whose lower case is longer ("İ") would shift every offset
    for name, row in found.items():
        start = _word_at(lower, name, 0)
        while start >= 0:
            end = start + len(name)
            inside, over = _taken(placed, start, end, states)
            if not inside and text[start].isupper() and _ends_name(text, end) and not _NAME_BEFORE.search(
                    text, max(0, start - 30), start):
                placed = _with(placed, _toponym(doc_id, text, start, end, row), over)
            start = _word_at(lower, name, end)
    return placed


_NAME_BEFORE = re.compile(r"[A-Z][A-Za-z'’\-]*[ \t]+$")  # "Upstate New York": another name ending in the town's
_NAME_GOES_ON = re.compile(r"['’]s\b|[ \t]+(?:[A-Z]|\d)|\.[A-Z]")


def _ends_name(text: str, end: int) -> bool:
    """Nothing after the words carries the name on: no "'s", no capitalized word, no number ("Loop 410")."""
    return _NAME_GOES_ON.match(text, end) is None


def _word_at(lower: str, name: str, start: int) -> int:
    """The next place of `name` in the lowercased text from `start` as whole words, or -1."""
    i = lower.find(name, start)
    while i >= 0 and (i > 0 and lower[i - 1].isalnum() or lower[i + len(name):i + len(name) + 1].isalnum()):
        i = lower.find(name, i + 1)
    return i
