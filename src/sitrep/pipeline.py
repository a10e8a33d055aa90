"""Wire the stages together: Documents -> Analysis -> Mentions -> placed Mentions -> Events -> store."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import events as event_stage
from sitrep import geo, incidents, nlp
from sitrep.events.actors import localize_actors
from sitrep.model import Document, Event, Mention, SkippedRecord

# "near duplicate of 0aa2... (similarity 0.73)" -> "near duplicate": the summary groups by kind.
_REASON_KIND = re.compile(r" of |: | \(| as ")


def process_document(doc: Document, scope: str = "all") -> list[Mention]:
    """One document through nlp, events and geo, with its own repeated mentions merged.

    `scope="acled"` keeps ACLED's scope only: violent crime with no political actor is dropped.
    """
    analysis = nlp.analyze(doc)
    mentions = event_stage.extract(analysis, scope=scope)
    if not mentions:
        return []
    mentions = geo.locate(analysis, mentions, geo.geoparse(doc))
    mentions = localize_actors(mentions)  # "police" -> "Police Forces of Nigeria", once the country is known
    for m in mentions:
        m.source_url, m.source_name, m.published = doc.url, doc.source, doc.published
    return incidents.merge_within(mentions)


def extract(documents: Iterable[Document | dict], scope: str = "all") -> list[Event]:
    """The Python API: documents (Document objects or JSONL-style dicts) to merged Events."""
    from sitrep.ingest.records import documents_from_record

    mentions: list[Mention] = []
    for d in documents:
        for doc in [d] if isinstance(d, Document) else documents_from_record(d):
            mentions.extend(process_document(doc, scope))
    return incidents.merge(mentions)


def to_dataframe(events: Iterable[Event]):
    """Events as a pandas DataFrame with the CSV export's columns, for notebook users."""
    import pandas as pd

    from sitrep.export.acled_csv import COLUMNS, event_row

    return pd.DataFrame([event_row(e) for e in events], columns=COLUMNS)


@dataclass
class RunSummary:
    """What a run did, for the closing summary on stderr."""

    read: int = 0
    processed: int = 0
    mentions: int = 0
    events_written: int = 0
    events_in_db: int = 0
    skipped: list[SkippedRecord] = field(default_factory=list)

    def lines(self) -> list[str]:
        skipped = [s for s in self.skipped if not s.kept]
        reasons = Counter(_REASON_KIND.split(s.reason, maxsplit=1)[0] for s in skipped)
        out = [f"documents read: {self.read}, processed: {self.processed}, skipped: {len(skipped)}, "
               f"kept with a warning: {len(self.skipped) - len(skipped)}"]
        out += [f"  skipped ({n}): {reason}" for reason, n in reasons.most_common()]
        out.append(f"event mentions: {self.mentions}; events in database: {self.events_in_db}; "
                   f"events written: {self.events_written}")
        return out


def run(inputs: Iterable[str | Path], db: str, out: str | None = None, progress: bool = True,
        batch_size: int = 200, scope: str = "all") -> RunSummary:
    """`sitrep run`: ingest, extract, geocode, merge and store; write `out` if given.

    Documents already in the database are skipped, so re-running on the same input changes
    nothing. Each batch is stored in one transaction: a failure never leaves half a batch behind.
    """
    from tqdm import tqdm

    from sitrep import export
    from sitrep.ingest import Deduplicator, read_documents
    from sitrep.store import Store

    summary = RunSummary()

    def skip(rec: SkippedRecord) -> None:
        summary.skipped.append(rec)
        print(f"sitrep: {'warning' if rec.kept else 'skipped'} {rec.record}: {rec.reason}", file=sys.stderr)

    store = Store(db)
    dedup = Deduplicator()
    bar = tqdm(desc="documents", unit="doc", disable=not progress, file=sys.stderr)
    batch_docs: list[Document] = []
    batch_mentions: list[Mention] = []

    def flush() -> None:
        if batch_docs:
            existing = store.candidate_events(batch_mentions)
            store.save(batch_docs, incidents.merge(batch_mentions, existing))
            batch_docs.clear()
            batch_mentions.clear()

    for doc in read_documents(inputs, skip):
        summary.read += 1
        bar.update(1)
        reason = dedup.check(doc) or store.already_stored(doc)
        if reason:
            skip(SkippedRecord(doc.id, reason))
            continue
        try:
            mentions = process_document(doc, scope)
        except Exception as e:  # one bad document never stops a batch
            skip(SkippedRecord(doc.id, f"processing failed: {type(e).__name__}: {e}"))
            continue
        summary.processed += 1
        summary.mentions += len(mentions)
        batch_docs.append(doc)
        batch_mentions.extend(mentions)
        if len(batch_docs) >= batch_size:
            flush()
    flush()
    bar.close()
    summary.events_in_db = store.count_events()
    if out:
        summary.events_written = export.write(store.iter_events(), out)
    store.close()
    return summary
