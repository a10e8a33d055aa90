"""A crime report tells one crime: its returns to the shooting give the toll, not events of their own.

A report of a crime (violence with no political actor: most US shooting stories) tells one
shooting however many sentences return to it: its criminal violent mentions become one, whose
toll is the first figure the report gives for each kind, wherever it gives it ("One of the
victims died at the hospital." in a paragraph of its own); the suspect's arrest, court steps and
sentences with neither an event word nor a word of harm (bylines, quotes) are no events there;
later violent mentions whose only party is the police ("police said ...") keep no toll of their own.
An explosion, riot, protest, territory or air-strike label with no political party whose words and
the sentence before hold none of its kind ("shell casings were found", "friends gathered at the
hospital": data/crime_report.yaml) is the shooting told again or no event.
A headline's toll ("3 dead in shooting spree") stands over a body that names one victim without a
figure; a death told in a month well before the shooting's is another shooting; a report with no
toll and no word of death that tells of someone hurt ("arrived at the hospital with a gunshot
wound") has one wounded, one whose headline tells them in the present tense ("Boy shoots 7-year-old
cousin", "shooting of woman, son") that many, and one whose words tell its dead without a figure
("the girl who died of gunshot wounds", "a double homicide") has that many dead. A later sentence
telling the whole toll ("killing a deacon and wounding three others") gives all the wounded a first
figure gave some of, and a later figure of the wounded says more than those "sent to the hospital".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from sitrep.events.counts import OTHERS_NEXT, harm_words, has_figure, sentence_counts, totals
from sitrep.events.figureless_victims import headline_wounded
from sitrep.events.filters import event_words, non_event_reason
from sitrep.events.lexicons import alternation, count_cues, for_lowered, lowered, read_data, search_lowered
from sitrep.events.report_counts import (add_counts, open_wounded, settle_the_toll, shooters_own_death,
                                         shot_with_no_death, wounded_besides)
from sitrep.model import ARMED, Analysis, Mention, Span
from sitrep.taxonomy import CRIMINAL, VIOLENT

POLITICAL = ARMED  # a party of one of these makes violence political, not crime
# "last year", "in August 2015", "the 2015 Walmart shooting": another shooting than the report's own
ANOTHER_TIME = re.compile(r"\b(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|(?:weeks|months|years)\s+ago|"
                          r"a\s+(?:week|month|year)\s+(?:ago|earlier)|(?:in|since)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                          r"[a-z]*\.?\s+)?(?:19|20)\d\d|the\s+(?:19|20)\d\d\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:shooting|killings?|attack))\b", re.I)

# a tally of many shootings: "More than 3,290 people have been injured in those shootings"
_MANY_SHOOTINGS = re.compile(r"\b(?:in|from|by)\s+(?:those|these)\s+(?:[\w'’-]+\s+)?(?:shootings|incidents)\b", re.I)

# a headline over several shootings: "3 dead, 22 wounded in weekend shootings", "violence across the city"
_ROUNDUP_HEADLINE = re.compile(r"\b(?:shootings|weekend|violence|across|separate|citywide)\b", re.I)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_IN_MONTH = re.compile(r"\b(?:in|since|during)\s+(January|February|March|April|June|July|August|September|"
                       r"October|November|December)\b(?!\s+\d)")  # (a day or year after it: other rules read those)


def tells_an_event(text: str) -> bool:
    """An event is told in event words or words of harm ("were wounded in a drive-by"): a
    sentence with neither ("By Craig Lucie", "His friends said he looked after them") is none,
    whatever the classifier says."""
    if event_words(text):
        return True
    c = count_cues()
    return bool(c.death.search(text) or c.injury.search(text))


def one_crime_per_report(mentions: list[Mention], analysis: Analysis) -> list[Mention]:
    """A crime report tells one shooting (or stabbing) however many sentences come back to it:
    its violent criminal mentions become one, whose toll is the first the report gives for each
    kind. The suspect's arrest, court dates and other developments around a crime are not events
    of their own (ACLED codes arrests only when they are political)."""
    crimes = [m for m in mentions if m.disorder_type == CRIMINAL and m.event_type in VIOLENT]
    if not crimes:
        return mentions
    # "shell casings were found", "the bullet struck his wallet": the shooting told again in words the
    # model reads as another kind of violence; "friends gathered at the hospital": no event at all
    wordless = [m for m in mentions if m not in crimes and not _political_party(m) and _lacks_own_words(m, analysis)]
    crimes += [m for m in wordless if m.event_type in VIOLENT]  # (after the lede, which stays `main`)
    mentions = [m for m in mentions if m not in wordless or m in crimes]
    main = crimes[0]  # the lede: it names the place and day other reports of the shooting give
    # "police said", "police are looking for two men": the police that look into a crime, read as
    # its party, tell the same shooting; its toll is the crime's (their places and words stay)
    police = [m for m in mentions if m not in crimes and m.event_type in VIOLENT and m.span.start > main.span.start
              and not _political_party(m) and any(a.name.startswith("Police Forces") for a in _parties(m))]
    told = [m for m in mentions if m in crimes or m in police]
    for name in ("fatalities", "injuries"):
        if getattr(main, name) is None:
            other = next((m for m in told if getattr(m, name) is not None and not ANOTHER_TIME.search(m.span.text)
                          and not _another_month(m.span.text, main.date)), None)
            if other is not None:
                setattr(main, name, getattr(other, name))
                main.evidence[name] = other.evidence.get(name, other.span)
                main.claims += [c for c in other.claims if c.field == name]
    for m in police:
        m.fatalities = m.injuries = None
        m.evidence = {k: v for k, v in m.evidence.items() if k not in ("fatalities", "injuries")}
        m.claims = [c for c in m.claims if c.field not in ("fatalities", "injuries")]
    return [m for m in mentions if m is main or (m not in crimes and not _around_a_crime(m))]


@lru_cache(maxsize=1)
def _own_words() -> dict[str, re.Pattern]:
    """Per sub-type or event type, the words of its own kind an event of a crime report needs (crime_report.yaml)."""
    return {kind: re.compile(alternation(words), re.I) for kind, words in read_data("crime_report.yaml")["own_words"].items()}


def _lacks_own_words(m: Mention, analysis: Analysis) -> bool:
    """Whether a mention's type needs words of its own kind in a crime report and neither its sentence
    nor the report's sentence before it has any."""
    words = _own_words().get(m.sub_event_type) or _own_words().get(m.event_type)
    if words is None or words.search(m.span.text) is not None:
        return False
    sentences = analysis.sentences
    at = bisect_right([s.start for s in sentences], m.span.start) - 1  # the sentence the mention opens in
    return at < 1 or words.search(sentences[at - 1].text) is None


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
    # "was shot in the leg", "several were shot", "sent three to the hospital": a larger figure said elsewhere tells more
    lone = open_wounded(crime) or _sent_to_hospital(crime, text)
    for s in analysis.sentences:
        if crime.fatalities is not None and crime.injuries is not None and not lone:
            break
        if lone and crime.fatalities is not None and not has_figure(starts, s.start, s.end):
            continue  # only a figure can say more than the lone victim: none in this sentence
        at = bisect_left(harm, s.start)
        if crime.span.start <= s.start < crime.span.end or at == len(harm) or harm[at] >= s.end:
            continue
        if non_event_reason(s.text) is not None or ANOTHER_TIME.search(s.text) or _another_month(s.text, crime.date) \
                or _MANY_SHOOTINGS.search(s.text):
            continue  # background, another shooting ("a shooting last week left a teen dead") or a city's tally
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
            lone = open_wounded(crime) or _sent_to_hospital(crime, text)
    if crime.fatalities:
        shooters_own_death(crime, analysis.sentences, text, numbers, _background)
    headline_dead(crime, analysis, numbers)
    if crime.fatalities is None:
        dead_untold(crime, analysis)
    if crime.fatalities is None and crime.injuries is None:
        headline_hurt(crime, analysis)
    if crime.fatalities is None and crime.injuries is None:
        shot = shot_with_no_death(text, 0, len(text))
        if shot is not None:
            add_counts(crime, {"injury": (shot.value, shot.start, shot.end)}, ("", None), text)
    if crime.fatalities is None and crime.injuries is None:
        one_hurt_untold(crime, text, numbers)
    if crime.fatalities and crime.injuries:
        fuller_toll(crime, analysis, numbers)
    settle_the_toll(crime, analysis.sentences, text, numbers, analysis.doc.body_end(), _background)


def _sent_to_hospital(crime: Mention, text: str) -> bool:
    """The crime's wounded rest on those a shooting "sent to the hospital": a floor, since a later
    "Four people were wounded" may count some who never went."""
    hurt = crime.evidence.get("injuries")
    return hurt is not None and crime.injuries is not None \
        and count_cues().to_hospital_before.search(text, max(0, hurt.start - 40), hurt.start) is not None \
        and count_cues().to_hospital_after.match(text, hurt.end) is not None


def fuller_toll(crime: Mention, analysis: Analysis, numbers: list) -> None:
    """"The bullets wounded a mother and her son ... killing a deacon and wounding three others": a
    later sentence of the body that tells the whole toll at once, the same dead and more wounded
    told as others besides them, tells all the wounded the first figure gave some of (not a
    sentence of background, of another shooting or of a round-up)."""
    text = analysis.doc.text
    hurt, body_end = crime.evidence.get("injuries"), analysis.doc.body_end()
    for s in analysis.sentences:
        if hurt is None or s.start < hurt.end or s.end > body_end or "," not in s.text:
            continue  # (a toll "killing one and wounding three others" runs on after a comma; not a headline)
        found = totals(sentence_counts(text, s.start, s.end, numbers))
        dead, wounded = found.get("death"), found.get("injury")
        if dead is None or wounded is None or dead[0] != crime.fatalities or wounded[0] <= crime.injuries \
                or not OTHERS_NEXT.match(text, wounded[2]) or _background(s.text) or _ROUNDUP_HEADLINE.search(s.text):
            continue
        crime.injuries = wounded[0]
        crime.evidence["injuries"] = Span(crime.doc_id, wounded[1], wounded[2], text[wounded[1]:wounded[2]])
        crime.claims = [c for c in crime.claims if c.field != "injuries"]
        return


def headline_dead(crime: Mention, analysis: Analysis, numbers: list) -> None:
    """"3 dead in shooting spree" over a body that tells one victim without a figure ("shot his
    ex-wife, her friend and a deputy before he died"): the headline's figure of the dead is the
    toll. Not a round-up's headline ("4 killed in weekend shootings"), nor over a figure of more than
    one in the body."""
    dead = crime.evidence.get("fatalities")
    body_end = analysis.doc.body_end()
    if not crime.fatalities or dead is None or dead.start >= body_end or body_end == len(analysis.doc.text) \
            or any(dead.start <= n.start < dead.end and n.value > 1 for n in numbers):
        return  # (most reports: no headline of their own, or the body's toll is a figure)
    text = analysis.doc.text
    for s in analysis.sentences:
        if s.end <= body_end or _ROUNDUP_HEADLINE.search(s.text) or _background(s.text):
            continue
        found = totals(sentence_counts(text, s.start, s.end, numbers)).get("death")
        if found and found[0] > crime.fatalities:
            crime.fatalities = found[0]
            crime.evidence["fatalities"] = Span(crime.doc_id, found[1], found[2], text[found[1]:found[2]])
            crime.claims = [c for c in crime.claims if c.field != "fatalities"]
            return


def dead_untold(crime: Mention, analysis: Analysis) -> None:
    """"The 10-year-old girl who died of multiple gunshot wounds Monday", "Body found in Noble Twp",
    "Teens ID'd in double fatal shooting": a crime report with no toll read whose own shooting's
    sentences tell its dead in words a figure reader does not take (a relative clause, a noun) has
    that many dead (data/counts.yaml, dead_untold); not in background ("a body was found last year")."""
    low = analysis.doc.text.lower()
    if "died" not in low and "body" not in low and "double" not in low and "triple" not in low and "victim" not in low:
        return  # (most reports: no word any of the cues needs)
    # re.I is slow: each sentence lowered once, where that keeps every offset, is searched without it
    sentences_lowered = [lowered(s.text) for s in analysis.sentences]
    for dead, rx, lowercase_rx in _dead_cues():
        for s, s_low in zip(analysis.sentences, sentences_lowered):
            found = search_lowered(rx, lowercase_rx, s.text, s_low)
            if found is not None and not _background(s.text):
                start, end = s.start + found.start(), s.start + found.end()
                crime.fatalities = dead
                crime.evidence["fatalities"] = Span(crime.doc_id, start, end, analysis.doc.text[start:end])
                return


@lru_cache(maxsize=1)
def _dead_cues() -> list[tuple[int, re.Pattern, re.Pattern | None]]:
    """(dead, pattern, the pattern for lowercased text or None) per cue (`lexicons.for_lowered`)."""
    cues = [(int(c["dead"]), re.compile(c["pattern"], re.I)) for c in read_data("counts.yaml")["dead_untold"]]
    return [(dead, rx, for_lowered(rx)) for dead, rx in cues]


def headline_hurt(crime: Mention, analysis: Analysis) -> None:
    """"Teen shoots 6-year-old brother in hand", "Deputies probe shooting of man, woman": a crime
    report with no toll read whose words tell its wounded as a headline tells them, in the present
    tense without articles, has that many wounded (the first such sentence not in background; none
    with a word of death, `figureless_victims.headline_wounded`)."""
    text = analysis.doc.text
    for s in analysis.sentences:
        hurt = headline_wounded(s.text, s.start)
        if hurt is not None and not _background(s.text):
            crime.injuries = hurt.value
            crime.evidence["injuries"] = Span(crime.doc_id, hurt.start, hurt.end, text[hurt.start:hurt.end])
            return


def one_hurt_untold(crime: Mention, text: str, numbers: list) -> None:
    """"The child is in stable but serious condition in a Fargo hospital": a crime report with no
    toll and no word of death that tells of someone hurt has one wounded (not where a figure of more
    stands near the words: "three people suffered gunshot wounds" is no lone victim)."""
    hurt = _hurt_cues()[0].search(text)
    if hurt is not None and not _hurt_cues()[1].search(text) \
            and not any(n.value > 1 and abs(n.start - hurt.start()) < 60 for n in numbers):
        crime.injuries = 1
        crime.evidence["injuries"] = Span(crime.doc_id, hurt.start(), hurt.end(), hurt.group())


@lru_cache(maxsize=1)
def _hurt_cues() -> tuple[re.Pattern, re.Pattern]:
    raw = read_data("counts.yaml")
    return re.compile(alternation(raw["hurt_untold"]), re.I), re.compile(alternation(raw["nobody_hurt"]), re.I)


def _another_month(words: str, when) -> bool:
    """"A guard was fatally shot there in July", in a report of a December shooting: a month named
    that is months before the report's own shooting tells another one (not the month before: the
    report's day may still be a court date after the shooting, "charged in his death in October")."""
    if when is None:
        return False
    return any((when.month - _MONTHS.index(m.group(1).lower()[:3]) - 1) % 12 >= 2 for m in _IN_MONTH.finditer(words))


def _background(words: str) -> bool:
    """Words that tell no event of this report (non-event cues) or another shooting ("last year")."""
    return non_event_reason(words) is not None or bool(ANOTHER_TIME.search(words))
