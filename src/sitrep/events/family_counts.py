"""The dead told as a list of people that holds a figure: "his wife and four children" is five.

A family killing is often told by who the dead were rather than by one figure: "fatally shot his
wife and four children", "a grandfather, his daughter and six grandchildren died", "the deaths of
a couple and their three children". Each listed person is one, "a couple" is two, and a figure
with its plural ("four children") is that many; the list counts when a word of death governs it,
before it ("killed", "the deaths of") or after it ("died", "were found dead"), and not when the
words after it say the listed were wounded ("... and two children were wounded").
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.events.lexicons import family_cues

_REACH = 60  # characters from the figure within which its list's "and", and the list, lie
_NAME = r"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"  # a victim's first and last name, one person
_OF_WHOSE = r"(?:of\s+(?:his|her|their)\s+)?"  # "six of his grandchildren"
_AGES = r"(?:,\s+ages?\s+\d+(?:,\s+\d+)*,?\s+and\s+\d+(?=,))?"  # "two boys, ages 7 and 10, (and ...)"
_AGES_RX = re.compile(r",\s+ages?\s+\d+(?:,\s+\d+)*,?\s+and\s+\d+(?=,)", re.I)
_SELF = r"\b(?:himself|herself)\b"  # "killed his wife, two sons and himself": the killer is one of the dead
_SEPARATOR = re.compile(r",?\s+and\s+|,\s+", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The list of the dead after a death verb, before a death predicate, one item of it, and a
    figure with its plural (which every such list holds)."""
    cues = family_cues()
    roles, plurals = cues["roles"], cues["plural_roles"]
    owner = r"(?:(?:the|his|her|their|a|an|[\w-]+['’]s)\s+)?(?!unborn\b)"  # (GVA and ACLED count no unborn child)
    item = (rf"(?:{owner}(?:[\w-]+\s+){{0,2}}?couple|{owner}(?P<n>[\w-]+)\s+{_OF_WHOSE}(?:[\w-]+\s+)?(?:{plurals}){_AGES}|"
            rf"{owner}(?:[\w-]+\s+)?(?:{roles})|{_SELF})")
    # the list may open with a victim's name: "Ann Lee, her husband and six children were shot and killed"
    items = (rf"(?P<list>(?:{item}|{_NAME}(?=,))(?:,\s+{item.replace('?P<n>', '')})*,?\s+and\s+"
             rf"{item.replace('?P<n>', '')})")
    after_verb = re.compile(rf"\b(?:{cues['verbs_before']})\s+{items}\b(?!\s+(?:were|was|are)\s+(?:\w+ly\s+)?(?:wounded|injured|hurt|shot\b(?!\s+dead)))", re.I)
    before_death = re.compile(rf"{items}\s+(?:{cues['predicates_after']})\b", re.I)
    one = re.compile(rf"(?P<couple>{owner}(?:[\w-]+\s+){{0,2}}?couple\b)|{owner}(?P<n>[\w-]+)\s+{_OF_WHOSE}(?:[\w-]+\s+)?(?:{plurals})\b{_AGES}|{_SELF}|"
                     rf"{owner}(?:[\w-]+\s+)?(?:{roles})\b|{_NAME}", re.I)
    figure_of = re.compile(rf"[\w-]+\s+{_OF_WHOSE}(?:[\w-]+\s+)?(?:{plurals})\b", re.I)  # "four children", "two young sons"
    return after_verb, before_death, one, figure_of


def listed_dead(sentence: str, start: int, values: dict[int, int]) -> tuple[int, int, int] | None:
    """The dead of a list with a figure in the sentence (at `start` in the text): (how many, start,
    end) in the text, or None. `values` gives the document's figures by where they start."""
    after_verb, before_death, one, figure_of = _patterns()
    # most sentences: no figure of a plural a list could hold ("four children") joined to others by "and"
    at = next((at - start for at in values if figure_of.match(sentence, at - start)
               and " and " in sentence[max(0, at - start - _REACH):at - start + _REACH]), None)
    if at is None:
        return None
    window = (max(0, at - 2 * _REACH), min(len(sentence), at + 2 * _REACH))  # the list holds the figure
    m = after_verb.search(sentence, *window) or before_death.search(sentence, *window)
    if m is None:
        return None
    total, figures, at = 0, 0, m.start("list")
    listed = _AGES_RX.sub(lambda a: " " * len(a.group()), sentence[at:m.end("list")])  # (offsets kept)
    for part, offset in _parts(listed):
        item = one.fullmatch(part.rstrip())
        if item is None:
            return None
        if item.group("couple"):
            total += 2
        elif item.group("n"):
            value = values.get(start + at + offset + item.start("n"))
            if value is None:
                return None  # "his two sons" must be a figure the number reader gives
            total, figures = total + value, figures + 1
        else:
            total += 1
    if not figures:
        return None  # a list of single people: `counts._listed_dead` reads those
    return total, start + m.start("list"), start + m.end("list")


def _parts(words: str) -> list[tuple[str, int]]:
    """The items of a listed "a, b and c", each with where it starts in `words`."""
    parts, at = [], 0
    for sep in _SEPARATOR.finditer(words):
        parts.append((words[at:sep.start()], at))
        at = sep.end()
    return parts + [(words[at:], at)]
