"""Place misreads round 11 left: a wire dateline's bureau city over the scene town the report names
later, a big city's story carried on a far station's site, a person's given name read as a town,
and a county named in the possessive ("Prince George's County")."""

from geo_helpers import located
from sitrep.geo import geoparse
from sitrep.geo.name_use import places_only
from sitrep.model import Document


def test_a_wire_datelines_city_gives_way_to_the_scene_town_told_next():
    text = ("SHREVEPORT, La. (AP) — A sheriff's deputy was killed and a second one hurt early Sunday in "
            "northwest Louisiana, state police said.\n\n"
            "The deputies were shot at the scene of a disturbance in Mansfield, where a man had barricaded "
            "himself inside a house, a trooper said.\n\n"
            "The man surrendered after a standoff of four hours.")
    m = located(text, text.split("\n")[0], trigger="killed")
    assert (m.place.name, m.place.admin1) == ("Mansfield", "Louisiana")


def test_a_dateline_city_named_again_as_the_place_stays_the_place():
    text = ("NEW ORLEANS (AP) — A man was shot and killed at a New Orleans bar late Friday, police said.\n\n"
            "The victim, who lived in Slidell, died at the scene of the shooting in the French Quarter.")
    m = located(text, text.split("\n")[0], trigger="shot")
    assert m.place.name == "New Orleans"


def test_a_part_of_the_dateline_city_named_like_a_far_town_is_no_scene():
    text = ("PITTSBURGH (KDKA) — A boy was wounded by a stray bullet on Monday in the city's Knoxville "
            "section, police said.\n\nThe shooting happened in Knoxville section on a side street.")
    m = located(text, text.split("\n")[0], trigger="wounded")
    assert m.place.name == "Pittsburgh"


def test_a_big_city_story_on_a_far_stations_site_is_that_citys():
    text = ("A fight at a Memphis nightclub ended with two men shot in the parking lot early Saturday.\n\n"
            "Officers said the argument began inside the club and spilled outside.")
    m = located(text, text.split("\n")[0], trigger="shot",
                url="http://www.wave3.com/story/1234/men-shot-outside-memphis-nightclub",
                title="Two shot outside Memphis nightclub - wave3.com-Louisville News, Weather & Sports")
    assert (m.place.name, m.place.admin1) == ("Memphis", "Tennessee")


def test_a_victims_given_name_before_her_surname_is_no_town():
    text = ("Rochester Police on Saturday named the woman killed in the shooting on Genesee Street as "
            "22-year-old Medina Alvarez.\n\nOfficers said Alvarez was shot once in the head in an upstairs "
            "apartment late Friday.\n\nA cousin said Medina was studying nursing and loved to dance. Her "
            "family had moved to the city from Medina, N.Y., ten years ago.")
    kept = places_only(text, [t for t in geoparse(Document(id="d", text=text)) if t.place is not None])
    # the person's name, in full or bare, is dropped; the town named with its state stays
    assert [t.span.start for t in kept if t.span.text == "Medina"] == [text.index("Medina, N.Y.")]


def test_a_town_before_an_institutions_name_stays_the_town():
    text = ("A Killeen man was charged with murder on Monday.\n\nPolice said the victim was an 18-year-old "
            "Killeen High School student who was shot outside a store.")
    m = located(text, text.split("\n")[-1], trigger="shot")
    assert (m.place.name, m.place.admin1) == ("Killeen", "Texas")


def test_a_county_named_in_the_possessive_is_that_county():
    text = ("Prince George's County police are searching for a gunman who shot a woman outside a "
            "convenience store on Sunday night.")
    m = located(text, text, trigger="shot")
    assert m.place.admin1 == "Maryland"
