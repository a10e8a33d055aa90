"""Find the shootings a round-up report tells one after another: the sentences of each.

"Four people were wounded in shootings Tuesday. The day's latest shooting happened at 10:53 p.m.
in the 3300 block of East 84th Street ... Shortly before 8:45 p.m., two people were wounded in the
West Garfield Park neighborhood ...": a report whose lede or headline tells shootings in the plural
and whose body then tells, each at an address of its own (a block, a neighborhood, an
intersection) or opened in so many words ("In a separate shooting, ..."), at least two shootings
with someone harmed, is a round-up. Each of its shootings is an event of its own, as ACLED codes
them; the lede's sum of the day is none. A report of one shooting keeps being read as one crime
(`crime_report`), however many streets it names: it tells no shootings in the plural.
The cues are data (data/roundup.yaml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.events.crime_report import tells_an_event
from sitrep.events.lexicons import read_data
from sitrep.model import Analysis


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    raw = read_data("roundup.yaml")
    cues = {k: re.compile(raw[k], re.I | re.X) for k in ("plural", "another", "one_victim", "many_victims", "goes_on",
                                                         "time_opener")}
    # an address names a street or a neighborhood: its capitals matter ("in the West Side neighborhood")
    cues["address"] = re.compile(raw["address"], re.X)
    return cues


def shooting_parts(analysis: Analysis, paragraph: list[int]) -> list[list[int]]:
    """The sentence indexes of each shooting a round-up report tells, in reading order (the lede,
    which sums them up, and the headline in none), or [] for any other report. `paragraph`: a
    paragraph number per sentence. A part opens at a sentence that says it tells another shooting,
    or at a paragraph that names an address the part before did not (the first part: any address,
    as the shooting the lede sums up first is often told without a word of harm at first); a
    paragraph summing up more shootings ("On Monday, six people were wounded in shootings") closes it.
    A paragraph that goes on telling the shooting before ("He was in the 4000 block of ...") opens
    none: after the first part, a paragraph opens one only where it brings in a new victim or opens
    at another time ("Almost three hours later, police were called to ..."), and does not open on
    one told before."""
    sentences, body_end = analysis.sentences, analysis.doc.body_end()
    body = [i for i, s in enumerate(sentences) if s.end <= body_end]
    if len(body) < 3:
        return []
    cues = _cues()
    address, another = cues["address"], cues["another"]
    summing_up = [sentences[body[0]], *(s for s in sentences if s.start >= body_end)]
    if not any(sums_up(s.text) for s in summing_up):
        return []  # (most reports: one shooting)
    parts: list[list[int]] = []
    current: list[int] | None = None  # the part being read (None: the lede, or after a sum)
    named: set[str] = set()  # the addresses the current part has named
    for i in body[1:]:
        text = sentences[i].text
        opened = False
        if paragraph[i] != paragraph[i - 1]:
            words = " ".join(sentences[j].text for j in body if paragraph[j] == paragraph[i])
            here = {_key(m.group()) for m in address.finditer(words)}
            if sums_up(text):
                current, named = None, set()  # a sum of more shootings: no part of any one
            elif here and not here & named and (current is None or (
                    tells_an_event(words) and (_new_victim(text) or cues["time_opener"].match(text))
                    and not cues["goes_on"].match(text))):
                current, named, opened = [], set(), True
                parts.append(current)
        if another.match(text) and not opened:
            current, named = [], set()
            parts.append(current)
        if current is not None:
            current.append(i)
            named |= {_key(m.group()) for m in address.finditer(text)}
    told = [p for p in parts if any(tells_an_event(sentences[i].text) for i in p)]
    lede = sentences[body[0]].text
    # "A man was killed Sunday in ...": the first shooting ("Four people were hurt ..." sums them up)
    own = not sums_up(lede) and not cues["many_victims"].search(lede) and tells_an_event(lede)
    return told if len(told) + own >= 2 else []


def _new_victim(text: str) -> bool:
    cues = _cues()
    return bool(cues["one_victim"].search(text) or cues["many_victims"].search(text))


def sums_up(text: str) -> bool:
    """Does a sentence tell shootings in the plural ("Seven people were wounded in shootings")?"""
    return _cues()["plural"].search(text) is not None


def _key(words: str) -> str:
    """An address as compared: "1100 block of Alabama Street" and "1100 Block of Alabama St" agree."""
    return " ".join(re.findall(r"\w+", words.lower())[:4])
