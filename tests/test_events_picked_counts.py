"""A figure that picks some out of one already told adds no one, and one of those shot who died is dead, not wounded."""

from __future__ import annotations

import pytest

from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figures import document_numbers
from sitrep.model import Document
from sitrep.nlp import analyze


def counts(sentence: str) -> dict[str, int]:
    numbers = document_numbers(analyze(Document("t", sentence)))
    return {k: v for k, (v, _, _) in totals(sentence_counts(sentence, 0, len(sentence), numbers)).items()}


@pytest.mark.parametrize("sentence, expected", [
    ("Five men were shot near the gym, and two of them are in critical condition.", {"injury": 5}),
    ("Eight people were hurt, including three in serious condition, the fire chief said.", {"injury": 8}),
    ("One of 4 shot at a house party on Pine Road dies at the hospital", {"death": 1, "injury": 3}),
    ("Police say two of the six people shot at the fair on Saturday have died.", {"death": 2, "injury": 4}),
    ("Two of the three victims were released from the hospital on Monday.", {}),
    # the dead picked out of those shot by "killing": the rest are the wounded
    ("Detectives are hunting the gunman who shot five people, killing one, outside a nightclub.", {"death": 1, "injury": 4}),
    ("Man Shoots 3 Neighbors, Killing 2, After Dispute Over Parking", {"death": 2, "injury": 1}),
    ("The attackers wounded 6 guards, killing 2 drivers at the depot.", {"death": 2, "injury": 6}),
])
def test_figures_that_pick_some_out_of_the_counted(sentence, expected):
    assert counts(sentence) == expected
