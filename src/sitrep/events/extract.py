"""Sentences to event Mentions: which sentences report an event, of what type, with what arguments.

Each sentence is classified (all of a document's sentences in one batch); an event sentence that
the non-event rules let through becomes a Mention with its date, actors and roles, counts and
claimants, each with the words it rests on. A sentence that only gives a toll ("Two militants
died.") adds its counts to the event just before it in the same paragraph instead of standing
alone. Places are left to `geo`, which runs next.

A report of a crime (violence with no political actor: most US shooting stories) tells one
shooting however many sentences return to it: its criminal violent mentions become one, whose
toll is the first figure the report gives for each kind, wherever it gives it ("One of the
victims died at the hospital." in a paragraph of its own); the suspect's arrest, court steps and
sentences with neither an event word nor a word of harm (bylines, quotes) are no events there;
later violent mentions whose only party is the police ("police said ...") keep no toll of their own.
Only sentences the classifier flags (or that follow an event in its paragraph) are read further,
a crime report's returns to its shooting only for the toll they give, and its day is the
shooting's, read over the whole report (`dates.date_the_violence`), not a follow-up's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from sitrep.events import attribution as attr
from sitrep.events.actors import may_name_armed_actor, sentence_actors
from sitrep.events.arguments import armed_target_is_a_battle, assign_roles, civilian_targeting
from sitrep.events.classify import classify
from sitrep.events.counts import document_numbers, harm_words, has_figure, sentence_counts, totals
from sitrep.events.dates import date_the_violence, document_dates, event_date
from sitrep.events.filters import event_words, non_event_reason
from sitrep.events.lexicons import count_cues
from sitrep.events.neutral import neutralize_sentences
from sitrep.events.report_counts import open_wounded, settle_the_toll, shooters_own_death, shot_with_no_death, wounded_besides
from sitrep.model import Analysis, Claim, Mention, Span
from sitrep.taxonomy import CRIMINAL, disorder_type

_MORE = re.compile(r"\b(?:also|another|more|further|additional)\b", re.I)  # a toll that adds to the last
_OWN_ACT = re.compile(r"\s+(?:(?:said|says|reported|claimed|announced|stated|confirmed)\s+(?:that\s+)?(?:they|it|its|their)\b|"
                      r"claim(?:ed|s)\s+to\s+have\b)", re.I)
_ANAPHORA = re.compile(
    r"\s*(?:the|this|these|that|those|both|such)\s+(?:[\w'’-]+\s+){0,2}?(?:attacks?|assaults?|ambush|raids?|clash(?:es)?|"
    r"fighting|shelling|bombing|strikes?|explosions?|blasts?|protests?|demonstrations?|rall(?:y|ies)|marches|march|"
    r"riots?|arrests?|abductions?|kidnappings?|killings?|incidents?|events?|operations?|violence|confrontations?)\b", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:they|he|she|the (?:gunmen|attackers|assailants|militants|fighters|soldiers|troops|police|protesters|"
    r"demonstrators|rioters|mob|group|men))\s+(?:\w+\s+)?(?:then\s+|also\s+|later\s+)?\w+(?:ed|t)\b", re.I)
_ANOTHER_TIME = re.compile(r"\b(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|(?:weeks|months|years)\s+ago|"
                           r"a\s+(?:week|month|year)\s+(?:ago|earlier)|(?:in|since)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
                           r"[a-z]*\.?\s+)?(?:19|20)\d\d|the\s+(?:19|20)\d\d\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:shooting|killings?|attack))\b", re.I)
_FIELD = {"death": "fatalities", "injury": "injuries", "arrest": "arrests"}
# Violence that is crime when no political actor takes part. Bombs, shells, grenades, air
# strikes and chemical weapons are the tools of organised armed actors even when unnamed.
_CRIME_LIKE = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Armed clash")
# Of those, what is crime by default when the classifier did not say so and no political actor
# takes part: a shooting or a fight. An abduction or sexual violence with no named perpetrator is
# coded as ACLED codes it (political violence by an unidentified group) unless the words say crime.
_CRIME_BY_DEFAULT = ("Attack", "Armed clash")
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
_POLITICAL = ("State forces", "External/Other forces", "Rebel group", "Political militia", "Identity militia")


def _paragraphs(analysis: Analysis) -> list[int]:
    """A paragraph number per sentence: a line break between two sentences starts a new one."""
    text, out, para = analysis.doc.text, [], 0
    for i, s in enumerate(analysis.sentences):
        if i and "\n" in text[analysis.sentences[i - 1].end:s.start]:
            para += 1
        out.append(para)
    return out


def _is_toll_only(text: str) -> bool:
    """A sentence whose only event words are its count words ("Four demonstrators were injured.")."""
    c = count_cues()
    stripped = c.arrest.sub(" ", c.injury.sub(" ", c.death.sub(" ", text)))
    return not event_words(stripped)


def _take_responsibility_claims(analysis: Analysis, mentions: list[Mention], claims: list) -> None:
    """"JNIM claimed the attack" (`claims`: each such sentence and where its claim starts): the
    group becomes the initiator of the latest violent event before it when the report named
    none, or only unidentified men, and the claim is recorded."""
    for s, at in claims:
        groups = [a for a in sentence_actors(analysis, s.start, s.start + at)
                  if a.actor.category in _POLITICAL and not a.actor.name.startswith(("Military Forces", "Police Forces"))]
        earlier = [m for m in mentions if m.span.start < s.start and m.event_type in _VIOLENT]
        if not groups or not earlier:
            continue
        m, group = earlier[-1], groups[0]
        m.claims.append(Claim("actor1", group.actor.name, group.span.text, group.span))
        if m.actor1 is None or m.actor1.name.startswith("Unidentified Armed Group"):
            m.actor1 = group.actor
            m.evidence["actor1"] = group.span
            m.disorder_type = _disorder(m, False)


def _tells_an_event(text: str) -> bool:
    """An event is told in event words or words of harm ("were wounded in a drive-by"): a
    sentence with neither ("By Craig Lucie", "His friends said he looked after them") is none,
    whatever the classifier says."""
    if event_words(text):
        return True
    c = count_cues()
    return bool(c.death.search(text) or c.injury.search(text))


def _elaborates(text: str) -> bool:
    """A sentence that only tells more of the event before it: no event word of its own
    ("Casualties unknown."), one taken up by "the"/"this" ("The arrests were carried out..."),
    or the same doers again ("They killed five people")."""
    return not event_words(text) or bool(_ANAPHORA.match(text)) or bool(_PRONOUN_SUBJECT.match(text))


def _add_counts(mention: Mention, counts: dict, claimant: tuple[str, Span | None], text: str,
                additive: bool = False) -> None:
    """Set the mention's counts from a sentence's; `additive` adds to counts already set
    ("One PDF member also died.") instead of leaving them."""
    for kind, (value, start, end) in counts.items():
        name = _FIELD[kind]
        if mention.sub_event_type == "Peaceful protest" and kind != "arrest":
            continue  # deaths near a peaceful protest are what it is about, not its toll
        before = getattr(mention, name)
        if before is not None and not additive:
            continue
        setattr(mention, name, value + (before or 0))
        mention.evidence[name] = Span(mention.doc_id, start, end, text[start:end])
        if claimant[0]:
            mention.claims.append(Claim(name, value, claimant[0], claimant[1]))


@dataclass
class _Candidate:
    """A sentence that starts an event and those after it that only tell more of it (`told`);
    counts, claimants, actors and dates are read once it is known what of it is kept."""

    i: int
    c: object
    told: list = field(default_factory=list)
    reading: tuple | None = None

    def read(self, analysis: Analysis, numbers: list) -> tuple[dict, list, tuple]:
        self.reading = self.reading or _read(analysis, analysis.sentences[self.i], numbers)
        return self.reading


def _read(analysis: Analysis, s, numbers: list) -> tuple[dict, list, tuple]:
    """A sentence's counts, claimants and first claimant (name, words)."""
    counts = totals(sentence_counts(analysis.doc.text, s.start, s.end, numbers))
    claimants = attr.attributions(s.text)
    a = claimants[0] if claimants else None
    span = Span(analysis.doc.id, s.start + a.start, s.start + a.end, s.text[a.start:a.end]) if a else None
    return counts, claimants, (a.claimant if a else "", span)


def extract(analysis: Analysis, scope: str = "all") -> list[Mention]:
    """The event Mentions of an analysed document. `scope="acled"` leaves out criminal violence."""
    sentences = analysis.sentences
    if not sentences:
        return []
    text = analysis.doc.text
    classes = classify(neutralize_sentences(text, sentences))
    numbers = document_numbers(analysis)
    paragraph = _paragraphs(analysis)
    candidates: list[_Candidate] = []
    last: tuple[int, _Candidate] | None = None  # (paragraph, candidate) of the latest event
    for i, (s, c) in enumerate(zip(sentences, classes)):
        follows = last is not None and last[0] == paragraph[i]
        if c.sub_event_type is None and not follows:
            continue  # most sentences of an article: nothing more to read
        elaborates = follows and (c.sub_event_type is None or _is_toll_only(s.text) or _elaborates(s.text))
        if not elaborates and non_event_reason(s.text) is not None:
            continue
        if elaborates:  # the sentence tells more of the event before it: no new event
            last[1].told.append(s)
            continue
        last = (paragraph[i], _Candidate(i, c))
        candidates.append(last[1])
    claims = [(s, at) for s in sentences if (at := attr.responsibility_claim(s.text)) is not None]
    dates = document_dates(analysis) if candidates else []
    mentions = _mentions_of(analysis, candidates, paragraph, numbers, bool(claims), dates)
    _take_responsibility_claims(analysis, mentions, claims)
    mentions = _one_crime_per_report(mentions, text)
    _toll_told_elsewhere(analysis, mentions, numbers)
    date_the_violence(analysis, [m for m in mentions if m.event_type in _VIOLENT], dates)
    if scope == "acled":
        mentions = [m for m in mentions if m.disorder_type != CRIMINAL]
    return mentions


def _mentions_of(analysis: Analysis, candidates: list[_Candidate], paragraph: list[int], numbers: list,
                 claimed: bool, dates: list) -> list[Mention]:
    """Full mentions for the candidates that may be kept; a sure crime after the report's first
    gets only the toll `_one_crime_per_report` may take from it (none once the first has both).
    A claim of responsibility can make a crime political: then every one is built in full."""
    mentions, main = [], None  # main: the report's first crime
    for cand in candidates:
        s = analysis.sentences[cand.i]
        if main is not None and not claimed and _surely_a_crime(analysis, cand, s, numbers):
            whole = main.fatalities is None or main.injuries is None
            m = _toll_only(analysis, cand, numbers if whole else None)
            if whole:
                _tell_more(analysis, m, cand.told, numbers, victims=False)
        else:
            m = _mention(analysis, cand.i, cand.c, *cand.read(analysis, numbers), dates, paragraph,
                         sentence_actors(analysis, s.start, s.end))
            _tell_more(analysis, m, cand.told, numbers)
            if main is None and m.disorder_type == CRIMINAL and m.event_type in _VIOLENT:
                main = m
        mentions.append(m)
    return mentions


def _surely_a_crime(analysis: Analysis, cand: _Candidate, s, numbers: list) -> bool:
    """Violence the classifier calls crime, or crime-like violence, with no political actor
    among the words that could be its parties (a claimant's words are a source, not a party)."""
    if str(cand.c.event_type) not in _VIOLENT or not (cand.c.criminal or cand.c.sub_event_type in _CRIME_LIKE):
        return False
    if not may_name_armed_actor(analysis, s.start, s.end, _POLITICAL):
        return True  # one quick scan: most sentences of a crime report name no armed actor
    excluded = _claimant_ranges(s, cand.read(analysis, numbers)[1])
    return not any(a.actor.category in _POLITICAL for a in sentence_actors(analysis, s.start, s.end)
                   if not any(b <= a.span.start and a.span.end <= e for b, e in excluded))


def _claimant_ranges(s, claimants: list) -> list[tuple[int, int]]:
    """A claimant is a source, not a party, unless it speaks of its own act ("the army said it
    killed...", "the military reported that they arrested...")."""
    return [(s.start + a.start, s.start + a.end) for a in claimants if not _OWN_ACT.match(s.text, a.end)]


def _toll_only(analysis: Analysis, cand: _Candidate, numbers: list | None) -> Mention:
    """A crime mention with its counts (none when `numbers` is None) and nothing else read."""
    s, c, doc = analysis.sentences[cand.i], cand.c, analysis.doc
    m = Mention(doc_id=doc.id, span=Span(doc.id, s.start, s.end, s.text), event_type=str(c.event_type),
                sub_event_type=str(c.sub_event_type), confidence=round(float(c.confidence), 3))
    if numbers is not None:
        counts, _, claimant = cand.read(analysis, numbers)
        _add_counts(m, counts, claimant, doc.text)
    m.disorder_type = CRIMINAL
    return m


def _tell_more(analysis: Analysis, m: Mention, told: list, numbers: list, victims: bool = True) -> None:
    """Apply the sentences that tell more of the event: their tolls, victims, and its extent."""
    doc, text = analysis.doc, analysis.doc.text
    for s in told:
        counts, _, claimant = _read(analysis, s, numbers)
        had = (m.fatalities, m.injuries, m.arrests, m.actor2)
        # "One PDF member also died.", "two other men were hurt" add to the toll; "also were home" later on does not
        told_end = max((end for _, _, end in counts.values()), default=s.start)
        _add_counts(m, counts, claimant, text, additive=bool(_MORE.search(text, s.start, min(s.end, told_end + 25))) or wounded_besides(m, counts, text))
        if victims and m.actor2 is None:
            _victims_from(analysis, s, m)
        if (m.fatalities, m.injuries, m.arrests, m.actor2) != had:
            m.span = Span(doc.id, m.span.start, s.end, text[m.span.start:s.end])


def _one_crime_per_report(mentions: list[Mention], text: str) -> list[Mention]:
    """A crime report tells one shooting (or stabbing) however many sentences come back to it:
    its violent criminal mentions become one, whose toll is the first the report gives for each
    kind. The suspect's arrest, court dates and other developments around a crime are not events
    of their own (ACLED codes arrests only when they are political)."""
    crimes = [m for m in mentions if m.disorder_type == CRIMINAL and m.event_type in _VIOLENT]
    if not crimes:
        return mentions
    main = crimes[0]  # the lede: it names the place and day other reports of the shooting give
    # "police said", "police are looking for two men": the police that look into a crime, read as
    # its party, tell the same shooting; its toll is the crime's (their places and words stay)
    police = [m for m in mentions if m not in crimes and m.event_type in _VIOLENT and m.span.start > main.span.start
              and not _political_party(m) and any(a.name.startswith("Police Forces") for a in _parties(m))]
    told = [m for m in mentions if m in crimes or m in police]
    for name in ("fatalities", "injuries"):
        if getattr(main, name) is None:
            other = next((m for m in told if getattr(m, name) is not None and not _ANOTHER_TIME.search(m.span.text)),
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
    return (m.event_type == "Strategic developments" and not _political_party(m)) or not _tells_an_event(m.span.text)


def _political_party(m: Mention) -> bool:
    """A party other than the police or an unidentified group: an army, a rebel group, a militia."""
    return any(a.category in _POLITICAL and not a.name.startswith(("Police Forces", "Unidentified")) for a in _parties(m))


def _parties(m: Mention) -> list:
    return [a for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2) if a is not None]


def _toll_told_elsewhere(analysis: Analysis, mentions: list[Mention], numbers: list) -> None:
    """A crime report often gives its toll in a paragraph of its own ("One died at the hospital."): its
    crime takes the first figure any event-free sentence gives for a kind it lacks, or a larger one where its
    wounded are one victim ("was shot in the leg", to which "two others were hurt" adds) or vague ("several")."""
    crime = next((m for m in mentions if m.disorder_type == CRIMINAL and m.event_type in _VIOLENT), None)
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
        if non_event_reason(s.text) is not None or _ANOTHER_TIME.search(s.text):
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
            _add_counts(crime, found, ("", None), text)
            lone = open_wounded(crime)
    if crime.fatalities:
        shooters_own_death(crime, analysis.sentences, text, numbers, _background)
    if crime.fatalities is None and crime.injuries is None:
        shot = shot_with_no_death(text, 0, len(text))
        if shot is not None:
            _add_counts(crime, {"injury": (shot.value, shot.start, shot.end)}, ("", None), text)
    settle_the_toll(crime, analysis.sentences, text, numbers, analysis.doc.body_end(), _background)


def _background(words: str) -> bool:
    """Words that tell no event of this report (non-event cues) or another shooting ("last year")."""
    return non_event_reason(words) is not None or bool(_ANOTHER_TIME.search(words))


def _victims_from(analysis: Analysis, s, m: Mention) -> None:
    """Civilians named only in the toll sentence ("One person died.") are the event's target."""
    victims = [a for a in sentence_actors(analysis, s.start, s.end) if a.actor.category == "Civilians"]
    if victims and m.event_type in _VIOLENT:
        m.actor2 = victims[0].actor
        m.evidence["actor2"] = victims[0].span
        m.civilian_targeting = civilian_targeting(m)
        if m.civilian_targeting:
            m.evidence["civilian_targeting"] = victims[0].span


def _mention(analysis: Analysis, i: int, c, counts: dict, claimants: list, claimant: tuple,
             dates: list, paragraph: list[int], actors: list) -> Mention:
    doc, text, s = analysis.doc, analysis.doc.text, analysis.sentences[i]
    words = event_words(s.text)
    trigger = Span(doc.id, s.start + words[0][0], s.start + words[0][1], s.text[words[0][0]:words[0][1]]) if words else None
    roles = assign_roles(text, s.start, s.end, actors, c.event_type, c.sub_event_type,
                         trigger or Span(doc.id, s.start, s.end, s.text), _claimant_ranges(s, claimants))
    earlier = [j for j in range(i - 1, -1, -1) if paragraph[j] == paragraph[i]]
    when, precision, date_span = event_date(dates, analysis.sentences, i, earlier, doc.published)
    m = Mention(doc_id=doc.id, span=Span(doc.id, s.start, s.end, s.text), event_type=str(c.event_type),
                sub_event_type=str(c.sub_event_type), date=when, date_precision=precision,
                actor1=roles.actor1, assoc_actor_1=roles.assoc_actor_1, actor2=roles.actor2,
                assoc_actor_2=roles.assoc_actor_2, confidence=round(float(c.confidence), 3))
    m.evidence.update(roles.evidence)
    if trigger is not None:
        m.evidence["event_type"] = m.evidence["sub_event_type"] = trigger
    if date_span is not None:
        m.evidence["date"] = date_span
    _add_counts(m, counts, claimant, text)
    if claimant[0]:
        m.attribution = claimant[0]
        m.evidence["attribution"] = claimant[1]
        m.claims.append(Claim("event", m.sub_event_type, claimant[0], claimant[1]))
    armed_target_is_a_battle(m)
    m.civilian_targeting = civilian_targeting(m)
    if m.civilian_targeting and "actor2" in m.evidence:
        m.evidence["civilian_targeting"] = m.evidence["actor2"]
    m.disorder_type = _disorder(m, c.criminal)
    return m


def _disorder(m: Mention, criminal: bool) -> str:
    """ACLED's disorder type, or "Criminal violence" for violence with no political actor."""
    parties = [a for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2) if a is not None]
    if any(a.category in _POLITICAL and not a.name.startswith("Unidentified") for a in parties):
        criminal = False  # a state force or a named armed group makes it political, whatever the words
    if criminal or (m.sub_event_type in _CRIME_BY_DEFAULT and not any(a.category in _POLITICAL for a in parties)):
        return CRIMINAL
    return disorder_type(m.sub_event_type)
