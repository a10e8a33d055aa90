"""US-style crime reports: one shooting per report, its whole toll, and the day it happened."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events import extract
from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figures import document_numbers
from sitrep.events.dates import document_dates, event_date
from sitrep.events.neutral import neutralize, neutralize_sentences
from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.taxonomy import CRIMINAL


def mentions(text: str, published: date = date(2015, 3, 12)):
    return extract(analyze(Document("report-1", text, published=published)))


def counts(sentence: str) -> dict[str, int]:
    numbers = document_numbers(analyze(Document("t", sentence)))
    return {k: v for k, (v, _, _) in totals(sentence_counts(sentence, 0, len(sentence), numbers)).items()}


@pytest.mark.parametrize("sentence, expected", [
    ("Officers said the 19-year-old was shot and killed outside a corner store on Elm Street.", {"death": 1}),
    ("A 23-year-old man was shot late Saturday and died at the hospital a few hours later.", {"death": 1}),
    ("The driver had been shot in the chest and was pronounced dead at the scene.", {"death": 1}),
    ("A woman was wounded by a stray bullet while she sat on her porch.", {"injury": 1}),
    ("The second victim suffered non-life-threatening injuries and was treated at a local hospital.", {"injury": 1}),
    ("A teenager who was hit in the crossfire remains in critical condition, police said.", {"injury": 1}),
    ("Two men were wounded when someone fired into a crowd leaving the club.", {"injury": 2}),
    ("A neighbour of a man who was shot and killed last year organised the vigil.", {}),
])
def test_us_news_idioms_count_one_victim(sentence, expected):
    assert counts(sentence) == expected


def test_one_shooting_is_one_mention_with_the_whole_toll_of_the_report():
    found = mentions(
        "Three people were shot outside a nightclub in Riverside early Sunday, police said.\n"
        "One of the victims, a 31-year-old man, died at the hospital.\n"
        "Witnesses said the gunman fired several rounds into the crowd before running off.\n"
        "Detectives arrested a 20-year-old suspect on Tuesday and charged him with murder.",
        published=date(2015, 3, 17))
    violent = [m for m in found if m.event_type == "Violence against civilians"]
    assert len(found) == 1 and len(violent) == 1, [(m.sub_event_type, m.span.text) for m in found]
    shooting = violent[0]
    assert shooting.disorder_type == CRIMINAL
    assert (shooting.fatalities, shooting.injuries) == (1, 2)  # three shot include the one who died
    assert shooting.date == date(2015, 3, 15)  # the Sunday of the shooting, not the Tuesday arrest


def test_a_follow_up_story_dates_the_shooting_not_the_court_day():
    found = mentions("A 24-year-old man was charged Friday in the shooting death of a cab driver on Feb. 2 in "
                     "the city's east end.", published=date(2015, 3, 14))
    assert len(found) == 1
    assert found[0].date == date(2015, 2, 2) and found[0].fatalities == 1


def test_the_day_of_a_statement_gives_way_to_the_day_of_the_violence():
    found = mentions("A man was shot and killed Saturday night in a parking lot, police said Monday.",
                     published=date(2015, 3, 16))
    assert len(found) == 1 and found[0].date == date(2015, 3, 14)


def test_a_weekday_after_a_hyphenated_word_is_a_date():
    found = mentions("Four men were wounded in a drive-by Wednesday night on the South Side.", published=date(2015, 3, 12))
    assert len(found) == 1 and found[0].date == date(2015, 3, 11) and found[0].injuries == 4


def test_neutralizing_a_document_at_once_matches_sentence_by_sentence():
    doc = analyze(Document("n", "Occupation forces raided the camp at dawn.\nThe gunmen fled.\nA man was arrested."))
    assert neutralize_sentences(doc.doc.text, doc.sentences) == [neutralize(s.text) for s in doc.sentences]
    plain = analyze(Document("p", "A man was shot on Main Street.\nHe died later."))
    assert neutralize_sentences(plain.doc.text, plain.sentences) == [s.text for s in plain.sentences]


def test_the_date_nearest_the_violence_wins_over_a_later_day_in_hospital():
    # the event's date is read from the sentence alone (whatever the classifier makes of it)
    report = analyze(Document("h", "Three people were still in the hospital Wednesday night, recovering from "
                                   "Tuesday's shooting across from the high school.", published=date(2015, 3, 17)))
    when, _, evidence = event_date(document_dates(report), report.sentences, 0, [], date(2015, 3, 17))
    assert when == date(2015, 3, 17) and evidence.text.startswith("Tuesday")


def test_a_page_stamp_is_not_the_date_of_the_shooting():
    found = mentions("Five hurt in club shooting Posted: Monday, March 16, 2015 3:13 PM EDT\n"
                     "Five people were injured in a shooting at a nightclub early Sunday, deputies said.",
                     published=date(2015, 3, 16))
    shootings = [m for m in found if m.injuries == 5]
    assert len(found) == 1 and shootings and shootings[0].date == date(2015, 3, 15)


def test_a_later_return_to_the_shooting_gives_the_toll_the_lede_lacks():
    found = mentions(
        "A man was shot and killed outside a bar on Pine Street late Friday, police said.\n"
        "Officers found the victim lying in the parking lot shortly after midnight.\n"
        "Detectives said the same gunman also shot at a car leaving the lot, and two people inside were wounded.")
    assert len(found) == 1, [(m.sub_event_type, m.span.text) for m in found]
    assert found[0].disorder_type == CRIMINAL
    assert (found[0].fatalities, found[0].injuries) == (1, 2)
    assert found[0].span.text.startswith("A man was shot")  # the lede, not the later sentence
    toll = found[0].evidence["injuries"]  # the evidence is the figure in the later sentence
    assert toll.text == "two" and toll.start > found[0].span.end


def test_a_citys_tally_of_its_shootings_is_not_the_toll_of_the_reports_shooting():
    found = mentions(
        "A 15-year-old boy was shot and killed inside his home in Englewood on Friday, police said.\n"
        "Chicago police have recorded 3,165 shooting incidents so far this year. "
        "More than 3,290 people have been injured in those shootings, and that does not include the 629 who died.")
    crimes = [m for m in found if m.disorder_type == CRIMINAL]
    assert len(crimes) == 1
    assert (crimes[0].fatalities, crimes[0].injuries) == (1, None)


def test_a_state_force_in_a_crime_report_is_an_event_of_its_own():
    found = mentions(
        "A woman was shot and wounded outside a laundromat on Oak Avenue on Saturday night.\n"
        "Hours later, police officers shot and killed the suspected gunman after he fired at them during a traffic stop.\n"
        "A second man was shot in the leg near the laundromat and taken to the hospital.")
    crimes = [m for m in found if m.disorder_type == CRIMINAL]
    police = [m for m in found if m.actor1 is not None and m.actor1.name.startswith("Police Forces")]
    assert len(crimes) == 1 and crimes[0].span.text.startswith("A woman was shot")
    assert len(police) == 1 and police[0].disorder_type != CRIMINAL


@pytest.mark.parametrize("sentence, expected", [
    # victims named by who they were to the killer, and the killer's own death
    ("Investigators say a man shot and killed his wife and her teenage son at their home.", {"death": 2}),
    ("Police say a man shot his girlfriend and then turned the gun on himself.", {"injury": 1, "death": 1}),
    ("Police: man shoots 3 relatives, killing 1, then himself", {"injury": 2, "death": 2}),
    ("A former guard shot dead a store owner and a customer during the robbery.", {"death": 2}),
    ("A man shot and killed his neighbor after an argument over a fence.", {"death": 1}),
    ("A 4-year-old boy fatally shot himself with a pistol he found in a closet.", {"death": 1}),
    # a headline's bare subject
    ("Teen killed in weekend shooting near the park", {"death": 1}),
    ("Woman critical after being shot in the face", {"injury": 1}),
    ("Man killed, boy injured in drive-by shooting", {"death": 1, "injury": 1}),
    ("Former deputy killed ex-wife before shooting at officers", {}),
    # one more victim, a relative clause that closed, a named victim, a hit in the legs
    ("Deputies said the boy was fatally shot and another teenager injured during the argument.",
     {"death": 1, "injury": 1}),
    ("The shooting left one man dead and a teenager injured.", {"death": 1, "injury": 1}),
    ("Detectives said the woman who was shot was pronounced dead at the scene.", {"death": 1}),
    ("Jordan Ellis died at County General Hospital early Sunday.", {"death": 1}),
    ("Nobody died in the shooting, the chief said.", {}),
    ("Three men were hit in the legs when someone fired from a passing car.", {"injury": 3}),
    ("Both men said they were shot at by someone in a passing car.", {}),
    ("Police said two other men suffered non-life-threatening injuries in the shooting.", {"injury": 2}),
    ("Teenager fatally shot, another wounded near the park", {"death": 1, "injury": 1}),
])
def test_victims_told_without_a_figure(sentence, expected):
    assert counts(sentence) == expected


def the_shooting(text: str):
    crimes = [m for m in mentions(text) if m.disorder_type == CRIMINAL]
    assert len(crimes) == 1, [(m.sub_event_type, m.span.text) for m in mentions(text)]
    return crimes[0].fatalities, crimes[0].injuries


def test_the_shooter_who_kills_himself_adds_to_the_dead():
    assert the_shooting("A woman was shot and killed inside a home on Oak Street on Sunday night.\n"
                        "Police said her husband later turned the gun on himself.") == (2, None)


def test_a_child_who_shot_himself_is_one_death_not_two():
    assert the_shooting("A 6-year-old boy died Sunday after he found a loaded handgun at a relative's home.\n"
                        "Police said the boy accidentally shot himself and then died.") == (1, None)


def test_a_survivor_told_after_the_dead_is_wounded_not_one_of_the_dead():
    assert the_shooting("An 8-year-old girl was killed in a drive-by shooting on Sunday night.\n"
                        "Her father was also shot. He remains in the hospital in stable condition.") == (1, 1)


def test_a_shot_victim_in_a_report_with_no_death_is_wounded():
    assert the_shooting("A 12-year-old boy had been accidentally shot by a relative while they cleaned a rifle, "
                        "deputies said.\nThe sheriff's office is still investigating.") == (None, 1)


def test_a_second_victim_told_apart_is_wounded_not_one_of_the_dead():
    assert the_shooting("A 16-year-old boy was fatally shot Saturday evening on a quiet block, police said.\n"
                        "A second teenager suffered a non-life-threatening wound in the shooting.") == (1, 1)


@pytest.mark.parametrize("report, expected", [
    # the wounded victim's subject names someone else than the dead
    ("A 7-year-old girl was shot and killed inside her home on Maple Avenue late Friday, deputies said.\n"
     "The girl's mother, a 34-year-old woman, was injured in the shooting.", (1, 1)),
    ("A man who opened fire on deputies during a traffic stop was shot and killed on Tuesday.\n"
     "The deputy was shot in the arm and taken to a hospital.", (1, 1)),
    # the wounded victim lived, as the next sentence says
    ("A 19-year-old man was shot in the head and was later pronounced dead, police said.\n"
     "A woman was taken to the hospital with a wound to her leg. She is expected to recover.", (1, 1)),
    # an age that differs from the dead victim's
    ("A 19-year-old man was shot in the chest at a party on Friday and was later pronounced dead, police said.\n"
     "The chief said a 14-year-old was taken to the hospital for treatment.", (1, 1)),
    # a kin other than the dead's
    ("A 31-year-old man was teaching his son to ride a bike on Adams Street on Saturday when two gunmen opened "
     "fire. The father was killed.\nHis son, 4, was shot in the leg and is listed in serious condition.", (1, 1)),
])
def test_a_wounded_victim_told_apart_from_the_dead_is_not_one_of_them(report, expected):
    assert the_shooting(report) == expected


def test_the_same_victim_told_wounded_then_dead_is_still_one():
    assert the_shooting("A 15-year-old boy was shot in the chest outside a gas station on Sunday.\n"
                        "The boy was taken to a hospital, where he later died.") in ((1, None), (1, 0))
    # ... and so is one told in the same words
    assert the_shooting("Officers found a man lying on the sidewalk on South Vernon Avenue about 1 a.m. Friday.\n"
                        "The man was shot in the head and chest and pronounced dead at the scene.") in ((1, None), (1, 0))


def test_those_taken_to_hospital_include_the_one_who_later_died():
    assert the_shooting("Two teenagers were taken to the hospital after being shot on Elm Street on Thursday night.\n"
                        "One of them, a 16-year-old, was pronounced dead and the other was treated and released.") == (1, 1)


def test_the_survivors_taken_to_hospital_are_besides_the_dead():
    assert the_shooting("One man was found dead in the street after a shooting on Saturday afternoon.\n"
                        "The other three victims have been taken to area hospitals, police said.") == (1, 3)


def test_the_shooter_is_not_one_of_those_he_shot():
    assert the_shooting("Police said a man shot four of his relatives on Sunday, killing two, then himself.") == (3, 2)


def test_victims_listed_after_the_verb_of_a_murder_suicide_are_the_dead():
    assert the_shooting("Three people were found dead inside a home on Windy Hill Road on Monday.\n"
                        "Police said the father shot his wife, his son and himself.") in ((3, None), (3, 0))


@pytest.mark.parametrize("report", [
    "Three teenagers were shot, one fatally, near a basketball court on Friday evening, police said.",
    "Police are looking for the men who shot three people — one fatally — outside a diner on Sunday.",
])
def test_those_shot_one_fatally_are_one_dead_and_the_rest_wounded(report):
    assert the_shooting(report) == (1, 2)


def test_one_victim_of_several_gives_way_to_the_figure_of_all():
    assert the_shooting("A woman said her nephew was one of those hit by a bullet at the party on Saturday.\n"
                        "Four people were shot in all, police said.") == (None, 4)


def test_a_vague_figure_of_the_wounded_gives_way_to_a_later_exact_one():
    assert the_shooting("Several people were shot outside a bowling alley on Maple Avenue early Sunday, deputies said.\n"
                        "Five people were shot, and all of them are expected to recover.") == (None, 5)


def test_a_figure_of_all_the_victims_tells_the_wounded_when_no_other_figure_does():
    assert the_shooting("One of the victims was still in the hospital on Tuesday after a shooting at a park in Elmwood.\n"
                        "Police said three of the five victims were students at the nearby high school.") == (None, 5)


def test_a_shooting_named_by_its_victims_less_the_dead_gives_the_wounded():
    assert the_shooting("A 30-year-old man was killed in a quadruple shooting on Birch Street on Friday night, "
                        "police said.") == (1, 3)


def test_the_dead_picked_out_of_the_wounded_are_wounded_no_more():
    assert the_shooting("Six people were hurt when shots were fired into a crowd at a block party in Riverside on Saturday.\n"
                        "One of the six died on Monday at the county hospital, police said.") == (1, 5)


def test_a_victim_wounded_in_a_second_act_is_besides_the_dead():
    assert the_shooting("Deputies said the man shot and killed two brothers in the driveway of a farmhouse on Sunday.\n"
                        "He then shot and wounded a neighbor who came out to help, and drove away.") == (2, 1)


def test_a_later_victim_told_by_its_rank_adds_to_the_wounded():
    assert the_shooting("Two men were shot outside a laundromat on Pine Street on Friday night, police said.\n"
                        "A third victim was later found a block away with a gunshot wound to the arm.") == (None, 3)


@pytest.mark.parametrize("report", [
    "Two brothers were shot in a parked car on Oak Avenue early Monday, and both died at the scene.\n"
    "Police said the injuries of the third person were minor and he is recovering at the county hospital.",
    "Two cousins were shot outside a corner store on Elm Street late Friday, police said.\n"
    "Detectives are treating the deaths of the two cousins as murders.\n"
    "Officers said the wounds of the third person were not life-threatening and she is recovering at the county hospital.",
])
def test_the_third_person_hurt_besides_two_dead_is_one_wounded(report):
    assert the_shooting(report) == (2, 1)


@pytest.mark.parametrize("report", [
    "Deputies said a man killed his two daughters at a campsite near the lake on Saturday, then fatally shot self.",
    "Two girls were shot and killed at a campsite near the lake on Saturday.\nTheir father later committed suicide, deputies said.",
])
def test_the_shooters_suicide_in_other_words_adds_to_the_dead(report):
    assert the_shooting(report)[0] == 3


def test_a_headline_that_ranks_the_latest_death_gives_the_toll():
    assert the_shooting("A woman shot at a house on Cedar Lane last week died on Sunday at the county hospital.\n"
                        "Deputies had found two men shot to death in the kitchen of the house.\n\n"
                        "Third victim dies after Cedar Lane shooting")[0] == 3


@pytest.mark.parametrize("report, toll", [
    ("Five people were wounded when shots were fired into a party on Birch Road late Friday.\n"
     "One of them later died at the county hospital, police said.", (1, 4)),
    ("Four people were shot outside a corner store on Elm Street on Sunday, police said.\n"
     "One has since died.", (1, 3)),
])
def test_the_wounded_who_later_died_are_no_longer_wounded(report, toll):
    assert the_shooting(report) == toll


def test_victims_also_shot_who_survived_are_besides_the_dead():
    assert the_shooting("A man and his nephew were shot and killed in a driveway on Oak Street on Saturday night.\n"
                        "The man's brother and a 16-year-old boy were also shot, but survived, police said.") == (2, 2)


def test_a_victim_also_killed_after_a_lone_victim_is_one_more_dead():
    assert the_shooting("A 30-year-old man was shot and killed inside a diner on Walnut Avenue on Friday night.\n"
                        "A cook who tried to stop the gunman, a 41-year-old man, was also killed.")[0] == 2


def test_a_victim_also_killed_after_a_figure_is_one_of_those_counted():
    assert the_shooting("Three people were found shot to death in a house on Walnut Avenue on Sunday.\n"
                        "The owner of the house was among them.\n"
                        "Her brother, 52, was also killed, police said.")[0] == 3



def test_an_earlier_shooting_named_by_its_month_and_year_is_background():
    assert the_shooting("Four men were shot Tuesday evening outside a market on Lake Avenue, police said.\n"
                        "All four are expected to recover.\n"
                        "One of the men was also wounded in a shooting at a park in June 2014, when two people were "
                        "shot dead.") == (None, 4)


def toll(text: str, published: date = date(2015, 3, 12)) -> tuple[int | None, int | None]:
    crime = [m for m in mentions(text, published) if m.disorder_type == CRIMINAL]
    assert len(crime) == 1, [m.span.text for m in crime]
    return crime[0].fatalities, crime[0].injuries


@pytest.mark.parametrize("text, expected", [
    # a wounded victim told after the dead, as someone else: "also", or a man dead and a woman hurt
    ("DAYTON, Ohio -- A man was killed in a shooting outside a bar on Third Street early Sunday, police said.\n\n"
     "A woman was also wounded and taken to Miami Valley Hospital.", (1, 1)),
    ("DAYTON, Ohio -- A man was killed in a shooting outside a bar on Third Street early Sunday, police said.\n\n"
     "A 24-year-old woman was shot in the arm.", (1, 1)),
    # but the same victim told before and after he died is one dead
    ("DAYTON, Ohio -- A teenage boy died after a shooting outside a bar on Third Street early Sunday, police said.\n\n"
     "The boy was shot in the chest.", (1, None)),
])
def test_a_wounded_victim_told_apart_from_the_dead_is_another_victim(text, expected):
    assert toll(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the victims added up over the report's sentences
    ("GARY, Ind. -- A man was killed in a shooting on Grant Street on Saturday night, police said.\n\n"
     "A woman was also wounded.\n\nTwo other men were grazed by bullets and treated at the scene.", (1, 3)),
    ("GARY, Ind. -- A man was killed in a shooting on Grant Street on Saturday night, police said. A woman was "
     "also wounded. Two other men were grazed by bullets and treated at the scene.", (1, 3)),
    ("GARY, Ind. -- A 30-year-old man was shot in the leg on Grant Street on Saturday night, police said.\n\n"
     "Three others were hurt by flying glass, police said.", (None, 4)),
    # "the other three" are the rest of those counted, not more
    ("GARY, Ind. -- Four people were shot on Grant Street on Saturday night, police said. One man died.\n\n"
     "The other three were taken to Methodist Hospital.", (1, 3)),
])
def test_wounded_told_over_several_sentences_are_added_up(text, expected):
    assert toll(text) == expected


def test_a_graze_from_a_bullet_is_a_wound():
    assert counts("Two teenagers were grazed by bullets and treated at the scene.") == {"injury": 2}
    assert counts("Dozens of cattle grazed in the field beside the road.") == {}


@pytest.mark.parametrize("text, expected", [
    # the shooter who then killed himself is one of the dead, in the victims' sentence or his own
    ("CASPER, Wyo. -- Deputies say a man shot and killed a 6-month old girl before turning the gun on himself "
     "at a farmhouse near Glendo on Friday.", (2, None)),
    ("BOZEMAN, Mont. -- The sheriff says a 38-year-old woman shot her 4-year-old daughter and then herself in an "
     "apparent murder-suicide at a ranch outside town.", (2, None)),
    ("TOLEDO, Ohio -- A man fatally shot his ex-wife outside her office on Tuesday, police said. He then killed himself.",
     (2, None)),
    ("TOLEDO, Ohio -- A woman was shot and killed in a parking garage downtown on Tuesday, police said.\n\n"
     "The gunman died of a self-inflicted gunshot wound.", (2, None)),
    # a man found dead by his own hand is one death, and a suspect's suicide in jail months later is none of them
    ("TOLEDO, Ohio -- A man was found dead of a self-inflicted gunshot wound in a parked car on Tuesday, police said.",
     (1, None)),
    ("TOLEDO, Ohio -- A woman was shot and killed in a parking garage downtown on Tuesday, police said.\n\n"
     "A suspect in the killing committed suicide in the county jail in August.", (1, None)),
])
def test_a_shooter_who_killed_himself_is_counted_among_the_dead(text, expected):
    assert toll(text) == expected


def test_the_dead_picked_out_of_those_shot_are_taken_out_once():
    # the sentence already leaves 3 wounded; the report's own reading must not take the dead out again
    assert the_shooting("Police are looking for a gunman who shot four people, killing one, outside a bar on "
                        "Elm Street on Saturday night.\nDetectives said the shooting followed an argument "
                        "inside the bar.") == (1, 3)


def test_the_one_dead_shooter_leaves_the_one_he_shot_wounded():
    assert the_shooting("Investigators said a man took his own life on Friday after he shot a deputy during a "
                        "traffic stop.\nThe deputy was treated at a hospital and released.") == (1, 1)
    assert the_shooting("Police said a woman shot a clerk at the store and then killed herself on Thursday "
                        "morning.\nThe clerk was taken to a hospital.") == (1, 1)
    # the one who shot himself is the one dead, not also wounded
    assert the_shooting("Student takes own life in school parking lot, no other injuries reported\nTeachers "
                        "confirmed that a junior student shot himself in the parking lot on Wednesday.")[1] is None


def reported(headline: str, body: str) -> tuple[int | None, int | None]:
    from sitrep.ingest.headline import with_headline
    doc = with_headline(Document("report-1", body, title=headline, published=date(2015, 3, 12)))
    crime = [m for m in extract(analyze(doc)) if m.disorder_type == CRIMINAL]
    assert len(crime) == 1, [m.span.text for m in crime]
    return crime[0].fatalities, crime[0].injuries


def test_a_headline_toll_counts_where_the_body_names_one_victim_without_a_figure():
    body = ("A man who had been fired from the sheriff's office shot his former wife, her neighbour and a "
            "deputy on Saturday night before he died, state investigators said.\n\nThe deputy is expected to recover.")
    assert reported("3 dead in shooting rampage that wounded deputy", body)[0] == 3
    assert reported("Father, 2-year-old son dead in apparent murder-suicide",
                    "A toddler was the victim of an apparent murder-suicide in a farmhouse north of town on "
                    "Friday night. Deputies later found the father dead in the barn.")[0] == 2
    # a round-up's headline is no toll of this shooting
    assert reported("4 killed, 19 wounded in weekend shootings",
                    "A man was shot and killed on the West Side on Saturday afternoon, police said.")[0] == 1
    # the boy "recovering" is not one of the two dead of the headline
    assert reported("Mother, her boyfriend killed in shooting; boy recovering",
                    "A 6-year-old boy is on the road to recovery two days after he was injured in a shooting "
                    "that took the lives of his mother and a man who shot them, then turned the gun on himself.") == (2, 1)


def test_a_shooters_suicide_is_not_added_to_a_toll_that_already_holds_him():
    assert toll("Police are investigating a shooting at a motel that left four people dead as a murder and "
                "suicide.\n\nOfficers found the four people — three adults and a baby — dead of gunshot wounds "
                "in a room on the second floor.\n\nInvestigators said the father shot the other three and then "
                "killed himself.") == (4, None)


def test_all_the_victims_found_dead_are_no_figure_of_the_wounded():
    # "found the seven victims ... dead" tells the dead, not seven victims of whom the rest were wounded
    assert toll("A man shot his former partner and her children inside a home on Elm Road on Saturday, "
                "deputies said.\n\nDeputies entered the house after the suspect gave himself up and found the "
                "seven victims, who had been tied up, dead from gunshot wounds.\n\nFive of the dead were "
                "children.")[1] is None


def test_the_dead_shot_again_in_a_later_sentence_are_not_also_wounded():
    # "before taking his own life": the shooter is one of the three dead, and "both sons" are the other two
    assert toll("A father who lost his job last week shot and killed his 12- and 9-year-old sons on Friday "
                "morning before taking his own life, police said.\n\nTheir grandfather said the father shot "
                "both sons and then himself.") in ((3, None), (3, 0))


def test_a_death_told_in_another_month_is_another_shooting():
    # a report of a December shooting that recalls a killing at the same bar in the summer
    assert toll("Police are investigating a shooting that wounded three people early Saturday at a bar on "
                "Harbor Street.\n\nThe bar has seen violence before. A bouncer at the bar was fatally shot "
                "there in August.", published=date(2015, 12, 12)) == (None, 3)


def test_a_report_with_no_toll_that_tells_someone_hurt_has_one_wounded():
    assert toll("Deputies were called to a farmhouse outside Millbrook on Sunday afternoon after a report of "
                "a gunshot.\n\nOfficers later learned that a neighbour, 41, had driven himself to Millbrook "
                "General Hospital with a gunshot wound.") == (None, 1)
    # not where the report says no one was hurt, nor where it tells a death
    assert toll("Police said several shots were fired at a house on Birch Lane early Sunday.\n\nNo one was "
                "hurt, and officers found bullet holes in the front door.")[1] is None
    assert toll("Police said a hunter was found in a wooded area with a single gunshot wound to the head on "
                "Saturday.\n\nThe county coroner was called to the scene.")[1] is None


def test_a_time_after_the_wounded_is_no_one_they_hurt():
    # "six injured the night before": "the night" is when, not whom the six injured
    assert counts("Friends gathered at the club to remember the victims of a shooting that left 2 dead and 6 "
                  "injured the night before.") == {"death": 2, "injury": 6}


@pytest.mark.parametrize("text, dead", [
    # the dead told in a relative clause or a noun, with no figure a count reader takes
    ("Funeral planned for Dover teen who died of a gunshot wound\n\nA service will be held at the high "
     "school gym on Friday, the principal said.", 1),
    ("The 9-year-old boy who died of multiple gunshot wounds Tuesday at a house on Pine Street was identified "
     "by the county coroner.", 1),
    ("Detectives named the victim of Saturday's homicide on Ridge Avenue as a 30-year-old from Camden.", 1),
    ("Two brothers identified in Elm Park double fatal shooting\n\nPolice have not said what led to the "
     "shooting.", 2),
    ("Body found in Hartley Township; sheriff investigating\n\nDeputies said the death is being treated as "
     "a homicide.", 1),
    ("Police said 52-year-old Dana Moore and her son, 19-year-old Kyle Moore, were found dead in their home "
     "on Willow Road on Sunday.", 2),
    ("Ohio man identified as victim in fatal Kentucky hunting accident", 1),
    ("Aurora family mourns death of daughter, 12, in accidental shooting", 1),
])
def test_a_report_telling_its_dead_without_a_figure_counts_them(text, dead):
    assert toll(text)[0] == dead


def test_a_body_found_in_another_year_is_no_toll_of_this_report():
    assert toll("Officers are investigating a shooting on Elm Street late Saturday.\n\nA body was found "
                "last year in the same park, police said.")[0] is None


def test_a_gunman_the_police_kill_is_one_dead():
    # (the police make it a clash, not a crime: a state force's killing is political violence)
    [event] = mentions("Springdale police kill gunman after shooting at grocery store injures two")
    assert (event.fatalities, event.injuries) == (1, 2)


@pytest.mark.parametrize("sentence, expected", [
    # an age told in years and a half is no figure of victims
    ("Detectives investigated the 3-and-a-half-year-old's death at a home on Cedar Lane.", {}),
    # those the police are looking for are the suspects, not the dead
    ("Police are looking for at least 2 men in the shooting death of a clerk.", {"death": 1}),
    ("Detectives are seeking three suspects in the shooting death of a store owner.", {"death": 1}),
])
def test_figures_that_count_no_victim(sentence, expected):
    assert counts(sentence) == expected


def test_the_gunman_of_another_shooting_told_after_it_is_not_this_ones_dead():
    assert toll("FLAGSTAFF, Ariz. -- A student killed one person and wounded three others in a parking lot "
                "on Friday, police said.\n\nThe shooting came a week after nine people were shot and killed "
                "last week at a college in Oregon. The gunman there wounded seven others before turning the "
                "gun on himself.", published=date(2015, 10, 9)) == (1, 3)


_PAYWALL = ("Subscribe today for full access.\n\nThis story is available to subscribers only. Already a "
            "subscriber? Log in to keep reading.")


@pytest.mark.parametrize("headline, expected", [
    # a headline over page furniture tells its wounded in the present tense, without articles
    ("Boy, 12, accidentally shoots 8-year-old cousin in foot", (None, 1)),
    ("Deputies probe shooting of woman, grandson at trailer park", (None, 2)),
    ("Sheriff names hunter who shot self in leg while crossing fence", (None, 1)),
    # but "fatally shoots" tells a death, not a wound
    ("Neighbor fatally shoots teen in backyard dispute", (1, None)),
])
def test_a_headline_in_the_present_tense_tells_the_wounded(headline, expected):
    assert reported(headline, _PAYWALL) == expected


def test_a_headline_shooting_is_no_wound_where_the_report_tells_a_death():
    assert reported("Boy accidentally shoots 6-year-old sister at home",
                    "The girl died at the hospital later that night, police said.")[1] is None


@pytest.mark.parametrize("text, expected", [
    # the lone victim shot is the one who died; another told as "also shot" is the wounded
    ("A 15-year-old was shot near a gas station on Maple Road on Friday night.\n\nHe later died at the "
     "hospital.\n\nAnother teenager who was in the car was also shot.\n\nThat teen is in critical condition, "
     "police said.", (1, 1)),
    # "was also shot": a victim besides the dead
    ("Four people were found shot to death in a house on Cedar Road on Monday, the sheriff said.\n\n"
     "Her 6-year-old daughter was also shot in the head.", (4, 1)),
])
def test_a_wounded_victim_told_apart_from_the_dead_is_counted(text, expected):
    assert toll(text) == expected


def test_a_wounded_victim_of_another_age_than_the_dead_told_elsewhere_is_another():
    # the headline's one dead has no age: the age told where the report tells the death is the dead's
    body = ("Police said two teens were handling a pistol they thought was empty at a house on Elm Street on "
            "Friday.\n\nThe 18-year-old was struck in the chest and was later pronounced dead.\n\n"
            "The chief also said the 13-year-old was taken to the hospital for his injuries.")
    assert reported("One dead in accidental shooting at Elm Street home", body) == (1, 1)


@pytest.mark.parametrize("text", [
    # a report with no toll telling its one wounded in words the count rules do not take, with words
    # of death that tell no death: a denial, a figure of speech in a quote
    ("Deputies were called to a home on Birch Lane on Sunday night.\n\nThe girl, 5, had a gunshot wound to "
     "her arm. \"We are lucky another child was not killed,\" the sheriff said. \"These are deadly weapons, "
     "and they belong in a locked safe.\""),
    ("Officers were called to the emergency room of Mercy Hospital on Friday night for a gunshot victim.\n\n"
     "Police said the bullet went through the car seat and struck the passenger in the back."),
    ("A teen came home on Tuesday, two months after an accident with a shotgun left him with severe injuries "
     "to his face.\n\nHis friends say he has beaten every setback in life."),
])
def test_a_report_with_no_toll_tells_its_one_wounded_past_stray_words_of_death(text):
    assert toll(text) == (None, 1)


def test_one_victim_whose_age_is_told_two_ways_is_one_dead_not_also_a_wounded():
    # "a 12-year-old" and "Jordan Reyes, 12," are the same age written two ways: the same boy
    text = ("A 16-year-old has been charged in the shooting death of a 12-year-old in Clay County.\n\n"
            "Jordan Reyes, 12, was accidentally shot in the chest by a cousin on Saturday evening.\n\n"
            "Jordan died a short time later at Memorial Hospital.")
    assert toll(text) == (1, None)


def test_a_wounded_victim_of_another_age_written_the_other_way_is_still_another():
    # (the ages compared as written: "30-year-old" and ", 52," are two ages, not two ways of writing one)
    text = ("A 30-year-old man was shot and killed outside a laundromat on Pine Street on Friday, police said.\n\n"
            "A passer-by, Dana Ortiz, 52, was shot in the leg.")
    assert toll(text) == (1, 1)


@pytest.mark.parametrize("text", [
    ("Deputies said a man was wounded in the hand while trying to put down an injured deer on Monday.\n\n"
     "The rifle was a single shot 243, the sheriff said."),
    ("A teen was shot in the foot with a 20-gauge shotgun on Sunday and taken to the hospital."),
    ("Officers said a clerk was shot with a 45-caliber pistol during a robbery at a gas station on Friday."),
])
def test_a_guns_caliber_counts_no_one(text):
    assert toll(text) == (None, 1)


@pytest.mark.parametrize("text, expected", [
    # a wounded victim told in an aside between commas: one besides the dead ("also"), or by the wound
    ("A 17-year-old was charged with murder on Friday after a robbery at a gas station on Route 30.\n\n"
     "Terrell Banks, of Millbrook, is charged in the shooting death of 45-year-old Dale Brown.\n\n"
     "Both Brown and Banks, who was also shot in the struggle, were taken to Mercy Hospital.", (1, 1)),
    ("Police said the intruder shot the homeowner twice, killing him.\n\nHis wife, 68, who suffered minor "
     "injuries from broken glass, was released from the hospital on Sunday.", (1, 1)),
])
def test_a_wounded_victim_told_in_an_aside_is_counted(text, expected):
    assert toll(text) == expected


def test_an_aside_telling_a_victim_who_then_died_tells_no_wounded():
    assert "injury" not in counts("A second man, who was also shot, was pronounced dead at the hospital.")


def test_a_later_sentence_telling_the_whole_toll_gives_all_the_wounded():
    # the first figure ("a mother and her son") is some of the wounded; the whole toll comes later
    text = ("A retired mail carrier was shot dead on his porch on Monday on Oak Street.\n\n"
            "The bullets also broke the windows of a parked car and wounded a mother and her 4-year-old son who "
            "were standing beside it.\n\n"
            "Gunfire ripped through the block on Monday evening, killing a 70-year-old man and wounding three "
            "others, police said.")
    assert toll(text) == (1, 3)


def test_others_who_turned_up_wounded_are_besides_a_victim_told_by_its_verb():
    # the boy is told by his verb ("had been hit by a stray bullet"); "three others" are more victims
    text = ("A mother said she came home on Saturday night to find her 9-year-old son bleeding in his room on "
            "Walnut Court.\n\nThe boy, Leo Martinez, had been hit by a stray bullet while he watched a fight "
            "from his window, police said.\n\nAbout 20 minutes later, three others showed up at an area hospital "
            "with gunshot wounds.")
    assert toll(text) == (None, 4)


def test_a_victim_clinging_to_life_is_wounded_beside_the_dead():
    text = ("A 6-year-old boy was clinging to life on Tuesday after his stepfather shot him and killed his "
            "infant brother before turning the gun on himself in a home on Birch Road, deputies said.")
    assert toll(text) == (2, 1)


def test_a_later_figure_of_wounded_says_more_than_those_sent_to_the_hospital():
    # those sent to the hospital are a floor: some of the wounded may have been treated at the scene
    text = ("Detectives are learning more about a bar shooting early Saturday that sent two people to the "
            "hospital.\n\nThe shooting broke out in the parking lot of the Rusty Anchor on Bay Road.\n\n"
            "Three people were wounded, police said.")
    assert toll(text) == (None, 3)


def test_a_headline_figure_of_the_victims_of_a_shooting_counts_the_wounded():
    # the body names the victims one at a time; the headline's "5 victims of ... shooting" is all of them
    text = ("5 victims of Friday night shooting released from hospitals\n\n"
            "Everyone hurt in the gunfire at Lakeside Park on Friday night has now gone home, police said.\n\n"
            "Dana Reed was shot in the hip and spent two nights at Mercy Hospital before she was released.")
    assert toll(text) == (None, 5)


def test_a_shootings_own_words_are_not_read_as_war_or_protest():
    """"fired multiple rounds", "shell casings", "a bullet struck a dryer", "police blocked off the
    street", "friends gathered at the hospital": the shooting told again, not shelling or a protest."""
    found = mentions(
        "A 27-year-old man was shot and killed outside a laundromat on Kessler Avenue late Friday, police said.\n"
        "Witnesses told officers that two men got out of a gray sedan and fired multiple rounds at the man before driving off.\n"
        "Detectives found more than a dozen shell casings in the parking lot.\n"
        "One bullet went through the laundromat's front window and struck a dryer.\n"
        "Police blocked off the street for several hours while investigators worked the scene.\n"
        "Friends and relatives gathered at the hospital on Saturday morning.", published=date(2015, 3, 14))
    assert [(m.sub_event_type, m.disorder_type, m.fatalities) for m in found] == [("Attack", CRIMINAL, 1)], \
        [(m.sub_event_type, m.span.text) for m in found]


def test_a_vigil_after_a_shooting_stays_a_protest_of_its_own():
    found = mentions(
        "A 16-year-old girl was shot and wounded while walking home from school on Tuesday, police said.\n"
        "On Thursday evening, more than a hundred neighbours held a candlelight vigil outside the school to protest "
        "the violence.", published=date(2015, 3, 14))
    assert [m.sub_event_type for m in found] == ["Attack", "Peaceful protest"]


def test_a_riot_told_in_the_sentence_before_its_acts_stays_a_riot():
    found = mentions(
        "On 4 April, riots broke out in Puerto Lindo when police arrested a local fisherman.\n"
        "Relatives of the man and dozens of neighbours then attacked the police post with sticks.\n"
        "The officers opened fire on the group, wounding three people.", published=date(2015, 4, 5))
    assert "Mob violence" in [m.sub_event_type for m in found], [(m.sub_event_type, m.span.text) for m in found]


@pytest.mark.parametrize("sentence", [
    "Officers captured Ramirez in San Marcos.",
    "Traffic cameras in the area captured an image of the gunman's car.",
])
def test_a_suspect_or_a_camera_captured_takes_no_town(sentence):
    found = mentions("A 43-year-old man was shot and killed and a woman was wounded outside a bowling alley on Pine "
                     f"Street late Saturday, police said.\n{sentence}", published=date(2017, 2, 27))
    assert [m.sub_event_type for m in found] == ["Attack"], [(m.sub_event_type, m.span.text) for m in found]


@pytest.mark.parametrize("sentence, expected", [
    ("Two men, ages 20 and 22, and a woman, 33, were wounded in a shooting on Oak Street.", {"injury": 3}),
    ("Three men, 18, 21 and 25, were shot and wounded near a gas station on Monday.", {"injury": 3}),
    ("Police said two men, 19 and 24, and a 17-year-old girl were shot outside a party.", {"injury": 3}),
    ("Two women, 23 and 27, were wounded and a man, 30, was killed in a shooting on Elm Street.",
     {"injury": 2, "death": 1}),
])
def test_victims_ages_told_between_commas_count_no_one(sentence, expected):
    assert counts(sentence) == expected
