"""Cross-report merging: mentions of one event from several outlets become one Event, and only then."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sitrep.incidents import merge
from sitrep.incidents.compare import cosine_to_centroid, haversine_km, hospital_names, proper_names, tokens
from sitrep.model import DAY, MONTH, TOWN, Actor, Mention, Place, Span

ISRAEL = Actor("Military Forces of Israel", "State forces", "Israeli forces", "IL")
CIVILIANS = Actor("Civilians (Palestine)", "Civilians", "Palestinians", "PS")

# Town coordinates (WGS84); ids are this test's own keys for the places.
JENIN = Place(9001, "Jenin", 32.4603, 35.2961, "Palestine", "PS", "West Bank")
QALQILYA = Place(9002, "Qalqilya", 32.1896, 34.9706, "Palestine", "PS", "West Bank")
BEIT_HANOUN = Place(9101, "Beit Hanoun", 31.5383, 34.5375, "Palestine", "PS", "Gaza Strip")
GAZA_CITY = Place(9102, "Gaza City", 31.5017, 34.4668, "Palestine", "PS", "Gaza Strip")
DEIR_AL_BALAH = Place(9103, "Deir al-Balah", 31.4181, 34.3517, "Palestine", "PS", "Gaza Strip")
KHAN_YUNIS = Place(9104, "Khan Yunis", 31.3462, 34.3063, "Palestine", "PS", "Gaza Strip")
RAFAH = Place(9105, "Rafah", 31.2969, 34.2450, "Palestine", "PS", "Gaza Strip")
MONDAY = date(2023, 7, 3)


def mention(doc: str, text: str, sub_type: str = "Armed clash", day: date | None = MONDAY,
            place: Place | None = JENIN, killed: int | None = None, injured: int | None = None,
            published: date | None = None, actor1: Actor | None = ISRAEL, actor2: Actor | None = None,
            precision: int = DAY, start: int = 0, outlet: str = "", attribution: str = "") -> Mention:
    event_type = {"Armed clash": "Battles", "Attack": "Violence against civilians",
                  "Air/drone strike": "Explosions/Remote violence"}[sub_type]
    return Mention(doc_id=doc, span=Span(doc, start, start + len(text), text), event_type=event_type,
                   sub_event_type=sub_type, date=day, date_precision=precision if day else None,
                   place=place, geo_precision=TOWN if place else None, actor1=actor1, actor2=actor2,
                   fatalities=killed, injuries=injured, confidence=0.7, published=published or day,
                   source_name=outlet, source_url=f"https://{outlet or 'news.example'}/{doc}",
                   attribution=attribution)


def three_outlets() -> list[Mention]:
    """One raid, told by three outlets over three days, each with its own toll and vocabulary."""
    return [
        mention("wafa-1", "Occupation forces martyred three young men during an assault on Jenin camp on Monday.",
                "Attack", killed=3, published=MONDAY, outlet="wafa.ps", actor2=CIVILIANS),
        mention("toi-1", "Two gunmen were killed in an exchange of fire with Israeli troops in Jenin, "
                "the army said on Tuesday.", killed=2, injured=4, published=MONDAY + timedelta(days=1),
                outlet="timesofisrael.com", attribution="the army"),
        mention("reuters-1", "Four Palestinians were killed and several wounded in Monday's Israeli raid "
                "on the Jenin refugee camp, the Palestinian health ministry said.", killed=4,
                published=MONDAY + timedelta(days=2), outlet="reuters.com",
                attribution="the Palestinian health ministry"),
    ]


def test_same_raid_three_outlets_is_one_event_with_low_best_high():
    events = merge(three_outlets())
    assert len(events) == 1
    e = events[0]
    assert e.n_sources == 3
    assert (e.fatalities_low, e.fatalities_best, e.fatalities_high) == (2, 3, 4)
    assert e.fatalities == 2  # ACLED's conservative figure
    assert e.injuries == 4
    assert e.disagreement
    assert e.date == MONDAY and e.place == JENIN
    assert {s.name for s in e.sources} == {"wafa.ps", "timesofisrael.com", "reuters.com"}
    assert {(c.field, c.value, c.claimant) for c in e.claims} >= {
        ("fatalities", 2, "the army"), ("fatalities", 3, ""), ("fatalities", 4, "the Palestinian health ministry")}
    assert "martyr" not in e.notes.lower() and "Jenin" in e.notes


def test_merge_does_not_depend_on_arrival_order():
    forward = merge(three_outlets())
    backward = merge(list(reversed(three_outlets())))
    assert [(e.id, e.fatalities_best, e.n_sources) for e in forward] == \
           [(e.id, e.fatalities_best, e.n_sources) for e in backward]


def test_two_raids_same_day_in_towns_40_km_apart_stay_two():
    assert 35 < haversine_km(JENIN, QALQILYA) < 50
    events = merge([
        mention("a", "Israeli forces raided Jenin at dawn; two Palestinians were killed.", killed=2),
        mention("b", "Israeli forces raided Qalqilya at dawn; two Palestinians were killed.",
                place=QALQILYA, killed=2),
    ])
    assert len(events) == 2
    assert {e.place.name for e in events} == {"Jenin", "Qalqilya"}


def test_strikes_along_a_chain_of_towns_do_not_glue_distant_towns():
    # Five strikes the same day, each town within reach of the next: single-link clustering would
    # make one event from Beit Hanoun to Rafah, 35 km apart.
    towns = [BEIT_HANOUN, GAZA_CITY, DEIR_AL_BALAH, KHAN_YUNIS, RAFAH]
    events = merge([mention(f"strike-{i}", f"An Israeli air strike hit a house in {t.name}, killing {i + 2}.",
                            "Air/drone strike", place=t, killed=i + 2) for i, t in enumerate(towns)])
    for e in events:
        places = {m.place for m in e.mentions}
        assert all(haversine_km(a, b) <= 25 for a in places for b in places)
    assert not any({BEIT_HANOUN, RAFAH} <= {m.place for m in e.mentions} for e in events)
    assert sum(len(e.mentions) for e in events) == 5


def test_toll_revision_updates_the_incident():
    first = merge([mention("early", "Three people were killed in an Israeli raid on Jenin.", killed=3,
                           published=MONDAY)])
    later = mention("late", "The death toll from Monday's raid on Jenin rose to seven, the health ministry said.",
                    killed=7, published=MONDAY + timedelta(days=1))
    updated = merge([later], existing=first)
    assert len(updated) == 1
    e = updated[0]
    assert e.id == first[0].id
    assert (e.fatalities, e.fatalities_low, e.fatalities_best, e.fatalities_high) == (7, 3, 7, 7)
    assert e.n_sources == 2


def test_rerunning_the_same_mentions_changes_nothing():
    events = merge(three_outlets())
    again = merge(three_outlets(), existing=events)
    assert again == []  # nothing touched: every mention is already in its event
    ids = {e.id for e in events}
    assert ids == {e.id for e in merge(three_outlets())}


def test_incremental_batches_join_existing_events():
    batch1, batch2 = three_outlets()[:1], three_outlets()[1:]
    stored = merge(batch1)
    touched = merge(batch2, existing=stored)
    assert [e.id for e in touched] == [stored[0].id]
    assert touched[0].n_sources == 3


def test_multi_day_operation_is_one_event_per_day():
    tuesday = MONDAY + timedelta(days=1)
    events = merge([
        mention("op", "Israeli forces began an operation in Jenin on Monday, killing two.", killed=2, start=0),
        mention("op", "On Tuesday the operation continued and one more person was killed in Jenin.",
                day=tuesday, killed=1, start=80),
        mention("other", "The operation in Jenin killed one person on Tuesday, the army said.",
                day=tuesday, killed=1, published=tuesday),
        mention("third", "Two were killed in Jenin on Monday as the operation began.", killed=2),
    ])
    by_day = {e.date: e for e in events}
    assert set(by_day) == {MONDAY, tuesday}
    assert {s.doc_id for s in by_day[MONDAY].sources} == {"op", "third"}
    assert {s.doc_id for s in by_day[tuesday].sources} == {"op", "other"}


def test_month_precise_report_joins_the_dated_event():
    late = mention("weeks-later", "A raid on Jenin in July killed two fighters, a court heard.",
                   day=date(2023, 7, 1), precision=MONTH, killed=2, published=date(2023, 8, 20))
    events = merge([mention("a", "Israeli troops killed two gunmen in Jenin on Monday.", killed=2), late])
    assert len(events) == 1
    assert events[0].date == MONDAY and events[0].date_precision == DAY


def test_different_event_types_same_place_and_day_stay_apart():
    protest = Mention(doc_id="p", span=Span("p", 0, 40, "Hundreds marched in Jenin against the raid."),
                      event_type="Protests", sub_event_type="Peaceful protest", date=MONDAY,
                      date_precision=DAY, place=JENIN, geo_precision=TOWN, confidence=0.6)
    events = merge([protest, mention("a", "Israeli troops killed two gunmen in Jenin.", killed=2)])
    assert len(events) == 2


def test_malformed_mention_does_not_stop_the_batch(capsys):
    bad = mention("bad", "Clashes broke out in Jenin.")
    bad.place = Place(1, "Nowhere", None, None, country_code="PS")  # coordinates missing
    events = merge([bad, *three_outlets()])
    assert any({"wafa-1", "toi-1", "reuters-1"} <= {s.doc_id for s in e.sources} for e in events)
    assert "ignoring unusable place" in capsys.readouterr().err


def test_either_sides_vocabulary_reads_the_same():
    one = tokens("Occupation forces martyred three resistance fighters in Jenin camp")
    other = tokens("Israeli forces neutralized three terrorists in Jenin camp")
    both = Counter(one)
    assert cosine_to_centroid(other, both, sum(v * v for v in both.values()) ** 0.5) > 0.6
    # and an unplaced report in one side's words still joins the event told in the other's
    events = merge([
        mention("il", "Israeli forces neutralized three terrorists in Jenin camp on Monday.", killed=3),
        mention("ps", "Occupation forces martyred three resistance fighters in Jenin camp on Monday.",
                "Attack", place=None, killed=3),
    ])
    assert len(events) == 1


def test_a_reviewers_edit_survives_new_reports():
    stored = merge(three_outlets()[:1])
    stored[0].review_status, stored[0].fatalities, stored[0].notes = "edited", 5, "Checked by a reviewer."
    updated = merge(three_outlets()[1:], existing=stored)
    assert len(updated) == 1
    e = updated[0]
    assert (e.fatalities, e.notes, e.review_status) == (5, "Checked by a reviewer.", "edited")
    assert e.n_sources == 3


def test_an_accepted_event_goes_back_to_review_when_new_reports_change_it():
    stored = merge(three_outlets()[:1])
    stored[0].review_status = "accepted"
    updated = merge(three_outlets()[1:], existing=stored)[0]
    assert updated.fatalities != stored[0].fatalities and updated.review_status == "unreviewed"


def test_a_revised_injury_figure_wins_over_the_figure_more_reports_gave():
    first = [mention(f"d{i}", "Troops fired on homes in Jenin, wounding two residents.", "Attack", injured=2,
                     actor2=CIVILIANS) for i in range(2)]
    revised = mention("d9", "The number of residents wounded when troops fired on homes in Jenin rose to four.",
                      "Attack", injured=4, actor2=CIVILIANS, published=MONDAY + timedelta(days=1))
    events = merge([*first, revised])
    assert len(events) == 1 and events[0].injuries == 4


def test_violence_no_report_gives_a_doer_is_coded_to_an_unidentified_armed_group():
    """ACLED: a body found shot, a bomb no one claims: actor1 is the country's unidentified armed group."""
    found = mention("local-1", "The bodies of two men with gunshot wounds were found near Jenin on Monday.",
                    "Attack", killed=2, actor1=None, actor2=CIVILIANS)
    [event] = merge([found])
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (Palestine)"
    assert event.actor1.category == "Political militia" and "actor1" not in event.evidence
    # a named doer stays, and the merger still compares only what the reports say
    [named] = merge([mention("wafa-2", "Occupation forces killed a man in Jenin on Monday.", "Attack", killed=1)])
    assert named.actor1 == ISRAEL


def test_an_air_strike_no_report_attributes_keeps_no_doer():
    """No armed group flies the jets: an unattributed air strike is left without actor1."""
    [strike] = merge([mention("local-2", "Air strikes hit a market in Jenin on Monday, killing two.",
                              "Air/drone strike", killed=2, actor1=None, actor2=CIVILIANS)])
    assert strike.actor1 is None


def test_the_words_of_a_hospitals_name_are_told_apart_from_the_shootings_names():
    text = ("A man shot on Wabash Avenue was taken to Stroger Hospital; a woman went to Advocate Christ Medical "
            "Center and a boy to the University of Chicago Medical Center.")
    assert hospital_names(text) == {"stroger", "advocate", "christ", "university", "chicago"}
    assert "wabash" in proper_names(text) and "wabash" not in hospital_names(text)
    assert hospital_names("He was taken to a hospital in Gary.") == frozenset()
