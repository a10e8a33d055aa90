"""A JSONL-style record (dict) to a Document, by DESIGN's contract."""

from __future__ import annotations

from datetime import date, datetime

from sitrep.model import Document, content_hash


def parse_published(value: str | None) -> date | None:
    """ISO 8601 date or datetime to a date; raises ValueError on anything else."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(value[:10])


def document_from_record(rec: dict) -> Document:
    """Raises ValueError (with the reason) for a record that cannot be a Document."""
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no text")
    ident = rec.get("id") or (content_hash(rec["url"])[:16] if rec.get("url") else content_hash(text)[:16])
    return Document(id=str(ident), text=text, url=rec.get("url"), title=rec.get("title"),
                    source=rec.get("source"), published=parse_published(rec.get("published")))
