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
3. else the document's first date said anywhere (the lede's date), with its words as evidence;
4. else the published date, with precision "week" (ACLED's 2: the report dates it only to its
   own week) and no evidence, since no words support it.
Dates come from `sitrep.nlp` only (it always runs before events).
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.events.filters import event_words
from sitrep.model import DAY, WEEK, Analysis, DateMention, Sentence

# "police said Friday", "was charged on Tuesday": the date of a statement or of a step that
# followed the event (arrest, court), not of the event.
_STATEMENT = re.compile(
    r"\b(?:said|says|say|announced|told|reported|stated|confirmed|added|explained|released|identified|"
    r"charged|arrested|arraigned|booked|sentenced|convicted|indicted|appeared|pleaded|testified|ruled)"
    r"\s+(?:on\s+|late\s+|early\s+|earlier\s+|last\s+)?$", re.I)
# "Posted: Monday, March 31, 2014", "UPDATED at 11:37 A.M. on Monday": when the page was written.
_STAMP = re.compile(r"\b(?:posted|updated|published|modified|last update)\s*(?::|at\b|on\b)[^\n]{0,30}$", re.I)


def document_dates(analysis: Analysis) -> list[DateMention]:
    """The resolved date mentions of a document, in reading order."""
    text = analysis.doc.text
    return sorted((d for d in analysis.dates if d.value is not None and not _is_stamp(d, text)),
                  key=lambda d: d.span.start)


def _of_the_event(inside: list[DateMention], sentence: Sentence) -> DateMention:
    """The date among a sentence's dates that dates its event (rule 1 of the module docstring):
    not a statement's or a later step's date when another is said, and of the rest the one
    nearest the words of the event ("still in hospital Wednesday after Tuesday's shooting")."""
    if len(inside) == 1:
        return inside[0]
    told = [d for d in inside
            if _STATEMENT.search(sentence.text, max(0, d.span.start - sentence.start - 24), d.span.start - sentence.start)]
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


def _is_stamp(d: DateMention, text: str) -> bool:
    return bool(_STAMP.search(text, max(0, d.span.start - 40), d.span.start))


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
        return dates[0].value, dates[0].precision, dates[0].span
    if published is not None:
        return published, WEEK, None
    return None, None, None
