"""Ingest over HTTP: JSON lines to Documents, through the pipeline, merged and stored in one go."""

from __future__ import annotations

import json
import threading

from sitrep import incidents
from sitrep.ingest.records import documents_from_record
from sitrep.model import Document, Mention, SkippedRecord
from sitrep.pipeline import DocumentGate, process_document

MAX_REASON = 300


def ingest_lines(store, lines: list[str], lock: threading.Lock) -> dict:
    """Run the pipeline on JSONL records and store documents and events in one transaction.

    A bad line (not JSON, no text, a duplicate, a processing error) is reported by its line
    number and id and skipped; it never stops the others. A fixable problem (an unreadable
    `published` date) keeps the document and is reported under `warnings`.
    """
    skipped: list[SkippedRecord] = []
    warnings: list[dict] = []
    docs: list[Document] = []
    mentions: list[Mention] = []
    gate = DocumentGate(store)
    received = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        received += 1
        line_name = f"line {number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a record must be a JSON object")
            # A listing page in "html" becomes one document per story, as in `sitrep run`.
            line_docs = documents_from_record(
                record, warn=lambda text, at=line_name: warnings.append({"record": at, "warning": text[:MAX_REASON]}))
        except ValueError as e:
            skipped.append(SkippedRecord(line_name, str(e)[:MAX_REASON]))
            continue
        for doc in line_docs:
            where = f"{line_name} (id {doc.id})"
            reason = gate.reason(doc)
            if reason:
                skipped.append(SkippedRecord(where, reason))
                continue
            try:
                found = process_document(doc)
            except Exception as e:  # one bad document never stops a batch
                skipped.append(SkippedRecord(where, f"processing failed: {type(e).__name__}: {e}"[:MAX_REASON]))
                continue
            docs.append(doc)
            mentions.extend(found)
    events = []
    if docs:
        with lock:  # merging reads the stored events it may join: one writer at a time
            events = incidents.merge(mentions, store.candidate_events(mentions))
            store.save(docs, events)
    return {"received": received, "stored": len(docs), "mentions": len(mentions),
            "events": sorted(e.id for e in events),
            "skipped": [{"record": s.record, "reason": s.reason} for s in skipped], "warnings": warnings}
