"""Victims a sentence tells without a figure: a list of victims, or one wounded victim.

"The mother, grandmother and a family friend were critically wounded" is three wounded and
"killed his son, his daughter and himself" three dead, one per person listed; "was wounded", "is
in critical condition" or, where no word of death is near, "was rushed to the hospital" is one
wounded, unless "no one" was hurt, the victim is told in a relative clause (not one who shot
himself: "the man who shot himself in the leg") or died of the wound; an aside between commas that
tells a person of the report hurt ("Jane Doe, who was also shot, ...", "his wife, who suffered
minor injuries, ...") is one wounded. A headline's present tense
("Boy shoots 7-year-old cousin", "Police probe shooting of woman, son": 1 and 2) tells the
wounded where no word of death is. A second group told by its wound alone ("three were hit in the
leg and one in the arm", "a man was shot in the shoulder and a woman in the foot") adds its victims
to the first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.events.figure_kind import RELATIVE
from sitrep.events.figures import Count
from sitrep.events.lexicons import count_cues, for_lowered, search_lowered
from sitrep.events.lexicons import lowered as lowered_or_none
from sitrep.nlp.number_words import lexicon as number_lexicon

_FATALLY_BEFORE = re.compile(r"\b(?:fatally|mortally)\s+$", re.I)
_NOBODY = re.compile(r"\b(?:no\s+one|nobody|no-one|none)\s+$", re.I)  # "No one was injured"
# "no other student was injured", "neither the driver nor the other passenger was hurt"
_NO_SUBJECT = re.compile(r"\b(?:no|neither)\s+(?:[\w'’-]+\s+){0,3}?(?:(?:or|nor)\s+(?:[\w'’-]+\s+){1,3}?)?$", re.I)
_LISTED_NEEDS = ("wound", "injur", "hurt", "shot", "shoot", "suffer", "sustain")  # in every listed-victims verb
_LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s+", re.I)
_UNHURT_OR_DEAD = re.compile(r"\b(?:fatal\w*|uninjured|unharmed|not\s+(?:injured|hurt)|precaution|revive|passed\s+away|deceased)\b", re.I)
_SELF_SHOT = re.compile(r"\bshot\s+(?:him|her)?self$", re.I)  # "the man who shot himself": the victim
_HEADLINE_NEEDS = ("shoots", "wounds", "injures", "hospitali", "shooting of", "hits", "strikes")
_NOT_WOUNDED_ONLY = re.compile(r"\b(?:murder\w*|homicide|slaying|deadly|suicide)\b", re.I)  # "shoots wife, self in murder-suicide"
# a wounded victim told in an aside between commas, as one besides others or by the wound's kind
_HURT_ASIDE = re.compile(r",\s+who\s+(?P<hurt>(?:was|had\s+been|has\s+been)\s+also\s+(?:shot|wounded|injured|hurt|grazed)\b|"
                         r"(?:also\s+)?suffered\s+(?:from\s+)?(?:an?\s+)?(?:(?:non|not)[- ]life[- ]threatening|minor|superficial)\s+"
                         r"(?:\w+\s+)?(?:injury|injuries|wounds?)\b)", re.I)
_DIED_AFTER = re.compile(r"\b(?:died|dies|killed|dead)\b[^.;]{0,40}?\b(?:after|when)\b", re.I)


def listed_wounded(sentence: str, start: int, counts: list[Count]) -> list[Count]:
    """"The mother, grandmother and a family friend were critically wounded": one per victim listed
    (in place of a figure read inside the list: "A man and a police officer suffered injuries")."""
    if " and " not in sentence:
        return []
    lowered_sentence = sentence.lower()
    if not any(w in lowered_sentence for w in _LISTED_NEEDS):
        return []  # most sentences: no word either list's verb needs
    verb = count_cues().listed_injured_verb.search(sentence)
    m = count_cues().listed_injured.search(sentence, 0, verb.end()) if verb is not None else None
    if m is None:  # "shot her estranged husband and their son": the list after the verb
        m = count_cues().listed_injured_object.search(sentence)
        if m is None or count_cues().death.search(sentence):
            return []
    victims = len(_LIST_SEPARATOR.split(m.groupdict().get("list") or m.group()))
    hurt = [c for c in counts if c.kind == "injury"]
    if any(not (start + m.start() <= c.start and c.end <= start + m.end()) for c in hurt) or sum(c.value for c in hurt) >= victims:
        return []
    for c in hurt:
        counts.remove(c)
    return [Count("injury", victims, start + m.start(), start + m.end())]


def listed_kin_dead(sentence: str, start: int, counts: list[Count]) -> list[Count] | None:
    """"Killed his son, his daughter and himself": one dead per victim listed after the verb (the
    counts with the list in their place), or None when no such list outnumbers the figures in it."""
    low = sentence.lower()
    if not any(w in low for w in (" his ", " her ", " their ", "himself", "herself")):
        return None  # most sentences: no victim told by whose they were, nor the killer himself
    m = count_cues().listed_killed_object.search(sentence)
    if m is None:
        return None
    s, e = start + m.start(), start + m.end()
    victims = len(_LIST_SEPARATOR.split(m.group("list")))
    inside = [c for c in counts if s <= c.start and c.end <= e]
    if sum(c.value for c in inside if c.kind == "death") >= victims:
        return None
    return [c for c in counts if c not in inside] + [Count("death", victims, s, e)]


@lru_cache(maxsize=1)
def _lowercase_injured() -> re.Pattern | None:
    return for_lowered(count_cues().singular_injured)


def one_wounded(sentence: str, start: int, counts: list[Count]) -> list[Count]:
    """One wounded victim told without a figure ("was wounded", "is in critical condition"),
    unless the sentence already gives a figure or goes on to say the victim died."""
    if any(c.kind == "injury" for c in counts):
        return []
    cues = count_cues()
    lowered = sentence.lower()
    if not any(w in lowered for w in cues.singular_injured_needs):
        return []  # most sentences: no word any of the patterns needs
    # re.I is slow on this long pattern: the lowered sentence, where it keeps every offset, is
    # searched without it (`lexicons.lowered`; a match's words are then in lower case)
    m = search_lowered(cues.singular_injured, _lowercase_injured(), sentence, lowered_or_none(sentence))
    if "another" in lowered or "injures" in lowered:  # the earlier of the two readings
        more = cues.singular_injured_more.search(sentence)
        m = more if more is not None and (m is None or more.start() < m.start()) else m
    aside = _HURT_ASIDE.search(sentence) if "who" in lowered else None
    if aside is not None and (m is None or aside.start() < m.start()) and not cues.death.search(sentence, aside.end()):
        # "Jane Doe, who was also shot, ...", "His wife, who suffered minor injuries, ...": an aside of
        # a person the report tells of (not "relatives of a man who was wounded", nor one who then died)
        return [Count("injury", 1, start + aside.start("hurt"), start + aside.end())]
    if m is None or cues.injured_then_died.match(sentence, m.end()):
        return []
    if RELATIVE.search(sentence, max(0, m.start() - 12), m.start()) \
            and not (_SELF_SHOT.search(m.group()) and not cues.death.search(sentence)):
        return []  # "relatives of a man who was wounded" (not "a man who shot himself", with no word of death)
    if _FATALLY_BEFORE.search(sentence, max(0, m.start() - 10), m.start()):
        return []  # "fatally wounding his brother": the death words count him
    if _NOBODY.search(sentence, max(0, m.start() - 12), m.start()) or _DIED_AFTER.search(sentence, 0, m.start()) \
            or _NO_SUBJECT.search(sentence, max(0, m.start() - 60), m.start()):
        return []  # "no one was hurt"; "the boy died after he was shot in the head": one victim, dead
    if cues.singular_injured_weak.fullmatch(m.group()) and (cues.death.search(sentence) or _UNHURT_OR_DEAD.search(sentence)):
        return []  # "was taken to a hospital, where he was pronounced dead", "as a precaution"
    return [Count("injury", 1, start + m.start(), start + m.end())]


def second_group_wounded(sentence: str, start: int, counts: list[Count]) -> list[Count]:
    """"Three people were hit in the leg and one in the arm": the wounded of a second group told
    by its wound, its verb left out, added to the one count of wounded told before it (which it
    replaces: 4); no change where the sentence holds no such group or counts its wounded otherwise."""
    if " in the " not in sentence or " and " not in sentence:
        return []  # most sentences
    m = count_cues().elliptic_wounded.search(sentence)
    hurt = [c for c in counts if c.kind == "injury"]
    if m is None or len(hurt) != 1 or hurt[0].end > start + m.start("who"):
        return []
    first = hurt[0]
    if m.group("ordinal"):  # "two ... and a third": three in all
        value = max(first.value, count_cues().victim_ordinals[m.group("ordinal").lower()])
    elif m.group("figure"):
        word = m.group("figure").lower()
        value = first.value + (int(word) if word.isdigit() else number_lexicon().words[word])
    else:
        value = first.value + 1
    counts.remove(first)
    return [Count("injury", value, first.start, start + m.end())]


def headline_wounded(sentence: str, start: int) -> Count | None:
    """"Teen shoots 6-year-old brother in hand" (1), "Deputies probe shooting of man, woman" (2): the
    wounded told in a headline's present tense, in a sentence (starting at `start`) that holds no
    word of death ("fatally shoots", "shoots, kills", "dies"); None where it tells none."""
    low = sentence.lower()
    if not any(w in low for w in _HEADLINE_NEEDS):
        return None  # most sentences: no word either pattern needs
    if count_cues().death.search(sentence) or _UNHURT_OR_DEAD.search(sentence) or _NOT_WOUNDED_ONLY.search(sentence):
        return None
    cues = count_cues()
    m = cues.headline_injured_list.search(sentence)
    value = len(_LIST_SEPARATOR.split(m.group("list"))) if m is not None else 1
    m = m or cues.headline_injured.search(sentence)
    if m is None or _NOBODY.search(sentence, max(0, m.start() - 12), m.start()):
        return None
    return Count("injury", value, start + m.start(), start + m.end())
