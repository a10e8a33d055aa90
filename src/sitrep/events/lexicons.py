"""Load the events stage's data files (cues, triggers, vocabularies) once, compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml
from sitrep.nlp.wordstart import opens_at_word_start

_DATA = Path(__file__).parent / "data"


def read_data(name: str):
    """The parsed YAML file `name` of the events stage's data folder."""
    return read_yaml(_DATA / name)


def alternation(text: str) -> str:
    """A YAML folded `a|b|c` list as one regex alternation (whitespace from folding removed)."""
    return "|".join(p.strip() for p in text.split("|") if p.strip())


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


def for_lowered(rx: re.Pattern) -> re.Pattern | None:
    """The pattern without re.I, to search lowercased text (several times faster in `re`); None
    when lowercased text could not give its answers: an upper-case literal, or a case-sensitive
    part ("(?-i:march)", the verb, not the month)."""
    if _UPPER_LITERAL.search(rx.pattern) or "(?-i" in rx.pattern:
        return None
    return re.compile(rx.pattern, rx.flags & ~re.I)


def lowered(text: str) -> str | None:
    """The text lowercased, when that keeps every offset and re.I would fold no letter otherwise
    (dotless i, long s); else None, and the text must be searched as written, with re.I."""
    low = text.lower()
    return low if len(low) == len(text) and "ı" not in low and "ſ" not in low else None


def search_lowered(rx: re.Pattern, lowercase_rx: re.Pattern | None, text: str, low: str | None):
    """`rx.search(text)`, faster where it may be: `lowercase_rx` (`for_lowered(rx)`) searches `low`
    (`lowered(text)`) when both exist. The match has the same offsets; its words are in lower case."""
    return lowercase_rx.search(low) if low is not None and lowercase_rx is not None else rx.search(text)


def any_of(patterns: list[str]):
    """A fast test "does the text hold any of these (case-insensitive) patterns?", to skip texts
    that hold none. Matching lowercased text without re.I is several times faster in `re`; a
    pattern with an upper-case literal (which lowercased text could not match) keeps re.I."""
    union = "|".join(f"(?:{p})" for p in patterns)
    if re.search(r"(?<!\\)[A-Z]", union):
        search = re.compile(union, re.I).search
        return lambda text: search(text) is not None
    # where every cue opens at a word start, "(?=\w)" lets `re` pass over the other places at once
    search = re.compile(rf"(?=\w)(?:{union})" if opens_at_word_start(union) else union).search
    return lambda text: search(text.lower()) is not None


@dataclass(frozen=True)
class CountCues:
    death: re.Pattern
    injury: re.Pattern
    life_taken: re.Pattern  # "took her life": a death word for the report scan and lone victims only
    arrest: re.Pattern
    before_number: dict  # kind -> regex matching the words just before a number ("killed at least")
    after_number: re.Pattern  # "<number> ... were killed": groups name the kind
    singular: list  # (kind, value, regex) for one or two victims without a figure
    singular_injured: re.Pattern  # one wounded victim without a figure (strong or weak words)
    singular_injured_weak: re.Pattern  # weaker words, read only where no word of death is
    singular_injured_more: re.Pattern  # "another ... was also shot", "injures boy": where "another"/"injures" is
    singular_injured_needs: tuple  # words (lower case) one of which every such victim's words hold
    injured_then_died: re.Pattern  # after a wounding: the same victim died
    not_a_toll_before: re.Pattern  # "accused of killing": the words before a death word
    not_a_toll_after: re.Pattern  # "killed or wounded": the words after it
    not_people: re.Pattern  # "times", "livestock": what follows a number that is not people
    not_people_before: re.Pattern  # "ages 12 and 16": what goes before a number that counts no one
    media_before: re.Pattern  # "News 5", "(LEX 18)": a broadcaster's name before the number
    transitive: re.Pattern  # an active verb whose subject is the number (the perpetrators)
    to_hospital_before: re.Pattern  # "sent" before a number ...
    to_hospital_after: re.Pattern  # ... "people to the hospital" after it: the injured
    listed_injured: re.Pattern  # "the mother, grandmother and a friend were wounded": one per `role`
    listed_injured_verb: re.Pattern  # its verb alone, a cheap test before it
    listed_injured_object: re.Pattern  # the list as the verb's object: "shot her husband and their son"
    listed_killed_object: re.Pattern  # the dead so listed: "killed his son, his daughter and himself"
    victim_role: re.Pattern  # a role noun of one listed victim
    suicide: re.Pattern  # the shooter's own death ("turned the gun on himself")
    shot_victim: re.Pattern  # one victim shot, read as wounded where no word of death is
    other_victim_subject: re.Pattern  # a wounded victim's subject that tells another person than the dead
    other_victim_role: re.Pattern  # the same told by who the victim is, at the head of the subject
    kin_at_head: re.Pattern  # a kin noun at the head of a subject ("His son, 4,"): group "kin"
    kin: re.Pattern  # a kin noun anywhere ("The father was killed")
    victim_lived: re.Pattern  # words after a wounded victim that say the victim lived
    vague_figure: re.Pattern  # a figure that says only "some" or a floor ("several", "at least one")
    victims_total: re.Pattern  # all the victims as one figure ("one of the five shooting victims")
    shooting_of_many: dict  # "quadruple" -> 4: a shooting named by how many were shot
    shooting_of_many_rx: re.Pattern  # "a quadruple shooting"
    victim_ordinals: dict  # "fourth" -> 4: "a fourth victim" tells at least four
    victim_ordinal: re.Pattern  # "a fourth (shooting) victim", "the third person"
    nth_dead: re.Pattern  # "Third victim dies" opening a headline: the ordinal (group 1) of at least that many dead
    nth_dead_anywhere: re.Pattern  # the same words anywhere (a cheap test of a whole report)
    clause_opener: re.Pattern  # the last of these before a subject ends the clause before it
    age_aside: re.Pattern  # victims' ages between commas ("two men, ages 20 and 22,"): group "ages"
    elliptic_wounded: re.Pattern  # a second group of wounded told by its wound alone ("and one in the arm")
    headline_injured: re.Pattern  # one wounded victim told as a headline tells it ("Teen shoots 6-year-old brother")
    headline_injured_list: re.Pattern  # a headline's list of them ("shooting of man, woman"): group "list"


@lru_cache(maxsize=1)
def count_cues() -> CountCues:
    raw = read_data("counts.yaml")
    words = {k: alternation(raw[k]) for k in ("death", "injury", "arrest")}
    fillers = alternation(raw["number_fillers"])
    tail = rf"\s+(?:of\s+(?:the\s+)?)?(?:(?:{fillers})\s+)?$"
    before = {k: re.compile(rf"\b(?:{w}){tail}", re.I) for k, w in words.items()}
    # "killed his two sons", "killed the two children" (but "shot their three daughters" in a report of their
    # deaths is no count of the wounded)
    before["death"] = re.compile(rf"\b(?:{words['death']})\s+(?:of\s+(?:the\s+)?)?(?:(?:{fillers})\s+)?(?:(?:his|her|their|the)\s+)?$", re.I)
    before["death_toll"] = re.compile(rf"\b(?:{alternation(raw['death_toll'])}){tail}", re.I)
    before["other"] = re.compile(rf"\b(?:{alternation(raw['other_object'])}){tail}", re.I)
    for kind in ("death_inverted", "injury_inverted"):  # "Also injured were three men": read as "death"/"injury"
        before[kind] = re.compile(rf"(?:{alternation(raw[kind])}){tail}", re.I)
    # Up to seven words between the number and the cue: "five Palestinian men were killed".
    after = re.compile(
        r"\s*(?:[\w'’().-]+,?\s+){0,7}?(?P<aux>(?:(?:were|was|have been|has been|had been|are|is|got|being|reportedly|allegedly)\s+)*)"
        rf"(?:(?P<death>{words['death']})|(?P<injury>{words['injury']}|{alternation(raw['injury_after_number'])})|"
        rf"(?P<arrest>{words['arrest']}))\b",
        re.I,
    )
    roles = f"(?:{alternation(raw['victim_roles'])})"
    singular = []
    for key in ("pair_victims", "pair_found_dead", "pair_headline", "singular_victim_before", "singular_died", "singular_shot_died", "singular_victim_after",
                "singular_possessive_after", "bare_victim_died", "singular_pronoun_after", "singular_was"):
        value = 2 if key.startswith("pair_") else 1
        pattern = alternation(raw[key]).replace("DEATH", words["death"]).replace("ROLE", roles)
        singular.append(("death", value, re.compile(pattern, re.I)))
    weak = alternation(raw["singular_injured_weak"])
    singular_injured = re.compile(f"{alternation(raw['singular_injured']).replace('ROLE', roles)}|{weak}", re.I)
    return CountCues(
        not_a_toll_before=re.compile(alternation(raw["not_a_toll_before"]), re.I),
        not_a_toll_after=re.compile(alternation(raw["not_a_toll_after"]), re.I),
        not_people=re.compile(rf"\s*(?:{alternation(raw['not_people'])})\b", re.I),
        not_people_before=re.compile(rf"(?:{alternation(raw['not_people_before'])})$", re.I),
        media_before=re.compile(alternation(raw["media_before"])),
        transitive=re.compile(rf"(?:{alternation(raw['transitive'])})$", re.I),
        death=re.compile(rf"\b(?:{words['death']})\b", re.I),
        life_taken=re.compile(rf"\b(?:{alternation(raw['life_taken'])})\b", re.I),
        injury=re.compile(rf"\b(?:{words['injury']})\b", re.I),
        arrest=re.compile(rf"\b(?:{words['arrest']})\b", re.I),
        before_number=before,
        after_number=after,
        singular=singular,
        singular_injured=singular_injured,
        singular_injured_weak=re.compile(weak, re.I),
        singular_injured_more=re.compile(alternation(raw["singular_injured_more"]).replace("ROLE", roles), re.I),
        singular_injured_needs=tuple(raw["singular_injured_needs"]),
        injured_then_died=re.compile(alternation(raw["injured_then_died"]), re.I),
        to_hospital_before=re.compile(rf"\b(?:{alternation(raw['to_hospital_before'])}){tail}", re.I),
        to_hospital_after=re.compile(alternation(raw["to_hospital_after"]), re.I),
        listed_injured=_listed_victims(alternation(raw["victim_roles"]), alternation(raw["listed_injured_verb"])),
        listed_injured_verb=re.compile(alternation(raw["listed_injured_verb"]), re.I),
        listed_killed_object=_listed_objects(alternation(raw["victim_roles"]), alternation(raw["listed_killed_object_verb"]),
                                             r"(?:,?\s+and\s+|,\s+(?=himself|herself))"),
        listed_injured_object=_listed_objects(alternation(raw["victim_roles"]), alternation(raw["listed_injured_object_verb"])),
        victim_role=re.compile(rf"\b(?:{alternation(raw['victim_roles'])})\b", re.I),
        suicide=re.compile(alternation(raw["suicide"]), re.I),
        shot_victim=re.compile(alternation(raw["shot_victim"]).replace("ROLE", roles), re.I),
        other_victim_subject=re.compile(alternation(raw["other_victim_subject"]), re.I),
        other_victim_role=re.compile(rf"\W*(?:[\w'’.-]+\s+){{0,2}}?(?:{alternation(raw['other_victim_role'])})\b", re.I),
        kin_at_head=re.compile(rf"\W*(?:[\w'’.-]+\s+){{0,2}}?(?P<kin>{alternation(raw['kin_roles'])})\b", re.I),
        kin=re.compile(rf"\b(?:{alternation(raw['kin_roles'])})\b", re.I),
        victim_lived=re.compile(alternation(raw["victim_lived"]), re.I),
        vague_figure=re.compile(rf"(?:{alternation(raw['vague_figure'])})", re.I),
        victim_ordinals={k.lower(): int(v) for k, v in raw["victim_ordinals"].items()},
        victim_ordinal=re.compile(rf"\b(?:a|the)\s+({'|'.join(raw['victim_ordinals'])})\s+(?:(?:shooting|gunshot)\s+)?"
                                  rf"(?:{'|'.join(raw['ranked_victims'])})\b", re.I),
        nth_dead=re.compile(rf"(?:^|[:|—–]\s*|\s-\s+)({'|'.join(raw['victim_ordinals'])})\s+(?:{alternation(raw['nth_dead'])})", re.I),
        nth_dead_anywhere=re.compile(rf"\b(?:{'|'.join(raw['victim_ordinals'])})\s+(?:{alternation(raw['nth_dead'])})", re.I),
        victims_total=re.compile(alternation(raw["victims_total"]), re.I),
        shooting_of_many={k.lower(): int(v) for k, v in raw["shooting_of_many"].items()},
        shooting_of_many_rx=re.compile(rf"\b({'|'.join(raw['shooting_of_many'])})[\s-]+shooting\b", re.I),
        clause_opener=re.compile(rf".*\b(?:{alternation(raw['clause_opener'])})\b", re.I | re.S),
        age_aside=re.compile(alternation(raw["age_aside"]).replace("ROLE", roles), re.I),
        elliptic_wounded=re.compile(alternation(raw["elliptic_wounded"]).replace("BODY", alternation(raw["body_parts"]))
                                    .replace("ROLE", roles), re.I),
        headline_injured=re.compile(alternation(raw["headline_injured"]).replace("ROLE", roles), re.I),
        headline_injured_list=re.compile(alternation(raw["headline_injured_list"]).replace("ITEM", _headline_item(roles)), re.I),
    )


def _headline_item(roles: str) -> str:
    """A victim of a headline's list: a bare noun, one word before it at most ("child", "young father");
    no article, so that "shot the man, a father of two" is no list."""
    return rf"(?:(?!(?:a|an|the|his|her|their|its)\b)[\w'’-]+\s+)?{roles}\b"


@lru_cache(maxsize=1)
def family_cues() -> dict:
    """The words of a list of the dead with a figure in it (`family_counts`), as regex alternations,
    with the victim roles of `count_cues` ("roles")."""
    raw = read_data("counts.yaml")
    cues = {k: alternation(v) for k, v in raw["family_list"].items()}
    return {**cues, "roles": alternation(raw["victim_roles"])}


def _listed_victims(roles: str, verb: str) -> re.Pattern:
    """Two or more victims by role, joined by commas and "and", then the verb that hurt them."""
    item = rf"(?:(?:the|his|her|their|a|an|[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?(?:{roles})"
    return re.compile(rf"\b{item}(?:,\s+{item})*,?\s+and\s+{item}(?={verb})", re.I)


def _listed_objects(roles: str, verb: str, last: str = r",?\s+and\s+") -> re.Pattern:
    """The verb, then two or more victims by role (or "himself") joined by commas and, before the
    last, `last`; the victims are the group "list"."""
    item = rf"(?:himself|herself|(?:(?:the|his|her|their|a|an|[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?(?:{roles}))"
    return re.compile(rf"\b(?:{verb})\s+(?P<list>{item}(?:,\s+{item})*{last}{item})\b"
                      rf"(?!\s+(?:dead|to\s+death)|,?\s+(?:killing|fatally))", re.I)


@dataclass(frozen=True)
class DateCues:
    before: re.Pattern  # a word of a later step ("step"), a statement ("said"), a violent act ("act") or its noun ("noun")
    violence_after: re.Pattern  # the words after a date: "'s shooting", "night shooting"
    step_after: re.Pattern  # "on Tuesday" + "identified"


@lru_cache(maxsize=1)
def date_cues() -> DateCues:
    """The words that tell the day of a crime's violence from the day of a later step."""
    raw = read_data("event_dates.yaml")
    acts, nouns, before, after, said = (alternation(raw[k]) for k in
                                        ("violence_acts", "violence_nouns", "later_step_before", "later_step_after",
                                         "statement_before"))
    violence = f"{acts}|{nouns}"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    # one word between the date and its noun or verb ("Tuesday's mall shooting"), not a
    # preposition that starts another phrase ("in March on robbery charges")
    word = r"(?!(?:on|in|at|for|after|before|to|by|with|from|of|and|but|when|as|while)\b)[\w-]+"
    return DateCues(
        before=re.compile(rf"\b(?:(?P<step>{before})|(?P<said>{said})|(?P<act>{acts})|(?P<noun>{nouns}))\b", re.I),
        violence_after=re.compile(rf"^{part}(?:['’\x92]s)?\s+(?:{word}\s+)?(?:{violence})\b", re.I),
        step_after=re.compile(rf"^{part}\s+(?:{word}\s+)?(?:{after})\b", re.I),
    )


@dataclass(frozen=True)
class NonEventKind:
    name: str
    window: int  # words between the cue and the event word
    where: str  # "before" (the cue must precede the event word) or "any"
    pattern: re.Pattern


@lru_cache(maxsize=1)
def nonevent_kinds() -> tuple[NonEventKind, ...]:
    raw = read_data("nonevent_cues.yaml")["kinds"]
    return tuple(
        NonEventKind(name, int(k["window"]), k["where"], re.compile("|".join(f"(?:{p})" for p in k["patterns"]), re.I))
        for name, k in raw.items()
    )


@dataclass(frozen=True)
class Triggers:
    verb: re.Pattern
    noun: re.Pattern
    passive_by: re.Pattern  # "<participle> [adverb] by": the words after name the agent
    passive: re.Pattern  # "were killed", "was shot": a passive event verb anywhere
    investigates_after: re.Pattern  # "<actor> is investigating": an onlooker, no party


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    raw = read_data("triggers.yaml")
    verbs = "|".join(f"(?:{v})" for v in raw["verbs"])
    nouns = "|".join(f"(?:{n})" for n in raw["nouns"])
    passive = alternation(raw["passive"])
    return Triggers(
        verb=re.compile(rf"\b(?:{verbs})\b", re.I),
        noun=re.compile(rf"\b(?:{nouns})\b", re.I),
        passive_by=re.compile(rf"\b(?:{passive})\b(?:\s+\w+ly)?(?:\s+(?:and|or)\s+\w+)?\s+by\b", re.I),
        passive=re.compile(rf"\b(?:was|were|been|being|got|get)\s+(?:\w+ly\s+)?(?:{passive})\b", re.I),
        # up to two words between: "the Police Department is investigating"
        investigates_after=re.compile(rf"(?:\s+[\w'’.-]+){{0,2}}?(?:{alternation(raw['investigates_after'])})", re.I),
    )


@lru_cache(maxsize=1)
def neutral_vocabulary() -> tuple[tuple[re.Pattern, str], ...]:
    raw = read_data("neutral_vocabulary.yaml")
    return tuple((re.compile(rf"\b(?:{k})\b", re.I), v or "") for k, v in raw.items())
