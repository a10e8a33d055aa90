"""Big regex alternations of words, matched only where a match can open: at word starts.

`re` tries every alternative of a pattern at every character of a text. When each alternative
can only open at a word start (a \\b, then a word character), a Python loop over the word starts
of a text, each tried with just the alternatives that can open with its letter, gives the same
matches for a third to a half of the cost: the answers are the same by construction, and
patterns whose shape cannot be shown that of are searched whole. The events stage's trigger
words and non-event cues are such alternations.
"""

from __future__ import annotations

import re

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


class WordStartScreen:
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
        # each searched whole only when the text holds a piece of it every match holds
        self.anywhere = [(re.compile(p, re.I).search, *(_required_text(p) or (None, False))) for p in anywhere]

    def __call__(self, text: str) -> bool:
        lowered = text.lower()
        for search, piece, as_written in self.anywhere:
            if piece is None or piece in (text if as_written else lowered):
                if search(text):
                    return True
        if self.word_starts is None:
            return False
        at_word = self.at_word
        for m in self.word_starts.finditer(lowered):
            start = m.start()
            if at_word[lowered[start]](lowered, start):
                return True
        return False


# letters whose every re.I equivalent lower-cases to them ("ſ" matches "s", "İ" "i", "K" "k": left out)
_PLAIN_FOLD = frozenset("abcdefghjlmnopqrtuvwxyz0123456789 -'")


def _required_text(pattern: str) -> tuple[str, bool] | None:
    """The longest run of plain letters every match of the case-insensitive `pattern` holds, and
    whether it must be found as written (inside "(?-i:...)") or may be found in the lower-cased
    text; None when there is no run of three or more."""
    from re import _constants as sre
    from re import _parser

    runs: list[tuple[str, bool]] = []

    def walk(items, as_written: bool) -> None:
        run = ""
        for op, arg in items:
            if op is sre.LITERAL:
                run += chr(arg)
                continue
            if op is sre.AT or str(op) in _ZERO_WIDTH:
                continue  # consumes nothing: the letters on both sides are next to each other
            runs.append((run, as_written))
            run = ""
            if op is sre.SUBPATTERN and not arg[1]:  # a group, no quantifier: its letters are required too
                walk(arg[3], as_written or bool(arg[2] & re.I))
        runs.append((run, as_written))
    try:
        walk(_parser.parse(pattern, re.I), False)
    except (re.error, TypeError, ValueError, AttributeError, ImportError):
        return None
    usable = [(run if as_written else run.lower(), as_written) for run, as_written in runs
              if len(run) >= 3 and (as_written or set(run.lower()) <= _PLAIN_FOLD)]
    return max(usable, key=lambda r: len(r[0]), default=None)


def _next_atom(source: str, i: int) -> int:
    """Where the piece of regex source at `i` ends: after an escape, a whole character class
    ("|", ")" and a leading "]" inside one are letters), or a single character."""
    if source[i] == "\\":
        return i + 2
    if source[i] != "[":
        return i + 1
    j = i + 2 if source[i + 1:i + 2] == "^" else i + 1
    j += 1  # a "]" just after "[" or "[^" is a letter
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1 if j < len(source) else -1


def _is_one_group(source: str) -> bool:
    """Whether `source` is one "(...)" group: "(?:a|b)" is, "(?:a)(?:b)" and "(?:a)?" are not."""
    if not source.startswith("(") or not source.endswith(")"):
        return False
    depth, i = 0, 0
    while 0 <= i < len(source):
        depth += {"(": 1, ")": -1}.get(source[i], 0)
        if depth == 0:
            return i == len(source) - 1
        i = _next_atom(source, i)
    return False


def _alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of a regex's source ("a|(?:b|c)d" -> "a", "(?:b|c)d"); a
    non-capturing group that is a whole alternative is opened ("(?:b|c)" -> "b", "c"): the same
    alternatives in the order `re` tries them. None for unbalanced brackets."""
    out, depth, start, i = [], 0, 0, 0
    while 0 <= i < len(source):
        ch = source[i]
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i = _next_atom(source, i)
    if depth or i < 0:
        return None
    out.append(source[start:])
    opened = []
    for alt in out:
        inner = _alternatives(alt[3:-1]) if alt.startswith("(?:") and _is_one_group(alt) else None
        opened += inner if inner is not None else [alt]
    return opened


def _first_letters(alternative: str, ignore_case: bool, boundary: bool) -> set[str] | None:
    """The letters or digits a match of `alternative` (after a \\b when `boundary`) can open
    with, lower-cased when `ignore_case`; None when that cannot be shown. "(?-i:...)" only
    narrows what matches, so its letters stand; "(?i:...)" could widen them: None."""
    from re import _constants as sre
    from re import _parser

    def unflagged(parsed):  # "(?-i:march)" -> "march": its first letters are the same
        out = []
        for op, arg in parsed:
            if op is sre.SUBPATTERN:
                if arg[1]:
                    raise ValueError("a group that adds flags")
                op, arg = sre.SUBPATTERN, (arg[0], 0, 0, unflagged(arg[3]))
            out.append((op, arg))
        return out
    try:
        chars = _word_start_chars(unflagged(_parser.parse(alternative)), boundary=boundary)
    except (re.error, TypeError, ValueError, AttributeError, ImportError):
        return None
    if not chars:
        return None
    return {c.lower() for c in chars} if ignore_case else set(chars)


class WordStartFinder:
    """`finditer` of a big alternation of words, as (start, end) spans, at a fraction of the cost.

    For a pattern `\\b(?:a|b|...)\\b`, or `a|b|...` whose every alternative opens with \\b: a
    match can only open at a word start, so only those are tried, each with just the
    alternatives that can open with its letter, in the pattern's order (the one `re` would
    choose first there). Any other pattern is searched whole, as `finditer` would."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.at_word: dict[str, object] | None = None
        source, flags = pattern.pattern, pattern.flags
        wrapped = source.startswith(r"\b(?:") and source.endswith(r")\b") and _is_one_group(source[2:-2])
        alternatives = _alternatives(source[5:-3] if wrapped else source)
        ignore_case = bool(flags & re.I)
        firsts = [_first_letters(a, ignore_case, boundary=wrapped) for a in alternatives or ()]
        if not alternatives or any(f is None for f in firsts):
            return
        letters = sorted(set().union(*firsts))
        at_word = {}
        for c in letters:
            own = "|".join(f"(?:{a})" for a, f in zip(alternatives, firsts) if c in f)
            match = re.compile(rf"\b(?:{own})\b" if wrapped else own, flags).match
            at_word[c] = match
            if ignore_case:
                at_word[c.upper()] = match
        self.at_word = at_word
        # a word start whose letter is one of them (or folds to one, under re.I)
        self.starts = re.compile(rf"\b[{re.escape(''.join(letters))}]", flags & re.I).finditer

    def __call__(self, text: str) -> list[tuple[int, int]]:
        if self.at_word is None:
            return [m.span() for m in self.pattern.finditer(text)]
        out, done, at_word, whole = [], 0, self.at_word, self.pattern.match
        for m in self.starts(text):
            start = m.start()
            if start < done:
                continue  # inside the last match: finditer goes on from its end
            # a letter re.I folds in ("K", the Kelvin sign): the whole pattern, tried at this start
            found = at_word.get(text[start], whole)(text, start)
            if found:
                done = found.end()
                out.append((start, done))
        return out


def opens_at_word_start(pattern: str) -> bool:
    """Whether every match of `pattern` (no flags) can be shown to open at a word start: a \\b,
    then a letter or digit."""
    return _first_letters(pattern, ignore_case=False, boundary=False) is not None
