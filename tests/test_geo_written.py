"""An event's admin1 leaves geo as ACLED writes it; the geo rules still read the gazetteer's names."""

import json
from datetime import date

import pytest

from sitrep.geo.cli import geoparse_files
from sitrep.geo.written import as_written, written_names
from sitrep.model import Document, Place
from sitrep.pipeline import extract


def _events(text: str, doc_id: str = "note"):
    return extract([Document(id=doc_id, text=text, published=date(2022, 5, 14))])


@pytest.mark.parametrize("text, town, admin1", [
    ("On 14 May 2022, around 300 union members marched in Seoul to demand higher wages for "
     "subcontracted delivery drivers.", "Seoul", "Seoul Special City"),
    ("On 14 May 2022, farmers rallied in front of the provincial office in Cheongju, North "
     "Chungcheong province, against the price of fertilizer.", "Cheongju", "North Chungcheong"),
    ("On 14 May 2022, residents of Norrkoping held a demonstration outside the town hall against the "
     "closure of a maternity ward.", "Norrkoping", "Ostergotlands"),
    ("On 14 May 2022, hundreds of teachers protested in Lodz against a cut in their pay.", "Lodz", "Lodzkie"),
])
def test_the_admin1_column_takes_acleds_name(text, town, admin1):
    events = _events(text)
    assert events and events[0].place is not None
    assert events[0].place.name.startswith(town) and events[0].place.admin1 == admin1


def test_a_state_named_in_the_report_still_places_its_town():
    # the rules that read "Veracruz" in the text compare it with the gazetteer's short name; only
    # the event's admin1 takes the long one
    text = ("On 14 May 2022, gunmen shot dead a municipal police officer in Panuco, in the north of "
            "Veracruz state, according to local media.")
    events = _events(text)
    assert [(e.place.name, e.place.admin1) for e in events] == [("Panuco", "Veracruz de Ignacio de la Llave")]


def test_a_district_named_after_its_city_does_not_move_the_event():
    text = ("On 14 May 2022, thousands demonstrated in Tel Aviv against the government's plan to "
            "change how judges are appointed.")
    events = _events(text)
    assert [(e.place.name, e.place.admin1, e.place.country_code) for e in events] == [("Tel Aviv", "Tel Aviv", "IL")]


def test_names_that_agree_are_left_alone_and_writing_is_done_once():
    place = Place(geonameid=None, name="Gunsan", latitude=35.98, longitude=126.71, country_code="KR",
                  admin1="Jeollabuk-do")
    written = as_written(place)
    assert written.admin1 == "North Jeolla" and written.name == "Gunsan"
    assert as_written(written) == written
    ohio = Place(geonameid=None, name="Dayton", latitude=39.76, longitude=-84.19, country_code="US", admin1="Ohio")
    assert as_written(ohio) is ohio
    # no written name is rewritten again (the loader refuses such data)
    assert not [k for k, w in written_names().items() if (k[0], w) in written_names()]


def test_geoparse_output_writes_admin1_too(tmp_path):
    src = tmp_path / "notes.jsonl"
    src.write_text(json.dumps({"id": "kr1", "text": "Police detained six protesters in Suwon on Saturday."}) + "\n")
    out = tmp_path / "places.jsonl"
    geoparse_files([str(src)], str(out))
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["text"], r["admin1"]) for r in records] == [("Suwon", "Gyeonggi")]
