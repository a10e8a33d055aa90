"""Blank the page furniture lines of a report's text: other stories' headlines, video playlists, labels.

Scraped article text keeps lines that are no part of the story: lists of related headlines
("Deputies: 4-year-old dead after ..."), a video playlist ("0:47 Driver shot to death"), "Read
more", share buttons, photo credits. The headlines tell other shootings, and their counts, dates
and places would be read as this report's. Such lines are replaced by spaces of the same length,
never cut out: every offset into the text stays the input's (the contract of `sitrep geoparse`
and of evidence spans). The rules are data (data/furniture.yaml); a line that reads as prose is
always kept, and so is the report's own headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml

_RULES_FILE = Path(__file__).parent / "data" / "furniture.yaml"
_NOT_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# a headline opens with a capital, a digit or a quote, and ends without a sentence's closing mark
_OPENS_LIKE_HEADLINE = re.compile(r"""^["'“‘]?[A-Z0-9]""")
_CLOSING_MARKS = "\"'”’)]» "
_ENDS_LIKE_SENTENCE = tuple(".!?:;,-–—")
# the report's own content in a short line: "John Smith, 23, of Gary", "Posted: Aug 3, 2016 10:22 PM"
# (and the record fields of data/furniture.yaml: "Location: 2500 Crews Street")
_OWN_LINE = re.compile(
    r",\s*\d{1,3}(?:[,(]|\s*\(|$)|\b(?:posted|updated|published)\b|\d{1,2}:\d{2}\s*[ap]\.?\s?m\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE)
# a sentence that lost its full stop, not a headline: the words of data/furniture.yaml's
# sentence_words, or more articles than headlines use
# a dateline opens the report's own first sentence: "CHICAGO -- Five people were shot ..."
_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][\w.]*)*\s*(?:--|—|–|\(|-)")
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z(]")  # two sentences: "... condition. (Photo: ...)"
_ARTICLE = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)
_MAX_ARTICLES = 1
# a clip's running time, not a time of day ("12:47 p.m.: police say ...")
_VIDEO_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s+(?![ap]\.?\s?m\b)[\"'“‘A-Za-z0-9]", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    labels: frozenset[str]
    label_prefix: re.Pattern
    openings: tuple[str, ...]
    own_field: re.Pattern
    sentence_word: re.Pattern
    min_run: int
    min_words: int
    max_words: int
    prose_words: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = read_yaml(_RULES_FILE)
    prefixes = _alternation(data["label_prefixes"])
    run = data["headline_run"]
    return _Rules(labels=frozenset(_normal(x) for x in data["labels"]),
                  label_prefix=re.compile(rf"^\[?\s*(?:{prefixes})\s*:", re.IGNORECASE),
                  openings=tuple(o.lower() for o in data["line_openings"]),
                  own_field=re.compile(rf"^(?:{_alternation(data['record_fields'])})\s*[:–-]", re.IGNORECASE),
                  sentence_word=re.compile(rf"\b(?:{_alternation(data['sentence_words'])})\b", re.IGNORECASE),
                  min_run=int(run["min_run"]), min_words=int(run["min_words"]), max_words=int(run["max_words"]),
                  prose_words=int(data["prose_words"]))


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def _normal(line: str) -> str:
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", line.lower())).strip()


_LINE = re.compile(r"[^\n]+")
_HAS_WORD = re.compile(r"\w")
_LABEL_CHARS = 60  # no button label is longer
_HEADING_WORDS = 4  # a line this short that is no label, above a run of short lines, heads a list

# kinds of a line
_BLANK, _PROSE, _LABEL, _LINK, _HEADLINE = "blank", "prose", "label", "link", "headline"


def _kind(line: str, rules: _Rules, own_headline: str) -> str:
    """What a line (stripped) is: blank, label (a button), link (another story), headline-like, or prose."""
    if not line:
        return _BLANK
    if not _HAS_WORD.search(line):
        return _LABEL  # only punctuation: a rule line ("———", "___")
    n_words = line.count(" ") + 1  # cheap, and never too few: most lines are long prose
    if n_words > rules.prose_words:
        return _PROSE
    normal = _normal(line) if len(line) <= _LABEL_CHARS else None
    if normal is not None:
        if normal in rules.labels or (line.endswith(":") and n_words <= 8
                                      and any(normal.startswith(label + " ") for label in rules.labels)):
            return _LABEL  # "Read more top trending stories on wsoctv.com:"
    if line.lower().startswith(rules.openings) or rules.label_prefix.match(line):
        return _LINK
    end = line.rstrip(_CLOSING_MARKS)
    if _VIDEO_TIME.match(line) and not end.endswith("."):
        return _LINK
    if end.endswith(_ENDS_LIKE_SENTENCE):
        return _PROSE
    words = line.split()
    if (rules.min_words <= len(words) <= rules.max_words and _OPENS_LIKE_HEADLINE.match(line)
            and not _OWN_LINE.search(line) and not rules.own_field.match(line)
            and not rules.sentence_word.search(line)
            and not _SENTENCE_BREAK.search(line)
            and len(_ARTICLE.findall(line)) <= _MAX_ARTICLES
            and not _DATELINE.match(line) and not (line.isupper() and len(words) >= 4)):
        normal = _normal(line) if normal is None else normal
        if own_headline and (own_headline.startswith(normal) or normal.startswith(own_headline)):
            return _PROSE  # the report's own headline (or its first words) is its content
        return _HEADLINE
    return _PROSE


def _heads_a_list(text: str, lines: list[tuple[int, int, str]], i: int, max_words: int) -> bool:
    """Whether the lines above line i head the report's own list: "The victims were:", "KEY POINTS",
    "Quick Facts", looking up past the list's items that read as short sentences without a full stop."""
    for start, end, _ in reversed(lines[:i]):
        before = text[start:end].strip()
        if before.endswith(":") or (len(before.split()) <= _HEADING_WORDS and not before.endswith(".")):
            return True
        if before.endswith(_ENDS_LIKE_SENTENCE) or len(before.split()) > max_words:
            return False  # a paragraph of prose: no heading above this run
    return False


def furniture_lines(text: str, own_headline: str = "") -> list[tuple[int, int]]:
    """The (start, end) offsets of the furniture lines of a text, in order."""
    rules = _rules()
    own = _normal(own_headline)
    lines: list[tuple[int, int, str]] = []  # (start, end, kind) of every non-blank line
    seen_prose = False
    for match in _LINE.finditer(text):
        kind = _kind(match.group().strip(), rules, own)
        if kind != _BLANK:
            lines.append((match.start(), match.end(), kind))
    dropped: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i][2] == _PROSE:
            seen_prose = True
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j][2] != _PROSE:
            j += 1
        run = lines[i:j]  # neighbouring non-prose lines
        own_list = _heads_a_list(text, lines, i, rules.max_words)
        has_furniture = any(kind in (_LABEL, _LINK) for _, _, kind in run)
        headlines_are_furniture = not own_list and (has_furniture or (seen_prose and len(run) >= rules.min_run))
        for s, e, kind in run:
            if kind != _HEADLINE or headlines_are_furniture:
                dropped.append((s, e))
        i = j
    return dropped


def without_furniture(text: str, own_headline: str = "") -> str:
    """The text with its furniture lines replaced by spaces (same length, so offsets stay)."""
    spans = furniture_lines(text, own_headline)
    if spans:
        parts, last = [], 0
        for s, e in spans:
            parts.append(text[last:s])
            parts.append(" " * (e - s))
            last = e
        parts.append(text[last:])
        text = "".join(parts)
    return text
