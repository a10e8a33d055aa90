"""The pipeline on Dask: partitions cover the corpus exactly once, and the result equals a single-process run."""

from __future__ import annotations

import csv
import json
import uuid

import pytest

from sitrep.scale.partition import partition
from sitrep.scale.worker import read_piece
from test_store_samples import pg_url

REPORTS = [
    ("kn-01", "2024-03-12", "Gunmen attacked a village near Maiduguri in Borno State on Monday, killing five people, "
                            "police said."),
    ("kn-02", "2024-03-13", "Hundreds of students protested in Nairobi on Tuesday against a rise in fees; police "
                            "fired tear gas to disperse them."),
    ("kn-03", "2024-01-09", "An air strike hit a house in Khan Yunis overnight, killing six residents, medics said."),
    ("kn-04", "2024-02-20", "Traders in Kano closed their shops and marched to the governor's office to protest "
                            "new market levies."),
    ("kn-05", "2024-05-02", "Armed men abducted eleven passengers from a bus on the Abuja-Kaduna highway on "
                            "Wednesday, a police spokesman said."),
    ("kn-06", "2024-04-18", "Soldiers clashed with fighters of an armed group near Goma on Thursday; three "
                            "soldiers were killed, the army said."),
]


def _corpus(folder, copies: int = 3):
    """A JSONL file (with one broken line and one exact duplicate) and a plain-text report beside it."""
    folder.mkdir()
    lines = []
    for n in range(copies):
        for doc_id, day, text in REPORTS:
            lines.append(json.dumps({"id": f"{doc_id}-{n}", "published": day, "source": "Example Wire",
                                     "text": f"{text} (dispatch {n})"}))
    lines.insert(4, "{this line is not json")
    lines.append(json.dumps({"id": "copy-of-kn-02-0", "published": "2024-03-13",
                             "text": f"{REPORTS[1][2]} (dispatch 0)"}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "local.txt").write_text("Police dispersed a crowd of protesters with tear gas in Lagos on "
                                      "Friday, witnesses said.\n", encoding="utf-8")
    return folder


def test_partitions_cover_every_line_once_in_order(tmp_path):
    corpus = _corpus(tmp_path / "in", copies=10)
    parts = partition([corpus], 4)
    assert 2 <= len(parts) <= 4
    pieces = [p for part in parts for p in part.pieces]
    wire = [p for p in pieces if p.path.endswith("wire.jsonl")]
    assert len(wire) > 1  # the big JSONL file is cut into line ranges
    assert wire[0].first == 1 and wire[-1].stop is None
    assert all(a.stop == b.first for a, b in zip(wire, wire[1:]))
    skipped = []
    ids = [d.id for p in pieces for d in read_piece(p, skipped.append)]
    expected = [f"{doc_id}-{n}" for n in range(10) for doc_id, _, _ in REPORTS] + ["copy-of-kn-02-0", "local"]
    assert sorted(ids) == sorted(expected) and len(ids) == len(expected)
    assert [s.record for s in skipped] == [f"{corpus / 'wire.jsonl'}:5"]  # the original file and line


def test_distributed_run_equals_single_process_run(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from sitrep.pipeline import run
    from sitrep.scale import run_distributed
    from sitrep.store import Store

    corpus = _corpus(tmp_path / "in")
    single = run([corpus], db=str(tmp_path / "one.db"), out=str(tmp_path / "one.csv"), progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        spread = run_distributed([corpus], db=str(tmp_path / "dask.db"), scheduler=client, partitions=3,
                                 out=str(tmp_path / "dask.csv"))
        again = run_distributed([corpus], db=str(tmp_path / "dask.db"), scheduler=client, partitions=2)
    assert (spread.read, spread.processed, spread.mentions) == (single.read, single.processed, single.mentions)
    assert sorted((s.record, s.reason) for s in spread.skipped) == sorted((s.record, s.reason) for s in single.skipped)
    assert spread.events_in_db == single.events_in_db

    def stored(name):
        store = Store(str(tmp_path / name), create=False)
        out = sorted((e.id, e.date, e.sub_event_type, e.fatalities, tuple(sorted(s.doc_id for s in e.sources)))
                     for e in store.events())
        store.close()
        return out

    assert stored("dask.db") == stored("one.db") and len(stored("one.db")) > 0

    def rows(name):  # the files agree on everything but the time each database wrote its events
        with (tmp_path / name).open(encoding="utf-8") as f:
            return [{k: v for k, v in r.items() if k != "timestamp"} for r in csv.DictReader(f)]

    assert rows("dask.csv") == rows("one.csv") and spread.events_written == single.events_written
    # Re-running over the same corpus stores nothing new.
    assert again.processed == 0 and again.events_in_db == spread.events_in_db
    assert all("already in the database" in s.reason or "duplicate" in s.reason or "not a JSON" in s.reason
               for s in again.skipped)


@pytest.mark.postgres
def test_distributed_run_into_postgresql(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from sitrep.scale import run_distributed
    from sitrep.store import Store

    base = make_url(pg_url())
    name = f"sitrep_scale_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        corpus = _corpus(tmp_path / "in", copies=1)
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                      dashboard_address=None) as cluster, distributed.Client(cluster) as client:
            summary = run_distributed([corpus], db=url, scheduler=client, partitions=2)
        store = Store(url, create=False)
        assert summary.processed == len(REPORTS) + 1
        assert store.get_document("kn-03-0").published.isoformat() == "2024-01-09"
        assert store.count_events() == summary.events_in_db
        store.close()
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
