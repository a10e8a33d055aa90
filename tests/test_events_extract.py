"""Event sentences become Mentions with their roles, counts, claimants, dates and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events import extract
from sitrep.events.actors import localize_actors, sentence_actors
from sitrep.events.arguments import assign_roles
from sitrep.model import DAY, WEEK, Document, Place
from sitrep.nlp import analyze

PUBLISHED = date(2022, 3, 10)


def mentions(text: str, **kw):
    return extract(analyze(Document("doc-1", text, published=PUBLISHED)), **kw)


def only(text: str):
    found = mentions(text)
    assert len(found) == 1, [m.sub_event_type for m in found]
    return found[0]


def test_active_voice_initiator_and_target():
    m = only("Gunmen killed five villagers in Zamfara state on Tuesday, police said.")
    assert m.actor1.name == "Unidentified Armed Group" and m.actor2.category == "Civilians"
    assert m.fatalities == 5 and m.civilian_targeting
    assert m.attribution == "police"
    assert any(c.field == "fatalities" and c.value == 5 and c.claimant == "police" for c in m.claims)
    # police is the source of the account here, not a party to the event
    assert "Police" not in (m.actor1.name, m.actor2.name)


def test_passive_voice_agent_after_by_is_actor1():
    m = only("Five Palestinians were killed by Israeli forces in Jenin on Monday, according to the Health Ministry.")
    assert m.actor1.name == "Military Forces of Israel"
    assert m.actor2.name == "Civilians (Palestine)"
    assert m.fatalities == 5
    assert m.attribution == "the Health Ministry"


def test_passive_voice_without_agent_leaves_actor1_empty():
    # roles alone, on a fixed type: whatever the classifier makes of the sentence
    text = "Three civilians were shot dead in the market of Beni on Sunday night."
    analysis = analyze(Document("doc-1", text, published=PUBLISHED))
    roles = assign_roles(text, 0, len(text), sentence_actors(analysis, 0, len(text)),
                         "Violence against civilians", "Attack", None, [])
    assert roles.actor1 is None and "actor1" not in roles.evidence
    assert roles.actor2.category == "Civilians" and roles.evidence["actor2"].text == "civilians"


@pytest.mark.parametrize("text, agent, target", [
    ("A soldier was shot and killed in the market district by two armed men on Sunday.", "Unidentified Armed Group", "Military Forces"),
    ("Two policemen were wounded in a grenade attack by unknown assailants near the station.", "Unidentified Armed Group", "Police Forces"),
    ("A farmer was shot and wounded in the leg by a soldier near his field.", "Military Forces", "Civilians"),
    ("An off-duty soldier was shot dead outside his home by masked gunmen.", "Unidentified Armed Group", "Civilians"),
])
def test_agent_after_by_later_in_the_clause(text, agent, target):
    analysis = analyze(Document("doc-1", text, published=PUBLISHED))
    roles = assign_roles(text, 0, len(text), sentence_actors(analysis, 0, len(text)),
                         "Violence against civilians", "Attack", None, [])
    assert (roles.actor1.name, roles.actor2.name) == (agent, target)


def test_a_state_force_makes_violence_political():
    m = only("Soldiers shot dead a trader at a checkpoint in Beni on Monday, residents said.")
    assert m.actor1.category == "State forces" and m.disorder_type == "Political violence"


def test_protest_has_protesters_as_actor1_and_no_counterpart():
    m = only("Hundreds of protesters marched in Lagos on Friday against fuel prices.")
    assert m.event_type == "Protests"
    assert m.actor1.name == "Protesters" and m.actor2 is None
    assert m.fatalities is None


def test_riot_has_rioters_and_civilian_victim():
    m = only("An angry mob lynched a suspected thief in Kano on Saturday.")
    assert m.actor1.category == "Rioters" and m.actor2.category == "Civilians"
    assert m.fatalities == 1


def test_toll_in_next_sentence_joins_the_event():
    found = mentions("Militants attacked an army post near Gao on Sunday. Two soldiers and four attackers were killed.")
    assert len(found) == 1
    m = found[0]
    assert m.fatalities == 6  # attackers killed count too
    assert m.actor1.name == "Unidentified Armed Group" and m.actor2.name == "Military Forces"
    assert m.span.end > m.span.start and "attackers were killed" in m.span.text


def test_toll_that_adds_to_the_event():
    found = mentions("Militants attacked an army post near Gao on Sunday, killing five soldiers. One attacker also died.")
    assert [m.fatalities for m in found] == [6]


def test_clash_between_two_sides():
    m = only("On 16 March 2022, a soldier and a rebel were killed during a firefight between rebels and troops near Labo.")
    assert (m.actor1.name, m.actor2.name) == ("Unidentified Armed Group", "Military Forces")
    assert m.fatalities == 2


def test_deaths_a_peaceful_protest_is_about_are_not_its_toll():
    m = only("Hundreds of people marched in Cali on Friday to demand justice for three students killed by police in May.")
    assert m.sub_event_type == "Peaceful protest" and m.fatalities is None


def test_sentences_that_tell_more_of_the_same_event_add_no_event():
    found = mentions("On 23 April 2022, soldiers clashed with rebels in Kinyamahura. Casualties unknown. "
                     "The clashes came after the rebels seized two villages, a local source said.")
    assert len(found) == 1 and found[0].sub_event_type == "Armed clash"


def test_an_attack_on_an_armed_force_is_not_violence_against_civilians():
    m = only("Gunmen attacked soldiers at a checkpoint near Gao on Sunday, killing two.")
    assert m.actor2.name == "Military Forces"
    assert m.event_type != "Violence against civilians" and not m.civilian_targeting


def test_group_claiming_the_attack_becomes_its_initiator():
    found = mentions("Armed men attacked a village near Djibo on Sunday, killing 14 civilians.\n\n"
                     "JNIM, the al Qaeda-linked group, claimed the attack in a statement on Monday.")
    assert len(found) == 1
    assert found[0].actor1.name.startswith("JNIM")
    assert any(c.field == "actor1" and c.claimant == "JNIM" for c in found[0].claims)


def test_the_same_doers_again_tell_the_same_event():
    found = mentions("Gunmen stormed a village in Zamfara state on Sunday. They killed five farmers and burned houses.")
    assert len(found) == 1
    assert found[0].fatalities == 5 and found[0].actor1.name == "Unidentified Armed Group"
    assert found[0].actor2.category == "Civilians"


def test_toll_in_another_paragraph_does_not_join():
    found = mentions("Militants attacked an army post near Gao on Sunday.\n\nTwo soldiers died in a road accident last year.")
    assert [m.fatalities for m in found][:1] == [None]


def test_counts_injuries_and_arrests_separately():
    m = only("Russian forces shelled Kharkiv on Thursday, killing three civilians and wounding 12, the regional governor said.")
    assert (m.fatalities, m.injuries) == (3, 12)
    assert m.actor1.name == "Military Forces of Russia" and m.actor2.category == "Civilians"
    m = only("Police arrested 25 protesters and injured dozens in Nairobi on Friday.")
    assert (m.arrests, m.injuries, m.fatalities) == (25, 12, None)


def test_every_field_from_text_has_evidence_pointing_at_its_words():
    text = "Gunmen killed five villagers in Zamfara state on 3 March 2022, police said."
    m = only(text)
    assert text[m.evidence["fatalities"].start:m.evidence["fatalities"].end] == "five"
    assert all(span.text == text[span.start:span.end] for span in m.evidence.values())
    assert text[m.evidence["actor1"].start:m.evidence["actor1"].end] == "Gunmen"
    assert text[m.evidence["date"].start:m.evidence["date"].end].endswith("2022")
    assert m.date == date(2022, 3, 3) and m.date_precision == DAY
    assert "injuries" not in m.evidence and m.injuries is None


def test_date_without_words_is_the_published_week_without_evidence():
    m = only("Gunmen killed five villagers in a remote settlement, police said.")
    assert m.date == PUBLISHED and m.date_precision == WEEK and "date" not in m.evidence


def test_date_of_the_lede_governs_the_next_sentence():
    found = mentions("On 2 March 2022, fighting broke out in the north. Rebels ambushed a patrol near Kidal, killing four soldiers.")
    assert found and all(m.date == date(2022, 3, 2) for m in found)


@pytest.mark.parametrize("text", [
    "Eight people have been killed in three months in the district.",
    "The group threatened to attack the convoy if its demands were not met.",
    "The militia denied carrying out the attack on the village.",
    "Last year's attack on the market killed 30 people.",
    "Soldiers raid the camp every week, residents say.",
])
def test_non_events_yield_no_mention(text):
    assert mentions(text) == []


def test_criminal_violence_without_political_actor_and_acled_scope():
    text = "A man was shot dead in a robbery at a petrol station in Soweto on Friday."
    found = mentions(text)
    assert found and found[0].disorder_type == "Criminal violence"
    assert mentions(text, scope="acled") == []


def test_an_abduction_by_no_named_group_is_not_made_a_crime_by_default():
    # ACLED codes such abductions as political violence by an unidentified group; only the
    # report's words (the classifier) may call it crime
    m = only("Two foreign engineers were kidnapped on the road between Kaduna and Abuja on Sunday, "
             "the state government said.")
    assert m.sub_event_type == "Abduction/forced disappearance" and m.disorder_type == "Political violence"


def test_the_police_investigating_a_shooting_are_no_party_to_it():
    m = only("The city Police Department is investigating after a 4-year-old was shot in the hand "
             "at a hotel on Sunday morning.")
    assert m.actor2 is None and m.disorder_type == "Criminal violence"


def test_generic_actors_take_the_country_of_the_place():
    m = only("Police fired tear gas at protesters in La Paz on Monday.")
    m.place = Place(3911925, "La Paz", -16.5, -68.15, country="Bolivia", country_code="BO")
    localize_actors([m])
    names = {m.actor1.name, m.actor2.name if m.actor2 else ""}
    assert "Protesters (Bolivia)" in names


def test_bad_input_gives_no_mentions_not_an_error():
    assert mentions("") == []
    assert mentions("   \n\n  ") == []
    assert mentions("%%%% 12 ## ::") == []


def test_a_claim_of_the_blast_just_told_names_its_doer_and_adds_no_second_event():
    text = ("A bomb struck an army patrol near Gao on Monday, killing four soldiers. "
            "The jihadist group JNIM claimed the blast, which killed four soldiers.")
    mentions = extract(analyze(Document(id="c", text=text, published=date(2024, 2, 6))))
    violent = [m for m in mentions if m.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]
    assert len(violent) == 1 and violent[0].actor1 is not None and violent[0].actor1.name.startswith("JNIM")


def test_a_group_denying_an_attack_is_recorded_as_denying_it_and_vouches_for_no_toll():
    from sitrep.pipeline import extract as run
    [blast] = run([{"id": "kabul", "published": "2024-02-03",
                    "text": "The Taliban denied involvement in a blast that killed five people in Kabul on Friday."}])
    assert blast.actor1.name.startswith("Unidentified Armed Group") and blast.fatalities == 5
    assert [(c.field, c.claimant) for c in blast.claims if c.claimant] == [("actor1_denied", "The Taliban")]
    assert blast.disorder_type == "Political violence"


def test_an_attack_no_group_has_claimed_is_political_violence():
    from sitrep.pipeline import extract as run
    [attack] = run([{"id": "tillaberi", "published": "2024-02-03",
                     "text": "No group has claimed responsibility for an attack that killed seven villagers in "
                             "Tillaberi on Monday."}])
    assert attack.fatalities == 7 and attack.disorder_type == "Political violence"


def test_a_report_first_telling_the_attack_in_its_revised_toll_is_that_attack():
    """A follow-up whose lead only updates the toll still reports the attack: the merger needs it to
    update the incident (issue 5: "the death toll rose to seven")."""
    from sitrep.pipeline import extract as run
    [attack] = run([{"id": "maiduguri-update", "published": "2024-03-05",
                     "text": "MAIDUGURI - The death toll from Sunday's attack by Boko Haram militants on a market in "
                             "Maiduguri, Borno State, has risen to seven, a hospital official said on Tuesday. "
                             "Twelve other people were wounded."}])
    assert attack.sub_event_type == "Attack" and attack.disorder_type == "Political violence"
    assert (attack.fatalities, attack.injuries) == (7, 12)
    assert str(attack.date) == "2024-03-03"  # Sunday's, not the day of the update
    assert any(c.field == "fatalities" and c.value == 7 and c.claimant == "a hospital official" for c in attack.claims)


@pytest.mark.parametrize("text", [
    "The death toll from the earthquake in the mountain province has risen to 300, officials said.",
    "The death toll from the war in Sudan has risen to 15,000, according to the United Nations.",
    "The death toll from Israeli strikes on Gaza since October has risen to 30,000, the ministry said.",
])
def test_a_toll_of_no_one_attack_is_no_event(text):
    from sitrep.pipeline import extract as run
    assert run([{"id": "toll", "published": "2024-03-05", "text": text}]) == []


@pytest.mark.parametrize("between", [" ", "\n\n"])
def test_a_toll_revised_later_in_the_report_is_its_toll_and_no_second_event(between):
    from sitrep.pipeline import extract as run
    found = run([{"id": "kabul", "published": "2024-03-05",
                  "text": "A suicide bomber struck a mosque in Kabul on Friday, killing 40 worshippers." + between +
                          "The death toll from the bombing rose to 52 on Saturday, hospital officials said."}])
    assert len(found) == 1 and found[0].sub_event_type == "Suicide bomb"
    assert found[0].fatalities == 52 and found[0].evidence["fatalities"].text == "52"
    assert any(c.field == "fatalities" and c.value == 52 and c.claimant == "hospital officials" for c in found[0].claims)


def test_a_lower_figure_later_is_no_revision():
    from sitrep.pipeline import extract as run
    [bombing] = run([{"id": "kabul", "published": "2024-03-05",
                      "text": "A suicide bomber struck a mosque in Kabul on Friday, killing 40 worshippers.\n\n"
                              "The number of wounded rose to 30 on Saturday, hospital officials said."}])
    assert bombing.fatalities == 40 and bombing.injuries == 30
