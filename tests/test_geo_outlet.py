"""US local news: streets and people named like towns are not the event's place; the outlet's city
(web address or title tag) is the report's home when nothing else gives one."""

from sitrep.geo import geoparse, locate
from sitrep.geo.home import report_home
from sitrep.geo.site import outlet_town, site_town
from sitrep.model import Analysis, Document, Mention, Span


def located(text: str, sentence: str, title: str | None = None, url: str | None = None) -> Mention:
    doc = Document(id="d", text=text, title=title, url=url)
    start = text.index(sentence)
    m = Mention("d", Span("d", start, start + len(sentence), sentence), "Violence against civilians", "Attack")
    return locate(Analysis(doc=doc), [m], geoparse(doc))[0]


def test_a_street_named_after_a_town_is_not_the_place_of_the_shooting():
    text = ("DAYTON, Ohio — A man was shot twice on Savannah Highway late Tuesday, police said. "
            "He was taken to a hospital and is expected to survive.")
    m = located(text, "A man was shot twice on Savannah Highway late Tuesday, police said.")
    assert m.place.name == "Dayton" and m.place.admin1 == "Ohio"


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
