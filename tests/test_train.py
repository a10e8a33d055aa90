"""`sitrep train`: a model learnt from an ACLED export is written, and classify() uses it via SITREP_MODEL."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from sitrep.cli import main
from sitrep.events import classify as classify_module
from sitrep.events import train as trainer

# A tiny ACLED-format export. "Other" notes say something the shipped corpus never calls an
# event of that kind, so a model that learnt from the file labels it differently.
ROWS = [
    ("Other", "On 2 March 2022, the armed movement held a graduation parade of cadets at its camp near the lake."),
    ("Other", "On 9 March 2022, the armed movement held a graduation parade for new cadets in the hills."),
    ("Other", "On 14 March 2022, a graduation parade of cadets of the armed movement took place at its camp."),
    ("Other", "On 20 March 2022, cadets of the armed movement marched at their graduation parade."),
    ("Peaceful protest", "On 3 March 2022, teachers gathered in the capital to demand unpaid wages. [size=no report]"),
    ("Armed clash", "On 5 March 2022, soldiers clashed with rebels near the border town. 3 fatalities."),
]
PROBE = "The armed movement held a graduation parade of cadets at its camp."


def write_export(path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["event_id_cnty", "event_date", "sub_event_type", "event_type", "notes", "fatalities"])
        for i, (sub, notes) in enumerate(ROWS):
            w.writerow([f"XXX{i}", "2022-03-01", sub, "", notes, 0])


def test_acled_examples_drop_bookkeeping(tmp_path):
    export = tmp_path / "export.csv"
    write_export(export)
    examples = trainer.acled_examples(export)
    assert len(examples) == len(ROWS)
    assert all("[size" not in text for text, _ in examples)


def test_train_cli_writes_model_that_classify_uses(tmp_path, monkeypatch):
    export, model_path = tmp_path / "export.csv", tmp_path / "model.joblib"
    write_export(export)
    result = CliRunner().invoke(main, ["train", "--acled", str(export), "--out", str(model_path)])
    assert result.exit_code == 0, result.output
    assert model_path.exists()

    model = trainer.read_model(model_path)
    assert "Other" in model.labels and "none" in model.labels
    monkeypatch.setenv("SITREP_MODEL", str(model_path))
    monkeypatch.setattr(classify_module, "_model_failed", False)
    (c,) = classify_module.classify([PROBE])
    assert c.sub_event_type == "Other", c


def test_train_rejects_a_csv_that_is_not_an_acled_export(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "--acled", str(bad), "--out", str(tmp_path / "m.joblib")])
    assert result.exit_code != 0
    assert "notes" in result.output


def test_unreadable_model_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.joblib"
    junk.write_bytes(b"not a model")
    try:
        trainer.read_model(junk)
    except ValueError as e:
        assert "junk.joblib" in str(e)
    else:
        raise AssertionError("a junk file was accepted as a model")


def test_corpus_is_deterministic_and_covers_every_label():
    first, second = trainer.corpus(), trainer.corpus()
    assert first == second
    labels = {label for _, label in first}
    assert labels >= set(trainer.sub_event_types()) | {"none", "criminal:Attack"}


def test_named_model_that_cannot_be_read_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path / "missing.joblib"))
    try:
        classify_module.classify(["Soldiers clashed with rebels near the town."])
    except ValueError as e:
        assert "missing.joblib" in str(e)
    else:
        raise AssertionError("a missing SITREP_MODEL file was silently ignored")


def test_run_with_a_named_model_that_cannot_be_read_stops_at_once(tmp_path, monkeypatch):
    # one line naming the file, and nothing stored, rather than every report failing one by one
    monkeypatch.setenv("SITREP_MODEL", str(tmp_path / "missing.joblib"))
    report = tmp_path / "report.txt"
    report.write_text("Soldiers clashed with rebels near the border town on Monday, killing three.\n")
    result = CliRunner().invoke(main, ["run", str(report), "--db", str(tmp_path / "events.db"), "--quiet"])
    assert result.exit_code == 1
    assert "missing.joblib" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "events.db").exists()


def test_training_is_deterministic():
    texts = ["Rebels shelled the airport overnight.", "Police fired tear gas at marchers in the capital."]
    first, second = trainer.train().predict_proba(texts), trainer.train().predict_proba(texts)
    assert (first == second).all()


def test_model_of_another_format_is_a_clear_error(tmp_path):
    """A model file from an earlier sitrep is refused with a message, not a crash in classify()."""
    import joblib

    old = tmp_path / "old.joblib"
    joblib.dump({"version": "2", "model": trainer.EventModel()}, old)
    try:
        trainer.read_model(old)
    except ValueError as e:
        assert "old.joblib" in str(e) and "sitrep train" in str(e)
    else:
        raise AssertionError("a model of another format was accepted")
