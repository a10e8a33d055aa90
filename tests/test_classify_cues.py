"""Words that tell an event's kind whatever the statistical model read into the sentence
(data/model/cues.yaml), and the words a kind needs before the model's label stands: each report
below is coded as a user of ACLED's categories would code it, through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document
from sitrep.pipeline import extract


def _coded(text: str) -> list[tuple[str, str]]:
    """(sub-event type, disorder type) of each event `sitrep run` codes from one short report."""
    return [(e.sub_event_type, e.disorder_type) for e in extract([Document(id="cue-test", text=text)])]


def _types(text: str) -> set[str]:
    return {sub for sub, _ in _coded(text)}


@pytest.mark.parametrize("text", [
    "Gendarmes have jailed 35 men they accuse of preparing bomb attacks on polling stations in the north.",
    "The security services continue to detain students who organised last week's sit-ins, their lawyers say.",
])
def test_security_forces_that_jail_or_detain_people_make_an_arrest(text):
    assert _types(text) == {"Arrests"}


def test_a_group_that_has_taken_over_villages_overtakes_territory():
    text = ("A local administrator said on Monday that Mai-Mai fighters have taken over three villages "
            "in the hills above the lake.")
    assert _types(text) == {"Non-state actor overtakes territory"}


def test_people_told_abducted_by_armed_men_are_an_abduction_not_a_clash():
    text = ("Nine police reservists were abducted by gunmen at a checkpoint near the border town on "
            "Thursday night, a local official said.")
    assert _types(text) == {"Abduction/forced disappearance"}


@pytest.mark.parametrize("text", [
    "The militants suffered heavy losses in raids by government helicopters over the mountain villages.",
    "Army helicopters opened fire on rebel positions outside the town, a military spokesman said.",
])
def test_helicopters_firing_are_an_air_strike(text):
    assert _types(text) == {"Air/drone strike"}


def test_artillery_strikes_are_no_air_strike_without_an_aircraft():
    # the model reads "strikes" alone as an air strike; no aircraft, drone or air force is named
    text = ("On 3 March 2022, the army carried out artillery strikes against a suspected militant camp near "
            "the village of Tinakoff. Casualties unknown.")
    assert _types(text) == {"Shelling/artillery/missile attack"}


@pytest.mark.parametrize("text", [
    "On 12 May 2022, government warplanes bombed the market in the town, killing 12 people.",
    "On 4 June 2022, a drone struck a vehicle carrying fighters near the town.",
])
def test_strikes_by_aircraft_or_drones_stay_air_strikes(text):
    assert _types(text) == {"Air/drone strike"}


def test_the_strike_named_again_without_its_aircraft_stays_the_air_strike():
    text = ("Air strikes hit a fuel depot on the edge of the city on Wednesday, killing three workers, "
            "the local health office said. Residents said the depot in the Hawri district was crowded when "
            "the first strike hit shortly after noon.")
    assert _coded(text) == [("Air/drone strike", "Political violence")]


def test_wounded_treated_in_hospital_are_no_chemical_attack():
    # the model reads injuries told in few words as a chemical weapon; no agent is named
    text = "Four unnamed others were struck by gunfire and treated for various injuries."
    assert _types(text) == {"Attack"}


@pytest.mark.parametrize("text", [
    "Government forces dropped chlorine gas on the besieged district, residents said.",
    "Dozens were treated for breathing problems after a sarin attack on the town.",
])
def test_an_agent_named_keeps_a_chemical_weapon(text):
    assert _types(text) == {"Chemical weapon"}


@pytest.mark.parametrize("text", [
    "The gunman fled on foot and was captured in a neighboring county on Thursday.",
    "A man who ran from officers was captured and arrested on outstanding warrants.",
])
def test_a_person_captured_is_arrested_not_territory_taken(text):
    assert _types(text) == {"Arrests"}


def test_a_town_captured_is_still_territory_taken():
    assert _types("Rebels captured the town of Kalehe on Monday after heavy fighting.") == {
        "Non-state actor overtakes territory"}


def test_tanks_firing_on_positions_are_shelling():
    text = "Four park rangers were killed on Saturday when tanks fired on their post near the river."
    assert _types(text) == {"Shelling/artillery/missile attack"}


def test_grenades_hurled_at_soldiers_during_a_protest_are_a_grenade_attack():
    text = ("Two men in the crowd hurled three of their grenades at soldiers guarding the square during "
            "the opposition protest, killing two of them.")
    assert _types(text) == {"Grenade"}


def test_stun_grenades_thrown_by_police_at_a_protest_are_no_grenade_attack():
    text = ("Police threw stun grenades at hundreds of teachers protesting outside the ministry "
            "over unpaid wages.")
    assert "Grenade" not in _types(text)


def test_a_militia_breaking_up_a_sit_in_is_a_protest_with_intervention():
    text = ("Militiamen of the paramilitary forces broke up the sit-in outside the army barracks in the "
            "state capital on Monday morning.")
    assert _types(text) == {"Protest with intervention"}


def test_a_rape_told_as_a_crime_is_sexual_violence_and_stays_a_crime():
    text = "A 19-year-old woman was subjected to a brutal rape in a minibus on her way home from work."
    assert _coded(text) == [("Sexual violence", "Criminal violence")]


def test_guns_seized_from_a_murder_case_are_a_disrupted_weapons_use():
    text = ("Three pistols, one of them linked by detectives to a murder last year, and 200 rounds of "
            "ammunition were seized in two raids over the weekend.")
    assert _types(text) == {"Disrupted weapons use"}


def test_potential_explosive_devices_that_were_intercepted_are_no_forecast():
    text = ("Two parcels identified as potential explosive devices were intercepted by postal inspectors "
            "before they reached the senator's office.")
    assert _types(text) == {"Disrupted weapons use"}


def test_would_be_suicide_bombers_who_blew_themselves_up_did_act():
    text = ("Three would-be suicide bombers blew themselves up before they reached the checkpoint in the "
            "eastern province, a police spokesman said on Monday.")
    assert _types(text) == {"Suicide bomb"}


def test_a_suicide_bombing_after_a_photo_caption_is_its_own_event():
    text = ("A burnt-out car at the scene of bombings in the port city in 2019.  Five soldiers were "
            "wounded after a suicide bomber blew himself up beside their patrol, residents said.")
    assert "Suicide bomb" in _types(text)


def test_a_base_needs_to_be_named_for_a_base_to_be_established():
    text = ("Two fighters were killed when the explosives they were carrying went off by accident near "
            "a long-established market in the town.")
    assert "Headquarters or base established" not in _types(text)


def test_observation_points_set_up_by_an_army_are_a_base_established():
    text = "The Turkish army has set up four new military observation points in the countryside south of the city."
    assert _types(text) == {"Headquarters or base established"}


@pytest.mark.parametrize("text", [
    "About 4,000 people have fled villages around the district capital since the militia's raids, aid agencies said.",
    "Some 9,500 refugees from the fighting arrived at the border crossing on Tuesday and were registered.",
])
def test_people_displaced_in_numbers_are_a_strategic_development(text):
    assert _types(text) == {"Other"}


def test_a_suspect_who_fled_the_scene_is_no_displacement():
    text = "A man shot two people outside a bar on Main Street on Friday night and fled the scene, police said."
    assert "Other" not in _types(text)


def test_a_protest_whose_next_sentence_tells_stones_thrown_is_a_violent_demonstration():
    text = ("On 16 March, several hundred construction workers held a demonstration at the gate of the "
            "airport site in Mopa over unpaid wages. They pelted the police with stones when officers "
            "tried to move them away from the gate.")
    events = extract([Document(id="cue-test", text=text)])
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]
    assert events[0].actor1.name.startswith("Rioters")


def test_a_protest_whose_next_sentence_tells_only_chanting_stays_peaceful():
    text = ("On 16 March, several hundred construction workers held a demonstration at the gate of the "
            "airport site in Mopa over unpaid wages. They chanted slogans against the contractor and "
            "left in the afternoon.")
    assert _types(text) == {"Peaceful protest"}


@pytest.mark.parametrize("text", [
    "On 4 May, a local resistance force launched a mine attack on an army column near the village, killing three soldiers.",
    "Resistance fighters attacked a police patrol on the highway with two remote mines, wounding four officers.",
])
def test_a_mine_attack_on_troops_is_a_remote_explosive_not_a_clash(text):
    assert _types(text) == {"Remote explosive/landmine/IED"}


@pytest.mark.parametrize("text", [
    "A group of herders attacked and injured a farmer who confronted them over grazing on his field near the village.",
    "A gang of about ten youths assaulted a 15-year-old boy in the street, calling him sectarian names.",
])
def test_a_crowd_or_gang_beating_someone_is_mob_violence_not_a_crime_or_an_attack(text):
    assert _coded(text) == [("Mob violence", "Political violence")]


def test_armed_men_who_shot_a_man_are_no_mob():
    text = "On 9 May, a group of armed men shot dead a trader in a hamlet outside the district town."
    assert "Mob violence" not in _types(text)


@pytest.mark.parametrize("text", [
    ("On 3 May, about 40 students staged a sit-in outside the education ministry over exam fees. "
     "The police intervened to remove them from the entrance."),
    ("On 3 May, about 40 students staged a sit-in outside the education ministry over exam fees. "
     "Police cleared the entrance and arrested five of them."),
])
def test_a_peaceful_protest_the_police_break_up_is_one_with_intervention(text):
    assert _types(text) == {"Protest with intervention"}


def test_police_asking_a_crowd_to_leave_is_no_intervention():
    text = ("On 3 May, about 40 students staged a sit-in outside the education ministry over exam fees. "
            "The police asked them to disperse, and the protest remained peaceful.")
    assert _types(text) == {"Peaceful protest"}


@pytest.mark.parametrize("text", [
    ("On 7 January, students and lecturers staged a demonstration outside the courthouse to demand the "
     "release of 3 students who were arrested at an earlier march."),
    ("On 4 June, families and friends of two men arrested on Sunday blocked a lane of the coast road "
     "to demand their release."),
])
def test_the_arrests_a_protest_is_about_are_no_intervention(text):
    assert _types(text) == {"Peaceful protest"}


def test_a_death_investigated_as_a_suicide_is_no_suicide_bomb():
    # the model's "suicide" reading needs a bomb, a blast or a device to stand
    assert "Suicide bomb" not in _types("Boy's death in Clark County investigated as apparent suicide")
    assert "Suicide bomb" in _types("A suicide bomber detonated his explosives at a checkpoint outside the city on "
                                    "Monday, killing four soldiers, the army said.")


@pytest.mark.parametrize("text", [
    "A 14-year-old was killed in a hunting accident on Saturday when his uncle's rifle went off in a deer stand.",
    "Wildlife officers said a hunter was wounded by a member of his own party near Granite Ridge on Sunday.",
    "Girl, 6, hurt after her brother accidentally fires a pistol he found in a drawer",
])
def test_an_unintentional_shooting_is_gun_violence_told_as_crime(text):
    # gun-violence archives count shootings nobody meant; sitrep codes them as crime, which `--scope acled` drops
    assert _coded(text) == [("Attack", "Criminal violence")]


def _claimed(text: str) -> list:
    return extract([Document(id="claim-test", text=text, published=date(2024, 2, 3))])


@pytest.mark.parametrize("text, sub_type, group, killed", [
    ("Al-Shabaab claimed responsibility for an ambush that killed nine soldiers near Baidoa on Tuesday.",
     "Armed clash", "Al Shabaab", 9),
    ("ISWAP claimed responsibility for a raid that killed 11 farmers in a village near Monguno on Sunday.",
     "Attack", "Islamic State", 11),
    # the act's words name the aircraft: the next label is not sought past the air strike
    ("ISWAP has claimed responsibility for an airstrike that killed four people in the town.",
     "Air/drone strike", "Islamic State", 4),
])
def test_a_claim_that_first_tells_an_attack_is_that_attack_by_the_claimant(text, sub_type, group, killed):
    found = _claimed(text)
    assert [e.sub_event_type for e in found] == [sub_type]
    assert found[0].actor1.name.startswith(group) and found[0].fatalities == killed


@pytest.mark.parametrize("text", [
    # the attack was told first: the claim adds its initiator, never a second event
    "Gunmen ambushed an army patrol near Baidoa on Tuesday, killing nine soldiers. Al-Shabaab claimed "
    "responsibility for the ambush that killed the nine soldiers.",
    "Gunmen ambushed an army patrol near Baidoa on Tuesday, killing nine soldiers.\n\nAl-Shabaab later "
    "claimed responsibility for an ambush that killed nine soldiers near Baidoa.",
])
def test_a_claim_of_an_attack_told_before_adds_no_event(text):
    found = _claimed(text)
    assert len(found) == 1 and found[0].actor1.name.startswith("Al Shabaab")


def test_a_claimed_bombing_the_model_doubts_is_still_an_event_of_the_claimant():
    found = _claimed("The Islamic State claimed responsibility for a bombing that killed 17 worshippers at a "
                     "mosque in Peshawar on Friday.")
    assert len(found) == 1 and found[0].event_type != "Protests"
    assert found[0].actor1.name.startswith("Islamic State") and found[0].fatalities == 17


@pytest.mark.parametrize("text", [
    "Al-Shabaab claimed responsibility for last week's ambush in a statement on its radio station.",
    "The group has claimed responsibility for a string of attacks that killed dozens of people last year.",
    "Nobody has claimed responsibility for a string of ambushes that killed dozens of soldiers last year.",
    "The Taliban denied involvement in the blast.",  # the act told by no words of its own: nothing to code
    "The Taliban denied involvement in an attack, saying its fighters had killed no one.",  # harm denied too
    # a group's past, told to present it
    "Al-Shabaab, which claimed responsibility for a 2019 bombing that killed 80 people, is recruiting again.",
    "Al-Shabaab, which has claimed responsibility for a similar ambush that killed nine soldiers last year, "
    "is recruiting again.",
])
def test_a_claim_of_a_pattern_the_past_or_no_harm_is_no_event(text):
    assert _claimed(text) == []


@pytest.mark.parametrize("text, killed, disowner", [
    ("No group has claimed responsibility for an ambush that killed eleven gendarmes near Torodi on Wednesday.",
     11, None),
    ("Nobody has claimed responsibility for an ambush that killed nine soldiers near Baidoa on Tuesday.", 9, None),
    ("Al-Shabaab has not claimed responsibility for an ambush that killed nine soldiers near Baidoa.", 9, "Al Shabaab"),
    ("There has been no claim of responsibility for the explosion, which killed four traders at a bus station "
     "in Damaturu on Sunday.", 4, None),
    ("Al-Shabaab denied any role in a bombing that killed seven diners at a restaurant in Mogadishu on Friday.",
     7, "Al Shabaab"),
    ("The Taliban denied involvement in a blast that killed five people in Kabul on Friday.", 5, "Taliban"),
])
def test_an_attack_told_only_inside_a_missing_or_denied_claim_is_an_event_with_no_named_doer(text, killed, disowner):
    found = _claimed(text)
    assert len(found) == 1 and found[0].event_type in ("Battles", "Explosions/Remote violence")
    assert found[0].fatalities == killed
    doer = found[0].actor1
    # the denying group is never the doer: the attack stays unattributed
    assert doer is None or doer.name.startswith("Unidentified")
    if disowner:  # its denial is kept as what it said of the event
        assert any(c.claimant.endswith(disowner.split()[-1]) for c in found[0].claims)


@pytest.mark.parametrize("text", [
    "A blast killed five people at a mosque in Kabul on Friday; the Taliban denied involvement.",
    "An explosion killed six shoppers at a market in Jalalabad on Sunday, but the Taliban denied any role.",
])
def test_an_attack_told_before_a_denial_in_the_same_sentence_is_still_told(text):
    found = _claimed(text)
    assert [e.event_type for e in found] == ["Explosions/Remote violence"]
    # the Taliban (today the Afghan state's forces in the actor lexicon) only deny: no party of the blast
    assert found[0].actor1 is None or found[0].actor1.name.startswith("Unidentified")


_TOLD = "Gunmen on motorbikes killed seven villagers in Gidan Dawa, Zamfara State, on Thursday."


@pytest.mark.parametrize("after", [
    "No group has claimed responsibility for an attack that killed seven villagers.",
    "There was no immediate claim of responsibility for the attack, which killed seven villagers.",
    "Bandits denied any involvement in an attack that killed seven villagers.",
])
def test_a_missing_or_denied_claim_after_the_attack_adds_no_event_and_no_doer(after):
    alone = _claimed(_TOLD)
    found = _claimed(_TOLD + " " + after)
    assert len(found) == 1 == len(alone)
    assert (found[0].sub_event_type, found[0].actor1) == (alone[0].sub_event_type, alone[0].actor1)


@pytest.mark.parametrize("text, event_type", [
    ("JNIM claimed the ambush, which killed seven gendarmes on the road out of Ansongo on Saturday.", "Battles"),
    ("The Islamic State claimed responsibility for Friday's bombing of a Shia mosque in Kandahar that killed "
     "33 worshippers.", "Explosions/Remote violence"),
    ("No group has claimed the ambush, which killed seven gendarmes near Ansongo.", "Battles"),
])
def test_a_claim_of_the_attack_is_its_telling_where_the_report_told_none_before(text, event_type):
    from sitrep.events.classify import classify_claimed_act

    act = classify_claimed_act(text)
    assert act is not None and act.event_type == event_type and not act.criminal


@pytest.mark.parametrize("text", [
    "JNIM claimed the ambush in a statement on Sunday.",  # no harm told: the claim only
    "No group has claimed the ambush in the days since.",
    "The army said it killed seven militants near Ansongo on Saturday.",  # no claim at all
])
def test_a_claim_without_harm_or_denied_tells_no_act(text):
    from sitrep.events.classify import classify_claimed_act

    assert classify_claimed_act(text) is None
