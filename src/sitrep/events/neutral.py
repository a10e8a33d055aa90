"""Loaded words replaced by neutral ones, so that the classifier types an event the same way
whichever side's vocabulary the report uses ("martyred", "neutralized", "killed")."""

from __future__ import annotations

import re

from functools import lru_cache

from sitrep.events.lexicons import any_of, neutral_vocabulary

_SPACES = re.compile(r"\s{2,}")


@lru_cache(maxsize=1)
def _any_loaded_word():
    """One test for every entry: most sentences hold none of the words and are passed as they are."""
    return any_of([p.pattern for p, _ in neutral_vocabulary()])


def neutralize(text: str) -> str:
    """The text with the words of data/neutral_vocabulary.yaml replaced (for classifying only).

    Entries apply in the file's order, each to the result of the one before ("occupation
    forces" -> "forces" -> "soldiers")."""
    if not _any_loaded_word()(text):
        return text if "  " not in text else _SPACES.sub(" ", text)
    for pattern, neutral in neutral_vocabulary():
        text = pattern.sub(neutral, text)
    return _SPACES.sub(" ", text)


def neutralize_sentences(text: str, sentences) -> list[str]:
    """Every sentence neutralized; a document holding none of the loaded words is read in one scan."""
    if not _any_loaded_word()(text):
        return [s.text if "  " not in s.text else _SPACES.sub(" ", s.text) for s in sentences]
    return [neutralize(s.text) for s in sentences]
