"""Wire the stages together: Documents -> Analysis -> Mentions -> placed Mentions -> Events -> store."""

from __future__ import annotations

import gc
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
    return incidents.merge_within(mentions, doc)


def extract(documents: Iterable[Document | dict], scope: str = "all") -> list[Event]:
    """The Python API: documents (Document objects or JSONL-style dicts) to merged Events."""
    from sitrep.ingest.headline import with_headline
    from sitrep.ingest.records import documents_from_record

    mentions: list[Mention] = []
    for d in documents:
        for doc in [with_headline(d)] if isinstance(d, Document) else documents_from_record(d):
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


class DocumentGate:
    """Why a document must not be processed: its id came earlier in the input, its text is a
    duplicate of one seen, or the database holds it already. None when it may go on."""

    def __init__(self, store) -> None:
        from sitrep.ingest import Deduplicator

        self.store = store
        self._dedup = Deduplicator()
        self._seen_ids: set[str] = set()

    def reason(self, doc: Document, known_reason: str | None = None) -> str | None:
        repeated = doc.id in self._seen_ids
        self._seen_ids.add(doc.id)
        return ("repeated id in the input" if repeated else None) or self._dedup.check(doc) \
            or known_reason or self.store.already_stored(doc)


class BatchStore:
    """Checks, batches and stores processed documents: the part of a run that `scale` shares.

    A document is admitted once: not a repeated id, not a duplicate of one already seen, not
    already in the database. Each batch is merged with the stored events it could join and saved
    in one transaction, so a failure never leaves half a batch behind.
    """

    def __init__(self, db: str, summary: RunSummary, batch_size: int = 200) -> None:
        from sitrep.store import Store

        self.store = Store(db)
        self.summary = summary
        self.batch_size = batch_size
        self._gate = DocumentGate(self.store)
        self._docs: list[Document] = []
        self._mentions: list[Mention] = []

    def skip(self, rec: SkippedRecord) -> None:
        self.summary.skipped.append(rec)
        print(f"sitrep: {'warning' if rec.kept else 'skipped'} {rec.record}: {rec.reason}", file=sys.stderr)

    def admit(self, doc: Document, known_reason: str | None = None) -> bool:
        """Count a document read; False (and reported) when it must not be processed."""
        self.summary.read += 1
        reason = self._gate.reason(doc, known_reason)
        if reason:
            self.skip(SkippedRecord(doc.id, reason))
        return reason is None

    def add(self, doc: Document, mentions: list[Mention]) -> None:
        self.summary.processed += 1
        self.summary.mentions += len(mentions)
        self._docs.append(doc)
        self._mentions.extend(mentions)
        if len(self._docs) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self._docs:
            existing = self.store.candidate_events(self._mentions)
            self.store.save(self._docs, incidents.merge(self._mentions, existing))
            self._docs.clear()
            self._mentions.clear()

    def finish(self, out: str | None) -> RunSummary:
        """Store the last batch, write `out` from everything the database holds, close."""
        from sitrep import export

        self.flush()
        self.summary.events_in_db = self.store.count_events()
        if out:
            self.summary.events_written = export.write(self.store.iter_events(), out)
        self.store.close()
        return self.summary


def _freeze_loaded_models() -> None:
    """Keep what is loaded by now (modules, lexicons, the event model, the gazetteer) out of the
    garbage collector's full scans, until `gc.unfreeze()` (`run` calls it when it ends).

    Why: those ~140,000 long-lived objects were traversed by every full collection, about 6% of
    a run's CPU time; they live as long as the run, so scanning them finds nothing.
    """
    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()


def run(inputs: Iterable[str | Path], db: str, out: str | None = None, progress: bool = True,
        batch_size: int = 200, scope: str = "all") -> RunSummary:
    """`sitrep run`: ingest, extract, geocode, merge and store; write `out` if given.

    Documents already in the database are skipped, so re-running on the same input changes nothing.
    """
    from tqdm import tqdm

    from sitrep.ingest import read_documents

    batches = BatchStore(db, RunSummary(), batch_size)
    frozen = False
    try:
        with tqdm(desc="documents", unit="doc", disable=not progress, file=sys.stderr) as bar:
            for doc in read_documents(inputs, batches.skip):
                bar.update(1)
                if not batches.admit(doc):
                    continue
                try:
                    mentions = process_document(doc, scope)
                except ImportError:  # a missing optional extra is the setup's fault, not the document's
                    raise
                except Exception as e:  # one bad document never stops a batch
                    batches.skip(SkippedRecord(doc.id, f"processing failed: {type(e).__name__}: {e}"))
                    continue
                if mentions and not frozen:  # a document with events has loaded every stage's data
                    _freeze_loaded_models()
                    frozen = True
                batches.add(doc, mentions)
        return batches.finish(out)
    finally:
        if frozen:  # the process may go on (a notebook, tests): its objects are collected as before
            gc.unfreeze()
