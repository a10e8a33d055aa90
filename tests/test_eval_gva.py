"""The GVA scorer: B-cubed over document clusters, per-incident counts, and the pipeline on a slice."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.evaluate.gva import bcubed, load, score, score_events
from sitrep.model import DAY, TOWN, Event, Place, Source

DENVER = Place(5419384, "Denver", 39.73915, -104.9847, "United States", "US", "Colorado")


def test_bcubed_rewards_the_right_grouping_and_punishes_lumping():
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, {"a": "x", "b": "y", "c": "z", "d": "w"})  # every document alone
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    p, r, f = bcubed(gold, {d: "all" for d in gold})  # everything lumped together
    assert r == 1.0 and p == pytest.approx((2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4)


def _event(eid: str, docs: list[str], killed: int, injured: int | None, day: date) -> Event:
    return Event(id=eid, event_type="Violence against civilians", sub_event_type="Attack",
                 disorder_type="Criminal violence", date=day, date_precision=DAY, place=DENVER,
                 geo_precision=TOWN, fatalities=killed, fatalities_best=killed, injuries=injured,
                 sources=[Source(d) for d in docs])


def test_scoring_events_against_incidents():
    incidents = [
        {"incident_uri": "1", "date_iso": "2015-03-07", "num_killed": 1, "num_injured": 2,
         "lat_long": [39.74, -104.99]},
        {"incident_uri": "2", "date_iso": "2015-03-08", "num_killed": 0, "num_injured": 1,
         "lat_long": "[40.01, -105.27]"},
    ]
    articles = [{"incident_id": "1", "doc_id": "a"}, {"incident_id": "1", "doc_id": "b"},
                {"incident_id": "2", "doc_id": "c"}]
    events = [_event("e1", ["a", "b"], 1, 2, date(2015, 3, 7)), _event("e2", ["c"], 1, 1, date(2015, 3, 9))]
    r = score_events(incidents, articles, events).metrics
    assert r["bcubed_f1"] == 1.0
    assert r["killed_exact"] == 0.5 and r["injured_exact"] == 1.0 and r["date_exact"] == 0.5
    assert r["location_within_25km"] == 0.5  # Boulder is ~40 km from Denver
    assert r["events_per_incident"] == 1.0


@pytest.mark.shared
def test_pipeline_on_a_gva_slice_beats_the_singleton_baseline(shared_data):
    # 50 incidents: the first 30 have only 37 articles, too few shared ones for the margin to mean much
    incidents, articles = load(shared_data / "gva", limit=50)
    assert len(incidents) == 50 and all(a["incident_id"] in {i["incident_uri"] for i in incidents} for a in articles)
    gold = {a["doc_id"]: a["incident_id"] for a in articles}
    singleton_f1 = bcubed(gold, {d: d for d in gold})[2]
    report = score(shared_data, limit=50)
    m = report.metrics
    assert report.counts["gold_documents"] == len(articles)
    assert m["bcubed_f1"] >= max(0.8, singleton_f1 + 0.03)
    assert m["bcubed_precision"] >= 0.85
    assert m["incidents_found"] >= 0.8
    assert m["events_per_incident"] <= 1.6
    json.loads(report.to_json())  # the CLI's --json output stays valid


def test_a_roundup_is_scored_by_its_shooting_at_the_incidents_address():
    from sitrep.evaluate.gva import events_by_document, incident_event
    from sitrep.model import Mention, Span

    def shooting(eid: str, words: str, injured: int) -> Event:
        e = _event(eid, ["roundup"], 0, injured, date(2015, 3, 7))
        e.mentions = [Mention("roundup", Span("roundup", 0, len(words), words), e.event_type, e.sub_event_type,
                              part=int(eid[-1]), lead=words)]
        return e

    events = [shooting("e1", "A man was shot in the 3300 block of East 84th Street.", 1),
              shooting("e2", "Two women were wounded in the 400 block of South Kostner Avenue.", 2)]
    by_doc = events_by_document(events)
    assert incident_event(["roundup"], by_doc, "400 block of S Kostner Ave").id == "e2"
    assert incident_event(["roundup"], by_doc, "3300 block of E 84th St").id == "e1"
