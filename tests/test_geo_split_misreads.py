"""Place misreads that leave one report of a shooting apart from its incident's other reports: a
suspect's surname read as a town, a big city across the state line from the outlet read as an
upstate namesake, a state read as a foreign town of its name, a town site's state section."""

from geo_helpers import located
from sitrep.geo.outlets import known_outlet_town
from sitrep.model import Document


def test_a_neighbours_surname_repeated_bare_is_no_town():
    text = ("A 10-year-old girl was accidentally shot by her brother on Tuesday evening, police said.\n\n"
            "The small Oklahoma town of Duncan is in shock.\n\n"
            "Longtime resident James Henderson said he could not believe the news.\n\n"
            "\"It is a tragic thing,\" said Henderson.\n\n"
            "Henderson is a gun owner himself and keeps his rifles locked away.\n\n"
            "\"You have to be careful,\" Henderson added.")
    m = located(text, "A 10-year-old girl was accidentally shot by her brother on Tuesday evening, police said.",
                trigger="shot")
    assert m.place.name == "Duncan" and m.place.admin1 == "Oklahoma"


def test_a_suspect_named_with_his_age_at_a_paragraphs_start_is_no_foreign_city():
    text = ("A gunman opened fire near a baggage carousel at the Fort Lauderdale airport on Friday, killing "
            "five travelers, police said.\n\n"
            "Marco Santiago, 26, was taken into custody at the scene.\n\n"
            "According to officers, Santiago fired until his gun was empty. The FBI said Santiago had flown in "
            "from Alaska that morning.")
    m = located(text, "According to officers, Santiago fired until his gun was empty.", trigger="fired")
    assert m.place.name == "Fort Lauderdale"


def test_a_surname_stays_a_place_after_a_place_word():
    text = ("A woman was wounded Sunday when someone fired into her car in Henderson, police said. "
            "Officer Mark Henderson said no arrests had been made.")
    m = located(text, "A woman was wounded Sunday when someone fired into her car in Henderson, police said.",
                trigger="fired")
    assert m.place.name == "Henderson"


def test_a_big_city_next_to_the_outlets_city_beats_a_village_of_its_state_named_like_it():
    text = ("A 17-year-old was killed and two men were hurt when gunfire broke out after a street fair in "
            "Newark on Sunday evening, the Essex County prosecutor said.\n\nThe mayor of Newark said the fair had "
            "no permit, a witness told NBC 4 New York.")
    m = located(text, text.split("\n")[0], title="Teen killed after street fair in Newark",
                url="http://www.nbcnewyork.com/news/local/teen-killed-street-fair-newark-1234.html")
    assert m.place.name == "Newark" and m.place.admin1 == "New Jersey"


def test_a_state_named_in_the_text_is_no_foreign_town_of_the_titles_name():
    text = ("A Florida man accidentally shot and killed his roommate while showing off a pistol, Bay County "
            "deputies said on Tuesday.\n\nThe man told deputies he believed the gun was unloaded.")
    m = located(text, text.split("\n")[0], title="Florida man accidentally kills roommate with pistol")
    assert m.place.country_code == "US" and m.place.admin1 == "Florida"


def test_a_town_sites_state_section_names_the_outlets_town():
    # the town site's sections name a state and a town: the report's area, whatever its words say
    decatur = known_outlet_town(Document(id="d", text="", url="http://patch.com/georgia/decatur/four-hurt-in-shooting"))
    assert (decatur.name, decatur.admin1) == ("Decatur", "Georgia")
    joint = known_outlet_town(Document(id="d", text="", url="https://patch.com/illinois/channahon-minooka/teen-shot"))
    assert (joint.name, joint.admin1) == ("Channahon", "Illinois")
    assert known_outlet_town(Document(id="d", text="", url="https://patch.com/about/press")) is None


def test_a_police_force_of_a_township_the_gazetteer_lacks_is_no_town_of_another_state():
    # Howland Township, Ohio is missing from the gazetteer; Howland, Maine is not
    text = ("A man was charged with murder after three people were shot at a house on Route 46 late Saturday, "
            "Howland police said.\n\nThe victims were taken to a hospital in Trumbull County, where one died.")
    m = located(text, text.split("\n")[0], title="Man charged after three shot - WFMJ.com",
                url="http://www.wfmj.com/story/1234/man-charged-after-three-shot", trigger="shot")
    assert m.place.admin1 == "Ohio"


def test_a_county_named_with_a_town_of_it_is_that_towns_county_in_a_far_stations_report():
    text = ("The Wayne County Sheriff's Office said a man shot and killed his wife early Friday when she came "
            "home from work sooner than he expected. Deputies were called to a home in Goldsboro.")
    m = located(text, "The Wayne County Sheriff's Office said a man shot and killed his wife early Friday when "
                      "she came home from work sooner than he expected.",
                url="http://abc7chicago.com/news/man-shoots-wife/123456/", trigger="shot")
    assert m.place.admin1 == "North Carolina"


def test_a_wire_story_on_a_far_stations_site_keeps_its_police_forces_town():
    text = ("Officials with the Lamesa Police Department say a 6-year-old boy was shot at a house that was hit "
            "in a drive-by shooting hours later. The boy's mother was arrested.")
    m = located(text, text, title="Boy, 6, shot before drive-by shooting in Lamesa - WAFB 9",
                url="http://www.wafb.com/story/1234/boy-shot-before-drive-by-shooting-in-lamesa", trigger="shot")
    assert m.place.name == "Lamesa" and m.place.admin1 == "Texas"


def test_a_countys_police_named_like_a_far_town_stays_the_stations_county():
    text = ("DeKalb police said a 13-year-old boy was shot and killed by a 17-year-old friend who was handling a "
            "pistol at a home in Lithonia. The older boy has been charged.")
    m = located(text, text, title="Teen charged in shooting death of 13-year-old",
                url="http://www.wsbtv.com/news/local/teen-charged-shooting-death/abc12/", trigger="shot")
    assert m.place.admin1 == "Georgia"


def test_a_big_town_of_the_title_beats_the_far_dateline_of_its_states_capital():
    text = ("ALBUQUERQUE, N.M. (KRQE) – A man accused of shooting his wife and two children last summer was "
            "brought back from Mexico on Tuesday, police said.\n\nThe family lived in Roswell, where he is held.")
    m = located(text, text.split("\n")[0], title="Roswell man accused of killing family brought back from Mexico",
                url="http://krqe.com/2017/03/29/roswell-man-accused-of-killing-family/", trigger="shooting")
    assert m.place.name == "Roswell"
