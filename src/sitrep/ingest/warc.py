"""A WARC file to Documents: every successful HTML response is read as a page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from sitrep.ingest.decode import NotText, decode_bytes
from sitrep.ingest.html import page_documents
from sitrep.model import content_hash

class NotAWarc(ValueError):
    """The file holds no WARC records."""


# A single response bigger than this is not a news page (video, archive, data dump).
MAX_RESPONSE_BYTES = 10 * 1024 * 1024


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None


def warc_documents(stream: BinaryIO, name: str, warn: Callable[[str, str], None],
                   split_listings: bool = True) -> Iterator:
    """Documents of a WARC stream (plain or gzipped); records that are not HTML pages are passed over."""
    from warcio.archiveiterator import ArchiveIterator

    records = pages = 0
    for record in ArchiveIterator(stream):
        records += record.format.startswith("warc")  # garbage parses as old-style ARC records
        if record.rec_type != "response" or record.http_headers is None:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status or not status.startswith("2") or "html" not in content_type.lower():
            continue
        pages += 1
        label = url or f"{name}@{record.rec_headers.get_header('WARC-Record-ID')}"
        body = record.content_stream().read(MAX_RESPONSE_BYTES + 1)
        if len(body) > MAX_RESPONSE_BYTES:
            warn(label, f"response over {MAX_RESPONSE_BYTES // 2**20} MB, not a news page")
            continue
        try:
            html, _ = decode_bytes(body, declared=_charset(content_type))
        except NotText as e:
            warn(label, str(e))
            continue
        page_id = content_hash(url)[:16] if url else content_hash(html)[:16]
        try:
            docs = page_documents(html, page_id=page_id, url=url, split_listings=split_listings)
        except Exception as e:  # one odd page never loses the rest of the crawl
            warn(label, f"could not read: {type(e).__name__}: {e}")
            continue
        if not docs:
            warn(label, "HTML page has no article text")
        yield from docs
    if not records and not pages:
        raise NotAWarc("not a WARC file: no WARC records in it")
    if not pages:
        warn(name, f"no HTML page among the WARC file's {records} records")
