"""Rows and records of the database as the API's JSON, CSV and GeoJSON bodies."""

from __future__ import annotations

import csv
import io
import json

import orjson

from sitrep.export import acled_csv
from sitrep.model import to_plain
from sitrep.store.reads import changed_fields, decode_event


def dumps(value) -> bytes:
    """Compact UTF-8 JSON; dates and datetimes as ISO 8601 (orjson: several times faster than json)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


def plain_row(row: dict) -> dict:
    """A list row as the API shows it (the store already gives dates as ISO strings), without `record`."""
    if "record" not in row:
        return row
    row = dict(row)
    row.pop("record")
    return row


def csv_columns() -> list[str]:
    cols = list(acled_csv.COLUMNS)
    return cols if "review_status" in cols else cols + ["review_status"]


def csv_text(rows: list[dict]) -> str:
    """Rows that carry `record`, in the CSV export's columns (plus review_status)."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=csv_columns(), extrasaction="ignore")
    w.writeheader()
    for r in rows:
        line = acled_csv.event_row(decode_event(r["record"]))
        line.setdefault("review_status", r.get("review_status", ""))
        w.writerow(line)
    return out.getvalue()


def corrections_csv(records: list[str]) -> str:
    """Reviewed event records in the ACLED CSV layout, `notes` included, for `sitrep train --acled`."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=csv_columns(), extrasaction="ignore")
    w.writeheader()
    for rec in records:
        e = decode_event(rec)
        line = acled_csv.event_row(e)
        line.setdefault("review_status", e.review_status)
        w.writerow(line)
    return out.getvalue()


def geojson_text(rows: list[dict]) -> str:
    features = [{"type": "Feature", "id": r["id"],
                 "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                 "properties": plain_row(r)}
                for r in rows if r.get("latitude") is not None and r.get("longitude") is not None]
    return dumps({"type": "FeatureCollection", "features": features})


def log_entry(row: dict) -> dict:
    entry = {k: row[k] for k in ("id", "event_id", "user", "action", "reason", "at")}
    entry["changes"] = changed_fields(row.get("before"), row.get("after"))
    if "before" in row:
        entry["before"] = json.loads(row["before"]) if row["before"] else None
        entry["after"] = json.loads(row["after"]) if row["after"] else None
    return entry


def event_detail(reads, row: dict) -> dict:
    """The whole record of an event, its flat review status, its documents and its review log."""
    event = decode_event(row["record"])
    out = to_plain(event)
    out["review_status"] = row["review_status"]
    out["n_sources"] = event.n_sources
    out["interaction"] = event.interaction
    docs = reads.documents_by_id(sorted({s.doc_id for s in event.sources}))
    out["documents"] = [{k: d[k] for k in ("id", "url", "title", "source", "published")} for d in docs.values()]
    out["review_log"] = [log_entry(r) for r in reads.review_entries(row["id"], with_records=True)]
    return json.loads(dumps(out))


def document_detail(row: dict, events: list[dict]) -> dict:
    doc = {k: row.get(k) for k in ("id", "url", "title", "source", "published", "language", "content_hash",
                                   "ingested_at", "text")}
    doc["events"] = [plain_row(e) for e in events]
    return json.loads(dumps(doc))
