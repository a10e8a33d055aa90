"""The event's date across its reports: vague dates join precise ones, and the most trustworthy date wins."""

from __future__ import annotations

from datetime import date, timedelta

from sitrep.incidents import merge
from sitrep.model import DAY, TOWN, WEEK, Mention, Place, Span

# Town coordinates (WGS84); ids are this test's own keys for the places.
BEAUMONT = Place(8301, "Beaumont", 30.0860, -94.1018, "United States", "US", "Texas")
TUESDAY = date(2016, 5, 17)


def report(doc: str, text: str, day: date, published: date, evidence_words: str | None = None,
           killed: int | None = None, injured: int | None = None, confidence: float = 0.6) -> Mention:
    """A crime report; with no `evidence_words` its date is its publication stamp, known to the week."""
    span = Span(doc, 0, len(text), text)
    evidence = {}
    if evidence_words is not None:
        start = text.index(evidence_words)
        evidence["date"] = Span(doc, start, start + len(evidence_words), evidence_words)
    return Mention(doc_id=doc, span=span, event_type="Violence against civilians", sub_event_type="Attack",
                   disorder_type="Criminal violence", date=day,
                   date_precision=DAY if evidence_words else WEEK, place=BEAUMONT, geo_precision=TOWN,
                   fatalities=killed, injuries=injured,
                   confidence=confidence, published=published, evidence=evidence,
                   source_url=f"https://news.example/{doc}")


def test_a_day_named_in_the_report_outweighs_a_bare_tonight_read_from_the_publication_stamp():
    named = report("kfdm-1", "A man was shot dead on Calder Avenue on Tuesday, police said.", TUESDAY,
                   TUESDAY + timedelta(days=1), "Tuesday", killed=1, confidence=0.55)
    bare = report("12news-1", "A man was shot dead on Calder Avenue tonight, police said.",
                  TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=1), "tonight", killed=1,
                  confidence=0.6)
    events = merge([bare, named])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY


def test_a_report_saying_earlier_this_week_joins_the_report_that_names_the_day_and_the_day_wins():
    named = report("kfdm-3", "A woman was wounded by gunfire at the Pine Street apartments Monday night, "
                   "officers said.", TUESDAY - timedelta(days=1), TUESDAY, "Monday night", injured=1)
    vague = report("bee-3", "The woman wounded at the Pine Street apartments earlier this week is "
                   "recovering, officers said.", TUESDAY + timedelta(days=2), TUESDAY + timedelta(days=3),
                   "earlier this week", injured=1, confidence=0.7)
    vague.date_precision = WEEK  # "earlier this week" names no day
    events = merge([vague, named])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY - timedelta(days=1) and events[0].date_precision == DAY


def test_a_date_written_out_in_a_later_report_outweighs_a_weekday_told_the_same_day():
    early = report("kfdm-4", "A man was killed at a Calder Avenue bar Friday, police said.",
                   TUESDAY + timedelta(days=4), TUESDAY + timedelta(days=4), "Friday", killed=1,
                   confidence=0.65)
    later = report("bee-4", "The man killed at the Calder Avenue bar on May 19 was a welder, police said.",
                   TUESDAY + timedelta(days=2), TUESDAY + timedelta(days=12), "May 19", killed=1,
                   confidence=0.55)
    events = merge([early, later])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY + timedelta(days=2)


def test_a_report_with_no_date_words_joins_the_shooting_days_before_its_stamp_and_the_named_day_wins():
    named = report("kfdm-5", "A teenager was shot dead near the Magnolia Avenue park Tuesday night, "
                   "police said.", TUESDAY, TUESDAY + timedelta(days=1), "Tuesday night", killed=1)
    stamped = report("bee-5", "Neighbours of the Magnolia Avenue park held a vigil for the teenager shot "
                     "dead there.", TUESDAY + timedelta(days=3), TUESDAY + timedelta(days=3))
    events = merge([stamped, named])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY and events[0].date_precision == DAY


def test_a_report_with_no_date_words_stamped_days_before_a_shooting_does_not_tell_of_it():
    stamped = report("bee-6", "A teenager was wounded outside a Magnolia Avenue market, police said.",
                     TUESDAY - timedelta(days=4), TUESDAY - timedelta(days=4), injured=1)
    later = report("kfdm-6", "A woman riding a bicycle home was hurt by a stray bullet on Tuesday.",
                   TUESDAY, TUESDAY, "Tuesday", injured=1)
    assert len(merge([stamped, later])) == 2


def test_reports_with_no_date_words_take_the_first_reports_stamp():
    first = report("kfdm-7", "A man was wounded by gunfire on Gladys Street, police said.",
                   TUESDAY, TUESDAY, injured=1, confidence=0.5)
    second = report("bee-7", "A man wounded by gunfire on Gladys Street is in stable condition.",
                    TUESDAY + timedelta(days=2), TUESDAY + timedelta(days=2), injured=1, confidence=0.7)
    events = merge([second, first])
    assert len(events) == 1 and events[0].date == TUESDAY


def test_a_report_with_no_date_words_stamped_days_after_a_shooting_tells_of_a_newer_one():
    named = report("kfdm-8", "A man was wounded by gunfire outside a Calder Avenue bar on Tuesday, police said.",
                   TUESDAY, TUESDAY, "Tuesday", injured=1)
    newer = report("bee-8", "A woman walking her dog was hurt by a stray bullet near the Pine Street "
                   "library, officers said.", TUESDAY + timedelta(days=4), TUESDAY + timedelta(days=4), injured=1)
    assert len(merge([named, newer])) == 2
    # stamped the next day, the same words tell of the same shooting
    next_day = report("bee-9", "A man was wounded by gunfire outside a Calder Avenue bar, police said.",
                      TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=1), injured=1)
    events = merge([named, next_day])
    assert len(events) == 1 and events[0].date == TUESDAY


def test_a_day_told_with_the_shooting_outweighs_a_press_conferences_day_in_a_surer_report():
    told = report("kfdm-10", "A man was shot dead outside a Calder Avenue bar late Tuesday, police said.",
                  TUESDAY, TUESDAY + timedelta(days=1), "late Tuesday", killed=1, confidence=0.5)
    told.date_role = "violence"
    step = report("bee-10", "Police held a press conference on Wednesday about the man shot dead outside "
                  "a Calder Avenue bar.", TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=1), "Wednesday",
                  killed=1, confidence=0.7)
    step.date_role = "step"
    events = merge([step, told])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY


def test_a_day_told_with_the_shooting_outweighs_a_day_whose_words_do_not_say_what_it_dates():
    told = report("kfdm-11", "A woman was wounded by gunfire on Pine Street early Wednesday, officers said.",
                  TUESDAY + timedelta(days=1), TUESDAY + timedelta(days=1), "early Wednesday", injured=1,
                  confidence=0.5)
    told.date_role = "violence"
    unsaid = report("bee-11", "On Tuesday, officers were on Pine Street, where a woman was wounded by gunfire.",
                    TUESDAY, TUESDAY + timedelta(days=1), "Tuesday", injured=1, confidence=0.6)
    events = merge([unsaid, told])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY + timedelta(days=1)


def test_a_day_after_the_first_reports_stamp_does_not_date_the_event():
    stamped = report("kfdm-12", "A man was wounded by gunfire on Gladys Street, police said.",
                     TUESDAY, TUESDAY, injured=1, confidence=0.6)
    # a plan's weekday read as a day of the past week: days after the first report was out
    later = report("bee-12", "The man wounded by gunfire on Gladys Street is expected to leave hospital "
                   "Saturday, police said.", TUESDAY + timedelta(days=4), TUESDAY + timedelta(days=5), "Saturday",
                   injured=1, confidence=0.7)
    events = merge([later, stamped])
    assert len(events) == 1 and events[0].n_sources == 2
    assert events[0].date == TUESDAY
