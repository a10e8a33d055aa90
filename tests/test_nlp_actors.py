"""Actor mentions through the lexicon: named groups, nationality patterns, generic forces, neutrality."""

from __future__ import annotations

import pytest

from sitrep.model import ACTOR_CATEGORIES, Document
from sitrep.nlp import analyze, find_actors, load_actor_lexicon, resolve_actor


def names(text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.actor.name) for m in find_actors(text)]


def test_lexicon_is_large_and_valid():
    lex = load_actor_lexicon()
    orgs = {e.actor.name for e in lex.entries if not e.generated}
    assert len(orgs) >= 150
    assert all(e.actor.category in ACTOR_CATEGORIES for e in lex.entries)


@pytest.mark.parametrize("words", ["the IDF", "Israeli forces", "occupation forces", "the Israeli army",
                                   "Israeli soldiers", "Israel's army"])
def test_the_same_force_whatever_the_words(words):
    found = find_actors(f"Witnesses said {words} opened fire near the camp.")
    assert [(m.actor.name, m.actor.category, m.actor.country) for m in found] == [
        ("Military Forces of Israel", "State forces", "IL")]


@pytest.mark.parametrize("words", ["militants", "fighters", "terrorists", "resistance fighters", "insurgents",
                                   "gunmen"])
def test_unnamed_armed_groups_are_coded_alike(words):
    found = find_actors(f"The {words} attacked a checkpoint.")
    assert [(m.actor.name, m.actor.category) for m in found] == [("Unidentified Armed Group", "Political militia")]


@pytest.mark.parametrize("text, name, category", [
    ("Hamas fighters fired rockets.", "Hamas Movement", "Rebel group"),
    ("The al-Qassam Brigades claimed the attack.", "Hamas Movement", "Rebel group"),
    ("Saraya al-Quds said it shelled the post.", "PIJ: Palestinian Islamic Jihad", "Rebel group"),
    ("Hezbollah launched drones.", "Hezbollah", "Political militia"),
    ("Ansar Allah said its forces hit a ship.", "Military Forces of Yemen Supreme Political Council", "State forces"),
    ("Al-Shabaab militants stormed the base.", "Al Shabaab", "Rebel group"),
    ("JNIM claimed the ambush.", "JNIM: Group for Support of Islam and Muslims", "Rebel group"),
    ("The RSF shelled El Fasher.", "RSF: Rapid Support Forces", "Rebel group"),
    ("M23 rebels seized the town.", "M23: March 23 Movement", "Rebel group"),
    ("Daesh claimed responsibility.", "Islamic State", "Rebel group"),
    ("ISWAP fighters raided the base.", "Islamic State (West Africa)", "Rebel group"),
    ("Settlers attacked olive pickers.", "Settlers (Israel)", "Political militia"),
    ("The Tatmadaw bombed a school.", "Military Forces of Myanmar", "State forces"),
    ("The Arakan Army captured a post.", "ULA/AA: United League of Arakan/Arakan Army", "Rebel group"),
    ("The ELN released hostages.", "ELN: National Liberation Army", "Rebel group"),
    ("The CJNG is blamed for the killings.", "CJNG: Jalisco New Generation Cartel", "Political militia"),
    ("Wagner mercenaries were seen in the town.", "Wagner Group", "External/Other forces"),
])
def test_named_organizations(text, name, category):
    found = find_actors(text)
    assert [(m.actor.name, m.actor.category) for m in found] == [(name, category)]


@pytest.mark.parametrize("text, name, country", [
    ("Nigerian troops repelled the attack.", "Military Forces of Nigeria", "NG"),
    ("The Sudanese army said it retook the bridge.", "Military Forces of Sudan", "SD"),
    ("Malian soldiers were ambushed.", "Military Forces of Mali", "ML"),
    ("Kenyan police fired tear gas.", "Police Forces of Kenya", "KE"),
    ("U.S. forces struck a depot.", "Military Forces of the United States", "US"),
    ("Palestinian protesters threw stones.", "Protesters (Palestine)", "PS"),
    ("Congolese soldiers fled the town.", "Military Forces of the Democratic Republic of Congo", "CD"),
])
def test_nationality_patterns(text, name, country):
    found = find_actors(text)
    assert [(m.actor.name, m.actor.country) for m in found] == [(name, country)]
    assert found[0].actor.alias == found[0].span.text


def test_generic_forces_resolve_to_the_event_country():
    troops = find_actors("Troops opened fire.")[0].actor
    assert (troops.name, troops.country) == ("Military Forces", "")
    assert resolve_actor(troops, "NG").name == "Military Forces of Nigeria"
    demonstrators = find_actors("Demonstrators gathered.")[0].actor
    assert resolve_actor(demonstrators, "KE").name == "Protesters (Kenya)"
    # a state's forces abroad are external forces, as ACLED codes them
    assert resolve_actor(find_actors("Russian forces shelled the city.")[0].actor, "UA").category == "External/Other forces"


def test_acronyms_match_only_in_capitals():
    assert names("They let it go, and this is it.") == []
    assert names("IS claimed the attack.") == [("IS", "Islamic State")]


def test_sentence_end_breaks_a_phrase():
    assert names("He lives in Israel. Police said he was armed.") == [("Police", "Police Forces")]


def test_longest_match_wins():
    assert names("Israeli Border Police detained a man.") == [("Israeli Border Police", "Police Forces of Israel"),
                                                              ("man", "Civilians")]


def test_analyze_returns_actor_spans():
    doc = Document(id="d1", text="Gunmen killed two villagers in Zamfara.")
    found = analyze(doc).actors
    assert [(a.span.text, a.actor.category) for a in found] == [("Gunmen", "Political militia"), ("villagers", "Civilians")]
    assert all(doc.text[a.span.start:a.span.end] == a.span.text and a.span.doc_id == "d1" for a in found)


@pytest.mark.parametrize("text, name", [
    ("Gang members opened fire on a bus.", "Unidentified Gang"),
    ("Armed tribesmen blocked the highway.", "Unidentified Tribal Militia"),
    ("Clan militias clashed over grazing land.", "Unidentified Clan Militia"),
    ("A communal militia torched the market.", "Unidentified Communal Militia"),
])
def test_other_unnamed_groups(text, name):
    assert [m.actor.name for m in find_actors(text)] == [name]


def test_air_and_sea_strikes_name_the_force():
    assert names("Russian airstrikes hit the market.") == [("Russian airstrikes", "Military Forces of Russia")]
    assert names("Israeli gunboats fired at fishermen.") == [("Israeli gunboats", "Military Forces of Israel"),
                                                             ("fishermen", "Civilians")]


def test_a_nationality_decides_whose_occupation_forces():
    assert names("Russian occupation troops shelled the port.") == [("Russian occupation troops", "Military Forces of Russia")]
    assert names("Occupation forces raided the camp.") == [("Occupation forces", "Military Forces of Israel")]


def test_ambiguous_acronyms_need_their_context():
    assert names("Download the PDF of the report. Indiana DNR officers said.") == []
    assert names("In Sagaing, the PDF ambushed a convoy.") == [("PDF", "PDF: People's Defense Force")]


def test_acronyms_in_capitalized_runs_and_bylines_are_skipped():
    assert names("ANKARA (AA) - Talks resumed. SAC COUNTY, Iowa - A storm hit.") == []


def test_country_names_that_are_also_towns():
    assert names("The Lebanon Police Department said. LAS CRUCES, New Mexico - Police said.") == [
        ("Police", "Police Forces"), ("Police", "Police Forces")]
    assert names("Lebanon's army deployed.") == [("Lebanon's army", "Military Forces of Lebanon")]


def test_nationality_plurals_are_civilians_of_that_state():
    assert names("Three Afghans and two Palestinians were wounded.") == [
        ("Afghans", "Civilians (Afghanistan)"), ("Palestinians", "Civilians (Palestine)")]
    # a plural that is a country's own name is a place, not people
    assert names("Floods hit Laos and the Philippines.") == []


def test_a_nationality_before_a_force_decides_its_state():
    assert names("Turkish Border Police detained the smugglers.") == [
        ("Turkish Border Police", "Police Forces of Turkey")]
    assert [m.actor.country for m in find_actors("Russian occupation troops shelled the town.")] == ["RU"]


def test_off_duty_or_retired_members_of_a_force_are_civilians():
    found = find_actors("A retired Nigerian soldier and an off-duty police officer were kidnapped.")
    assert [(m.actor.name, m.actor.category) for m in found] == [
        ("Civilians (Nigeria)", "Civilians"), ("Civilians", "Civilians")]


@pytest.mark.parametrize("words", ["unknown men", "masked gunmen", "armed individuals", "unidentified assailants",
                                   "suspected militants", "extremists", "guerrillas"])
def test_unnamed_attackers_are_one_armed_group_whatever_the_words(words):
    found = find_actors(f"Residents said {words} torched the houses.")
    assert [(m.actor.name, m.actor.category) for m in found] == [
        ("Civilians", "Civilians"), ("Unidentified Armed Group", "Political militia")]


def test_gangs_are_named_as_gangs():
    assert names("Rival gangs fought over the market.") == [("Rival gangs", "Unidentified Gang")]


@pytest.mark.parametrize("text, name", [
    ("Suspected Murle militia abducted three children at a water point.", "Murle Ethnic Militia"),
    ("Pokot militiamen attacked the ward at dawn.", "Pokot Ethnic Militia"),
    ("Unidentified tribal militants clashed near the market.", "Unidentified Tribal Militia"),
])
def test_ethnic_and_tribal_militias_are_identity_militias(text, name):
    [first] = [a for a in find_actors(text) if a.actor.category != "Civilians"][:1]
    assert first.actor.name == name and first.actor.category == "Identity militia"


@pytest.mark.parametrize("text, name", [
    ("Late on Tuesday Kaduna militiamen stormed a farming settlement.", "Kaduna Communal Militia (Nigeria)"),
    ("Residents said a Zamfara militia burned the market.", "Zamfara Communal Militia (Nigeria)"),
    ("Members of a Niger militia fought with guards on the highway.", "Niger Communal Militia (Nigeria)"),
    ("Gunmen believed to be a South Kordofan communal militia robbed traders.", "South Kordofan Communal Militia (Sudan)"),
])
def test_a_region_name_before_militia_is_a_communal_militia(text, name):
    found = [m.actor for m in find_actors(text) if "Militia" in m.actor.name]
    assert [(a.name, a.category) for a in found] == [(name, "Identity militia")]


def test_region_militia_needs_the_capital_and_leaves_named_groups_alone():
    assert "Communal" not in " ".join(n for _, n in names("the central militia and the delta militia withdrew"))
    assert names("Hamas militia fired rockets") == [("Hamas militia", "Hamas Movement")]


def test_cult_militias_are_their_own_kind():
    found = find_actors("Members of an unidentified cult militia shot a shop owner in the evening.")
    assert (found[0].actor.name, found[0].actor.category) == ("Unidentified Cult Militia", "Political militia")
    assert resolve_actor(found[0].actor, "NG").name == "Unidentified Cult Militia (Nigeria)"


@pytest.mark.parametrize("text, name", [
    ("Forces of the IRG shelled the ridge; later IRG forces advanced.", "Military Forces of Yemen"),
    ("JWS fighters fired mortars across the river.", "JWS: Syrian National Army"),
    ("Fighters of the PKK-YJA STAR ambushed a patrol.", "PKK: Kurdistan Workers Party"),
    ("In Idleb, opposition rebels fired rockets at an outpost.", "Opposition Rebels (Syria)"),
    ("Regime helicopters dropped barrels on the valley.", "Military Forces of Syria"),
    ("Shells hit trenches held by the Donbass People's Militia.", "NAF: United Armed Forces of Novorossiya"),
])
def test_short_names_of_parties_in_conflict_reports(text, name):
    assert name in [m.actor.name for m in find_actors(text)]


def test_two_nationalities_share_one_force_noun():
    found = [(m.span.text, m.actor.name) for m in find_actors("Fighting went on between Russian and Ukrainian troops all night.")]
    assert found == [("Russian", "Military Forces of Russia"), ("Ukrainian troops", "Military Forces of Ukraine")]
    assert find_actors("Russian and Ukrainian diplomats met in Istanbul.") == []


def test_anti_before_a_name_names_its_enemies_not_the_group():
    assert "Military Forces of Yemen Supreme Political Council" not in [
        m.actor.name for m in find_actors("Anti-Houthi forces advanced on the district at dawn.")]
    assert [m.actor.name for m in find_actors("An anti-Taliban armed group announced its formation.")] == [
        "Unidentified Armed Group"]
