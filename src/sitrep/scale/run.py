"""`sitrep run` on Dask: partitions processed on workers, mentions merged and stored centrally."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from sitrep.model import SkippedRecord
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

    from sitrep.pipeline import BatchStore, RunSummary

    batches = BatchStore(db, RunSummary(), batch_size)  # creates and migrates the database first
    client, cluster = _client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partition(inputs, partitions or 4 * n_workers)
        futures = client.map(process_partition, parts, db=db, scope=scope, pure=False)
        bar = tqdm(total=len(parts), desc="partitions", unit="part", disable=not progress, file=sys.stderr)
        for future in futures:  # in corpus order, so that the run is deterministic
            result: PartitionResult = future.result()
            future.release()
            bar.update(1)
            for rec in result.skipped:
                batches.skip(rec)
            for doc in result.docs:
                if not batches.admit(doc, known_reason=result.stored.get(doc.id)):
                    continue
                if doc.id in result.failed:
                    batches.skip(SkippedRecord(doc.id, result.failed[doc.id]))
                    continue
                batches.add(doc, result.mentions.get(doc.id, []))
        bar.close()
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
    return batches.finish(out)
