"""Local places the name index lacks or misreads: small US towns the words mark as places of the report's
own state (written before their state or county, or after "in", "near", "west of"), and a city's
neighbourhood named like a town elsewhere."""

from geo_helpers import located


def test_a_hamlet_near_which_a_hunter_was_shot_is_the_place_in_a_report_of_its_state():
    text = ("MANHATTAN, Kan. (KSNT) — A 16-year-old was wounded in the arm on Saturday while hunting deer "
            "near Olsburg, the Pottawatomie County sheriff said.\n\nHe was taken to a hospital in Manhattan.")
    m = located(text, "A 16-year-old was wounded in the arm on Saturday while hunting deer near Olsburg",
                trigger="wounded")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Olsburg", "Kansas")


def test_a_dateline_town_written_with_its_state_is_that_states_town_not_a_namesake_abroad():
    text = ("RIBERA, New Mexico — A rancher was shot and killed outside his barn late Sunday, state police "
            "said.\n\nNo arrest has been made.")
    m = located(text, "A rancher was shot and killed outside his barn late Sunday, state police said.")
    assert m.place is not None and (m.place.name, m.place.admin1, m.place.country_code) == (
        "Ribera", "New Mexico", "US")


def test_a_dateline_town_written_with_its_county_is_placed_there():
    text = ("COOKSON, Cherokee County, Okla. — Two men were wounded in a shooting at a lake cabin on "
            "Friday evening, deputies said.")
    m = located(text, "Two men were wounded in a shooting at a lake cabin on Friday evening, deputies said.")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Cookson", "Oklahoma")


def test_words_and_towns_of_other_states_are_not_read_as_small_towns():
    text = ("WICHITA, Kan. (KWCH) — A man was shot in May near Knifley Road and again in the driveway of "
            "a house in Wichita on Friday, police said.")
    m = located(text, text)
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Wichita", "Kansas")


def test_a_neighbourhood_named_like_a_town_of_the_next_state_is_part_of_the_home_city():
    sentence = "A teenager died hours after he was shot Friday evening near his home in the Westwood neighborhood."
    text = sentence + " Someone opened fire from a car, Cincinnati police and the Hamilton County coroner said."
    m = located(text, sentence, trigger="shot")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Cincinnati", "Ohio")
