"""Who a report attributes its account to is read as written, never a person's name."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events import extract
from sitrep.events.attribution import attributions, police_onlooker
from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.taxonomy import CRIMINAL


@pytest.mark.parametrize("sentence, claimant", [
    ("Gunmen killed five villagers in Zamfara on Tuesday, police said.", "police"),
    ("According to the Health Ministry, three Palestinians were killed.", "the Health Ministry"),
    ("Two soldiers were wounded in the ambush, said the army spokesman.", "the army spokesman"),
    ("A local source told reporters that the militants stormed the village.", "A local source"),
    ("The Syrian Observatory for Human Rights reported eight dead in the strike.", "The Syrian Observatory for Human Rights"),
    ("The army said it had repelled the attack.", "The army"),
])
def test_claimant_is_found(sentence, claimant):
    assert [a.claimant for a in attributions(sentence)][:1] == [claimant]


def test_pronouns_and_personal_names_are_not_claimants():
    assert attributions("He said 12 people were killed in the raid.") == []
    assert attributions("Ahmed Musa Bello said the attack began at dawn.") == []


def test_claimant_offsets_point_at_the_words():
    sentence = "Three people were killed, according to the local governor's office."
    a = attributions(sentence)[0]
    assert sentence[a.start:a.end] == a.claimant == "the local governor's office"


def _police_look_on(sentence: str) -> list[bool]:
    """For each police mention of the sentence: do they only look on (a source, not a party)?"""
    found = analyze(Document("t", sentence)).actors
    return [police_onlooker(sentence, a.span.start, a.span.end, a.actor.name)
            for a in found if a.actor.name.startswith("Police Forces")]


@pytest.mark.parametrize("sentence", [
    "Police are searching for two men who fled in a grey sedan after the shooting.",
    "Police: three wounded outside a downtown bar",
    "When police got to the apartment, they found a woman with a gunshot wound.",
    "Riverside police say the gunman fired into the crowd from a passing car.",
    "Police responded to reports of gunfire near the park shortly after 10 p.m.",
    "Police Lt. Dana Morrow said a teenager was hit in the arm.",
    "Eastside police on Monday arrested a man suspected of firing into a house.",
    "A neighbour told police a shooting victim was lying in the driveway.",
])
def test_police_who_report_or_search_only_look_on(sentence):
    assert _police_look_on(sentence) == [True]


@pytest.mark.parametrize("sentence", [
    "Police shot and killed a man who had pointed a rifle at them.",
    "Riot police fired tear gas at the crowd outside parliament.",
    "Gunmen ambushed a police patrol on the highway.",
    "Two policemen were wounded when the convoy came under fire.",
    "The driver was beaten by the police after the checkpoint.",
    "A gunfight with police left one of the robbers dead.",
    "Police forces and suspected gang members clashed near the market.",
    "Special Police Forces (SPF) ambushed militants on a motorcycle.",
])
def test_police_that_use_force_or_are_attacked_are_a_party(sentence):
    assert _police_look_on(sentence) == [False]


def test_police_investigating_a_shooting_are_no_party_of_it():
    found = extract(analyze(Document("r", "Police are looking for two men after a shooting on Maple Street left a "
                                     "teenager dead on Friday night.\nOfficers responded to a call about shots fired "
                                     "and found the victim in a car.")))
    violent = [m for m in found if m.event_type == "Violence against civilians"]
    assert len(violent) == 1 and violent[0].disorder_type == CRIMINAL
    assert all(a is None or not a.name.startswith("Police Forces") for a in (violent[0].actor1, violent[0].actor2))


def test_police_who_shoot_stay_the_actor():
    found = extract(analyze(Document("r", "Police shot and killed a man who opened fire on them outside a grocery "
                                     "store on Tuesday, the sheriff's office said.")))
    assert found and found[0].actor1 is not None and found[0].actor1.name.startswith("Police Forces")
    assert found[0].disorder_type != CRIMINAL


def _events(text: str) -> list:
    from sitrep.pipeline import extract as run_pipeline

    return run_pipeline([Document(id="claim-test", text=text, published=date(2024, 2, 3))])


@pytest.mark.parametrize("claim", [
    "JNIM claimed responsibility.",
    "JNIM claimed responsibility in a message posted online.",
    "JNIM later took credit, saying its fighters had planned the ambush for weeks.",
])
def test_a_bare_claim_after_the_attack_names_its_initiator(claim):
    found = _events("A roadside bomb struck a military convoy near Djibo on Wednesday, killing five soldiers. " + claim)
    assert len(found) == 1
    assert found[0].actor1 is not None and found[0].actor1.name.startswith("JNIM")


@pytest.mark.parametrize("denial", [
    "No group has yet claimed responsibility.",
    "JNIM has not claimed responsibility.",
    "JNIM has not claimed the attack.",
    "JNIM, which has claimed responsibility for similar attacks in the past, denied any role.",
    "JNIM did not immediately claim responsibility.",
    "JNIM had not immediately claimed responsibility.",
    "JNIM hasn't publicly claimed responsibility.",
    "JNIM denied involvement in the attack.",
])
def test_a_claim_denied_or_missing_names_no_initiator(denial):
    found = _events("A roadside bomb struck a military convoy near Djibo on Wednesday, killing five soldiers. " + denial)
    assert len(found) == 1
    assert not found[0].actor1.name.startswith("JNIM")


def test_a_group_claiming_an_attack_is_its_doer_not_a_source_of_the_account():
    assert attributions("Al-Shabaab claimed responsibility for the blast at the market.") == []
    # a group that only speaks of an attack is still a source
    assert [a.claimant for a in attributions("Al-Shabaab said nine soldiers died in the blast.")] == ["Al-Shabaab"]


@pytest.mark.parametrize("sentence, denier", [
    ("Boko Haram denied involvement in the ambush.", "Boko Haram"),
    ("The Taliban have denied any role in a blast that killed five people in Kabul.", "The Taliban"),
    ("Al-Shabaab has not claimed responsibility for an ambush that killed nine soldiers.", "Al-Shabaab"),
    ("A car bomb killed six people in Mogadishu on Friday, but Al-Shabaab denied responsibility.", "Al-Shabaab"),
])
def test_a_group_denying_an_attack_speaks_of_it_as_a_source(sentence, denier):
    # the denier is read without its auxiliaries, and a known group however its capitals look
    assert [a.claimant for a in attributions(sentence)] == [denier]


def test_a_person_who_denies_is_still_no_claimant():
    assert attributions("Musa Bello denied involvement in the shooting.") == []
