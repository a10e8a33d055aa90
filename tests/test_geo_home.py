"""US local news: the report's home town (dateline, title, police force, the outlet's city) places its
shootings, and streets and people named like towns are not the event's place."""

from geo_helpers import located
from sitrep.geo import geoparse
from sitrep.geo.home import report_home
from sitrep.geo.site import outlet_town, site_town
from sitrep.model import NEAR, Document
from sitrep.pipeline import extract


def test_a_dateline_with_a_state_abbreviation_is_the_home():
    text = ("SPRINGFIELD, Ill. (AP) — A man was wounded late Friday when someone fired at his car, police said.\n\n"
            "Officers found shell casings on the street.")
    doc = Document(id="d", text=text)
    home = report_home(doc, [t for t in geoparse(doc) if t.place])
    assert home is not None and home.how == "dateline"
    assert home.place.name == "Springfield" and home.place.admin1 == "Illinois"


def test_a_bare_dateline_is_the_well_known_town_and_a_shop_named_like_a_town_is_not_the_place():
    text = ("STOCKTON —\n\nStockton police say four people were hurt in a shooting at Madison Market in "
            "Stockton on Sunday night. Madison Market stayed closed on Monday.")
    sentence = "Stockton police say four people were hurt in a shooting at Madison Market in Stockton on Sunday night."
    m = located(text, sentence)
    assert m.place.name == "Stockton" and m.place.admin1 == "California"


def test_a_neighbourhood_named_like_a_town_elsewhere_stays_in_the_reports_city():
    text = ("MEMPHIS, Tenn. — Police are looking for two men who shot three people in Raleigh late Saturday.\n\n"
            "The victims were taken to a hospital in stable condition.")
    m = located(text, "Police are looking for two men who shot three people in Raleigh late Saturday.")
    assert m.place.name == "Memphis" and m.place.admin1 == "Tennessee"
    assert m.geo_precision == NEAR


def test_the_police_force_names_the_city_when_the_text_names_only_a_neighbourhood():
    text = ("A teenager was shot on a porch in the Austin neighborhood early Sunday, a Chicago Police "
            "Department spokesman said. He was taken to a hospital in good condition.")
    m = located(text, "A teenager was shot on a porch in the Austin neighborhood early Sunday, a Chicago "
                      "Police Department spokesman said.")
    assert m.place.name == "Chicago" and m.place.admin1 == "Illinois"


def test_one_police_officer_is_no_police_force_of_a_town_named_one():
    # "One police officer was killed": a count, not the force of Onè in Italy
    text = ("On 11 January 2022, in Tamasopo, San Luis Potosi, armed men opened fire at a base of the "
            "state police. One police officer was killed and another was wounded.")
    events = extract([Document(id="one", text=text)])
    assert [(e.place.name, e.place.country_code) for e in events] == [("Tamasopo", "MX")]
    assert report_home(Document(id="one", text=text), geoparse(Document(id="one", text=text))) is None


def test_a_town_named_only_in_the_title_places_an_event_the_text_does_not_place():
    text = ("Shots were fired around 1 a.m. in the 200 block of East 40th Street. "
            "Three men were taken to the hospital; a woman died.")
    m = located(text, "Three men were taken to the hospital; a woman died.",
                title="Woman killed, three men hurt in shooting in Savannah")
    assert m.place is not None and m.place.name == "Savannah" and m.place.admin1 == "Georgia"


def test_a_state_named_in_the_text_means_the_state_not_a_town_of_that_name_elsewhere():
    text = "Two officers were charged on Friday after a boy was shot during a traffic stop in Louisiana."
    tops = [t for t in geoparse(Document(id="d", text=text)) if t.place]
    louisiana = next(t for t in tops if t.span.text == "Louisiana")
    assert louisiana.place.feature_code == "ADM1" and louisiana.place.admin1 == "Louisiana"


def test_reports_of_other_countries_keep_their_places():
    text = ("Clashes broke out near Jenin on Sunday. Israeli forces shot a man in Azzun, east of "
            "Qalqilya, witnesses in Qalqilya said.")
    m = located(text, "Israeli forces shot a man in Azzun, east of Qalqilya, witnesses in Qalqilya said.")
    assert m.place.name == "Azzun" and m.place.country_code == "PS"


def test_a_small_town_missing_from_geonames_is_found_from_the_state_written_after_it():
    text = "An 11-year-old boy was hurt when his father's gun went off at their home in Monroe, Conn., on Saturday."
    monroe = next(t for t in geoparse(Document(id="d", text=text)) if t.span.text == "Monroe")
    assert monroe.place.name == "Monroe" and monroe.place.admin1 == "Connecticut"
    assert 41.2 < monroe.place.latitude < 41.5 and -73.4 < monroe.place.longitude < -73.1


def test_small_towns_of_the_zip_list_are_not_read_as_places_on_their_own():
    text = "A hunter from Kinzers was wounded on Saturday when a rifle went off, the game commission said."
    assert all(t.span.text != "Kinzers" for t in geoparse(Document(id="d", text=text)))


def test_a_dateline_naming_a_capital_like_a_state_is_the_capital():
    text = ("WASHINGTON (WXYZ7) - Two men were shot late Thursday in a parking lot, police said.\n\n"
            "Both were taken to a hospital.")
    doc = Document(id="d", text=text)
    home = report_home(doc, [t for t in geoparse(doc) if t.place])
    assert home is not None and home.place.feature_code.startswith("PPL")
    assert home.place.admin1 == "District of Columbia"


def test_american_crime_news_means_the_american_town_of_a_name_shared_with_a_town_abroad():
    text = ("Two teenagers were wounded in a drive-by shooting in the 1400 block of 12th Street in "
            "Birmingham on Friday night, Birmingham police said.")
    m = located(text, text)
    assert m.place.name == "Birmingham" and m.place.admin1 == "Alabama"


def test_a_british_report_keeps_its_english_town():
    text = ("Two teenagers were wounded in a stabbing near the station in Birmingham on Friday night, "
            "West Midlands Police said, and a man was later arrested in Coventry.")
    m = located(text, text)
    assert m.place.name == "Birmingham" and m.place.country_code == "GB"


def test_a_big_citys_neighbourhood_named_like_a_hamlet_upstate_stays_in_the_city():
    text = ("NEW YORK (AP) — A man was shot and wounded outside a bodega in Red Hook early Sunday, "
            "police said.\n\nNo arrests were made.")
    m = located(text, "A man was shot and wounded outside a bodega in Red Hook early Sunday, police said.")
    assert m.place.admin1 == "New York" and m.place.population > 1_000_000


def test_a_street_named_after_a_town_is_not_the_place_of_the_shooting():
    text = ("DAYTON, Ohio — A man was shot twice on Savannah Highway late Tuesday, police said. "
            "He was taken to a hospital and is expected to survive.")
    m = located(text, "A man was shot twice on Savannah Highway late Tuesday, police said.")
    assert m.place.name == "Dayton" and m.place.admin1 == "Ohio"


def test_a_neighbourhood_named_after_a_state_is_not_that_state():
    sentence = ("A 24-year-old man was shot and killed Saturday night near a liquor store in Oregon Knolls, "
                "the Los Angeles County coroner's office said.")
    m = located(sentence + "\n\nLos Angeles police detectives asked for witnesses.", sentence, trigger="shot")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Los Angeles", "California")


def test_a_person_named_like_a_town_is_not_the_place_of_the_shooting():
    text = ("Police in Toledo are investigating a weekend shooting. "
            "A man was shot near Martin Luther King Jr. Park on Sunday.")
    m = located(text, "A man was shot near Martin Luther King Jr. Park on Sunday.")
    assert m.place is not None and m.place.name == "Toledo" and m.place.admin1 == "Ohio"


def test_the_outlets_web_address_names_its_city_even_inside_an_archive_address():
    assert site_town("http://web.archive.org/web/2016/http://www.chicagotribune.com/news/x").name == "Chicago"
    assert site_town("http://stlouis.cbslocal.com:80/2014/12/03/x").admin1 == "Missouri"
    assert site_town("http://www.kentuckynewera.com/story") is None  # a state's name, not Kent
    assert site_town(None) is None and site_town("not a url") is None


def test_the_outlets_part_of_a_title_names_its_city_and_its_state():
    assert outlet_town("Teen hurt in crash - WTVM.com-Columbus, GA News").admin1 == "Georgia"
    assert outlet_town("Man arrested - 44News | Evansville, IN").name == "Evansville"
    assert outlet_town("Shooting in Dallas leaves one hurt") is None  # a headline, no outlet part


def test_a_report_naming_only_streets_is_placed_in_the_outlets_city():
    text = ("Two men were wounded in a shooting in the 4200 block of a residential street early Saturday. "
            "Both were taken to a hospital in serious condition.")
    doc = Document(id="d", text=text, url="http://www.nbcmiami.com/news/local/two-wounded")
    home = report_home(doc, [t for t in geoparse(doc) if t.place])
    assert home is not None and home.how == "site" and home.place.name == "Miami"
    m = located(text, text.split(". ")[0] + ".", url=doc.url)
    assert m.place.name == "Miami" and m.place.admin1 == "Florida"


def test_a_neighbourhood_in_the_title_named_like_a_far_town_gives_way_to_the_outlets_city():
    text = "Four boys were wounded when someone opened fire on a porch on Friday evening, police said."
    m = located(text, text, title="Austin shooting wounds four boys",
                url="http://chicago.cbslocal.com/2014/07/12/austin-shooting")
    assert m.place.name == "Chicago" and m.place.admin1 == "Illinois"


def test_an_event_in_a_us_county_sits_where_the_countys_people_live():
    text = ("A three-year-old boy was killed in an accidental shooting at a home in Harris County, Texas, "
            "on Tuesday, deputies said.")
    m = located(text, text)
    assert m.place.name == "Harris County" and m.place.admin1 == "Texas"
    # Houston, the county's big city, lies at about 29.76 N, 95.37 W
    assert abs(m.place.latitude - 29.76) < 0.5 and abs(m.place.longitude + 95.37) < 0.5
