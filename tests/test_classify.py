"""The event classifier on clear, realistic reports of each kind, and on texts that report no event."""

from __future__ import annotations

import pytest

from sitrep.events.classify import Classification, classify
from sitrep.taxonomy import sub_event_types

# Clear cases, written for the tests (not taken from the training corpus): text -> sub-type.
CLEAR_EVENTS = {
    "Insurgents and soldiers fought for three hours near the town of Dikwa on Wednesday, and 11 fighters died.":
        "Armed clash",
    "Fighter jets bombed a fuel depot on the outskirts of the city late on Tuesday, killing two guards.":
        "Air/drone strike",
    "A suicide bomber detonated an explosive belt at the gate of a police academy, killing nine recruits.":
        "Suicide bomb",
    "Separatist artillery shelled the railway station in the eastern town overnight, the regional governor said.":
        "Shelling/artillery/missile attack",
    "A roadside bomb struck an army truck on the road to Kismayo, killing four soldiers.":
        "Remote explosive/landmine/IED",
    "Several hundred nurses marched peacefully to the health ministry to demand overdue salaries.":
        "Peaceful protest",
    "Gunmen kidnapped 14 passengers from a bus travelling on the Abuja-Kaduna highway.":
        "Abduction/forced disappearance",
    "Witnesses said helicopters dropped barrels of chlorine on the besieged district, leaving many struggling to breathe.":
        "Chemical weapon",
    "An attacker hurled a grenade into a crowded bus station, wounding eight people.":
        "Grenade",
    "Troops backed by air strikes recaptured the district town from the insurgents on Sunday.":
        "Government regains territory",
    "Rebels overran the garrison and took control of the town after the soldiers fled.":
        "Non-state actor overtakes territory",
    "Angry demonstrators torched two police vehicles and stoned officers during a protest against the tax increase.":
        "Violent demonstration",
    "The warring parties signed a ceasefire deal in the capital after two weeks of talks.":
        "Agreement",
    "Police arrested 25 members of the opposition party at their headquarters.":
        "Arrests",
}

NON_EVENTS = [
    "The foreign ministers of both countries met in Vienna to discuss a new trade agreement.",
    "A magnitude 6.8 earthquake struck the mountainous province, flattening hundreds of homes.",
    "The national side beat their neighbours 3-0 in a World Cup qualifier on Saturday.",
    "Shares in the telecoms company rose sharply after it announced quarterly profits.",
    "The court adjourned the trial of the former army chief until next month.",
]


def test_api_shape():
    out = classify(["Police dispersed a rally of opposition supporters with tear gas.", ""])
    assert len(out) == 2 and all(isinstance(c, Classification) for c in out)
    labelled = out[0]
    assert labelled.sub_event_type in sub_event_types()
    assert labelled.event_type == sub_event_types()[labelled.sub_event_type]
    assert 0.0 < labelled.confidence <= 1.0
    assert classify([]) == []


@pytest.mark.parametrize("text,expected", list(CLEAR_EVENTS.items()))
def test_clear_events(text, expected):
    (c,) = classify([text])
    assert c.sub_event_type == expected, f"{text!r} -> {c}"
    assert not c.criminal


def test_non_events_mostly_rejected():
    rejected = [c.sub_event_type is None for c in classify(NON_EVENTS)]
    assert sum(rejected) >= len(NON_EVENTS) - 1, list(zip(NON_EVENTS, rejected))


def test_aggregate_and_forecast_are_not_events():
    out = classify([
        "Since January, more than 400 people have been killed in attacks across the region, the UN said.",
        "Officials fear militants may try to attack polling stations during next week's election.",
    ])
    assert [c.sub_event_type for c in out] == [None, None]


def test_violent_crime_is_criminal():
    (c,) = classify(["Two armed robbers shot dead a jeweller during a hold-up at his shop, police said."])
    assert c.criminal and c.sub_event_type == "Attack"


def test_neutral_vocabulary_same_label():
    """The same killing reported with either side's words gets the same sub-type."""
    out = classify([
        "Israeli forces shot dead a Palestinian man during a raid on the Balata camp, the health ministry said.",
        "Occupation forces martyred a young Palestinian during their storming of the Balata camp.",
    ])
    assert out[0].sub_event_type == out[1].sub_event_type == "Attack"


def test_weapon_cue_does_not_override_a_seizure():
    """"grenades" is a cue for a grenade attack, but seized grenades are a disrupted weapons use."""
    (c,) = classify(["Soldiers confiscated hand grenades and assault rifles hidden in a farmhouse near the border."])
    assert c.sub_event_type == "Disrupted weapons use"


def test_bad_input_does_not_crash():
    out = classify([None, 42, "   ", "x" * 20000])  # type: ignore[list-item]
    assert len(out) == 4
    assert out[0].sub_event_type is None and out[1].sub_event_type is None


def test_neutral_rewrite_equals_rewriting_pattern_by_pattern():
    """The one-pass phrase rewrite gives what applying the vocabulary's patterns in order gives."""
    import re

    from sitrep.events.features import NeutralRewriter
    from sitrep.events.train import _neutral_pairs

    pairs = _neutral_pairs()
    assert pairs, "the neutral vocabulary could not be read"
    rewriter = NeutralRewriter(pairs)
    texts = [
        "Occupation forces martyred two young men during the storming of the camp.",
        "The army said its troops neutralised five terrorists in a cowardly ambush near the border.",
        "Resistance fighters targeted enemy soldiers with explosive charges, the group said.",
        "Police said gunmen and bandits attacked the village, and the assailants fled.",
        "Farmers marched peacefully to the district office.",
    ]
    for text in texts:
        expected = text.lower()
        for pattern, word in pairs:
            expected = re.sub(rf"\b(?:{pattern.lower()})\b", word, expected)
        assert rewriter(text.lower()) == " ".join(re.findall(r"\b\w[\w'-]*\b", expected)), text


def test_feature_rows_are_unit_length_and_ignore_unknown_words():
    from sitrep.events.features import NeutralRewriter, TextFeatures

    features = TextFeatures(NeutralRewriter([])).fit(["rebels shelled the town", "police arrested protesters"])
    rows = features.transform(["rebels shelled the police station", "zzz qqq", ""]).toarray()
    assert abs((rows[0] ** 2).sum() - 1.0) < 1e-5
    assert not rows[1].any() and not rows[2].any()


def test_feature_ids_match_the_features_of_each_sentence(shared_data):
    """The fast transform (feature ids cached per word, counts without scipy's COO pass) gives the
    matrix that counting features_of() string by string gives, on real news sentences."""
    import json

    import numpy as np

    from sitrep.events.features import features_of
    from sitrep.events.train import load_model
    from sitrep.nlp.sentences import split_sentences

    features = load_model().features
    texts = []
    with open(shared_data / "gva" / "documents.jsonl", encoding="utf-8") as f:
        for line, _ in zip(f, range(40)):
            record = json.loads(line)
            texts += [s.text.lower() for s in split_sentences(record.get("content") or "")]
    texts += ["", "2014 12 5", "the the the the"]  # no features; figures only; one repeated word
    got = features.transform(texts)
    vocabulary = features.vocabulary
    for row, text in enumerate(texts):
        counts: dict[int, int] = {}
        for feature in features_of(features.rewriter.words(text), features.roles):
            if feature in vocabulary:
                counts[vocabulary[feature]] = counts.get(vocabulary[feature], 0) + 1
        columns = np.array(sorted(counts), dtype=np.int64)
        weights = (1.0 + np.log(np.array([counts[c] for c in columns], dtype=np.float32))) * features.idf[columns]
        if weights.size:
            weights /= np.sqrt((weights * weights).sum())
        line = got.getrow(row)
        assert list(line.indices) == list(columns), text
        assert np.allclose(line.data, weights, rtol=1e-6), text


def test_cue_screen_passes_every_sentence_a_non_event_cue_matches(shared_data):
    """The word-start screen before the non-event rules lets through every sentence in which some
    kind's pattern matches (it may let through more, never less), month "May" and all."""
    import json

    from sitrep.events.filters import _any_cue
    from sitrep.events.lexicons import nonevent_kinds
    from sitrep.nlp.sentences import split_sentences

    screen = _any_cue()
    sentences = ["Police said the suspect may have fled.", "The shooting happened on May 5.",
                 "Officers did not fire.", "Gunmen have been carrying out raids.", "Five years ago, a man died."]
    with open(shared_data / "gva" / "documents.jsonl", encoding="utf-8") as f:
        for line, _ in zip(f, range(300)):
            sentences += [s.text for s in split_sentences(json.loads(line).get("content") or "")]
    matched = [s for s in sentences if any(k.pattern.search(s) for k in nonevent_kinds())]
    assert len(matched) > 100  # the check means something
    assert [s for s in matched if not screen(s)] == []
    assert screen("Police said the suspect may have fled.") and not screen("Two men were shot on Main Street.")


def test_cue_anchors_never_hide_a_matching_pattern():
    """The cheap substring test before each override pattern only skips texts it cannot match."""
    from sitrep.events.classify import _override_cues

    texts = [
        "An air raid destroyed the bridge.", "Aerial bombardment of the town continued.",
        "A kamikaze drone hit the depot.", "UAVs struck the convoy.", "Israeli aircraft struck the camp.",
        "A suicide car bomber rammed the gate.", "The attacker blew himself up.", "An SVBIED exploded.",
        "Militants lobbed a hand grenade.", "A landmine killed two.", "An IED went off.",
        "A booby-trap exploded in the house.", "A magnetic bomb stuck to the car exploded.",
        "Residents smelled chlorine after the strike.", "A nerve agent was used.", "Poisonous gas was released.",
        "Crowds pelted the convoy with rocks.", "Stone-pelting went on for hours.", "Youths burned tyres on the road.",
        "Mourners set ablaze a police post.", "Clashes erupted between soldiers and demonstrators.",
        "Officers clubbed a protester at the rally.", "The army dropped sarin gas bombs on the town.",
        "Bombs were found in a car.", "Police recovered an arms cache in the forest.", "The girl was raped.",
        "Rioting broke out downtown.", "Dozens of workers held a rally at the port.", "An RPG hit the truck.",
    ]
    for cue, anchor in _override_cues()[0]:
        for text in texts:
            lowered = text.lower()
            if cue.anchors and cue.pattern.search(lowered):
                assert any(a in lowered for a in cue.anchors), (cue.sub_event_type, text)
                assert anchor is None or anchor.search(lowered), (cue.sub_event_type, text)


def test_who_takes_the_town_decides_the_territory_sub_type():
    """Same verb, sides swapped: the taker decides between the two territory sub-types."""
    out = classify([
        "Government troops captured the hilltop town of Kalemie from the rebels after two days of fighting.",
        "The rebels captured the hilltop town of Kalemie from government troops after two days of fighting.",
    ])
    assert [c.sub_event_type for c in out] == ["Government regains territory", "Non-state actor overtakes territory"]


def test_actor_roles_name_the_taker_and_the_loser():
    from sitrep.events.train import actor_roles

    roles = actor_roles()
    words = "the soldiers recaptured the district from the militants on sunday".split()
    assert set(roles.features(words)) == {"@gain_subj=state", "@gain_from=armed_group"}
    assert roles.features("protesters threw stones at the police station".split()) == [
        "@act_subj=crowd", "@act_obj=state", "@act=crowd>state"]
    assert roles.features("the weather was calm".split()) == []


def test_the_target_of_force_tells_a_battle_from_an_attack_on_civilians():
    """Armed men firing on soldiers is a battle; the same men firing on villagers, an attack."""
    from sitrep.events.train import actor_roles

    roles = actor_roles()
    assert "@act=armed_group>state" in roles.features("the militants attacked soldiers at the checkpoint".split())
    assert "@act_obj=civilian" in roles.features("the militants attacked passengers at the bus station".split())
    out = classify([
        "Gunmen opened fire on soldiers guarding the bridge, and the troops fired back for an hour.",
        "Gunmen opened fire on farmers working in their fields near the village, killing four of them.",
    ])
    assert [c.sub_event_type for c in out] == ["Armed clash", "Attack"]


def test_violence_by_demonstrators_is_a_riot_and_force_on_a_peaceful_march_is_not():
    out = classify([
        "Demonstrators hurled rocks and petrol bombs at the police and set a patrol car alight.",
        "Police broke up a peaceful march of teachers with tear gas and detained six of them.",
        "Security forces fired live rounds at peaceful marchers, killing two and wounding many.",
    ])
    assert [c.sub_event_type for c in out] == [
        "Violent demonstration", "Protest with intervention", "Excessive force against protesters"]


def test_local_shooting_news_codes_as_criminal_attack():
    """US-style shooting reports: a gun that goes off or shots into a crowd are crimes, not
    remote explosives or force against protesters."""
    out = classify([
        "The pistol went off while the two cousins were handling it, and a 7-year-old was hit in the leg.",
        "A man in a passing car fired into a group of people outside a party, wounding three.",
    ])
    assert all(c.criminal and c.sub_event_type == "Attack" for c in out), out


def test_how_local_news_opens_and_follows_up_a_killing_is_a_criminal_attack():
    """A body found with gunshot wounds, a victim who dies later, a suspect charged in the
    shooting death: each names the act, so the report has its event."""
    out = classify([
        "Deputies discovered a man dead from several gunshot wounds in a ditch off County Road 9 on Monday.",
        "A 20-year-old woman wounded in the shooting outside a nightclub last week died on Sunday.",
        "A teenager was charged on Friday in the shooting death of a pizza delivery driver.",
    ])
    assert all(c.criminal and c.sub_event_type == "Attack" for c in out), out


def test_burning_tyres_make_a_road_blockade_a_riot_and_a_protest_about_a_killing_stays_a_protest():
    out = classify([
        "A crowd of neighbours blocked the ring road and burned tires to protest the eviction of street traders.",
        "Neighbours of a boy shot dead by a guard marched to the town hall to demand a trial.",
    ])
    assert [c.sub_event_type for c in out] == ["Violent demonstration", "Peaceful protest"], out


def test_accidents_sharing_words_with_attacks_stay_non_events():
    out = classify([
        "A tanker truck overturned on the bypass and its load of fuel caught fire, killing the driver.",
        "Five people died after drinking bootleg liquor at a wedding, health officials said.",
    ])
    assert [c.sub_event_type for c in out] == [None, None], out


def test_acled_definitions_decide_between_types_that_share_words():
    """An armed group's raid on an army post is a battle; gunmen who kill an unarmed elder, an
    attack on civilians; a crowd that beats a suspect, mob violence."""
    out = classify([
        "Insurgents stormed an army outpost on the edge of the town before dawn and were driven off after an hour.",
        "Two gunmen shot dead a respected elder as he walked home from the mosque.",
        "An angry crowd caught a man they suspected of stealing a bicycle and beat him badly.",
    ])
    assert [c.sub_event_type for c in out] == ["Armed clash", "Attack", "Mob violence"], out


def test_dates_and_figures_do_not_decide_the_label():
    """A report coded with its date and toll, or told without them, is the same kind of event."""
    from sitrep.events.features import features_of

    assert features_of("on may gunmen killed villagers".split()) == features_of(
        "on 13 may 2022 gunmen killed 4 villagers".split())
    out = classify(["On 13 May 2022, gunmen killed 4 villagers near the market.",
                    "On Friday, gunmen killed several villagers near the market."])
    assert out[0].sub_event_type == out[1].sub_event_type == "Attack", out


def test_the_taker_named_decides_territory_whatever_the_verb():
    """"Retook" is not the government's word: rebels retake towns too. The first actor of the
    verb's clause takes the place (not the one fought against), forces fighting alongside the
    army make it the government's gain, and a place left without a fight changes hands
    non-violently (ACLED's definitions of the three sub-types)."""
    from sitrep.events.classify import territory_by_taker

    assert territory_by_taker("Boko Haram fighters retook the market town of Gwoza from the army on "
                              "Friday.") == "Non-state actor overtakes territory"
    assert territory_by_taker("After a night of fighting with the army, insurgents took control of the "
                              "market town.") == "Non-state actor overtakes territory"
    assert territory_by_taker("Residents said that insurgents had taken over two villages near the lake "
                              "overnight.") == "Non-state actor overtakes territory"
    assert territory_by_taker("The port town was retaken by the army on Monday.") == "Government regains territory"
    assert territory_by_taker("The district fell to the rebels after a week of fighting.") == \
        "Non-state actor overtakes territory"
    assert territory_by_taker("The militia took over the border post once the soldiers guarding it had "
                              "pulled back.") == "Non-violent transfer of territory"
    assert territory_by_taker("Residents fled as the town was shelled.") is None  # no taking of a place
    out = classify(["The army and allied tribal militias captured the district centre on Saturday."])
    assert out[0].sub_event_type == "Government regains territory"


def test_acled_protest_definitions_decide_within_the_protest_family():
    """Force that kills or hurts peaceful demonstrators while breaking them up is excessive force;
    demonstrators who throw stones or fight the police make a violent demonstration (even when
    the model read an armed clash); destruction with no crowd named is property destruction; a
    march against a killing by the police stays a peaceful protest."""
    from sitrep.events.classify import cue_label

    out = classify([
        "Police fired tear gas and live rounds to disperse the demonstrators, killing three of them.",
        "Students marched through the town centre on Saturday to denounce the police shooting of a classmate.",
    ])
    assert [c.sub_event_type for c in out] == ["Excessive force against protesters", "Peaceful protest"]
    assert cue_label("Soldiers beat several demonstrators with rifle butts outside the governor's office.",
                     replacing="Protests") == "Excessive force against protesters"
    assert cue_label("Hundreds of protesters threw bottles at the police, who fired tear gas to disperse them.",
                     replacing="Protests") == "Violent demonstration"
    assert cue_label("Police dispersed the sit-in with tear gas and arrested twelve students.",
                     replacing="Protests") is None
    assert cue_label("Demonstrators and riot police clashed for hours outside the ministry.",
                     replacing="Armed clash") == "Violent demonstration"
    assert cue_label("Militants clashed with the police outside the ministry.", replacing="Armed clash") is None
    assert cue_label("Unknown arsonists set fire to a bank branch and two shops overnight.",
                     replacing="Violent demonstration") == "Looting/property destruction"
    assert cue_label("Market traders burned the police post, accusing officers of beating a vendor.",
                     replacing="Violent demonstration") is None


def test_unmistakable_event_words_override_no_event():
    """A few phrasings tell an event whatever the rest of the sentence says; plain talk stays none."""
    from sitrep.events.classify import cue_label

    assert cue_label("Doctors said helicopters had dropped chlorine gas bombs on the district the night before.",
                     replacing="none") == "Chemical weapon"
    assert cue_label("Army engineers defused a roadside bomb planted near the school gate.", replacing="none") == \
        "Disrupted weapons use"
    assert cue_label("Hundreds of teachers staged a protest outside the ministry despite a ban.",
                     replacing="none") == "Peaceful protest"
    assert cue_label("Rioting broke out in the port city after the verdict was read.", replacing="none") == \
        "Violent demonstration"
    assert cue_label("The minister said talks on the border dispute would resume next week.", replacing="none") is None
    assert cue_label("Officials warned of the risk of chemical weapons being used.", replacing="none") is None


def test_arrests_at_a_peaceful_protest_make_it_one_with_intervention():
    from sitrep.events.classify import protest_after_arrests

    assert protest_after_arrests("Peaceful protest", 3) == "Protest with intervention"
    assert protest_after_arrests("Peaceful protest", None) == "Peaceful protest"
    assert protest_after_arrests("Peaceful protest", 0) == "Peaceful protest"
    assert protest_after_arrests("Violent demonstration", 12) == "Violent demonstration"
    assert protest_after_arrests(None, 2) is None


def test_crowd_violence_outside_a_demonstration_is_mob_violence():
    """ACLED's mob violence is a crowd's violence with no demonstration told; the keyword fallback
    never reads an event into the mere absence of protest words."""
    from sitrep.events.classify import cue_label

    assert cue_label("Villagers beat a suspected thief to death after catching him in a shop.",
                     replacing="Violent demonstration") == "Mob violence"
    assert cue_label("Residents demanding clean water threw stones at the governor's office.",
                     replacing="Violent demonstration") is None
    assert cue_label("Rioters torched cars in the city centre.", replacing="Violent demonstration") is None
    assert cue_label("The minister met the ambassador on Tuesday.") is None


def test_weapons_seized_with_no_harm_told_are_a_disrupted_weapons_use():
    from sitrep.events.classify import cue_label

    assert cue_label("Customs officers confiscated a crate of pistols and two hand grenades hidden in a lorry.",
                     replacing="Explosions/Remote violence") == "Disrupted weapons use"
    assert cue_label("An attacker threw a grenade at the police post, wounding two officers.",
                     replacing="Explosions/Remote violence") == "Grenade"


def test_who_holds_the_people_decides_arrests_or_abduction():
    """ACLED codes arrests only for detentions by state forces: a rebel group or militia that
    "arrests" people abducts them, and a state force that detains a suspect arrests him even when
    the report speaks of kidnapping."""
    out = classify([
        "SDF forces arrested two men in a raid on a village, accusing them of links to the Islamic State.",
        "A local militia arrested three traders accused of working with the government.",
        "Soldiers detained a man accused of abducting children.",
        "Police detained four traders at the market on Tuesday, accusing them of smuggling fuel.",
    ])
    assert [c.sub_event_type for c in out] == ["Abduction/forced disappearance", "Abduction/forced disappearance",
                                               "Arrests", "Arrests"]
    assert {c.event_type for c in out[:2]} == {"Violence against civilians"}


def test_the_detainer_named_decides_whatever_the_verb():
    """The detainer is the doer of the verb of taking people, also after "by" in the passive; a
    state force that kidnaps is not made to arrest; people held out of sight, for conscription
    or as human shields are abducted whoever holds them (ACLED's forced disappearance)."""
    from sitrep.events.classify import detention_by_detainer

    abduction = "Abduction/forced disappearance"
    assert detention_by_detainer("Two aid workers were arrested by rebel fighters at a checkpoint.") == abduction
    assert detention_by_detainer("Two aid workers were arrested by soldiers at a checkpoint.") == "Arrests"
    assert detention_by_detainer("The army said militants detained three farmers near the border.") == abduction
    assert detention_by_detainer("Gendarmes took a suspected smuggler into custody on Friday.") == "Arrests"
    assert detention_by_detainer("Troops kidnapped a shopkeeper from his home at night.") is None
    assert detention_by_detainer("Soldiers rounded up dozens of young men at the bus station for "
                                 "conscription.") == abduction
    assert detention_by_detainer("Security forces arrested a journalist; his family says his whereabouts "
                                 "are still unknown.") == abduction
    assert detention_by_detainer("Police arrested a man for conscription evasion.") == "Arrests"
    assert detention_by_detainer("Residents fled as the town was shelled.") is None  # nobody taken


def test_force_on_people_with_no_gathering_told_is_not_force_against_protesters():
    # ACLED: "excessive force against protesters" is force used on a demonstration; a headline
    # of a killing by soldiers that names no protest, march or crowd is some other violence
    for headline in ["Teenager killed by soldiers' bullets in Tubas",
                     "Three young men killed by soldiers' bullets in Qabatiya"]:
        assert classify([headline])[0].sub_event_type != "Excessive force against protesters", headline
    told = classify(["Soldiers opened fire on a crowd of protesters in Tubas, killing a teenager."])[0]
    assert told.sub_event_type == "Excessive force against protesters"


def test_people_detained_before_a_planned_rally_are_arrests_not_a_protest():
    # ACLED: a rally still to come is no protest; the detentions are the event
    sentence = ("Police in the port city detained 22 members of the opposition youth wing overnight, "
                "two days before a planned rally against the new fuel prices, the party said.")
    assert classify([sentence])[0].sub_event_type == "Arrests"
    held = classify(["Police detained 22 members of the opposition youth wing at a rally against the new fuel "
                     "prices on Sunday."])[0]
    assert held.event_type == "Protests"
