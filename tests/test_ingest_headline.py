"""A report's headline is read as part of its text, after the body, without moving the body's offsets."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest.headline import headline_of, with_headline
from sitrep.ingest.records import document_from_record
from sitrep.model import Document
from sitrep.pipeline import extract

# A local-news page whose body is follow-up detail and boilerplate: only the headline tells the shooting.
AKRON = {
    "id": "akron-1",
    "title": "Two men shot dead outside Akron bar - Example News 5",
    "published": "2024-05-12",
    "text": "Police in Akron are asking anyone with information to call the detective bureau. The "
            "investigation is ongoing and no arrests have been made.\n\nSign up for our newsletter to get "
            "the latest local stories.",
}


def test_headline_without_the_outlets_name():
    assert headline_of("Two dead in Killeen apartment shooting - KWTX") == "Two dead in Killeen apartment shooting"
    assert headline_of("Teen killed in Syracuse shooting - syracuse.com") == "Teen killed in Syracuse shooting"
    assert headline_of("Man shot on Third Street | Dayton, OH") == "Man shot on Third Street"
    # a dash inside the headline is kept when what follows is not a name
    assert headline_of("Police: 1 dead - 2 hurt in shooting") == "Police: 1 dead - 2 hurt in shooting"
    assert headline_of(None) == "" and headline_of("  ") == ""


def test_headline_goes_after_the_body_once():
    doc = document_from_record(AKRON)
    assert doc.text.startswith(AKRON["text"])  # the body keeps the record's own offsets
    assert doc.text[doc.body_end():].strip() == "Two men shot dead outside Akron bar"
    assert doc.text[:doc.body_end()] == AKRON["text"]
    assert with_headline(doc) is doc  # idempotent: read again, nothing is added twice


def test_text_that_opens_with_its_headline_is_left_alone():
    text = "× Two men shot dead outside Akron bar\n\nAKRON, Ohio — Two men were shot dead early Sunday."
    doc = Document(id="a", text=text, title="Two men shot dead outside Akron bar - Example News 5")
    assert with_headline(doc).text == text and doc.body_end() == len(text)
    untitled = Document(id="b", text="Gunmen attacked a market.")
    assert with_headline(untitled).text == "Gunmen attacked a market."


def test_event_told_only_in_the_headline_is_coded_with_evidence_in_the_text():
    [event] = extract([AKRON])
    doc = document_from_record(AKRON)
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 2)
    assert event.place is not None and event.place.name == "Akron" and event.place.admin1 == "Ohio"
    for span in event.evidence.values():  # every piece of evidence points at real words of the text
        assert doc.text[span.start:span.end] == span.text
    assert event.evidence["fatalities"].start >= doc.body_end()


def test_geoparse_offsets_stay_those_of_the_input_text(tmp_path):
    src = tmp_path / "reports.jsonl"
    src.write_text(json.dumps(AKRON) + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    result = CliRunner().invoke(main, ["geoparse", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    places = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["text"] for p in places] == ["Akron"]  # the body's one name; the headline's is not input text
    assert all(AKRON["text"][p["start"]:p["end"]] == p["text"] for p in places)
