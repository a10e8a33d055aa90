"""Merge the Mentions of one document that report the same event (placeholder: keeps all)."""

from __future__ import annotations

from sitrep.model import Mention


def merge_within(mentions: list[Mention]) -> list[Mention]:
    return mentions
