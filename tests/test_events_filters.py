"""Sentences that mention violence without reporting one specific event yield no Mention."""

from __future__ import annotations

import pytest

from sitrep.events.filters import non_event_reason


@pytest.mark.parametrize("sentence, kind", [
    ("Eight people have been killed in three months in the district.", "aggregate"),
    ("Since the start of the year, 40 civilians have been killed in the region.", "aggregate"),
    ("A research group counted at least 90 children killed by guns left within reach across the country "
     "between March, 2015, and March, 2016.", "aggregate"),
    ("Soldiers raid the camp every week, residents say.", "pattern"),
    ("The militia regularly attacks convoys on the northern road.", "pattern"),
    ("The group threatened to attack the convoy if its demands were not met.", "forecast"),
    ("Unions plan to march on parliament on Friday.", "forecast"),
    ("Officials said the cell had been planning shooting attacks on border villages.", "forecast"),
    ("The rebels could launch a new offensive before the rains.", "forecast"),
    ("The militia denied carrying out the attack on the village.", "denial"),
    ("If the talks fail, the army would storm the town.", "forecast"),
    ("Rights groups condemned the killing of three protesters.", "opinion"),
    ("Last year's attack on the market killed 30 people.", "background"),
    ("Two men were charged with the murder of a trader in the market.", "legal"),
    ("Six people were killed when a chemical plant exploded on Thursday morning.", "accident"),
    ("Fifteen people died after floods swept through the valley overnight.", "accident"),
    ("Russia expelled two US embassy staff in a retaliatory move.", "diplomacy"),
    ("Residents marked the anniversary of the massacre with a silent walk.", "background"),
])
def test_non_events_are_recognised(sentence, kind):
    assert non_event_reason(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Gunmen killed five villagers in Zamfara on Tuesday, police said.",
    "On 3 May 2022, police arrested 12 protesters outside the ministry.",
    "Relatives of reporters who were killed ten years ago demonstrated in the plaza to demand justice.",
    "No one was injured in the explosion, which damaged two shops.",
    "Militants attacked an army post overnight, and residents fear more violence could follow.",
    "On 18 March 2022, fighters clashed with soldiers near the river.",
    "A bomb exploded near a police station in the city centre, killing two officers.",
])
def test_specific_events_pass(sentence):
    assert non_event_reason(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    ("The commission is investigating allegations that guards beat detainees.", "opinion"),
    ("Deputies are investigating a two-vehicle crash that injured three people on the bypass.", "accident"),
])
def test_investigations_of_claims_and_crashes_stay_non_events(sentence, kind):
    assert non_event_reason(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Police are investigating a shooting that wounded two men outside a bowling alley on Friday.",
    "The sheriff's office is investigating the stabbing death of a 40-year-old man at a campground.",
])
def test_police_investigating_a_shooting_reports_the_shooting(sentence):
    """Local news opens its report of a shooting this way: the shooting is the event."""
    assert non_event_reason(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    # when a war began is background to today's report
    ("The insurgency in the northern provinces broke out in 2017.", "outbreak"),
    ("Fighting between the two factions erupted in March last year.", "outbreak"),
    # what a place suffered in an earlier war
    ("The port town was bombed during the civil war with the southern rebels.", "past_war"),
    # who holds an area, told to situate the report
    ("The mountain district is the only territory held by the rebels.", "control"),
    ("The coastal city is the movement's stronghold and was shelled many times.", "control"),
    # a habit, not one event
    ("Artillery units shell the villages along the river almost daily.", "pattern"),
    # a demand, and a party's account of why something happened, are statements
    ("Lawyers demanded the immediate release of the detained journalists.", "demand"),
    ("The union said the raids were intended to scare members away from the strike.", "motive"),
])
def test_background_and_statements_are_not_events(sentence, kind):
    assert non_event_reason(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Fighting broke out on Tuesday between rival militias in the market, killing four.",
    "Warplanes struck a fuel depot on Sunday during the war with the rebels, killing three.",
    "Police detained 20 students who called for the release of their teachers.",
    "Rebels shelled the town, which is held by the army, on Friday, killing two civilians.",
])
def test_events_told_with_such_words_stay_events(sentence):
    assert non_event_reason(sentence) is None
