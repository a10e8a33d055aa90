"""The ACLED scorer runs the whole pipeline on ACLED's notes and compares with ACLED's coding."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.evaluate.acled import METRICS, best_match, document_of, field_hits, haversine_km, read_rows, score
from sitrep.model import Event, Place

N_ROWS = 150


def test_scores_the_first_rows_with_floors_well_above_chance(shared_data):
    report = score(shared_data / "acled", limit=N_ROWS)
    assert report.counts["gold_rows"] == N_ROWS
    m = report.metrics
    # chance over six event types is ~0.17, over 25 sub-types ~0.04
    assert m["event_type_accuracy"] >= 0.65
    assert m["sub_event_type_accuracy"] >= 0.55
    assert m["date_exact"] >= 0.75
    assert m["fatalities_exact"] >= 0.75
    assert m["actor1_category_agreement"] >= 0.45
    assert m["notes_without_event"] <= 0.25
    assert set(METRICS) <= set(m)


def test_documents_never_carry_the_gold_event_date(shared_data):
    for row in read_rows(shared_data / "acled", limit=50):
        doc = document_of(row)
        assert doc.published is not None and doc.published >= date.fromisoformat(row["event_date"])
        assert doc.text == row["notes"]


def test_limit_is_deterministic(shared_data):
    a = [r["event_id_cnty"] for r in read_rows(shared_data / "acled", limit=20)]
    b = [r["event_id_cnty"] for r in read_rows(shared_data / "acled", limit=20)]
    assert a == b and len(a) == 20


def test_matching_and_field_agreement():
    row = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2022-03-01",
           "latitude": "12.0", "longitude": "-1.5", "fatalities": "0", "inter1": "1"}
    place = Place(None, "x", 12.05, -1.5)
    clash = Event("a", "Battles", "Armed clash", "Political violence", date(2022, 3, 1), 1, place, 1, confidence=0.4)
    attack = Event("b", "Violence against civilians", "Attack", "Political violence", date(2022, 3, 1), 1, place, 1,
                   confidence=0.9)
    assert best_match(row, [attack, clash]) is clash
    hits = field_hits(row, clash)
    assert hits["event_type_accuracy"] and hits["date_exact"] and hits["location_within_10km"]
    assert hits["fatalities_exact"] and not hits["actor1_category_agreement"]
    assert not any(field_hits(row, None).values())


def test_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert haversine_km(31.5, 34.45, 31.5, 34.45) == 0


def test_unusable_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="not an ACLED export"):
        read_rows(bad)
