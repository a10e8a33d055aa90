"""Fatalities, injuries and arrests of one sentence by ACLED's counting rules (a crime told over a
whole report is put together in `report_counts`).

What each figure counts, if anything, is `figure_kind`'s ("five soldiers were killed" is 5 dead);
lists of victims and a lone wounded victim told without a figure are `figureless_victims`'.
"Five soldiers and two militants were killed" and "2 boys, 2 girls shot" add both; "12 people,
including 3 children, were killed" is 12. One victim without a figure ("a man
was shot dead", "was shot and killed", "died at the hospital", "killed a suspected thief";
"was wounded", "in critical condition" for the injured) is 1, unless a relative clause tells it as
background ("relatives of a man who was found dead protested"). Counts of attackers killed count like any other.
The wounded are also told by their condition ("two remain in critical condition", unless the
sentence already counted them: "four were shot, two are in critical condition" is 4), by the
hospital ("five people went to the hospital"), by a list of victims ("the mother, grandmother and
a friend were wounded" is 3) or, for one victim in a sentence with no word of death, by weaker
words ("was rushed to the hospital", "is being treated for", "was hit by a stray bullet").
Victims are also told by who they were to the killer ("shot and killed his wife and her son" is
2), by a headline's bare subject ("Teen killed in ...", "Woman critical after ..."), and the
shooter who "turned the gun on himself" adds one to the dead, unless he was the only one shot
("a boy fatally shot himself"). In a report with no word of death, one victim "was shot" is wounded.
A later figure that picks some out of the wounded already counted ("seven were shot, leaving two of
them in critical condition", "including one in serious condition") adds no one; "two of the four
victims died" is 2 dead, "One of 5 shot in a bar dies", "shot five people, killing one" and "five
were shot and one was killed" 1 dead and 4 wounded; ages ("between
ages 12 and 16", "under the age of 10", the victims' own between commas: "two men, ages 20 and 22,
and a woman, 33, were wounded" is 3), street numbers and broadcasters ("News 5") count no one.
Figures in an aside between dashes ("five people — four adults and a child — dead", "six were shot
-- 2 killed and 4 wounded --") break down the figure before it, and a shooter "fatally shot by police"
after his act is one more dead. A page repeating its headline without a full stop ("Four people
hurt ... Photos Four people, including ...") tells one figure twice: it counts once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from sitrep.events.family_counts import listed_dead
from sitrep.events.figure_kind import ASIDE, RELATIVE, kind_of
from sitrep.events.figureless_victims import listed_kin_dead, listed_wounded, one_wounded, second_group_wounded
from sitrep.events.figures import Count, Number
from sitrep.events.lexicons import alternation, count_cues, for_lowered, lowered, read_data
from sitrep.events.picked_counts import condition_of_the_counted, part_of_the_counted, some_died
from sitrep.nlp.wordstart import opens_at_word_start

_TOLD_DEAD = re.compile(r"\b(?:were|are|both|all)\s+(?:\w+\s+)?deceased\b|\bcause\s+of\s+(?:the\s+|their\s+)?deaths?\b", re.I)
_PAIR = re.compile(r"(?:both|all|the\s+two)\b", re.I)  # "both (having suffered gunshot wounds)"
_RECAP = re.compile(r"(?:both|all)\s+(?:of\s+them\s+)?(?:were|had|have)\b", re.I)  # "after both were shot"
_EARLIER = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:after|before)\s+(?:at\s+least\s+)?$", re.I)  # "a week after (two)"
_NO_BEFORE = re.compile(r"\b(?:no|no\s+one|nobody|no-one)\s+$", re.I)
_DENIED_HARM = re.compile(r"\b(?:no|not|never|without)\s+(?:[\w'-]+\s+)?[\w'-]+\W*$", re.I)  # "there was no fatality"
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|those|these)\s+$", re.I)
# "four individuals who had been shot": the clause tells what befell the counted themselves
# (a long subject too: "Four men coming from a vigil for a slain friend were shot, one fatally")
_SHOT = re.compile(r"\s+(?:[\w'’-]+\s+){0,14}?(?:were|was|have been|had been)\s+shot\b(?!\s+dead)", re.I)
FATALLY_NEXT = re.compile(r"\s+fatally\b", re.I)  # "four were shot, one fatally"
_RANGE = re.compile(r"\bbetween\s+$", re.I)
_PRONOUN_AND = re.compile(r"\b(?:he|she|him|her)\s+and\s+$", re.I)
OTHERS_NEXT = re.compile(r"\s+(?:others\b|other\s)", re.I)  # "(he and eight) others"
_RANGE_GAP = re.compile(r"^\s*(?:and|to|-)\s*$", re.I)
_JOIN = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:and|or|as well as|plus)\s*$", re.I)
# "2 boys, 2 girls shot", "4 adults, 1 child wounded": groups of people listed by commas add up (not
# "Six people, four men and two women, were shot", nor "Three men, two of them brothers, ...")
_COMMA_JOIN = re.compile(r"^\s+(?:[\w'’-]+\s+)?(?:men|women|adults|children|kids|boys|girls|teens|teenagers|juveniles)\s*,\s*$", re.I)
_OF_NEXT = re.compile(r"\s+of\b", re.I)
_KILLING_SOME = re.compile(r"(?:\s+[\w'’-]+){0,2}?,\s+(?:and\s+)?killing\s+", re.I)  # "shot four people, killing one"
_OF_THE_SHOT = re.compile(r"(?:\s+of\s+them)?\s*(?:[,.;]|and\b|$)", re.I)
_SHOT_AND = re.compile(r"[^.;]{0,80}?\b(?:were|have\s+been|had\s+been)\s+shot,?\s+and\s+$", re.I)
_THEN_DIED = re.compile(r"\s+(?:of\s+them\s+|[\w'’-]+\s+)?(?:was\s+|were\s+|has\s+|have\s+|later\s+)?(?:killed|died|slain)\b", re.I)
_CLAUSE_VERB = re.compile(r"\b(?:was|were|is|had\s+been|has\s+been)\s+(?:\w+(?:ed|en)|shot|hit)\b", re.I)
_ACTIVE_OBJECT = re.compile(r"\W*(?:shot\s+and\s+killed|shoots\s+and\s+kills|killed|kills|murdered|fatally\s+shoo?ts?|"
                            r"shot\s+dead|gunned\s+down|stabbed\s+to\s+death|fatally\s+stabbed)\s+(?:his|her|their)\b", re.I)
_SHOT_KIN = re.compile(r"(?:shot|shoots)\s+(?:his|her|their)\b", re.I)
_CONNECTOR = re.compile(r"(?:(?:and\s+)?then\s+|before\s+)?", re.I)
_SAME_SUBJECT = re.compile(r"\s*(?:(?:was|is|has|had|been|found|\w+ly)\s+)*$", re.I)  # ("was found | dead of ...")
_NOUN_GAP = re.compile(r"\s*(?:[\w'’-]+\s*){0,3}")  # "(four) people", "(three) others" before an aside
# the words `not_people_before` needs before a number ("ages 12 and 16", "a single shot 223")
_MAY_COUNT_NO_ONE = re.compile(r"age|single|/[mf],").search  # (the words of not_people_before)
_AGE_AFTER_COMMA = re.compile(r",\s+(?:age[sd]?\s+)?\d", re.I)  # in every age aside: a cheap test before count_cues().age_aside
_FIGURE_NOUN = re.compile(r"[\w'’-]+\s+([a-z]+)", re.I)  # a figure and the noun it counts ("Four people")
_INCLUDING = re.compile(r"^\s*(?:[\w'’-]+\s*){0,3}?,?\s*(?:including|among them|among whom|of whom|of them)\s*$", re.I)


# The document's sentences already read, by span: a crime report's sentences are read once as
# events and again for the report's toll (`crime_report`), about one reading in seven. Only the
# latest document's are kept, with its text and numbers (matched by identity), in one tuple that
# is replaced whole (a thread reading another document gets a table of its own); callers never
# change a Count.
_last_read: tuple = (None, None, {})


def sentence_counts(text: str, start: int, end: int, numbers: list[Number]) -> list[Count]:
    """The counts of the sentence text[start:end], given the document's numbers."""
    global _last_read
    last_text, last_numbers, spans = _last_read
    if last_text is not text or last_numbers is not numbers:
        spans = {}
        _last_read = (text, numbers, spans)
    found = spans.get((start, end))
    if found is None:
        found = spans[(start, end)] = _wounds_of_the_dead(text, start, end, _sentence_counts(text, start, end, numbers))
    return list(found)


def _wounds_of_the_dead(text: str, start: int, end: int, counts: list[Count]) -> list[Count]:
    """"Both were deceased, having suffered gunshot wounds", "both suffered gunshot wounds, the cause
    of death": the wounds of a pair told dead in the same sentence are their deaths, not wounded."""
    if not any(c.kind == "injury" for c in counts) or not _TOLD_DEAD.search(text, start, end):
        return counts
    return [Count("death", c.value, c.start, c.end) if c.kind == "injury" and _PAIR.match(text, c.start, c.end) else c
            for c in counts]


def _sentence_counts(text: str, start: int, end: int, numbers: list[Number]) -> list[Count]:
    inside = [n for n in numbers if start <= n.start and n.end <= end]
    out: list[Count] = []
    joined: list[Number] = []  # "five soldiers and" waiting for the word after "two militants"
    total: Number | None = None  # "12 people, including" waiting for the word
    part: Number | None = None  # "two of the" waiting for the word after "four victims"
    inside = [n for n in inside if not count_cues().not_people.match(text, n.end)
              and not (_MAY_COUNT_NO_ONE(text[max(start, n.start - 30):n.start].lower())  # (a cheap "no" for most numbers)
                       and count_cues().not_people_before.search(text, max(start, n.start - 30), n.start))
              and not (text[n.start - 1:n.start] == " " and text[n.start - 2:n.start - 1].isalpha()
                       and count_cues().media_before.search(text, max(start, n.start - 16), n.start))]
    if "—" in text[start:end] or "–" in text[start:end] or "--" in text[start:end]:
        inside = _without_breakdown(text, start, end, inside)
    if _AGE_AFTER_COMMA.search(text, start, end) and (ages := [a.span("ages") for a in count_cues().age_aside.finditer(text, start, end)]):
        # "Two men, ages 20 and 22, and a woman, 33, were wounded": the ages count no one, and the
        # words around them are read as if the asides were not there (blanked, offsets kept)
        inside = [n for n in inside if not any(a <= n.start < b for a, b in ages)]
        blanked = list(text[start:end])
        for a, b in ages:
            blanked[a - start:b - start] = " " * (b - a)
        text = text[:start] + "".join(blanked) + text[end:]
    for i, n in enumerate(inside):
        next_start = inside[i + 1].start if i + 1 < len(inside) else end
        kind = kind_of(text, start, end, n, next_start, included=total is not None)
        gap = text[n.end:next_start]
        if kind is None and i + 1 < len(inside):
            if _PARTITIVE.match(gap):
                part = n  # "two of the four victims died": two died
                continue
            if _INCLUDING.match(gap):
                total = n
                continue
            if _JOIN.match(gap) or _JOIN.match(re.sub(r"^\s*[\w'’-]+", "", gap, count=1)) \
                    or (_COMMA_JOIN.match(gap) and not _OF_NEXT.match(text, inside[i + 1].end)):
                joined.append(n)
                continue
        if out and _RANGE.search(text[max(start, out[-1].start - 12):out[-1].start]) and _RANGE_GAP.match(text[out[-1].end:n.start]):
            continue  # "between 16 and 25": the lowest credible figure only
        if kind is None and out and out[-1].end <= n.start and (_JOIN.match(text[out[-1].end:n.start]) or (
                text[out[-1].end:n.start].strip() == "," and OTHERS_NEXT.match(text, n.end))) \
                and not (OTHERS_NEXT.match(text, n.end) and count_cues().death.search(text, out[-1].end, n.start)):
            kind = out[-1].kind  # "shot dead one soldier and one policeman", "wounded an 8-year-old, 2 others"
            # (not "left one person dead and three others in the hospital": the others are not the dead)
        lead = some_died(text, start, end, n, part, next_start) if kind in ("injury", "death") else None
        if lead is not None:  # "One of 5 shot in a bar dies": one dead, the other four wounded
            out = [c for c in out if c.start < lead[1]]  # ("one" read alone as the dead)
            out += [Count("death", lead[0], lead[1], n.end), Count("injury", max(0, n.value - lead[0]), lead[1], n.end)]
        elif kind is not None:
            if part is not None and kind == "death":
                out.append(Count(kind, part.value, part.start, n.end))
            elif total is not None:
                out.append(Count(kind, total.value, total.start, n.end))
            else:
                out += [Count(kind, j.value, j.start, j.end) for j in joined]
                pronoun = _PRONOUN_AND.search(text, max(start, n.start - 12), n.start)
                if pronoun and OTHERS_NEXT.match(text, n.end):  # "he and eight others were gunned down": 9
                    out.append(Count(kind, n.value + 1, pronoun.start(), n.end))
                else:
                    out.append(Count(kind, n.value, n.start, n.end))
        joined, total, part = [], None, None
    sentence = text[start:end]
    if len(out) > 1:
        out = _besides_the_others(text, start, _told_again(text, _harm_breakdown(text, start, end, out)))
    out = part_of_the_counted(text, condition_of_the_counted(text, out))
    out += listed_wounded(sentence, start, out)
    out += one_wounded(sentence, start, out)
    out += second_group_wounded(sentence, start, out)
    # re.I is slow: where the lowered sentence answers the same (`lexicons.lowered`), the same
    # patterns without re.I search it
    low = lowered(sentence)
    death, singular = _lowercase_singular()
    as_lowered = low is not None and death is not None
    low_text = low or sentence.lower()
    # ("shot her son and then herself in a murder-suicide": "murder" says the son died too)
    if not (death.search(low) if as_lowered else count_cues().death.search(sentence)) and "fatal" not in low_text \
            and not (" life" in low_text and count_cues().life_taken.search(sentence)) and "murder-suicide" not in low_text:
        return _fatally(text, out + _suicide(sentence, start, out))  # no death word: no lone victim either
    family = listed_dead(sentence, start, {n.start: n.value for n in inside}) if inside else None
    if family is not None:  # "fatally shot his wife and four children": 5, in place of the figures in the list
        value, s, e = family
        listed = [c for c in out if not (c.kind == "death" and s <= c.start and c.end <= e)] + [Count("death", value, s, e)]
    else:
        listed = listed_kin_dead(sentence, start, out)
    if listed is not None:
        return _fatally(text, listed + _suicide(sentence, start, listed) + _killed_by_police(sentence, start, listed))
    for (kind, value, rx), lowercase_rx in zip(count_cues().singular, singular):
        if as_lowered and lowercase_rx is not None and not lowercase_rx.search(low):
            continue  # a cheap "no" (most patterns, most sentences); a "yes" reads the text itself
        m = rx.search(sentence)
        if not m or RELATIVE.search(m.group()) or (_relative_before(sentence, m) and not _ACTIVE_OBJECT.match(m.group())):
            continue  # (the relative clause tells its subject: "the man who fatally shot his wife" still killed her)
        words_start = m.start() + re.match(r"\W*", m.group()).end()
        if count_cues().not_a_toll_before.search(sentence[:words_start]):
            continue  # "a man suspected of killing a driver"
        if _NO_BEFORE.search(sentence, max(0, words_start - 10), words_start) or _DENIED_HARM.search(m.group()):
            continue  # "no one was killed"; "a miracle there was no fatality"
        s, e = start + m.start(), start + m.end()
        inside = [c for c in out if c.kind == kind and s <= c.start and c.end <= e]
        others = [c for c in out if c.kind == kind and c not in inside]
        if not others and sum(c.value for c in inside) < value:
            # "a soldier and a rebel were killed" read as one count of 1: the words say 2
            out = [c for c in out if c not in inside] + [Count(kind, value, s, e)]
        # "shot her 5-year-old son and then herself": the one shot is the one who died
        out = [c for c in out if not (c.kind == "injury" and s <= c.start and c.end <= e and _SHOT_KIN.match(text, c.start))]
        break
    return _fatally(text, out + _suicide(sentence, start, out) + _killed_by_police(sentence, start, out))


def _without_breakdown(text: str, start: int, end: int, inside: list[Number]) -> list[Number]:
    """"four people — three adults and a child — dead": the figures of an aside between dashes right
    after a figure's noun break that figure down; they count no one more."""
    drop = set()
    for a in ASIDE.finditer(text, start, end):
        if "fatal" in a.group() or count_cues().death.search(a.group()) or count_cues().injury.search(a.group()):
            continue  # "shot three people — one fatally —": the aside tells what befell some of them
        if any(n.end <= a.start() and _NOUN_GAP.fullmatch(text, n.end, a.start()) for n in inside):
            drop |= {n.start for n in inside if a.start() <= n.start < a.end()}
    return [n for n in inside if n.start not in drop]


def _harm_breakdown(text: str, start: int, end: int, out: list[Count]) -> list[Count]:
    """"Six were shot -- 2 killed and 4 wounded --": an aside right after a figure that tells, in
    figures adding up to it, what befell all of them breaks that figure down; it counts no one more."""
    if "—" not in text[start:end] and "–" not in text[start:end] and "--" not in text[start:end]:
        return out
    for a in ASIDE.finditer(text, start, end):
        inner = [c for c in out if a.start() <= c.start and c.end <= a.end()]
        outer = [c for c in out if c.end <= a.start() and _NOUN_GAP.fullmatch(text, c.end, a.start())
                 and text[c.end:a.start()].strip() and not (c.start <= a.start() < c.end)]
        kinds = {c.kind for c in inner}
        if outer and len(kinds) > 1 and sum(c.value for c in inner) == outer[-1].value:
            out = [c for c in out if c is not outer[-1]]
    return out


def _told_again(text: str, out: list[Count]) -> list[Count]:
    """"Four people injured in ... Photos Four people, including ...": a page that repeats its
    headline or a caption without a full stop tells the same figure twice in one run of words; a
    figure of the same kind and value, counting the same noun, told again later counts once."""
    kept: list[Count] = []
    for c in out:
        noun = _FIGURE_NOUN.match(text, c.start)
        if c.value > 1 and noun and any(k.kind == c.kind and k.value == c.value and c.start - k.end > 20
                                        and _same_noun(_FIGURE_NOUN.match(text, k.start), noun) for k in kept):
            continue
        kept.append(c)
    return kept


def _besides_the_others(text: str, start: int, out: list[Count]) -> list[Count]:
    """Figures of a sentence with others that count no one more: "both" told again of those just
    counted ("a man is dead and a boy was hurt after both were shot"), and the victims of an earlier
    shooting ("five were wounded, a week after two men were shot in the same spot")."""
    kept: list[Count] = []
    for c in out:
        if _RECAP.match(text, c.start) and sum(k.value for k in kept) >= c.value:
            continue
        if _EARLIER.search(text, max(start, c.start - 24), c.start):
            continue
        kept.append(c)
    return kept


def _same_noun(a: re.Match | None, b: re.Match) -> bool:
    return a is not None and a.group(1).lower() == b.group(1).lower()


def _killed_by_police(sentence: str, start: int, counts: list[Count]) -> list[Count]:
    """"Shot a clerk ... before being fatally shot by police": the shooter's death after his act is one
    more dead, where a count of his victims comes before it and none holds those words."""
    if " by police" not in sentence and "before" not in sentence:
        return []  # most sentences: no word the cue needs
    m = _police_killing().search(sentence)
    if m is None:
        return []
    s, e = start + m.start(), start + m.end()
    if not any(c.end <= s for c in counts) or any(c.kind == "death" and c.start < e and s < c.end for c in counts):
        return []
    return [Count("death", 1, s, e)]


@lru_cache(maxsize=1)
def _police_killing() -> re.Pattern:
    return re.compile(alternation(read_data("counts.yaml")["killed_by_police_after"]))


def _suicide(sentence: str, start: int, counts: list[Count]) -> list[Count]:
    """"Shot his wife, then turned the gun on himself": the shooter's own death adds one to the
    victims' unless the words already counted it."""
    lowered = sentence.lower()
    if "self" not in lowered and "own life" not in lowered and "suicide" not in lowered:
        return []  # most sentences: no word any suicide cue needs
    m = count_cues().suicide.search(sentence)
    if m is None or (m.group("committed") and not any(c.kind == "death" for c in counts)):
        return []  # ("the conclusion that she committed suicide": a suicide adds to others' deaths only)
    at = next((g for g in ("then_self", "listed_self") if m.group(g)), 0)  # "shoots 4, killing 2, then himself": the last words only
    s, e = start + m.start(at), start + m.end(at)
    if any(c.kind == "death" and c.start < e and s < c.end for c in counts):
        return []
    verb = s + len(_CONNECTOR.match(sentence, s - start).group())  # "and then killed himself": from "killed"
    if any(c.kind == "death" and c.end <= s and _SAME_SUBJECT.match(sentence, c.end - start, verb - start) for c in counts):
        return []  # "a 3-year-old boy fatally shot himself": the victim is the one who shot
    return [Count("death", 1, s, e)]


def _relative_before(sentence: str, m: re.Match) -> bool:
    """A relative pronoun just before the words ("a man who was found dead"), unless its clause
    closed before them ("the boy who was shot was pronounced dead")."""
    rel = None
    for rel in RELATIVE.finditer(sentence, max(0, m.start() - 16), m.start() + 1):
        pass
    return rel is not None and not _CLAUSE_VERB.search(sentence, rel.end(), m.start())


def _fatally(text: str, counts: list[Count]) -> list[Count]:
    """"Four people were shot, one fatally" and "shot four people, killing one": 1 dead and 3
    wounded, not 4 wounded."""
    shot = [c for c in counts if c.kind == "injury" and _SHOT.match(text, c.end)]
    fatal = [c for c in counts if c.kind == "death" and FATALLY_NEXT.match(text, c.end)]
    if shot and fatal:
        shot[0].value = max(0, shot[0].value - sum(c.value for c in fatal))
    for hurt in (c for c in counts if c.kind == "injury"):
        dead = next((c for c in counts if c.kind == "death" and (killing_some(text, hurt.end, c) or _shot_and_some_died(text, hurt.end, c))), None)
        if dead is not None:
            hurt.value = max(0, hurt.value - dead.value)
    return counts


def _shot_and_some_died(text: str, shot_end: int, dead: Count) -> bool:
    """"Four men were shot and one was killed", "five people were shot and two of them died": the
    dead figure right after "were shot and" picks some out of those shot (not "were injured and one
    person was killed": the wounded and the dead apart)."""
    return dead.start > shot_end and _SHOT_AND.match(text, shot_end, dead.start) is not None \
        and _THEN_DIED.match(text, dead.end) is not None


def killing_some(text: str, shot_end: int, dead: Count) -> bool:
    """Whether the dead figure `dead` picks some out of those shot, the figure ending at `shot_end`:
    "shot four people, killing one" (not "wounded 4 soldiers, killing 2 civilians": others)."""
    killing = _KILLING_SOME.match(text, shot_end)
    return killing is not None and killing.end() == dead.start and _OF_THE_SHOT.match(text, dead.end) is not None


def shot_after(text: str, end: int) -> bool:
    """Whether the figure ending at `end` is followed by "were shot" ("Four people were shot, one
    fatally": `_fatally` has then already taken the dead out of the wounded)."""
    return _SHOT.match(text, end) is not None


def totals(counts: list[Count]) -> dict[str, tuple[int, int, int]]:
    """Per kind: the sum of its figures and the span (start, end) covering them."""
    out: dict[str, tuple[int, int, int]] = {}
    for c in counts:
        if c.kind in out:
            v, s, e = out[c.kind]
            out[c.kind] = (v + c.value, min(s, c.start), max(e, c.end))
        else:
            out[c.kind] = (c.value, c.start, c.end)
    return out


def harm_words(text: str) -> list[int]:
    """Where the report's words of death or injury start, in order."""
    low = lowered(text)
    if low is None:
        c = count_cues()
        return sorted(m.start() for rx in (c.death, c.injury, c.life_taken) for m in rx.finditer(text))
    return [m.start() for m in _lowercase_harm().finditer(low)]


@lru_cache(maxsize=1)
def _lowercase_singular() -> tuple[re.Pattern, list[re.Pattern | None]]:
    """The death cue and the lone-victim patterns for lowercased text (`lexicons.for_lowered`)."""
    c = count_cues()
    return for_lowered(c.death), [for_lowered(rx) for _, _, rx in c.singular]


@lru_cache(maxsize=1)
def _lowercase_harm() -> re.Pattern:
    """The death and injury cues as one pattern for lowercased text (faster than re.I)."""
    c = count_cues()
    words = [rx.pattern[len(r"\b(?:"):-len(r")\b")] for rx in (c.death, c.injury, c.life_taken)]
    one_group = rf"\b(?:{'|'.join(words)})\b"  # the same matches as the three "\b(?:...)\b" in a row
    if all(rx.pattern.startswith(r"\b(?:") and rx.pattern.endswith(r")\b") for rx in (c.death, c.injury, c.life_taken)) \
            and opens_at_word_start(one_group):
        # every word opens with a letter, so a match starts only where one does: "(?=\w)" lets `re`
        # pass over the other places at once (a report's scan a third faster)
        return re.compile(rf"(?=\w){one_group}")
    return re.compile(f"{c.death.pattern}|{c.injury.pattern}|{c.life_taken.pattern}")


def has_figure(starts: list[int], start: int, end: int) -> bool:
    """Whether a figure (one of the sorted `starts` of the numbers) lies in text[start:end]."""
    return (at := bisect_left(starts, start)) < len(starts) and starts[at] < end
