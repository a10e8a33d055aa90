"""Find date expressions in news text and resolve them against the report's date, with ACLED's precision.

Conventions (the ones ACLED coders follow, written down so they can be checked):
- A weekday ("on Thursday") is the most recent such day on or before the published date; a report
  published on a Thursday that says "Thursday" means that same day. "last Thursday" in a report
  published on a Thursday is the week before.
- "yesterday" and "last night" are the day before publication; "today", "tonight", "this morning"
  and "overnight" are the day of publication (overnight raids are reported the morning after).
- A month and day without a year take the published year, or the year before when that day would
  fall after the published date ("January 25" in a report of February 2024 is 2024-01-25; "December
  30" in a report of 3 January 2024 is 2023-12-30).
- Week precision ("last week", "earlier this week"): the middle of the days that week can mean,
  never after publication. Month precision ("in March", "earlier this month"): the 15th, as in ACLED's
  own data, never after publication.
- Without a published date, relative expressions get no value; a month and day get the year only
  when the text states a year (and a stated weekday then picks between that year and its neighbours).
  Nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.model import DAY, MONTH, WEEK, DateMention, Span

_MONTH_NUMBERS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
             "fri": 4, "sat": 5, "sun": 6}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WD = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"

_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_DAY = re.compile(rf"\b{_WD}{_M}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:|\s*(?:%|percent|people)){_YEAR}")
_DAY_MONTH = re.compile(rf"\b{_WD}(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?!\w){_YEAR}")
_MONTH_ONLY = re.compile(
    r"\b(?:(?P<prep>(?i:in|since|during|until|by|before|after|of|early|late|mid|mid-|last|this|earlier in|"
    r"later in|early in|late in))\s+)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
_RELATIVE = re.compile(
    r"\b(?:(?P<daybefore>the\s+day\s+before\s+yesterday)"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<today>(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|overnight)"
    r"|(?P<ago>(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|months?)\s+ago)"
    r"|(?P<lastweek>last\s+week(?:end)?|the\s+previous\s+week|a\s+week\s+ago)"
    r"|(?P<thisweek>(?:earlier\s+)?this\s+week(?:end)?)"
    r"|(?P<lastmonth>last\s+month|the\s+previous\s+month)"
    r"|(?P<thismonth>(?:earlier\s+|late\s+|early\s+)?this\s+month))\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>(?i:last|this|next|on|early|late|since|until|by))\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b")
_ANY_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _mid_month(y: int, m: int, published: date | None) -> date:
    value = date(y, m, 15)
    return min(value, published) if published else value


def _text_year(text: str) -> int | None:
    """The year the text itself states most often, for reports without a published date."""
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    return max(set(years), key=years.count) if years else None


def _month_day(text: str, m: re.Match, published: date | None) -> tuple[date | None, bool]:
    """(date, relative) of a month-and-day match, by the conventions in the module docstring."""
    month = _MONTH_NUMBERS[m.group("month").lower()]
    day = int(m.group("day"))
    weekday = _WEEKDAYS.get((m.group("weekday") or "").lower())
    if m.group("year"):
        return _safe_date(int(m.group("year")), month, day), False
    if published:
        value = _safe_date(published.year, month, day)
        if value and value > published:
            value = _safe_date(published.year - 1, month, day)
        return value, True
    year = _text_year(text)
    if year is None:
        return None, False
    candidates = [y for y in (year, year - 1, year + 1) if _safe_date(y, month, day)]
    if weekday is not None:
        candidates = [y for y in candidates if date(y, month, day).weekday() == weekday]
    return (date(candidates[0], month, day) if candidates else None), False


def _relative(m: re.Match, published: date | None) -> tuple[date | None, int]:
    g = m.groupdict()
    if g["daybefore"]:
        return (published - timedelta(days=2) if published else None), DAY
    if g["yesterday"]:
        return (published - timedelta(days=1) if published else None), DAY
    if g["today"]:
        return published, DAY
    if not published:
        precision = MONTH if (g["lastmonth"] or g["thismonth"] or (g["unit"] or "").startswith("month")) else WEEK
        return None, (DAY if g["ago"] and g["unit"].startswith("day") else precision)
    if g["ago"]:
        n = int(g["n"]) if g["n"].isdigit() else _COUNTS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit.startswith("day"):
            return published - timedelta(days=n), DAY
        if unit.startswith("week"):
            return published - timedelta(weeks=n), WEEK
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        return _mid_month(y, mo + 1, published), MONTH
    monday = published - timedelta(days=published.weekday())
    if g["lastweek"]:
        return monday - timedelta(days=4), WEEK  # Thursday of the week before
    if g["thisweek"]:
        return monday + (published - monday) // 2, WEEK
    if g["lastmonth"]:
        y, mo = divmod(published.year * 12 + published.month - 2, 12)
        return _mid_month(y, mo + 1, published), MONTH
    return _mid_month(published.year, published.month, published), MONTH


def _weekday(m: re.Match, published: date | None) -> date | None:
    if not published:
        return None
    target = _WEEKDAYS[m.group("weekday").lower()]
    back = (published.weekday() - target) % 7
    if back == 0 and (m.group("mod") or "").lower() == "last":
        back = 7
    return published - timedelta(days=back)


def find_dates(text: str, published: date | None = None, doc_id: str = "") -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (None: see module docstring)."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, value: date | None, precision: int, relative: bool, start: int | None = None) -> None:
        s = m.start() if start is None else start
        if all(m.end() <= a or s >= b for a, b in taken):
            out.append(DateMention(Span(doc_id, s, m.end(), text[s:m.end()]), value, precision, relative))
            taken.append((s, m.end()))

    for m in _ISO.finditer(text):
        add(m, _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day"))), DAY, False)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            if int(m.group("day")) == 0 or int(m.group("day")) > 31:
                continue
            value, relative = _month_day(text, m, published)
            add(m, value, DAY, relative)
    for m in _RELATIVE.finditer(text):
        value, precision = _relative(m, published)
        add(m, value, precision, True)
    for m in _WEEKDAY.finditer(text):
        if (m.group("mod") or "").lower() in ("next", "until", "by"):
            continue  # the future, or a deadline: not when something happened
        start = m.start("weekday") if (m.group("mod") or "").lower() in ("on", "since") else m.start()
        add(m, _weekday(m, published), DAY, True, start)
    for m in _MONTH_ONLY.finditer(text):
        prep = (m.group("prep") or "").lower()
        if m.group("month") in ("May", "March") and not (prep or m.group("year")):
            continue  # the verbs "may" and "march" at a sentence start
        month = _MONTH_NUMBERS[m.group("month").lower()]
        start = m.start("month") if prep in ("in", "since", "during", "until", "by", "before", "after", "of") else m.start()
        if m.group("year"):
            add(m, _mid_month(int(m.group("year")), month, None), MONTH, False, start)
        elif published:
            year = published.year if month <= published.month else published.year - 1
            if prep == "last" and month >= published.month:
                year = published.year - 1
            add(m, _mid_month(year, month, published), MONTH, True, start)
        else:
            year = _text_year(text)
            add(m, _mid_month(year, month, None) if year else None, MONTH, year is None, start)
    out.sort(key=lambda d: d.span.start)
    return out
