"""Exported files: ACLED's column order, typed Parquet, GeoJSON points, JSONL spans, the publication rule."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from sitrep import export
from sitrep.export.acled_csv import ACLED_COLUMNS, COLUMNS
from sitrep.model import MONTH, REGION, WEEK
from sitrep.store import Store
from test_store_samples import clash_event, clash_report, protest_event, strike_event

SITREP_TAIL = ["fatalities_low", "fatalities_high", "injuries", "n_sources", "doc_ids", "source_urls",
               "sitrep_id", "confidence", "review_status"]


@pytest.fixture
def stored(tmp_path):
    """Three events written to and read back from a store, so that they carry the store's timestamps."""
    (d2, e2), (d3, e3) = protest_event(), strike_event()
    docs, evs = [clash_report(), d2, d3], [clash_event(), e2, e3]
    s = Store(str(tmp_path / "e.db"))
    s.save(docs, evs)
    out = s.events()
    s.close()
    return out


def _csv_rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def test_csv_has_acleds_columns_in_acleds_order_then_sitreps(stored, tmp_path):
    out = tmp_path / "events.csv"
    assert export.write(stored, out) == 3
    header, rows = _csv_rows(out)
    assert header[:31] == ACLED_COLUMNS and header[31:] == SITREP_TAIL and header == COLUMNS
    by_place = {r["location"]: r for r in rows}
    maiduguri = by_place["Maiduguri"]
    assert (maiduguri["region"], maiduguri["country"], maiduguri["iso"]) == ("Western Africa", "Nigeria", "566")
    assert maiduguri["event_date"] == "2024-03-12" and maiduguri["year"] == "2024"
    assert (maiduguri["inter1"], maiduguri["inter2"], maiduguri["interaction"]) == ("1", "2", "12")
    assert maiduguri["source_scale"] == "International"  # Reuters
    assert maiduguri["doc_ids"] == "ng-001" and maiduguri["event_id_cnty"].startswith("NGA-")
    assert int(maiduguri["timestamp"]) > 1_700_000_000
    assert by_place["Nairobi"]["region"] == "Eastern Africa"
    assert by_place["Nairobi"]["interaction"] == "16" and by_place["Nairobi"]["civilian_targeting"] == ""
    gaza = by_place["Khan Yunis"]
    assert (gaza["region"], gaza["civilian_targeting"], gaza["inter1"]) == ("Middle East", "Civilian targeting", "0")
    assert [r["event_date"] for r in rows] == sorted(r["event_date"] for r in rows)


def test_acled_columns_are_those_of_acleds_own_files(shared_data):
    with (shared_data / "acled" / "acled_sample_2022.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == ACLED_COLUMNS


def test_files_hold_only_events_dated_to_the_month_and_placed_to_a_region(stored, tmp_path):
    by_name = {e.place.name: e for e in stored}
    by_name["Maiduguri"].date_precision, by_name["Maiduguri"].geo_precision = MONTH, REGION  # still published
    by_name["Nairobi"].date = None  # no date: stays in the database
    by_name["Khan Yunis"].place = None  # no place: stays in the database
    out = tmp_path / "pub.csv"
    assert export.write(stored, out) == 1
    assert [r["location"] for r in _csv_rows(out)[1]] == ["Maiduguri"]
    assert export.write(stored, tmp_path / "all.csv", include_all=True) == 3
    assert export.write(stored, tmp_path / "all.geojson", include_all=True) == 3
    features = json.loads((tmp_path / "all.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["geometry"] for f in features if f["id"] == by_name["Khan Yunis"].id] == [None]
    by_name["Maiduguri"].review_status = "rejected"
    assert export.write(stored, tmp_path / "none.csv") == 0


def test_reviewed_events_are_flagged(stored, tmp_path):
    stored[0].review_status = "edited"
    out = tmp_path / "r.csv"
    export.write(stored, out)
    flags = {r["sitrep_id"]: r["review_status"] for r in _csv_rows(out)[1]}
    assert flags[stored[0].id] == "edited"
    assert sorted(flags.values()) == ["edited", "unreviewed", "unreviewed"]


def test_parquet_columns_are_typed(stored, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export.write(stored, out) == 3
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    types = {f.name: f.type for f in table.schema}
    assert types["event_date"] == pa.date32()
    for c in ("year", "fatalities", "inter1", "interaction", "geo_precision", "timestamp", "n_sources", "iso"):
        assert pa.types.is_integer(types[c]), c
    for c in ("latitude", "longitude", "confidence"):
        assert pa.types.is_floating(types[c]), c
    rows = {r["location"]: r for r in table.to_pylist()}
    assert rows["Maiduguri"]["event_date"] == date(2024, 3, 12)
    assert rows["Maiduguri"]["fatalities"] == 15 and rows["Nairobi"]["fatalities_low"] is None
    assert rows["Khan Yunis"]["latitude"] == pytest.approx(31.3462)


def test_geojson_points_are_longitude_first(stored, tmp_path):
    out = tmp_path / "events.geojson"
    export.write(stored, out)
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    nairobi = next(f for f in fc["features"] if f["properties"]["location"] == "Nairobi")
    assert nairobi["geometry"] == {"type": "Point", "coordinates": [36.8167, -1.2833]}
    assert nairobi["properties"]["region"] == "Eastern Africa"


def test_jsonl_keeps_every_mention_with_its_evidence_spans(stored, tmp_path):
    out = tmp_path / "events.jsonl"
    export.write(stored, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    strike = next(r for r in records if r["place"]["name"] == "Khan Yunis")
    span = strike["mentions"][0]["evidence"]["place"]
    assert (span["doc_id"], span["text"]) == ("ps-001", "Khan Yunis")
    assert strike_event()[0].text[span["start"]:span["end"]] == "Khan Yunis"
    assert strike["region"] == "Middle East" and strike["n_sources"] == 1


def test_week_precision_dates_are_published_and_unknown_extension_refused(stored, tmp_path):
    stored[0].date_precision = WEEK
    assert export.write(stored, tmp_path / "w.csv") == 3
    with pytest.raises(ValueError, match="use .csv"):
        export.write(stored, tmp_path / "events.xlsx")
