"""The place of each event: its own sentence's place, not the aftermath's; ACLED's geo_precision."""

import pytest

from sitrep.geo import geoparse, locate
from sitrep.model import NEAR, REGION, TOWN, Analysis, Document, Mention, Span


def located(text: str, sentences: list[str], trigger: str | None = None,
            event: tuple[str, str] = ("Violence against civilians", "Attack")) -> list[Mention]:
    """Each sentence as a mention of `event` (type, sub-type); `trigger`, when given, is the
    event's word (locate measures from it)."""
    doc = Document(id="d", text=text)
    mentions = []
    for s in sentences:
        start = text.index(s)
        m = Mention("d", Span("d", start, start + len(s), s), *event)
        if trigger is not None:
            at = text.index(trigger, start)
            m.evidence["event_type"] = Span("d", at, at + len(trigger), trigger)
        mentions.append(m)
    return locate(Analysis(doc=doc), mentions, geoparse(doc))


def test_event_place_is_where_the_killing_happened_not_the_funeral():
    text = ("Israeli forces shot dead a young man in Azzun, east of Qalqilya, on Monday; "
            "his funeral was held in Qalqilya on Tuesday.")
    m = located(text, [text])[0]
    assert m.place.name == "Azzun" and m.place.geonameid == 284480
    assert m.place.country == "Palestine" and m.place.admin1 == "West Bank"
    assert m.geo_precision == TOWN
    assert text[m.evidence["place"].start:m.evidence["place"].end] == "Azzun"


def test_near_a_town_and_a_whole_governorate_lower_the_precision():
    text = ("Clashes broke out near Jenin on Sunday. Separately, the army raided homes in the "
            "Tubas governorate overnight.")
    near, region = located(text, ["Clashes broke out near Jenin on Sunday.",
                                  "Separately, the army raided homes in the Tubas governorate overnight."])
    assert near.place.name == "Jenin" and near.place.geonameid == 283506 and near.geo_precision == NEAR
    assert region.place is not None and region.geo_precision == REGION


def test_a_sentence_without_a_place_takes_the_reports_main_place_less_precisely():
    text = "Settlers attacked farmers in Burin, south of Nablus, on Friday. Two people were injured in the attack."
    m = located(text, ["Two people were injured in the attack."])[0]
    assert m.place is not None and m.place.country_code == "PS" and m.geo_precision == NEAR


def test_no_place_in_the_text_leaves_the_place_empty():
    text = "Two people were injured in an attack on Friday, witnesses said."
    m = located(text, [text])[0]
    assert m.place is None and m.geo_precision is None and "place" not in m.evidence


def test_aftermath_words_of_the_previous_sentence_do_not_count():
    sentence = "Jenin saw heavy clashes on Monday, and a wounded man later died in a hospital in Nablus."
    m = located("The body was moved to a hospital. " + sentence, [sentence])[0]
    assert m.place.name == "Jenin" and m.geo_precision == TOWN


def test_where_the_attackers_withdrew_to_is_not_where_they_attacked():
    text = ("DJIBO, Burkina Faso - Armed men attacked an army post in Djibo on Sunday, killing 14 soldiers. "
            "The attackers fought the garrison for hours before withdrawing towards the border with Mali.")
    second = "The attackers fought the garrison for hours before withdrawing towards the border with Mali."
    m = located(text, [second])[0]
    assert m.place is not None and m.place.country_code == "BF"


def test_a_village_the_gazetteer_knows_only_in_another_oblast_is_placed_in_the_oblast_named():
    text = "Russian forces shelled Senkivka, Chernihiv, on Tuesday. Casualties unknown."
    m = located(text, [text])[0]
    assert m.place is not None and m.place.admin1 == "Chernihiv"
    # a town by the named area's border keeps its own place ("Irpin, Kyiv": Kyiv city is an area of its own)
    text = "Ukrainian forces clashed with Russian forces near Irpin, Kyiv, on Sunday."
    assert located(text, [text])[0].place.name == "Irpin"
    # and a list of areas is no town inside an area
    text = "The coalition struck weapons depots in Hajjah, Marib, and Sadah on Monday."
    assert located(text, [text])[0].place.name == "Hajjah"


def test_a_village_the_gazetteer_lacks_is_placed_at_the_district_its_brackets_name():
    text = ("On 19 March 2022, militiamen attacked civilians in Mubana village, near Kipese "
            "(Lubero, Nord-Kivu). They killed two civilians.")
    m = located(text, [text])[0]
    assert m.place is not None and m.place.name == "Lubero" and m.place.admin1 == "Nord-Kivu"
    # a list of unknown district and known state: the state at least
    text = "On 19 May 2022, youths protested in the community (Obowo, Imo) over gully erosion."
    m = located(text, [text])[0]
    assert m.place is not None and m.place.admin1 == "Imo" and m.place.country_code == "NG"
    # but a list whose one known name is a small village abroad places nothing there
    text = "On 2 March 2022, cult militiamen invaded Oshie community (Ahoada West, Rivers), killing three."
    m = located(text, [text])[0]
    assert m.place is None or m.place.country_code != "CA"


def test_an_area_name_shared_by_two_countries_does_not_unseat_the_town_it_holds():
    text = "On 30 June 2022, farmers staged a protest in Mohali (SAS Nagar, Punjab), demanding water."
    m = located(text, [text])[0]
    assert m.place is not None and m.place.name == "Mohali" and m.place.country_code == "IN"
    # while the region after "township (" still unseats a namesake abroad
    text = "On 12 January 2022, in Pale township (Yinmarbin district, Sagaing region), fighters opened fire."
    assert located(text, [text])[0].place.country_code == "MM"


def test_districts_in_brackets_keep_a_village_out_of_a_namesake_abroad():
    text = "On 6 June 2022, Houthi forces fired artillery at residential areas in Mala (Harib, Marib)."
    m = located(text, [text])[0]
    assert m.place is not None and m.place.country_code == "YE"


def test_a_country_naming_a_force_is_not_where_its_strikes_fell():
    from sitrep.nlp import analyze

    text = ("Air strikes hit a market on the outskirts of Saada in northern Yemen on Wednesday, killing four. "
            "The US military said its forces had struck radar sites and missile launchers overnight.")
    second = "The US military said its forces had struck radar sites and missile launchers overnight."
    doc = Document(id="d", text=text)
    start = text.index(second)
    mention = Mention("d", Span("d", start, start + len(second), second), "Explosions/Remote violence",
                      "Air/drone strike")
    [m] = locate(analyze(doc), [mention], geoparse(doc))
    assert m.place is not None and m.place.country_code == "YE"


def test_an_area_read_loosely_abroad_does_not_unseat_the_town_but_one_named_exactly_does():
    text = "On 21 April 2022, people staged a protest in Matara (Matara, Southern) over the crisis."
    assert located(text, [text])[0].place.country_code == "LK"
    text = "Around 18 April 2022, armed pastoralists attacked residents of Waya (Kwande, Benue)."
    assert located(text, [text])[0].place.country_code == "NG"


def test_a_lone_city_in_brackets_places_a_village_but_initials_and_people_do_not():
    from sitrep.geo import geoparse as find_places

    text = "On 4 May 2022, residents of Dandokhel (Peshawar) blocked the main road over power cuts."
    assert located(text, [text])[0].place.name == "Peshawar"
    for text in ("Experts from the Centers for Disease Control and Prevention (CDC) arrived on Monday.",
                 "Witnesses said the man hit him (Davis) with a closed fist outside the bar."):
        assert not [t for t in find_places(Document(id="d", text=text)) if t.span.text in ("CDC", "Davis")]


def test_the_regions_a_sentence_names_set_its_country():
    text = ("On 18 January 2022, in Kwayt Chaung village, Yinmarbin township (Yinmarbin district, Sagaing "
            "region), soldiers fired at civilians fleeing the village.")
    m = located(text, [text])[0]
    assert m.place is not None and m.place.country_code == "MM"


def test_a_partys_sponsor_is_not_the_events_place():
    claim = ("The rebels, who Western governments say are backed by Rwanda, said they had taken "
             "control of several hills overlooking the town.")
    text = ("GOMA, Democratic Republic of Congo - Rebels and soldiers fought on the hills around Sake, "
            "a town west of Goma in North Kivu, on Friday. " + claim)
    m = located(text, [claim])[0]
    assert m.place is not None and m.place.country_code == "CD"  # the report's place, not the sponsor


def test_a_sea_written_with_the_is_the_water_not_the_province_named_after_it():
    # Sudan has a Red Sea state; "shipping in the Red Sea" is the water, and the strikes the
    # sentence tells fell in the report's country, not in Sudan
    text = ("Air strikes hit a fuel station near Saada in northern Yemen on Wednesday, killing four. "
            "The navy said it had struck launch sites overnight after attacks on ships in the Red Sea.")
    second = "The navy said it had struck launch sites overnight after attacks on ships in the Red Sea."
    m = located(text, [second])[0]
    assert m.place is not None and m.place.country_code == "YE"


def test_a_province_named_like_a_sea_is_the_province_when_the_words_say_so():
    text = "Gunmen killed three traders on the road to Port Sudan in the Red Sea state of Sudan on Monday."
    m = located(text, [text])[0]
    assert m.place is not None and m.place.country_code == "SD"


def test_a_town_named_like_its_province_and_called_a_city_has_a_towns_precision():
    # "Saada" alone may be the governorate (precision 3); "Saada city" is the town
    city = "Air strikes hit a market in Saada city on Wednesday, killing four."
    outskirts = "Air strikes hit a fuel station on the outskirts of Saada city on Wednesday, killing two."
    alone = "Air strikes hit villages in Saada on Wednesday, killing three."
    assert located(city, [city])[0].geo_precision == TOWN
    assert located(outskirts, [outskirts])[0].geo_precision == NEAR
    assert located(alone, [alone])[0].geo_precision == REGION


def test_the_country_a_crowd_protests_about_is_not_where_it_protests():
    text = ("About 300 people demonstrated in Leipzig on Sunday against rising energy prices. "
            "Some of them marched in solidarity with Russia over the war in Ukraine.")
    second = "Some of them marched in solidarity with Russia over the war in Ukraine."
    first, about = located(text, [text[:text.index(second) - 1], second])
    assert first.place.name == "Leipzig"
    # the sentence names only what the crowd marched about: the report's place, less precisely
    assert about.place.name == "Leipzig" and about.geo_precision == NEAR


def test_a_protests_cause_and_a_consulates_country_are_not_where_it_protests():
    protest = ("Protests", "Peaceful protest")
    text = ("Hundreds of people rallied in Porto on Saturday against the war. Others demonstrated "
            "supporting Ukraine and marched to the Russian and the United States consulates.")
    second = text[text.index("Others"):]
    first, other = located(text, [text[:text.index(second) - 1], second], event=protest)
    assert first.place.name == "Porto" and other.place.name == "Porto"


def test_the_place_of_the_event_a_protest_answers_is_not_the_protests():
    text = ("On 19 May 2022, about 150 people gathered at Borough Hall in New York - Staten Island (New York) "
            "to protest against violence and demand action following the mass shooting in a supermarket in "
            "Buffalo the previous Saturday.")
    protest = ("Protests", "Peaceful protest")
    assert located(text, [text], trigger="demand", event=protest)[0].place.name == "Staten Island"
    # a shooting told after the arrests it led to is still the arrests' place
    text = "Police arrested two men after the shooting in Buffalo on Saturday."
    assert located(text, [text], trigger="arrested", event=("Strategic developments", "Arrests")
                   )[0].place.name == "Buffalo"


def test_an_embassy_in_a_town_is_still_in_that_town():
    text = "More than 100 women marched to the US Embassy in Dublin on Saturday to protest the ruling."
    assert located(text, [text])[0].place.name == "Dublin"


# Each note names its event's town among other places that could unseat it.
_TOWN_AMONG_OTHER_PLACES = [
    # "Mara" is also a Tanzanian region, here part of a gang's name: the report's two Salvadoran
    # places outnumber it, so it sets no country and the town of the arrests stays
    ("On 28 March 2022, in Soyapango municipality, San Salvador, police detained 40 suspected members "
     "of the Mara Salvatrucha during a night-time operation.", "Soyapango", "SV"),
    # both names in the brackets read as Indian towns, more than the one Pakistani province; but the
    # province is written as what holds them, so its country is the event's
    ("On 9 January 2022, dozens of farmers rallied in Dera Allah Yar town (Jaffarabad, Balochistan) "
     "over a shortage of fertiliser.", None, "PK"),
    # "court" usually tells the aftermath ("tried in court in ..."); in front of it, it is the site.
    # Malawi's Central Region is indexed by its full name only; "Central" in the brackets holds the town
    ("On 31 January 2022, dozens of supporters of a detained youth leader gathered in front of the "
     "court in Lilongwe (Lilongwe City, Central) to demand his release.", "Lilongwe", "MW"),
    # outside a hospital: the vigil's site, not where a victim was treated; the war it condemns is elsewhere
    ("On 15 March 2022, nurses held a silent vigil outside the hospital in Verin (Ourense) to condemn "
     "the shelling of hospitals in Ukraine.", "Verin", "ES"),
    # taken to hospital: still the aftermath
    ("On 2 May 2022, gunmen shot a trader in Kano; he was later taken to hospital in Abuja.", "Kano", "NG"),
    # the province in brackets holds the town before it: it is no rival for the event's place
    ("On 12 May 2022, near Cariamanga (Loja), cattle herders blocked a road to protest a land sale.",
     "Cariamanga", "EC"),
    # ... and wherever the text names it again, it is that holder
    ("On 3 March 2022, members of the farmers' union of Castelo Branco drove their tractors slowly "
     "through the streets of Fundao (Castelo Branco) over diesel prices.", "Fundao", "PT"),
    ("On 9 April 2022, gendarmes detained 12 migrants at a checkpoint in the Baykan district of Siirt.",
     "Baykan", "TR"),
    # Nigeria's local government areas: "Anka LGA (Zamfara)" names the area's town
    ("On 31 March 2022, gunmen shot two farmers at three villages in Anka LGA (Zamfara).", "Anka", "NG"),
    # a district before the country: the sentence's sharpest place, though "in Yemen" is nearer
    ("On 4 January 2022, the coalition said it shot down a drone in Yemen airspace (Kitaf wa Al Boqee, "
     "Sadah).", "Kitaf wa Al Boqe'e", "YE"),
    # a ward of the town, whose name the gazetteer knows only as a village 350 km away
    ("On 31 January 2022, in Kale town (Kale district, Sagaing region), soldiers of a passing army column "
     "shot two civilians, a man in Aung Myay Man Ward and a woman in Aung Thit Sa ward.", "Kalemyo", "MM"),
]


@pytest.mark.parametrize("text,town,country", _TOWN_AMONG_OTHER_PLACES,
                         ids=["gang-named-like-a-region", "holder-in-brackets", "in-front-of-a-court",
                              "outside-a-hospital", "taken-to-hospital", "province-in-brackets",
                              "holder-named-again", "district-of", "lga", "district-before-country",
                              "ward-of-a-town"])
def test_the_events_town_among_other_places(text, town, country):
    trigger = next((w for w in ("blocked", "shot") if w in text), None)  # the event's word, as the events stage finds it
    m = located(text, [text], trigger)[0]
    assert m.place is not None and m.place.country_code == country
    assert town is None or m.place.name == town
