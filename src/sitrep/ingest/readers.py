"""Read input paths into Documents (placeholder: .jsonl and .txt only; the ingest work replaces it)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from sitrep.model import Document, SkippedRecord, content_hash


def read_documents(inputs: Iterable[str | Path], report: Callable[[SkippedRecord], None]) -> Iterator[Document]:
    """Yield a Document per usable record; call `report` for each record that is skipped."""
    for inp in inputs:
        path = Path(inp)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".jsonl":
                for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                        text = rec["text"]
                    except (ValueError, KeyError) as e:
                        report(SkippedRecord(f"{f}:{n}", f"unusable JSONL record: {e}"))
                        continue
                    pub = rec.get("published")
                    yield Document(id=str(rec.get("id") or content_hash(text)[:16]), text=text,
                                   url=rec.get("url"), title=rec.get("title"), source=rec.get("source"),
                                   published=date.fromisoformat(pub[:10]) if pub else None)
            elif f.suffix == ".txt":
                text = f.read_text(encoding="utf-8")
                yield Document(id=f.stem, text=text)
