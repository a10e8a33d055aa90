"""The date of an event mention: which of nlp's date words govern it, or the report's own date.

The order (documented in the README's events section):
1. a date said in the event's own sentence ("on Tuesday", "on 3 May 2022"). When it says several,
   the date of a statement or a later step ("police said Friday", "was charged Tuesday") gives
   way to the others: "was shot Saturday, police said Monday", "was
   charged Friday in the May 10 shooting" both date the violence. Of the rest, the first date
   written out wins; among relative ones ("Tuesday's shooting", "in hospital Wednesday") the
   one nearest the event's words. Page stamps ("Posted: Monday, March 31") are no dates
   of events;
2. else the date said in the nearest earlier sentence of the same paragraph (a lede often
   dates the event and the next sentence gives the details);
3. else the document's first date said anywhere (the lede's date), with its words as evidence; a
   wire dateline's day ("KHARTOUM, June 3 (Reuters) -") is when the story was filed, so the day
   its sentence gives the event ("on Sunday") comes first, in that sentence and as the lede's date,
   and so does the next day of the lede's sentence when the first is a later step's ("Police issued
   a report Friday with more on the April 24 shooting");
4. else the published date (for violence, the day of the page's own earlier stamp: `nlp.page_date`),
   with precision "week" (ACLED's 2: the report dates it only to its own week) and no evidence,
   since no words support it.
A crime report is then dated by its violence over the whole report (`date_the_violence`): a
date said beside words of the shooting ("was shot Saturday night", "in the May 10 shooting")
outranks the day of a later step or statement ("was charged Tuesday", "police said Monday",
"was in custody Friday", "bond was set Saturday", "a Friday morning press conference", "visitation
... 9 a.m.-2 p.m. Tuesday"), whose words and cues are in data/event_dates.yaml; a gathering where
the shots were fired ("shot at a vigil Monday evening") and a step that goes on ("investigating
a fatal shooting at a club early Saturday") leave the day to the violence. Without such a day, a
day told in the same sentence as the violence, further than its clause ("in connection with the
shooting that was reported at Tuesday night", "at 4:30 p.m. Saturday when the shooting
occurred"), outranks the other days of no step, and the day of a death ("a woman shot last week
died Sunday", "pronounced dead on Monday") or a day of no step said apart from the violence
("Earlier in the day Friday, police said ..."); what each date's words say is `date_roles`'. The
first day of a span ("shootings across the city since Friday night", "late Thursday or early
Friday", "stolen between 9:30 p.m. Friday and noon Saturday") dates no one shooting, and the first
month of one ("married since August") dates no event at all; nor does a photo's day ("is shown
Monday, August 1, 2016") or a broadcast's air time ("Tune in Thursday at 6 p.m. and Friday at 6
a.m."), while "in critical condition since the shooting early Thursday" dates the shooting. A day
of the violence told in someone's quoted words ("It's even kids getting shot today," a neighbor
said) gives way to one told in the report's own, and a weekday named in quotes ("We were just
speaking with him on Saturday") is left out of the days of no step. The report's other violent
mentions resting on the same words as the crime's first reading ("shot a man overnight") take the
crime's day. "Overnight" spans two days and gives way
to the day said for the same shooting ("It happened around 10:45 p.m. Friday") or to the evening
before said with its clock time or night ("police were called just after 11 p.m. Sunday"); a week or month
("last weekend", "in late November") gives way to a day said inside it ("on April 18"). A date
inside someone's quoted words elsewhere in the report ("I talked to him yesterday") dates no
event. Page stamps
("(Published Sunday, June 21, 2015)", "UPDATE July 16, 3:03 p.m.", a full date alone on its
line under the byline, a release's dateline "Edmonton, Ky. (November 28, 2016) –") are no dates
of events.
Dates come from `sitrep.nlp` only (it always runs before events).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.events.date_roles import a_plan, date_role, not_this_violence, told_with_the_violence
from sitrep.events.filters import event_words
from sitrep.model import DAY, MONTH, WEEK, Analysis, DateMention, Mention, Sentence
from sitrep.nlp.page_date import page_date
from sitrep.taxonomy import CRIMINAL

# "police said Friday", "was charged on Tuesday": the date of a statement or of a step that
# followed the event (arrest, court), not of the event.
_STATEMENT = re.compile(
    r"\b(?:said|says|say|announced|told|reported|stated|confirmed|added|explained|released|identified|"
    r"charged|arrested|arraigned|booked|sentenced|convicted|indicted|appeared|pleaded|testified|ruled)"
    r"\s+(?:on\s+|late\s+|early\s+|earlier\s+|last\s+)?$", re.I)
# "Posted: Monday, March 31, 2014", "UPDATED at 11:37 A.M. on Monday": when the page was written.
_STAMP = re.compile(r"\b(?:posted|updated|published|modified|last update)\s*(?::|at\b|on\b)[^\n]{0,30}$", re.I)
# "(Published Saturday, April 27, 2013)", "UPDATE July 16, 3:03 p.m.:", "Update-- Dec. 5, 2015": a page
# stamp opening a line or a bracket, the date right after it (capitalized: "police updated Monday" is prose).
_STAMP_HEAD = re.compile(r"(?:(?:^|[\n(\[|:\u200b\u2013\u2014-])\s*(?:Posted|Updated?|Published|Last [Uu]pdated?)"
                         r"|\b(?:UPDATED?|POSTED|PUBLISHED))\W{0,4}$")
# "Edmonton, Ky. (November 28, 2016) –", "Shooting Investigation(October 02, 2016) On ...": a dateline in brackets
_DATELINE = re.compile(r"(?:^|\n)[^\n]{0,80}\($")
_DATELINE_AFTER = re.compile(r"\)\s*(?:[-–—]|On\b)")
# "April 23, 2013 6:12 AM" on a line of its own: a dateline with the clock time of the page.
_LINE_START = re.compile(r"(?:^|\n)[\s|\W]{0,4}$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_CLOCK_AFTER = re.compile(r",?\s+\d{1,2}:\d\d\s*(?:[ap]\.?\s?m\b\.?|AM|PM|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT)", re.I)

# How far a page's own date may trail the day its story tells of.
_PAGE_DATE_LAG = timedelta(days=1)


def document_dates(analysis: Analysis) -> list[DateMention]:
    """The resolved date mentions of a document, in reading order, without days still to come at
    publication ("the case was continued to March 21st", "a vigil will be held Monday"): those date a
    plan, no event. The day after publication stays: a page's date often lags its story's by a day
    (time zones, midnight)."""
    text, published = analysis.doc.text, analysis.doc.published
    latest = published + _PAGE_DATE_LAG if published is not None else None
    return sorted((d for d in analysis.dates if d.value is not None and not _is_stamp(d, text)
                   and (latest is None or d.value <= latest) and not a_plan(d, text)),
                  key=lambda d: d.span.start)


def _of_the_event(inside: list[DateMention], sentence: Sentence) -> DateMention:
    """The date among a sentence's dates that dates its event (rule 1 of the module docstring):
    not a statement's or a later step's date when another is said, and of the rest the one
    nearest the words of the event ("still in hospital Wednesday after Tuesday's shooting")."""
    if len(inside) == 1:
        return inside[0]
    told = [d for d in inside
            if _STATEMENT.search(sentence.text, max(0, d.span.start - sentence.start - 24), d.span.start - sentence.start)
            or _wire_dateline(d, sentence.text, sentence.start)]
    rest = [d for d in inside if d not in told] or inside
    written = [d for d in rest if not d.relative and d.precision == DAY]
    if written:
        return written[0]  # "On 5 February 2022, overnight, ...": a written date, the first one
    best = min(d.precision for d in rest)
    rest = [d for d in rest if d.precision == best]
    words = event_words(sentence.text)
    if not words:
        return min(rest, key=lambda d: (d.value, d.span.start))

    def distance(d: DateMention) -> int:
        s, e = d.span.start - sentence.start, d.span.end - sentence.start
        return min(max(ws - e, s - we, 0) for ws, we in words)

    return min(rest, key=lambda d: (distance(d), d.value))


# "KHARTOUM, June 3 (Example Wire) -", "CHATTOGRAM, Bangladesh, Jan 8 -": a wire story's dateline
# gives the day it was filed; a day its sentence also says ("on Sunday") dates the event.
_WIRE_PLACE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30}){0,2},\s*$")
_WIRE_AFTER = re.compile(r"(?:,\s*\d{4})?\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")


def _wire_dateline(d: DateMention, text: str, offset: int = 0) -> bool:
    """Is the date a wire dateline's? `text` starts at `offset` of the document."""
    at, end = d.span.start - offset, d.span.end - offset
    return (_WIRE_PLACE.search(text, max(0, at - 80), at) is not None
            and _WIRE_AFTER.match(text, end) is not None)


def crime_date(dates: list[DateMention], text: str, current: DateMention | None,
               published: date | None) -> DateMention | None:
    """The date of a crime report's violence, read over the whole report: a follow-up (arrest,
    court, funeral) is dated by the shooting it is about when the report says when that was.
    A day written out in full that opens the event's sentence stands; else the first
    day said beside words of the violence; else, when the event sentence's own date
    is a later step's (or it has none), the report's first day that is no step's, or a week or
    month said beside the violence ("an incident last August"); else None (keep what the
    sentence gave)."""
    if (current is not None and not current.relative and current.precision == DAY and current.value != published
            and _opens_a_sentence(current, text)):
        return None  # "On 20 February 2022, ...": a day written out in full at the head of the account
        # stands (the day of publication there is a dateline: "March 25, 2014 12:45 PM SAN FRANCISCO")
    plains = []  # the days of no step: the first one told with the violence comes first (`told_with_the_violence`)
    coarse = overnight = evening = None  # the first week or month of the violence, "overnight", and the first
    # day of no step said with its evening ("at 11:15 p.m. Sunday", "Sunday night")
    quoted = None  # the first day of the violence said in someone's words
    for d in dates:
        if published is not None and d.value > published:
            continue
        role = date_role(d, text)
        if role == "violence" and d.precision == DAY:
            if overnight is None and _OVERNIGHT.match(d.span.text):
                overnight = d  # "shot overnight" spans two days: "It happened around 10:45 p.m. Friday" says which
                continue
            if overnight is None or 0 <= (overnight.value - d.value).days <= 1:
                if d is current or not _quoted(d, text):
                    return d
                quoted = quoted or d  # "It's even kids getting shot today," a neighbor said: a day told
                # in the report's own words comes first
        elif role == "violence":
            coarse = coarse or d
        elif not role and d.precision == DAY and not (d is not current and _spoken(d, text)):
            plains.append(d)  # (not "We were just speaking with him on Saturday," a friend said)
            evening = evening or (d if _EVENING.search(text, max(0, d.span.start - 16), d.span.end) else None)
    if quoted is not None:
        return quoted  # "the violence that took place yesterday evening," the mayor's statement said
    if overnight is not None:
        # "shot a man overnight" ... "police were called just after 11 p.m. Sunday": the evening it began
        if evening is not None and 0 < (overnight.value - evening.value).days <= 1:
            return evening
        return overnight
    current_role = "" if current is None else date_role(current, text)
    if current_role == "span" and current.precision != DAY:
        current_role = "step"  # "married since August": the first month of a span dates no event either
        # (a round-up's "shot from Wednesday afternoon into early Thursday" often dates its first shooting)
    if current_role == "other":
        current_role = "step"  # another event's day ("the most recent shooting occurred July 16") dates this one no more
    if current is not None and current_role != "step" and current.precision == DAY:
        if plains and (current_role == "death" or not current_role and not told_with_the_violence(current, text)):
            # "police are investigating the death of a teen who died on Thursday" ... "The teen was
            # struck by the pellet on July 12": a day told with the violence elsewhere
            return next((d for d in plains if told_with_the_violence(d, text)), None)
        return None  # the sentence's own date stands
    wide = current if current is not None and current_role != "step" else coarse
    if wide is not None:
        narrow = _narrowed(wide, dates, text, published)
        if narrow is not None or wide is current:
            return narrow
    return next((d for d in plains if told_with_the_violence(d, text)), plains[0] if plains else coarse)


_OVERNIGHT = re.compile(r"overnight\b", re.I)
# an evening's clock time just before a day ("just after 11:00 p.m. Sunday") or its night ("late Sunday night")
_EVENING = re.compile(r"\b(?:[6-9]|1[01])(?::\d\d)?\s*p\.?\s?m\b\.?\s*(?:on\s+)?\S+$|(?:evening|night)$", re.I)


def _narrowed(wide: DateMention, dates: list[DateMention], text: str, published: date | None) -> DateMention | None:
    """"the shooting last weekend" ... "at 8:37 p.m. on April 18": the day said inside that week or month."""
    return next((d for d in dates if d.precision == DAY and _inside(d.value, wide) and _narrows(d, text)
                 and (published is None or d.value <= published)), None)


def _narrows(d: DateMention, text: str) -> bool:
    """A day that may stand for a week or month said of the violence: said beside the violence, or
    of no later step or death ("visitation Tuesday", "died Sunday"): "over the weekend" ... "on
    Sunday around 11 a.m.", "in late November" ... "on April 18"."""
    role = date_role(d, text)
    return role == "violence" or not role


def _inside(day: date, wide: DateMention) -> bool:
    """Whether a day falls in the week or month a coarse date stands for (a week's value is its
    middle or its Saturday: three days either side)."""
    if wide.precision == MONTH:
        return (day.year, day.month) == (wide.value.year, wide.value.month)
    return abs((day - wide.value).days) <= 3


_LEAD = r"(?:(?:on|around|about|between|from|since|overnight\s+on|early\s+on|late\s+on)\s+)?$"
_AFTER_A_STOP = re.compile(rf"[.!?\n]\s*{_LEAD}", re.I)
_AT_THE_START = re.compile(rf"^\s*{_LEAD}", re.I)


def _opens_a_sentence(d: DateMention, text: str) -> bool:
    """"On 20 February 2022, ..." at the head of a sentence (as ACLED-style notes open)."""
    start = d.span.start
    window = text[max(0, start - 24):start]
    return bool(_AFTER_A_STOP.search(window) or (start <= 24 and _AT_THE_START.match(window)))


def _quoted(d: DateMention, text: str) -> bool:
    """Whether a date stands inside quotation marks opened in its paragraph."""
    start = text.rfind("\n", 0, d.span.start) + 1
    before = text[start:d.span.start]
    if before.rfind("\u201c") > before.rfind("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _spoken(d: DateMention, text: str) -> bool:
    """A day named in someone's quoted words ("on Saturday", "yesterday"), not a date written out
    in a statement read out ("stated that on Saturday, December 17 ...")."""
    return not any(c.isdigit() for c in d.span.text) and _quoted(d, text)


def _is_stamp(d: DateMention, text: str) -> bool:
    """When the page was posted or updated, not when anything happened."""
    start = d.span.start
    if _STAMP.search(text, max(0, start - 40), start) or _STAMP_HEAD.search(text, max(0, start - 24), start):
        return True
    if not d.relative and d.precision == DAY and _DATELINE.search(text, max(0, start - 90), start) \
            and _DATELINE_AFTER.match(text, d.span.end):
        return True  # "Edmonton, Ky. (November 28, 2016) – ...": a press release's dateline
    if d.relative or d.precision != DAY or _LINE_START.search(text, max(0, start - 5), start) is None:
        return False
    # "April 23, 2013 6:12 AM", or "January 9, 2015" alone on its line under a byline
    return _CLOCK_AFTER.match(text, d.span.end) is not None or _LINE_END.match(text, d.span.end) is not None


def _lede_date(dates: list[DateMention], sentences: list[Sentence]) -> DateMention:
    """The document's first date, or the day its first sentence's event is dated when that
    sentence opens with a wire dateline ("KHARTOUM, June 3 (Example Wire) - ... on Sunday")."""
    first = dates[0]
    for s in sentences:
        if s.start <= first.span.start < s.end:
            if _wire_dateline(first, s.text, s.start):
                return _of_the_event([d for d in dates if s.start <= d.span.start and d.span.end <= s.end], s)
            in_place = " " * s.start + s.text  # the sentence at its offsets in the document
            # "Police issued a report Friday with more on the April 24 shooting": the next day of the lede
            if not_this_violence(date_role(first, in_place)):
                return next((d for d in dates if s.start <= d.span.start and d.span.end <= s.end
                             and not not_this_violence(date_role(d, in_place))), first)
            break
    return first


def event_date(dates: list[DateMention], sentences: list[Sentence], index: int,
               same_paragraph: list[int], published: date | None) -> tuple[date | None, int | None, object]:
    """(date, precision, evidence Span) for the event of sentence `index` (see the module docstring).

    `same_paragraph` lists the indexes of earlier sentences in the event sentence's paragraph,
    nearest first.
    """
    for i in [index, *same_paragraph]:
        s = sentences[i]
        inside = [d for d in dates if s.start <= d.span.start and d.span.end <= s.end]
        if inside:
            chosen = _of_the_event(inside, s)
            return chosen.value, chosen.precision, chosen.span
    if dates:
        lede = _lede_date(dates, sentences)
        return lede.value, lede.precision, lede.span
    if published is not None:
        return published, WEEK, None
    return None, None, None


def date_the_violence(analysis: Analysis, violent: list[Mention], dates: list[DateMention]) -> None:
    """A crime report's shooting is dated over the whole report (`crime_date`): the lede of a
    follow-up often gives the day of the arrest or the hearing, and the shooting's day further
    down ("in the May 10 shooting"). The report's other violent mentions dated by a later step
    ("police charged a man Thursday") take the same day. `dates`: `document_dates(analysis)`.
    A violent mention dated by no words takes the page's own stamp ("Created: 08/09/2014") over a
    later published date (an archived copy's). Each violent mention then keeps what its date's words
    date (`Mention.date_role`, `date_role`'s reading; "" with no words), which the event's date vote weighs."""
    if not violent:
        return
    text, published = analysis.doc.text, analysis.doc.published
    page = page_date(text, published)
    if page != published:
        for m in violent:
            if "date" not in m.evidence and m.date == published:
                m.date = page
    if not dates:
        return  # no words date any mention: each keeps date_role ""
    for m in violent:
        _unquote(m, dates, text, published)
    crime = next((m for m in violent if m.disorder_type == CRIMINAL), None)
    was = None  # the date the crime's own words gave it
    if crime is not None:
        was = _said(crime, dates)
        _redate(crime, crime_date(dates, text, was, published))
    for m in violent:
        current = _said(m, dates)
        if m is crime or current is None:
            continue
        if current is was and crime.evidence.get("date") != was.span:
            _follow(m, crime)  # "who shot a man overnight": the day the crime's date was read to be
            continue
        if current.precision != DAY and not not_this_violence(date_role(current, text)):
            _redate(m, _narrowed(current, dates, text, published))  # "in late November" ... "the night of November 24"
            continue
        if not not_this_violence(date_role(current, text)):
            continue
        if crime is None:
            _redate(m, crime_date(dates, text, current, published))
        else:
            _follow(m, crime)
    mark_date_roles(violent, dates, text)


def mark_date_roles(violent: list[Mention], dates: list[DateMention], text: str) -> None:
    """Each mention keeps what its date's words date (`Mention.date_role`), which the event's date vote weighs."""
    for m in violent:
        said = _said(m, dates)
        if said is not None:
            m.date_role = date_role(said, text)


def _follow(m: Mention, crime: Mention) -> None:
    """The mention takes the date of the report's crime."""
    m.date, m.date_precision = crime.date, crime.date_precision
    if "date" in crime.evidence:
        m.evidence["date"] = crime.evidence["date"]


def _unquote(m: Mention, dates: list[DateMention], text: str, published: date | None) -> None:
    """A date inside someone's quoted words ("I talked to him yesterday") outside the event's own
    sentence dates the speaker's story, not the event: the report's first date said outside quotes
    stands instead, else the publication's week."""
    current = _said(m, dates)
    if current is None or m.span.start <= current.span.start < m.span.end or not _quoted(current, text):
        return
    told = next((d for d in dates if not _quoted(d, text)), None)
    if told is not None:
        _redate(m, told)
    elif published is not None:
        m.date, m.date_precision = published, WEEK
        m.evidence.pop("date", None)


def _said(m: Mention, dates: list[DateMention]) -> DateMention | None:
    """The date mention a Mention's date rests on, if any."""
    span = m.evidence.get("date")
    return next((d for d in dates if span is not None and d.span == span), None)


def _redate(m: Mention, chosen: DateMention | None) -> None:
    if chosen is not None:
        m.date, m.date_precision = chosen.value, chosen.precision
        m.evidence["date"] = chosen.span
