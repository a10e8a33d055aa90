"""Sentence splitting on the traps of news copy."""

from __future__ import annotations

import json

from sitrep.model import Document
from sitrep.nlp import analyze, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_text():
    text = "  Two people died. \n\n Police said the road was closed.  "
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert texts(text) == ["Two people died.", "Police said the road was closed."]


def test_abbreviations_and_titles_do_not_end_sentences():
    text = ("Gen. Ali Hassan told reporters the U.S. Army base in St. Louis was not hit. "
            "The attack began at 3 p.m. Thursday near Jan. 5 Street, Mr. Smith said.")
    assert texts(text) == [
        "Gen. Ali Hassan told reporters the U.S. Army base in St. Louis was not hit.",
        "The attack began at 3 p.m. Thursday near Jan. 5 Street, Mr. Smith said.",
    ]


def test_abbreviation_at_the_end_of_a_sentence():
    text = "The delegation flew back to the U.S. The talks resume next month."
    assert texts(text) == ["The delegation flew back to the U.S.", "The talks resume next month."]
    assert texts("He lives in Puyallup, Wash. The boy was 13.") == ["He lives in Puyallup, Wash.", "The boy was 13."]


def test_dateline_stays_with_its_sentence():
    text = "GAZA CITY, Jan. 5 (Reuters) - Israeli forces killed two men in a raid. Medics confirmed it."
    assert texts(text) == ["GAZA CITY, Jan. 5 (Reuters) - Israeli forces killed two men in a raid.",
                           "Medics confirmed it."]


def test_quotes():
    text = '"We ran when the shooting started," a witness said. "Nobody helped us!" She wept. He asked: "Why?" Then he left.'
    assert texts(text) == ['"We ran when the shooting started," a witness said.', '"Nobody helped us!"',
                           "She wept.", 'He asked: "Why?"', "Then he left."]


def test_headline_without_period_and_bullets():
    text = ("Three killed in market blast\n"
            "Officials blamed the attack on insurgents.\n"
            "• Two soldiers were wounded\n"
            "- A curfew was imposed\n"
            "1. Schools closed")
    assert texts(text) == ["Three killed in market blast", "Officials blamed the attack on insurgents.",
                           "Two soldiers were wounded", "A curfew was imposed", "Schools closed"]


def test_wrapped_prose_lines_are_joined():
    text = "The convoy was attacked near the\nborder crossing late on Sunday."
    assert texts(text) == ["The convoy was attacked near the\nborder crossing late on Sunday."]


def test_initials_and_decimals():
    assert texts("J. R. Smith spoke. Turnout was 3.5 percent.") == ["J. R. Smith spoke.", "Turnout was 3.5 percent."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
    assert analyze(Document(id="empty", text="")).sentences == []


def test_gva_articles_split_into_nonempty_sentences(shared_data):
    with open(shared_data / "gva" / "documents.jsonl", encoding="utf-8") as f:
        for line, _ in zip(f, range(200)):
            text = json.loads(line)["content"] or ""
            sents = split_sentences(text)
            assert all(s.text.strip() and text[s.start:s.end] == s.text for s in sents)
            assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))
            if len(text) > 500:
                assert len(sents) >= 3


def test_missing_space_after_full_stop_in_scraped_copy():
    assert texts("He is in stable condition at the hospital.An inquiry is under way.") == [
        "He is in stable condition at the hospital.", "An inquiry is under way."]
