"""A known US outlet (a station's call letters, a paper's address) tells which state a local report is
in: bare town and county names are read in that state, a county dateline places the event in the
county, and saints' names of churches and schools are no towns."""

from geo_helpers import located
from sitrep.geo import geoparse
from sitrep.geo.outlets import known_outlet_town
from sitrep.model import Document


def test_a_stations_call_letters_name_its_town_in_its_address_its_dateline_or_its_title():
    archived = "http://web.archive.org/web/2016/http://www.wistv.com/story/1"
    by_address = known_outlet_town(Document(id="d", text="", url=archived))
    assert (by_address.name, by_address.admin1) == ("Columbia", "South Carolina")
    by_dateline = known_outlet_town(Document(id="d", text="SALEM (WSLS 10) – A man was shot on Main Street."))
    assert (by_dateline.name, by_dateline.admin1) == ("Roanoke", "Virginia")
    by_title = known_outlet_town(Document(id="d", text="", title="Two hurt in shooting - KSLA News 12 Shreveport"))
    assert by_title.admin1 == "Louisiana"
    assert known_outlet_town(Document(id="d", text="A man was shot.", url="https://example.org/news/1")) is None


def test_a_bare_town_in_a_stations_report_is_the_namesake_in_the_stations_state():
    text = ("Police in Danville are looking for whoever fired into a house on Grove Street early Sunday, "
            "wounding a teenager.\n\nThe teen was treated and released, officers said.")
    m = located(text, "Police in Danville are looking for whoever fired into a house on Grove Street early Sunday, "
                      "wounding a teenager.", url="http://wsls.com/2017/04/09/danville-shooting/")
    assert (m.place.name, m.place.admin1) == ("Danville", "Virginia")
    # the same words from an outlet nobody knows keep the gazetteer's reading of "Danville"
    assert located(text, "Police in Danville are looking for whoever fired into a house on Grove Street early "
                         "Sunday, wounding a teenager.").place.admin1 != "Virginia"


def test_a_dateline_read_abroad_is_the_american_town_in_a_stations_report():
    text = ("BIRMINGHAM, Ala (WIAT): A 5-year-old girl was hurt when a gun went off in an apartment, "
            "Birmingham police said.\n\nShe is expected to recover.")
    m = located(text, "BIRMINGHAM, Ala (WIAT): A 5-year-old girl was hurt when a gun went off in an apartment, "
                      "Birmingham police said.", url="http://wiat.com/2017/04/09/girl-hurt/")
    assert (m.place.name, m.place.admin1) == ("Birmingham", "Alabama")


def test_a_county_named_in_another_state_by_the_gazetteer_is_the_stations_county():
    text = ("MONTGOMERY COUNTY (WSLS 10) – A 13-year-old boy was shot in the leg at a home on Friday.\n\n"
            "The Montgomery County Sheriff's Office said the boy was taken to a hospital in Roanoke.")
    m = located(text, "MONTGOMERY COUNTY (WSLS 10) – A 13-year-old boy was shot in the leg at a home on Friday.",
                url="http://wsls.com/2015/11/26/boy-shot/")
    assert m.place.admin1 == "Virginia"


def test_a_county_dateline_places_the_event_in_the_county_not_the_state_that_holds_it():
    text = ("NOBLE COUNTY, Ind. – A 7-year-old boy died after a shotgun went off in a farmhouse on Saturday "
            "afternoon, deputies said.")
    m = located(text, text, trigger="died")
    assert m.place.admin1 == "Indiana" and "Noble" in m.place.name


def test_the_hospital_town_a_victim_was_taken_to_is_not_the_reports_home():
    text = ("A Hart County teen was flown to University of Louisville Hospital after being shot by accident "
            "while hunting.\n\nKentucky State Police says another teenager fired the shot in the Cub Run area.\n\n"
            "No charges have been filed in Hart County.")
    m = located(text, "Kentucky State Police says another teenager fired the shot in the Cub Run area.",
                url="http://www.wbko.com/content/news/hunting-shooting.html")
    assert m.place.admin1 == "Kentucky" and m.place.name != "Louisville"


def test_saint_names_are_towns_but_not_when_they_name_a_church_or_a_school():
    doc = Document(id="d", text="A boy was shot in the leg in St. Augustine on Thursday. His classmates at "
                                "St. John's Lutheran School and the choir of St. James United Methodist Church "
                                "prayed for him.")
    names = [t.span.text for t in geoparse(doc) if t.place is not None]
    assert "St. Augustine" in names
    assert not any(n.startswith(("St. John", "St. James")) for n in names)
