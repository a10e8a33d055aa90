"""US local news: a station's own dateline, a sister station's story, the headline in a page's web
address, title-case headlines and county points place a shooting in the report's own area."""

from geo_helpers import located
from sitrep.geo.distance import flat_km
from sitrep.geo.gazetteer import get_gazetteer


def _biggest(name: str, state: str):
    gaz = get_gazetteer()
    rows = [r for r in gaz.lookup(name) if gaz.feature_code[r].startswith("PPL") and gaz.admin1[r] == state]
    return gaz.most_populous(rows)


def test_a_county_is_placed_where_its_people_live():
    text = "A man was found shot dead outside a store in Harris County, Texas, on Tuesday night, deputies said."
    m = located(text, text)
    houston = _biggest("Houston", "Texas")
    assert m.place is not None and m.place.feature_code == "ADM2" and m.place.admin1 == "Texas"
    assert flat_km(m.place.latitude, m.place.longitude, houston.latitude, houston.longitude) < 30


def test_a_stations_own_dateline_naming_a_neighbourhood_stays_in_the_stations_city():
    text = ("HOMEWOOD (KDKA) — Two men were shot and killed inside a building in Homewood early Sunday, "
            "police said.\n\nDetectives asked witnesses to come forward.")
    sentence = "Two men were shot and killed inside a building in Homewood early Sunday, police said."
    m = located(text, sentence, url="http://pittsburgh.cbslocal.com/2013/10/20/two-dead-in-homewood/")
    assert m.place is not None and m.place.name == "Pittsburgh" and m.place.admin1 == "Pennsylvania"


def test_a_dateline_naming_its_state_is_never_read_in_another_state():
    text = ("HOWLAND, Ohio (WKBN) – Four people were found shot in a home on Tuesday, police said.\n\n"
            "Officers said the house was locked.")
    m = located(text, "Four people were found shot in a home on Tuesday, police said.")
    assert m.place is not None and m.place.admin1 == "Ohio"


def test_a_sister_stations_story_is_placed_in_the_writers_area():
    text = ("(WMC) - A boy was killed on Saturday when a pellet gun went off while he and a friend played with "
            "it, police said. He had been a student at Germantown High School.")
    sentence = "A boy was killed on Saturday when a pellet gun went off while he and a friend played with it, police said."
    m = located(text, sentence, title="Pellet gun accident kills teen - WALB.com, South Georgia News",
                url="http://www.walb.com/story/26585132/pellet-gun-accident")
    assert m.place is not None and m.place.admin1 == "Tennessee"


def test_a_town_of_the_title_near_the_dateline_is_where_it_happened():
    text = ("NASHVILLE, Tenn. (WKRN) – A 16-year-old was shot on Wednesday afternoon during a robbery.\n\n"
            "Springfield police said two men were arrested later that day.")
    sentence = "NASHVILLE, Tenn. (WKRN) – A 16-year-old was shot on Wednesday afternoon during a robbery."
    m = located(text, sentence, title="Springfield teen shot in robbery, 2 arrested")
    assert m.place is not None and m.place.name == "Springfield" and m.place.admin1 == "Tennessee"


def test_a_title_case_headline_names_its_town_after_a_preposition():
    text = "Sign in to read more.\n\nFive Shot During Party At Kankakee Banquet Hall"
    m = located(text, "Five Shot During Party At Kankakee Banquet Hall",
                title="Five Shot During Party At Kankakee Banquet Hall",
                url="http://chicago.cbslocal.com/2015/11/29/five-shot-during-party/")
    assert m.place is not None and m.place.name == "Kankakee" and m.place.admin1 == "Illinois"


def test_a_page_without_the_story_is_placed_by_the_headline_in_its_address():
    text = ("Please check your email and click the link to activate your profile.\n\n"
            "Police: Man shoots four relatives, then himself")
    m = located(text, "Police: Man shoots four relatives, then himself",
                title="Police: Man shoots four relatives, then himself",
                url="http://www.ajc.com/news/news/2-killed-3-injured-in-gwinnett-county-shooting/nhjN6/")
    assert m.place is not None and m.place.name == "Gwinnett County" and m.place.admin1 == "Georgia"


def test_a_victims_home_town_in_the_title_loses_to_where_he_was_shot():
    text = ("A hunter died on Saturday after another hunter's rifle went off, game wardens said. "
            "The Fort Worth man had gone out with two friends to a lease near Azle.")
    m = located(text, "A hunter died on Saturday after another hunter's rifle went off, game wardens said.",
                title="Fort Worth man fatally shot while hunting near Azle")
    assert m.place is not None and m.place.name == "Azle"


def test_a_highway_numbered_after_the_country_is_no_place():
    text = ("An 18-year-old died days after he was shot, the Anderson County coroner said. "
            "The shooting happened on U.S. 76 near the county line on Sept. 25.")
    m = located(text, "The shooting happened on U.S. 76 near the county line on Sept. 25.")
    assert m.place is not None and m.place.country_code == "US" and m.place.feature_code != "PCLI"


def test_a_town_and_county_read_together_in_another_state_are_the_outlets():
    text = ("A 17-year-old boy was shot dead on Friday night in Plymouth, Orange County deputies said. "
            "Deputies are looking for two men.")
    m = located(text, "A 17-year-old boy was shot dead on Friday night in Plymouth, Orange County deputies said.",
                url="http://www.orlandosentinel.com/news/crime/os-boy-shot-plymouth-story.html")
    assert m.place is not None and m.place.admin1 == "Florida"


def test_a_county_named_by_a_report_without_a_town_beats_its_state_named_more_often():
    text = ("Putnam County, FL: A boy was shot by accident at a home on Tuesday. Florida law asks owners to lock "
            "guns away from children, and Florida deputies said the rifle was not locked. Florida officials agreed.")
    m = located(text, "A boy was shot by accident at a home on Tuesday.")
    assert m.place is not None and m.place.name == "Putnam County" and m.place.admin1 == "Florida"


def test_of_two_towns_of_a_name_in_one_state_the_one_in_the_named_county():
    text = "Union County deputies said a gunman shot four co-workers at a trucking firm in Lake Butler on Saturday."
    m = located(text, text)
    assert m.place is not None and m.place.name == "Lake Butler" and m.place.admin2 == "Union"


def test_a_paywall_stub_of_a_small_towns_paper_is_placed_in_that_town():
    text = ("Please sign in or subscribe to keep reading this story.\n\nAlready a subscriber? Log in.\n\n"
            "Teen wounded when a rifle went off during cleaning")
    m = located(text, "Teen wounded when a rifle went off during cleaning",
                url="http://www.mooresvilletribune.com/news/local/teen-wounded-article_4f2a.html")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Mooresville", "North Carolina")


def test_a_papers_town_in_its_address_never_outweighs_the_place_the_story_names():
    text = "A man was shot at a gas station in Lancaster, Ohio, on Monday night, police said."
    m = located(text, text, url="http://www.mooresvilletribune.com/news/local/man-shot-article_77b1.html")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Lancaster", "Ohio")
