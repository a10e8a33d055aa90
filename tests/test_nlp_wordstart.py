"""The word-start matchers give exactly what `re` gives: the events stage's triggers and non-event
cues must find the same words whichever way they are searched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.events.lexicons import nonevent_kinds, triggers
from sitrep.ingest import read_documents
from sitrep.nlp.sentences import split_sentences
from sitrep.nlp.wordstart import WordStartFinder, WordStartScreen

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Case and Unicode corners: letters re.I folds to others (Kelvin sign, long s, dotless i), the
# month against the verb, words glued to digits and apostrophes, a trigger at the very end.
TRICKY = [
    "Gunmen KILLED three villagers in March; troops marched on Monday.",
    "Police said the \u212aalashnikov-armed men \u017fhot two guards and wounded a third.",
    "An \u0130ED exploded near the convoy; the ıed was remote-detonated.",
    "Protesters'clashes with police: 2killed, several injured",
    "They will march to the ministry, organizers said, but no attack was planned",
    "SHOOTING",
    "",
    "Residents fled after shelling. Shelled, shelling, shells, shot-up cars.",
    "He was not killed, officials denied reports he died, and said the toll is unconfirmed.",
]


def _sentences() -> list[str]:
    texts = [d.text for d in read_documents([EXAMPLES], lambda _rec: None)]
    return [s.text for t in texts for s in split_sentences(t)] + TRICKY


def _patterns() -> list[re.Pattern]:
    t = triggers()
    return [t.verb, t.noun] + [k.pattern for k in nonevent_kinds()]


def test_finder_gives_the_spans_of_finditer_on_the_examples():
    sentences = _sentences()
    assert len(sentences) > 80
    for pattern in _patterns():
        find = WordStartFinder(pattern)
        for s in sentences:
            assert find(s) == [m.span() for m in pattern.finditer(s)], (pattern.pattern[:60], s)


def test_finder_is_used_for_the_trigger_words():
    # the speed comes from the word-start path: the triggers must take it, not the fallback
    assert WordStartFinder(triggers().verb).at_word is not None
    assert WordStartFinder(triggers().noun).at_word is not None


def test_screen_answers_as_searching_the_union():
    from sitrep.events.lexicons import read_data

    patterns = [p for k in read_data("nonevent_cues.yaml")["kinds"].values() for p in k["patterns"]]
    union = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    screen = WordStartScreen(patterns)
    hits = 0
    for s in _sentences():
        expected = union.search(s) is not None
        assert screen(s) == expected, s
        hits += expected
    assert hits > 0  # the examples hold cues: the test compares both answers, not only "no"


def test_a_pattern_of_another_shape_is_searched_whole():
    pattern = re.compile(r"(?<=\d)\s*(?:dead|killed)", re.I)  # opens after a digit, not at a word
    find = WordStartFinder(pattern)
    assert find.at_word is None
    assert find("12 dead, 3 killed") == [m.span() for m in pattern.finditer("12 dead, 3 killed")]


def test_finder_matches_finditer_on_gva_sentences(shared_data):
    lines = (shared_data / "gva" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[:150]
    sentences = [s.text for line in lines for s in split_sentences(json.loads(line).get("content") or "")]
    finders = [(p, WordStartFinder(p)) for p in _patterns()]
    for s in sentences:
        for pattern, find in finders:
            assert find(s) == [m.span() for m in pattern.finditer(s)], (pattern.pattern[:60], s)
