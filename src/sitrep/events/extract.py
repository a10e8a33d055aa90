"""Sentences to event Mentions: which sentences report an event, of what type, with what arguments.

Each sentence is classified (all of a document's sentences in one batch); an event sentence that
the non-event rules let through becomes a Mention with its date, actors and roles, counts and
claimants, each with the words it rests on. A sentence that only gives a toll ("Two militants
died.") adds its counts to the event just before it in the same paragraph instead of standing
alone. Places are left to `geo`, which runs next.

A report of a crime tells one shooting however many sentences return to it (`crime_report`).
Only sentences the classifier flags (or that follow an event in its paragraph) are read further,
a crime report's returns to its shooting only for the toll they give, and its day is the
shooting's, read over the whole report (`dates.date_the_violence`), not a follow-up's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.events import attribution as attr
from sitrep.events.actors import crowd_actor, may_name_armed_actor, sentence_actors
from sitrep.events.arguments import armed_target_is_a_battle, assign_roles, civilian_targeting
from sitrep.events.classify import (Classification, arrests_are_the_cause, classify, classify_claimed_act, classify_revised_act,
                                    claimed_act, cue_label)
from sitrep.events.crime_report import POLITICAL, one_crime_per_report, toll_told_elsewhere
from sitrep.events.counts import sentence_counts, totals
from sitrep.events.figure_kind import revises_toll
from sitrep.events.figures import document_numbers
from sitrep.events.dates import date_the_violence, document_dates, event_date, mark_date_roles
from sitrep.events.filters import event_words, non_event_reason
from sitrep.events.lexicons import count_cues
from sitrep.events.neutral import neutralize_sentences
from sitrep.events.report_counts import FIELD, add_counts, shot_with_no_death, wounded_besides
from sitrep.events.roundup import shooting_parts, sums_up
from sitrep.events.same_victim import one_victim_told_twice
from sitrep.model import Analysis, Claim, Mention, Span
from sitrep.taxonomy import CRIMINAL, VIOLENT, disorder_type, sub_event_types

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
# Violence that is crime when no political actor takes part. Bombs, shells, grenades, air
# strikes and chemical weapons are the tools of organised armed actors even when unnamed.
_CRIME_LIKE = ("Attack", "Abduction/forced disappearance", "Sexual violence", "Armed clash")
# Of those, what is crime by default when the classifier did not say so and no political actor
# takes part: a shooting or a fight. An abduction or sexual violence with no named perpetrator is
# coded as ACLED codes it (political violence by an unidentified group) unless the words say crime.
_CRIME_BY_DEFAULT = ("Attack", "Armed clash")


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
                  if a.actor.category in POLITICAL and not a.actor.name.startswith(("Military Forces", "Police Forces", "Unidentified"))]
        earlier = [m for m in mentions if m.span.start <= s.start and m.event_type in VIOLENT]
        if not groups or not earlier:
            continue
        m, group = earlier[-1], groups[0]
        m.claims.append(Claim("actor1", group.actor.name, group.span.text, group.span))
        if m.actor1 is None or m.actor1.name.startswith("Unidentified Armed Group"):
            m.actor1 = group.actor
            m.evidence["actor1"] = group.span
            m.disorder_type = _disorder(m, False)


def _act_first_told(sentences, classes: list) -> None:
    """A claim of "the attack, which killed four soldiers in Gao on Monday", or a revised toll of
    "Sunday's attack on a market", before which the report told no violence is the attack's only
    telling: it takes the act's label (`classify_claimed_act`, `classify_revised_act`). A later
    report that only updates a toll so joins its incident rather than being lost."""
    for i, (s, c) in enumerate(zip(sentences, classes)):
        if c.event_type in VIOLENT:
            return  # violence told first: a later claim or toll repeats it
        if c.sub_event_type is None and (act := classify_claimed_act(s.text) or classify_revised_act(s.text)) is not None:
            classes[i] = act
            return


def _claims_the_act_told(text: str) -> bool:
    """"JNIM claimed the blast, which killed four soldiers": a claim of the act just told, no new one."""
    return attr.responsibility_claim(text) is not None and claimed_act(text.lower()) is None


def _elaborates(text: str) -> bool:
    """A sentence that only tells more of the event before it: no event word of its own
    ("Casualties unknown."), one taken up by "the"/"this" ("The arrests were carried out..."),
    or the same doers again ("They killed five people")."""
    return not event_words(text) or bool(_ANAPHORA.match(text)) or bool(_PRONOUN_SUBJECT.match(text))


def _intervention_in(before, c, text: str) -> bool:
    """ACLED: arrests of demonstrators are the protest's intervention, not an event of their own.
    An arrest sentence after a protest whose words tell the police acting ("Police intervened to
    clear the area and arrested six people") tells more of the protest."""
    return (before.event_type == "Protests" and c.sub_event_type == "Arrests"
            and cue_label(text, replacing="Peaceful protest") == "Protest with intervention")


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
    a = next((c for c in claimants if not c.denies), None)  # a group denying the act vouches for no figure
    span = Span(analysis.doc.id, s.start + a.start, s.start + a.end, s.text[a.start:a.end]) if a else None
    return counts, claimants, (a.claimant if a else "", span)


def extract(analysis: Analysis, scope: str = "all") -> list[Mention]:
    """The event Mentions of an analysed document. `scope="acled"` leaves out criminal violence."""
    sentences = analysis.sentences
    if not sentences:
        return []
    text = analysis.doc.text
    classes = classify(neutralize_sentences(text, sentences))
    _act_first_told(sentences, classes)
    numbers = document_numbers(analysis)
    paragraph = _paragraphs(analysis)
    candidates: list[_Candidate] = []
    last: tuple[int, _Candidate] | None = None  # (paragraph, candidate) of the latest event
    for i, (s, c) in enumerate(zip(sentences, classes)):
        follows = last is not None and last[0] == paragraph[i]
        if c.sub_event_type is None and not follows:
            continue  # most sentences of an article: nothing more to read
        elaborates = follows and (c.sub_event_type is None or _is_toll_only(s.text) or _elaborates(s.text)
                                  or _intervention_in(last[1].c, c, s.text) or _claims_the_act_told(s.text))
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
    parts = shooting_parts(analysis, paragraph) if any(_is_crime(m) for m in mentions) else []
    if parts:  # a round-up: one crime per shooting it tells
        mentions = _roundup(analysis, mentions, parts, classes, numbers, dates)
    else:
        mentions = one_crime_per_report(mentions, analysis)
        toll_told_elsewhere(analysis, mentions, numbers)
        _toll_revised_later(analysis, mentions, numbers)
        date_the_violence(analysis, [m for m in mentions if m.event_type in VIOLENT], dates)
    if scope == "acled":
        mentions = [m for m in mentions if m.disorder_type != CRIMINAL]
    return mentions


def _toll_revised_later(analysis: Analysis, mentions: list[Mention], numbers: list) -> None:
    """A report of one act of violence whose later paragraph revises its toll ("The death toll rose to
    52 on Saturday, hospital officials said."): the revised figure, when higher, is the report's toll.
    (In the act's own paragraph the sentence already tells more of it: `_tell_more`.)"""
    violent = [m for m in mentions if m.event_type in VIOLENT]
    if len(violent) != 1:
        return  # several acts: which one's toll rose is not told
    m, text = violent[0], analysis.doc.text
    for s in analysis.sentences:
        if s.start < m.span.end or " to " not in s.text or non_event_reason(s.text) is not None:
            continue
        counts = totals(sentence_counts(text, s.start, s.end, numbers))
        revised = {kind: c for kind, c in counts.items() if kind != "arrest" and revises_toll(text, c[1])}
        if revised:
            add_counts(m, revised, _read(analysis, s, numbers)[2], text)


def _is_crime(m: Mention) -> bool:
    return m.disorder_type == CRIMINAL and m.event_type in VIOLENT


def _roundup(analysis: Analysis, mentions: list[Mention], parts: list[list[int]], classes: list,
             numbers: list, dates: list) -> list[Mention]:
    """A round-up report's crimes: one per shooting it tells (`roundup.shooting_parts`), each with
    the toll, day and words of its own part, and the lede's own shooting when the lede tells one
    rather than the sum of them all (ACLED codes each shooting, not the day's total). Its other
    events stand as in any crime report."""
    text, sentences = analysis.doc.text, analysis.sentences
    lede = next((m for m in mentions if _is_crime(m)), None)
    kept = one_crime_per_report([m for m in mentions if m is lede or not _is_crime(m)], analysis)
    if lede is not None and (lede.span.start >= sentences[parts[0][0]].start or sums_up(lede.span.text)):
        kept.remove(lede)
    elif lede is not None:
        lede.part = 0
    # paragraph numbers as `_mention` reads them for a date: a part's sentences share one (a day said
    # in the part dates its shooting), every other sentence has its own (else the lede's day)
    label = [-1 - i for i in range(len(sentences))]
    for k, part in enumerate(parts, 1):
        for i in part:
            label[i] = len(sentences) + k
    shootings = []
    for k, part in enumerate(parts, 1):
        i = next((j for j in part if classes[j].event_type in VIOLENT), part[0])
        c = classes[i] if classes[i].event_type in VIOLENT else (lede and _label_of(lede))
        if not c:
            continue
        s = sentences[i]
        m = _mention(analysis, i, c, *_read(analysis, s, numbers), dates, label, sentence_actors(analysis, s.start, s.end))
        for j in part:  # the first figure of each kind the part gives is its toll ...
            counts, _, claimant = _read(analysis, sentences[j], numbers) if j != i else ({}, [], None)
            # ... and a lone victim's "The man also was pronounced dead" adds one more
            also = _MORE.search(sentences[j].text) is not None and all(
                getattr(m, FIELD[kind]) in (None, 1) for kind in counts)
            add_counts(m, counts, claimant, text, additive=also)
        # "was shot in the chest ... was pronounced dead": the one victim died
        one_victim_told_twice(m, [sentences[j] for j in part], text)
        start, end = sentences[part[0]].start, sentences[part[-1]].end
        if m.fatalities is None and m.injuries is None and (shot := shot_with_no_death(text[start:end], 0, end - start)):
            add_counts(m, {"injury": (shot.value, start + shot.start, start + shot.end)}, ("", None), text)
        m.part, m.lead = k, text[start:end]
        m.span = Span(analysis.doc.id, m.span.start, end, text[m.span.start:end])  # geo reads the part's places
        shootings.append(m)
    mark_date_roles(shootings, dates, text)
    return sorted(kept + shootings, key=lambda m: m.span.start)


def _label_of(m: Mention) -> Classification:
    """The classification a mention was made from, for a shooting told in words the classifier passed over."""
    return Classification(m.sub_event_type, m.event_type, m.confidence, criminal=True)


def _mentions_of(analysis: Analysis, candidates: list[_Candidate], paragraph: list[int], numbers: list,
                 claimed: bool, dates: list) -> list[Mention]:
    """Full mentions for the candidates that may be kept; a sure crime after the report's first
    gets only the toll `crime_report.one_crime_per_report` may take from it (none once the first
    has both). A claim of responsibility can make a crime political: then every one is built in full."""
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
            _graver_protest(m, cand.told)
            if main is None and m.disorder_type == CRIMINAL and m.event_type in VIOLENT:
                main = m
        mentions.append(m)
    return mentions


def _surely_a_crime(analysis: Analysis, cand: _Candidate, s, numbers: list) -> bool:
    """Violence the classifier calls crime, or crime-like violence, with no political actor
    among the words that could be its parties (a claimant's words are a source, not a party)."""
    if str(cand.c.event_type) not in VIOLENT or not (cand.c.criminal or cand.c.sub_event_type in _CRIME_LIKE):
        return False
    if not may_name_armed_actor(analysis, s.start, s.end, POLITICAL):
        return True  # one quick scan: most sentences of a crime report name no armed actor
    excluded = _claimant_ranges(s, cand.read(analysis, numbers)[1])
    return not any(a.actor.category in POLITICAL for a in sentence_actors(analysis, s.start, s.end)
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
        add_counts(m, counts, claimant, doc.text)
    m.disorder_type = CRIMINAL
    return m


def _tell_more(analysis: Analysis, m: Mention, told: list, numbers: list, victims: bool = True) -> None:
    """Apply the sentences that tell more of the event: their tolls, victims, and its extent."""
    doc, text = analysis.doc, analysis.doc.text
    for s in told:
        counts, claimants, claimant = _read(analysis, s, numbers)
        _record_denials(m, s, claimants)
        had = (m.fatalities, m.injuries, m.arrests, m.actor2)
        # "One PDF member also died.", "two other men were hurt" add to the toll; "also were home" later on does not
        told_end = max((end for _, _, end in counts.values()), default=s.start)
        add_counts(m, counts, claimant, text, additive=bool(_MORE.search(text, s.start, min(s.end, told_end + 25))) or wounded_besides(m, counts, text))
        if victims and m.actor2 is None:
            _victims_from(analysis, s, m)
        if (m.fatalities, m.injuries, m.arrests, m.actor2) != had:
            m.span = Span(doc.id, m.span.start, s.end, text[m.span.start:s.end])


def _graver_protest(m: Mention, told: list) -> None:
    """A protest whose later sentences tell, in the words of the classifier's override cues, the
    demonstrators throwing stones or fighting the police ("They pelted officers with stones"), or
    the police breaking a peaceful one up, is that graver event: the first such sentence's sub-type."""
    if m.event_type != "Protests":
        return
    for s in told:
        graver = cue_label(s.text, replacing=m.event_type, sub_type=m.sub_event_type)
        if graver and graver != m.sub_event_type:
            crowd = crowd_actor(m.event_type)
            m.sub_event_type, m.event_type = graver, sub_event_types()[graver]
            rioters = crowd_actor(m.event_type)
            if rioters is not None and crowd is not None and m.actor1 is not None and m.actor1.name == crowd.name:
                m.actor1 = rioters  # ACLED: a violent demonstration's crowd is coded as rioters
            m.disorder_type = _disorder(m, False)
            return


def _victims_from(analysis: Analysis, s, m: Mention) -> None:
    """Civilians named only in the toll sentence ("One person died.") are the event's target."""
    victims = [a for a in sentence_actors(analysis, s.start, s.end) if a.actor.category == "Civilians"]
    if victims and m.event_type in VIOLENT:
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
    add_counts(m, counts, claimant, text)
    arrested = m.evidence.get("arrests")
    if (m.event_type == "Protests" and arrested is not None
            and arrests_are_the_cause(text[max(0, arrested.start - 60):arrested.start])):
        m.arrests = None  # the arrests the protest is about, not arrests at it
        del m.evidence["arrests"]
    if claimant[0]:
        m.attribution = claimant[0]
        m.evidence["attribution"] = claimant[1]
        m.claims.append(Claim("event", m.sub_event_type, claimant[0], claimant[1]))
    _record_denials(m, s, claimants)
    armed_target_is_a_battle(m)
    m.civilian_targeting = civilian_targeting(m)
    if m.civilian_targeting and "actor2" in m.evidence:
        m.evidence["civilian_targeting"] = m.evidence["actor2"]
    m.disorder_type = _disorder(m, c.criminal)
    if m.event_type in VIOLENT and (any(d.denies for d in claimants) or claimed_act(s.text.lower(), told_before=True)):
        m.disorder_type = disorder_type(m.sub_event_type)  # an attack a group denies, or none has claimed: political
    return m


def _record_denials(m: Mention, s, claimants: list) -> None:
    """"The Taliban denied involvement in the blast": who says it did not do it, a claim about actor1
    (`actor1_denied`), never the event's actor."""
    for d in claimants:
        if d.denies and m.event_type in VIOLENT:
            m.claims.append(Claim("actor1_denied", d.claimant, d.claimant,
                                  Span(m.doc_id, s.start + d.start, s.start + d.end, d.claimant)))


def _disorder(m: Mention, criminal: bool) -> str:
    """ACLED's disorder type, or "Criminal violence" for violence with no political actor."""
    parties = [a for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2) if a is not None]
    if any(a.category in POLITICAL and not a.name.startswith("Unidentified") for a in parties):
        criminal = False  # a state force or a named armed group makes it political, whatever the words
    if criminal or (m.sub_event_type in _CRIME_BY_DEFAULT and not any(a.category in POLITICAL for a in parties)):
        return CRIMINAL
    return disorder_type(m.sub_event_type)
