"""Give each Mention the place where its event happened (placeholder; the geo work replaces it)."""

from __future__ import annotations

from sitrep.model import Analysis, Mention, Toponym


def locate(analysis: Analysis, mentions: list[Mention], toponyms: list[Toponym]) -> list[Mention]:
    return mentions
