"""Who a report attributes its account to is read as written, never a person's name."""

from __future__ import annotations

import pytest

from sitrep.events.attribution import attributions


@pytest.mark.parametrize("sentence, claimant", [
    ("Gunmen killed five villagers in Zamfara on Tuesday, police said.", "police"),
    ("According to the Health Ministry, three Palestinians were killed.", "the Health Ministry"),
    ("Two soldiers were wounded in the ambush, said the army spokesman.", "the army spokesman"),
    ("A local source told reporters that the militants stormed the village.", "A local source"),
    ("The Syrian Observatory for Human Rights reported eight dead in the strike.", "The Syrian Observatory for Human Rights"),
    ("The army said it had repelled the attack.", "The army"),
])
def test_claimant_is_found(sentence, claimant):
    assert [a.claimant for a in attributions(sentence)][:1] == [claimant]


def test_pronouns_and_personal_names_are_not_claimants():
    assert attributions("He said 12 people were killed in the raid.") == []
    assert attributions("Ahmed Musa Bello said the attack began at dawn.") == []


def test_claimant_offsets_point_at_the_words():
    sentence = "Three people were killed, according to the local governor's office."
    a = attributions(sentence)[0]
    assert sentence[a.start:a.end] == a.claimant == "the local governor's office"
