"""The day a page says it was written: its own date stamp ("Posted: Monday, March 31, 2014").

An archived copy of a news page often carries the archive's date as its published date, years after
the story; the page's own stamp ("Created: 08/09/2014 5:14 AM", "(Published Saturday, May 2, 2015)",
"Updated: Oct 24, 2016 - 1:58 PM"; the opening words are in data/page_stamps.yaml) says which day its
"Saturday" and "yesterday" count from. Only a stamp that states its year counts; month/day/year
numbers are read in the US order.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from sitrep.nlp.data_files import read_yaml

# month names and abbreviations -> number; nlp.dates reads its dates with this table too
MONTH_NUMBERS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


@lru_cache(maxsize=1)
def _page_stamp() -> tuple[re.Pattern, tuple[str, ...]]:
    """The pattern of a stamp (its opening word, then a date with its year), and the opening words."""
    words = tuple(read_yaml("page_stamps.yaml")["words"])
    opening = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    months = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<!\w)(?:{opening})\b(?:\s+(?:on|at))?\s*:?\s*(?:{_WEEKDAY},?\s+)?"
        rf"(?:(?P<month>(?i:{months}))\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
        rf"|(?P<us_month>[01]?\d)/(?P<us_day>[0-3]?\d)/(?P<us_year>(?:19|20)?\d\d)\b"
        rf"|(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)\b)")
    return pattern, words


def _places(text: str, word: str) -> list[int]:
    """Where `word` occurs in `text`."""
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=8)  # asked by nlp and again by the events stage for the same text
def page_date(text: str, published: date | None) -> date | None:
    """The page's first stamp when that is on or before `published` (or there is no `published`),
    else `published`. Only the first: later ones often caption older stories' videos ("(Published
    Wednesday, May 4, 2011)" under a 2013 report)."""
    pattern, words = _page_stamp()
    # the opening words' places, then the pattern tried there only: cheaper than searching the whole text
    places = sorted(i for w in words for i in _places(text, w))
    m = next((found for i in places if (found := pattern.match(text, i)) is not None), None)
    if m is None:
        return published
    if m.group("year"):
        day = _day(int(m.group("year")), MONTH_NUMBERS[m.group("month").lower()], int(m.group("day")))
    elif m.group("us_year"):
        year = int(m.group("us_year"))
        day = _day(year + 2000 if year < 100 else year, int(m.group("us_month")), int(m.group("us_day")))
    else:
        day = _day(int(m.group("iso_year")), int(m.group("iso_month")), int(m.group("iso_day")))
    return day if day is not None and (published is None or day <= published) else published
