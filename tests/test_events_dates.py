"""Crime reports dated by their violence: follow-ups (charges, court, funerals) take the day of the
shooting they are about when the report says it, not the day of the step or of publication."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events import extract
from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figures import document_numbers
from sitrep.events.dates import date_role, document_dates, event_date
from sitrep.model import DAY, WEEK, Document
from sitrep.nlp import analyze
from sitrep.nlp.dates import find_dates
from sitrep.taxonomy import CRIMINAL

SUNDAY = date(2015, 3, 15)  # a Sunday


def crime(text: str, published: date):
    found = [m for m in extract(analyze(Document("report-1", text, published=published)))
             if m.disorder_type == CRIMINAL]
    assert found, "no crime found"
    return found[0]


@pytest.mark.parametrize("text, published, expected", [
    # the lede gives the day of the charge; the shooting's day is said further on
    ("A 30-year-old man was charged Tuesday with murder.\n"
     "Prosecutors say he killed a teenager in the May 10 shooting on Elm Street.", date(2015, 5, 20), date(2015, 5, 10)),
    # a statement's day ("identified ... on Monday") gives way to the shooting's ("Saturday night's")
    ("Authorities on Monday identified the man who was shot and killed in Saturday night's shooting outside a bar.",
     date(2015, 3, 16), date(2015, 3, 14)),
    ("A man was shot and killed early Sunday in a parking lot on Oak Street, police said Monday.",
     date(2015, 3, 16), date(2015, 3, 15)),
    # a weekday equal to the publication's weekday is that same day
    ("A woman was shot and wounded Sunday afternoon while walking her dog, police said.", SUNDAY, SUNDAY),
    # "said that at 2 a.m. Thursday ...": the statement introduces the event, it does not date it
    ("Detectives said that at around 2 a.m. Thursday an argument turned into a shooting that wounded two men.",
     date(2015, 3, 13), date(2015, 3, 12)),
    # a funeral story: the day of the funeral is no day of the shooting
    ("Hundreds gathered at a funeral Saturday for a 15-year-old boy.\n"
     "The boy was shot and killed March 7 while walking home from school.", date(2015, 3, 14), date(2015, 3, 7)),
])
def test_a_crime_report_is_dated_by_its_violence(text, published, expected):
    assert crime(text, published).date == expected


def test_an_earlier_shooting_recalled_with_its_date_does_not_date_this_one():
    # the lede's day is a clause away from its verb; the day written out belongs to another shooting
    text = ("A police officer was shot in the foot and a suspect was killed during a traffic stop and chase "
            "Monday night.\n\n"
            "It was the city's second police shooting this month. The most recent shooting of an officer "
            "occurred July 16, when a gun went off during a struggle.")
    assert crime(text, date(2016, 7, 26)).date == date(2016, 7, 25)


def test_the_day_of_a_death_gives_way_to_the_day_of_the_shooting_only():
    shot_earlier = crime("A 15-year-old boy died Sunday after he was shot in the head.\n"
                         "He was shot Friday night outside a corner store, police said.", date(2015, 3, 16))
    assert shot_earlier.date == date(2015, 3, 13)
    # no day of the shooting said: the day of the death stands, not another step's day
    only_death = crime("An 11-year-old boy died Monday evening after someone shot at his house.\n"
                       "The coroner plans to release his name on Tuesday following an autopsy.", date(2015, 3, 17))
    assert only_death.date == date(2015, 3, 16)


def test_a_follow_up_without_the_day_of_the_shooting_keeps_a_day_that_is_no_step():
    # only the arrest has a day: the report says nothing better, and its evidence stays the words
    m = crime("A man was arrested Friday in connection with a shooting that wounded two people.",
              date(2015, 3, 14))
    assert m.date == date(2015, 3, 13) and m.evidence["date"].text == "Friday"


def test_a_day_still_to_come_dates_no_event():
    # the next court date is a plan: neither that day nor the same day a year before dates the shooting
    m = crime("Deputies say a 1-year-old boy was shot and killed at his home. "
              "His mother will be back in court on March 21st.", date(2017, 3, 3))
    assert (m.date, m.date_precision) == (date(2017, 3, 3), WEEK)  # no day said: the report's week


@pytest.mark.parametrize("sentence, role", [
    ("Police said Sunday the victim had died.", "step"),
    ("He was arraigned Tuesday on a murder charge.", "step"),
    ("The man was shot in the back Saturday night.", "violence"),
    ("Investigators are still piecing together Tuesday's shooting.", "violence"),
    ("The family moved to the city in June 2012.", ""),
    # the day of a death after the wound, or of a court's finding, is no day of the shooting
    ("A 9-month-old boy died Thursday after he was shot in the head by accident.", "death"),
    ("A county judge on Wednesday found probable cause for a manslaughter charge.", "step"),
    ("Officers on Sunday found a man shot in the street.", "violence"),
    # another, earlier violence named with its day
    ("The previous shooting of a deputy in the county happened on March 2.", "other"),
])
def test_date_roles(sentence, role):
    d = find_dates(sentence, date(2015, 3, 16))[0]
    assert date_role(d, sentence) == role


def counts(sentence: str) -> dict[str, int]:
    numbers = document_numbers(analyze(Document("t", sentence)))
    return {k: v for k, (v, _, _) in totals(sentence_counts(sentence, 0, len(sentence), numbers)).items()}


@pytest.mark.parametrize("sentence, expected", [
    ("A shooting outside a fast-food restaurant sent four people to the hospital early Sunday.", {"injury": 4}),
    ("The gunfire sent two men to area hospitals with wounds that were not life-threatening.", {"injury": 2}),
    ("A 23-year-old man was shot in the leg near the bus stop.", {"injury": 1}),
    ("A 23-year-old man was shot in the leg and died later at the hospital.", {"death": 1}),
    ("Organizers sent four letters to the hospital board.", {}),
])
def test_injured_counts_of_us_news(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three people were shot to death in a parked car late Friday.", {"death": 3}),
    ("A mother and son were found fatally shot inside their apartment.", {"death": 2}),
    ("Deputies found a 4-year-old shot dead in a bedroom of the house.", {"death": 1}),
    ("The boy accidentally shot his younger brother in the stomach with a handgun.", {"injury": 1}),
    ("Police said the toddler shot himself in the hand with a pistol left on a couch.", {"injury": 1}),
    ("The girl's father fired one shot at the intruder, who fled.", {}),
    ("The 9-year-old was fatally injured by a gunshot to the abdomen.", {"death": 1}),
    ("A 9-year-old boy wounded during a hunting trip has died, the sheriff's office said.", {"death": 1}),
    ("The pastor was leading a prayer meeting when he and eight others were gunned down.", {"death": 9}),
    ("A leader of the Eight Corner Boys gang allegedly gunned down a rival outside a bar.", {"death": 1}),
    ("The second of two victims fatally shot at a car wash late Monday has been identified.", {"death": 2}),
])
def test_us_news_counts_of_the_dead_and_the_wounded(sentence, expected):
    assert counts(sentence) == expected


def test_one_victim_told_before_and_after_death_is_counted_once():
    m = crime("A 3-year-old boy shot his 5-year-old sister with a handgun he found in a drawer on Saturday.\n"
              "The girl was taken to a hospital, where she died later that evening.", date(2015, 3, 15))
    assert (m.fatalities, m.injuries or 0) == (1, 0)


def test_a_victim_named_with_the_others_shot_is_not_also_among_the_wounded():
    m = crime("A 13-year-old boy and six other people were shot Friday evening on a street corner.\n"
              "The boy died at the scene, police said.", date(2015, 3, 14))
    assert (m.fatalities, m.injuries) == (1, 6)


def test_two_victims_in_one_sentence_stay_two():
    m = crime("A man was killed and a woman was wounded when a gunman opened fire outside a bar on Saturday.",
              date(2015, 3, 15))
    assert (m.fatalities, m.injuries) == (1, 1)


@pytest.mark.parametrize("sentence, expected", [
    ("No one was injured and there were no fatalities.", {}),
    ("No one was killed in the attack on the checkpoint.", {}),
    ("Police found a wounded man and killed approximately eight gunmen in the exchange.", {"death": 8}),
])
def test_nobody_hurt_and_the_killers_are_not_counted(sentence, expected):
    assert counts(sentence) == expected


def test_a_figure_said_later_outranks_a_lone_victim_told_first():
    m = crime("A 20-year-old man was shot in the arm during a party on Elm Street on Saturday night.\n\n"
              "Three people were wounded in the shooting, police said.", date(2015, 3, 15))
    assert m.injuries == 3 and m.evidence["injuries"].text.lower().startswith("three")


def test_another_shooting_told_for_background_gives_no_toll():
    m = crime("A 20-year-old man was shot in the leg on Elm Street on Saturday night.\n\n"
              "A shooting on the same block last week left a 19-year-old dead.", date(2015, 3, 15))
    assert (m.fatalities, m.injuries) == (None, 1)



@pytest.mark.parametrize("text, published, expected", [
    # the page's own stamp is no date of the shooting, though it is the first date of the report
    ("Block party gunfire (Published Sunday, June 21, 2015)\n\nTen people, including a 1-year-old girl, were "
     "wounded when a man opened fire on a street party.\nNeighbors said the party had started around 8 p.m. Saturday.",
     date(2015, 6, 21), date(2015, 6, 20)),
    ("UPDATE July 16, 3:03 p.m.: Police said a 3-year-old girl was shot and killed in her home.\n"
     "The girl's mother had called 911 around 9 p.m. Wednesday.", date(2015, 7, 16), date(2015, 7, 15)),
    ("April 23, 2013 6:12 AM\n\nCHICAGO - Seven men were wounded by gunfire on the South Side.\n"
     "The first call came around 4 p.m. Monday.", date(2013, 4, 23), date(2013, 4, 22)),
    # a holiday dates the shooting; the day of the condition is a later step
    ("A 13-year-old is in stable condition Friday after being shot in Elliston on Thanksgiving Day.",
     date(2015, 11, 27), date(2015, 11, 26)),
])
def test_page_stamps_and_holidays(text, published, expected):
    assert crime(text, published).date == expected


@pytest.mark.parametrize("text, published, expected", [
    # "overnight" spans two days: the day said for the same shooting tells which
    ("Four men playing dice were shot and one was killed overnight.\n"
     "It happened Saturday night around 10 p.m. on West Prospect Street, police said.", date(2015, 8, 16),
     date(2015, 8, 15)),
    ("A two-year-old child and a woman were shot overnight in the north of the city. "
     "It happened around 10:45 p.m. Friday on Kossuth Avenue.", date(2016, 7, 2), date(2016, 7, 1)),
    # a birth date is no day of the shooting
    ("A girl was shot and killed at a family gathering, the coroner said.\nMelina was born April 6, 2009, in Quincy.\n"
     "She died Friday, May 20, 2016, in Barry.", date(2016, 5, 23), date(2016, 5, 20)),
])
def test_the_day_of_the_shooting_among_other_days(text, published, expected):
    assert crime(text, published).date == expected


@pytest.mark.parametrize("text, published, expected", [
    # the first day of a span dates no one shooting: the roundup's own shooting is dated further on
    ("At least nine people were wounded in shootings across the city since Friday night.\n"
     "A 7-year-old boy was wounded in a shooting Sunday night on the West Side.", date(2013, 8, 19),
     date(2013, 8, 18)),
    ("Investigators are trying to learn why a mother killed her two children late Thursday or early Friday "
     "at their home.", date(2013, 9, 24), date(2013, 9, 20)),
    # "charged with fatally shooting a teenager Tuesday": the date is the shooting's, not the charge's
    ("A man charged with fatally shooting a teenager Tuesday evening in McKees Rocks called the boy's mother.\n"
     "She said he called her around 10:30 p.m. Wednesday and apologized.\n"
     "The 17-year-old was shot twice in the chest outside a house on Orchard Street.", date(2017, 2, 23),
     date(2017, 2, 21)),
    # "revealed Monday" is a statement's day; the shooting's day is said further on
    ("The volunteer who stopped the school shooting was carrying a handgun, the sheriff revealed Monday.\n"
     "The teenager opened fire at the playground, wounding a teacher and two children on Wednesday.",
     date(2016, 10, 3), date(2016, 9, 28)),
    # a week said of the shooting gives way to the day said inside it
    ("A 2-year-old accidentally shot his father over the weekend in Southwest Baltimore, police said.\n"
     "The family was at their home on North Bend Road on Sunday around 11 a.m.", date(2016, 5, 9),
     date(2016, 5, 8)),
    # a press release's dateline in brackets is the day it was sent
    ("Edmonton, Ky. (November 28, 2016) – Troopers received a call on Sunday, November 27, 2016 about a man "
     "shot while hunting.", date(2016, 11, 28), date(2016, 11, 27)),
])
def test_spans_statements_and_datelines(text, published, expected):
    assert crime(text, published).date == expected


def test_a_date_alone_under_the_byline_is_the_page_stamp():
    m = crime("UPDATED\n\nBy a staff writer\n\nJanuary 9, 2015\n\nA man was arrested after his nephew shot himself "
              "with a gun left on a bed.\nThe boy was playing with the gun at his grandmother's house, arrest papers say.",
              date(2015, 1, 8))
    assert (m.date, m.date_precision) == (date(2015, 1, 8), WEEK) and "date" not in m.evidence


def test_a_date_in_someone_elses_quoted_words_dates_nothing():
    m = crime("“I talked to a guy yesterday who said he could not believe it,” the mayor said.\n\n"
              "A 4-year-old girl was shot by her brother at a home south of town.\n"
              "The shooting happened around 8 p.m., deputies said.", date(2015, 3, 19))
    assert m.date_precision == WEEK and "date" not in m.evidence


def test_a_report_without_date_words_takes_its_page_stamp_over_a_later_copy_date():
    text = ("A 19-year-old man was shot in the leg outside a corner store, police said. "
            "(Published Saturday, May 2, 2015)\n\nHe was taken to a hospital in stable condition.")
    m = crime(text, date(2015, 5, 3))
    assert (m.date, m.date_precision) == (date(2015, 5, 2), WEEK)


@pytest.mark.parametrize("text, published, expected", [
    # a plural noun of the violence dates it as the singular does ("the May 11 murders")
    ("A man was charged Monday in the killing of four people at a rural home.\n\n"
     "He had been held in the county jail since days after the May 11 murders, the sheriff said Tuesday.",
     date(2013, 6, 18), date(2013, 5, 11)),
    # a statement before the noun does not make the day a statement's: the neighbor heard the shot Saturday
    ("Police arrested a father on Sunday after his 3-year-old son shot himself in the hand "
     "with a pistol left on a bed.\n\n"
     "A neighbor said the gunshot was heard at about 9 p.m. Saturday.", date(2014, 10, 14), date(2014, 10, 11)),
    # "wounding both early Friday" dates the shooting; the argument of the day before does not
    ("A man shot his girlfriend and her son, wounding both early Friday before killing himself, officials said.\n\n"
     "Officials said the shooting grew out of an argument Thursday between the two.", date(2016, 11, 25),
     date(2016, 11, 25)),
])
def test_the_words_beside_a_date_tell_whether_it_is_the_shootings(text, published, expected):
    assert crime(text, published).date == expected


def test_an_overnight_shooting_takes_the_evening_the_report_says_it_began():
    text = ("Police have learned who shot a man overnight on Shelton Road, and they say it was an accident.\n\n"
            "Officers were called to the road just after 11:00 p.m. Sunday night after a man walked into a "
            "hospital with a wound to his leg.")
    assert crime(text, date(2017, 3, 6)).date == date(2017, 3, 5)  # published on the Monday


def test_wounding_beside_a_day_dates_the_violence():
    text = "A man shot his girlfriend and her son, wounding both early Friday before killing himself."
    (day,) = find_dates(text, date(2016, 11, 25))
    assert date_role(day, text) == "violence"


def test_a_wire_datelines_day_gives_way_to_the_day_its_story_tells():
    text = ("KHARTOUM, June 3 (Example Wire) - Paramilitary fighters and the army fought for control of the "
            "eastern districts of El Fasher, the capital of North Darfur, on Sunday, residents said.\n\n"
            "Shelling hit a market near the main hospital, killing at least 27 civilians, a local "
            "emergency room said.")
    doc = Document(id="wire", text=text, published=date(2024, 6, 3))
    mentions = extract(analyze(doc))
    assert mentions and {m.date for m in mentions} == {date(2024, 6, 2)}  # Sunday, not the filing day


@pytest.mark.parametrize("sentence, role", [
    # a press conference, a gathering or a schedule is a later step, not the shooting
    ("Reporters from abroad attended a Friday morning news conference at the police station.", "step"),
    ("The family will hold a vigil Thursday evening near the corner store.", "step"),
    # but a gathering where the gunfire broke out dates the gunfire
    ("Five people were shot at a vigil Monday evening on the west side.", "violence"),
    ("Three mourners were wounded while attending a funeral service Friday in the south end.", "violence"),
    # "investigating" goes on: the day belongs to the shooting it is investigating
    ("Police are investigating a fatal shooting at a downtown nightclub early Saturday morning.", "violence"),
    # "and" between two street names ends no clause
    ("The shooting happened in a house near Maple and 33rd Street on Wednesday.", "violence"),
    # the day of a death after a wound said before it
    ("A woman wounded at her home last week died Sunday afternoon at the county hospital.", "death"),
    ("A 20-year-old man hurt in a shooting died from his injuries Sunday morning, the coroner said.", "death"),
    ("After the party the teenager was pronounced dead at a city hospital on Monday.", "death"),
    # the police coming to the scene dates the call, not a later step
    ("When officers arrived at the house a little after 7:30 Saturday evening, the door was open.", "violence"),
    ("A deputy was dispatched to the trailer park at 9 p.m. Friday on a report of gunfire.", "violence"),
    # a street named "... Court" is no court of law
    ("Deputies went to a shooting at a house on Heron Court around 11:40 p.m. Tuesday.", "violence"),
    ("The suspect appeared in Superior Court Tuesday on a murder charge.", "step"),
    # the step's verb stands whole even when it begins just past the clause's 60 characters
    ("Deputies arrested a cousin of the family in connection with the boy's death March 3.", "step"),
])
def test_date_roles_of_later_steps_and_gatherings(sentence, role):
    days = [d for d in find_dates(sentence, date(2015, 3, 16)) if d.precision == DAY]
    assert date_role(days[-1], sentence) == role


@pytest.mark.parametrize("text, published, expected", [
    # a correction notice names the day of the first story, not of the shooting
    ("In a story on Aug. 10 about a shooting at a house in the suburbs, the agency wrongly gave the gunman's age.\n\n"
     "Deputies came to the door earlier on Saturday, knocked and left when nobody answered.", date(2015, 8, 11),
     date(2015, 8, 8)),
    # a visitation schedule gives no day of a shooting said to be earlier this week
    ("The name of the boy who was shot and killed at a friend's house earlier this week has been released.\n\n"
     "Visitation for the boy will be held from noon-8 p.m. Monday and 9 a.m.-2 p.m. Tuesday at a chapel.",
     date(2016, 1, 23), date(2016, 1, 20)),
])
def test_the_day_of_the_shooting_over_a_step_or_a_side_story(text, published, expected):
    assert crime(text, published).date == expected


@pytest.mark.parametrize("text, published, expected", [
    # the day told with the shooting, further than its clause, over a day the report's aside gives
    ("A woman suspected in a drive-by that hurt a toddler was arrested Friday night, officers said.\n\n"
     "Earlier in the day Friday, the department said it was looking for two people.\n\n"
     "Another woman was arrested Friday morning after she gave herself up in connection with the shooting "
     "that was reported at Tuesday night on Rose Lane.", date(2017, 3, 11), date(2017, 3, 7)),
    # "when the shooting occurred" after the day
    ("A 3-year-old girl is in the hospital after her brother found a loaded gun in the apartment.\n\n"
     "Several adults were in the apartment at 4:30 p.m. Saturday when the shooting occurred, a spokesman said.\n\n"
     "The owner of the gun ran off and had not been found on Sunday.", date(2016, 5, 15), date(2016, 5, 14)),
    # a death after the wound gives way to the day the gun went off
    ("A baby died Thursday after he was shot in the head by accident.\n\n"
     "His father was cleaning a loaded pistol on Wednesday when it went off.", date(2014, 10, 26),
     date(2014, 10, 22)),
    ("A 20-year-old man hurt in a shooting last week died from his injuries Sunday morning, the coroner said.\n\n"
     "His friend shot him by accident around 5 p.m. Thursday at a house on the river road.", date(2016, 6, 6),
     date(2016, 6, 2)),
    # the arrest's day, then the shooting's day said with "opening fire" further on
    ("Deputies have arrested two more men in connection with a deadly shooting at a nightclub.\n\n"
     "The sheriff's office arrested the pair, both 20, on Monday.\n\n"
     "Three men are accused of opening fire into the crowd at a club in town on Sept. 13.", date(2015, 10, 29),
     date(2015, 9, 13)),
])
def test_a_day_told_with_the_violence_further_off(text, published, expected):
    assert crime(text, published).date == expected


def test_a_sentence_without_a_date_takes_the_ledes_day_of_the_shooting_not_of_the_report():
    text = ("State police issued a report Friday afternoon with details on the April 24 shooting at a farm.\n\n"
            "The report says two officers fired after the man pointed a rifle at them.")
    analysis = analyze(Document("report-1", text, published=date(2013, 5, 3)))
    second = next(i for i, s in enumerate(analysis.sentences) if s.text.startswith("The report says"))
    when, precision, _ = event_date(document_dates(analysis), analysis.sentences, second, [], date(2013, 5, 3))
    assert (when, precision) == (date(2013, 4, 24), DAY)


@pytest.mark.parametrize("plan", [
    "A candlelight vigil will be held at the park Monday evening.",
    "His first hearing is scheduled for Thursday in the county courthouse.",
])
def test_a_day_still_to_come_dates_no_shooting(plan):
    # a weekday of a plan is no past day: the report, with no other day, keeps its own date
    text = f"A man was found shot to death inside his parked car on a quiet street, police said.\n\n{plan}"
    assert crime(text, SUNDAY).date == SUNDAY


def test_a_broadcasts_air_times_date_no_shooting():
    # "Tune in ... Thursday at 6 p.m. and Friday at 6 a.m.": times to come, not past days
    text = ("Tune in to Channel 7 News Thursday at 5 p.m. and Friday at 6 a.m. for the latest on the suspects "
            "in the deadly shooting of a man.\n\n"
            "A man died at a county hospital at 9:15 p.m. Tuesday from a gunshot wound he suffered outside a "
            "gas station.")
    assert crime(text, date(2016, 10, 13)).date == date(2016, 10, 11)


@pytest.mark.parametrize("text, published, expected", [
    # a photo's caption names the day it was taken, the shooting's day is in the story
    ("A house on Pine Lane where a 12-year-old boy accidentally shot himself is shown Tuesday, June 7, 2016 "
     "in the suburbs.\n\nThe boy shot himself with his uncle's pistol about 8:40 p.m. Monday, police said.",
     date(2016, 6, 7), date(2016, 6, 6)),
    # "in critical condition since the shooting ... early Friday": the day of the shooting, not of a step
    ("A man wounded at a house on Mill Road last week died Monday afternoon at a trauma center.\n\n"
     "He had been in critical condition since the shooting at the house early Friday.", date(2016, 10, 25),
     date(2016, 10, 21)),
    # the first day of a span of thefts around a shooting is no day of the shooting
    ("Police are looking into a night of crime Saturday that left one man wounded.\n\n"
     "The truck was reported stolen between 8:45 p.m. Friday and 11:10 a.m. Saturday from a driveway.",
     date(2016, 9, 19), date(2016, 9, 17)),
    # "married since May": a span's first month dates nothing; the only day said is kept over it
    ("Deputies say a 70-year-old man told them he shot his wife in the leg during an argument.\n\n"
     "The two have been married since May, a neighbor said.\n\n"
     "Her sister sat with the wife at home Tuesday night.", date(2017, 2, 9), date(2017, 2, 7)),
])
def test_captions_states_and_spans_give_way_to_the_shootings_day(text, published, expected):
    assert crime(text, published).date == expected


@pytest.mark.parametrize("text, published, expected", [
    # a bystander's "today" in a report of the next morning is not the day of the shooting the report tells
    ("Neighbors of a corner store are on edge after a drive-by shooting.\n\n"
     "\u201cKids are getting shot today, it has to stop,\u201d said a woman who lives nearby.\n\n"
     "Three men were hit by gunfire near the store early Monday afternoon, police said.",
     date(2017, 3, 7), date(2017, 3, 6)),
    # a friend's "on Saturday" in quotes dates a talk, not the shooting: the report keeps its own week
    ("A woman and her former husband are dead after a shooting at her house, police said.\n\n"
     "\"We were just talking with him on Saturday. Nothing seemed wrong,\" said a neighbor.",
     date(2017, 2, 13), date(2017, 2, 13)),
    # a statement read out, quotes and all, with its date written in full still dates the shooting
    ("Police say a young man shot his friend by accident and the two made up a story.\n\n"
     "\"When questioned, both men stated that on Saturday, December 17 they were handling a handgun,\" "
     "the police report said.", date(2016, 12, 19), date(2016, 12, 17)),
    # a mayor's statement quoted is the only word of the day of the violence: it stands
    ("A teenager sought in connection with a shooting involving officers last week was arrested early "
     "Wednesday.\n\n\"We condemn the violence that took place yesterday evening in our city,\" the mayor said.",
     date(2017, 3, 3), date(2017, 3, 2)),
])
def test_a_day_in_someones_words_comes_after_the_reports_own(text, published, expected):
    assert crime(text, published).date == expected


def test_the_reports_other_violence_dated_by_overnight_follows_the_shootings_evening():
    # the headline's violence rests on the lede's "overnight" as the crime's does: both take the evening it began
    text = ("UPDATE: Police rule Ridge Road shooting accidental\n\n"
            "RIDGEVILLE, Ala. \u2013 Police now know who fired the shot that hit a man overnight on Ridge Road, "
            "and they call it an accident.\n\n"
            "Officers were called to the road just after 11:00 p.m. Sunday night after a man arrived at a "
            "hospital with a gunshot wound.")
    mentions = extract(analyze(Document("report-1", text, published=date(2017, 3, 6))))
    violent = [m for m in mentions if m.event_type in ("Violence against civilians", "Battles")]
    assert violent and {m.date for m in violent} == {date(2017, 3, 5)}



@pytest.mark.parametrize("text, published, role", [
    # the report's only day is a press conference's: the event's date vote weighs it less
    ("The family of a teenager who was shot and killed outside a Dover Street store held a press conference "
     "Wednesday to ask witnesses to come forward.", date(2015, 3, 19), "step"),
    # the day is told with the shooting
    ("A teenager was shot and killed outside a Dover Street store late Tuesday, police said.",
     date(2015, 3, 18), "violence"),
])
def test_a_crime_reports_mention_keeps_what_its_date_dates(text, published, role):
    assert crime(text, published).date_role == role


def test_a_crime_report_dated_by_no_words_has_no_date_role():
    undated = crime("A teenager was shot and killed outside a Dover Street store, police said.", date(2015, 3, 18))
    assert undated.date_precision == WEEK and undated.date_role == ""
