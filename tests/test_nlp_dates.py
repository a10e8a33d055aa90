"""Dates resolved against the published date, with ACLED's precision."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.model import DAY, MONTH, WEEK
from sitrep.nlp import find_dates

THURSDAY = date(2024, 2, 1)  # published on a Thursday


def one(text: str, published: date | None = THURSDAY):
    found = find_dates(text, published)
    assert len(found) == 1, [(d.span.text, d.value) for d in found]
    return found[0]


@pytest.mark.parametrize("text, expected, words", [
    ("Israeli forces raided the camp on Thursday.", date(2024, 2, 1), "Thursday"),
    ("Gunmen attacked the village on Tuesday night.", date(2024, 1, 30), "Tuesday night"),
    ("Last Thursday, protesters blocked the road.", date(2024, 1, 25), "Last Thursday"),
    ("Two people were killed yesterday.", date(2024, 1, 31), "yesterday"),
    ("Shelling continued last night.", date(2024, 1, 31), "last night"),
    ("The army said today that it had withdrawn.", date(2024, 2, 1), "today"),
    ("Troops raided several homes overnight.", date(2024, 2, 1), "overnight"),
    # a weekday after "overnight" names the night: not the day of publication
    ("Police are looking into four shootings that happened overnight Tuesday.", date(2024, 1, 30),
     "overnight Tuesday"),
    ("The clashes began three days ago.", date(2024, 1, 29), "three days ago"),
    ("Residents fled the day before yesterday.", date(2024, 1, 30), "the day before yesterday"),
])
def test_relative_days(text, expected, words):
    d = one(text)
    assert (d.value, d.precision, d.relative, d.span.text) == (expected, DAY, True, words)


@pytest.mark.parametrize("text, expected", [
    # the day after publication: the page's date lags its story by a day, not a story six days old
    ("Two men were shot early Friday outside a bar.", date(2024, 2, 2)),
    ("Police said Friday morning that the road had reopened.", date(2024, 2, 2)),
    # "last" keeps the week before, and any other weekday stays on or before publication
    ("Two men were shot last Friday outside a bar.", date(2024, 1, 26)),
    ("Two men were shot early Wednesday outside a bar.", date(2024, 1, 31)),
    ("Two men were shot early Saturday outside a bar.", date(2024, 1, 27)),
])
def test_the_weekday_after_publication_is_the_next_day(text, expected):
    assert one(text).value == expected


@pytest.mark.parametrize("text, expected", [
    ("The strike took place on January 2.", date(2024, 1, 2)),
    ("The strike took place on Jan. 2.", date(2024, 1, 2)),
    ("The strike took place on 2 January.", date(2024, 1, 2)),
    ("Fighting broke out on January 25.", date(2024, 1, 25)),
    ("The siege began on December 30.", date(2023, 12, 30)),  # after publication: the year before
    # up to a month after publication: the published year, a day still to come or the page lagging the story
    ("A preliminary hearing is scheduled for Feb. 20.", date(2024, 2, 20)),
    ("Officers arrived in the early hours of February 2.", date(2024, 2, 2)),
])
def test_month_and_day_take_the_published_year(text, expected):
    d = one(text)
    assert (d.value, d.precision) == (expected, DAY)


def test_explicit_years_and_iso_dates():
    assert one("The ceasefire collapsed on 2 January 2023.").value == date(2023, 1, 2)
    assert one("The ceasefire collapsed on January 2, 2023.").value == date(2023, 1, 2)
    d = one("Data as of 2023-11-04 show the rise.")
    assert (d.value, d.relative) == (date(2023, 11, 4), False)


def test_weekday_with_month_and_day_is_one_mention():
    d = one("On Thursday, January 25, a car bomb exploded.")
    assert (d.span.text, d.value) == ("Thursday, January 25", date(2024, 1, 25))


def test_weekday_picks_the_year():
    # published 16 March 2014; Tuesday 18 March is 2014, not the year before
    d = one("The hearing is set for Tuesday, March 18th.", date(2014, 3, 16))
    assert d.value == date(2014, 3, 18)
    # an archived copy dated long after the report: 12 September was a Saturday in 2015, not 2016
    d = one("The shooting happened Saturday, Sept. 12, outside a bar.", date(2017, 1, 28))
    assert d.value == date(2015, 9, 12)


def test_holidays_are_read_through_the_shared_data_reader():
    from sitrep.nlp.data_files import read_yaml

    raw = read_yaml("holidays.yaml")
    assert raw["holidays"] and int(raw["upcoming_days"]) > 0
    with pytest.raises(FileNotFoundError, match="no_such_lexicon.yaml"):
        read_yaml("no_such_lexicon.yaml")


@pytest.mark.parametrize("text, expected, precision", [
    ("Clashes were reported last week.", date(2024, 1, 25), WEEK),
    ("Earlier this month, the group claimed an attack.", date(2024, 2, 1), MONTH),
    ("The offensive began last month.", date(2024, 1, 15), MONTH),
    ("Protests started in March.", date(2023, 3, 15), MONTH),
    ("Protests started in March 2023.", date(2023, 3, 15), MONTH),
])
def test_week_and_month_precision(text, expected, precision):
    d = one(text)
    assert (d.value, d.precision) == (expected, precision)


def test_without_published_date_nothing_is_guessed():
    assert one("Two were killed yesterday.", None).value is None
    assert one("Gunmen struck on Friday.", None).value is None
    assert one("The raid happened on March 3.", None).value is None
    # a year stated in the text is used, and the stated weekday picks between neighbouring years
    found = find_dates("On Thursday, January 25, a bomb went off. The 2024 budget was cut.", None)
    assert found[0].value == date(2024, 1, 25)


def test_not_dates():
    assert find_dates("They may march to the square.", THURSDAY) == []
    assert [d.span.text for d in find_dates("Protesters will rally next Monday.", THURSDAY)] == []


def test_gva_incident_dates(shared_data):
    """The incident's date is among the dates found in most articles about it."""
    incidents = {}
    with open(shared_data / "gva" / "incidents.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            incidents[str(rec["incident_uri"])] = rec["date_iso"][:10]
    hits = total = 0
    with open(shared_data / "gva" / "documents.jsonl", encoding="utf-8") as f:
        for line, _ in zip(f, range(300)):
            rec = json.loads(line)
            gold = incidents.get(str(rec["incident_id"]))
            if not gold or not rec.get("dct"):
                continue
            found = find_dates(rec["content"] or "", date.fromisoformat(rec["dct"][:10]))
            total += 1
            hits += any(d.value and d.value.isoformat() == gold for d in found)
    assert total > 100 and hits / total > 0.6


@pytest.mark.parametrize("text, published, expected", [
    ("Two men were killed over the weekend in separate shootings.", date(2024, 2, 5), date(2024, 2, 3)),
    ("Two men were killed over the weekend in separate shootings.", date(2024, 2, 4), date(2024, 2, 3)),
    ("A teenager was shot last weekend near the park.", date(2024, 2, 7), date(2024, 2, 3)),
    ("A teenager was shot last weekend near the park.", date(2024, 2, 4), date(2024, 1, 27)),
])
def test_a_weekend_is_its_saturday(text, published, expected):
    d = one(text, published)
    assert d.value == expected and d.precision == WEEK


def test_a_spanish_place_name_is_no_month():
    assert find_dates("A man was killed in Colonia Corona del Mar. 1 fatality.", date(2022, 6, 20)) == []


@pytest.mark.parametrize("text, published, expected", [
    # fixed days, nth weekdays and Easter, each the latest one on or before publication
    ("A man was shot on Christmas Eve outside a church.", date(2015, 12, 28), date(2015, 12, 24)),
    ("Two brothers were wounded on New Year’s Eve by celebratory gunfire.", date(2016, 1, 2), date(2015, 12, 31)),
    ("A teenager was shot in Elliston on Thanksgiving Day.", date(2015, 11, 30), date(2015, 11, 26)),
    ("A girl was killed in a home invasion on Easter Sunday.", date(2016, 4, 11), date(2016, 3, 27)),
    ("A fight on Memorial Day ended in gunfire.", date(2016, 6, 2), date(2016, 5, 30)),
    # said in January, Christmas is the last one
    ("The store clerk was shot on Christmas while closing up.", date(2016, 1, 8), date(2015, 12, 25)),
])
def test_holidays_are_days(text, published, expected):
    d = one(text, published)
    assert (d.value, d.precision) == (expected, DAY)


def test_a_holiday_weekend_is_a_week():
    d = one("Six people were shot over the Fourth of July weekend.", date(2015, 7, 7))
    assert (d.value, d.precision) == (date(2015, 7, 4), WEEK)


@pytest.mark.parametrize("text, published", [
    ("Two women were killed at a Halloween party in an apartment building.", date(2016, 10, 31)),
    ("Christmas shopping brought crowds downtown.", date(2015, 12, 20)),
    ("The family had planned a big dinner for Thanksgiving Day.", date(2015, 11, 20)),  # still to come
])
def test_a_holiday_named_but_no_day_said(text, published):
    assert find_dates(text, published) == []


def test_an_archived_page_is_read_from_its_own_stamp():
    # a copy kept years later: its date is the archive's, the stamp under the headline is the page's
    page = ("Updated: 08/10/2014 4:26 PM\n\nCreated: 08/09/2014 5:14 AM\n\n"
            "Officers are looking into a shooting at a downtown bar that hurt four men early Saturday.")
    (d,) = find_dates(page, date(2017, 1, 28))
    assert (d.span.text, d.value) == ("early Saturday", date(2014, 8, 9))


def test_only_the_first_stamp_of_a_page_and_none_after_publication_move_its_day():
    # a video caption of an older story further down is no stamp of this page
    page = ("Two brothers were wounded on their porch Wednesday, police said. (Published Thursday, Mar 14, 2013)\n\n"
            "An earlier clip about the park. (Published Wednesday, May 4, 2011)")
    said = [d for d in find_dates(page, date(2013, 3, 13)) if d.span.text == "Wednesday"]
    assert [d.value for d in said] == [date(2013, 3, 13)]


@pytest.mark.parametrize("text", [
    "Deputies were sent to a house in the 400 block of June Drive around 9 p.m.",
    "The wounded man was found lying on March Lane near the park.",
])
def test_a_month_that_opens_a_street_name_is_no_month(text):
    # the street keeps its name; the report's own day is not moved to last June or March
    assert find_dates(text, date(2017, 1, 3)) == []
    assert [d.value for d in find_dates("The fair opens in June.", date(2017, 1, 3))] == [date(2016, 6, 15)]


def test_an_embedded_post_counts_its_relative_days_from_its_own_signed_day():
    text = ("Police chief: the two shootings downtown this morning were linked. "
            "\u2014 Jane Roe (@janeroe_news) October 3, 2016\n\n"
            "The suspect was in custody on Tuesday, officers said.")
    found = {d.span.text: d.value for d in find_dates(text, date(2016, 10, 4))}
    assert found["this morning"] == date(2016, 10, 3)  # the post's day, not the page's
    assert found["Tuesday"] == date(2016, 10, 4)  # the page's own prose still counts from the page
    assert found["October 3, 2016"] == date(2016, 10, 3)


def test_a_month_that_opens_a_persons_name_is_no_date():
    text = ("\"He was always calm,\" a neighbor, June Holloway, said. "
            "The couple had lived on the street since August and planned to move in March.")
    months = [d.span.text for d in find_dates(text, date(2017, 2, 9))]
    assert months == ["August", "March"]
