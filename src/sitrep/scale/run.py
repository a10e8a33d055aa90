"""`sitrep run` on Dask: partitions processed on workers, mentions merged and stored centrally."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from sitrep.model import Document, Mention, SkippedRecord
from sitrep.scale.partition import partition
from sitrep.scale.worker import PartitionResult, process_partition


def _client(scheduler):
    """A dask Client: an existing one, one for a scheduler address, or a local cluster ("local"/None)."""
    from dask.distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, None
    if scheduler in (None, "", "local"):
        cluster = LocalCluster(n_workers=max(1, (os.cpu_count() or 2) - 1), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def run_distributed(inputs: Iterable[str | Path], db: str, scheduler=None, partitions: int | None = None,
                    out: str | None = None, batch_size: int = 200, progress: bool = False, scope: str = "all"):
    """Run the pipeline over `inputs` on Dask and store the events in `db`; returns a RunSummary.

    `scheduler` is a dask Client, a scheduler address ("tcp://host:8786") or "local"/None for a
    cluster on this machine. `partitions` defaults to four per worker. Workers read and process
    their partitions (ingest, nlp, events, geo, merge within a document); this process drops
    duplicate documents in corpus order, merges mentions across documents a batch at a time with
    the stored candidates, and saves each batch in one transaction, exactly as `sitrep run` does.
    Workers that can open `db` skip documents stored by an earlier run before processing them, so
    on a cluster give a PostgreSQL URL that the workers can reach as well.
    """
    from tqdm import tqdm

    from sitrep import export, incidents
    from sitrep.ingest import Deduplicator
    from sitrep.pipeline import RunSummary
    from sitrep.store import Store

    summary = RunSummary()

    def skip(rec: SkippedRecord) -> None:
        summary.skipped.append(rec)
        kept = getattr(rec, "kept", False)  # a warning on a document that was still used
        print(f"sitrep: {'warning' if kept else 'skipped'} {rec.record}: {rec.reason}", file=sys.stderr)

    store = Store(db)  # creates and migrates the database before any worker looks at it
    client, cluster = _client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partition(inputs, partitions or 4 * n_workers)
        futures = client.map(process_partition, parts, db=db, scope=scope, pure=False)
        dedup, seen = Deduplicator(), set()
        batch_docs: list[Document] = []
        batch_mentions: list[Mention] = []

        def flush() -> None:
            if batch_docs:
                existing = store.candidate_events(batch_mentions)
                store.save(batch_docs, incidents.merge(batch_mentions, existing))
                batch_docs.clear()
                batch_mentions.clear()

        bar = tqdm(total=len(parts), desc="partitions", unit="part", disable=not progress, file=sys.stderr)
        for future in futures:  # in corpus order, so that the run is deterministic
            result: PartitionResult = future.result()
            future.release()
            bar.update(1)
            for rec in result.skipped:
                skip(rec)
            for doc in result.docs:
                summary.read += 1
                reason = ("repeated id in the input" if doc.id in seen else None) or dedup.check(doc) \
                    or result.stored.get(doc.id) or store.already_stored(doc)
                seen.add(doc.id)
                if reason:
                    skip(SkippedRecord(doc.id, reason))
                    continue
                if doc.id in result.failed:
                    skip(SkippedRecord(doc.id, result.failed[doc.id]))
                    continue
                mentions = result.mentions.get(doc.id, [])
                summary.processed += 1
                summary.mentions += len(mentions)
                batch_docs.append(doc)
                batch_mentions.extend(mentions)
                if len(batch_docs) >= batch_size:
                    flush()
        flush()
        bar.close()
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    summary.events_in_db = store.count_events()
    if out:
        summary.events_written = export.write(store.iter_events(), out)
    store.close()
    return summary
