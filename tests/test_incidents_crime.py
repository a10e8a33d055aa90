"""Merging crime reports: follow-up stories, sub-type slips and county-seat places join the shooting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sitrep.incidents import merge, merge_within
from sitrep.model import DAY, REGION, TOWN, Document, Mention, Place, Span

# Town coordinates (WGS84); ids are this test's own keys for the places.
MEMPHIS = Place(8101, "Memphis", 35.1495, -90.0490, "United States", "US", "Tennessee")
TYLER = Place(8201, "Tyler", 32.3513, -95.3011, "United States", "US", "Texas")
LONGVIEW = Place(8202, "Longview", 32.5007, -94.7405, "United States", "US", "Texas")
HOUSTON = Place(8203, "Houston", 29.7633, -95.3633, "United States", "US", "Texas")
SATURDAY = date(2015, 3, 7)
COVINGTON = Place(8102, "Covington", 35.5642, -89.6465, "United States", "US", "Tennessee")
LOUISVILLE = Place(8301, "Louisville", 38.2527, -85.7585, "United States", "US", "Kentucky")
LEXINGTON = Place(8302, "Lexington", 38.0406, -84.5037, "United States", "US", "Kentucky")
GRAYSON_COUNTY = Place(8303, "Grayson County", 37.4607, -86.3439, "United States", "US", "Kentucky",
                       admin2="Grayson County", feature_class="A", feature_code="ADM2")
DETROIT = Place(8401, "Detroit", 42.3314, -83.0458, "United States", "US", "Michigan")
GLADWIN_COUNTY = Place(8402, "Gladwin County", 43.9545, -84.4860, "United States", "US", "Michigan",
                       admin2="Gladwin County", feature_class="A", feature_code="ADM2")
MICHIGAN = Place(8403, "Michigan", 44.2503, -85.5003, "United States", "US", "Michigan",
                 feature_class="A", feature_code="ADM1")

KIND = {"Attack": ("Violence against civilians", "Criminal violence"),
        "Armed clash": ("Battles", "Political violence"),
        "Protest with intervention": ("Protests", "Demonstrations")}


def report(doc: str, text: str, sub_type: str = "Attack", day: date = SATURDAY, place: Place = MEMPHIS,
           killed: int | None = None, injured: int | None = None, disorder: str | None = None) -> Mention:
    event_type, default_disorder = KIND[sub_type]
    return Mention(doc_id=doc, span=Span(doc, 0, len(text), text), event_type=event_type,
                   sub_event_type=sub_type, disorder_type=disorder or default_disorder, date=day,
                   date_precision=DAY, place=place, geo_precision=TOWN, fatalities=killed, injuries=injured,
                   confidence=0.6, published=day, source_url=f"https://news.example/{doc}")


def shooting() -> Mention:
    return report("wreg-1", "Two men were shot dead and a woman was hurt outside a duplex on Gherald Street "
                  "in Memphis late Saturday.", killed=2, injured=1)


def test_arrest_story_nine_days_later_joins_the_shooting_and_keeps_its_day():
    arrest = report("cmc-1", "Memphis police arrested a 24-year-old man in the Gherald Street double homicide "
                    "that left two men dead and a woman hurt.", day=SATURDAY + timedelta(days=9),
                    killed=2, injured=1)
    events = merge([arrest, shooting()])
    assert len(events) == 1
    assert events[0].n_sources == 2 and events[0].date == SATURDAY


def test_another_shooting_in_the_city_weeks_later_stays_apart():
    other = report("wmc-7", "A teenager was wounded by gunfire near a Lamar Avenue gas station in Memphis.",
                   day=SATURDAY + timedelta(days=13), injured=1)
    assert len(merge([shooting(), other])) == 2


def test_political_clashes_days_apart_are_never_joined_by_the_crime_rule():
    first = report("a-1", "Two fighters were killed in clashes on Gherald Street.", "Armed clash", killed=2)
    later = report("a-2", "Two fighters were killed in clashes on Gherald Street, officials said.",
                   "Armed clash", day=SATURDAY + timedelta(days=9), killed=2)
    assert len(merge([first, later])) == 2


def test_shooting_miscoded_as_a_protest_joins_the_same_shooting():
    slip = report("fox-2", "Two men were shot dead and a woman hurt outside a Gherald Street duplex, "
                  "and neighbours gathered as officers taped off the scene.", "Protest with intervention",
                  killed=2, injured=1)
    events = merge([shooting(), slip])
    assert len(events) == 1 and events[0].n_sources == 2


def test_a_protest_and_a_political_attack_on_one_day_stay_apart():
    protest = report("p-1", "Hundreds marched to city hall and police dispersed them.",
                     "Protest with intervention")
    clash = report("p-2", "Two men were shot dead in clashes on Gherald Street.", "Armed clash", killed=2)
    assert len(merge([protest, clash])) == 2


def test_county_seat_place_in_the_same_state_joins_the_same_shooting():
    assert LONGVIEW.admin1 == TYLER.admin1
    scene = report("kltv-1", "A man was killed and three people wounded at a birthday party on Mobberly "
                   "Avenue in Longview on Saturday.", place=LONGVIEW, killed=1, injured=3)
    outlet = report("tyler-1", "One man was killed and three were wounded when shots were fired at a "
                    "birthday party on Mobberly Avenue, police said.", place=TYLER, killed=1, injured=3)
    assert len(merge([scene, outlet])) == 1


def test_shootings_in_two_cities_of_one_state_with_different_tolls_stay_apart():
    tyler = report("t-1", "A man was killed and three people wounded at a party on Mobberly Avenue.",
                   place=TYLER, killed=1, injured=3)
    houston = report("h-1", "Two women were wounded in a drive-by shooting on Bellaire Boulevard.",
                     place=HOUSTON, injured=2)
    assert len(merge([tyler, houston])) == 2


def test_a_region_one_report_was_placed_in_does_not_draw_a_shooting_from_a_town_100_km_away():
    # a page whose sidebar names a county puts one report of the park shooting in that county; a
    # shooting told the same day in Lexington, 110 km from Louisville, is still another event
    park = [report("wdrb-1", "Two people are dead and four wounded after shootings at Shawnee Park on Thursday "
                   "afternoon.", place=LOUISVILLE, killed=2, injured=4),
            replace(report("wdrb-2", "Police say two people are dead and four hurt after gunfire at Shawnee Park.",
                           place=GRAYSON_COUNTY, killed=2, injured=4), geo_precision=REGION),
            report("wave-1", "One man was killed and six people were shot when gunfire broke out at a park "
                   "gathering.", place=LOUISVILLE, killed=1, injured=6)]
    lexington = report("lex-1", "A 14-year-old boy died after he was shot as he answered the front door of a "
                       "home on Henton Road on Thursday night.", place=LEXINGTON, killed=1)
    events = merge([*park, lexington])
    assert sorted(sorted(s.doc_id for s in e.sources) for e in events) == [["lex-1"], ["wave-1", "wdrb-1", "wdrb-2"]]


def test_a_report_placed_in_a_county_200_km_away_is_another_shooting_but_one_placed_in_the_state_may_join():
    detroit = report("wxyz-1", "A 9-year-old boy was shot on the city's east side on Sunday.", place=DETROIT, injured=1)
    county = replace(report("wnem-1", "A 3-year-old boy was shot on Sunday after he found a gun left on a bed, "
                            "deputies said.", place=GLADWIN_COUNTY, injured=1), geo_precision=REGION)
    state = replace(report("ap-1", "A 9-year-old boy was wounded by gunfire on the east side of the city on Sunday.",
                           place=MICHIGAN, injured=1), geo_precision=REGION)
    assert len(merge([detroit, county])) == 2
    assert len(merge([detroit, state])) == 1


def test_a_shooting_told_with_no_place_joins_only_an_event_it_shares_a_name_with():
    tyler = report("kltv-1", "An 8-year-old boy was injured in a drive-by shooting Friday night, police said.",
                     place=TYLER, injured=1)
    unplaced = replace(report("ksan-1", "A young boy was taken to a hospital Friday night after an accidental "
                              "shooting at an apartment complex.", injured=1), place=None, geo_precision=None)
    assert len(merge([tyler, unplaced])) == 2
    named = replace(report("ksan-2", "An 8-year-old boy was injured in a drive-by shooting on Mobberly Avenue "
                           "Friday night, police said.", injured=1), place=None, geo_precision=None)
    on_the_street = report("kltv-9", "An 8-year-old boy was hurt in a drive-by on Mobberly Avenue late Friday.",
                           place=TYLER, injured=1)
    assert len(merge([on_the_street, named])) == 1


def test_one_town_name_placed_in_two_states_joins_the_same_shooting():
    florida = Place(8301, "Jacksonville", 30.3322, -81.6556, "United States", "US", "Florida")
    carolina = Place(8302, "Jacksonville", 34.7541, -77.4302, "United States", "US", "North Carolina")
    first = report("j-1", "A three-year-old boy shot himself in the hand with a pistol left in a tackle box, "
                   "Jacksonville police said.", place=florida, injured=1)
    second = report("j-2", "Jacksonville police charged a father after his three-year-old son shot himself "
                    "in the hand with a pistol he found in a tackle box.", place=carolina, injured=1)
    assert len(merge([first, second])) == 1
    political = [replace(m, event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence")
                 for m in (first, second)]
    assert len(merge(political)) == 2


def test_a_late_night_shooting_dated_to_the_next_day_by_a_second_outlet_joins_it():
    # One outlet dates the shooting to Saturday night, another to the small hours of Sunday, in
    # words of its own: one day apart is no evidence against a crime report.
    first = report("wreg-9", "A woman driving home was wounded by gunfire late Saturday night, police said.",
                   injured=1)
    second = report("fox-9", "A stray bullet struck a motorist on Winchester Road in the early hours of Sunday.",
                    day=SATURDAY + timedelta(days=1), injured=1)
    events = merge([first, second])
    assert len(events) == 1 and events[0].n_sources == 2 and events[0].injuries == 1


def test_the_injury_figure_most_reports_give_wins_over_an_early_undercount():
    early = report("a-1", "Gunmen opened fire on a crowd outside a Beale Street club in Memphis, wounding "
                   "two people.", injured=2)
    later = [report(f"b-{i}", "Five people were wounded when gunmen fired on a crowd outside a Beale Street "
                    f"club in Memphis, police said ({i}).", injured=5) for i in range(2)]
    events = merge([early, *later])
    assert len(events) == 1
    assert events[0].injuries == 5
    assert events[0].fatalities == 0 and events[0].fatalities_low is None  # nobody was reported killed


def test_reports_naming_the_same_club_and_street_join_though_placed_in_two_towns():
    scene = report("wreg-3", "A man was killed when gunfire broke out at the Crystal Palace lounge on Gherald "
                   "Street late Saturday.", killed=1)
    county = report("wmc-3", "Deputies said a patron of the Crystal Palace on Gherald died after a dispute "
                    "turned violent.", place=COVINGTON, killed=1)
    assert len(merge([scene, county])) == 1
    # the same two reports coded as political violence get no credit for names (a war's reports
    # all name its towns and forces) and stay apart
    political = [replace(m, event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence")
                 for m in (scene, county)]
    assert len(merge(political)) == 2


def test_a_dateline_town_placed_in_a_namesake_state_joins_the_shooting_it_names():
    # The gazetteer put the second outlet's "Gary" in Texas; the bar's name, the day and both tolls
    # agree, which outweighs the two states. A shooting in Texas sharing none of that stays apart.
    gary = Place(8401, "Gary", 41.5934, -87.3464, "United States", "US", "Indiana")
    murphy = Place(8402, "Murphy", 33.0151, -96.6130, "United States", "US", "Texas")
    scene = report("nwi-1", "Two men were killed and four wounded in a shooting outside the Miller Tap bar on "
                   "Lake Street, Gary police said.", place=gary, killed=2, injured=4)
    namesake = report("ap-1", "A dispute over money at the Miller Tap ended with two men dead and four hurt, "
                      "police said.", place=murphy, killed=2, injured=4)
    other = report("khou-1", "A man was killed and a woman wounded in a drive-by shooting on Bellaire Boulevard.",
                   place=HOUSTON, killed=1, injured=1)
    events = merge([scene, namesake, other])
    assert sorted(sorted(s.doc_id for s in e.sources) for e in events) == [["ap-1", "nwi-1"], ["khou-1"]]
    political = [replace(m, event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence")
                 for m in (scene, namesake)]
    assert len(merge(political)) == 2


def test_reports_whose_leads_name_the_same_victim_and_shop_join_though_their_sentences_differ():
    # Each report's event sentence is bare; the victim, the shop and the street are in its lead,
    # which merge_within keeps when it is given the document.

    def told(doc_id: str, text: str, sentence: str, **kw) -> Mention:
        start = text.index(sentence)
        m = replace(report(doc_id, sentence, **kw), span=Span(doc_id, start, start + len(sentence), sentence))
        return merge_within([m], Document(doc_id, text))[0]

    first = told("wreg-5", "Darnell Whitfield, 31, was shot in the leg outside the Lucky Star market on Kimball "
                 "Avenue, police said. His sister said he had gone out to buy milk.\n\n"
                 "A man was wounded by gunfire late Saturday, police said.",
                 "A man was wounded by gunfire late Saturday, police said.", injured=1)
    second = told("wmc-5", "The owner of the Lucky Star market on Kimball Avenue said Darnell Whitfield stumbled "
                  "inside after the shots. Deputies are looking for a gray sedan.\n\n"
                  "Officers found a man with a gunshot wound to his leg.",
                  "Officers found a man with a gunshot wound to his leg.", injured=1, place=COVINGTON)
    assert first.lead.startswith("Darnell Whitfield") and "gray sedan" in second.lead
    assert len(merge([first, second])) == 1
    assert len(merge([replace(first, lead=""), replace(second, lead="")])) == 2


def test_a_report_placed_before_its_event_formed_joins_it_in_the_second_look():
    # The relatives' story comes first in the merge order and founds an event of its own; the two
    # reports with the toll form the shooting's event after it, and only the third names the
    # victim and the street the first names. The first report then joins them, in either input order.
    relatives = report("a-1", "Relatives said Tavon Price had stepped out of the Gherald Street duplex with a "
                       "friend when both were shot outside the duplex.", place=COVINGTON)
    toll = report("b-1", "Two men were shot dead and a woman was hurt outside a duplex in Memphis late Saturday.",
                  killed=2, injured=1)
    named = report("c-1", "Tavon Price and a friend were shot dead outside the Gherald Street duplex, and a woman "
                   "was hurt, relatives said.", killed=2, injured=1)
    for order in ([relatives, toll, named], [named, toll, relatives]):
        events = merge(order)
        assert len(events) == 1 and events[0].n_sources == 3
        assert events[0].place.name == "Memphis" and events[0].fatalities == 2


def test_a_stray_injury_figure_does_not_outvote_the_reports_that_agree():
    # A city's weekend tally read as this shooting's wounded must not become its injury figure.
    boy = [report(f"k-{i}", "A 4-year-old boy was wounded when he shot himself in the leg in a grocery store "
                  f"parking lot on Saturday ({i}).", injured=1) for i in range(2)]
    tally = report("k-9", "A 4-year-old boy shot himself in the leg in a grocery store parking lot, one of 28 "
                   "people wounded by gunfire across the city this weekend.", injured=28)
    events = merge([*boy, tally])
    assert len(events) == 1 and events[0].n_sources == 3
    assert events[0].injuries == 1
    pair = merge([boy[0], tally])
    assert len(pair) == 1 and pair[0].injuries == 1  # of two figures, the lower


def test_the_town_most_reports_place_the_shooting_near_wins_over_an_outlets_city():
    # The first report is placed in its outlet's town 45 km away; the second names Memphis, and a
    # third places the shooting only near Memphis: two reports against one put it in Memphis.
    covington = report("cov-1", "Two men were shot dead and a woman was hurt outside a duplex on Gherald Street "
                       "late Saturday, deputies said.", place=COVINGTON, killed=2, injured=1)
    scene = report("wreg-2", "Two men were shot dead and a woman was hurt outside a duplex on Gherald Street "
                   "in Memphis late Saturday.", killed=2, injured=1)
    near = replace(report("fox-4", "Two men were shot dead and a woman was hurt outside a duplex on Gherald "
                          "Street near Memphis late Saturday.", killed=2, injured=1), geo_precision=2)
    for order in ([covington, scene, near], [near, scene, covington]):
        events = merge(order)
        assert len(events) == 1 and events[0].n_sources == 3
        assert events[0].place == MEMPHIS and events[0].geo_precision == TOWN


def test_a_third_report_joins_a_shooting_already_told_on_its_night_and_on_the_next_morning():
    # Two outlets date one shooting a day apart; a third, dated like the second, tells the same
    # shooting. The event's own report of that day is no report telling the two days apart.
    night = report("wmc-4", "Three men were wounded by gunfire outside a Lamar Avenue car wash on Saturday night.",
                   injured=3)
    morning = report("abc-4", "Police are looking for the gunman who wounded three men at a Lamar Avenue car "
                     "wash early Sunday.", day=SATURDAY + timedelta(days=1), injured=3)
    third = report("cmc-4", "Three men hurt in the Lamar Avenue car wash shooting early Sunday are expected "
                   "to survive, police said.", day=SATURDAY + timedelta(days=1), injured=3)
    events = merge([night, morning, third])
    assert len(events) == 1 and events[0].n_sources == 3


def test_a_report_telling_two_nights_of_shootings_apart_keeps_them_two_events():
    # One report tells a Saturday and a Sunday shooting on the same street as two shootings: a
    # second outlet's account of Sunday's joins Sunday's, not Saturday's.
    saturday = report("wmc-5", "Two men were wounded on Lamar Avenue on Saturday night.", injured=2)
    sunday = replace(report("wmc-5", "A day later, a woman was wounded on Lamar Avenue on Sunday.",
                            day=SATURDAY + timedelta(days=1), injured=1), span=Span("wmc-5", 60, 120, "x"))
    other = report("abc-5", "A woman was wounded by gunfire on Lamar Avenue early Sunday, police said.",
                   day=SATURDAY + timedelta(days=1), injured=1)
    events = merge([saturday, sunday, other])
    by_day = {e.date: {s.doc_id for s in e.sources} for e in events}
    assert by_day == {SATURDAY: {"wmc-5"}, SATURDAY + timedelta(days=1): {"wmc-5", "abc-5"}}


def test_a_wounded_child_and_a_teenager_shot_dead_next_day_in_one_neighbourhood_stay_two():
    # Same city, a day apart, one tells a wounded girl and the other a dead boy: the victims' ages
    # differ, so these are two shootings; the second report of the girl's shooting joins hers.
    girl = report("wmc-6", "A 4-year-old girl was wounded by a stray bullet in a Frayser apartment complex on "
                  "Saturday evening, police said.", injured=1)
    boy = report("fox-6", "A 16-year-old boy died after gunfire erupted outside a house on Overton Crossing in "
                 "Frayser early Sunday.", day=SATURDAY + timedelta(days=1), killed=1)
    girl_again = report("abc-6", "Police said a 4-year-old girl struck by a stray bullet at a Frayser apartment "
                        "complex on Saturday is expected to survive.", injured=1)
    events = merge([girl, boy, girl_again])
    assert sorted({s.doc_id for s in e.sources} for e in events) == [{"abc-6", "wmc-6"}, {"fox-6"}]
    assert all(e.fatalities == 0 for e in events if e.injuries == 1)


SHREVEPORT = Place(8301, "Shreveport", 32.5252, -93.7502, "United States", "US", "Louisiana")


def test_a_death_told_days_later_joins_a_shooting_one_outlet_placed_across_the_state_line():
    # a Louisiana station placed the Texas shooting in its own city; the victim died two days later
    local = report("kltv-1", "A 3-year-old boy was critically wounded when he found his uncle's pistol at a home "
                   "on Pinecrest Lane in Tyler, the Smith County Sheriff near Lake Palestine said.",
                   place=TYLER, injured=1)
    outlet = report("ksla-1", "A 3-year-old boy found his uncle's pistol at a home on Pinecrest Lane and was "
                    "critically wounded, the Smith County Sheriff near Lake Palestine said.",
                    place=SHREVEPORT, injured=1)
    died = report("kltv-2", "The 3-year-old boy who found his uncle's pistol at a Pinecrest Lane home has died, "
                  "the Smith County Sheriff near Lake Palestine said Monday.", place=TYLER, killed=1,
                  day=SATURDAY + timedelta(days=2))
    assert len(merge([local, outlet])) == 1
    events = merge([local, outlet, died])
    assert len(events) == 1 and events[0].fatalities == 1 and events[0].place == TYLER
    # placed by no report in the follow-up's state, it stays apart
    elsewhere = replace(local, place=SHREVEPORT)
    assert len(merge([elsewhere, outlet, died])) == 2


def _roundup_shooting(text: str, day: date = SATURDAY) -> Mention:
    m = report("wreg-roundup", text, day=day, injured=1)
    m.part, m.lead = 2, text  # one of the shootings a round-up tells (events.roundup)
    return m


def test_a_roundups_shooting_joins_the_report_naming_its_street_not_another_of_that_night():
    part = _roundup_shooting("About 9 p.m., a 20-year-old man was shot in the leg in the 1500 block of "
                             "Airways Boulevard in Memphis.")
    same = report("fox13-1", "A man was shot in the leg on Airways Boulevard in Memphis on Saturday night.", injured=1)
    other = report("wmc-2", "A man was shot in the arm outside a Memphis gas station on Saturday night.", injured=1)
    assert [sorted(s.doc_id for s in e.sources) for e in merge([part, same])] == [["fox13-1", "wreg-roundup"]]
    assert len(merge([part, other])) == 2


def test_a_roundups_shooting_is_no_later_storys_shooting():
    part = _roundup_shooting("About 9 p.m., a 20-year-old man was shot in the leg in the 1500 block of "
                             "Airways Boulevard in Memphis.")
    later = report("fox13-9", "Police arrested a man in the Airways Boulevard shooting that wounded a 20-year-old.",
                   day=SATURDAY + timedelta(days=9), injured=1)
    assert len(merge([part, later])) == 2
    part.part = None  # the same words in a report of that one shooting: the arrest story joins it
    assert len(merge([part, later])) == 1


SAN_ANTONIO = Place(8501, "San Antonio", 29.4241, -98.4936, "United States", "US", "Texas")


def _party_shooting(doc: str, text: str, day: date) -> Mention:
    m = report(doc, text, day=day, place=SAN_ANTONIO, injured=4)
    m.evidence["date"] = Span(doc, text.index("early"), text.index(" at a"), "")
    m.date_role = "violence"  # the words date the shooting itself ("were shot ... early Saturday")
    return m


def test_two_reports_each_dating_their_own_shooting_a_week_apart_stay_two_events():
    first = _party_shooting("ksat-1", "Four people were shot early Saturday at a party on the Northeast Side "
                            "of San Antonio, police said.", SATURDAY)
    second = _party_shooting("ksat-2", "Four people were shot early Sunday at a party on the Northeast Side "
                             "of San Antonio, police said.", SATURDAY + timedelta(days=8))
    assert len(merge([first, second])) == 2
