"""Find date expressions in news text and resolve them against the report's date, with ACLED's precision.

Conventions (the ones ACLED coders follow, written down so they can be checked):
- A weekday ("on Thursday") is the most recent such day on or before the published date; a report
  published on a Thursday that says "Thursday" means that same day. "last Thursday" in a report
  published on a Thursday is the week before. The day after publication is the exception: "early
  Friday" in a report dated Thursday is that Friday, as a page's date often lags its story's by a
  day (time zones, a first version's stamp), rather than six days back. (Measured on GVA: date
  0.8646 -> 0.8658, five incidents gained and three lost; ACLED's dates identical.)
- "yesterday" and "last night" are the day before publication; "today", "tonight", "this morning"
  and "overnight" are the day of publication (overnight raids are reported the morning after);
  "overnight Tuesday" is Tuesday.
- A month and day without a year take the published year, or the year before when that day would
  fall more than a month after the published date ("January 25" in a report of February 2024 is
  2024-01-25; "December 30" in a report of 3 January 2024 is 2023-12-30; "April 15" in a report of
  4 April is that April: a day still to come, a hearing's or a plan's). A weekday said with it
  ("Saturday, Sept. 12") picks the year among the published one, the one after and the two before
  (archived copies carry later dates).
- Week precision ("last week", "earlier this week"): the middle of the days that week can mean,
  never after publication. A weekend ("over the weekend", "last weekend") is its Saturday: the
  latest one on or before publication, or the one before when "last weekend" is said on a weekend. Month precision ("in March", "earlier this month"): the 15th, as in ACLED's
  own data, never after publication.
- A holiday ("on Christmas Eve", "Thanksgiving night", "Easter Sunday"; data/holidays.yaml) is its latest
  day on or before the published date; one still to come within weeks is a plan, not a date, and one
  naming a party or a season ("a Halloween party") names no day.
- A page that stamps its own day ("Posted: Monday, March 31, 2014", "Created: 08/09/2014 5:14 AM";
  data/page_stamps.yaml) is read from its first such stamp when that is on or before the published date,
  which may be an archived copy's (`sitrep.nlp.page_date`): "early Saturday" under "Created: 08/09/2014"
  is 9 August 2014, whatever day the copy was kept. A stamp after the published date changes nothing.
- An embedded post signed with its own day ("... this morning — A Reporter (@handle) October 3, 2016")
  counts its relative days from that day. A month that opens a street's name ("June Drive") is no
  month, nor one that opens a person's name ("a neighbor, April Bailey, said").
- Without a published date (or a page stamp), relative expressions get no value; a month and day get the year only
  when the text states a year (and a stated weekday then picks between that year and its neighbours).
  Nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter as easter_sunday

from sitrep.model import DAY, MONTH, WEEK, DateMention, Span
from sitrep.nlp.data_files import read_yaml
from sitrep.nlp.page_date import MONTH_NUMBERS, page_date
from sitrep.nlp.tokens import word_tokens

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
             "fri": 4, "sat": 5, "sun": 6}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_MONTHS_RE = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_WEEKDAYS_RE = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?![-/\w]))?"

# Each pattern is matched where a trigger word starts (see find_dates); words before the trigger
# ("on", "last", a weekday before a month) are read by the *_BEFORE patterns on a short window.
_ISO = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_DAY = re.compile(rf"(?P<month>{_MONTHS_RE})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
                        rf"(?!:|\s*(?:%|percent|people|fatalit)){_YEAR}")
_DAY_MONTH = re.compile(rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTHS_RE})\b"
                        rf"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.|(?<=Sept)\.)?{_YEAR}")
_MONTH_ONLY = re.compile(r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)(?:,?\s+(?P<year>(?:19|20)\d\d)(?![-/\w]))?\b")
_WEEKDAY = re.compile(rf"(?P<weekday>{_WEEKDAYS_RE})(?:\s+(?:morning|afternoon|evening|night))?\b")
_RELATIVE = re.compile(
    r"(?:(?P<daybefore>the\s+day\s+before\s+yesterday)"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<today>(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|overnight)"
    r"|(?P<lastweekend>last\s+weekend|over\s+the\s+weekend|this\s+past\s+weekend|the\s+previous\s+weekend)"
    r"|(?P<lastweek>last\s+week|the\s+previous\s+week|a\s+week\s+ago)"
    r"|(?P<thisweek>(?:earlier\s+)?this\s+week(?:end)?)"
    r"|(?P<lastmonth>last\s+month|the\s+previous\s+month)"
    r"|(?P<thismonth>(?:earlier\s+|late\s+|early\s+)?this\s+month))\b", re.I)
_AGO_BEFORE = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         r"(?P<unit>days?|weeks?|months?)\s+$", re.I)
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{_WEEKDAYS_RE}|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?$")
_MOD_BEFORE = re.compile(r"(?<![\w-])(?P<mod>last|this|next|on|early|late|overnight|since|until|by|in|during|before|after|"
                         r"of|earlier\s+in|later\s+in|early\s+in|late\s+in)\s+$|\b(?P<mid>mid-)$", re.I)
_TRIGGERS = frozenset(
    [m.lower() for m in _MONTHS_RE.split("|")] + [w.lower() for w in _WEEKDAYS_RE.split("|")]
    + ["the", "yesterday", "last", "today", "earlier", "later", "tonight", "this", "overnight", "a", "over",
       "late", "early", "ago"])
_WEEKDAY_AFTER = re.compile(rf"\s+(?:{_WEEKDAYS_RE})\b")
_SPANISH_ARTICLE = re.compile(r"\b(?:del|de|el|la)\s+$", re.I)
# "the 800 block of June Drive", "on March Lane": a month name that opens a street's name is no month
_STREET_AFTER = re.compile(r"\s+(?:Drive|Dr|Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Court|Ct|Boulevard|Blvd|Way|"
                           r"Place|Pl|Circle|Cir|Terrace|Trail|Parkway|Pkwy|Highway|Loop)\b")
# "a neighbor, April Bailey, said": a bare month name before a capitalized word, with no "in" or
# "since" before it, is a person's first name
_NAME_AFTER = re.compile(r" (?-i:[A-Z][a-z]+)\b")
# A month and day up to a month after publication is of the published year: a day still to come
# ("a hearing set for April 15") or the page's date lagging the story's ("early on July 27" on a page
# dated July 26), not the same day a year before.
_AHEAD_DAYS = 31
_ANY_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _mid_month(y: int, m: int, published: date | None) -> date:
    value = date(y, m, 15)
    return min(value, published) if published else value


@lru_cache(maxsize=4)  # called for each date of a text without a published date
def _text_year(text: str) -> int | None:
    """The year the text itself states most often, for reports without a published date."""
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    return max(set(years), key=years.count) if years else None


def _month_day(text: str, m: re.Match, published: date | None, weekday: int | None) -> tuple[date | None, bool]:
    """(date, relative) of a month-and-day match, by the conventions in the module docstring."""
    month = MONTH_NUMBERS[m.group("month").lower()]
    day = int(m.group("day"))
    if m.group("year"):
        return _safe_date(int(m.group("year")), month, day), False
    if published:
        year = published.year
        value = _safe_date(year, month, day)
        if value and (value - published).days > _AHEAD_DAYS:
            year -= 1
        if weekday is not None:  # a stated weekday can pick the year: "Tuesday, March 18" (an archived
            # page's date may be a year or two after the report's: "Saturday, Sept. 12" on a 2017 copy is 2015)
            for y in (year, published.year, published.year - 1, published.year + 1, published.year - 2):
                if _safe_date(y, month, day) and date(y, month, day).weekday() == weekday:
                    year = y
                    break
        return _safe_date(year, month, day), True
    year = _text_year(text)
    if year is None:
        return None, False
    candidates = [y for y in (year, year - 1, year + 1) if _safe_date(y, month, day)]
    if weekday is not None:
        candidates = [y for y in candidates if date(y, month, day).weekday() == weekday]
    return (date(candidates[0], month, day) if candidates else None), False


def _ago(m: re.Match, published: date | None) -> tuple[date | None, int]:
    """"three days ago", "two weeks ago", "a month ago"."""
    unit = m.group("unit").lower()
    precision = DAY if unit.startswith("day") else WEEK if unit.startswith("week") else MONTH
    if not published:
        return None, precision
    n = int(m.group("n")) if m.group("n").isdigit() else _COUNTS[m.group("n").lower()]
    if precision == DAY:
        return published - timedelta(days=n), DAY
    if precision == WEEK:
        return published - timedelta(weeks=n), WEEK
    y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
    return _mid_month(y, mo + 1, published), MONTH


def _relative(m: re.Match, published: date | None) -> tuple[date | None, int]:
    g = m.groupdict()
    if g["daybefore"]:
        return (published - timedelta(days=2) if published else None), DAY
    if g["yesterday"]:
        return (published - timedelta(days=1) if published else None), DAY
    if g["today"]:
        return published, DAY
    precision = MONTH if (g["lastmonth"] or g["thismonth"]) else WEEK
    if not published:
        return None, precision
    monday = published - timedelta(days=published.weekday())
    if g["lastweekend"]:  # the Saturday of the latest weekend; "last weekend" said on a weekend: the one before
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        before = published.weekday() >= 5 and g["lastweekend"].lower().startswith(("last", "the"))
        return saturday - timedelta(days=7) if before else saturday, WEEK
    if g["lastweek"]:
        return monday - timedelta(days=4), WEEK  # Thursday of the week before
    if g["thisweek"]:
        return monday + (published - monday) // 2, WEEK
    if g["lastmonth"]:
        y, mo = divmod(published.year * 12 + published.month - 2, 12)
        return _mid_month(y, mo + 1, published), MONTH
    return _mid_month(published.year, published.month, published), MONTH


def _weekday(m: re.Match, modifier: str, published: date | None) -> date | None:
    if not published:
        return None
    target = _WEEKDAYS[m.group("weekday").lower()]
    back = (published.weekday() - target) % 7
    if back == 0 and modifier == "last":
        back = 7
    if back == 6 and modifier != "last":  # the day after publication (see the module's conventions)
        back = -1
    return published - timedelta(days=back)


def _month_day_match(text: str, m: re.Match, published: date | None) -> tuple[date | None, bool, int]:
    """(value, relative, start) of a month-day match, with a weekday written before it."""
    wd = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if wd and not m.group(0)[0].isdigit() and wd.group(0).rstrip().lower().endswith("the"):
        wd = None  # "said Thursday the July 15 death": two dates; "the" goes only before a day ("Friday the 13th")
    weekday = _WEEKDAYS.get(wd.group("weekday").lower()) if wd else None
    value, relative = _month_day(text, m, published, weekday)
    return value, relative, wd.start() if wd else m.start()


@dataclass(frozen=True)
class _Holiday:
    month: int = 0
    day: int = 0
    weekday: int | None = None
    nth: int = 0
    easter: bool = False
    offset: int = 0

    def on(self, year: int) -> date:
        if self.easter:
            base = easter_sunday(year)  # Western, dateutil's default
        elif self.weekday is None:
            base = date(year, self.month, self.day)
        elif self.nth > 0:
            first = date(year, self.month, 1)
            base = first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        else:  # the last such weekday of the month
            last = date(year + self.month // 12, self.month % 12 + 1, 1) - timedelta(days=1)
            base = last - timedelta(days=(last.weekday() - self.weekday) % 7)
        return base + timedelta(days=self.offset)


@lru_cache(maxsize=1)
def _holidays() -> tuple[re.Pattern, tuple[str, ...], dict[str, _Holiday], int]:
    """The holiday names of data/holidays.yaml as one pattern, the heads of the names, each name's
    holiday, and how many days ahead a holiday is still to come."""
    raw = read_yaml("holidays.yaml")
    by_name: dict[str, _Holiday] = {}
    names, bare = [], []
    for h in raw["holidays"]:
        holiday = _Holiday(**{k: v for k, v in h.items() if k not in ("names", "bare")})
        for name in h.get("names", []):
            by_name[_APOSTROPHE.sub("'", name)] = holiday
            names.append(name)
        for name in h.get("bare", []):
            by_name[_APOSTROPHE.sub("'", name)] = holiday
            bare.append(name)

    def alternation(found: list[str]) -> str:
        return "|".join(re.escape(_APOSTROPHE.sub("'", n)).replace("'", "['’]")
                        for n in sorted(found, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in raw["not_a_day"])
    pattern = re.compile(rf"(?<![\w'’])(?:(?P<name>{alternation(names)})|(?<=\bon\s)(?P<bare>{alternation(bare)}))"
                         rf"(?![\w'’])(?:(?P<weekend>(?:\s+holiday)?\s+weekend)|(?P<noun>\s+(?:{nouns})\b))?")
    heads = tuple({_APOSTROPHE.sub(q, n)[:9] for n in names + bare for q in "'’"})
    return pattern, heads, by_name, int(raw["upcoming_days"])


_APOSTROPHE = re.compile(r"['’]")


def _holiday_dates(text: str, published: date | None) -> list[tuple]:
    """"on Christmas Eve", "Thanksgiving night": the latest such day on or before publication."""
    pattern, heads, by_name, upcoming = _holidays()
    out = []
    if not any(h in text for h in heads):
        return out  # most reports name no holiday: a substring test is much cheaper than the pattern
    for m in pattern.finditer(text):
        if m.group("noun"):
            continue  # "a Halloween party": the party may have been any night around it
        holiday = by_name[_APOSTROPHE.sub("'", m.group("name") or m.group("bare"))]
        precision = WEEK if m.group("weekend") else DAY
        year = published.year if published else _text_year(text)
        if year is None:
            out.append((1, m.start(), m.end(), None, precision, True))
            continue
        value = holiday.on(year)
        if published and value > published:
            if (value - published).days <= upcoming:
                continue  # "plans for Thanksgiving" written the week before: not yet a day of anything
            value = holiday.on(year - 1)
        out.append((1, m.start(), m.end(), value, precision, published is not None))
    return out


def find_dates(text: str, published: date | None = None, doc_id: str = "") -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (None: see module docstring), or
    against the page's own stamp of an earlier day (`page_date`)."""
    published = page_date(text, published)
    found: list[tuple[int, int, int, date | None, int, bool]] = _holiday_dates(text, published)  # priority, start, end, ...
    toks = word_tokens(text)
    words = toks.words
    for k in toks.candidates(_TRIGGERS):
        w = words[k]
        s = toks.start(k)
        if w[0] <= "9":
            m = _ISO.match(text, s)
            if m:
                value = _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
                found.append((0, s, m.end(), value, DAY, False))
                continue
            m = _DAY_MONTH.match(text, s)
            if m and 1 <= int(m.group("day")) <= 31 and text[s - 1:s] not in ("-", "/", "."):
                value, relative, start = _month_day_match(text, m, published)
                found.append((1, start, m.end(), value, DAY, relative))
            continue
        if w in MONTH_NUMBERS and text[s].isupper():
            if _SPANISH_ARTICLE.search(text, max(0, s - 5), s):
                continue  # "Corona del Mar", "Mar del Plata": a place name, not March
            m = _MONTH_DAY.match(text, s)
            if m and 1 <= int(m.group("day")) <= 31:
                value, relative, start = _month_day_match(text, m, published)
                found.append((1, start, m.end(), value, DAY, relative))
                continue
            m = _MONTH_ONLY.match(text, s)
            if m and not _STREET_AFTER.match(text, m.end()) and not (
                    m.group("year") is None and _NAME_AFTER.match(text, m.end())
                    and not _MOD_BEFORE.search(text, max(0, s - 12), s)):
                found.append(_month_only(text, m, published))
            continue
        if w in _WEEKDAYS and text[s].isupper():
            m = _WEEKDAY.match(text, s)
            if m:
                mod = _MOD_BEFORE.search(text, max(0, s - 10), s)  # "overnight " is the longest
                word = (mod.group("mod") or "").lower() if mod else ""
                if word in ("next", "until", "by"):
                    continue  # the future, or a deadline: not when something happened
                start = mod.start() if word in ("last", "this", "early", "late", "overnight") else s
                found.append((3, start, m.end(), _weekday(m, word, published), DAY, True))
            continue
        if w == "ago":
            m = _AGO_BEFORE.search(text, max(0, s - 20), s)
            if m:
                value, precision = _ago(m, published)
                found.append((2, m.start(), toks.end(k), value, precision, True))
            continue
        m = _RELATIVE.match(text, s)
        if m and w == "overnight" and _WEEKDAY_AFTER.match(text, m.end()):
            continue  # "overnight Tuesday": the weekday's night, read with the weekday
        if m:
            value, precision = _relative(m, published)
            found.append((2, s, m.end(), value, precision, True))
    covered = bytearray(len(text))
    out: list[DateMention] = []
    for _, s, e, value, precision, relative in sorted(found, key=lambda f: (f[0], f[1])):
        if e > s and covered.find(1, s, e) < 0:
            covered[s:e] = b"\x01" * (e - s)
            out.append(DateMention(Span(doc_id, s, e, text[s:e]), value, precision, relative))
    out.sort(key=lambda d: d.span.start)
    if "(@" in text:  # embedded posts are rare: a substring test keeps the common case cheap
        out = _read_from_posts(text, out, doc_id)
    return out


# "Two shootings this morning are connected — A Reporter (@handle) October 3, 2016": an embedded post
# signed with its own day, which its "this morning" or "yesterday" counts from (not the page's day)
_POST_SIGNATURE = re.compile(r"\(@\w+\)\s+(?P<month>January|February|March|April|May|June|July|August|September|"
                             r"October|November|December)\s+(?P<day>[0-3]?\d),\s+(?P<year>(?:19|20)\d\d)[ \t]*$", re.M)


def _read_from_posts(text: str, found: list[DateMention], doc_id: str) -> list[DateMention]:
    """The relative dates of embedded posts, resolved against each post's own day."""
    out = found
    for sig in _POST_SIGNATURE.finditer(text):
        day = _safe_date(int(sig.group("year")), MONTH_NUMBERS[sig.group("month").lower()], int(sig.group("day")))
        start = text.rfind("\n", 0, sig.start()) + 1
        if day is None or not any(d.relative and start <= d.span.start < sig.start() for d in out):
            continue
        again = {(d.span.start + start): d.value for d in find_dates(text[start:sig.start()], day) if d.relative}
        out = [DateMention(d.span, again[d.span.start], d.precision, True)
               if d.relative and start <= d.span.start < sig.start() and d.span.start in again else d for d in out]
    return out


def _month_only(text: str, m: re.Match, published: date | None) -> tuple:
    """A month without a day ("in March", "March 2023"): month precision."""
    s = m.start()
    mod = _MOD_BEFORE.search(text, max(0, s - 12), s)
    prep = ((mod.group("mod") or mod.group("mid") or "") if mod else "").lower()
    month = MONTH_NUMBERS[m.group("month").lower()]
    if m.group("month") in ("May", "March") and not (prep or m.group("year")):
        return (9, s, s, None, MONTH, False)  # the verbs "may" and "march": no date (empty span)
    start = mod.start() if prep in ("early", "late", "mid-", "last", "this") else s
    if m.group("year"):
        return (4, start, m.end(), _mid_month(int(m.group("year")), month, None), MONTH, False)
    if published:
        year = published.year if month <= published.month else published.year - 1
        if prep == "last" and month >= published.month:
            year = published.year - 1
        return (4, start, m.end(), _mid_month(year, month, published), MONTH, True)
    year = _text_year(text)
    return (4, start, m.end(), _mid_month(year, month, None) if year else None, MONTH, year is None)
