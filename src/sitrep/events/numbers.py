"""The counts of a document as (span, value) pairs: nlp's quantities, or a small reader of its own.

`nlp` finds quantities with their kind (a count, an age, a year...). When an Analysis carries
none (an older or partial nlp), this module reads plain counts itself: figures and number words,
with ACLED's readings of vague words ("several" = 3, "dozens" = 12, "hundreds" = 100), leaving
out years, ages, times, distances and anything inside square brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.model import Analysis

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_VAGUE = {"several": 3, "a few": 3, "a dozen": 12, "dozens of": 12, "dozens": 12, "scores of": 20,
          "hundreds of": 100, "hundreds": 100, "thousands of": 1000, "thousands": 1000}
_WORDS = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w./:-])(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+)"
    rf"|(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_UNITS)}))?"
    rf"|(?P<word>{_WORDS})"
    rf"|(?P<vague>{'|'.join(sorted(_VAGUE, key=len, reverse=True))}))(?![\w:/-])",
    re.I,
)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_NOT_A_COUNT_AFTER = re.compile(
    rf"(?:\s*(?:-|\s)\s*year|\s*(?:{_MONTHS})\b|\s*(?:am|pm|a\.m|p\.m|h|hrs|gmt|utc|km|kilomet|mile|metre|meter|%|per ?cent|percent|kg|tons?|tonnes?|years?|months?|weeks?|days?|hours?|minutes?|o'clock|st|nd|rd|th)\b)",
    re.I,
)
_NOT_A_COUNT_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\.?\s*|\$|€|£|\b(?:aged?|no\.|number|route|highway|road)\s*)$", re.I)


@dataclass(frozen=True)
class Number:
    """A count in the text: where it is and its conservative value."""

    start: int
    end: int
    value: int


def _value(m: re.Match) -> int:
    if m.group("digits"):
        return int(m.group("digits").replace(",", ""))
    if m.group("tens"):
        return _TENS[m.group("tens").lower()] + (_UNITS[m.group("unit").lower()] if m.group("unit") else 0)
    if m.group("word"):
        return _UNITS.get(m.group("word").lower()) or _TENS[m.group("word").lower()]
    return _VAGUE[m.group("vague").lower()]


def _inside_brackets(text: str, pos: int) -> bool:
    opened = text.rfind("[", 0, pos)
    return opened != -1 and text.rfind("]", 0, pos) < opened


def read_numbers(text: str) -> list[Number]:
    """Counts in a text by this module's own reading (see the module docstring)."""
    out = []
    for m in _NUMBER.finditer(text):
        value = _value(m)
        if m.group("digits") and 1900 <= value <= 2100 and "," not in m.group("digits"):
            continue  # a year
        if _NOT_A_COUNT_AFTER.match(text, m.end()) or _NOT_A_COUNT_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        if _inside_brackets(text, m.start()):
            continue
        out.append(Number(m.start(), m.end(), value))
    return out


def document_numbers(analysis: Analysis) -> list[Number]:
    """The counts of a document: nlp's count quantities when it found any, else our own reading."""
    text = analysis.doc.text
    if analysis.quantities:
        return [Number(q.span.start, q.span.end, q.value) for q in analysis.quantities
                if q.kind == "count" and not _inside_brackets(text, q.span.start)]
    return read_numbers(text)
