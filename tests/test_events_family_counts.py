"""The dead told as a list with a figure in it: "his wife and four children" is five."""

from __future__ import annotations

import pytest

from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figures import document_numbers
from sitrep.model import Document
from sitrep.nlp import analyze


def dead(sentence: str) -> int | None:
    numbers = document_numbers(analyze(Document("t", sentence)))
    found = totals(sentence_counts(sentence, 0, len(sentence), numbers))
    return found["death"][0] if "death" in found else None


@pytest.mark.parametrize("sentence, expected", [
    ("Investigators say the farmer fatally shot his wife and three children before dawn on Tuesday.", 4),
    ("An uncle, his sister and two nephews were found dead in the burned house, the coroner said.", 4),
    ("The deaths of an elderly couple and their two grandsons shocked the small town.", 4),
    ("A man shot and killed his mother and two brothers, then turned the gun on himself.", 4),
    ("The gunman killed two women and a teenager at the bus stop, police said.", 3),
])
def test_each_listed_person_and_each_figure_counts(sentence, expected):
    assert dead(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Police said he killed his wife and two children were wounded in the attack.", None),
    ("The attack killed three adults and an unborn child, prosecutors said.", 3),
])
def test_the_wounded_and_the_unborn_are_not_listed_among_the_dead(sentence, expected):
    assert dead(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a list may open with the name of one of the dead, and "were shot and killed" tells them dead
    ("Rosa Diaz, her boyfriend and five children were shot and killed inside a home on Elm Road, deputies said.", 7),
    ("Her husband and four children were shot and killed in the trailer before the fire was set.", 5),
    # "N of his ...", the killer himself, and the ages of a listed figure
    ("Deputies said the gunman killed three of his stepchildren, his mother and himself at the ranch.", 5),
    ("Two girls, ages 5 and 8, and their grandmother were found dead in the flooded basement.", 3),
])
def test_a_named_victim_opening_the_list_counts_one(sentence, expected):
    assert dead(sentence) == expected
