"""Sentences to event Mentions (placeholder: finds nothing; the events work replaces it)."""

from __future__ import annotations

from sitrep.model import Analysis, Mention


def extract(analysis: Analysis) -> list[Mention]:
    return []
