"""The death toll of an event told by several reports, and reports whose tolls say two shootings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sitrep.incidents import merge
from sitrep.model import DAY, TOWN, WEEK, Mention, Place, Span

# Town coordinates (WGS84); ids are this test's own keys for the places.
DAYTON = Place(8401, "Dayton", 39.7589, -84.1916, "United States", "US", "Ohio")
EL_PASO = Place(8402, "El Paso", 31.7587, -106.4869, "United States", "US", "Texas")
ODESSA = Place(8403, "Odessa", 31.8457, -102.3676, "United States", "US", "Texas")
SUNDAY = date(2016, 5, 8)


def report(doc: str, text: str, toll: str | None = None, killed: int | None = None,
           injured: int | None = None, day: date = SUNDAY, published: date | None = None,
           place: Place = DAYTON, dated_by_words: bool = True, disorder: str = "Criminal violence",
           hurt: str | None = None) -> Mention:
    """A report of a shooting; `toll` and `hurt` are the words of `text` its death toll and its
    wounded were read from."""
    evidence = {}
    for field, words in (("fatalities", toll), ("injuries", hurt)):
        if words is not None:
            start = text.index(words)
            evidence[field] = Span(doc, start, start + len(words), words)
    if dated_by_words:
        evidence["date"] = Span(doc, 0, 6, "Sunday")
    return Mention(doc_id=doc, span=Span(doc, 0, len(text), text), event_type="Violence against civilians",
                   sub_event_type="Attack", disorder_type=disorder, date=day,
                   date_precision=DAY if dated_by_words else WEEK, place=place, geo_precision=TOWN,
                   fatalities=killed, injuries=injured, confidence=0.6, published=published or day,
                   evidence=evidence, source_url=f"https://news.example/{doc}")


def triple_homicide() -> list[Mention]:
    return [
        report("whio-1", "Three people were shot dead inside a house on Salem Avenue in Dayton on Sunday.",
               "Three", killed=3),
        report("ddn-1", "Police said three relatives were killed in the Salem Avenue house on Sunday.",
               "three", killed=3, published=SUNDAY + timedelta(days=1)),
        report("wdtn-1", "A man was killed along with his family in the Salem Avenue house, his neighbour said.",
               "A man", killed=1, published=SUNDAY + timedelta(days=1)),
    ]


def test_a_report_naming_one_victim_does_not_lower_the_toll_others_give():
    events = merge(triple_homicide())
    assert len(events) == 1
    e = events[0]
    assert e.fatalities == 3 and e.fatalities_low == 1 and e.fatalities_high == 3


def test_political_violence_keeps_the_lowest_figure_a_report_states():
    reports = triple_homicide()
    reports[0] = replace(reports[0], fatalities=2, span=replace(reports[0].span, text=reports[0].span.text.replace(
        "Three", "Two")), evidence={**reports[0].evidence, "fatalities": Span("whio-1", 0, 3, "Two")})
    political = [replace(m, disorder_type="Political violence") for m in reports]
    events = merge(political)
    assert len(events) == 1
    assert events[0].fatalities == 2  # ACLED's conservative figure; "a man" is no toll against "three"


def test_a_lone_victim_told_by_most_reports_is_the_toll():
    # One report adds a figure from another shooting; three tell of the one man who died.
    text = "A man was shot dead outside a bar on Wayne Avenue in Dayton early Sunday."
    lone = [report(f"lone-{i}", text + f" ({i})", "A man", killed=1) for i in range(3)]
    stray = report("roundup-1", "Two people were killed in Dayton on Sunday, one outside a Wayne Avenue bar.",
                   "Two", killed=2)
    events = merge([*lone, stray])
    assert len(events) == 1 and events[0].fatalities == 1


def test_reports_of_the_wounded_only_outvote_a_stray_death_figure():
    wounded = [report(f"w-{i}", f"Five people were wounded when shots were fired at a block party on Xenia "
                      f"Avenue in Dayton on Sunday ({i}).", injured=5) for i in range(2)]
    stray = report("s-1", "One man was killed and five people wounded at a Xenia Avenue block party in Dayton.",
                   "One", killed=1, injured=5, published=SUNDAY)
    events = merge([*wounded, stray])
    assert len(events) == 1
    assert events[0].fatalities == 0 and events[0].injuries == 5


def test_a_victim_who_died_days_later_is_counted_dead():
    wounded = [report(f"w-{i}", f"A teenager was critically wounded in a shooting on Hoover Avenue in Dayton on "
                      f"Sunday, police said ({i}).", injured=1) for i in range(2)]
    died = report("d-1", "The teenager shot on Hoover Avenue in Dayton on Sunday has died, police said.",
                  "has died", killed=1, published=SUNDAY + timedelta(days=3))
    events = merge([*wounded, died])
    assert len(events) == 1 and events[0].fatalities == 1


def test_two_crime_tolls_one_report_each_give_the_higher():
    # a crime's toll only grows (a victim dies later, the shooter is counted): the lower was told first
    two = report("a-1", "Two men were shot dead in a car on Gettysburg Avenue in Dayton on Sunday.", "Two", killed=2)
    three = report("b-1", "Three men were killed in a car on Gettysburg Avenue in Dayton on Sunday.", "Three",
                   killed=3)
    events = merge([two, three])
    assert len(events) == 1 and events[0].fatalities == 3 and events[0].fatalities_low == 2
    # political violence keeps ACLED's conservative figure
    events = merge([replace(m, disorder_type="Political violence") for m in (two, three)])
    assert len(events) == 1 and events[0].fatalities == 2


def test_a_report_of_the_wounded_days_after_a_deadly_shooting_is_another_shooting():
    deadly = report("k-1", "A man was shot and killed on North Main Street in Dayton on Sunday.", "A man", killed=1)
    later = report("i-1", "A man was wounded by gunfire on North Main Street in Dayton, police said.", injured=1,
                   day=SUNDAY + timedelta(days=4), dated_by_words=False)
    assert len(merge([deadly, later])) == 2
    # the same two reports the other way round: wounded first, dead days later, may be one victim
    wounded = replace(later, date=SUNDAY, published=SUNDAY)
    died = replace(deadly, date=SUNDAY, published=SUNDAY + timedelta(days=4))
    assert len(merge([wounded, died])) == 1


def test_towns_far_apart_in_one_state_are_two_shootings():
    assert EL_PASO.admin1 == ODESSA.admin1
    first = report("ep-1", "A woman was wounded by a stray bullet while watching fireworks from her porch, "
                   "police said.", injured=1, place=EL_PASO)
    second = report("od-1", "A woman watching fireworks on her porch was wounded by a stray bullet, "
                    "officers said.", injured=1, place=ODESSA)
    assert len(merge([first, second])) == 2


def test_the_wounded_a_later_report_tells_dead_are_no_longer_counted_wounded():
    wounded = [report(f"w-{i}", f"A girl was critically wounded by a stray bullet on Philadelphia Drive in Dayton "
                      f"on Sunday ({i}).", injured=1) for i in range(2)]
    died = report("d-1", "The girl hit by a stray bullet on Philadelphia Drive in Dayton on Sunday has died.",
                  "has died", killed=1, published=SUNDAY + timedelta(days=2))
    events = merge([*wounded, died])
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (1, 0)
    # while the victim is only wounded, or when a later report still tells of the wounded, they stay wounded
    assert merge(wounded)[0].injuries == 1
    still = replace(died, injuries=1)
    assert merge([*wounded, still])[0].injuries == 1


def test_a_victim_two_later_reports_of_one_day_tell_dead_is_no_longer_wounded():
    wounded = report("w-1", "A boy was critically wounded by gunfire on Germantown Street in Dayton on Sunday.",
                     injured=1)
    died = [report(f"d-{i}", f"The boy shot on Germantown Street in Dayton on Sunday died at the hospital, "
                   f"officers said ({i}).", "died", killed=1, published=SUNDAY + timedelta(days=2)) for i in range(2)]
    events = merge([wounded, *died])
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (1, 0)
    # a report of the death on the wounded report's own day may have been written before it: both stand
    same_day = [replace(m, published=SUNDAY) for m in died]
    assert merge([wounded, *same_day])[0].injuries == 1


def test_a_death_told_alone_wins_a_tie_against_a_report_of_the_wounded():
    dead = report("k-1", "A man was shot and killed outside a Troy Street store in Dayton on Sunday.", "A man",
                  killed=1, published=SUNDAY + timedelta(days=1))
    hurt = report("h-1", "A man was shot outside a Troy Street store in Dayton on Sunday and taken to the "
                  "hospital.", injured=1, published=SUNDAY + timedelta(days=1))
    events = merge([dead, hurt])
    assert len(events) == 1 and events[0].fatalities == 1
    # a death counted among several wounded is no such report: the tie goes to the lowest figure
    among = report("k-2", "One man was killed and four people wounded outside a Troy Street store in Dayton.",
                   "One", killed=1, injured=4, published=SUNDAY + timedelta(days=1))
    four = report("h-2", "Four people were wounded outside a Troy Street store in Dayton on Sunday.", injured=4,
                  published=SUNDAY + timedelta(days=1))
    events = merge([among, four])
    assert len(events) == 1 and events[0].fatalities == 0


def test_a_toll_that_counts_the_killer_himself_wins_over_the_victims_alone():
    victims = report("v-1", "Two people were found shot dead inside a home on Brown Street in Dayton on Sunday.",
                     "Two", killed=2)
    whole = report("s-1", "Police said a man shot his wife and their son, then himself, in the Brown Street "
                   "home in Dayton on Sunday.", "shot his wife and their son, then himself", killed=3,
                   published=SUNDAY + timedelta(days=1))
    events = merge([victims, whole])
    assert len(events) == 1 and events[0].fatalities == 3
    # it is one vote and a half: two reports of the victims' toll outvote it
    again = report("v-2", "Two people were found shot dead in a Brown Street home in Dayton, police said Sunday.",
                   "Two", killed=2, published=SUNDAY + timedelta(days=1))
    events = merge([victims, again, whole])
    assert len(events) == 1 and events[0].fatalities == 2


def test_a_toll_of_several_shootings_gives_way_to_the_incidents_own():
    roundup = report("r-1", "Two men were killed and eight others wounded in separate shootings across Dayton "
                     "since Saturday night, police said.", "Two men were killed", killed=2, injured=8)
    own = report("o-1", "A man shot on Salem Avenue in Dayton on Sunday died at the hospital, police said.",
                 "died", killed=1, published=SUNDAY + timedelta(days=1))
    events = merge([roundup, own])
    assert len(events) == 1 and events[0].fatalities == 1
    # with no figure of the incident's own, the round-up's stands; so does one rampage's "the shootings"
    assert merge([roundup])[0].fatalities == 2
    rampage = report("p-1", "Two men were killed and eight others wounded in the shootings at a Dayton bar on "
                     "Sunday, police said.", "Two men were killed", killed=2, injured=8)
    events = merge([rampage, own])
    assert len(events) == 1 and events[0].fatalities == 2


def test_a_later_report_of_the_wounded_that_tells_a_murder_casts_no_vote_for_no_death():
    dead = report("k-1", "A teenager was shot dead and three friends wounded on Market Street in Dayton on Sunday.",
                  "A teenager", killed=1, injured=3)
    charged = report("h-1", "Police arrested a man on murder charges in the Market Street shooting in Dayton that "
                     "wounded three.", injured=3, published=SUNDAY + timedelta(days=2))
    events = merge([dead, charged])
    assert len(events) == 1 and events[0].fatalities == 1
    # a report that says no one died still votes so
    unhurt = report("h-2", "Three people were wounded on Market Street in Dayton on Sunday and no one died, police "
                    "said.", injured=3, published=SUNDAY + timedelta(days=2))
    events = merge([dead, unhurt])
    assert len(events) == 1 and events[0].fatalities == 0


KETTERING = Place(8404, "Kettering", 39.6895, -84.1688, "United States", "US", "Ohio")


def test_a_murder_suicide_told_with_and_without_the_shooter_is_one_event():
    # one outlet counts the two children, the next day's story the father too; placed a town apart
    children = report("c-1", "Two children were found shot dead in a house on Marshall Road in Kettering on "
                      "Sunday, police said.", "Two children", killed=2, place=KETTERING)
    whole = report("f-1", "A father shot his son and daughter, then himself, as officers surrounded the home.",
                   "shot his son and daughter, then himself", killed=3, dated_by_words=False,
                   published=SUNDAY + timedelta(days=1))
    events = merge([children, whole])
    assert len(events) == 1 and events[0].fatalities == 3
    # a toll of three that tells no shooter's death is another family's
    other = replace(whole, span=replace(whole.span, text="Three people were found shot dead as officers "
                                        "surrounded a home."),
                    evidence={**whole.evidence, "fatalities": Span("f-1", 0, 12, "Three people")})
    assert len(merge([children, other])) == 2


def test_an_arrest_story_days_later_giving_the_same_toll_of_several_joins_the_killings():
    killings = report("k-1", "Three people were shot dead inside a house on Salem Avenue in Dayton on Sunday, "
                      "police said.", "Three people", killed=3)
    arrest = report("a-1", "Officers arrested a 31-year-old man on Friday in the deaths of three people found "
                    "in a Dayton house.", "three people", killed=3, day=SUNDAY + timedelta(days=5),
                    published=SUNDAY + timedelta(days=5))
    events = merge([killings, arrest])
    assert len(events) == 1 and events[0].date == SUNDAY
    # one death told five days later is as likely another shooting on the avenue: no such pull
    one = replace(killings, fatalities=1, span=replace(killings.span, text=killings.span.text.replace(
        "Three people were", "A man was")), evidence={**killings.evidence, "fatalities": Span("k-1", 0, 5, "A man")})
    one_later = replace(arrest, fatalities=1, span=replace(arrest.span, text=arrest.span.text.replace(
        "three people", "a man")), evidence={**arrest.evidence, "fatalities": Span("a-1", 0, 5, "a man")})
    assert len(merge([one, one_later])) == 2


def test_a_toll_rule_for_crime_holds_when_half_the_reports_code_a_crime():
    two = report("a-1", "Two men were shot dead in a car on Gettysburg Avenue in Dayton on Sunday.", "Two", killed=2)
    three = report("b-1", "Three men were killed in a car on Gettysburg Avenue in Dayton on Sunday.", "Three",
                   killed=3, disorder="Political violence")
    events = merge([two, three])
    assert len(events) == 1 and events[0].fatalities == 3
    # most reports coding political violence keep ACLED's lowest figure
    again = replace(three, doc_id="c-1", span=replace(three.span, doc_id="c-1"))
    events = merge([two, three, again])
    assert len(events) == 1 and events[0].fatalities == 2


def test_one_victim_told_shot_by_one_report_and_dead_by_another_is_not_also_wounded():
    shot = report("s-1", "A teenager shot himself while hunting with his father near Dayton on Sunday, "
                  "deputies said.", injured=1, hurt="shot himself")
    dead = report("d-1", "A Dayton high school student was killed in a hunting accident on Sunday, his school "
                  "said.", "was killed", killed=1)
    events = merge([shot, dead])
    assert len(events) == 1 and (events[0].fatalities, events[0].injuries) == (1, 0)
    # a report that counts one wounded besides the dead tells of a second victim
    counted = replace(shot, evidence={**shot.evidence, "injuries": Span("s-1", 0, 24, "One other hunter was hurt")})
    assert merge([counted, dead])[0].injuries == 1


def test_the_victims_of_a_report_whose_death_the_event_does_not_count_are_all_wounded():
    # One outlet counts four wounded; another counts four shot and, reading the funeral's own
    # homicide as a death of this shooting, one dead, so three wounded. The event counts no death.
    wounded = report("w-1", "Four mourners were wounded when shots rang out at a funeral on Hoover Avenue in Dayton "
                     "on Sunday.", injured=4, hurt="Four")
    text = ("Four people were shot at a funeral on Hoover Avenue in Dayton on Sunday for Mark Dunn, "
            "who was shot and killed last week.")
    shot = report("s-1", text, "was shot and killed", killed=1, injured=3, hurt="Four people were shot")
    events = merge([wounded, shot])
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (0, 4)
    # a report telling its three wounded, without a total of the victims, keeps its three
    three = ("Three people were wounded at a funeral on Hoover Avenue in Dayton on Sunday for Mark Dunn, "
             "who was shot and killed last week.")
    told_apart = replace(shot, span=replace(shot.span, text=three),
                         evidence={**shot.evidence, "injuries": Span("s-1", 0, 5, "Three")})
    assert merge([wounded, told_apart])[0].injuries == 3
    # where the event counts the death, the report's wounded are its victims less its dead
    second = replace(shot, doc_id="s-2", span=replace(shot.span, doc_id="s-2"), published=SUNDAY + timedelta(days=1))
    events = merge([wounded, shot, second])
    assert (events[0].fatalities, events[0].injuries) == (1, 3)


def test_of_two_wounded_figures_the_one_told_with_the_dead_in_one_sentence_wins():
    # The first report tells the whole toll at once; the second, next day, tells the wounded apart
    # and counts one fewer (a victim it told among the dead).
    whole = report("full-1", "A gunman killed two people and wounded three others at a barbershop on Third Street "
                   "in Dayton on Sunday.", "killed two people and wounded three others", killed=2, injured=3)
    whole.evidence["injuries"] = whole.evidence["fatalities"]
    apart_text = ("Two men died in the barbershop shooting on Third Street in Dayton on Sunday. Two other "
                  "customers were taken to Miami Valley Hospital.")
    apart = report("apart-1", apart_text, "Two men died", killed=2, injured=2, published=SUNDAY + timedelta(days=1),
                   hurt="Two other")
    events = merge([whole, apart])
    assert len(events) == 1 and (events[0].fatalities, events[0].injuries) == (2, 3)
    # two figures each told apart from the dead: the lower, as before
    two_sentences = ("A gunman killed two people at a barbershop on Third Street in Dayton on Sunday. Three "
                     "others were wounded.")
    at = two_sentences.index("Three")
    told_apart = replace(whole, span=replace(whole.span, end=len(two_sentences), text=two_sentences), evidence={
        **whole.evidence, "fatalities": Span("full-1", 9, 24, "killed two people"),
        "injuries": Span("full-1", at, at + 12, "Three others")})
    assert merge([told_apart, apart])[0].injuries == 2


def test_a_wounded_victim_whose_report_also_tells_another_dead_did_not_die_later():
    text = ("Police are looking for a gunman after a shooting on Linden Avenue in Dayton on Sunday that injured "
            "one man and left another dead.")
    wounded = report("w-1", text, injured=1)
    wounded.evidence["injuries"] = Span("w-1", 0, len(text), text)  # the death itself was not read as a toll
    charged = report("c-1", "A Dayton man was charged with murder in the shooting death on Linden Avenue on Sunday.",
                     "shooting death", killed=1, published=SUNDAY + timedelta(days=3))
    events = merge([wounded, charged])
    assert len(events) == 1 and (events[0].fatalities, events[0].injuries) == (1, 1)
    # a report telling only the wounded man, without the other death, may tell the victim who died
    alone = "A man was injured in a shooting on Linden Avenue in Dayton on Sunday, police said."
    only_shot = replace(wounded, span=replace(wounded.span, end=len(alone), text=alone),
                        evidence={**wounded.evidence, "injuries": Span("w-1", 0, len(alone), alone)})
    assert merge([only_shot, charged])[0].injuries == 0


def test_a_report_telling_its_victim_shot_and_dead_counts_no_wounded_besides():
    text = "A hunter was shot in the chest by his cousin near Dayton on Sunday and he died at the scene, deputies said."
    shot_and_dead = report("h-1", text, "he died", killed=1, injured=1, hurt="was shot in the chest")
    dead = report("h-2", "A Dayton man was killed in a hunting accident on Sunday, the sheriff's office said.",
                  "was killed", killed=1)
    events = merge([shot_and_dead, dead])
    assert len(events) == 1 and (events[0].fatalities, events[0].injuries) == (1, 0)
    # words of a victim alive in the wounded's sentence tell a second victim
    two = "A hunter was shot and wounded by his cousin near Dayton on Sunday and a friend died at the scene."
    second = replace(shot_and_dead, span=replace(shot_and_dead.span, end=len(two), text=two),
                     evidence={**shot_and_dead.evidence, "injuries": Span("h-1", 0, 8, "A hunter")})
    assert merge([second, dead])[0].injuries == 1


def test_a_round_up_whose_wounded_are_left_out_tells_no_death_without_wounded():
    text = "One man died and another was shot outside a club on Wayne Avenue in Dayton early Sunday, police said."
    club = report("c-1", text, "One man died", killed=1, injured=1, hurt="another was shot")
    roundup_text = ("Two people were killed and four others were hurt in three separate shootings in Dayton early "
                    "Sunday.")
    roundup = report("r-1", roundup_text, roundup_text, killed=2, injured=4)
    roundup.evidence["injuries"] = roundup.evidence["fatalities"]
    events = merge([club, roundup])
    assert len(events) == 1 and events[0].injuries == 1


def test_a_city_weekend_tally_gives_no_wounded_to_a_killing_another_report_tells():
    killing = report("k-1", "A 16-year-old boy was shot and killed on Salem Avenue in Dayton on Sunday, police said.",
                     "shot and killed", killed=1)
    tally_text = ("At least five people were killed and 20 others wounded in shootings across Dayton over the "
                  "weekend, including a 16-year-old boy on Salem Avenue on Sunday.")
    tally = report("t-1", tally_text, tally_text, killed=5, injured=20, published=SUNDAY + timedelta(days=1))
    tally.evidence["injuries"] = tally.evidence["fatalities"]
    events = merge([killing, tally])
    assert len(events) == 1
    assert events[0].fatalities == 1 and not events[0].injuries
    # the tally alone still tells what it tells
    assert merge([tally])[0].injuries == 20
