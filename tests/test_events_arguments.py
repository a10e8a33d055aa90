"""Who is actor1 and actor2 of an event, read from realistic report sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sitrep.events.attribution import attributions
from sitrep.model import Document
from sitrep.pipeline import extract

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "wire_reports.jsonl"


def roles(text: str, published: str = "2024-03-10") -> list[tuple]:
    doc = Document(id="t", text=text, published=date.fromisoformat(published))
    return [(e.sub_event_type, e.actor1 and e.actor1.name, e.actor2 and e.actor2.name) for e in extract([doc])]


def actors_of(text: str) -> tuple:
    events = roles(text)
    assert events, text
    return events[0][1:]


def test_the_one_who_planted_the_mine_is_actor1():
    a1, a2 = actors_of("On 2 March 2024, an army truck struck an IED likely planted by JNIM militants "
                       "near Boni (Mopti, Mali). Two soldiers died.")
    assert a1 == "JNIM: Group for Support of Islam and Muslims"
    assert a2.startswith("Military Forces of Mali")


def test_shells_fired_by_a_force_name_the_force():
    a1, _ = actors_of("On 5 March 2024, artillery shells fired by the Myanmar military hit two houses "
                      "in a village of Bilin township (Mon state, Myanmar) and wounded a farmer.")
    assert a1 == "Military Forces of Myanmar"


def test_who_defuses_a_planted_device_stays_actor1():
    a1, a2 = actors_of("On 9 March 2024, soldiers found and defused two IEDs likely planted by JNIM "
                       "militants on the road out of Fada N'Gourma (Gourma, Burkina Faso).")
    assert a1.startswith("Military Forces")
    assert a2 == "JNIM: Group for Support of Islam and Muslims"


def test_an_earlier_clash_in_a_leading_phrase_is_not_the_event():
    a1, a2 = actors_of("On 7 March 2024, in Lashio township (Shan State, Myanmar), following the clashes "
                       "with the TNLA, the Myanmar military carried out airstrikes on two villages.")
    assert a1 == "Military Forces of Myanmar"
    assert a2 != a1


def test_clashes_between_a_known_force_and_an_unknown_group():
    a1, _ = actors_of("On 4 March 2024, clashes between SSPDF and Kitgwang forces were reported "
                      "near Jikou (Maiwut, Upper Nile, South Sudan). Casualties unknown.")
    assert a1 == "Military Forces of South Sudan"


def test_a_region_militia_is_an_identity_militia_whatever_the_noun():
    for noun in ("militiamen", "militia"):
        a1, _ = actors_of(f"On 3 March 2024, Katsina {noun} abducted six villagers when they raided "
                          "a hamlet near Batagarawa (Katsina, Nigeria).")
        assert a1 == "Katsina Communal Militia (Nigeria)"


def test_claimants_joined_by_and_are_both_sources_not_parties():
    text = "Two armed groups fought over the ridge on Sunday, residents and medical workers said."
    assert [a.claimant for a in attributions(text)] == ["residents and medical workers"]


def test_el_fasher_fighting_is_between_the_rsf_and_the_army():
    record = next(json.loads(line) for line in EXAMPLES.open(encoding="utf-8") if "El Fasher" in line)
    doc = Document(id=record["id"], text=record["text"],
                   published=date.fromisoformat(record["published"]))
    clash = next(e for e in extract([doc]) if e.sub_event_type == "Armed clash")
    assert {clash.actor1.name, clash.actor2.name} == {"RSF: Rapid Support Forces", "Military Forces of Sudan"}


def test_an_unnamed_group_the_report_identifies_is_coded_as_that_group():
    a1, _ = actors_of("On 8 March 2024, unknown gunmen believed to be IS ambushed a QSD patrol near "
                      "Tuwaymin (Al Hasakeh, Syria), killing two QSD members.")
    assert a1 == "Islamic State (Syria)"
    a1, _ = actors_of("On 6 March 2024, armed men who identified themselves as ELN members shot dead "
                      "a community leader in Litoral del San Juan (Choco, Colombia).")
    assert a1 == "ELN: National Liberation Army"


def test_the_acronym_is_is_no_passive_auxiliary():
    a1, a2 = actors_of("On 6 March 2024, IS attacked shepherds near Palmyra (Homs, Syria), killing three of them.")
    assert a1 == "Islamic State (Syria)"
    assert a2 == "Civilians (Syria)"


def test_a_named_armed_group_beating_someone_is_its_attack_not_a_riot():
    events = roles("On 24 January 2024, seven Imbonerakure beat up and injured a farmer on a hill near "
                   "Bubanza (Bubanza, Burundi) during a night patrol.")
    assert events[0][0] == "Attack"
    assert events[0][1].startswith("CNDD-FDD-Imbonerakure")


def test_settlers_throwing_stones_stay_a_crowd_of_rioters():
    events = roles("On 29 March 2024, Israeli settlers hurled stones at passing Palestinian cars near "
                   "Burin village (Nablus, West Bank).")
    assert events[0][1].startswith("Rioters")


def test_a_heading_before_a_colon_is_not_the_events_verb():
    a1, a2 = actors_of("Looting: On 29 April 2024, presumed JNIM militants seized livestock in a village "
                       "near Dori (Seno, Burkina Faso).")
    assert a1 == "JNIM: Group for Support of Islam and Muslims"
    assert a2 != a1


def test_a_group_claiming_to_have_killed_is_the_doer_not_a_source():
    a1, _ = actors_of("On 4 March 2024, ISWAP claimed to have killed five soldiers in an attack on a base "
                      "near Monguno (Borno, Nigeria).")
    assert a1 is not None and a1.startswith("Islamic State")


def test_fighters_of_a_named_group_are_the_group():
    a1, a2 = actors_of("Fighters of the M23 rebel group clashed with the Congolese army on the hills "
                       "west of Goma in North Kivu on Friday, residents said.")
    assert a1 == "M23: March 23 Movement"
    assert a2.startswith("Military Forces of the Democratic Republic of Congo")


def test_those_who_say_something_of_a_party_are_no_party():
    events = roles("The rebels, who the United Nations and several governments say are armed by a "
                   "neighbouring state, said they had taken control of three villages near Masisi.")
    assert [e[0] for e in events] == ["Non-state actor overtakes territory"]
    assert events[0][2] is None  # not the UN: it only speaks of the rebels
