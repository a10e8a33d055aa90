"""Whether a lone wounded victim told in a report is one of its dead or a victim of its own.

"A boy shot his brother ... The brother died at the hospital" tells one victim twice: one dead,
not also one wounded. The words tell a wounded victim apart from the dead when its subject names
another person ("her mother", "the deputy", "also"), a second act ("He then shot and injured a
man"), another sex or age than the dead's, or says the victim lived ("is expected to recover").
"""

from __future__ import annotations

import re

from sitrep.events.counts import OTHERS_NEXT
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
A_PERSON = re.compile(r"an?\s", re.I)  # "a 20-year-old man" (was shot): one victim, no figure
_ANOTHER = re.compile(r"\b(?:another|second|third|fourth|fifth|sixth)\b", re.I)
_AFTER = re.compile(r"\b(?:after|days after|hours after|when)\b", re.I)
_ALIVE_NOW = re.compile(r"\b(?:is|are|was|were|remains?|remained|listed)\b[^.;]{0,40}?\bcondition\b|"
                        r"\b(?:is|are)\s+(?:being\s+treated|recovering)\b", re.I)
_RECOVERING = re.compile(r"\brecover(?:y|ing|s)\b|\bcondition\b", re.I)
_THEN_HURT = re.compile(r"\b(?:then|also|later)\s+(?:shot|shoots|wounded|wounds|injured|injures|stabbed|stabs)"
                        r"(?:\s+and\s+(?:wounded|injured|wounds|injures))?\s+$", re.I)


def one_victim_told_twice(m: Mention, sentences: list[Sentence], text: str, body_end: int | None = None) -> None:
    """"A boy shot his brother ... The brother died at the hospital": one victim told before and
    after he died is dead, not also wounded. A lone wounded victim told without a figure, in
    another sentence than the deaths, is taken for one of the dead."""
    hurt, dead = m.evidence.get("injuries"), m.evidence.get("fatalities")
    if not m.fatalities or m.injuries != 1 or hurt is None or dead is None:
        return
    told_in = next((s for s in sentences if s.start <= hurt.start < s.end), None)
    subject = text[max(hurt.start - 40, told_in.start if told_in else 0):hurt.start]  # "A second teenager suffered..."
    if not lone_wounded(m) or _ANOTHER.search(hurt.text) or OTHERS_NEXT.search(hurt.text) or _ANOTHER.search(subject):
        return  # a figure ("one other person was wounded", "wounded another") is a victim of its own
    if m.fatalities == 1 and SELF_LATER.search(dead.text) and not SELF.search(text, hurt.start, hurt.end + 24):
        return  # the one dead is the shooter ("took his own life after he shot a deputy"): the wounded is
        # his victim, unless it is he ("a junior student shot himself")
    if body_end is not None and dead.start >= body_end and told_in is not None and _RECOVERING.search(told_in.text):
        return  # "Man, woman killed ..." heading a report of a boy "on the road to recovery": not one of them
    if dead.end <= hurt.start < (len(text) if body_end is None else body_end) and _ALIVE_NOW.search(hurt.text):
        return  # "He remains in stable condition", told after the death (in the body): someone else
    if told_in is not None and another_victim(text, hurt, dead, told_in, sentences):
        return
    if any(s.start <= hurt.start < s.end and s.start <= dead.start < s.end for s in sentences) \
            and not (dead.end <= hurt.start and _AFTER.search(text, dead.end, hurt.start)):
        return  # "a man was killed and a woman was wounded": two victims in one sentence, but
        # "a boy died after he was shot in the head" is one victim told twice
    m.injuries = None
    del m.evidence["injuries"]
    m.claims = [c for c in m.claims if c.field != "injuries"]


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
            or _ALSO.match(text, hurt.end, min(told_in.end, hurt.end + 12)):
        return True
    after = next((s for s in sentences if s.start >= told_in.end), None)
    if cues.victim_lived.search(text, hurt.start, after.end if after is not None else told_in.end):
        return True
    if other_sex(subject, dead.text):
        return True
    dead_in = next((s for s in sentences if s.start <= dead.start < s.end), None)
    hurt_age = _AGE.findall(subject)
    dead_age = _AGE.findall(text, dead_in.start if dead_in else dead.start, dead.end)
    return bool(hurt_age and dead_age) and hurt_age[-1] != dead_age[-1]


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
