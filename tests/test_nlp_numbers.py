"""Quantities: counts in figures and words, approximate and ranged counts, and numbers that are not counts."""

from __future__ import annotations

import pytest

from sitrep.nlp import find_quantities


def quantities(text: str) -> list[tuple[str, int, str]]:
    return [(q.span.text, q.value, q.kind) for q in find_quantities(text)]


def only(text: str, kind: str = "count"):
    found = [q for q in find_quantities(text) if q.kind == kind]
    assert len(found) == 1, [(q.span.text, q.kind) for q in find_quantities(text)]
    return found[0]


@pytest.mark.parametrize("text, value, head", [
    ("Three people were killed in the blast.", 3, "people"),
    ("The strike killed 1,200 residents, officials said.", 1200, "residents"),
    ("Twenty-three Palestinians were wounded in the raid.", 23, "Palestinians"),
    ("Four young men were detained at the checkpoint.", 4, "men"),
    ("Two Palestinian children died of their wounds.", 2, "children"),
    ("The army said two hundred and fifty fighters surrendered.", 250, "fighters"),
    ("Five Israeli soldiers were injured.", 5, "soldiers"),
    ("Forces killed two Palestinian resistance fighters.", 2, "resistance fighters"),
    ("Six police officers were hurt.", 6, "police officers"),
])
def test_exact_counts(text, value, head):
    q = only(text)
    assert (q.value, q.head, q.approximate, q.high) == (value, head, False, None)


@pytest.mark.parametrize("text, value, high", [
    ("At least five people were killed.", 5, None),
    ("More than 20 protesters were arrested.", 20, None),
    ("Nearly 40 homes were destroyed.", 40, None),
    ("Dozens of villagers fled.", 12, None),
    ("Hundreds of demonstrators marched.", 100, None),
    ("Several civilians were hurt.", 3, None),
    ("A few shops were looted.", 2, None),
    ("Up to 10 people may have died.", 10, 10),
    ("Tens of thousands of people rallied.", 10000, None),
])
def test_approximate_counts(text, value, high):
    q = only(text)
    assert q.value == value and q.approximate and q.high == high


def test_ranges():
    q = only("Five to seven soldiers were killed.")
    assert (q.value, q.high, q.head, q.span.text) == (5, 7, "soldiers", "Five to seven")
    q = only("Between 10 and 12 fighters died.")
    assert (q.value, q.high) == (10, 12) and q.span.text.startswith("Between")


def test_a_person_is_a_count_of_one():
    q = only("A man was shot dead outside his home.")
    assert (q.value, q.head) == (1, "man")
    q = only("An elderly Palestinian woman was injured by shrapnel.")
    assert (q.value, q.head) == (1, "woman")


def test_age_is_not_a_count_but_the_person_is():
    found = find_quantities("A 13-year-old boy was wounded.")
    kinds = {(q.span.text, q.value, q.kind) for q in found}
    assert ("13", 13, "age") in kinds
    assert ("A 13-year-old boy", 1, "count") in kinds


@pytest.mark.parametrize("text, number, kind", [
    ("The victim, aged 35, died in hospital.", "35", "age"),
    ("Ahmad Saleh (24) was arrested.", "24", "age"),
    ("John Doe, 41, was charged.", "41", "age"),
    ("The crash closed Route 55 for hours.", "55", "road"),
    ("Traffic was stopped on Highway 1.", "1", "road"),
    ("The shooting happened at 3 p.m. near the mall.", "3 p.m.", "time"),
    ("Clashes broke out at 10:30 on Friday.", "10:30", "time"),
    ("The war began in 2014.", "2014", "year"),
    ("The damage was put at $500 per family.", "500", "money"),
    ("Prices rose 20% in a month.", "20", "percent"),
    ("He was shot in the 500 block of Main Street.", "500", "address"),
    ("Police found him on 11th Street.", "11th", "address"),
    ("It was the second attack this year.", "second", "ordinal"),
    ("Call 555-123-4567 with information.", "555-123-4567", "phone"),
    ("The shelling hit a village 10 km from the border.", "10", "measure"),
    ("The siege lasted three days.", "three", "duration"),
    ("Fighting resumed on Jan. 5 after a lull.", "5", "date"),
    ("The twins, 15 and 16 years old, were in the back seat.", "15", "age"),
])
def test_numbers_that_are_not_counts(text, number, kind):
    found = {q.span.text: q.kind for q in find_quantities(text)}
    assert found.get(number) == kind, found
    assert not any(k == "count" for k in found.values()), found


def test_one_of_them_and_no_one():
    q = only("One of them pulled out a gun.")
    assert (q.value, q.head) == (1, "them")
    q = only("Two of the victims died in hospital.")
    assert (q.value, q.head) == (2, "victims")
    assert [q for q in find_quantities("No one was hurt.") if q.kind == "count"] == []


def test_verbs_are_not_heads():
    assert only("Five were killed and the rest fled.").head == ""


def test_spans_point_into_the_text():
    text = "At least 12 people, including a child, died; 1,500 people fled in 2014."
    for q in find_quantities(text, "doc-1"):
        assert text[q.span.start:q.span.end] == q.span.text and q.span.doc_id == "doc-1"
    assert ("1,500", 1500, "count") in quantities(text)
    assert ("2014", 2014, "year") in quantities(text)


def test_a_child_named_only_by_age_and_both():
    q = only("The gunman wounded a six-year-old in the yard.")
    assert (q.value, q.span.text) == (1, "a six-year-old")
    q = only("Both died at the scene.")
    assert q.value == 2


def test_very_long_digit_strings_are_not_amounts():
    assert [q for q in find_quantities("Account 123456789012345678901 was frozen.") if q.kind == "count"] == []


@pytest.mark.parametrize("text", ["Officers arrived just before three o'clock on Sunday.",
                                  "The call came in at 3 o’clock in the morning."])
def test_a_clock_hour_is_a_time_not_a_count(text):
    assert [q.kind for q in find_quantities(text)] == ["time"]


def test_people_told_by_their_shared_ages_are_counted_once_each():
    found = {(q.span.text, q.value, q.kind) for q in find_quantities("Her 9- and 11-year-old daughters hid in a closet.")}
    assert ("9", 9, "age") in found and ("11", 11, "age") in found
    assert ("9- and 11-year-old daughters", 2, "count") in found
