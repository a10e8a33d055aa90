"""Whether a lone wounded victim told in a report is one of its dead or a victim of its own.

"A boy shot his brother ... The brother died at the hospital" tells one victim twice: one dead,
not also one wounded. The words tell a wounded victim apart from the dead when its subject names
another person ("her mother", "the deputy", "also", "was also shot"), a second act ("He then shot
and injured a man"), another sex or age than the dead's (the age told where the death is, if the
toll's own words give none), or says the victim lived ("is expected to recover"). Where the lone
wounded victim was one of the dead, a later one named as another ("Another teen in the car was also
shot", "An officer was hurt") is the wounded.
"""

from __future__ import annotations

import re

from sitrep.events.counts import OTHERS_NEXT, sentence_counts
from sitrep.events.figures import Number
from sitrep.events.lexicons import count_cues
from sitrep.model import Mention, Sentence, Span

_VERB = re.compile(r"\b(?:was|were|is|are|has|had|remains?|suffered|shot|shoots|wounded|injured|hurt|hospitali[sz]ed|critical)\b", re.I)
SELF = re.compile(r"\b(?:himself|herself)\b", re.I)
SELF_LATER = re.compile(r"\b(?:then|before|after)\b.*\b(?:himself|herself)\b|\bown\s+life\b|"
                        r"\bturn(?:ed|ing|s)\s+(?:the|a|his|her)\s+\w+\s+on\s+(?:himself|herself)\b", re.I | re.S)
_DIED_NEXT = re.compile(r"\W{0,3}(?:and\s+)?(?:killed|dies|died|dead)\b", re.I)  # "Grandmother shot, and killed"
_ACTIVE = re.compile(r"\W*(?:shot|shoots|shooting|wounded|wounding|injured|injuring|hit|struck|stabbed)\s+(?!in\b|by\b)", re.I)
_ALSO = re.compile(r"\W*(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?also\b", re.I)  # "A woman | was also wounded"
# the victim's sex, where the words give it: "a man was killed ... a woman was wounded" are two
_MALE = re.compile(r"\b(?:man|boy|male|teenage\s+boy|father|son|brother|husband)\b", re.I)
_FEMALE = re.compile(r"\b(?:woman|girl|female|teenage\s+girl|mother|daughter|sister|wife)\b", re.I)
_AGE = re.compile(r"\b(\d{1,3})-(?:year|yr)s?-old\b|,\s+(\d{1,3}),")
_POLICE_ROLE = re.compile(r"\b(?:officer|deputy|trooper|agent|sergeant|detective|patrolman)\b", re.I)
_ALSO_TOLD = re.compile(r"\balso\b", re.I)  # "was also shot": a victim besides those told before
A_PERSON = re.compile(r"an?\s", re.I)  # "a 20-year-old man" (was shot): one victim, no figure
_ANOTHER = re.compile(r"\b(?:another|second|third|fourth|fifth|sixth)\b", re.I)
_AFTER = re.compile(r"\b(?:after|days after|hours after|when)\b", re.I)
_ALIVE_NOW = re.compile(r"\b(?:is|are|was|were|remains?|remained|listed)\b[^.;]{0,40}?\bcondition\b|"
                        r"\b(?:is|are)\s+(?:being\s+treated|recovering)\b", re.I)
_RECOVERING = re.compile(r"\brecover(?:y|ing|s)\b|\bcondition\b", re.I)
_THEN_HURT = re.compile(r"\b(?:then|also|later)\s+(?:shot|shoots|wounded|wounds|injured|injures|stabbed|stabs)"
                        r"(?:\s+and\s+(?:wounded|injured|wounds|injures))?\s+$", re.I)


def one_victim_told_twice(m: Mention, sentences: list[Sentence], text: str, body_end: int | None = None,
                          numbers: list[Number] | None = None, background=None) -> None:
    """"A boy shot his brother ... The brother died at the hospital": one victim told before and
    after he died is dead, not also wounded. A lone wounded victim told without a figure, in
    another sentence than the deaths, is taken for one of the dead; a later one the words tell
    apart ("Another 15-year-old was also shot", "An officer was injured") is then the wounded, given
    the document's `numbers` (`background(words)` says a sentence is none of this shooting's)."""
    hurt, dead = m.evidence.get("injuries"), m.evidence.get("fatalities")
    if not m.fatalities or hurt is None or dead is None:
        return
    if m.injuries == 0 and A_PERSON.match(hurt.text):  # "A teen was shot ... He died": the one shot is dead
        _another_wounded(m, hurt, dead, sentences, text, body_end, numbers, background)
        return
    if m.injuries != 1 or not _same_as_dead(m, hurt, dead, sentences, text, body_end):
        return
    m.injuries = None
    del m.evidence["injuries"]
    m.claims = [c for c in m.claims if c.field != "injuries"]
    _another_wounded(m, hurt, dead, sentences, text, body_end, numbers, background)


def _another_wounded(m: Mention, hurt: Span, dead: Span, sentences: list[Sentence], text: str, body_end: int | None,
                     numbers: list[Number] | None, background) -> None:
    """The mention's wounded once its lone wounded victim (`hurt`) was found to be one of the dead:
    a later lone victim the words tell apart ("Another teen in the car was also shot"), if any."""
    if numbers is None:
        return
    for s in sentences:
        if s.start <= hurt.start or (body_end is not None and s.start >= body_end) or (background and background(s.text)):
            continue
        counts = sentence_counts(text, s.start, s.end, numbers)
        if any(c.kind == "death" for c in counts) or [c.value for c in counts if c.kind == "injury"] != [1]:
            continue
        lone = next(c for c in counts if c.kind == "injury")
        if not _told_as_another(text[max(s.start, lone.start - 40):min(s.end, lone.end + 12)]):
            continue  # ("In September, a 7-year-old girl was shot": another shooting, maybe)
        before = m.injuries, m.evidence.get("injuries")
        m.injuries, m.evidence["injuries"] = 1, Span(m.doc_id, lone.start, lone.end, text[lone.start:lone.end])
        if not _same_as_dead(m, m.evidence["injuries"], dead, sentences, text, body_end):
            return  # a victim of its own
        m.injuries, m.evidence["injuries"] = before
        if before[1] is None:
            del m.evidence["injuries"]


def _told_as_another(words: str) -> bool:
    """Words that name a victim besides those told before: "another", "a second", "also", "the
    other", "an officer" (a victim told apart by its age or sex may be one of another shooting)."""
    return bool(_ANOTHER.search(words) or _ALSO_TOLD.search(words) or count_cues().other_victim_subject.search(words)
                or _POLICE_ROLE.search(words))


def _same_as_dead(m: Mention, hurt: Span, dead: Span, sentences: list[Sentence], text: str, body_end: int | None) -> bool:
    """Whether the mention's lone wounded victim (`hurt`) is one of its dead (`dead`), told twice."""
    told_in = next((s for s in sentences if s.start <= hurt.start < s.end), None)
    subject = text[max(hurt.start - 40, told_in.start if told_in else 0):hurt.start]  # "A second teenager suffered..."
    if not lone_wounded(m) or _ANOTHER.search(hurt.text) or OTHERS_NEXT.search(hurt.text) or _ANOTHER.search(subject):
        return False  # a figure ("one other person was wounded", "wounded another") is a victim of its own
    if hurt.start <= dead.start < hurt.end:
        return True  # the same words ("The man was shot | in the head and chest and pronounced dead"), but
        # not a second victim inside the words of the death ("shot his brother to death, wounded another")
    if m.fatalities == 1 and SELF_LATER.search(dead.text) and not SELF.search(text, hurt.start, hurt.end + 24):
        return False  # the one dead is the shooter ("took his own life after he shot a deputy"): the wounded is
        # his victim, unless it is he ("a junior student shot himself")
    if body_end is not None and dead.start >= body_end and told_in is not None and _RECOVERING.search(told_in.text):
        return False  # "Man, woman killed ..." heading a report of a boy "on the road to recovery": not one of them
    if dead.end <= hurt.start < (len(text) if body_end is None else body_end) and _ALIVE_NOW.search(hurt.text):
        return False  # "He remains in stable condition", told after the death (in the body): someone else
    if told_in is not None and another_victim(text, hurt, dead, told_in, sentences):
        return False
    if any(s.start <= hurt.start < s.end and s.start <= dead.start < s.end for s in sentences) \
            and not (dead.end <= hurt.start and _AFTER.search(text, dead.end, hurt.start)):
        return False  # "a man was killed and a woman was wounded": two victims in one sentence, but
        # "a boy died after he was shot in the head" is one victim told twice
    return True


def another_victim(text: str, hurt: Span, dead: Span, told_in: Sentence, sentences: list[Sentence]) -> bool:
    """Do the words tell the lone wounded victim (`hurt`, in sentence `told_in`) apart from the
    dead: its subject names another person ("her mother", "the deputy", "also"), the victim lived
    ("is expected to recover", in its sentence or the next), or its age differs from the dead's?"""
    cues = count_cues()
    if SELF.search(hurt.text) or _DIED_NEXT.match(text, hurt.end) or _ACTIVE.match(hurt.text):
        return False  # "shot himself", "Grandmother shot, killed", "shot his father": no subject of its own
    before = text[told_in.start:hurt.start]
    if _THEN_HURT.search(before):
        return True  # "He then shot and injured a man": a second act, on someone else
    opener = cues.clause_opener.match(before)
    clause = before[opener.end():] if opener else before  # "Police said | the mother, Jane Doe, was ..."
    verb = _VERB.search(hurt.text)
    subject = clause + hurt.text[:verb.start() if verb else len(hurt.text)]
    if cues.other_victim_subject.search(subject) or cues.other_victim_role.match(subject) \
            or _ALSO.match(text, hurt.end, min(told_in.end, hurt.end + 12)) or _ALSO_TOLD.search(hurt.text):
        return True  # ("His son was also shot in the head")
    if _other_kin(subject, dead.text):
        return True  # ("The father was killed. His son, 4, was shot in the leg")
    after = next((s for s in sentences if s.start >= told_in.end), None)
    if cues.victim_lived.search(text, hurt.start, after.end if after is not None else told_in.end):
        return True
    if other_sex(subject, dead.text):
        return True
    dead_in = next((s for s in sentences if s.start <= dead.start < s.end), None)
    hurt_age = _ages(subject)
    dead_age = _ages(text, dead_in.start if dead_in else dead.start, dead.end)
    if hurt_age and not dead_age:  # "One dead in accidental shooting": the age told where the death is
        dead_age = [a for s in sentences if s is not told_in for a in _ages_of_the_dead(s.text)]
        return bool(dead_age) and all(a != hurt_age[-1] for a in dead_age)
    return bool(hurt_age and dead_age) and hurt_age[-1] != dead_age[-1]


def _other_kin(hurt_subject: str, dead_words: str) -> bool:
    """The wounded victim's subject opens on one kin ("His son") and the dead's words name others only
    ("The father was killed")."""
    cues = count_cues()
    head = cues.kin_at_head.match(hurt_subject)
    dead_kin = {k.lower() for k in cues.kin.findall(dead_words)}
    return head is not None and bool(dead_kin) and head.group("kin").lower() not in dead_kin


def _ages_of_the_dead(sentence: str) -> list[str]:
    """The ages a sentence gives before its first word of death ("The 19-year-old was shot ... and
    was later pronounced dead"), none where it holds no such word."""
    death = count_cues().death.search(sentence)
    return _ages(sentence, 0, death.start()) if death is not None else []


def _ages(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The ages told in text[start:end], as written ("a 13-year-old" and "Jane Doe, 13," are both "13")."""
    return [a or b for a, b in _AGE.findall(text, start, len(text) if end is None else end)]


def other_sex(hurt_subject: str, dead_words: str) -> bool:
    """The wounded victim's subject and the dead's words each name one sex, and not the same one."""
    hurt_male, hurt_female = bool(_MALE.search(hurt_subject)), bool(_FEMALE.search(hurt_subject))
    dead_male, dead_female = bool(_MALE.search(dead_words)), bool(_FEMALE.search(dead_words))
    return hurt_male != hurt_female and dead_male != dead_female and hurt_male != dead_male


def lone_wounded(m: Mention) -> bool:
    """The mention's one wounded victim rests on words without a figure ("a man", "was shot in the leg")."""
    hurt = m.evidence.get("injuries")
    return m.injuries == 1 and hurt is not None and bool(A_PERSON.match(hurt.text)
                                                         or count_cues().singular_injured.fullmatch(hurt.text))
