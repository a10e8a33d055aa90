"""A local station's report that opens with the county and tells the spot later is placed at the spot's town."""

from geo_helpers import located

STATION = "http://www.wbtv.com/story/3411/toddler-shoots-himself"  # a Charlotte station: its market's report
OPENING = "Iredell County deputies said a 3-year-old found a loaded pistol in a truck and shot himself on Sunday."


def test_the_town_of_the_scene_clause_beats_the_county_of_the_opening_sentence():
    text = (OPENING + "\n\nThe shooting happened in the 200 block of Brawley School Road in Mooresville, an "
            "Iredell County sheriff's spokesman said. The boy is expected to recover.")
    m = located(text, OPENING, trigger="shot", url=STATION)
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Mooresville", "North Carolina")
    assert m.geo_precision == 1


def test_where_a_suspect_fled_afterwards_is_not_the_scene():
    text = (OPENING + "\n\nHis uncle then drove to a store on Main Street in Mooresville, an Iredell County "
            "sheriff's spokesman said.")
    m = located(text, OPENING, trigger="shot", url=STATION)
    assert m.place is not None and m.place.name == "Iredell County"


def test_two_scenes_of_a_spree_leave_the_county():
    text = (OPENING + "\n\nA first shot hit a home in Mooresville and a second one a house in Troutman, an "
            "Iredell County sheriff's spokesman said.")
    m = located(text, OPENING, trigger="shot", url=STATION)
    assert m.place is not None and m.place.name == "Iredell County"
