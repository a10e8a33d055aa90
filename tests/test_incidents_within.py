"""Merging within one report: sentences that tell of the same event become one Mention."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.incidents import merge_within
from sitrep.incidents.rules import rules
from sitrep.model import DAY, TOWN, Actor, Claim, Document, Mention, Place, Span

POLICE = Actor("Police Forces of the United States", "State forces", "police", "US")
CHICAGO = Place(4887398, "Chicago", 41.85003, -87.65005, "United States", "US", "Illinois")
GARY = Place(4920423, "Gary", 41.59337, -87.34643, "United States", "US", "Indiana")
SATURDAY = date(2016, 6, 25)


def sentence(text: str, start: int, sub_type: str = "Attack", day: date | None = SATURDAY,
             place: Place | None = CHICAGO, killed: int | None = None, injured: int | None = None,
             claimant: str = "", confidence: float = 0.6) -> Mention:
    span = Span("doc-1", start, start + len(text), text)
    evidence = {"event_type": span}
    if killed is not None:
        evidence["fatalities"] = span
    if place is not None:
        evidence["place"] = span
    if day is not None:
        evidence["date"] = span
    claims = [Claim("fatalities", killed, claimant, span)] if claimant and killed is not None else []
    return Mention(doc_id="doc-1", span=span, event_type="Violence against civilians", sub_event_type=sub_type,
                   disorder_type="Criminal violence", date=day, date_precision=DAY if day else None,
                   place=place, geo_precision=TOWN if place else None, fatalities=killed, injuries=injured,
                   claims=claims, confidence=confidence, evidence=evidence)


def test_killed_then_toll_in_next_sentence_is_one_mention():
    lead = sentence("A gunman opened fire outside a bar in Chicago early Saturday, killing a man.", 0, killed=1)
    toll = sentence("Police said two people died and three others were wounded.", 78, day=None, place=None,
                    killed=2, injured=3, claimant="police")
    merged = merge_within([lead, toll])
    assert len(merged) == 1
    m = merged[0]
    assert (m.fatalities, m.injuries) == (2, 3)
    assert m.place == CHICAGO and m.date == SATURDAY
    assert m.evidence["fatalities"] == toll.span and m.evidence["place"] == lead.span
    assert [c.claimant for c in m.claims] == ["police"]


def test_listing_page_telling_the_same_story_twice_yields_one():
    first = sentence("Two men were shot dead in Chicago on Saturday night.", 0, killed=2)
    again = sentence("Two men were shot dead in Chicago on Saturday night, police said.", 2400, killed=2)
    assert len(merge_within([first, again])) == 1


def test_two_towns_in_one_report_stay_two():
    a = sentence("A man was shot and killed in Chicago on Saturday.", 0, killed=1)
    b = sentence("Hours later a woman was wounded in a shooting in Gary.", 60, place=GARY, injured=1)
    assert len(merge_within([a, b])) == 2


def test_another_shooting_in_a_roundup_stays_separate():
    a = sentence("A 23-year-old man was killed in a shooting in Chicago on Saturday.", 0, killed=1)
    b = sentence("In another shooting, two teenagers were wounded on the city's West Side.", 70, injured=2)
    assert len(merge_within([a, b])) == 2


def test_days_of_a_multi_day_operation_stay_apart_within_a_report():
    a = sentence("Gunmen attacked a checkpoint in Chicago on Saturday, killing one.", 0, killed=1)
    b = sentence("On Sunday another attack in Chicago killed two.", 70, day=date(2016, 6, 26), killed=2)
    assert len(merge_within([a, b])) == 2


def _side_act(text: str, start: int, sub_type: str, actor: Actor | None = None, **kw) -> Mention:
    m = sentence(text, start, sub_type=sub_type, **kw)
    if sub_type != "Abduction/forced disappearance":
        m.event_type, m.disorder_type = "Strategic developments", "Strategic developments"
    m.actor1 = actor
    return m


def test_an_arrest_after_the_shooting_on_its_day_and_in_its_town_is_part_of_it():
    # ACLED codes one event per act of violence; the arrest the report tells with it is no second one
    shot = sentence("A man was shot dead in Chicago on Saturday.", 0, killed=1)
    arrest = _side_act("Police arrested a suspect in Chicago on Saturday.", 50, "Arrests", POLICE, confidence=0.9)
    arrest.arrests = 1
    merged = merge_within([shot, arrest])
    assert len(merged) == 1
    m = merged[0]
    assert m.sub_event_type == "Attack" and m.fatalities == 1 and m.arrests == 1
    assert m.actor1 is None  # the police who arrested the suspect did not shoot the man


def test_an_arrest_on_another_day_or_told_first_stays_its_own_event():
    shot = sentence("A man was shot dead in Chicago on Saturday.", 0, killed=1)
    later = _side_act("Police arrested a suspect in Chicago on Tuesday.", 50, "Arrests", POLICE, day=date(2016, 6, 28))
    assert len(merge_within([shot, later])) == 2
    # "police forces arrested a journalist ..." then ill-treatment: the report's event is the arrest
    arrest = _side_act("Police arrested a journalist in Chicago on Saturday.", 0, "Arrests", POLICE)
    abuse = sentence("He said officers beat him in custody on Saturday.", 60)
    assert sorted(m.sub_event_type for m in merge_within([arrest, abuse])) == ["Arrests", "Attack"]


def test_weapons_seized_after_an_exchange_of_fire_are_part_of_the_clash():
    clash = sentence("A gang member exchanged fire with police in Chicago on Saturday and was killed.", 0,
                     sub_type="Armed clash", killed=1)
    seized = _side_act("Police seized a rifle, ammunition and drugs.", 90, "Disrupted weapons use", POLICE,
                       day=None, place=None, confidence=0.95)
    merged = merge_within([clash, seized])
    assert [(m.sub_event_type, m.fatalities) for m in merged] == [("Armed clash", 1)]


def test_air_strikes_of_a_side_in_a_ground_battle_are_the_battle_but_a_strike_told_first_is_its_own():
    army = Actor("Military Forces of Myanmar", "State forces", "the military", "MM")
    clash = sentence("Fighting broke out between the military and the KNDF in Chicago on Saturday.", 0,
                     sub_type="Armed clash")
    clash.actor1 = army
    strike = _side_act("The military conducted an airstrike with two fighter jets.", 80, "Air/drone strike", army,
                       day=None, place=None, confidence=0.95)
    strike.event_type = "Explosions/Remote violence"
    assert [m.sub_event_type for m in merge_within([clash, strike])] == ["Armed clash"]
    # "warplanes carried out airstrikes against PKK forces ..." then a stray clash: the strike stays
    first = _side_act("Warplanes carried out airstrikes on villages in Chicago on Saturday.", 0, "Air/drone strike",
                      army)
    first.event_type = "Explosions/Remote violence"
    later = sentence("The daily airstrikes and fighting in the area continued.", 80, sub_type="Armed clash",
                     day=None, place=None)
    assert "Air/drone strike" in [m.sub_event_type for m in merge_within([first, later])]


def test_a_seizure_in_another_town_stays_apart():
    clash = sentence("Gunmen clashed with police in Chicago on Saturday.", 0, sub_type="Armed clash")
    seized = _side_act("In Gary, police seized rifles on Saturday.", 60, "Disrupted weapons use", POLICE, place=GARY)
    assert len(merge_within([clash, seized])) == 2


def test_people_abducted_in_a_killing_are_part_of_the_attack_but_not_in_one_that_killed_none():
    killed = sentence("Armed men killed a man in Chicago on Saturday.", 0, killed=1)
    taken = _side_act("His wife was also abducted by the same armed men.", 50, "Abduction/forced disappearance",
                      day=None, place=None, confidence=0.9)
    merged = merge_within([killed, taken])
    assert [(m.sub_event_type, m.fatalities) for m in merged] == [("Attack", 1)]
    threatened = sentence("Armed men attacked a house in Chicago on Saturday.", 0)
    taken = _side_act("They abducted three people.", 52, "Abduction/forced disappearance", day=None, place=None)
    assert len(merge_within([threatened, taken])) == 2


def test_a_date_lent_by_the_report_does_not_split_its_sentences():
    lead = sentence("Four people were shot outside a Chicago nightclub early Sunday.", 0,
                    day=date(2016, 6, 26), injured=4)
    # The events stage gave the next sentence the report's date (Monday), from no words of its own.
    later = sentence("All four victims were taken to hospital in stable condition.", 70, place=None, injured=4)
    later.evidence.pop("date")
    assert len(merge_within([lead, later])) == 1


def test_an_earlier_attack_told_with_its_own_day_does_not_take_over_the_shooting_dated_from_the_lede():
    # The lede's sentence is dated Saturday night from the next sentence's words; far down, the
    # report recalls another shooting at the police, months before, with its day in its own words.
    text = ("Officers took cover after shots were fired at them overnight in Chicago.\n\n"
            "Seven people were wounded at a house party late Saturday night.\n\n"
            "It was the second time this year that police were fired on: on June 2 a sergeant was cut by "
            "glass when someone shot into her patrol car.")
    lead_text = text[:text.index("\n")]
    lead = sentence(lead_text, 0, injured=7)
    lead.evidence["date"] = Span("doc-1", text.index("late Saturday"), text.index(" night.") + 6, "late Saturday night")
    recalled_at = text.index("It was")
    recalled = sentence(text[recalled_at:], recalled_at, day=date(2016, 6, 2))
    merged = merge_within([lead, recalled])
    assert [(m.date, m.injuries) for m in merged] == [(SATURDAY, 7), (date(2016, 6, 2), None)]


def test_a_headline_joins_its_lede_past_a_sentence_naming_the_arrests_again_with_an_older_month():
    # "confirmed the arrests ... in January" names the arrests already told: its month dates the
    # charge's cause, and keeps neither the lede nor the headline apart from it
    from sitrep.ingest.headline import with_headline
    from sitrep.pipeline import process_document

    doc = Document("r2", "RAJSHAHI, Bangladesh, March 4 - Police in Rajshahi detained 20 members of an opposition "
                   "student group overnight, two days before a planned march, the group's leaders said on Monday.\n\n"
                   "A police spokesman confirmed the arrests and said those held faced charges over an arson "
                   "attack on a minibus in January.",
                   published=date(2024, 3, 4), title="Police detain 20 opposition students in Rajshahi before march")
    assert [(m.sub_event_type, m.date) for m in process_document(with_headline(doc))] == [
        ("Arrests", date(2024, 3, 4))]


def test_single_mention_and_empty_input_pass_through():
    one = sentence("A man was shot dead in Chicago on Saturday.", 0, killed=1)
    assert merge_within([one]) == [one]
    assert merge_within([]) == []


def test_given_the_report_each_mention_keeps_its_lead_without_the_headline():
    body = ("CHICAGO - A man was shot dead and a woman was wounded outside the Blue Note lounge on "
            "Cermak Road early Saturday, police said. " * 12).strip()
    doc = Document("doc-1", f"{body}\n\nMan killed outside Cermak Road lounge",
                   title="Man killed outside Cermak Road lounge - Chicago Daily")
    first = sentence("A man was shot dead outside the Blue Note lounge on Saturday.", 0, killed=1)
    gary = sentence("In an unrelated case, a teenager was wounded in Gary on Saturday.", 400, place=GARY, injured=1)
    found = merge_within([first, gary], doc)
    assert len(found) == 2
    leads = {m.lead for m in found}
    assert len(leads) == 1
    lead = leads.pop()
    assert lead.startswith("CHICAGO - A man was shot dead")
    assert len(lead) <= rules()["text"]["lead_chars"] and body.startswith(lead)
    assert body[len(lead)].isspace()  # cut between words
    assert "Man killed outside" not in lead  # the headline is not the lead


def test_arrests_told_in_the_next_sentence_make_a_protest_one_with_intervention():
    from sitrep.pipeline import extract

    text = ("Several hundred textile workers marched through the centre of Dhaka on Tuesday to demand "
            "unpaid wages. Twelve of them were detained, the organisers said.")
    events = extract([Document(id="march", text=text, published=date(2023, 3, 15))])
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_a_protest_without_arrests_stays_peaceful():
    from sitrep.pipeline import extract

    text = ("Several hundred textile workers marched through the centre of Dhaka on Tuesday to demand "
            "unpaid wages. The march ended outside the labour ministry in the afternoon.")
    events = extract([Document(id="march", text=text, published=date(2023, 3, 15))])
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def _stray(text: str, start: int, sub_type: str, event_type: str, disorder: str, actor: Actor | None = None,
           day: date | None = SATURDAY) -> Mention:
    """A toll-less sentence far down the report whose day and place the report's dateline lent it."""
    m = sentence(text, start, sub_type=sub_type, day=day)
    m.event_type, m.disorder_type, m.actor1 = event_type, disorder, actor
    m.evidence.pop("place")
    if day == SATURDAY:
        m.evidence.pop("date")
    return m


def test_a_toll_less_sentence_of_a_one_shooting_report_joins_the_shooting():
    shot = sentence("Three people were wounded when a gunman fired into a crowd in Chicago on Saturday.", 0,
                    injured=3)
    scene = _stray("Neighbours gathered behind the tape as detectives searched the block.", 2600,
                   "Peaceful protest", "Protests", "Demonstrations",
                   Actor("Protesters (United States)", "Protesters", "neighbours", "US"))
    merged = merge_within([shot, scene])
    assert len(merged) == 1
    m = merged[0]
    assert (m.sub_event_type, m.injuries, m.place, m.date) == ("Attack", 3, CHICAGO, SATURDAY)


def test_a_toll_less_sentence_about_another_day_or_a_force_stays_apart():
    shot = sentence("Three people were wounded when a gunman fired into a crowd in Chicago on Saturday.", 0,
                    injured=3)
    vigil = _stray("Relatives held a vigil for the victims on Sunday evening.", 2600, "Peaceful protest",
                   "Protests", "Demonstrations", day=date(2016, 6, 26))
    vigil.evidence["date"] = vigil.span  # the sentence names its own day
    troops = _stray("Soldiers shelled the outskirts overnight.", 3200, "Shelling/artillery/missile attack",
                    "Explosions/Remote violence", "Political violence",
                    Actor("Military Forces of Russia", "External/Other forces", "soldiers", "RU"))
    merged = merge_within([shot, vigil, troops])
    assert sorted(m.sub_event_type for m in merged) == ["Attack", "Peaceful protest",
                                                         "Shelling/artillery/missile attack"]


def test_a_toll_less_sentence_is_not_glued_into_one_of_two_shootings():
    a = sentence("A man was shot and killed in Chicago on Saturday.", 0, killed=1)
    b = sentence("In another shooting, two teenagers were wounded on the city's West Side.", 70, injured=2)
    scene = _stray("Officers canvassed the area for witnesses.", 2600, "Peaceful protest", "Protests",
                   "Demonstrations")
    assert len(merge_within([a, b, scene])) == 3


def test_a_headline_naming_the_nearby_city_is_the_leads_event_not_a_second_one():
    from sitrep.pipeline import extract

    text = ("Air strikes hit the village of Sarmin in northwest Syria on Thursday, killing four people, "
            "rescuers said.\n\nThe strikes struck a bakery and two houses. Rescue teams searched the rubble "
            "for hours after the raid, and the injured were taken to hospitals across the province. Aid "
            "groups said the strikes had forced dozens of families to leave the village for camps near "
            "the Turkish border, where shelters are already crowded.\n\n"
            + "The village lies on a plain of olive groves and wheat fields, and most of its families live "
            "from farming. Prices of bread, fuel and cooking gas have risen steeply across the province "
            "this winter, and many households now depend on food baskets from charities. "
            * 4)
    doc = Document(id="sarmin", text=text, title="Air strikes kill four near Syria's Idlib",
                   published=date(2024, 2, 23))
    from sitrep.ingest.headline import with_headline

    events = extract([with_headline(doc)])
    assert [(e.sub_event_type, e.fatalities) for e in events if e.fatalities] == [("Air/drone strike", 4)]


def _raid(text: str, start: int, sub_type: str, event_type: str, killed: int | None, place: Place | None) -> Mention:
    m = sentence(text, start, sub_type=sub_type, day=None if place is None else SATURDAY, place=place, killed=killed)
    m.event_type, m.disorder_type = event_type, "Political violence"
    m.actor1 = Actor("Military Forces of Israel", "State forces", "troops", "IL")
    return m


def test_the_same_toll_told_twice_in_one_report_is_one_event_not_two():
    """A raid told as a clash, then its missile fire with the same dead: counting both doubles the dead."""
    jenin = Place(293255, "Qabatiya", 32.41, 35.28, "Palestine", "PS", "West Bank")
    lead = _raid("Troops killed three gunmen in a raid on Qabatiya overnight, the army said.", 0,
                 "Armed clash", "Battles", 3, jenin)
    fire = "The soldiers fired shoulder-launched missiles at the house, and three armed men died in the exchange."
    told_again = _raid(fire, 260, "Shelling/artillery/missile attack", "Explosions/Remote violence", 3, None)
    merged = merge_within([lead, told_again])
    assert len(merged) == 1 and merged[0].fatalities == 3
    # the raid's own missile fire, with no toll, is part of the clash too (ACLED: one event) ...
    untolled = _raid(fire.split(",")[0] + ".", 260, "Shelling/artillery/missile attack", "Explosions/Remote violence",
                     None, None)
    assert [m.sub_event_type for m in merge_within([lead, untolled])] == ["Armed clash"]
    # ... but missiles that killed others, a toll of their own, are an event of their own
    other = _raid("Missiles fired at a house in the town killed two civilians.", 260,
                  "Shelling/artillery/missile attack", "Explosions/Remote violence", 2, None)
    assert len(merge_within([lead, other])) == 2


def test_the_arrests_named_again_with_an_older_date_beside_them_are_the_same_arrests():
    """"confirmed the arrests ... over an arson attack in March": March dates the arson, not a second arrest."""
    def arrest(text: str, start: int, trigger: str, day: date, precision: int) -> Mention:
        m = sentence(text, start, sub_type="Arrests", day=day)
        m.event_type, m.disorder_type, m.date_precision = "Strategic developments", "Political violence", precision
        at = start + text.index(trigger)
        m.evidence["event_type"] = Span("doc-1", at, at + len(trigger), trigger)
        return m

    first = arrest("Police in Chicago detained nine party activists overnight, officials said on Saturday.", 0,
                   "detained", SATURDAY, DAY)
    again = ("A police spokesman confirmed the arrests and said the men faced charges over an arson attack "
             "on a bus in March.")
    march = date(2016, 3, 1)
    assert len(merge_within([first, arrest(again, 200, "arrests", march, 3)])) == 1
    # a report telling arrests on another day in its own words still gives two events
    other = "Police detained three more activists in Chicago in March."
    assert len(merge_within([first, arrest(other, 200, "detained", march, 3)])) == 2


def test_a_headline_does_not_make_the_force_its_body_tells_was_hit_into_the_bomber():
    army = Actor("Military Forces of Somalia", "State forces", "army", "SO")
    body_text = "A suicide car bomb exploded at the gate of an army base in Chicago on Saturday, killing four soldiers."
    headline_text = "Suicide car bomb hits army base"
    text = body_text + "\n\n" + headline_text
    doc = Document(id="doc-1", text=text, title=headline_text)
    body = sentence(body_text, 0, sub_type="Suicide bomb", killed=4)
    headline = sentence(headline_text, len(body_text) + 2, sub_type="Suicide bomb", day=None, place=None)
    for m in (body, headline):
        m.event_type, m.disorder_type = "Explosions/Remote violence", "Political violence"
    body.actor2, headline.actor1 = army, army
    [merged] = merge_within([body, headline], doc)
    assert merged.actor1 is None and merged.actor2 == army and merged.fatalities == 4


def test_a_spokesman_confirming_the_attack_adds_no_second_event():
    def typed(text: str, start: int, sub_type: str, event_type: str, trigger: str, **kw) -> Mention:
        m = sentence(text, start, sub_type=sub_type, **kw)
        m.event_type, m.disorder_type = event_type, "Political violence"
        at = start + text.index(trigger)
        m.evidence["event_type"] = Span("doc-1", at, at + len(trigger), trigger)
        return m

    raid = typed("Armed men stormed a village near Chicago late on Saturday, shooting dead two men.", 0,
                 "Attack", "Violence against civilians", "stormed", killed=2)
    confirmed = typed("A police spokesman confirmed the attack and said tactical teams had been deployed to "
                      "track the kidnappers.", 90, "Change to group/activity", "Strategic developments", "attack",
                      day=None, place=None)
    [only] = merge_within([raid, confirmed])
    assert only.sub_event_type == "Attack" and only.fatalities == 2
    # the same words with a day and place of their own may tell of a new step, and stay
    dated = typed("Police said on Sunday the attack led them to send tactical teams to Gary.", 90,
                  "Change to group/activity", "Strategic developments", "attack", place=GARY,
                  day=date(2016, 6, 26))
    assert len(merge_within([raid, dated])) == 2


def test_armed_men_and_the_group_that_claimed_the_attack_are_not_two_sides_apart():
    """"Armed men attacked an army post" ... "the assailants fought the garrison" (the group that
    claimed it lent as doer): an unidentified group is no evidence of a different event."""
    from sitrep.incidents.compare import actor_points

    unknown = "Unidentified Armed Group (Burkina Faso)"
    army, jnim = "Military Forces of Burkina Faso", "JNIM: Group for Support of Islam and Muslims"
    assert actor_points({unknown, army}, {jnim}) == 0.0
    assert actor_points({army}, {jnim}) < 0  # two named forces with nothing shared still disagree
    assert actor_points({army, jnim}, {jnim}) > 0


def test_the_invading_forces_are_a_force_not_an_attack_named_again():
    raid = sentence("Troops raided a village near Chicago on Saturday, killing three men.", 0, killed=3)
    fought = sentence("Armed residents confronted the invading forces and hit their vehicles with explosives.",
                      80, sub_type="Armed clash", day=None, place=None)
    fought.event_type = "Battles"
    at = 80 + fought.span.text.index("invading")
    fought.evidence["event_type"] = Span("doc-1", at, at + len("invading"), "invading")
    assert len(merge_within([raid, fought])) == 2


def test_a_protest_the_police_break_up_later_in_the_report_is_one_with_intervention():
    police = Actor("Police Forces of the United States", "State forces", "police", "US")
    crowd = Actor("Protesters (United States)", "Protesters", "demonstrators", "US")
    march = sentence("Hundreds of demonstrators marched to City Hall in Chicago on Saturday.", 0,
                     sub_type="Peaceful protest", confidence=0.9)
    broken_up = sentence("Police later fired tear gas to disperse the crowd.", 80, sub_type="Protest with intervention",
                         day=None, place=None, confidence=0.5)
    for m in (march, broken_up):
        m.event_type, m.disorder_type, m.actor1 = "Protests", "Demonstrations", crowd
    broken_up.actor2 = police
    [protest] = merge_within([march, broken_up])
    assert protest.sub_event_type == "Protest with intervention"


def test_a_group_claiming_the_attack_identifies_the_armed_men():
    from sitrep.pipeline import extract

    text = ("NIAMEY, June 3 (Wire) - Armed men attacked an army post near Tera in western Niger on "
            "Sunday, killing nine soldiers, a security source said.\n\nThe attackers arrived on "
            "motorbikes at dawn and fought the soldiers for two hours before leaving. Islamic State "
            "Sahel Province claimed the attack in a statement on Monday.")
    doc = Document(id="tera", text=text, published=date(2024, 6, 3))
    events = [e for e in extract([doc]) if e.sub_event_type == "Armed clash"]
    assert len(events) == 1
    assert events[0].actor1 is not None and "Unidentified" not in events[0].actor1.name
    assert events[0].actor1.category in ("Rebel group", "Political militia")


# ---- one raid, whichever side's words tell it --------------------------------------------------

ARMY = Actor("Military Forces of Israel", "State forces", "occupation forces", "IL")
CELL = Actor("Unidentified Armed Group (Palestine)", "Political militia", "resistance fighters", "PS")
VILLAGERS = Actor("Civilians (Palestine)", "Civilians", "young men", "PS")
TUBAS = Place(281124, "Tubas", 32.32, 35.37, "Palestine", "PS", "West Bank")
WEDNESDAY = date(2023, 6, 21)


def raid_sentence(text: str, start: int, sub_type: str, actor1: Actor | None, actor2: Actor | None = None,
                  killed: int | None = None, arrested: int | None = None, confidence: float = 0.4) -> Mention:
    m = sentence(text, start, sub_type=sub_type, day=WEDNESDAY, place=TUBAS, killed=killed, confidence=confidence)
    m.event_type = {"Armed clash": "Battles", "Government regains territory": "Battles",
                    "Shelling/artillery/missile attack": "Explosions/Remote violence",
                    "Attack": "Violence against civilians", "Arrests": "Strategic developments",
                    "Disrupted weapons use": "Strategic developments"}[sub_type]
    m.disorder_type = "Strategic developments" if m.event_type == "Strategic developments" else "Political violence"
    m.actor1, m.actor2, m.arrests = actor1, actor2, arrested
    return m


def test_armed_groups_resistance_in_a_raid_report_is_the_raid_not_a_second_clash():
    killed = raid_sentence("Two young men were killed by army fire when troops swept into Tubas at dawn.", 0,
                           "Attack", ARMY, VILLAGERS, killed=2)
    resisted = raid_sentence("Local fighters fought back and set off a roadside charge against an army jeep.",
                             400, "Armed clash", CELL)
    [raid] = merge_within([killed, resisted])
    assert (raid.sub_event_type, raid.event_type) == ("Armed clash", "Battles")
    assert (raid.actor1, raid.actor2) == (ARMY, CELL)
    assert raid.fatalities == 2 and not raid.civilian_targeting


def test_resistance_told_apart_from_a_missile_strike_on_a_house_joins_the_raid():
    strike = raid_sentence("Troops fired missiles at a house in Tubas, killing the two men inside.", 0,
                           "Shelling/artillery/missile attack", ARMY, killed=2)
    resisted = raid_sentence("Local fighters fought back and set off a roadside charge against an army jeep.",
                             2000, "Armed clash", CELL)
    [raid] = merge_within([strike, resisted])
    assert (raid.sub_event_type, raid.actor1, raid.actor2, raid.fatalities) == ("Armed clash", ARMY, CELL, 2)


def test_a_clash_between_other_sides_in_the_raid_report_stays_its_own_event():
    killed = raid_sentence("Two young men were killed by army fire when troops swept into Tubas at dawn.", 0,
                           "Attack", ARMY, VILLAGERS, killed=2)
    police = Actor("Police Forces of Palestine", "State forces", "security services", "PS")
    feud = raid_sentence("Separately, a local gang traded fire with security services in the town.", 400,
                         "Armed clash", CELL, police)
    assert len(merge_within([killed, feud])) == 2


def test_a_force_told_only_as_the_dead_raided_nothing():
    ambush = raid_sentence("Gunmen shot dead two soldiers on the road out of Tubas on Wednesday.", 0,
                           "Attack", None, ARMY, killed=2)
    fight = raid_sentence("Local fighters fought a long gun battle in the hills overnight.", 400, "Armed clash", CELL)
    merged = merge_within([ambush, fight])
    assert not any(m.actor1 == ARMY for m in merged)  # the soldiers were the dead, not a raiding side


def test_a_town_stormed_with_killings_but_no_armed_group_is_an_attack_not_territory_regained():
    stormed = raid_sentence("Three residents were shot dead as soldiers stormed Tubas on Wednesday.", 0,
                            "Government regains territory", ARMY, VILLAGERS, killed=3)
    [m] = merge_within([stormed])
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.civilian_targeting and m.fatalities == 3


def test_a_town_retaken_from_an_armed_group_stays_territory_regained():
    retaken = raid_sentence("Troops retook Tubas from the armed group after a day of fighting, killing four.", 0,
                            "Government regains territory", ARMY, CELL, killed=4)
    [m] = merge_within([retaken])
    assert m.sub_event_type == "Government regains territory"


def test_a_force_arresting_people_is_coded_as_the_arrests_whatever_it_seized():
    seized = raid_sentence("Soldiers detained three men in Tubas and took away a rifle and bullets.", 0,
                           "Disrupted weapons use", ARMY, arrested=3)
    defused = raid_sentence("Army engineers blew up a bomb found under the road into Tubas.", 0,
                            "Disrupted weapons use", ARMY)
    assert merge_within([seized])[0].sub_event_type == "Arrests"
    assert merge_within([defused])[0].sub_event_type == "Disrupted weapons use"


def test_the_dead_of_a_clash_told_as_civilians_leave_the_armed_group_as_its_other_side():
    clash = raid_sentence("Two young men died as troops and villagers exchanged fire in Tubas on Wednesday.", 0,
                          "Armed clash", ARMY, VILLAGERS, killed=2, confidence=0.6)
    charges = raid_sentence("Local fighters threw explosive charges at the army jeeps.", 90, "Armed clash", CELL, ARMY)
    [m] = merge_within([clash, charges])
    assert (m.actor1, m.actor2) == (ARMY, CELL)


def test_two_shootings_a_roundup_tells_apart_stay_two_though_alike():
    # same day, same city, one wounded each: only the round-up's reading (events.roundup) tells them apart
    a = sentence("A 24-year-old man was wounded in Chicago on Saturday, police said.", 0, injured=1)
    b = sentence("A 19-year-old man was wounded in Chicago on Saturday, police said.", 90, injured=1)
    assert len(merge_within([a, b])) == 1  # two sentences of one report's one shooting
    a.part, b.part = 1, 2
    assert len(merge_within([a, b])) == 2


# A demonstration whose crowd turns violent (ACLED: a violent demonstration, the rioters against the
# force that intervened), told in the report's own order of events.
MARCH = "Thousands of teachers marched through Valparaiso on Wednesday to demand higher salaries. "
DISPERSED = "Police used water cannon and tear gas to disperse them, and 14 people were arrested."


def _events_of(text: str):
    from sitrep.pipeline import extract

    return extract([Document(id="march", text=text, published=date(2024, 5, 9))])


def _arrests(event) -> int:
    return max((m.arrests or 0) for m in event.mentions)


def test_a_march_part_of_whose_crowd_turns_violent_is_one_violent_demonstration():
    [riot] = _events_of(MARCH + "The rally stayed calm for most of the day. Later, a small group of masked "
                        "demonstrators hurled rocks at the regional government building and set fire to a car. "
                        + DISPERSED)
    assert (riot.event_type, riot.sub_event_type) == ("Riots", "Violent demonstration")
    assert riot.actor1.category == "Rioters"
    assert riot.actor2 is not None and riot.actor2.category == "State forces"
    assert _arrests(riot) == 14


def test_the_demonstration_named_again_as_it_turns_violent_still_makes_it_a_riot():
    # "The protest was mostly peaceful, but ..." names the march again: not a retelling to drop
    [riot] = _events_of(MARCH + "The protest was mostly peaceful, but a small group of masked youths hurled "
                        "rocks at the regional government building and set fire to a car. " + DISPERSED)
    assert riot.sub_event_type == "Violent demonstration" and riot.actor1.category == "Rioters"
    assert riot.actor2 is not None and riot.actor2.category == "State forces"
    assert _arrests(riot) == 14


def test_police_breaking_up_a_peaceful_march_leave_it_a_protest_with_intervention():
    [protest] = _events_of(MARCH + "Police used water cannon and tear gas to disperse the marchers outside the "
                           "regional government building, and 14 people were arrested.")
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor1.category == "Protesters" and protest.actor2.category == "State forces"


def test_violence_the_report_denies_leaves_the_march_peaceful():
    [march] = _events_of(MARCH + "The march ended outside the regional government building, and no clashes "
                         "or violence were reported.")
    assert march.sub_event_type == "Peaceful protest"


def test_the_bundled_cali_march_with_stones_and_a_burnt_bus_stop_is_one_riot(tmp_path):
    from pathlib import Path

    from sitrep.ingest.textfile import text_document
    from sitrep.pipeline import extract

    path = Path(__file__).resolve().parents[1] / "examples" / "protest_cali.txt"
    doc = text_document(path.read_text(encoding="utf-8"), "protest_cali", lambda reason: None)
    [riot] = extract([doc])
    assert (riot.sub_event_type, riot.actor1.name) == ("Violent demonstration", "Rioters (Colombia)")
    assert riot.actor2 is not None and riot.actor2.name.startswith("Police Forces of Colombia")
    assert riot.injuries == 11 and _arrests(riot) == 11


CROWD = Actor("Protesters (United States)", "Protesters", "demonstrators", "US")
RIOTERS = Actor("Rioters (United States)", "Rioters", "rioters", "US")


def _demo(text: str, start: int, sub_type: str, actor1: Actor, actor2: Actor | None = None, **kw) -> Mention:
    m = sentence(text, start, sub_type=sub_type, **kw)
    m.event_type = "Riots" if sub_type == "Violent demonstration" else "Protests"
    m.disorder_type, m.actor1, m.actor2 = "Demonstrations", actor1, actor2
    return m


def test_stones_thrown_by_part_of_the_crowd_make_the_march_and_its_dispersal_one_riot():
    march = _demo("Hundreds of demonstrators marched to City Hall in Chicago on Saturday.", 0,
                  "Peaceful protest", CROWD, confidence=0.9)
    stones = _demo("The march was calm at first, but some of them threw stones at the windows.", 80,
                   "Violent demonstration", RIOTERS, day=None, place=None, confidence=0.5)
    stones.evidence["event_type"] = Span("doc-1", 84, 89, "march")  # "The march": named again
    dispersal = _demo("Police fired tear gas to disperse the crowd and detained six people.", 170,
                      "Protest with intervention", CROWD, POLICE, day=None, place=None, confidence=0.8)
    dispersal.arrests = 6
    [riot] = merge_within([march, stones, dispersal])
    assert (riot.sub_event_type, riot.actor1, riot.actor2, riot.arrests) == ("Violent demonstration", RIOTERS, POLICE, 6)
    assert CROWD not in riot.assoc_actor_1


@pytest.mark.parametrize("words, other_side", [
    ("A group of counter-demonstrators attacked the marchers with sticks.", CROWD),  # violence at the march
    ("At the end a few of them threw snowballs at a police officer.", POLICE),  # nothing that harms
])
def test_violence_against_the_marchers_or_a_harmless_throw_does_not_make_the_march_a_riot(words, other_side):
    march = _demo("Hundreds of demonstrators marched to City Hall in Chicago on Saturday.", 0,
                  "Peaceful protest", CROWD, confidence=0.9)
    told = _demo(words, 80, "Violent demonstration", RIOTERS, other_side, day=None, place=None, confidence=0.5)
    assert "Peaceful protest" in [m.sub_event_type for m in merge_within([march, told])]


@pytest.mark.parametrize("text, sub_type, killed", [
    ("On 3 April 2023, soldiers exchanged fire with members of a criminal gang in Culiacan (Sinaloa). "
     "Two gang members were killed. The army seized four rifles and ammunition.", "Armed clash", 2),
    ("On 14 June 2023, youths threw stones at police vehicles in Nanterre after a funeral. "
     "Police fired tear gas and arrested four people.", "Mob violence", 0),
])
def test_a_report_of_one_act_of_violence_gives_one_event_through_the_pipeline(text, sub_type, killed):
    from sitrep.pipeline import extract

    events = extract([Document(id="r", text=text, published=date(2023, 7, 10))])
    assert [(e.sub_event_type, e.fatalities) for e in events] == [(sub_type, killed)]


def test_a_protest_about_a_war_abroad_gives_one_event_where_it_was_held():
    from sitrep.pipeline import extract

    text = ("On 5 March 2023, about 300 people demonstrated in Leipzig against rising energy prices. "
            "Some of them marched in solidarity with Russia over the war in Ukraine.")
    events = extract([Document(id="r", text=text, published=date(2023, 7, 10))])
    assert [(e.sub_event_type, e.place.name, e.actor1.name) for e in events] == [
        ("Peaceful protest", "Leipzig", "Protesters (Germany)")]


def test_a_raid_keeps_its_clash_sides_when_an_earlier_towns_arrests_join_that_towns_event():
    hebron = Place(285066, "Hebron", 31.53, 35.09, "Palestine", "PS", "West Bank")
    shot_at = raid_sentence("Troops fired at a car in Hebron before dawn.", 0, "Attack", ARMY)
    arrests = raid_sentence("They arrested two men in Hebron, the army said.", 50, "Arrests", ARMY, arrested=2)
    for m in (shot_at, arrests):
        m.place = hebron
    killed = raid_sentence("Two young men were killed by army fire when troops swept into Tubas at dawn.", 1200,
                           "Attack", ARMY, VILLAGERS, killed=2)
    resisted = raid_sentence("Local fighters fought back and set off a roadside charge against an army jeep.",
                             1600, "Armed clash", CELL)
    merged = merge_within([shot_at, arrests, killed, resisted])
    by_town = {m.place.name: m for m in merged}
    assert sorted(by_town) == ["Hebron", "Tubas"] and len(merged) == 2
    assert (by_town["Hebron"].sub_event_type, by_town["Hebron"].arrests) == ("Attack", 2)
    raid = by_town["Tubas"]
    assert (raid.sub_event_type, raid.actor1, raid.actor2, raid.fatalities) == ("Armed clash", ARMY, CELL, 2)
