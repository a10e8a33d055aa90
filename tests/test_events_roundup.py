"""Round-up reports: one event per shooting they tell, each with its own toll, place and words."""

from __future__ import annotations

from datetime import date

from sitrep import nlp
from sitrep.events.extract import _paragraphs
from sitrep.events.roundup import shooting_parts
from sitrep.ingest.headline import with_headline
from sitrep.model import Document
from sitrep.pipeline import extract

ROUNDUP = {
    "id": "cst-roundup", "title": "5 wounded in shootings across Chicago on Saturday", "published": "2023-07-16",
    "url": "https://news.example/roundup",
    "text": "Five people were wounded in shootings across Chicago on Saturday, police said.\n\n"
            "The latest shooting happened about 11:40 p.m. in the Chatham neighborhood on the South Side. "
            "A 24-year-old man was standing in the 8100 block of South Cottage Grove Avenue when someone in a "
            "passing car fired shots, striking him in the hip. He was taken in fair condition to a hospital.\n\n"
            "About 7:15 p.m., two women were wounded in the 3900 block of West Madison Street in West Garfield "
            "Park. They were sitting on a porch when a gunman walked up and opened fire, police said. Both were "
            "listed in good condition.\n\n"
            "Earlier Saturday, a 16-year-old boy and two men were shot in the Little Village neighborhood. The "
            "three were in the 2600 block of South Kedzie Avenue about 2:30 p.m. when shots rang out. The boy was "
            "hit in the arm, and the men were treated for leg wounds.\n\n"
            "No arrests were made in any of the shootings.",
}
SATURDAY = date(2023, 7, 15)


def _parts(text: str, title: str) -> list[list[str]]:
    analysis = nlp.analyze(with_headline(Document(id="d", text=text, title=title, published=date(2023, 7, 16))))
    return [[analysis.sentences[i].text for i in part] for part in shooting_parts(analysis, _paragraphs(analysis))]


def test_a_roundup_gives_each_shooting_its_own_event_and_no_event_for_the_days_total():
    events = sorted(extract([ROUNDUP]), key=lambda e: e.injuries or 0)
    assert [e.injuries for e in events] == [1, 2, 3]  # not one event of five wounded
    assert all(e.sub_event_type == "Attack" and e.disorder_type == "Criminal violence" for e in events)
    assert all(e.date == SATURDAY and not e.fatalities for e in events)
    # each toll rests on the words of its own shooting
    text = ROUNDUP["text"]
    assert text.index("The latest") <= events[0].mentions[0].span.start < text.index("About 7:15")
    hurt = events[1].evidence["injuries"]
    assert text.index("About 7:15") <= hurt.start < text.index("Earlier Saturday") and hurt.text == "two"


def test_a_followup_naming_the_street_joins_its_shooting_and_another_shooting_that_night_does_not():
    follow = {"id": "wgn-chatham", "title": "Man shot in the hip in Chatham", "published": "2023-07-16",
              "text": "A 24-year-old man was shot in the hip late Saturday while standing on South Cottage Grove "
                      "Avenue in Chatham, Chicago police said. Someone in a passing car fired at him, police said."}
    other = {"id": "abc-rogers", "title": "Man shot in Rogers Park", "published": "2023-07-16",
             "text": "A 30-year-old man was shot in the leg Saturday night in Chicago's Rogers Park neighborhood, "
                     "police said. He was taken to a hospital in good condition."}
    events = extract([ROUNDUP, follow, other])
    sources = sorted(sorted(s.doc_id for s in e.sources) for e in events)
    assert sources == [["abc-rogers"], ["cst-roundup"], ["cst-roundup"], ["cst-roundup", "wgn-chatham"]]


def test_a_hospital_both_name_does_not_join_a_roundups_shooting_to_another_report():
    # a city's shootings share its trauma centers: "Stroger Hospital" tells no one shooting apart
    roundup = dict(ROUNDUP, text=ROUNDUP["text"].replace("He was taken in fair condition to a hospital.",
                                                         "He was taken in fair condition to Stroger Hospital."))
    other = {"id": "abc-rogers", "title": "Man shot in Rogers Park", "published": "2023-07-16",
             "text": "A 24-year-old man was shot late Saturday in Chicago's Rogers Park neighborhood, police said. "
                     "He was taken to Stroger Hospital in fair condition."}
    sources = sorted(sorted(s.doc_id for s in e.sources) for e in extract([roundup, other]))
    assert sources == [["abc-rogers"], ["cst-roundup"], ["cst-roundup"], ["cst-roundup"]]


def test_a_paragraph_going_on_with_the_same_victim_stays_in_its_shooting():
    parts = _parts(
        "Two people were shot in separate shootings on Tuesday, police said.\n\n"
        "A 15-year-old boy was shot in the Lawndale neighborhood about 1 a.m.\n\n"
        "He was in the 4000 block of West 21st Street when two males walked up and fired, police said.\n\n"
        "Just before midnight, a 40-year-old woman was shot in the arm in the 700 block of East 79th Street.",
        "2 shot in Chicago shootings")
    assert len(parts) == 2
    assert parts[0][-1].startswith("He was in the 4000 block")


def test_a_report_of_one_shooting_that_names_two_streets_is_not_a_roundup():
    text = ("A man was wounded in a shooting Sunday in the 1200 block of West 63rd Street, police said.\n\n"
            "He drove himself to the 5500 block of South Halsted Street, where officers found him with a gunshot "
            "wound to the leg.\n\nPolice are looking into a string of recent shootings in the area.")
    assert _parts(text, "Man wounded in Englewood shooting") == []
    events = extract([{"id": "one", "title": "Man wounded in Englewood shooting", "published": "2023-07-17", "text": text}])
    assert len(events) == 1 and events[0].injuries == 1


def test_a_lede_telling_its_own_shooting_keeps_it_beside_the_next():
    events = extract([{
        "id": "gary", "title": "Two shot in separate shootings in Gary", "published": "2023-07-17",
        "text": "A man was killed in a shooting early Sunday in the 2100 block of Adams Street in Gary, police "
                "said.\n\nIn a separate shooting about 4 a.m., a woman was wounded in the 500 block of Grant "
                "Street. She was taken to a hospital in stable condition."}])
    assert sorted((e.fatalities or 0, e.injuries or 0) for e in events) == [(0, 1), (1, 0)]


def test_a_shooting_whose_place_is_unknown_takes_the_city_not_another_shootings_neighborhood():
    events = extract([{
        "id": "ledger", "title": "Three wounded in two shootings on Sunday", "published": "2024-06-10",
        "text": "CHICAGO - Three people were wounded in two shootings across the city on Sunday, police said.\n\n"
                "About 6 p.m., a 17-year-old boy and a 19-year-old man were shot in the 1500 block of South "
                "Pulaski Road in North Lawndale. Both were listed in fair condition.\n\n"
                "Earlier Sunday, a 45-year-old woman was wounded in the Humboldt Park neighborhood on the West "
                "Side. She was in the 3400 block of West Division Street about 1:30 p.m. when she was hit in the leg."}])
    places = sorted((e.injuries, e.place.name, e.geo_precision) for e in events)
    assert places[0][:2] == (1, "Chicago") and places[0][2] == 2  # the city, one step less precise
    assert places[1][:2] == (2, "North Lawndale")


def test_in_each_shooting_of_a_roundup_a_victim_who_died_is_not_also_wounded_but_a_second_victim_is():
    events = extract([{
        "id": "weekend", "title": "2 killed, 1 wounded in weekend shootings across Chicago", "published": "2023-07-17",
        "text": "Two men were killed and another person was wounded in shootings across Chicago over the weekend, "
                "police said.\n\n"
                "About 1 a.m. Sunday, officers called to shots fired in the 7900 block of South Vernon Avenue found "
                "a man lying on the sidewalk. The man, between 35 and 45 years old, was shot in the head and chest "
                "and pronounced dead at the scene.\n\n"
                "Earlier, about 9 p.m. Saturday, a 31-year-old man was teaching his son to ride a bike in the 4600 "
                "block of West Adams Street when two gunmen opened fire. The father was killed. His son, 4, was "
                "shot in the leg and is listed in serious condition."}])
    assert sorted((e.fatalities or 0, e.injuries or 0) for e in events) == [(1, 0), (1, 1)]


def test_a_paragraph_set_at_another_time_and_address_opens_the_next_shooting_before_it_names_its_victim():
    text = ("Two people were killed and one was wounded in separate shootings overnight in St. Louis, police said.\n\n"
            "The first shooting happened about 10:30 p.m. in the 6000 block of Cates Avenue. Officers found a "
            "27-year-old man inside an apartment with several gunshot wounds. He died at the scene.\n\n"
            "Almost three hours later, police were called to the 4400 block of Farlin Avenue. They found "
            "17-year-old Dontay Jordan shot in the head. He was pronounced dead at the scene.\n\n"
            "The final case was in the 3600 block of Louisiana Avenue, where a 29-year-old man was shot in the side. "
            "He was taken to a hospital in stable condition.")
    parts = _parts(text, "2 dead, 1 hurt in overnight shootings in St. Louis")
    assert [p[0][:20] for p in parts] == ["The first shooting h", "Almost three hours l", "The final case was i"]
    events = extract([{"id": "stl", "title": "2 dead, 1 hurt in overnight shootings in St. Louis",
                       "published": "2023-07-16", "text": text}])
    assert sorted((e.fatalities or 0, e.injuries or 0) for e in events) == [(0, 1), (1, 0), (1, 0)]


def test_one_man_killed_at_a_new_address_is_the_next_shooting():
    parts = _parts(
        "Three people were shot in two shootings on the West Side on Friday night, police said.\n\n"
        "About 11:50 p.m., a 19-year-old man was found shot in the head in the 800 block of South Lawndale "
        "Avenue. He was pronounced dead at a hospital.\n\n"
        "One man was killed and another was critically hurt when an argument at a party turned to gunfire in the "
        "Hermosa neighborhood. The shooting happened about 11:30 p.m. in the 1800 block of North Pulaski Road.",
        "3 shot in West Side shootings")
    assert len(parts) == 2 and parts[1][0].startswith("One man was killed")
