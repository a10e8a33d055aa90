"""The date of an event mention: which date words govern it, or the report's own date.

The order (documented in the README's events section):
1. a date said in the event's own sentence ("on Tuesday", "on 3 May 2022"), the first one;
2. else the date said in the nearest earlier sentence of the same paragraph (a lede often
   dates the event and the next sentence gives the details);
3. else the document's first date said anywhere (the lede's date), with its words as evidence;
4. else the published date, with precision "week" (ACLED's 2: the report dates it only to its
   own week) and no evidence, since no words support it.
When nlp gives no date mentions at all, explicit full dates ("23 February 2022", "February 23,
2022") are read here, so a partial nlp still dates what the text dates exactly.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.model import DAY, WEEK, Analysis, DateMention, Sentence, Span

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTH = "(" + "|".join(_MONTHS) + ")"
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(\d{{4}})\b", re.I)
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b", re.I)


def explicit_dates(doc_id: str, text: str) -> list[DateMention]:
    """Full dates written out in a text, as DateMentions with day precision."""
    out = []
    for rx, order in ((_DAY_FIRST, "dmy"), (_MONTH_FIRST, "mdy")):
        for m in rx.finditer(text):
            d, mo, y = (m.group(1), m.group(2), m.group(3)) if order == "dmy" else (m.group(2), m.group(1), m.group(3))
            try:
                value = date(int(y), _MONTHS[mo.lower()], int(d))
            except ValueError:
                continue
            out.append(DateMention(Span(doc_id, m.start(), m.end(), m.group()), value, DAY))
    return sorted(out, key=lambda dm: dm.span.start)


def document_dates(analysis: Analysis) -> list[DateMention]:
    """The resolved date mentions of a document, in reading order."""
    dates = [d for d in analysis.dates if d.value is not None]
    if not analysis.dates:
        dates = explicit_dates(analysis.doc.id, analysis.doc.text)
    return sorted(dates, key=lambda d: d.span.start)


def event_date(dates: list[DateMention], sentences: list[Sentence], index: int,
               same_paragraph: list[int], published: date | None) -> tuple[date | None, int | None, Span | None]:
    """(date, precision, evidence) for the event of sentence `index` (see the module docstring).

    `same_paragraph` lists the indexes of earlier sentences in the event sentence's paragraph,
    nearest first.
    """
    for i in [index, *same_paragraph]:
        s = sentences[i]
        inside = [d for d in dates if s.start <= d.span.start and d.span.end <= s.end]
        if inside:
            return inside[0].value, inside[0].precision, inside[0].span
    if dates:
        return dates[0].value, dates[0].precision, dates[0].span
    if published is not None:
        return published, WEEK, None
    return None, None, None
