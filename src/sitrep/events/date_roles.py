"""What a date of a crime report dates: the violence, a later step or statement, a death after
the wound, or nothing its words say (read by `sitrep.events.dates`; the cues are in
data/event_dates.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sitrep.events.lexicons import alternation, date_cues, read_data
from sitrep.model import DAY, DateMention

_DIED_BEFORE = re.compile(r"\b(?:died|dies|succumbed|(?P<pronounced>pronounced dead(?:\s+at\s+[^.,;\n]{1,40}?)?))"
                          r"(?P<cause>\s+(?:from|of|to)\s+(?:his|her|their|the)\s+(?:injuries|wounds))?"
                          r"\s+(?:(?:on|late|early)\s+)?$", re.I)
_THEN_THE_CAUSE = re.compile(r"^(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[\w'’-]+\s+){0,3}?(?:after|from|of)\b", re.I)
_STATEMENT_GAP = re.compile(r"\s+(?:(?:on|late|early|earlier|last|this)\s+){0,2}$", re.I)
# A full stop: not the points of "p.m.", "St." or an initial. (The look-behinds follow what they
# guard: this is read at every date, and faster so.)
_STOP = r"[.!?](?=\s)(?<![ap]\.m.)(?<!\b[A-Z][a-z].)(?<!\b[A-Z].)"
# Where a clause ends, before a date: a full stop, not the colon of "2:45". "and" before a name or
# a number ("near Wallace and 33rd Street on June 22") joins two names and ends no clause.
_CLAUSE_END = re.compile(_STOP + r"|[;\n\u2014]|[:,]\s|(?:and(?!\s+(?-i:[A-Z\d]))|but)\b(?<!\w{4})", re.I)


# The latest text's dates already read, by span: `dates` asks the role of the same date several
# times (the crime's date over the whole report, each mention's own, the event's date vote), so
# each is read once per document. The text is matched by identity; the tuple is replaced whole.
_last_read: tuple = (None, {})


def date_role(d: DateMention, text: str) -> str:
    """What a date of a crime report dates (see `_role`), read once per date of a text."""
    global _last_read
    last_text, roles = _last_read
    if last_text is not text:
        roles = {}
        _last_read = (text, roles)
    key = (d.span.start, d.span.end)
    role = roles.get(key)
    if role is None:
        role = roles[key] = _role(d, text)
    return role


def _role(d: DateMention, text: str) -> str:
    """What a date of a crime report dates: "violence" ("was shot Saturday night", "Tuesday's
    shooting"), "step" (a statement or a later step: "police said Sunday", "was charged
    Tuesday", "officials on Monday identified"), "death" (a victim's death after the wound:
    "died Thursday after he was shot", which gives way to a day of the violence said elsewhere
    but is kept over any other), "span" (the first day of a span: "shootings across the city since
    Friday night", "stolen between 9:30 p.m. Friday and noon Saturday", which dates no one event),
    "other" (another, earlier violence: "the most recent shooting of an officer occurred July 16") or
    "" when its words do not say."""
    cues = date_cues()
    after = text[d.span.end:d.span.end + 40]
    if _opens_a_range(d, text, after):
        return "span"
    died = _DIED_BEFORE.search(text, max(0, d.span.start - 60), d.span.start)
    if died and (died.group("pronounced") or died.group("cause") or _THEN_THE_CAUSE.match(after)
                 or _wounded_before(died.start(), text)):
        return "death"  # "died Thursday after he was shot", "a woman shot last week died Sunday": the day of
        # the death, maybe not of the shooting
    if cues.violence_after.match(after):
        return "violence"
    window = _clause_before(d, text)
    if _more_cues().other.search(window):
        return "other"  # "The most recent shooting of an officer occurred July 16": another event's day
    found = [m for m in cues.before.finditer(window) if m.group() != "Court" or not _a_street(m, window)]
    if found:
        last = found[-1]
        if last.group("said"):  # "police said Sunday", not "says that at 2:00 Thursday"
            return "step" if _STATEMENT_GAP.match(window, last.end()) else ""
        if last.group("noun") and (_ACT_ON_SOMEONE.match(window, last.end())
                                   or _SINCE_THE.search(window, max(0, last.start() - 30), last.start())):
            return "violence"  # "charged with fatally shooting a teenager Tuesday", "in critical condition since
            # the shooting at the home early Thursday": the shooting's day
        steps = [m for m in found if m.group("step")]
        if last.group("step") and len(found) > 1 and found[-2].group("act") \
                and _more_cues().gathering.fullmatch(last.group()):
            return "violence"  # "five people were shot at a vigil Monday evening": where it happened
        if last.group("noun") and steps and _more_cues().ongoing.fullmatch(steps[-1].group()):
            return "violence"  # "police are investigating a fatal shooting at a club early Saturday"
        if last.group("step") or (last.group("noun") and steps):
            return "step"  # "was charged in the shooting Tuesday": the charge's day (not "a neighbor
            # said the gunshot was heard at 9 p.m. Saturday": a statement dates only what follows it)
        return "violence"
    return "step" if cues.step_after.match(after) else ""


def _a_street(court: re.Match, window: str) -> bool:
    """Whether "Court" names a street ("a home on Colletta Court"), not a court of law ("Superior Court")."""
    name = _NAME_BEFORE.search(window, 0, court.start())
    return name is not None and not _more_cues().court_kind.fullmatch(name.group(1))


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


class _MoreCues(NamedTuple):
    ongoing: re.Pattern  # steps that go on: the day after their object is the violence's
    gathering: re.Pattern  # later steps that are also places where a shooting happens
    court_kind: re.Pattern  # names of courts of law ("Superior Court"); other "... Court" are streets
    plan: re.Pattern  # a plan's words, a few words before a day still to come ("will be held at the school")
    broadcast: re.Pattern  # a broadcast to come, anywhere before in the clause ("Tune in to Channel 5 News")
    other: re.Pattern  # another, earlier violence named in the date's clause ("the most recent shooting ... occurred")


@lru_cache(maxsize=1)
def _more_cues() -> _MoreCues:
    raw = read_data("event_dates.yaml")
    ongoing, gathering, court_kind = (re.compile(alternation(raw[k]), re.I)
                                      for k in ("ongoing_steps", "gatherings", "court_kinds"))
    plan = re.compile(rf"\b(?:{alternation(raw['plans_before'])})\b(?:\s+[^\s.;:!?]+){{0,5}}?\s*$", re.I)
    broadcast = re.compile(rf"\b(?:{alternation(raw['broadcasts_before'])})\b", re.I)
    other = re.compile(rf"\b(?:{alternation(raw['other_violence_before'])})", re.I)
    return _MoreCues(ongoing, gathering, court_kind, plan, broadcast, other)


def not_this_violence(role: str) -> bool:
    """Whether a date's role dates something other than the report's violence: a later step of it
    ("was charged Tuesday") or another, earlier event ("the previous shooting occurred July 16")."""
    return role in ("step", "other")


def a_plan(d: DateMention, text: str) -> bool:
    """Whether a weekday is a plan's day still to come ("a vigil will be held at the school Monday",
    "a hearing is scheduled for Tuesday", "Tune in to Channel 5 News Thursday at 6 p.m. and Friday at
    6 a.m."): nlp reads a weekday as the past one, which it is not."""
    if not (d.relative and d.precision == DAY and _A_WEEKDAY.search(d.span.text) is not None):
        return False
    cues = _more_cues()
    if cues.plan.search(_clause_before(d, text)) is not None:
        return True
    window = text[max(0, d.span.start - 80):d.span.start]  # the sentence before, its "and"s kept
    stops = [m.end() for m in _FULL_STOP.finditer(window)]
    return cues.broadcast.search(window, stops[-1] if stops else 0) is not None


# where a sentence ends
_FULL_STOP = re.compile(_STOP + r"|\n")


_A_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")


def _clause_before(d: DateMention, text: str) -> str:
    """The words of the date's own clause before it, at most 60 characters. A coordinate that holds
    only a clock time ("from noon-8 p.m. Monday and 9 a.m.-2 p.m. Tuesday") shares the clause before it.
    The window opens at a word's start: a word cut in two reads as another ("arrested" as "rested",
    "gunshot" as "shot")."""
    start = max(0, d.span.start - 60)
    while start > 0 and text[start - 1].isalnum() and d.span.start - start < 80:
        start -= 1
    window = text[start:d.span.start]
    cuts = list(_CLAUSE_END.finditer(window))
    while cuts and cuts[-1].group().strip(" ,").lower() in ("and", "") and _ONLY_A_TIME.match(window, cuts[-1].end()) \
            and _A_TIME.search(window, cuts[-1].end()):
        cuts.pop()
    return window[cuts[-1].end():] if cuts else window


_A_TIME = re.compile(r"\d|noon|midnight", re.I)
_ONLY_A_TIME = re.compile(r"(?:[\s\d:.–-]|\b(?:[ap]\.?m\b\.?|noon|midnight|from|at|on|about|around|to|until)\b)*$",
                          re.I)


# "shooting a teenager", "killing his wife": a verb of violence acting on someone, not the noun
# of "in the shooting Tuesday" that a later step governs
_ACT_ON_SOMEONE = re.compile(r"(?<=ing)\s+(?:a|an|the|his|her|their|its|two|three|four|five|\d+)\s", re.I)
# "since the shooting", "since the fatal attack": the violence a state lasts from
_SINCE_THE = re.compile(r"\bsince\s+(?:the|a|an|that|this)\s+(?:[\w-]+\s+)?$", re.I)
# a clock time may stand between the span's word and its day: "between 9:30 p.m. Friday and 12:10 p.m. Saturday"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\b\.?)?\s+|noon\s+|midnight\s+)?"
_RANGE_BEFORE = re.compile(rf"\b(?:since|between)\s+(?:(?:late|early|on)\s+)?{_CLOCK}$", re.I)
_RANGE_AFTER = re.compile(rf"^(?:['’]s)?\s*(?:and|or|into)\s+{_CLOCK}(?:(?:late|early|on|the)\s+)*"
                          r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|midnight|dawn|"
                          r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


def _opens_a_range(d: DateMention, text: str, after: str) -> bool:
    """"since Friday night", "between late Friday and Monday morning", "late Thursday or early Friday":
    the first day of a span, which dates no one shooting."""
    return bool(_RANGE_BEFORE.search(text, max(0, d.span.start - 20), d.span.start) or _RANGE_AFTER.match(after))


def told_with_the_violence(d: DateMention, text: str) -> bool:
    """Whether the words of the violence are the last cue of the date's sentence before it, further
    than its clause ("accused of opening fire into a crowd at a nightclub in Ocala on Sept. 13",
    "in connection with the shooting that was reported at Tuesday night"): a day of no step said
    with the violence, not beside a side story ("Earlier in the day Friday, the police said ...")."""
    cues = date_cues()
    after = _WHEN_AFTER.match(text, d.span.end) and cues.before.search(text, d.span.end, d.span.end + 50)
    if after and (after.group("act") or after.group("noun")):
        return True  # "at 4:30 p.m. Saturday when the shooting occurred"
    found = [m for m in cues.before.finditer(*_sentence_before(d.span.start, text)) if not m.group("said")]
    return bool(found) and (found[-1].group("act") or found[-1].group("noun")) is not None


def _sentence_before(at: int, text: str) -> tuple[str, int]:
    """(window, start): the words of the sentence or coordinate clause before offset `at`, at most
    160 characters, as a window and the offset in it where they start."""
    window = text[max(0, at - 160):at]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window, ends[-1] if ends else 0


def _wounded_before(at: int, text: str) -> bool:
    """Whether the words of the sentence before offset `at` tell of the violence ("a woman shot at a
    home last week died Sunday", "investigating the death of a teen who died on Thursday")."""
    return any(m.group("act") or m.group("noun") for m in date_cues().before.finditer(*_sentence_before(at, text)))


# where a sentence or a coordinate clause ends ("fled after the shooting and had not been located on Sunday")
_SENTENCE_END = re.compile(_STOP + r"|[;\n\u2014]|(?:and(?!\s+[A-Z\d])|but)\b(?<!\w{4})")
_WHEN_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:when|as|after)\b", re.I)
