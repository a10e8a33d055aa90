"""Read input files and folders into Documents, reporting every record that cannot be used.

Formats by extension: .jsonl/.ndjson (one record per line, DESIGN's fields), .txt, .html/.htm,
.xml/.rss/.atom (feeds), .warc/.warc.gz. Folders are read recursively in sorted path order;
hidden files and folders (".name") and README, LICENSE and .md files are passed over; other
unknown extensions are reported. Limits (documented in examples/README.md): a document's text
is cut to MAX_TEXT_CHARS at a paragraph break and kept, with a report; a single-document file
(.txt, .html) is read up to MAX_FILE_BYTES.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.ingest.decode import BOMS, NotText, decode_bytes, sniff_binary
from sitrep.ingest.headline import with_headline
from sitrep.model import Document, SkippedRecord

MAX_TEXT_CHARS = 500_000  # ~150 long news articles; longer "documents" are dumps, not reports
MAX_FILE_BYTES = 16 * 1024 * 1024

Report = Callable[[SkippedRecord], None]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.I)


def _files(path: Path) -> list[Path]:
    """The file itself, or a folder's files in sorted order without hidden and documentation files."""
    if not path.is_dir():
        return [path]
    found = [p for p in path.rglob("*") if p.is_file() and not _passed_over(p.relative_to(path))]
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def _passed_over(relative: Path) -> bool:
    """Hidden files and folders, and a folder's own README/LICENSE/markdown files."""
    if any(part.startswith(".") for part in relative.parts):
        return True
    name = relative.name.lower()
    return name.endswith(".md") or name.startswith(("readme", "license", "licence"))


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "txt", ".html": "html", ".htm": "html",
            ".xml": "feed", ".rss": "feed", ".atom": "feed"}.get(path.suffix.lower())


def read_documents(inputs: Iterable[str | Path], report: Report) -> Iterator[Document]:
    """Yield a Document per usable record; call `report` for each record skipped or changed.

    Never raises for bad input: a missing or unreadable path, a binary or empty file, a bad
    line or record is reported with a one-line reason and the rest of the batch goes on.
    """
    for inp in inputs:
        path = Path(inp)
        if not path.exists():
            report(SkippedRecord(str(path), "not found"))
            continue
        for f in _files(path):
            kind = _kind(f)
            if kind is None:
                report(SkippedRecord(str(f), f"unknown file type {''.join(f.suffixes) or '(no extension)'!r}: "
                                             "expected .jsonl, .txt, .html, .htm, .xml, .rss, .atom, .warc, .warc.gz"))
                continue
            try:
                for doc in _READERS[kind](f, report):
                    limited = _limited(doc, report)
                    # records come read already (`records.documents_from_record`); a cut text is read again
                    yield limited if kind == "jsonl" and limited is doc else with_headline(limited)
            except PermissionError as e:
                report(SkippedRecord(str(f), f"unreadable file: permission denied ({e.strerror})"))
            except OSError as e:
                report(SkippedRecord(str(f), f"unreadable file: {e.strerror or e}"))
            except NotText as e:
                report(SkippedRecord(str(f), str(e)))
            except Exception as e:  # a reader bug or a pathological file never stops the batch
                report(SkippedRecord(str(f), f"could not read: {type(e).__name__}: {e}"))


def _limited(doc: Document, report: Report) -> Document:
    if len(doc.text) <= MAX_TEXT_CHARS:
        return doc
    original = len(doc.text)
    cut = doc.text.rfind("\n\n", 0, MAX_TEXT_CHARS)
    cut = cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS
    report(SkippedRecord(doc.id, f"truncated: {original:,} characters is over the {MAX_TEXT_CHARS:,}-character "
                                 f"limit; kept the first {cut:,} (document kept)"))
    return Document(id=doc.id, text=doc.text[:cut].rstrip(), url=doc.url, title=doc.title, source=doc.source,
                    published=doc.published, language=doc.language)


def _read_head(path: Path, report: Report) -> tuple[bytes, bool]:
    """(the file's bytes up to MAX_FILE_BYTES, whether it was cut there, which is reported)."""
    with path.open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) <= MAX_FILE_BYTES:
        return data, False
    size = path.stat().st_size
    report(SkippedRecord(str(path), f"truncated: file of {size / 2**20:.0f} MB is over the "
                                    f"{MAX_FILE_BYTES // 2**20} MB single-document limit; read the first "
                                    f"{MAX_FILE_BYTES // 2**20} MB (document kept)"))
    return data[:MAX_FILE_BYTES], True


def _text_of(path: Path, report: Report, declared: str | None = None) -> str | None:
    data, cut = _read_head(path, report)
    if not data.strip():
        report(SkippedRecord(str(path), "empty file"))
        return None
    text, _ = decode_bytes(data, declared=declared, cut=cut)
    if not text.strip():
        report(SkippedRecord(str(path), "empty file (only blank space)"))
        return None
    return text


def _warner(record: str, report: Report) -> Callable[[str], None]:
    return lambda reason: report(SkippedRecord(record, reason))


def read_txt(path: Path, report: Report) -> Iterator[Document]:
    from sitrep.ingest.textfile import text_document

    text = _text_of(path, report)
    if text is None:
        return
    doc = text_document(text, path.stem, _warner(str(path), report))
    if doc is None:
        report(SkippedRecord(str(path), "no text after the header"))
        return
    yield doc


def read_html(path: Path, report: Report) -> Iterator[Document]:
    from sitrep.ingest.html import page_documents

    with path.open("rb") as fh:
        head = fh.read(4096)
    declared = _META_CHARSET.search(head)
    text = _text_of(path, report, declared.group(1).decode("ascii") if declared else None)
    if text is None:
        return
    docs = page_documents(text, page_id=path.stem)
    if not docs:
        report(SkippedRecord(str(path), "HTML page has no article text"))
    yield from docs


def _jsonl_lines(fh) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8-or-other bytes; UTF-16/32 files (with a BOM) re-encoded."""
    head = fh.read(4096)
    what = sniff_binary(head)
    if what:
        raise NotText(f"not a text file: {what}")
    fh.seek(0)
    wide = next((enc for bom, enc in BOMS if head.startswith(bom) and enc.startswith("utf-")
                 and enc != "utf-8-sig"), None)
    if wide is None:
        return iter(fh)
    text = io.TextIOWrapper(fh, encoding=wide, errors="replace", newline="")
    return (line.encode("utf-8") for line in text)


def read_jsonl(path: Path, report: Report) -> Iterator[Document]:
    from sitrep.ingest.records import canonical_record, documents_from_record

    seen_any = False
    with path.open("rb") as fh:
        for n, raw in enumerate(_jsonl_lines(fh), 1):
            label = f"{path}:{n}"
            if not raw.strip():
                continue
            seen_any = True
            try:
                line, _ = decode_bytes(raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw)
                rec = json.loads(line)
            except (NotText, ValueError) as e:
                report(SkippedRecord(label, f"not a JSON record: {str(e)[:120]}"))
                continue
            if not isinstance(rec, dict):
                report(SkippedRecord(label, f"not a JSON record: a JSON {type(rec).__name__}, not an object"))
                continue
            rec = canonical_record(rec)
            if rec.get("id") not in (None, ""):
                label = f"{label} (id {rec['id']})"
            try:
                docs = documents_from_record(rec, warn=_warner(label, report))
            except ValueError as e:
                report(SkippedRecord(label, str(e)))
                continue
            except Exception as e:  # a page that trips the HTML reader loses only its own line
                report(SkippedRecord(label, f"could not read: {type(e).__name__}: {e}"))
                continue
            yield from docs
    if not seen_any:
        report(SkippedRecord(str(path), "empty file"))


def read_feed(path: Path, report: Report) -> Iterator[Document]:
    from sitrep.ingest.feeds import NotAFeed, feed_documents

    data, _ = _read_head(path, report)
    if not data.strip():
        report(SkippedRecord(str(path), "empty file"))
        return
    decode_bytes(data[:65536], cut=True)  # raises NotText for a binary file named .xml
    try:
        yield from feed_documents(data, str(path), lambda rec, reason: report(SkippedRecord(rec, reason)))
    except NotAFeed as e:
        report(SkippedRecord(str(path), str(e)))


def read_warc(path: Path, report: Report) -> Iterator[Document]:
    from warcio.exceptions import ArchiveLoadFailed

    from sitrep.ingest.warc import NotAWarc, warc_documents

    if path.stat().st_size == 0:
        report(SkippedRecord(str(path), "empty file"))
        return
    with path.open("rb") as fh:
        try:
            yield from warc_documents(fh, str(path), lambda rec, reason: report(SkippedRecord(rec, reason)))
        except ArchiveLoadFailed as e:
            report(SkippedRecord(str(path), f"not a WARC file: {str(e).strip().splitlines()[0][:120]}"))
        except NotAWarc as e:
            report(SkippedRecord(str(path), str(e)))


_READERS = {"jsonl": read_jsonl, "txt": read_txt, "html": read_html, "feed": read_feed, "warc": read_warc}
