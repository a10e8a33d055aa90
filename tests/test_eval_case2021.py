"""The CASE 2021 task 2 scorer: figures on the first snippets, well above chance."""

from __future__ import annotations

import pytest

from sitrep.evaluate import score
from sitrep.evaluate.case2021 import read_snippets


@pytest.mark.shared
def test_case2021_first_snippets(shared_data):
    gold = shared_data / "case2021_task2" / "snippets.tsv"
    report = score("case2021", str(gold), limit=100)
    assert report.counts["snippets"] == 100
    # 25 labels: chance is about 0.04; a useful classifier is far above it
    assert report.metrics["weighted_f1_acled25"] >= 0.45, report.table()
    assert report.metrics["accuracy_acled25"] >= 0.4, report.table()
    assert 0.0 <= report.metrics["non_event_without_event"] <= 1.0
    assert "gold -> predicted" in report.details


def test_read_snippets_rejects_other_files(tmp_path):
    bad = tmp_path / "snippets.tsv"
    bad.write_text("a\tb\tc\n1\tx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match="id, EventSnippet, SubType"):
        read_snippets(bad)


def test_read_snippets_limit_and_folder(tmp_path):
    f = tmp_path / "snippets.tsv"
    f.write_text("id\tEventSnippet\tSubType\n1\tSoldiers clashed with rebels.\tARMED_CLASH\n"
                 "2\tFloods hit the town.\tNATURAL_DISASTER\n", encoding="utf-8")
    assert read_snippets(tmp_path, limit=1) == [("1", "Soldiers clashed with rebels.", "ARMED_CLASH")]
