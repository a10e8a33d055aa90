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
from sitrep.nlp.wordstart import WordStartFinder, WordStartScreen

_WORD = re.compile(r"[\w'’-]+")
_BRACKETS = re.compile(r"\[[^\]]*\]")


@lru_cache(maxsize=4096)
def event_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the event verbs and nouns of a sentence, in order (cached: several
    rules ask about the same sentence)."""
    verb, noun = _trigger_finders()
    return sorted(set(verb(text)) | set(noun(text)))


@lru_cache(maxsize=1)
def _trigger_finders():
    """The trigger patterns as word-start finders (`WordStartFinder`: the spans of finditer, faster)."""
    return WordStartFinder(triggers().verb), WordStartFinder(triggers().noun)


@lru_cache(maxsize=1)
def _any_cue():
    """Every kind's cues in one test, to pass cue-free sentences cheaply."""
    from sitrep.events.lexicons import read_data

    patterns = [p for k in read_data("nonevent_cues.yaml")["kinds"].values() for p in k["patterns"]]
    try:
        return WordStartScreen(patterns)
    # an unforeseen regex construct, or a Python before 3.11, whose `re` has no `_parser` module
    except (re.error, TypeError, ValueError, AttributeError, ImportError):
        return any_of([k.pattern.pattern for k in nonevent_kinds()])


@lru_cache(maxsize=1)
def _kind_options() -> tuple[frozenset, dict]:
    """The kinds that frame a whole sentence (`frames_sentence`), and each kind's `unless`
    pattern: a sentence that matches it (a day-dated report) is out of that kind's reach."""
    from sitrep.events.lexicons import read_data

    raw = read_data("nonevent_cues.yaml")["kinds"]
    framing = frozenset(name for name, k in raw.items() if k.get("frames_sentence"))
    unless = {name: re.compile(k["unless"], re.I) for name, k in raw.items() if k.get("unless")}
    return framing, unless


@lru_cache(maxsize=1)
def _kind_patterns():
    """(kind, its pattern without re.I for lower-cased text, or None): `re` runs several times
    faster without re.I. None keeps re.I on the text as written, for a pattern with an
    upper-case literal or a case-sensitive part ("(?-i:may)", the verb, not the month)."""
    return tuple((kind, for_lowered(kind.pattern)) for kind in nonevent_kinds())


@lru_cache(maxsize=1)
def _kind_finders():
    """`_kind_patterns` as word-start finders: (kind, for lower-cased text or None, as written)."""
    return tuple((kind, WordStartFinder(lower_case) if lower_case else None, WordStartFinder(kind.pattern))
                 for kind, lower_case in _kind_patterns())


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
    framing_kinds, unless = _kind_options()
    cues = [(k, s, e) for k, lower_case, as_written in _kind_finders()
            for s, e in (lower_case(low) if lower_case and low else as_written(text))]
    if unless and cues:
        cues = [c for c in cues if c[0].name not in unless or not unless[c[0].name].search(text)]
    if not cues:
        return None
    if not spans:
        # no event word to govern: only what frames a whole sentence counts
        framing = [c for c in cues if c[0].name in framing_kinds]
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
