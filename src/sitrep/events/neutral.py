"""Loaded words replaced by neutral ones, so that the classifier types an event the same way
whichever side's vocabulary the report uses ("martyred", "neutralized", "killed")."""

from __future__ import annotations

import re

from sitrep.events.lexicons import neutral_vocabulary

_SPACES = re.compile(r"\s{2,}")


def neutralize(text: str) -> str:
    """The text with the words of data/neutral_vocabulary.yaml replaced (for classifying only)."""
    for pattern, neutral in neutral_vocabulary():
        text = pattern.sub(neutral, text)
    return _SPACES.sub(" ", text)
