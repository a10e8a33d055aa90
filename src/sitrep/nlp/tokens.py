"""Word and number tokens of a text with offsets, computed once per text and shared by the finders.

Why: scanning a text with many large word alternations costs milliseconds in Python's `re`; one
pass with a simple character-class pattern, then set look-ups per token, costs a tenth. The
finders pick the few tokens that can start what they look for and match their patterns there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*[A-Za-z]*")


@dataclass(frozen=True)
class Tokens:
    words: list[str]  # lowercased tokens
    matches: list[re.Match]  # the same tokens in the original text, for offsets

    def start(self, k: int) -> int:
        return self.matches[k].start()

    def end(self, k: int) -> int:
        return self.matches[k].end()

    def candidates(self, triggers: frozenset[str] | set[str], digits: bool = True) -> list[int]:
        """Indexes of the tokens in `triggers` (and of every number when `digits`)."""
        words = self.words
        if digits:
            return [k for k, w in enumerate(words) if w in triggers or w[0] <= "9"]
        return [k for k, w in enumerate(words) if w in triggers]


_last: tuple[str | None, Tokens | None] = (None, None)


def word_tokens(text: str) -> Tokens:
    """The tokens of `text`; the result for the most recent text is kept, so the finders that run
    over one document share one pass."""
    global _last
    last = _last  # one read: another thread may replace the cache meanwhile
    if last[0] is text and last[1] is not None:
        return last[1]
    matches = list(_TOKEN.finditer(text))
    words = _TOKEN.findall(text.lower())
    if len(words) != len(matches):  # lowercasing a rare letter (the Kelvin sign) made a new token
        words = [m.group().lower() for m in matches]
    toks = Tokens(words, matches)
    _last = (text, toks)
    return toks
