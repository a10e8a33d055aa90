"""Drop exact and near-duplicate documents before any NLP (placeholder: exact only)."""

from __future__ import annotations

from sitrep.model import Document


class Deduplicator:
    """Remembers the documents it has seen; `check` says why a new one is a duplicate, or None."""

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}

    def check(self, doc: Document) -> str | None:
        first = self._hashes.setdefault(doc.content_hash, doc.id)
        return None if first == doc.id else f"exact duplicate of {first}"
