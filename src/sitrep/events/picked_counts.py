"""Figures that pick some out of a figure already told in the sentence: "four were shot, two are in
critical condition" (still four), "six were hurt, including one in serious condition" (six), and
"One of 5 shot in a bar dies" (one dead, four wounded).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.events.lexicons import count_cues

if TYPE_CHECKING:
    from sitrep.events.figures import Count, Number

_PICKED_BEFORE = re.compile(r"\b(?:including|among\s+them)\s+$", re.I)  # "..., including one in critical condition"
_PICKED_AFTER = re.compile(r"\s+(?:of\s+(?:them|those|whom|the\s+(?:victims|wounded|injured))\b|"
                           r"(?:(?:person|people|man|men|woman|women|victims?)\s+)?in\s+\w+(?:\s+\w+)?\s+condition\b|"
                           r"with\s+(?:[\w-]+\s+){0,2}?(?:injuries|injury|wounds?)\b)", re.I)
_PART_LEAD = re.compile(r"\b(one|two|three|\d{1,2})\s+of\s+(?:the\s+|those\s+)?$", re.I)  # "One of (the) 5 shot"
_SMALL = {"one": 1, "two": 2, "three": 3}
_PART_DIES = re.compile(r"[^.;]{0,120}?\b(?:dies|died|succumbs|succumbed|(?:is|was|were|are)\s+(?:now\s+)?dead)\b", re.I)
_CONDITION = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:are|is|was|were|remain|remains|remained|listed)\s+"
                        r"(?:(?:\w+\s+)?in\s+\w+\s+condition|stable)", re.I)


def some_died(text: str, start: int, end: int, n: Number, part: Number | None, next_start: int) -> tuple[int, int] | None:
    """"One of 5 shot in a bar dies", "two of the four people shot have died": (how many died, where
    their figure starts) when a figure of those shot (`n`) is picked from and the words after say died."""
    if part is not None:
        value, at = part.value, part.start
    else:
        lead = _PART_LEAD.search(text, max(start, n.start - 16), n.start)
        if lead is None:
            return None
        word = lead.group(1).lower()
        value, at = (int(word) if word.isdigit() else _SMALL.get(word)), lead.start(1)
    if value is None or value >= n.value or not _PART_DIES.match(text, n.end, end):
        return None
    shot = count_cues().after_number.match(text, n.end, next_start)
    return (value, at) if shot is not None and shot.group("injury") else None


def condition_of_the_counted(text: str, counts: list[Count]) -> list[Count]:
    """"Four people were shot, two are in critical condition": the condition is told of some of
    the wounded already counted, not of more; alone ("two remain in critical condition") it counts."""
    hurt = [c for c in counts if c.kind == "injury"]
    if len(hurt) < 2:
        return counts
    told = [c for c in hurt if _CONDITION.match(text, c.end)]
    if not told or len(told) == len(hurt):
        return counts  # "two women and three men were in critical condition": 5
    first = min(c.start for c in hurt if c not in told)
    # "two men were in critical condition and two others injured": the condition came first, 4
    return [c for c in counts if c not in told or c.start < first]


def part_of_the_counted(text: str, counts: list[Count]) -> list[Count]:
    """"Seven men were shot, leaving two of them in critical condition", "six were hurt, including
    one in critical condition": a later figure of wounded that picks some out of the first is no more."""
    hurt = [c for c in counts if c.kind == "injury"]
    if len(hurt) < 2:
        return counts
    first = hurt[0]
    part = [c for c in hurt[1:] if c.start >= first.end and (_PICKED_BEFORE.search(text, max(0, c.start - 16), c.start)
                                                            or _PICKED_AFTER.match(text, c.end))]
    return [c for c in counts if c not in part]
