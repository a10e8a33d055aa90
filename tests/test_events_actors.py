"""Generic actors get ACLED's names from the event's country; state forces abroad are external."""

from __future__ import annotations

from sitrep.events.actors import crowd_actor, localize_actors, sentence_actors, target_only
from sitrep.model import Actor, Document, Mention, Place, Span
from sitrep.nlp import analyze

NIGERIA = Place(2335204, "Kaduna", 10.52, 7.44, country="Nigeria", country_code="NG")


def mention(actor1: Actor | None, actor2: Actor | None, place: Place | None = NIGERIA) -> Mention:
    return Mention("d", Span("d", 0, 1), "Violence against civilians", "Attack", actor1=actor1, actor2=actor2, place=place)


def found(text: str) -> list[str]:
    return [a.actor.name for a in sentence_actors(analyze(Document("d", text)), 0, len(text))]


def test_generic_actors_named_for_the_country():
    cases = {
        ("Police Forces", "State forces"): "Police Forces of Nigeria",
        ("Military Forces", "State forces"): "Military Forces of Nigeria",
        ("Protesters", "Protesters"): "Protesters (Nigeria)",
        ("Rioters", "Rioters"): "Rioters (Nigeria)",
        ("Civilians", "Civilians"): "Civilians (Nigeria)",
        ("Unidentified Armed Group", "Political militia"): "Unidentified Armed Group (Nigeria)",
    }
    for (name, category), expected in cases.items():
        m = localize_actors([mention(Actor(name, category, "x"), None)])[0]
        assert m.actor1.name == expected and m.actor1.country == "NG"


def test_acled_country_names_are_used():
    place = Place(None, "Goma", -1.68, 29.22, country="Congo, The Democratic Republic of the", country_code="CD")
    m = localize_actors([mention(None, Actor("Civilians", "Civilians", "villagers"), place)])[0]
    assert m.actor2.name == "Civilians (Democratic Republic of Congo)"


def test_named_and_placeless_actors_are_left_alone():
    named = Actor("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Rebel group", "Boko Haram")
    m = localize_actors([mention(named, Actor("Civilians", "Civilians", "farmers"), place=None)])[0]
    assert m.actor1 == named and m.actor2.name == "Civilians"


def test_state_force_abroad_is_external():
    israel = Actor("Military Forces of Israel", "State forces", "Israeli troops", "IL")
    place = Place(None, "Jenin", 32.46, 35.3, country="Palestine", country_code="PS")
    m = localize_actors([mention(israel, None, place)])[0]
    assert m.actor1.name == "Military Forces of Israel" and m.actor1.category == "External/Other forces"
    m = localize_actors([mention(israel, None, Place(None, "Haifa", 32.8, 35.0, country="Israel", country_code="IL"))])[0]
    assert m.actor1.category == "State forces"


def test_nationality_words_make_a_state_force_at_once():
    assert found("Nigerian troops repelled the attack.") == ["Military Forces of Nigeria"]
    assert found("Israeli occupation forces raided the camp.") == ["Military Forces of Israel"]
    assert found("Five Palestinians were wounded.") == ["Civilians (Palestine)"]


def test_bare_forces_name_no_one():
    assert found("The forces moved into the town.") == []
    assert found("Rapid Support Forces moved into the town.") == ["RSF: Rapid Support Forces"]


def test_kinds_named_by_nlp_lexicon_are_localized_too():
    militia = Actor("Fulani Ethnic Militia", "Identity militia", "Fulani militiamen")
    m = localize_actors([mention(militia, None)])[0]
    assert m.actor1.name == "Fulani Ethnic Militia (Nigeria)" and m.actor1.country == "NG"


def test_every_nationality_of_the_country_table_is_known():
    # one list of nationality words for the pipeline: nlp's country table, not a shorter copy
    assert found("Two Lithuanians and a Cambodian were injured.") == ["Civilians (Lithuania)"]
    assert found("Zambian soldiers secured the crossing.") == ["Military Forces of Zambia"]


def test_victim_words_fill_the_target_role_only():
    analysis = analyze(Document("d", "Gunmen abducted villagers near the market."))
    roles = {a.span.text: target_only(a.actor) for a in sentence_actors(analysis, 0, len(analysis.doc.text))}
    assert roles == {"Gunmen": False, "villagers": True}


def test_protests_and_riots_have_their_crowd_actor():
    assert (crowd_actor("Protests").name, crowd_actor("Protests").category) == ("Protesters", "Protesters")
    assert (crowd_actor("Riots").name, crowd_actor("Riots").category) == ("Rioters", "Rioters")
    assert crowd_actor("Battles") is None


def test_off_duty_members_of_a_force_are_civilians():
    assert found("An off-duty policeman was shot dead by gunmen.") == ["Civilians", "Unidentified Armed Group"]
    m = localize_actors([mention(None, Actor("Civilians", "Civilians", "off-duty soldier"))])[0]
    assert m.actor2.name == "Civilians (Nigeria)"


def test_small_territories_get_their_name_too():
    malta = Place(None, "Valletta", 35.9, 14.5, country="Malta", country_code="MT")
    m = localize_actors([mention(Actor("Protesters", "Protesters", "protesters"), None, malta)])[0]
    assert m.actor1.name == "Protesters (Malta)" and m.actor1.country == "MT"


def test_the_troops_of_a_later_sentence_are_the_force_the_report_named_not_the_local_one():
    from datetime import date

    from sitrep.model import Document
    from sitrep.pipeline import process_document

    text = ("Israeli troops raided the town of Tubas in the West Bank on Tuesday and exchanged fire with gunmen, "
            "killing two of them, the army said.\n\nOn Wednesday the troops returned and arrested three men and "
            "confiscated two rifles in Tubas, the army added.")
    mentions = process_document(Document(id="tubas", text=text, published=date(2024, 6, 4)))
    forces = {a.name for m in mentions for a in (m.actor1, m.actor2) if a and a.name.startswith("Military Forces")}
    # (arrests told as part of Tuesday's raid are that raid's; Wednesday's are an event of their own)
    assert len(mentions) >= 2 and forces == {"Military Forces of Israel"}


def test_the_rebels_of_a_report_naming_one_rebel_group_are_that_group():
    from sitrep.pipeline import extract

    text = ("Fighters of the M23 rebel group clashed with the Congolese army near Sake in North Kivu on "
            "Friday, residents said.\n\nLater that day the rebels said they had taken control of two "
            "villages in the hills above the town.")
    events = extract([Document(id="sake", text=text)])
    assert {e.sub_event_type for e in events} == {"Armed clash", "Non-state actor overtakes territory"}
    assert {e.actor1.name for e in events} == {"M23: March 23 Movement"}


def test_the_rebels_of_a_report_naming_two_rebel_groups_stay_unidentified():
    from sitrep.pipeline import extract

    text = ("Fighters of the M23 rebel group clashed with ADF rebels near Sake in North Kivu on "
            "Friday, residents said.\n\nLater that day the rebels said they had taken control of two "
            "villages in the hills above the town.")
    taken = [e for e in extract([Document(id="sake2", text=text)])
             if e.sub_event_type == "Non-state actor overtakes territory"]
    assert taken and taken[0].actor1.name.startswith("Unidentified Armed Group")
