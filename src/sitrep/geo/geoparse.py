"""Find and resolve the place names of a document (placeholder: none; the geo work replaces it)."""

from __future__ import annotations

from sitrep.model import Document, Toponym


def geoparse(doc: Document) -> list[Toponym]:
    return []
