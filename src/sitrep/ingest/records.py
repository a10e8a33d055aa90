"""A JSONL-style record (dict) to a Document, by DESIGN's contract, and published dates."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml
from sitrep.ingest.headline import with_headline
from sitrep.model import Document, content_hash

_FIELDS_FILE = Path(__file__).parent / "data" / "record_fields.yaml"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HAS_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
# Dates outside this range are typing errors or epoch defaults, not publication dates.
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


@lru_cache(maxsize=1)
def field_aliases() -> dict[str, list[str]]:
    """sitrep field name -> other keys that mean the same thing (data/record_fields.yaml)."""
    return {k: list(v) for k, v in read_yaml(_FIELDS_FILE).items()}


def canonical_record(rec: dict) -> dict:
    """The record with DESIGN's keys, filling a missing key from its first present alias."""
    out = dict(rec)
    for key, aliases in field_aliases().items():
        if out.get(key) in (None, ""):
            for alias in aliases:
                if rec.get(alias) not in (None, ""):
                    out[key] = rec[alias]
                    break
    return out


def parse_published(value) -> date | None:
    """An ISO 8601 date or datetime (also RFC 2822, as feeds write it) to a date.

    Returns None for an empty value; raises ValueError, naming the value, for anything else.
    A datetime keeps the calendar day it was written in (its own time zone).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _checked(value.date(), value)
    if isinstance(value, date):
        return _checked(value, value)
    if not isinstance(value, str):
        raise ValueError(f"published is not a date string: {value!r}")
    text = value.strip()
    try:
        return _checked(datetime.fromisoformat(text.replace("Z", "+00:00")).date(), value)
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
        try:
            return _checked(date.fromisoformat(text[:10]), value)
        except ValueError:
            raise ValueError(f"unparseable published date {value!r}") from None
    try:
        return _checked(parsedate_to_datetime(text).date(), value)
    except (TypeError, ValueError, IndexError):
        pass
    if _HAS_YEAR.search(text):  # "March 5, 2024", "5 Mar 2024 10:00": a year and more
        from dateutil import parser as dateparser

        try:
            return _checked(dateparser.parse(text, default=datetime(2000, 1, 1)).date(), value)
        except (ValueError, OverflowError):
            pass
    raise ValueError(f"unparseable published date {value!r}")


def _checked(day: date, value) -> date:
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        raise ValueError(f"published date out of range: {value!r}")
    return day


def clean_text(text: str) -> str:
    """Unix newlines, no control characters, no surrounding blank space."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text).strip()


def record_id(rec: dict, text: str) -> str:
    """The record's id; else one derived from its url; else from its text's hash."""
    if rec.get("id") not in (None, ""):
        return str(rec["id"])
    if rec.get("url"):
        return content_hash(str(rec["url"]))[:16]
    return content_hash(text)[:16]


def _optional_str(value) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


def document_from_record(rec: dict, warn: Callable[[str], None] | None = None) -> Document:
    """One record to one Document. Raises ValueError (with the reason) when it cannot be one.

    A record with "html" and no "text" is read as one page (a listing page's stories stay
    together; `documents_from_record` splits them). A bad `published` value does not lose the
    document: the date is dropped and `warn` (default: `warnings.warn`) is told why.
    """
    return documents_from_record(rec, warn, split_listings=False)[0]


def documents_from_record(rec: dict, warn: Callable[[str], None] | None = None,
                          split_listings: bool = True) -> list[Document]:
    """The Documents of one record: one, or one per story of a listing page in "html".

    Raises ValueError (with the reason) when the record holds no usable text.
    """
    if not isinstance(rec, dict):
        raise ValueError(f"record is a JSON {type(rec).__name__}, not an object")
    rec = canonical_record(rec)
    text = rec.get("text")
    if text in (None, "") and isinstance(rec.get("html"), str):
        return _page_record(rec, warn, split_listings)
    if not isinstance(text, str):
        raise ValueError("record has no text" if text in (None, "") else f"record's text is a {type(text).__name__}")
    text = clean_text(text)
    if not text:
        raise ValueError("record has no text (only blank space)")
    return [with_headline(Document(id=record_id(rec, text), text=text, url=_optional_str(rec.get("url")),
                                   title=_optional_str(rec.get("title")), source=_optional_str(rec.get("source")),
                                   published=published_or_none(rec.get("published"), warn),
                                   language=_optional_str(rec.get("language")) or "en"))]


def _page_record(rec: dict, warn: Callable[[str], None] | None, split_listings: bool) -> list[Document]:
    """A record carrying a page: read like an HTML file; the record's own fields win."""
    from sitrep.ingest.html import page_documents

    docs = page_documents(rec["html"], page_id=record_id(rec, rec["html"]), url=_optional_str(rec.get("url")),
                          split_listings=split_listings)
    if not docs:
        raise ValueError("record's html has no article text")
    published = published_or_none(rec["published"], warn) if rec.get("published") else None
    for doc in docs:
        if len(docs) == 1:  # a listing's stories keep their own headlines and dates
            doc.title = _optional_str(rec.get("title")) or doc.title
            doc.published = published or doc.published
        doc.source = _optional_str(rec.get("source")) or doc.source
    return [with_headline(doc) for doc in docs]


def published_or_none(value, warn: Callable[[str], None] | None) -> date | None:
    try:
        return parse_published(value)
    except ValueError as e:
        message = f"published date dropped, document kept: {e}"
        if warn is None:
            warnings.warn(message, stacklevel=3)
        else:
            warn(message)
        return None
