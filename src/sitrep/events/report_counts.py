"""A crime's toll over a whole report: the sentences' counts put together into one victim count.

A report tells its shooting over many sentences, and the same victim may be told more than once:
"A boy shot his brother ... The brother died at the hospital" is one dead, not also one wounded,
but "Three women were shot and killed ... He then shot and injured a man" is three dead and one
wounded. A lone wounded victim told apart from the dead (`same_victim`: "also", "the other
victim", "her mother", "the deputy", a different age, or words that say the victim lived) is a
victim of its own. "Five people were shot; one died" is one dead and four wounded; the shooter
who "then turned the gun on himself" adds one to the dead; in a report with no word of death, a
victim who "was shot" is wounded. A figure of all the victims ("one of the five victims", "a
quadruple shooting") or a later victim's rank ("a fourth victim was found") tells the wounded
where no exact figure did, and a headline's "Third victim dies" the dead. "Five were wounded; one of
them later died" is one dead and four wounded, and after a lone victim, one "also killed" is one more.
"A man was killed ... A woman was also wounded ... Two other men were grazed" adds up to one dead and
three wounded (a victim of the other sex, or told "also", is another; "two others" are besides the one;
with no dead, "had been hit by a stray bullet ... three others turned up hurt" is four wounded).
"""

from __future__ import annotations

import re

from sitrep.events.counts import FATALLY_NEXT, OTHERS_NEXT, killing_some, sentence_counts, shot_after
from sitrep.events.figure_kind import revises_toll
from sitrep.events.figures import Count, Number
from sitrep.events.lexicons import count_cues
from sitrep.events.same_victim import A_PERSON, SELF, SELF_LATER, lone_wounded, one_victim_told_twice, other_sex
from sitrep.model import Claim, Mention, Sentence, Span

FIELD = {"death": "fatalities", "injury": "injuries", "arrest": "arrests"}  # count kind -> Mention field
_MORE_OF_THEM = re.compile(r"\b(?:others?|more|additional|also)\b", re.I)
_ONE_AND = re.compile(r"(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?and\b", re.I)  # "A 13-year-old boy and six (others)"
_ONE = re.compile(r"one$", re.I)  # "one (of those hit by a bullet)": one victim of more told elsewhere
_SHOT_AFTER = re.compile(r"\s+(?:(?:other\s+)?[\w'’-]+\s+){0,3}?(?:were|had been|have been|got)?\s*shot\b(?!\s+(?:and|dead))", re.I)
# "Two 16-year-olds were taken to the hospital after being shot": all the victims, the dead among them
_TAKEN_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                          r"(?:taken|rushed|transported|brought|flown|airlifted)\s+to\b", re.I)
_SHOT_LIST = re.compile(r"(?:shot|shoots)\s+\S+.*\band\b", re.I | re.S)
_OTHER_BEFORE = re.compile(r"\bother\s+$", re.I)
# a victim's subject followed by its passive verb ("A woman | was shot"), not a doer ("A woman | shot him")
_PASSIVE_NEXT = re.compile(r"(?:\s*,[^,.]{0,40},)?\s+(?:was|is|has\s+been|had\s+been)\b", re.I)
_PASSIVE_VERB = re.compile(r"(?:was|is|had\s+been|has\s+been|been)\s", re.I)  # a victim's verb, its subject before it
_HURT_OBJECT = re.compile(r"\b(?:wounded|injured|shot|hit|struck|rushed|took|transported)\s+$", re.I)  # "rushed | a woman"
_THE_BEFORE = re.compile(r"\b(?:the|those|these)\s+$", re.I)
_SHOT_BEFORE = re.compile(r"\b(?:shot|shooting|shoots)\s+(?:at\s+least\s+)?$", re.I)
_SURVIVED = re.compile(r"\b(?:condition|hospital|wounded|injur\w*|hurt)\b", re.I)
_OWN_LIFE = re.compile(r"\bown\s+life\b", re.I)  # "before taking his own life"
_SHOOTER_TOLD = re.compile(r"suicide|himself|herself|\bself\b|gunman|shooter|suspect|including|\bown\s+life", re.I)
_PART_OF = re.compile(r"[\w-]+\s+of\s+(?:the|those|these)\s+[\w-]+", re.I)  # "One of the five"
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "2nd", "3rd", "4th", "5th", "6th", "7th")
_SOME_OF = re.compile(r"\s+of\s+(?:the|those|them|these)\b", re.I)
# "(one) of them later died", "(one) has since died": the dead are some of those counted before
_SOME_OF_THEM_DIED = re.compile(r"\s+(?:(?:of\s+(?:them|those|the\s+(?:victims|wounded|injured))\s+)(?:later\s+|has\s+since\s+|since\s+|subsequently\s+|then\s+)?|"
                                r"(?:later|has\s+since|since|subsequently)\s+)(?:died|succumbed|was\s+pronounced\s+dead)\b", re.I)
_ALSO_DIED = re.compile(r"\b(?:was|were)\s+also\s+(?:shot\s+and\s+)?(?:killed|slain|fatally\s+shot|shot\s+dead)\b|\balso\s+died\b", re.I)
_SECOND_ACT = re.compile(r"\b(?:then|before|after|and|later)\b[^.;]{0,40}$", re.I)
_DOER = re.compile(r"\b(?:gunman|shooter|suspect|attacker|assailant|killer)\b", re.I)  # the shooter named as such
_SECOND_ACT_WORDS = re.compile(r"\b(?:then|before|turn\w*)\b", re.I)


def shot_with_no_death(text: str, start: int, end: int) -> Count | None:
    """One victim shot ("had been accidentally shot", "shot himself") in text[start:end], read as
    wounded when the report holds no word of death at all (else the victim may have died)."""
    cues = count_cues()
    if cues.death.search(text) or "fatal" in text.lower():
        return None
    m = cues.shot_victim.search(text, start, end)
    return Count("injury", 1, m.start(), m.end()) if m else None


def shooters_own_death(m: Mention, sentences: list[Sentence], text: str, numbers: list[Number], background) -> None:
    """"A woman was shot and killed ... The man then turned the gun on himself": the shooter's
    death, told in a sentence of its own after another act, adds one to the victims' (unless the
    toll's own sentence tells of him: "two dead in a murder-suicide", "including the gunman", or
    the suicide's sentence counts its own victims, or the sentence before it tells another shooting,
    which it goes on telling). `background(words)` says a sentence is none."""
    dead = m.evidence.get("fatalities")
    toll = next((s for s in sentences if dead is not None and s.start <= dead.start < s.end), None)
    if toll is None or _SHOOTER_TOLD.search(toll.text):
        return
    for i, s in enumerate(sentences):
        words = s.text.lower()
        if s is toll or ("self" not in words and "own life" not in words and "suicide" not in words):
            continue
        if i and sentences[i - 1] is not toll and background(sentences[i - 1].text):
            continue  # "... were shot last week at a college. The gunman there ... turned the gun on himself"
        own = count_cues().suicide.search(s.text)
        # "The gunman died of a self-inflicted wound" (not "a suspect committed suicide in jail" weeks later)
        doer = own is not None and not own.group("committed") and _DOER.search(s.text, 0, own.start())
        if own is None or not (doer or _SECOND_ACT.search(s.text, 0, own.start()) or _SECOND_ACT_WORDS.search(own.group())):
            continue  # "Child accidentally shoots, kills himself": the victim is the shooter
        victims = [c for c in sentence_counts(text, s.start, s.end, numbers) if c.kind == "death"
                   and c.start < s.start + own.start() and not (doer and _DOER.search(text, c.start, c.end))]
        if not victims and not background(s.text) and not _toll_with_shooter(m.fatalities, (toll, s), sentences, text, numbers):
            start, end = min(dead.start, s.start + own.start()), max(dead.end, s.start + own.end())
            m.fatalities += 1
            m.evidence["fatalities"] = Span(m.doc_id, start, end, text[start:end])
            return


def _toll_with_shooter(dead: int, seen: tuple, sentences: list[Sentence], text: str, numbers: list[Number]) -> bool:
    """Another sentence than those `seen` gives the same toll of several with the shooter in it ("left
    four people dead as a murder and suicide"): the shooter is one of them."""
    return dead > 1 and any(s not in seen and _SHOOTER_TOLD.search(s.text) and dead == sum(
        c.value for c in sentence_counts(text, s.start, s.end, numbers) if c.kind == "death") for s in sentences)


def others_besides(text: str, start: int, end: int) -> bool:
    """The figure text[start:end] counts victims besides those told before it ("two other men were
    grazed", "three others were hurt"), not the rest of them ("the other two were taken to ...")."""
    return bool(OTHERS_NEXT.match(text, end)) and not _THE_BEFORE.search(text, max(0, start - 6), start)


def wounded_besides(m: Mention, found: dict, text: str) -> bool:
    """"A woman was wounded ... Two other men were grazed": a figure of others (`found`'s injury, a
    sentence's counts) wounded besides the mention's lone wounded victim adds to it (3); says if so."""
    hurt, lone, dead = found.get("injury"), m.evidence.get("injuries"), m.evidence.get("fatalities")
    if hurt is None or not lone_wounded(m) or not others_besides(text, hurt[1], hurt[2]):
        return False
    person = A_PERSON.match(lone.text) and (_PASSIVE_NEXT.match(text, lone.end)
                                            or _HURT_OBJECT.search(text, max(0, lone.start - 16), lone.start))
    if not person and not (not m.fatalities and _PASSIVE_VERB.match(lone.text)):
        return False  # ("was shot in the neck" may tell one of the dead: the others are besides them; with
        # no dead, "had been hit by a stray bullet ... three others showed up at a hospital" are 4)
    if any(w in lone.text.lower() for w in _ORDINALS):
        return False  # "A fifth person was shot": one of a figure told elsewhere, not one besides it
    if m.fatalities and (dead is None or lone.start < dead.end):
        return False  # "A man was wounded ... he died": one victim; only one told after the dead is another
    found["injury"] = (hurt[0] + m.injuries, hurt[1], hurt[2])
    m.injuries = None
    return True


def victims_in_all(m: Mention, sentences: list[Sentence], text: str, numbers: list[Number], background) -> None:
    """"One of the five shooting victims", "7 victims of Sunday shooting released", "a quadruple
    shooting that killed one": a figure of all
    the victims, the dead and the wounded, tells the wounded (the rest of them) where the report
    gave no exact figure of its own (none, a lone victim, "several"); "a fourth victim was found"
    tells at least four, whatever figure came before. `background(words)` says a sentence is none
    of this shooting's."""
    low = text.lower()
    has_rank = any(w in low for w in _ORDINALS)
    if "victim" not in low and "ple shooting" not in low and "ble shooting" not in low and not has_rank:
        return  # most reports: no word any figure of all the victims needs
    cues = count_cues()
    hurt = m.evidence.get("injuries")
    # (a figure of some of them, "two of the victims were teens", is no figure of all)
    told = m.injuries is not None and not (open_wounded(m) or (hurt is not None and _SOME_OF.match(text, hurt.end)))
    ranked = has_rank and count_cues().victim_ordinal.search(text) is not None
    if told and not ranked:
        return  # an exact figure of the wounded: only a later victim's rank says more
    value = {n.start: n.value for n in numbers}
    dead, hurt_now = m.fatalities or 0, m.injuries or 0
    for s in sentences:
        words = low[s.start:s.end] if len(low) == len(text) else s.text.lower()
        if "victim" not in words and "shooting" not in words and not (ranked and any(w in words for w in _ORDINALS)):
            continue
        found = []
        # the rank of a victim told as wounded ("a third victim was identified" may be one of the dead)
        if ranked and not (cues.death.search(s.text) or "fatal" in words) and (cues.injury.search(s.text) or "wound" in words):
            found += [(cues.victim_ordinals[x.group(1).lower()], x) for x in cues.victim_ordinal.finditer(s.text)]
        if not told and "victims" in words:
            found += [(value.get(s.start + x.start(next(g for g in ("n", "total", "of_shooting") if x.group(g)))), x)
                      for x in cues.victims_total.finditer(s.text)]
        if not told and ("ple shooting" in words or "ble shooting" in words):
            found += [(cues.shooting_of_many[x.group(1).lower()], x) for x in cues.shooting_of_many_rx.finditer(s.text)]
        found = [(v, x) for v, x in found if v is not None and v > dead + hurt_now]
        if not found or background(s.text):
            continue
        if m.fatalities is None and (cues.death.search(text) or "fatal" in low):
            return  # "Slain teen identified ... the double shooting": the dead, uncounted, are among them
        total, at = max(found, key=lambda f: f[0])
        start, end = s.start + at.start(), s.start + at.end()
        m.injuries = total - dead
        m.evidence["injuries"] = Span(m.doc_id, start, end, text[start:end])
        m.claims = [c for c in m.claims if c.field != "injuries"]
        return


def dead_among_the_hurt(m: Mention, numbers: list[Number], text: str = "") -> None:
    """"Five people were hospitalized ... One of the five has died", "Five were wounded; one of
    them later died": the dead picked out of the wounded figure told before them are no longer
    wounded (4)."""
    hurt, dead = m.evidence.get("injuries"), m.evidence.get("fatalities")
    if not m.injuries or not m.fatalities or hurt is None or dead is None or m.fatalities >= m.injuries:
        return
    if text and hurt.end <= dead.start and _SOME_OF_THEM_DIED.match(text, dead.end) \
            and not (_SHOT_AFTER.match(text, hurt.end) or _SHOT_BEFORE.search(text, max(0, hurt.start - 30), hurt.start)):
        # (those "shot" include the dead already: `shot_includes_killed`)
        m.injuries -= m.fatalities
        return
    if not _PART_OF.fullmatch(dead.text):
        return
    total = next((n.value for n in reversed(numbers) if dead.start <= n.start and n.end <= dead.end), None)
    if total == m.injuries:
        m.injuries -= m.fatalities


def settle_the_toll(m: Mention, sentences: list[Sentence], text: str, numbers: list[Number], body_end: int,
                    background) -> None:
    """The report's toll once its figures are read: the dead told by rank ("third victim dies"),
    the dead taken out of those shot or hurt, one victim told twice counted once, the wounded
    told by a figure of all the victims."""
    nth_dead(m, sentences, text, background)
    shot_includes_killed(m, text)
    dead_among_the_hurt(m, numbers, text)
    one_victim_told_twice(m, sentences, text, body_end, numbers, background)
    also_dead(m, sentences, text, numbers, background)
    victims_in_all(m, sentences, text, numbers, background)


def also_dead(m: Mention, sentences: list[Sentence], text: str, numbers: list[Number], background) -> None:
    """"A man was shot and killed outside a store ... His cousin was also killed": a victim told as
    "also" killed, after a toll of one, is one more dead (after a figure, "four were found dead ...
    Jane Doe was also killed", the "also" names one of them)."""
    dead = m.evidence.get("fatalities")
    if m.fatalities != 1 or dead is None or " also " not in text or not _ALSO_DIED.search(text, dead.end):
        return  # (most reports: no victim told as "also" killed after the toll)
    for s in sentences:
        also = _ALSO_DIED.search(s.text) if s.start >= dead.end else None
        if also is None or background(s.text):
            continue
        more = sum(c.value for c in sentence_counts(text, s.start, s.end, numbers) if c.kind == "death")
        more = more or (1 if also.group().lower().startswith("was") else 0)  # "a customer, 25, was also killed"
        if more:
            m.fatalities += more
            start, end = dead.start, s.end
            m.evidence["fatalities"] = Span(m.doc_id, start, end, text[start:end])


def nth_dead(m: Mention, sentences: list[Sentence], text: str, background) -> None:
    """"Third victim dies after ...", "4th victim of Elm Street shooting dies" opening a headline or
    a sentence: the toll has risen to at least that many dead (where the report gave fewer)."""
    low = text.lower()
    if not any(w in low for w in _ORDINALS):
        return  # most reports: no ordinal at all
    cues = count_cues()
    for s in sentences:
        words = low[s.start:s.end] if len(low) == len(text) else s.text.lower()
        x = cues.nth_dead.search(s.text) if any(w in words for w in _ORDINALS) else None
        if x is None or cues.victim_ordinals[x.group(1).lower()] <= (m.fatalities or 0) or background(s.text):
            continue
        start, end = s.start + x.start(), s.start + x.end()
        m.fatalities = cues.victim_ordinals[x.group(1).lower()]
        m.evidence["fatalities"] = Span(m.doc_id, start, end, text[start:end])
        m.claims = [c for c in m.claims if c.field != "fatalities"]


def open_wounded(m: Mention) -> bool:
    """The mention's wounded rest on words a larger figure said elsewhere tells more of: one
    victim ("was shot in the leg") or a vague figure ("several people were shot")."""
    return one_of_more(m) or vague_wounded(m)


def vague_wounded(m: Mention) -> bool:
    """The mention's wounded rest on a figure that says only "some" or a floor ("several people
    were shot", "at least one person was hurt"), so a larger figure said later tells more."""
    hurt = m.evidence.get("injuries")
    return m.injuries is not None and hurt is not None and count_cues().vague_figure.fullmatch(hurt.text) is not None


def one_of_more(m: Mention) -> bool:
    """The mention's wounded are one victim ("a man was shot in the leg", "her son was one of those
    hit"), so a larger figure another sentence gives ("Four people were shot") tells all of them."""
    hurt = m.evidence.get("injuries")
    return lone_wounded(m) or (m.injuries == 1 and hurt is not None and bool(_ONE.match(hurt.text)))


def shot_includes_killed(m: Mention, text: str) -> None:
    """"Five people were shot; one died": those shot include the dead, and the injured are the
    rest (4). "Three others were shot" adds to the dead and is left as it is. A shooter who then
    killed himself is not one of those he shot ("shoots 4 relatives, killing 2, then himself": 2)."""
    hurt, dead = m.evidence.get("injuries"), m.evidence.get("fatalities")
    if not m.injuries or not m.fatalities or hurt is None or dead is None:
        return
    if m.fatalities == 1 and lone_wounded(m) and dead.end <= hurt.start and _PASSIVE_NEXT.match(text, hurt.end) \
            and other_sex(hurt.text, dead.text):
        return  # "A man was killed ... A woman was shot in the arm": two victims, not one told twice
    # the shooter's own death told after his shooting ("shot a deputy and then killed himself") is
    # none of those he shot, even as the only death (not "a boy fatally shot himself")
    own_death = SELF_LATER.search(dead.text) if m.fatalities == 1 else SELF.search(dead.text) or _OWN_LIFE.search(dead.text)
    victims_dead = m.fatalities - (1 if own_death else 0)
    if victims_dead > m.injuries or _SURVIVED.search(hurt.text):
        return  # "her father is in critical condition after they were shot": the survivors alone
    # "three others were shot" are besides the dead, but "a boy and six others were shot" include him
    if hurt.start <= dead.start < hurt.end or (_MORE_OF_THEM.search(text, hurt.start, hurt.end + 16) and not _ONE_AND.match(hurt.text)):
        return
    if hurt.end <= dead.start and FATALLY_NEXT.match(text, dead.end) and shot_after(text, hurt.end) \
            and "." not in text[hurt.end:dead.start]:
        return  # "Four teens were shot, one fatally": `counts._fatally` already counted 3 wounded
    if hurt.end <= dead.start and killing_some(text, hurt.end, dead):
        return  # "shot four people, killing one": so did `counts._fatally`
    after, before = text[hurt.end:hurt.end + 50], text[max(0, hurt.start - 30):hurt.start]
    taken = _TAKEN_AFTER.match(after)
    if taken and (_OTHER_BEFORE.search(before) or count_cues().victim_lived.search(text, hurt.end, _sentence_end(text, hurt.end))):
        return  # "the other three were taken to hospitals", "Both were taken to the hospital in good condition"
    # "shot his wife, his son and himself" (a list after the verb) also holds all who were shot
    if _SHOT_AFTER.match(after) or _SHOT_BEFORE.search(before) or taken or _SHOT_LIST.match(hurt.text):
        m.injuries -= victims_dead


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence around `at` ends (a cheap reading: the next full stop)."""
    end = text.find(".", at)
    return len(text) if end == -1 else end


def add_counts(mention: Mention, counts: dict, claimant: tuple[str, Span | None], text: str,
                additive: bool = False) -> None:
    """Set the mention's counts from a sentence's; `additive` adds to counts already set
    ("One PDF member also died.") instead of leaving them, and a toll revised upwards ("The death
    toll rose to 52") replaces them: a report's latest figure is its toll."""
    for kind, (value, start, end) in counts.items():
        name = FIELD[kind]
        if mention.sub_event_type == "Peaceful protest" and kind != "arrest":
            continue  # deaths near a peaceful protest are what it is about, not its toll
        before = getattr(mention, name)
        revised = before is not None and value > before and revises_toll(text, start)
        if before is not None and not additive and not revised:
            continue
        setattr(mention, name, value if revised else value + (before or 0))
        mention.evidence[name] = Span(mention.doc_id, start, end, text[start:end])
        if claimant[0]:
            mention.claims.append(Claim(name, value, claimant[0], claimant[1]))
