"""What one figure of a sentence counts: the death, injury or arrest word that governs it, if any.

A number counts the dead when a death word governs it: just before it ("killed at least 5",
"the death toll rose to 12") or after it within a few words ("five soldiers were killed",
"3 dead"), or at the verb of a longer plural subject ("Four men coming from a vigil for a slain
friend were shot": the death word inside the subject is not theirs); "casualties" is never deaths.
The shots "hitting" a figure after a comma ("opened fire, hitting five people") wound them. A
figure whose verb is denied ("were not hurt") or hedged ("possibly injuring two"), whose verb
belongs to another subject ("with three friends when she was shot"), who did the killing ("a
masked gunman shot and killed a man", "dragged out by four armed men"), who is sought for it
("police are looking for two men in the shooting death"), who was accused of it ("a 17-year-old
has been charged in the shooting death of") or who is no one in particular ("any time one of our
students is hurt") counts no one; a relative clause is background ("relatives of a man who was
found dead") unless it tells what befell the counted themselves ("three men who had been shot").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.events.lexicons import alternation, count_cues, for_lowered, lowered, read_data, search_lowered

if TYPE_CHECKING:
    from sitrep.events.figures import Number

KINDS = ("death", "injury", "arrest")
_OBJECT = re.compile(r"\s+(?:and\s+(?:\w+ly\s+)?(?:wounded|injured|killed|shot|stabbed|hit)\s+)?(?:(?:approximately|about|around|at\s+least|some|nearly|almost|more\s+than|up\s+to|"
                     r"an\s+estimated|another|a\s+further)\s+)?"
                     # a time is no object ("six injured the night before", "two killed the same day")
                     r"(?!the\s+(?:night|day|morning|evening|afternoon|weekend|week|previous|same|following|next)\b)"
                     r"(?:(?:a|an|the|his|her|him|them|their|its|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several)\b|\d|"
                     # a name is an object, a day or month is not ("four were killed and one injured Friday")
                     r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
                     r"July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z])")
_ACCUSED = re.compile(r"\b(?:charged|accused|arrested|convicted|sentenced|indicted|jailed)\s+(?:[\w'’-]+\s+)?(?:in|with|of|for|over)\b", re.I)
_DENIED = re.compile(r"\b(?:no|not|never|without|nor)\s+(?:\w+\s+)?$", re.I)
_OTHER_SUBJECT = re.compile(r"\b(?:he|she|when|while|as|after|before|where)\b", re.I)  # "... friends when she was shot"
_SINGULAR_AUX = re.compile(r"(?:was|is|has\s+been)\b", re.I)
_AMONG = re.compile(r"\bamong\s+(?:the\s+)?$", re.I)  # "a teen was among four people who were shot": the toll
_THEIR_CLAUSE = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:who|that)\s+(?:had\s+been|have\s+been|were|are)\s+(?:\w+ly\s+)?", re.I)
_OTHER = re.compile(r"\bother\s+$", re.I)  # "the other five victims who were injured": the rest only
_HEDGED = re.compile(r"\bpossibly\s+$", re.I)
_OF_A_GROUP = re.compile(r"\s+of\s+(?:the|those|these|them)\b", re.I)  # "one of the officers": one of a group
_WOUNDED_WHO_DIED = re.compile(  # "two of the wounded died", a headline's "two wounded die"
    r"\s+(?:of\s+(?:the|those|them)\s+)?(?:[\w-]+\s+)?(?:wounded|injured|hurt)\s+"
    r"(?:(?:later|have|had|subsequently|since|also)\s+)?(?:die|dies|died|succumbed)\b", re.I)
_AGENT = re.compile(r"\bby\s+(?:at\s+least\s+|some\s+|about\s+|around\s+)?$", re.I)
# "police are looking for at least 2 in the shooting death": those sought are the suspects
_SOUGHT = re.compile(r"\b(?:looking|searching|hunting)\s+for\s+(?:at\s+least\s+|up\s+to\s+)?$|\bseek(?:ing|s)?\s+(?:at\s+least\s+)?$", re.I)
_DOERS = re.compile(r"\s*(?:suspects|gunmen|shooters|robbers|attackers|assailants)\b", re.I)  # the figure's noun, right after it
_ANY_TIME = re.compile(r"\b(?:any\s*time|every\s+time)\s+$", re.I)
_AUXILIARY = re.compile(r"\b(?:were|was|been|are|is|got|being)\b", re.I)  # not "allegedly", "reportedly"
# "relatives of a man who was found dead protested": a death in a relative clause is background
RELATIVE = re.compile(r"\b(?:who|whom|whose)\b", re.I)
# A plural figure's subject of up to 14 plain words before "were shot" (`_long_subject`)
_LONG_SUBJECT = re.compile(r"\s*(?:[\w'’-]+\s+){2,14}?(?P<aux>(?:were|have\s+been|had\s+been)\s+)"
                           r"(?:(?P<death>killed|slain|shot\s+dead|fatally\s+shot)|(?P<injury>shot|wounded|injured|hurt))\b", re.I)
_SUBJECT_BREAK = re.compile(r"\b(?:who|whom|whose|which|that|when|while|as|after|before|where|he|she|they|it|was|is|are|"
                            r"were|had|has|have|been|and|or|but)\b", re.I)
# "53 other people — including a 10-year-old girl — were wounded": the aside between dashes is skipped
ASIDE = re.compile(r"\s[—–]\s[^—–.;]{1,80}?\s[—–](?=\s)|\s--\s[^.;]{1,80}?\s--(?=\s)")


@lru_cache(maxsize=1)
def _shots_hitting() -> re.Pattern:
    """", hitting" or ", striking" just before a figure: the shots hit that many (data/counts.yaml)."""
    return re.compile(alternation(read_data("counts.yaml")["injury_before_number"]), re.I)


@lru_cache(maxsize=1)
def _revision_verb() -> re.Pattern:
    """The verb of a toll revised upwards, up to its figure ("has risen to", data/counts.yaml)."""
    return re.compile(alternation(read_data("counts.yaml")["revised_toll_verb"]), re.I)


@lru_cache(maxsize=1)
def _revised_toll() -> re.Pattern:
    """A toll revised after however many words of its act, up to the figure (data/counts.yaml)."""
    return re.compile(rf"(?:{alternation(read_data('counts.yaml')['revised_toll'])})(?:{_revision_verb().pattern})", re.I)


def revises_toll(text: str, start: int) -> bool:
    """Is the figure at `start` a toll revised upwards ("... has risen to seven")?"""
    return _revision_verb().search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=1)
def _lowercase_before_number() -> list[re.Pattern | None]:
    """`before_number`'s patterns for lowercased words, in its order (`lexicons.for_lowered`)."""
    return [for_lowered(rx) for rx in count_cues().before_number.values()]


def kind_of(text: str, start: int, end: int, number: Number, next_start: int, included: bool = False) -> str | None:
    """What the figure `number` of the sentence text[start:end] counts ("death", "injury", "arrest"),
    or None; the words it may read end at `next_start` (the next figure). `included`: the figure
    opened a list of included victims ("Four people, including a 17-year-old girl, were shot")."""
    cues = count_cues()
    before = text[max(start, number.start - 60):number.start]
    if "by" in before[-22:] and _AGENT.search(before):
        return None  # "dragged out by four armed individuals, shot": the doers, not the victims
    if "time" in before[-12:].lower() and _ANY_TIME.search(before):
        return None  # "Any time one of our students is hurt ...": no one in particular
    if ("for" in before[-30:] or "seek" in before[-30:]) and _SOUGHT.search(before):
        return None  # "looking for at least 2 in shooting death": the suspects sought
    if cues.to_hospital_after.match(text, number.end, next_start) and cues.to_hospital_before.search(before):
        return "injury"  # "sent four people to the hospital"
    if ("hit" in before[-14:] or "strik" in before[-14:] or "shoot" in before[-14:] or "and" in before[-5:]) \
            and _shots_hitting().search(before) \
            and not _OF_A_GROUP.match(text, number.end):
        return "injury"  # "opened fire, hitting five people", "gunfire struck Doe and three others" (not
        # "hitting one of the officers")
    if " to" in before[-14:] and (toll := _revised_toll().search(text, start, number.start)):
        return "injury" if toll.group("injury") or toll.group("hurt") else "death"  # "the toll from ... rose to 7"
    # re.I is slow: the lowered words, where they keep every offset, are searched without it
    low = lowered(before)
    for (kind, rx), lowercase_rx in zip(cues.before_number.items(), _lowercase_before_number()):
        m = search_lowered(rx, lowercase_rx, before, low)
        if m:
            if kind == "death" and cues.not_a_toll_before.search(before[:m.start()]):
                return None  # "accused of killing 3 people"
            if "possibly" in before and _HEDGED.search(before, 0, m.start()):
                return None  # "striking a man and possibly injuring a 5-year-old girl": not told for sure
            return None if kind == "other" else kind.partition("_")[0]  # ("death_toll" is "death")
    # "Four people, including a 17-year-old girl, were shot": the verb is past the comma that closes
    # the included victims (`included`)
    after = number.end + 1 if included and text.startswith(",", number.end) else number.end
    window = text[after:min(next_start, after + 120)]
    if "—" in window or "–" in window or "--" in window:
        window = _without_aside(text[after:min(end, after + 120)], next_start - after)
    if _WOUNDED_WHO_DIED.match(window):  # "two of the wounded died": dead, not wounded, and already
        # in a toll told before them in the sentence ("the toll has risen to seven, after two of ...")
        told = "toll" in text[start:number.start].lower() or cues.death.search(text, start, number.start)
        return None if told else "death"
    m = cues.after_number.match(window)
    if number.value > 1 and (m is None or (m.group("death") and not m.group("aux"))):
        long = _long_subject(window, m)
        if long is not None:
            return long  # "Four men coming from a vigil for a slain friend were shot": four wounded
    if m is None:
        return None
    kind = next(k for k in KINDS if m.group(k))
    doers = _DOERS.match(window)
    if doers is not None and not m.group("aux") and window[doers.end():m.start(kind)].strip():
        return None  # "Two suspects outstanding, teen driver shot": the bare verb is another's (not "two
        # attackers armed with knives were killed")
    words = window[:m.start(kind)].lower()  # (cheap tests before the patterns: most figures pass both)
    if kind == "death" and "ed " in words and _ACCUSED.search(window, 0, m.start(kind)):
        return None  # "a 17-year-old has been charged in the shooting death of ...": the accused, not the dead
    if ("no" in words or "never" in words or "without" in words) and _DENIED.search(window, 0, m.start(kind)):
        return None  # "Two adults inside the home were not hurt"
    if number.value > 1 and _SINGULAR_AUX.match(m.group("aux")) and _OTHER_SUBJECT.search(window, 0, m.start("aux")):
        return None  # "with three other friends when she was shot": the verb's subject is someone else
    if RELATIVE.search(window, 0, m.start(kind)) and not _AMONG.search(before) \
            and not (number.value > 1 and _THEIR_CLAUSE.fullmatch(window, 0, m.start(kind)) and not _OTHER.search(before)):
        return None  # "relatives of a man who was found dead": background in a relative clause
    if kind == "injury" and window[max(0, m.start(kind) - 6):m.start(kind)].lower() == "fatal ":
        return "death"  # "inflicted fatal injuries"
    if kind == "injury" and cues.injured_then_died.match(text, after + m.end()):
        return "death"  # "a 23-year-old man was shot and died at the hospital"
    if kind == "death" and cues.not_a_toll_after.match(text, after + m.end()):
        return None  # "51 were killed or wounded": not a death toll
    # "a masked gunman shot and killed a man": the number is who killed, not who died
    if not _AUXILIARY.search(m.group("aux")) and cues.transitive.search(m.group(kind)) \
            and _OBJECT.match(text, after + m.end()) and not m.group(kind)[:1].isupper():
        return None  # (a headline's capitals are no object: "Shooting Leaves Six People Wounded View ...")
    return kind


def _long_subject(window: str, near: re.Match | None) -> str | None:
    """The kind of a plural figure whose subject runs longer than `after_number` reads, or whose
    subject holds a death word of its own ("Four men coming from a repast to honor a slain friend
    were shot"): the first "were shot" past a subject of plain words; None when the subject breaks
    (a comma, a relative or a second clause: "three friends when he was shot")."""
    m = _LONG_SUBJECT.match(window)
    if m is None or _SUBJECT_BREAK.search(window, 0, m.start("aux")):
        return None
    if near is not None and near.end("death") > m.start("aux"):
        return None  # the death word told the figure's own fate ("Two killed, ...")
    return "death" if m.group("death") else "injury"


def _without_aside(words: str, cut: int) -> str:
    """`words` up to `cut` (the next figure) with asides between dashes blanked, offsets kept; a
    figure inside an aside ("— including a 9-year-old boy —") does not cut the words short."""
    for a in ASIDE.finditer(words):
        if a.start() < cut < a.end():
            cut = len(words)  # (the words after the aside are the figure's own)
    return ASIDE.sub(lambda a: " " * len(a.group()), words)[:cut]
