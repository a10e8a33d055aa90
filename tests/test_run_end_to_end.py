"""`sitrep run` end to end on the bundled examples and on a batch with bad records, as a user runs it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import sitrep
from sitrep.cli import main
from sitrep.export.acled_csv import ACLED_COLUMNS

from conftest import EXAMPLES


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def _rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def examples_run(tmp_path_factory):
    """One run over examples/, shared by the tests that read its output."""
    tmp = tmp_path_factory.mktemp("examples")
    db, out = tmp / "events.db", tmp / "events.csv"
    result = _run("run", str(EXAMPLES), "--db", str(db), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    return db, out, result


def test_examples_give_an_acled_csv(examples_run):
    _, out, _ = examples_run
    with open(out, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:31] == ACLED_COLUMNS
    assert header[31:39] == ["fatalities_low", "fatalities_high", "injuries", "n_sources", "doc_ids",
                             "source_urls", "sitrep_id", "confidence"]
    rows = _rows(out)
    assert len(rows) >= 10
    for r in rows:  # the publication rule: dated to the month, placed to a region
        assert len(r["event_date"]) == 10 and r["time_precision"] in {"1", "2", "3"}
        assert r["country"] and r["latitude"] and r["longitude"]
    countries = {r["country"] for r in rows}
    assert {"Burkina Faso", "Sudan", "Nigeria", "Colombia", "Myanmar"} <= countries


def test_one_raid_told_by_three_outlets_is_one_event(examples_run):
    """The Qabatiya raid: a Palestinian outlet, an Israeli outlet and a listing-page teaser."""
    _, out, _ = examples_run
    raid = [r for r in _rows(out) if r["location"].startswith("Qab") and r["n_sources"] == "3"]
    assert len(raid) == 1
    r = raid[0]
    assert set(r["doc_ids"].split(";")) == {"israeli_outlet_article", "palestinian-outlet-qabatiya",
                                             "region_news_listing#1"}
    assert r["event_date"] == "2024-05-14"
    assert r["actor1"] == "Military Forces of Israel"  # whether called "IDF" or "occupation forces"
    assert abs(float(r["latitude"]) - 32.41) < 0.1 and abs(float(r["longitude"]) - 35.28) < 0.1


def test_a_later_report_of_a_higher_toll_joins_its_event_with_the_range(examples_run):
    """toll_update_idlib: a second outlet's "the death toll ... has risen to seven" is the Idlib air
    strike that wire-003 told with five dead: one row, both sources, the revised toll and the range."""
    _, out, _ = examples_run
    rows = [r for r in _rows(out) if "toll_update_idlib" in r["doc_ids"]]
    assert len(rows) == 1
    r = rows[0]
    assert set(r["doc_ids"].split(";")) == {"wire-003", "toll_update_idlib"}
    assert (r["sub_event_type"], r["event_date"], r["admin1"]) == ("Air/drone strike", "2024-02-20", "Idleb")
    assert (r["fatalities"], r["fatalities_low"], r["fatalities_high"], r["injuries"]) == ("7", "5", "7", "9")


def test_a_city_roundup_gives_one_row_per_shooting(examples_run):
    _, out, _ = examples_run
    shootings = [r for r in _rows(out) if r["doc_ids"] == "city_roundup"]
    assert sorted(r["injuries"] for r in shootings) == ["1", "1", "2"]  # not one row of four wounded
    assert {r["event_date"] for r in shootings} == {"2024-06-09"}
    assert all(r["disorder_type"] == "Criminal violence" and r["admin1"] == "Illinois" for r in shootings)


def test_the_raid_is_coded_alike_from_both_outlets_and_fought_once(examples_run):
    """The Palestinian report's "resistance fighters confronted the invading forces" is the clash its
    Israeli counterpart tells inside its own, not a second one; both outlets' arrests are one event."""
    _, out, _ = examples_run
    west_bank = [r for r in _rows(out) if r["admin1"] == "West Bank"]
    clashes = [r for r in west_bank if r["event_type"] == "Battles"]
    assert len(clashes) == 1
    assert (clashes[0]["actor2"], clashes[0]["fatalities"]) == ("Unidentified Armed Group (Palestine)", "3")
    for r in west_bank:  # nothing one outlet's words alone make up
        assert {"israeli_outlet_article", "palestinian-outlet-qabatiya"} <= set(r["doc_ids"].split(";")), r


def test_a_report_of_one_event_gives_one_row_whatever_else_its_sentences_name(examples_run):
    """The arrests' headline and the sentence naming "the arrests" again with an older month are the
    lede's arrests; "the first strike hit" is the air strike its lede tells, aircraft unnamed."""
    _, out, _ = examples_run
    rows = _rows(out)
    arrests = [r["sub_event_type"] for r in rows if r["doc_ids"] == "arrest_chattogram"]
    assert arrests == ["Arrests"]
    strikes = [(r["sub_event_type"], r["fatalities"]) for r in rows
               if r["location"] == "Sa'dah" and r["event_type"] == "Explosions/Remote violence"]
    assert strikes == [("Air/drone strike", "4")]


def test_near_duplicate_wire_copy_is_reported_and_dropped(examples_run):
    _, _, result = examples_run
    assert "wire-004" in result.output and "near duplicate of wire-001" in result.output


def test_running_twice_changes_nothing(examples_run, tmp_path):
    db, out, _ = examples_run
    again = tmp_path / "again.csv"
    result = _run("run", str(EXAMPLES), "--db", str(db), "--out", str(again), "--quiet")
    assert result.exit_code == 0
    assert "already in the database" in result.output
    drop = {"timestamp"}
    first = [{k: v for k, v in r.items() if k not in drop} for r in _rows(out)]
    second = [{k: v for k, v in r.items() if k not in drop} for r in _rows(again)]
    assert first == second


def test_export_writes_what_the_database_holds(examples_run, tmp_path):
    db, out, _ = examples_run
    for suffix in (".jsonl", ".geojson", ".parquet", ".csv"):
        path = tmp_path / f"events{suffix}"
        result = _run("export", "--db", str(db), "--out", str(path))
        assert result.exit_code == 0, result.output
        assert path.stat().st_size > 0
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert len(records) == len(_rows(out))
    # every mention keeps the words it rests on, with offsets into its document
    spans = [s for rec in records for m in rec["mentions"] for s in m["evidence"].values()]
    assert spans and all(s["end"] > s["start"] and s["text"] for s in spans)


def test_a_batch_with_bad_records_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.jsonl").write_text("\n".join([
        json.dumps({"id": "g1", "published": "2024-03-08", "source": "Wire",
                    "text": "Gunmen killed four villagers in Kukawa, Borno State, on Thursday, residents said."}),
        "{this is not json",
        json.dumps({"id": "no-text", "title": "A record without text"}),
        json.dumps({"id": "g1", "text": "A second record that reuses the id g1 with other words entirely."}),
    ]) + "\n", encoding="utf-8")
    (folder / "picture.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db, out = tmp_path / "x.db", tmp_path / "x.csv"
    result = _run("run", str(folder), "--db", str(db), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "good.jsonl:2" in text and "not a JSON record" in text
    assert "no-text" in text or "good.jsonl:3" in text
    assert "repeated id in the input" in text
    assert "picture.txt" in text and "empty.txt" in text
    rows = _rows(out)
    assert len(rows) == 1 and rows[0]["location"] == "Kukawa" and rows[0]["fatalities"] == "4"


def test_unusable_input_exits_non_zero_with_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sitrep", "run", str(tmp_path / "missing.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "missing.jsonl" in result.stderr


@pytest.mark.parametrize("out, reason", [("events.txt", "use .csv"), ("no_such_folder/events.csv", "no folder")])
def test_an_out_file_that_cannot_be_written_is_refused_before_the_run(tmp_path, out, reason):
    # one line naming the file, before any report is read or stored: not after a long run
    report = tmp_path / "report.txt"
    report.write_text("Soldiers clashed with rebels near the border town on Monday, killing three.\n")
    result = CliRunner().invoke(main, ["run", str(report), "--db", str(tmp_path / "events.db"),
                                       "--out", str(tmp_path / out), "--quiet"])
    assert result.exit_code == 2
    assert reason in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "events.db").exists()


def test_python_api_as_the_readme_shows():
    events = sitrep.extract([
        {"id": "r1", "published": "2024-02-02",
         "text": "Gunmen killed three farmers in the village of Kukawa, Borno State, on Thursday."},
    ])
    df = sitrep.to_dataframe(events)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["event_date"] == "2024-02-01"  # the Thursday before the Friday it was published
    assert row["sub_event_type"] == "Attack" and row["fatalities"] == 3
    assert row["location"] == "Kukawa" and row["country"] == "Nigeria"
    assert row["actor2"] == "Civilians (Nigeria)"


def test_geoparse_writes_design_json_lines_with_offsets(tmp_path):
    out = tmp_path / "places.jsonl"
    result = _run("geoparse", str(EXAMPLES / "wire_reports.jsonl"), "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in (EXAMPLES / "wire_reports.jsonl").read_text(encoding="utf-8").splitlines()}
    places = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert places
    for p in places:
        assert set(p) >= {"doc_id", "start", "end", "text", "name", "geonameid", "lat", "lon",
                          "country_code", "admin1", "score"}
        assert texts[p["doc_id"]][p["start"]:p["end"]] == p["text"]
    assert any(p["text"] == "El Fasher" and p["country_code"] == "SD" for p in places)


def test_a_later_report_revising_the_toll_updates_the_stored_event(tmp_path):
    """Issue 5: a second run's report that only updates the toll ("has risen to seven") joins the
    event already stored, which then gives the revised toll, the range, both sources and who said it."""
    first, later = tmp_path / "monday", tmp_path / "tuesday"
    first.mkdir(), later.mkdir()
    (first / "wire.txt").write_text(
        "Title: Gunmen kill three in Maiduguri market attack\nDate: 2024-03-04\nSource: Example Wire\n\n"
        "MAIDUGURI, Nigeria - Gunmen suspected to be Boko Haram fighters attacked a market in Maiduguri, "
        "Borno State, on Sunday, killing three traders, police said on Monday.\n", encoding="utf-8")
    (later / "daily.txt").write_text(
        "Title: Death toll in Maiduguri market attack rises to seven\nDate: 2024-03-05\nSource: Borno Daily\n\n"
        "MAIDUGURI - The death toll from Sunday's attack by Boko Haram militants on a market in Maiduguri, "
        "Borno State, has risen to seven, a hospital official said on Tuesday. Twelve other people were wounded.\n",
        encoding="utf-8")
    db = tmp_path / "events.db"
    assert _run("run", str(first), "--db", str(db), "--out", str(tmp_path / "1.csv"), "--quiet").exit_code == 0
    [before] = _rows(tmp_path / "1.csv")
    assert before["fatalities"] == "3"
    result = _run("run", str(later), "--db", str(db), "--out", str(tmp_path / "2.csv"), "--quiet")
    assert result.exit_code == 0, result.output
    [after] = _rows(tmp_path / "2.csv")
    assert after["sitrep_id"] == before["sitrep_id"] and after["event_date"] == "2024-03-03"
    assert (after["fatalities"], after["fatalities_low"], after["fatalities_high"]) == ("7", "3", "7")
    assert after["n_sources"] == "2" and set(after["source"].split("; ")) == {"Example Wire", "Borno Daily"}
    assert _run("export", "--db", str(db), "--out", str(tmp_path / "e.jsonl")).exit_code == 0
    [event] = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert event["disagreement"] is True
    claims = {(c["field"], c["value"], c["claimant"]) for m in event["mentions"] for c in m["claims"]}
    assert {("fatalities", 3, "police"), ("fatalities", 7, "a hospital official")} <= claims
