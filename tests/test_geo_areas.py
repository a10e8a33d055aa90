"""Admin areas as places: other spellings, current names, the DRC's and Nepal's newer provinces,
and spelling-variant matches abroad left unresolved."""

import pytest

from sitrep.geo import geoparse
from sitrep.geo.area_names import apply_area_names
from sitrep.geo.gazetteer import Gazetteer, get_gazetteer
from sitrep.geo.locate import REGION
from sitrep.model import Document
from sitrep.pipeline import extract


def _areas(name: str, cc: str):
    gaz = get_gazetteer()
    return [gaz.place(r) for r in gaz.lookup(name) if gaz.country_code[r] == cc and gaz.feature_code[r] == "ADM1"]


@pytest.mark.parametrize("spelling, cc, area", [
    # the area's name is the one ACLED writes; the others find it
    ("Idlib", "SY", "Idleb"), ("Edlib", "SY", "Idleb"), ("Deir ez Zor", "SY", "Deir ez-Zor"),
    ("Dayr az Zawr", "SY", "Deir ez-Zor"), ("Dahuk", "IQ", "Duhok"), ("Dohuk", "IQ", "Duhok"),
    ("Sud-Kivu", "CD", "Sud-Kivu"), ("South Kivu", "CD", "Sud-Kivu"), ("Sagain", "MM", "Sagaing"),
    ("Lower Saxony", "DE", "Niedersachsen"), ("Bavaria", "DE", "Bayern"), ("Lombardy", "IT", "Lombardia"),
    ("Dhi Qar", "IQ", "Thi Qar"), ("Languedoc-Roussillon", "FR", "Occitanie"), ("Kiev", "UA", "Kyiv"),
    # Cameroon's regions of generic words ("South-West") are not indexed bare; their French names are
    ("Sud-Ouest", "CM", "Sud-Ouest"), ("Nord-Ouest", "CM", "Nord-Ouest"), ("Extreme-Nord", "CM", "Extreme-Nord"),
])
def test_other_spellings_find_the_same_area(spelling, cc, area):
    found = _areas(spelling, cc)
    assert found and found[0].name == area and found[0].admin1 == area and found[0].feature_class == "A"


def test_the_drc_provinces_of_2015_are_areas_at_their_capitals():
    ituri = _areas("Ituri", "CD")
    assert len(ituri) == 1 and abs(ituri[0].latitude - 1.56) < 0.1 and abs(ituri[0].longitude - 30.25) < 0.1
    gaz = get_gazetteer()
    bunia = [gaz.place(r) for r in gaz.lookup("Bunia") if gaz.country_code[r] == "CD"]
    kisangani = [gaz.place(r) for r in gaz.lookup("Kisangani") if gaz.country_code[r] == "CD"]
    assert bunia[0].admin1 == "Ituri" and kisangani[0].admin1 == "Tshopo"
    assert _areas("Province 1", "NP")[0].name == "Koshi"


def test_a_note_whose_only_place_is_a_province_is_coded_to_it():
    text = ("On 14 March 2022, CODECO militia attacked a displacement camp in Ituri, killing 6 civilians "
            "and burning shelters.")
    events = extract([Document(id="ituri", text=text)])
    assert events and events[0].place is not None
    place = events[0].place
    assert place.name == "Ituri" and place.admin1 == "Ituri" and place.feature_class == "A"
    assert events[0].geo_precision == REGION


def test_a_cameroon_note_ending_in_its_region_stays_in_cameroon():
    # "Sud-Ouest" is a region of Cameroon and of Burkina Faso: the note's towns are Cameroon's
    text = ("On 7 May 2022, separatist fighters abducted road workers along the Kumba-Ekondo Titi road, "
            "coded to Kumba (Ekondo Titi, Ndian, Sud-Ouest).")
    events = extract([Document(id="kumba", text=text)])
    assert {(e.place.country_code, e.place.admin1) for e in events} == {("CM", "Sud-Ouest")}
    gaz = get_gazetteer()
    towns = [gaz.place(r) for r in gaz.lookup("Bamenda") if gaz.country_code[r] == "CM"]
    assert towns[0].admin1 == "Nord-Ouest"  # the towns carry the region's name as ACLED writes it


def test_a_spelling_variant_abroad_is_left_unresolved_when_the_country_is_clear():
    # "Namtu" loosely matches a town in Togo; the note is plainly about Myanmar
    text = ("On 2 May 2022, the military shelled Namtu town in Shan state, Myanmar, after clashes "
            "with the TNLA in Mandalay region.")
    placed = {t.span.text: t.place for t in geoparse(Document(id="namtu", text=text))}
    assert "Namtu" not in placed or placed["Namtu"] is None or placed["Namtu"].country_code == "MM"
    assert placed["Myanmar"].country_code == "MM"


def test_a_spelling_variant_repeated_abroad_is_still_one_name_of_that_country():
    # written twice, "Namtu" still points to Togo once: the note is about Myanmar
    text = ("On 30 April 2022, between Namtu town and a nearby village (coded as Namtu town) in "
            "Mandalay region, the Myanmar military clashed with the KIA. Casualties unknown.")
    placed = [t for t in geoparse(Document(id="namtu2", text=text)) if t.span.text == "Namtu"]
    assert len(placed) == 2 and all(t.place is None or t.place.country_code == "MM" for t in placed)


def test_another_name_of_a_small_town_abroad_is_no_place_of_a_syrian_village():
    # "Olan" is an old name of Olemps (France); the village of Olan near Al Bab is not in GeoNames
    text = ("On 28 January 2022, gunmen opened fire on the car of a faction commander in the village "
            "of Olan in the countryside of Al Bab in Aleppo. The commander survived.")
    events = extract([Document(id="olan", text=text)])
    assert [e.place.country_code for e in events] == ["SY"]
    assert events[0].place.name == "Al Bab"


def test_another_name_of_a_small_town_stays_where_the_other_towns_are():
    # "Bantam" is also a name of Litchfield; the report's other towns are Connecticut's too
    text = ("BANTAM - A Danbury man was arraigned in Bantam Superior Court on Tuesday. He was arrested "
            "by Danbury police and brought to New Milford, where he was charged.")
    placed = {t.span.text: t.place for t in geoparse(Document(id="bantam", text=text)) if t.place}
    assert placed["Bantam"].country_code == "US" and placed["Bantam"].admin1 == "Connecticut"


def test_names_apply_to_a_small_gazetteer_without_the_capitals():
    gaz = Gazetteer()
    row = gaz.add_place(1, "Idlib", 35.93, 36.63, 128840, "SY", "Idlib", "", "PPL", "SY.12")
    gaz.add_place(2, "Lubumbashi", -11.66, 27.48, 1_000_000, "CD", "Katanga", "", "PPL", "CD.14")
    apply_area_names(gaz)  # Bunia and most capitals are missing: those areas are skipped, no error
    assert gaz.lookup("Idleb") == (row,)
    assert gaz.admin1[1] == "Haut-Katanga"
    assert [gaz.name[r] for r in gaz.lookup("Haut-Katanga")] == ["Haut-Katanga"]


def test_districts_known_from_their_towns_are_areas():
    gaz = get_gazetteer()
    district = [gaz.place(r) for r in gaz.lookup("Kitaf wa Al Boqe'e") if gaz.feature_code[r] == "ADM2"]
    assert district and district[0].country_code == "YE" and district[0].admin1 == "Sa'dah"
    # within Sa'dah governorate, in the north of Yemen
    assert 16.5 < district[0].latitude < 18.0 and 43.0 < district[0].longitude < 45.5
