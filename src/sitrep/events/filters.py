"""Non-event rules: tell a report of one specific event from what is not one.

Not events: aggregates, patterns, forecasts, denials, hypotheticals, opinion and background. A
cue only counts when it governs an event word: it sits within its kind's window of words from
it, on the side the data's `where` says, or the event word is part of the cue. "Relatives of
reporters killed ten years ago demonstrated" stays an event: the demonstration is free of any
cue; only the killing is background. The cues are data: `data/nonevent_cues.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.events.lexicons import any_of, for_lowered, lowered, nonevent_kinds, triggers

_WORD = re.compile(r"[\w'’-]+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_SENTENCE_KINDS = ("aggregate", "pattern", "accident", "diplomacy")


@lru_cache(maxsize=4096)
def event_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the event verbs and nouns of a sentence, in order (cached: several
    rules ask about the same sentence)."""
    low = lowered(text)
    fast = _lowercase_triggers()
    if fast is not None and low is not None:  # same offsets: search the lowered text
        verb, noun, text = fast[0], fast[1], low
    else:
        verb, noun = triggers().verb, triggers().noun
    spans = {(m.start(), m.end()) for m in verb.finditer(text)}
    spans |= {(m.start(), m.end()) for m in noun.finditer(text)}
    return sorted(spans)


@lru_cache(maxsize=1)
def _lowercase_triggers() -> tuple[re.Pattern, re.Pattern] | None:
    """The trigger patterns for lowercased text (`lexicons.for_lowered`), None when either cannot be."""
    verb, noun = for_lowered(triggers().verb), for_lowered(triggers().noun)
    return (verb, noun) if verb is not None and noun is not None else None



@lru_cache(maxsize=1)
def _any_cue():
    """Every kind's cues in one test, to pass cue-free sentences cheaply."""
    from sitrep.events.lexicons import _read

    patterns = [p for k in _read("nonevent_cues.yaml")["kinds"].values() for p in k["patterns"]]
    try:
        return _WordStartScreen(patterns)
    # an unforeseen regex construct, or a Python before 3.11, whose `re` has no `_parser` module
    except (re.error, TypeError, ValueError, AttributeError, ImportError):
        return any_of([k.pattern.pattern for k in nonevent_kinds()])


@lru_cache(maxsize=1)
def _kind_patterns():
    """(kind, its pattern without re.I for lower-cased text, or None): `re` runs several times
    faster without re.I. None keeps re.I on the text as written, for a pattern with an
    upper-case literal or a case-sensitive part ("(?-i:may)", the verb, not the month)."""
    return tuple((kind, for_lowered(kind.pattern)) for kind in nonevent_kinds())


_ZERO_WIDTH = {"ASSERT", "ASSERT_NOT"}  # lookahead and lookbehind, by their parser names


def _word_start_chars(parsed, boundary: bool = False) -> set[str] | None:
    """The characters a match of a parsed regex can begin with, when it can only begin at the start
    of a word (a \\b, then a word character); None when that cannot be shown."""
    from re import _constants as sre  # the parser's own vocabulary; any surprise -> None

    for op, arg in parsed:
        if str(op) in _ZERO_WIDTH:
            continue  # a lookaround consumes nothing: the next item still opens the match
        if op is sre.AT:
            boundary = boundary or arg is sre.AT_BOUNDARY
            continue
        if op is sre.SUBPATTERN and arg[1] == 0 and arg[2] == 0:  # a group without flag changes
            return _word_start_chars(arg[3], boundary)
        if op is sre.BRANCH:
            branches = [_word_start_chars(b, boundary) for b in arg[1]]
            return None if any(b is None for b in branches) else set().union(*branches)
        if op is sre.LITERAL:
            chars = {chr(arg)}
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in arg):
            chars = {chr(a) for _, a in arg}
        else:
            return None
        return chars if boundary and all(c.isalnum() or c == "_" for c in chars) else None
    return None


class _WordStartScreen:
    """Does a text hold any of these case-insensitive patterns? The same answer as searching their
    union, cheaper: most cues open with \\b and a word, so each is tried only at word starts
    whose first letter it can begin with (a few alternatives per word, not all of them at every
    character). Matching there runs on lower-cased text without re.I (several times faster in
    `re`). Patterns it cannot show that of, and those with an upper-case literal or a
    case-sensitive part ("(?-i:\\bmay\\b)"), are searched whole, as written."""

    def __init__(self, patterns: list[str]):
        from re import _parser

        by_char: dict[str, list[str]] = {}
        anywhere: list[str] = []
        for pattern in patterns:
            # a pattern with an upper-case literal could not match lower-cased text: searched whole
            upper = re.search(r"(?<!\\)[A-Z]", pattern)
            chars = None if upper else _word_start_chars(_parser.parse(pattern))
            if chars is None:
                anywhere.append(pattern)
            for c in chars or ():
                by_char.setdefault(c, []).append(pattern)
        self.at_word = {c: re.compile("|".join(f"(?:{p})" for p in ps)).match for c, ps in by_char.items()}
        self.word_starts = re.compile(rf"\b[{re.escape(''.join(sorted(by_char)))}]") if by_char else None
        self.anywhere = re.compile("|".join(f"(?:{p})" for p in anywhere), re.I).search if anywhere else None

    def __call__(self, text: str) -> bool:
        if self.anywhere is not None and self.anywhere(text):
            return True
        if self.word_starts is None:
            return False
        lowered, at_word = text.lower(), self.at_word
        for m in self.word_starts.finditer(lowered):
            start = m.start()
            if at_word[lowered[start]](lowered, start):
                return True
        return False


def _word_index(text: str) -> list[int]:
    """Start offsets of the words of a text, to measure distances in words."""
    return [m.start() for m in _WORD.finditer(text)]


def _words_between(starts: list[int], a: int, b: int) -> int:
    """How many words start in [a, b)."""
    from bisect import bisect_left

    return bisect_left(starts, b) - bisect_left(starts, a)


def non_event_reason(text: str, trigger_spans: list[tuple[int, int]] | None = None) -> str | None:
    """The kind of non-event a sentence is ("forecast", "aggregate"...), or None for an event.

    With no event word at all in the sentence, only aggregates, patterns, accidents and
    diplomacy decide: they frame a whole sentence.
    """
    if "[" in text:
        text = _BRACKETS.sub(lambda m: " " * len(m.group()), text)  # editors' notes: "[size=no report]"
    if not _any_cue()(text):
        return None  # most event sentences hold no cue at all: one scan tells
    spans = event_words(text) if trigger_spans is None else trigger_spans
    low = lowered(text)
    cues = [(k, m.start(), m.end()) for k, lower_case in _kind_patterns()
            for m in (lower_case.finditer(low) if lower_case and low else k.pattern.finditer(text))]
    if not cues:
        return None
    if not spans:
        # no event word to govern: only what frames a whole sentence counts
        framing = [c for c in cues if c[0].name in _SENTENCE_KINDS]
        return framing[0][0].name if framing else None
    starts = _word_index(text)
    first_reason = None
    for s, e in spans:
        governed = None
        for kind, cs, ce in cues:
            if cs <= s and e <= ce:
                gap = 0
            elif ce <= s and kind.where != "after":
                gap = _words_between(starts, ce, s)
            elif kind.where != "before" and cs >= e:
                gap = _words_between(starts, e, cs)
            else:
                continue
            if gap <= kind.window:
                governed = kind.name
                break
        if governed is None:
            return None  # one free event word is enough
        first_reason = first_reason or governed
    return first_reason
