"""Who a report says an account comes from: "the army said", "according to the Health Ministry".

The police are a party of violence only when they use force or are attacked; police that report,
investigate, respond or search are a source of the account (`police_onlooker`).

The claimant is recorded as written ("the army", "a local source"); pronouns are skipped, and a
claimant that reads as a person's name (capitalised words with no organisation word) is left
out, since sitrep records organisations and forces, never individuals. A group that denies an
attack or its claim ("the Taliban denied involvement in a blast", "Al-Shabaab has not claimed
responsibility for an ambush") speaks of the attack and is no party of it: a claimant marked
`denies`, read even where its name's capitals look like a person's when the actor lexicon knows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.data_files import read_yaml


@dataclass(frozen=True)
class Attribution:
    claimant: str
    start: int  # offsets of the claimant's words, relative to the text given
    end: int
    denies: bool = False  # a group denying the act ("the Taliban denied involvement"): a source of no figure


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = read_yaml(resources.files("sitrep.events").joinpath("data", "attribution.yaml"))
    words = "|".join(w.strip() for w in raw["organisation_words"].split("|") if w.strip())
    verbs = raw["verbs"]
    return {
        "according": re.compile(r"\baccording to\s+((?:[\w'’.&-]+\s*){1,8}?)(?=\s*(?:,|;|\.|$|\bon\b|\bin\b|\bwho\b|\bthat\b|\bwhich\b))", re.I),
        "after_np": re.compile(rf"\b(?:{verbs})\b", re.I),
        "inverted": re.compile(rf"[,;]\s*(?:{verbs})\s+((?:the|a|an)\s+(?:[\w'’.&-]+\s*){{1,6}}?|[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,4}})\s*(?=[.,;]|$)"),
        "boundary": re.compile(raw["boundaries"], re.I),
        "pronoun": re.compile(rf"^(?:{raw['pronouns']})$", re.I),
        "organisation": re.compile(rf"\b(?:{words})\b", re.I),
        "responsibility": re.compile(raw["responsibility"], re.I),
        "disowning": re.compile(rf"\b(?:{raw['disowning']})", re.I),
        "negated_claim": re.compile(raw["negated_claim"], re.I),
        "negation_tail": re.compile(raw["negation_tail"], re.I),
        "negated": re.compile(r"\b(?:not|never|yet to)\b|n't", re.I),
        "any": re.compile(rf"\b(?:according to|{verbs})\b", re.I),
        "police": re.compile(raw["police_actor"]),
        "told_before": re.compile(raw["told_before"], re.I),
        # up to max_gap words, commas or bracketed short forms, none of them a stop word; a gap word
        # is a whole word (never split in pieces: that backtracked for milliseconds a sentence)
        "force_after": re.compile(
            rf"(?:\s*(?:,|\([^()]{{1,40}}\)|(?!(?:{_words(raw['gap_stops'])})\b)[\w'’.-]+(?![\w'’.-]))){{0,{int(raw['max_gap'])}}}?"
            rf"\s*(?:{raw['force_after'].strip()})", re.I),
        "force_before": re.compile(raw["force_before"].strip(), re.I),
    }


def _words(alternation: str) -> str:
    """A YAML block of words joined by "|" (folded lines) as one regular-expression alternation."""
    return "|".join(w.strip() for w in alternation.split("|") if w.strip())


def _acceptable(claimant: str) -> bool:
    r = _rules()
    if not claimant or r["pronoun"].match(claimant) or len(claimant.split()) > 8:
        return False
    words = claimant.split()
    looks_like_name = len(words) >= 2 and all(w[:1].isupper() for w in words if w.lower() not in ("the", "of", "a", "an"))
    return not (looks_like_name and not r["organisation"].search(claimant))


def _names_a_force(phrase: str) -> bool:
    """Whether the whole phrase (after an article) is a force or group of the actor lexicon ("the
    Taliban", "Boko Haram"): an organisation whatever its capitals look like."""
    from sitrep.nlp.actors import find_actors  # the lexicon, only for the rare denial

    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    return any(a.span.start == 0 and a.span.end == len(name) for a in find_actors(name))


def attributions(text: str) -> list[Attribution]:
    """The claimants a sentence names, in reading order."""
    r = _rules()
    denial = "enie" in text or "isown" in text or "eject" in text  # "denied", "disowns", "rejected"
    if not denial and not r["any"].search(text):
        return []  # most sentences quote no one
    out: list[Attribution] = []
    forces: set[int] = set()  # starts of deniers named as a known force (whose capitals may look like a name)
    for rule in ("according", "inverted"):
        for m in r[rule].finditer(text):
            phrase = m.group(1).strip().rstrip(".,;: ")
            out.append(Attribution(phrase, m.start(1), m.start(1) + len(phrase)))
    verbs = list(r["after_np"].finditer(text))
    if denial:  # "the Taliban denied involvement": the denier speaks as a source does
        verbs = sorted(verbs + list(r["disowning"].finditer(text)), key=lambda m: m.start())
    for m in verbs:
        if _claims_at(text, m.start()):
            continue  # "Al-Shabaab claimed responsibility for ...": the group is the doer, not a source
        disowns = denial and r["disowning"].match(text, m.start())
        left = text[max(0, m.start() - 80):m.start()]
        bounds = list(r["boundary"].finditer(left))
        cut = bounds[-1].end() if bounds else 0
        if len(bounds) >= 2 and bounds[-1].group().lower() == "and" and bounds[-2].group() in ",;" \
                and 1 <= len(left[bounds[-2].end():bounds[-1].start()].split()) <= 3:
            cut = bounds[-2].end()  # ", residents and medical workers said": both are claimants
        phrase = left[cut:].strip()
        # a group that denies an attack, or denies claiming it, speaks of it: a source, not its doer;
        # its name is read without the words of tense or negation before the verb
        tail = r["negation_tail"].search(phrase)
        denies = disowns or (
            tail and m.group().lower().startswith("claim") and r["negated"].search(tail.group()))
        if denies and tail:
            phrase = phrase[:tail.start()]
        if not phrase or len(phrase.split()) > 6:
            continue
        start = m.start() - len(left) + cut + (len(left[cut:]) - len(left[cut:].lstrip()))
        out.append(Attribution(phrase, start, start + len(phrase), bool(denies)))
        if denies and not _acceptable(phrase) and _names_a_force(phrase):
            forces.add(start)
    seen, unique = set(), []
    for a in sorted(out, key=lambda a: a.start):
        overlaps = any(a.start < b.end and b.start < a.end for b in unique)
        if (_acceptable(a.claimant) or a.start in forces) and not overlaps and a.start not in seen:
            seen.add(a.start)
            unique.append(a)
    return unique


def responsibility_claim(text: str) -> int | None:
    """Where a sentence says a group claimed an attack ("JNIM claimed the attack"): the offset of
    the claiming words, relative to the text; the group is the actor named before them."""
    low = text.lower()
    if "responsib" not in low and "credit" not in low and "claimed" not in low:
        return None  # most sentences: one cheap test
    return next((m.start() for m in _rules()["responsibility"].finditer(text) if _claims_at(text, m.start())), None)


def _claims_at(text: str, at: int) -> bool:
    """Whether a claim of responsibility, not negated ("has not immediately claimed"), starts at `at`."""
    r = _rules()
    return r["responsibility"].match(text, at) is not None and not r["negated_claim"].search(text, max(0, at - 30), at)


def police_onlooker(text: str, start: int, end: int, actor_name: str) -> bool:
    """Whether the police named at text[start:end] only look on: they neither use force ("police
    shot", "officers opened fire", "police dispersed the crowd") nor are attacked ("gunmen
    attacked police", "an officer was wounded", "a shootout with police"). Such police (who said,
    responded, are searching, found) are a source of a violent event, not its party."""
    r = _rules()
    if not r["police"].search(actor_name):
        return False
    before = text[max(0, start - 80):start]
    if r["told_before"].search(before):
        return True  # "told police", "called police": the ones a witness turns to
    if r["force_after"].match(text, end):
        return False
    return not r["force_before"].search(before)
