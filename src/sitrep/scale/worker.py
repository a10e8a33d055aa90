"""What a Dask worker does with one partition: read its documents and run them through `process_document`."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

from sitrep.model import Document, Mention, SkippedRecord
from sitrep.scale.partition import Partition, Piece


@dataclass
class PartitionResult:
    """A partition's documents (in corpus order), the mentions of each, and what was skipped."""

    number: int
    docs: list[Document] = field(default_factory=list)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    skipped: list[SkippedRecord] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # doc id -> why processing failed
    stored: dict[str, str] = field(default_factory=dict)  # doc id -> why it needs no processing


@lru_cache(maxsize=4)
def _store(db: str):
    """One read connection per worker and database, to skip documents stored by an earlier run."""
    from sitrep.store import Store

    try:
        return Store(db, create=False)
    except Exception:  # a SQLite path this worker cannot see: the client checks again anyway
        return None


def read_piece(piece: Piece, report) -> list[Document]:
    """The documents of a piece, read by `ingest` so that every format and check behaves as in `run`."""
    from sitrep.ingest import read_documents

    if piece.whole:
        return list(read_documents([piece.path], report))
    src = Path(piece.path)
    with tempfile.TemporaryDirectory(prefix="sitrep-part-") as tmp:
        part = Path(tmp) / src.name  # same name: ids derived from the file name stay the same
        with src.open("rb") as fin, part.open("wb") as fout:
            stop = None if piece.stop is None else piece.stop - 1
            fout.writelines(islice(fin, piece.first - 1, stop))
        label = re.compile(re.escape(str(part)) + r"(?::(\d+))?")

        def relabel(rec: SkippedRecord) -> None:
            # Report the record as the original file and line, as a single-process run would.
            def fix(m):
                return f"{src}:{int(m.group(1)) + piece.first - 1}" if m.group(1) else str(src)

            if rec.record == str(part) and rec.reason == "empty file":
                return  # a slice of blank lines, not an empty input
            report(replace(rec, record=label.sub(fix, rec.record)))

        return list(read_documents([part], relabel))


def process_partition(partition: Partition, db: str | None = None, scope: str = "all") -> PartitionResult:
    """Read and process one partition; one bad document never stops it."""
    from sitrep.pipeline import process_document

    result = PartitionResult(partition.number)
    store = _store(db) if db else None
    for piece in partition.pieces:
        for doc in read_piece(piece, result.skipped.append):
            result.docs.append(doc)
            reason = store.already_stored(doc) if store else None
            if reason:
                result.stored[doc.id] = reason
                continue
            try:
                result.mentions[doc.id] = process_document(doc, scope)
            except Exception as e:  # reported by the client, like pipeline.run does
                result.failed[doc.id] = f"processing failed: {type(e).__name__}: {e}"
    return result
