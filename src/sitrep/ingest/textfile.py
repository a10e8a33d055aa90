"""A plain-text report to a Document: an optional header block or title line, then the text.

Layout, kept simple on purpose:
- A header block: the file starts with one or more `Key: value` lines whose keys are Title,
  Date or Published, Source, URL (any case), ended by a blank line. The header is not part
  of the text.
- Else a title line: the first line is a title when a blank line follows it, it is under
  200 characters and it does not end like a sentence (. ! ? : ;). It is not part of the text.
- Else the whole file is the text, with no title.
The id is the file's name without its extension.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitrep.ingest.records import clean_text, parse_published
from sitrep.model import Document

_HEADER_LINE = re.compile(r"^(title|date|published|source|url)\s*:\s*(.*)$", re.I)
_TITLE_MAX = 200


def split_header(text: str) -> tuple[dict[str, str], str]:
    """({key: value} from the header block or title line, the text after it)."""
    head, sep, rest = text.partition("\n\n")
    if not sep:
        return {}, text
    lines = [ln.strip() for ln in head.split("\n")]
    matches = [_HEADER_LINE.match(ln) for ln in lines]
    if all(matches):
        fields = {m.group(1).lower(): m.group(2).strip() for m in matches}
        if "date" in fields and "published" not in fields:
            fields["published"] = fields.pop("date")
        return fields, rest
    if len(lines) == 1 and len(lines[0]) < _TITLE_MAX and not lines[0].endswith((".", "!", "?", ":", ";")):
        return {"title": lines[0]}, rest
    return {}, text


def text_document(text: str, doc_id: str, warn: Callable[[str], None]) -> Document | None:
    """The Document of a .txt file's text, or None when it holds no text."""
    fields, body = split_header(clean_text(text))
    body = body.strip()
    if not body:
        return None
    published = None
    if fields.get("published"):
        try:
            published = parse_published(fields["published"])
        except ValueError as e:
            warn(f"published date dropped, document kept: {e}")
    return Document(id=doc_id, text=body, url=fields.get("url") or None, title=fields.get("title") or None,
                    source=fields.get("source") or None, published=published)
