"""US local news: a bare big city's name beats a far hamlet of it, "Washington" beside D.C. is the
capital, a foreign country or an old foreign town name is no local shooting's place."""

from geo_helpers import located
from sitrep.model import Document


def test_a_bare_state_capital_in_a_neighbouring_states_station_is_the_capital():
    text = ("Montgomery police said two men died and six people were hurt when gunfire broke out outside a "
            "nightclub early Sunday. The mayor of Montgomery ordered the club closed.")
    sentence = "Montgomery police said two men died and six people were hurt when gunfire broke out outside a nightclub early Sunday."
    m = located(text, sentence, title="Montgomery club closed after shooting - CBS46 News Atlanta")
    assert m.place is not None and m.place.name == "Montgomery" and m.place.admin1 == "Alabama"


def test_a_hamlet_of_a_big_citys_name_stays_when_its_state_is_named():
    text = ("OAKLAND, Md. — A man was shot and wounded at a house outside Oakland, Maryland state police said. "
            "Troopers arrested a neighbour on Tuesday.")
    sentence = "A man was shot and wounded at a house outside Oakland, Maryland state police said."
    m = located(text, sentence)
    assert m.place is not None and m.place.admin1 == "Maryland"


def test_washington_beside_dc_police_is_the_capital_not_the_state():
    text = ("A teenager was shot and killed on Sunday night in Northeast Washington, police said. "
            "D.C. police asked anyone who saw the shooting to call them.")
    sentence = "A teenager was shot and killed on Sunday night in Northeast Washington, police said."
    m = located(text, sentence)
    assert m.place is not None and m.place.admin1 == "District of Columbia"


def test_washington_state_stays_the_state():
    text = ("A deputy was wounded in a shootout near Yakima in Washington state on Monday. "
            "Deputies from Yakima County chased the suspect.")
    m = located(text, "A deputy was wounded in a shootout near Yakima in Washington state on Monday.")
    assert m.place is not None and m.place.admin1 == "Washington"


def test_a_country_named_as_a_victims_birthplace_is_not_a_local_shootings_place():
    text = ("HOUSTON — Two men were killed in an accidental shooting at a southeast Houston apartment on "
            "Sunday, police said. One of them had moved from Jordan to Texas as a child, his family said.")
    sentence = "One of them had moved from Jordan to Texas as a child, his family said."
    m = located(text, sentence, title="2 men killed in accidental shooting in southeast Houston - KHOU 11")
    assert m.place is not None and m.place.country_code == "US" and m.place.name == "Houston"


def test_an_old_foreign_name_of_a_capital_in_american_crime_news_is_the_us_town():
    text = ("A girl was killed early Sunday after a Salisbury home was sprayed with bullets around 4:20 a.m., "
            "police said. Officers found a wounded man at the scene.")
    sentence = "A girl was killed early Sunday after a Salisbury home was sprayed with bullets around 4:20 a.m., police said."
    m = located(text, sentence)
    assert m.place is not None and m.place.country_code == "US" and m.place.name == "Salisbury"


def test_a_papers_national_section_is_no_cue_to_its_town_but_its_local_section_is():
    from sitrep.geo.outlets import known_outlet_town

    national = Document(id="d", text="x", url="https://www.nydailynews.com/news/national/deacon-grandson-shot-1.2")
    local = Document(id="d", text="x", url="https://www.nydailynews.com/new-york/nyc-crime/man-shot-in-bronx-1.3")
    assert known_outlet_town(national) is None
    town = known_outlet_town(local)
    assert town is not None and town.admin1 == "New York"


def test_a_station_known_by_its_channel_names_the_reports_state():
    text = ("Police said two people were wounded in a shooting on the south side of Peoria late Friday. "
            "Officers found both victims on the street.")
    sentence = "Police said two people were wounded in a shooting on the south side of Peoria late Friday."
    m = located(text, sentence, url="https://www.centralillinoisproud.com/news/local-news/two-wounded")
    assert m.place is not None and m.place.name == "Peoria" and m.place.admin1 == "Illinois"


def test_a_city_section_of_a_many_city_site_names_the_town():
    from sitrep.geo.outlets import known_outlet_town

    chicago = known_outlet_town(Document(id="d", text="x", url="https://www.dnainfo.com/chicago/20160831/englewood/two-hurt"))
    new_york = known_outlet_town(Document(id="d", text="x", url="https://www.dnainfo.com/new-york/20161031/harlem/one-hurt"))
    assert chicago is not None and chicago.name == "Chicago" and chicago.admin1 == "Illinois"
    assert new_york is not None and new_york.admin1 == "New York"
