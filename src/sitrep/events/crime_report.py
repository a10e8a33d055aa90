"""A crime report tells one crime: its returns to the shooting give the toll, not events of their own.

A report of a crime (violence with no political actor: most US shooting stories) tells one
shooting however many sentences return to it: its criminal violent mentions become one, whose
toll is the first figure the report gives for each kind, wherever it gives it ("One of the
victims died at the hospital." in a paragraph of its own); the suspect's arrest, court steps and
sentences with neither an event word nor a word of harm (bylines, quotes) are no events there;
later violent mentions whose only party is the police ("police said ...") keep no toll of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from sitrep.events.counts import harm_words, has_figure, sentence_counts, totals
from sitrep.events.filters import event_words, non_event_reason
from sitrep.events.lexicons import count_cues
from sitrep.events.report_counts import (add_counts, open_wounded, settle_the_toll, shooters_own_death,
                                         shot_with_no_death, wounded_besides)
from sitrep.model import Analysis, Mention
from sitrep.taxonomy import CRIMINAL

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
POLITICAL = ("State forces", "External/Other forces", "Rebel group", "Political militia", "Identity militia")
# "last year", "in August 2015", "the 2015 Walmart shooting": another shooting than the report's own
ANOTHER_TIME = re.compile(r"\b(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|(?:weeks|months|years)\s+ago|"
                          r"a\s+(?:week|month|year)\s+(?:ago|earlier)|(?:in|since)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                          r"[a-z]*\.?\s+)?(?:19|20)\d\d|the\s+(?:19|20)\d\d\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:shooting|killings?|attack))\b", re.I)


def tells_an_event(text: str) -> bool:
    """An event is told in event words or words of harm ("were wounded in a drive-by"): a
    sentence with neither ("By Craig Lucie", "His friends said he looked after them") is none,
    whatever the classifier says."""
    if event_words(text):
        return True
    c = count_cues()
    return bool(c.death.search(text) or c.injury.search(text))


def one_crime_per_report(mentions: list[Mention], text: str) -> list[Mention]:
    """A crime report tells one shooting (or stabbing) however many sentences come back to it:
    its violent criminal mentions become one, whose toll is the first the report gives for each
    kind. The suspect's arrest, court dates and other developments around a crime are not events
    of their own (ACLED codes arrests only when they are political)."""
    crimes = [m for m in mentions if m.disorder_type == CRIMINAL and m.event_type in VIOLENT]
    if not crimes:
        return mentions
    main = crimes[0]  # the lede: it names the place and day other reports of the shooting give
    # "police said", "police are looking for two men": the police that look into a crime, read as
    # its party, tell the same shooting; its toll is the crime's (their places and words stay)
    police = [m for m in mentions if m not in crimes and m.event_type in VIOLENT and m.span.start > main.span.start
              and not _political_party(m) and any(a.name.startswith("Police Forces") for a in _parties(m))]
    told = [m for m in mentions if m in crimes or m in police]
    for name in ("fatalities", "injuries"):
        if getattr(main, name) is None:
            other = next((m for m in told if getattr(m, name) is not None and not ANOTHER_TIME.search(m.span.text)),
                         None)
            if other is not None:
                setattr(main, name, getattr(other, name))
                main.evidence[name] = other.evidence.get(name, other.span)
                main.claims += [c for c in other.claims if c.field == name]
    for m in police:
        m.fatalities = m.injuries = None
        m.evidence = {k: v for k, v in m.evidence.items() if k not in ("fatalities", "injuries")}
        m.claims = [c for c in m.claims if c.field not in ("fatalities", "injuries")]
    return [m for m in mentions if m is main or (m not in crimes and not _around_a_crime(m))]


def _around_a_crime(m: Mention) -> bool:
    """In a report of a crime: an arrest or other development with no political party, or a
    sentence the classifier took for an event that holds no event or harm word at all (a byline,
    a quote, a detail of the scene)."""
    return (m.event_type == "Strategic developments" and not _political_party(m)) or not tells_an_event(m.span.text)


def _political_party(m: Mention) -> bool:
    """A party other than the police or an unidentified group: an army, a rebel group, a militia."""
    return any(a.category in POLITICAL and not a.name.startswith(("Police Forces", "Unidentified")) for a in _parties(m))


def _parties(m: Mention) -> list:
    return [a for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2) if a is not None]


def toll_told_elsewhere(analysis: Analysis, mentions: list[Mention], numbers: list) -> None:
    """A crime report often gives its toll in a paragraph of its own ("One died at the hospital."): its
    crime takes the first figure any event-free sentence gives for a kind it lacks, or a larger one where its
    wounded are one victim ("was shot in the leg", to which "two others were hurt" adds) or vague ("several")."""
    crime = next((m for m in mentions if m.disorder_type == CRIMINAL and m.event_type in VIOLENT), None)
    if crime is None:
        return
    text = analysis.doc.text
    harm = harm_words(text)  # one scan of the report, not one per sentence
    starts = [n.start for n in numbers]
    lone = open_wounded(crime)  # "was shot in the leg", "several were shot": a larger figure said elsewhere tells more
    for s in analysis.sentences:
        if crime.fatalities is not None and crime.injuries is not None and not lone:
            break
        if lone and crime.fatalities is not None and not has_figure(starts, s.start, s.end):
            continue  # only a figure can say more than the lone victim: none in this sentence
        at = bisect_left(harm, s.start)
        if crime.span.start <= s.start < crime.span.end or at == len(harm) or harm[at] >= s.end:
            continue
        if non_event_reason(s.text) is not None or ANOTHER_TIME.search(s.text):
            continue  # background, or another shooting ("a shooting last week left a teen dead")
        found = totals(sentence_counts(text, s.start, s.end, numbers))
        found.pop("arrest", None)
        if crime.fatalities is not None:
            found.pop("death", None)
        if not wounded_besides(crime, found, text) and crime.injuries is not None and not (lone and found.get("injury", (0,))[0] > crime.injuries):
            found.pop("injury", None)
        elif lone:  # "Four people were shot" says more than "one was shot in the leg" said before it
            crime.injuries = None
        if found:
            add_counts(crime, found, ("", None), text)
            lone = open_wounded(crime)
    if crime.fatalities:
        shooters_own_death(crime, analysis.sentences, text, numbers, _background)
    if crime.fatalities is None and crime.injuries is None:
        shot = shot_with_no_death(text, 0, len(text))
        if shot is not None:
            add_counts(crime, {"injury": (shot.value, shot.start, shot.end)}, ("", None), text)
    settle_the_toll(crime, analysis.sentences, text, numbers, analysis.doc.body_end(), _background)


def _background(words: str) -> bool:
    """Words that tell no event of this report (non-event cues) or another shooting ("last year")."""
    return non_event_reason(words) is not None or bool(ANOTHER_TIME.search(words))
