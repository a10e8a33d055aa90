"""Page furniture (other stories' headlines, playlists, share and credit lines) is blanked at ingest, offsets kept."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest import read_documents
from sitrep.ingest.furniture import furniture_lines, without_furniture
from sitrep.ingest.records import document_from_record
from sitrep.pipeline import extract

STORY = ("DAYTON, Ohio -- A 31-year-old man was shot and killed outside a gas station on Salem Avenue "
         "late Sunday, police said.\n\nOfficers found him in the parking lot around 11 p.m. No arrests "
         "have been made.")
FURNITURE = ["Also read:",
             "Four dead in Toledo house fire shooting",
             "Deputies: Two teens wounded at Columbus skate park",
             "1:42 Cincinnati police chief speaks after officer shot",
             "Share this story",
             "Copyright 2024 Example 7. All rights reserved."]
RECORD = {"id": "dayton-1", "title": "Man shot dead outside Dayton gas station - Example 7",
          "published": "2024-03-04", "text": STORY + "\n\n" + "\n\n".join(FURNITURE)}


def test_furniture_lines_are_blanked_and_every_offset_stays():
    text = RECORD["text"]
    cleaned = without_furniture(text)
    assert len(cleaned) == len(text)
    assert cleaned.startswith(STORY)  # the story's own sentences, at their own offsets
    for line in FURNITURE:
        assert line not in cleaned
    assert cleaned.rstrip() == STORY
    assert [text[s:e] for s, e in furniture_lines(text)] == FURNITURE
    assert without_furniture(cleaned) == cleaned  # read twice, nothing more goes


def test_prose_own_lists_datelines_and_the_own_headline_are_kept():
    text = ("Teen wounded in Akron drive-by\n\n"  # the report's own headline, with its dek under it
            "Police look for a silver sedan\n\n"
            "AKRON -- Two people were hurt when shots were fired from a passing car on Friday night\n\n"
            "The victims were:\n\nA 17-year-old boy from Akron\n\nA 45-year-old man from Barberton\n\n"
            "KEY POINTS\n\nShots fired near Main Street\n\nTwo people taken to hospital\n\n"
            "Neighbours said the street had been quiet for months\n\n"
            "Detectives want to talk to anyone who saw the car")
    assert without_furniture(text, own_headline="Teen wounded in Akron drive-by") == text


def test_a_lone_short_line_in_the_body_is_kept_but_a_run_of_headlines_is_not():
    body = "A man was shot in Flint on Monday, police said.\n\nInvestigation ongoing\n\nNo arrests were made."
    assert without_furniture(body) == body
    listed = body + "\n\nMan wounded outside Saginaw home\n\nTwo hurt in Lansing bar shooting"
    assert without_furniture(listed).rstrip() == body


def test_an_also_label_heads_other_stories_not_the_reports_own_list():
    body = "Five people were shot Saturday afternoon at a wake in South Los Angeles, police said."
    text = body + "\n\nALSO\n\nUp to 40 feared dead in fire during concert at Oakland warehouse\n\nMan held in Fresno bank robbery"
    assert without_furniture(text).rstrip() == body


def test_times_of_day_are_not_video_playlists():
    text = "12:47 p.m.: Police say the gunman is in custody\n\n1:05 PM Update - the road has reopened"
    assert without_furniture(text) == text


def test_ingest_blanks_furniture_and_appends_the_headline_after_the_input_text():
    doc = document_from_record(RECORD)
    assert doc.text[:len(RECORD["text"])].startswith(STORY)
    assert doc.body_end() == len(RECORD["text"])  # the body keeps the record's length and offsets
    assert "Toledo" not in doc.text and "Columbus" not in doc.text
    assert doc.text[doc.body_end():].strip() == "Man shot dead outside Dayton gas station"


def test_other_stories_counts_do_not_leak_into_the_event():
    events = extract([RECORD])
    assert len(events) == 1
    event = events[0]
    assert event.fatalities == 1
    assert not event.injuries  # "Two teens wounded" is another story's
    assert event.place is not None and event.place.name == "Dayton"


def test_geoparse_spans_point_into_the_input_text(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(src), "--out", str(tmp_path / "geo.jsonl")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "geo.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for place in rows:  # one line per place name, its span over the record's own text
        assert RECORD["text"][place["start"]:place["end"]] == place["text"]
    assert {"Dayton", "Ohio"} <= {place["name"] for place in rows}
    assert not {place["name"] for place in rows} & {"Toledo", "Columbus", "Cincinnati"}


def test_every_reader_blanks_furniture(tmp_path):
    (tmp_path / "dayton.txt").write_text(RECORD["text"], encoding="utf-8")
    page = ("<html><head><title>Man shot dead outside Dayton gas station</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in RECORD["text"].split("\n\n")) + "</article></body></html>")
    (tmp_path / "dayton.html").write_text(page, encoding="utf-8")
    docs = list(read_documents([tmp_path], lambda skipped: None))
    assert len(docs) == 2
    for doc in docs:
        assert "was shot and killed outside a gas station" in doc.text
        assert "Toledo" not in doc.text and "Columbus" not in doc.text and "Cincinnati" not in doc.text
