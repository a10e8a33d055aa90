"""Fatalities, injuries and arrests are read by ACLED's rules from realistic report sentences."""

from __future__ import annotations

import pytest

from sitrep.events.counts import document_numbers, sentence_counts, totals
from sitrep.model import Document
from sitrep.nlp import analyze


def counts(sentence: str) -> dict[str, int]:
    numbers = document_numbers(analyze(Document("t", sentence)))
    found = totals(sentence_counts(sentence, 0, len(sentence), numbers))
    return {kind: value for kind, (value, _, _) in found.items()}


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen killed 3 people and wounded 5 others in a raid on the market.", {"death": 3, "injury": 5}),
    ("Five soldiers and two militants were killed in the fighting near the border.", {"death": 7}),
    ("Twelve people, including three children, were killed, and 20 were injured.", {"death": 12, "injury": 20}),
    ("A man was shot dead outside a bar in the city centre on Monday night.", {"death": 1}),
    ("Residents caught and killed a suspected cattle thief near the trading centre.", {"death": 1}),
    ("The death toll from the bombing rose to 14 on Sunday.", {"death": 14}),
    ("Police arrested 25 protesters and injured dozens more.", {"arrest": 25, "injury": 12}),
    ("Dozens of people were killed when the militia stormed the village.", {"death": 12}),
    ("Hundreds of protesters were detained across the country.", {"arrest": 100}),
    ("Several civilians were wounded by shrapnel.", {"injury": 3}),
    ("The blast left 4 dead and 9 wounded.", {"death": 4, "injury": 9}),
    ("Armed men killed between 16 and 25 people during the funeral.", {"death": 16}),
    ("The victim was shot eight times and killed.", {"death": 1}),
    ("Two attackers died when their explosives went off early.", {"death": 2}),
    ("A soldier and a suspected rebel were killed in the exchange of fire.", {"death": 2}),
    ("The fighters shot dead one soldier and one policeman at the checkpoint.", {"death": 2}),
    ("Relatives of a man who was found dead last week blocked the road.", {}),
    ("A masked gunman shot and killed a man outside the garage.", {"death": 1}),
    ("Militants abducted three civilians and killed a dozen of their livestock.", {}),
    ("The clashes resulted in the killing of 1 fighter and the injuring of two policemen.", {"death": 1, "injury": 2}),
    ("Three presumed Katiba Macina (JNIM) militants were killed and three arrested.", {"death": 3, "arrest": 3}),
    ("Police used tear gas, causing the death of a passer-by.", {"death": 1}),
    ("Police say four people were shot, one fatally, at the park late Wednesday.", {"death": 1, "injury": 3}),
    ("The teenager was shot on Saturday at his home and died early Monday in hospital.", {"death": 1}),
    ("When officers arrived, they found the driver dead in the yard.", {"death": 1}),
    ("Deputies identified the weapon used in the fatal shooting of a 7-year-old girl.", {"death": 1}),
    ("A pair of gunmen shot six people at a party early Saturday.", {"injury": 6}),
    ("Six family members including a minor were shot and killed by two armed men.", {"death": 6}),
    ("Residents looted the home of a man suspected of killing a driver.", {}),
    ("Police arrested two men accused of killing 3 traders last month.", {"arrest": 2}),
    ("In the fighting, 51 fighters were killed or wounded.", {}),
    ("The same day, another man was killed in the next village.", {"death": 1}),
])
def test_counts_follow_acled_rules(sentence, expected):
    assert counts(sentence) == expected


def test_casualties_are_not_deaths():
    assert "death" not in counts("At least 20 casualties were reported after the shelling.")


def test_crowd_size_and_dates_are_not_counts():
    sentence = "On 7 February 2022, around 500 people demonstrated in the square against new measures."
    assert counts(sentence) == {}


def test_age_is_not_a_count():
    assert counts("A 20-year-old student was shot dead by unknown gunmen.") == {"death": 1}
