"""Give a sentence or snippet its ACLED sub-event type, or say it reports no event.

`classify(texts)` is the API the argument extractor calls. It uses the statistical model from
`sitrep.events.train` (a corpus-trained TF-IDF + linear SVM, cached after the first use, or the
model file named by SITREP_MODEL) and, on top of it, the override cues of `data/model/cues.yaml`
where ACLED's definitions are lexical (weapons whose words leave no doubt; demonstrators who throw
stones; force that kills protesters), and the rules of `sitrep.events.by_doer`: the taker named
decides between the territory sub-types, the detainer between arrests and abduction. An attack
first told in its claim ("X claimed an attack that killed six soldiers"), or told and then
disowned ("...; the Taliban denied involvement"), is labelled by the act's own words
(`claimed_act`, `act_before_disowning`); so is an act first told in its toll's revision ("the death
toll from Sunday's attack has risen to seven", `revised_act`). With no model, the keyword cues
alone decide.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml
from sitrep.events.by_doer import detention_by_detainer, detention_sub_types, territory_by_taker, territory_sub_types
from sitrep.taxonomy import sub_event_types

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a text worth classifying
_CLAIM_WORDS = ("claim", "responsib", "credit", "deni", "disown", "reject")  # in every claim or denial
NONE_LABEL = "none"  # the model's label for "reports no event"
CRIMINAL_PREFIX = "criminal:"  # model labels "criminal:Attack": violent crime, no political actor


@dataclass
class Classification:
    """What a text reports: an ACLED sub-event type (None = no event) and how sure we are."""

    sub_event_type: str | None
    event_type: str | None
    confidence: float
    criminal: bool = False


@dataclass(frozen=True)
class _Cue:
    sub_event_type: str
    override: bool
    pattern: re.Pattern
    replaces: frozenset[str]  # the event types (or sub-types) of model labels this cue may override
    anchors: tuple[str, ...] = ()  # pieces of text inside every match ((): no cheap test)
    fallback: bool = True  # also a label of the keyword fallback when there is no model


@lru_cache(maxsize=1)
def _cues_file() -> dict:
    """data/model/cues.yaml, parsed once for its keyword rules and the label rules beside them."""
    return read_yaml(Path(__file__).parent / "data" / "model" / "cues.yaml")


@lru_cache(maxsize=1)
def cues() -> tuple[_Cue, ...]:
    """The keyword rules of data/model/cues.yaml, compiled once."""
    rules = _cues_file()["rules"]
    known = sub_event_types()
    out = []
    for rule in rules:
        if rule["sub_event_type"] not in known:
            raise ValueError(f"cues.yaml: unknown sub-event type {rule['sub_event_type']!r}")
        for p in rule["patterns"]:
            out.append(_Cue(rule["sub_event_type"], bool(rule.get("override")), re.compile(p, re.I),
                            frozenset(rule.get("replaces", [])),
                            tuple(str(a).lower() for a in rule.get("anchors", [])), bool(rule.get("fallback", True))))
    return tuple(out)


@lru_cache(maxsize=1)
def _override_cues() -> tuple[tuple[tuple[_Cue, re.Pattern | None], ...], frozenset[str]]:
    """The override rules for lower-cased text, with the anchor test of each as one pattern, and
    the event types (or sub-types) they may replace. The patterns of one rule are joined into one
    alternation, compiled without IGNORECASE (faster)."""
    groups: list[tuple[_Cue, list[str]]] = []  # consecutive patterns of one rule: (its first cue, patterns)
    for c in cues():
        if not c.override:
            continue
        last = groups[-1][0] if groups else None
        if last and (last.sub_event_type, last.replaces, last.anchors) == (c.sub_event_type, c.replaces, c.anchors):
            groups[-1][1].append(c.pattern.pattern)
        else:
            groups.append((c, [c.pattern.pattern]))
    lowered = tuple((_Cue(c.sub_event_type, True, re.compile("|".join(f"(?:{p})" for p in patterns)), c.replaces,
                          c.anchors),
                     re.compile("|".join(map(re.escape, c.anchors))) if c.anchors else None) for c, patterns in groups)
    return lowered, frozenset().union(*(c.replaces for c, _ in lowered))


@lru_cache(maxsize=256)
def _cues_replacing(event_type: str, sub_type: str | None
                    ) -> tuple[re.Pattern | None, tuple[tuple[_Cue, re.Pattern | None], ...]]:
    """The override rules that may replace a model label of this event type and sub-type, in
    order, and one pattern of all their anchors (None when one of them has none): a text that
    misses it skips them all in one search."""
    chosen = tuple((c, a) for c, a in _override_cues()[0] if event_type in c.replaces or sub_type in c.replaces)
    if not chosen or any(not c.anchors for c, _ in chosen):
        return None, chosen
    return re.compile("|".join(re.escape(a) for c, _ in chosen for a in c.anchors)), chosen


def _forced_label(lowered: str, event_type: str, sub_type: str | None = None) -> str | None:
    """The override cue's sub-type for a lower-cased text the model gave `event_type` (and
    `sub_type`), or None. A cue's `replaces` names event types, or single sub-types."""
    replaceable = _override_cues()[1]
    if event_type not in replaceable and sub_type not in replaceable:
        return None
    any_anchor, chosen = _cues_replacing(event_type, sub_type)
    if any_anchor is not None and not any_anchor.search(lowered):
        return None
    for cue, anchor in chosen:
        if anchor is not None and not anchor.search(lowered):
            continue  # none of the words every match contains: the pattern cannot match
        if cue.pattern.search(lowered):
            return cue.sub_event_type
    return None


@lru_cache(maxsize=1)
def _arrested_protest() -> tuple[str, str]:
    rule = _cues_file()["arrested_protest"]
    return rule["from"], rule["to"]


@lru_cache(maxsize=1)
def _arrests_cause() -> re.Pattern:
    return re.compile(_cues_file()["arrested_protest"]["cause_before"], re.I)


def arrests_are_the_cause(words_before: str) -> bool:
    """Whether an arrest figure, given the words just before it, tells the arrests a protest is
    about ("demanding the release of 2 students who were arrested"), not arrests at the protest."""
    return _arrests_cause().search(words_before) is not None


def protest_after_arrests(sub_event_type: str | None, arrests: int | None) -> str | None:
    """The sub-type of an event once its report's arrest count is known: people arrested at a
    peaceful protest make it a protest with intervention (ACLED); any other sub-type stays."""
    before, after = _arrested_protest()
    return after if sub_event_type == before and arrests else sub_event_type


def cue_label(text: str, replacing: str | None = None, sub_type: str | None = None) -> str | None:
    """The first keyword rule that matches the text, or None.

    With `replacing` (the event type or the sub-type the model chose, or "none"), only override
    rules allowed to replace it are tried; with `sub_type` as well (an event type and its
    sub-type), rules that replace either.
    """
    if replacing is not None:
        return _forced_label(text.lower(), replacing, sub_type)
    for cue in cues():
        if cue.fallback and cue.pattern.search(text):
            return cue.sub_event_type
    return None


def from_label(label: str, confidence: float) -> Classification:
    """A model label ("Attack", "criminal:Attack", "none") as a Classification."""
    if label == NONE_LABEL:
        return Classification(None, None, confidence)
    criminal = label.startswith(CRIMINAL_PREFIX)
    sub = label[len(CRIMINAL_PREFIX):] if criminal else label
    return Classification(sub, _types()[sub], confidence, criminal)


@lru_cache(maxsize=1)
def _types() -> dict[str, str]:
    """sub-type -> event type, built once (the taxonomy builds a new dict per call)."""
    return sub_event_types()


def _by_cues(text: str) -> Classification:
    label = cue_label(text)
    return from_label(label, 0.5) if label else Classification(None, None, 0.5)


_model_failed = False


def _model():
    """The trained model (see sitrep.events.train.load_model), or None if it cannot be had.

    A model file the user named (SITREP_MODEL) that cannot be read is an error worth stopping
    for; a failure to build the default model only degrades to the keyword cues.
    """
    global _model_failed
    from sitrep.events.train import load_model

    if os.environ.get("SITREP_MODEL"):
        return load_model()  # raises ValueError naming the file
    if _model_failed:
        return None
    try:
        return load_model()
    except Exception as e:  # a broken default model must not stop a batch: fall back to the cues
        log.warning("event model unavailable (%s: %s); using keyword cues only", type(e).__name__, e)
        _model_failed = True
        return None


@lru_cache(maxsize=1)
def _needs_words() -> tuple[tuple[frozenset[str], re.Pattern, re.Pattern | None], ...]:
    """Per rule of cues.yaml's needs_words: the sub-types, the words one of which they need, and
    the words that name an act already told (`unless`), whose kind the report's context decides."""
    return tuple((frozenset(rule["sub_event_types"]), re.compile("|".join(re.escape(w) for w in rule["words"])),
                  re.compile(rule["unless"]) if rule.get("unless") else None)
                 for rule in _cues_file()["needs_words"])


def _lacking_words(sub_event_type: str | None, lowered: str) -> frozenset[str] | None:
    """The sub-types of the needs_words rule `sub_event_type` falls under when the lower-cased text
    has none of the words that rule needs; None when it has them (or no rule names the type)."""
    for types, words, unless in _needs_words():
        if sub_event_type in types:
            return None if words.search(lowered) or (unless is not None and unless.search(lowered)) else types
    return None


@lru_cache(maxsize=1)
def _planned_rule() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """The protest sub-types, a plan of a gathering, a gathering told (cues.yaml, planned_gathering)."""
    rule = _cues_file()["planned_gathering"]
    return frozenset(rule["sub_event_types"]), re.compile(rule["plan"]), re.compile(rule["gathering"])


def _only_planned(lowered: str) -> bool:
    """Whether every gathering the lower-cased text tells is one still planned or called for."""
    _, plan, gathering = _planned_rule()
    return plan.search(lowered) is not None and gathering.search(plan.sub(" ", lowered)) is None


@lru_cache(maxsize=1)
def _claimed_act_rule() -> dict:
    """cues.yaml's claimed_act: its patterns (for lower-cased text) compiled, and the sub-type of a blast."""
    return {k: v if k == "blast_sub_type" else re.compile(v) for k, v in _cues_file()["claimed_act"].items()}


def claimed_act(lowered: str, told_before: bool = False) -> str | None:
    """The words of the act a lower-cased sentence claims when the claim is the act's first telling
    ("... claimed responsibility for an attack that killed six soldiers ..." -> "an attack that
    killed six soldiers ..."), or None: no claim, no harm told, or an act told before ("the attack",
    "Sunday's bombing"). With `told_before` (no attack told before the sentence), such an act's
    words as well, and those of an act whose claim is missing or denied ("no group has claimed the
    bombing, which killed nine", "the Taliban denied involvement in a blast that killed five")."""
    if not any(w in lowered for w in _CLAIM_WORDS):
        return None  # most sentences: one cheap test
    r = _claimed_act_rule()
    m = r["claim"].search(lowered) or (r["claim_told"].search(lowered) if told_before else None)
    if m is not None and r["not_before"].search(lowered[max(0, m.start() - 40):m.start()]):
        m = None  # a claim denied or missing, or a group's past: only `disowned` may still tell the act
    if m is None:  # a claim missing or denied tells the act only where nothing before it did
        m = r["disowned"].search(lowered) if told_before else None
        if m is None or not (r["new_act"].match(lowered, m.end()) or r["told_act"].match(lowered, m.end())):
            return None
    act = lowered[m.end():]
    return act if r["harm"].search(act) and not r["not_in_act"].search(act) else None


def act_before_disowning(lowered: str) -> str | None:
    """The words of the act, harm told, before a clause that disowns it ("a blast killed five in kabul;
    the taliban denied involvement" -> "a blast killed five in kabul."), or None (lower-cased text)."""
    r = _claimed_act_rule()
    m = r["disowned_after"].search(lowered) if any(w in lowered for w in _CLAIM_WORDS) else None
    act = lowered[:m.start()].rstrip() + "." if m else ""
    return act if m and r["harm"].search(act) and not r["not_in_act"].search(act) else None


def _act_labels(model, acts: list[str]) -> list[Classification | None]:
    """The label of each claimed act's own words: harm is told with it, so it is an event even
    where the model doubts it, of the kind the model finds likeliest (never a crime)."""
    rows = model.predict_proba(acts, lowered=True) if acts else []
    best = [_best_label_outside(model.labels, row, frozenset({None}), act) for act, row in zip(acts, rows)]
    return [_as_blast(act, Classification(c.sub_event_type, c.event_type, c.confidence)) if c.event_type else None
            for act, c in zip(acts, best)]


def _as_blast(act: str, cls: Classification) -> Classification:
    """A claimed act that is a bombing, blast or explosion, no words telling how it came, is a remote
    explosive (or what an override cue makes of it: "a suicide bombing"), not the model's guess."""
    r = _claimed_act_rule()
    if not r["blast"].match(act) or r["delivered"].search(act):
        return cls
    sub = _forced_label(act, _types()[r["blast_sub_type"]], r["blast_sub_type"]) or r["blast_sub_type"]
    return Classification(sub, _types()[sub], cls.confidence if cls.event_type else round(1.0 - cls.confidence, 3))


def _claimed_acts(model, wordy: list[str], best: list[int]) -> dict[int, Classification]:
    """For the texts the model gave no event that claim a new act with its harm: the act's label;
    for those that tell an act, then disown it, the label of the act's words if they are an event."""
    none = [k for k in range(len(wordy)) if model.labels[best[k]] == NONE_LABEL]
    found = {k: act for k in none if (act := claimed_act(wordy[k])) is not None}
    out = {k: cls for k, cls in zip(found, _act_labels(model, list(found.values()))) if cls is not None}
    told = {k: act for k in none if k not in found and (act := act_before_disowning(wordy[k])) is not None}
    for k, row in zip(told, model.predict_proba(list(told.values()), lowered=True) if told else []):
        cls = _as_blast(told[k], from_label(model.labels[int(row.argmax())], float(row.max())))
        if cls.event_type:  # an event, or a bombing or blast that did harm (the model doubts bare "explosions")
            out[k] = cls
    return out


@lru_cache(maxsize=1)
def _revised_act_rule() -> dict[str, re.Pattern]:
    """cues.yaml's revised_act: its patterns (for lower-cased text) compiled."""
    return {k: re.compile(v) for k, v in _cues_file()["revised_act"].items()}


def revised_act(lowered: str) -> str | None:
    """The act whose toll a lower-cased sentence revises, told with its harm ("the death toll from
    sunday's attack on a market has risen to seven" -> "sunday's attack on a market killed people."),
    or None: no toll revised, no one act of violence named, or a toll of many acts ("since october")."""
    if "toll" not in lowered and "number of" not in lowered:
        return None  # most sentences: one cheap test
    r = _revised_act_rule()
    m = r["frame"].search(lowered.replace("’", "'"))
    if m is None:
        return None
    act = m.group("act").strip(" ,")
    if not r["act"].match(act) or r["many"].search(act):
        return None
    return f"{act} {'wounded' if m.group('wounded') or m.group('hurt') else 'killed'} people."


def classify_revised_act(text: str) -> Classification | None:
    """The event a sentence revising its toll tells when nothing before it in the report told the act
    ("The death toll from Sunday's attack on a market in Maiduguri has risen to seven"), or None."""
    model = _model()
    act = revised_act(text.lower()) if model is not None else None
    return _act_labels(model, [act])[0] if act is not None else None


def classify_claimed_act(text: str) -> Classification | None:
    """The event a sentence's claim tells when nothing before it in the report told the act
    ("JNIM claimed the attack, which killed four soldiers in Gao on Monday"), or None."""
    model = _model()
    act = claimed_act(text.lower(), told_before=True) if model is not None else None
    return _act_labels(model, [act])[0] if act is not None else None


def _best_label_outside(labels, row, needing: frozenset[str], lowered: str) -> Classification:
    """The model's most probable label outside `needing` (or no event), and not one whose own
    needs_words the lower-cased text `lowered` lacks either."""
    for k in row.argsort()[::-1].tolist():
        cls = from_label(labels[k], float(row[k]))
        if cls.sub_event_type not in needing and not _lacking_words(cls.sub_event_type, lowered):
            return cls
    return Classification(None, None, 0.5)


def _by_doer(cls: Classification, text: str) -> Classification:
    """A territory or detention label as the taker or detainer the text names decides it."""
    types = _types()
    if cls.sub_event_type in territory_sub_types():
        decided = territory_by_taker(text)
    elif cls.sub_event_type in detention_sub_types():
        decided = detention_by_detainer(text)
    else:
        return cls
    return Classification(decided, types[decided], cls.confidence) if decided and decided != cls.sub_event_type else cls


def classify(texts: list[str]) -> list[Classification]:
    """One Classification per text (a sentence or a short snippet), in order.

    A text that is not a string, or has no words, is "no event"; it never stops the batch.
    """
    if isinstance(texts, str):
        raise TypeError("classify() takes a list of texts, not one string: classify([text])")
    backend = os.environ.get("SITREP_BACKEND", "tfidf")
    if backend in ("embeddings", "ensemble"):  # the optional extra; the default never imports it
        from sitrep.events.embeddings import classify as by_embeddings

        return by_embeddings(texts, mode=backend)
    if backend != "tfidf":
        raise ValueError(f"SITREP_BACKEND={backend!r}: expected tfidf, embeddings or ensemble")
    texts = [t if isinstance(t, str) else "" for t in texts]
    if not texts:
        return []
    model = _model()
    if model is None:
        return [_by_cues(t) for t in texts]
    types = _types()
    out = []
    wordy_index, wordy = [], []
    for i, text in enumerate(texts):
        if _WORD.search(text):  # blank or symbol-only: no event
            wordy_index.append(i)
            wordy.append(text.lower())
    probs = model.predict_proba(wordy, lowered=True) if wordy else None
    best = probs.argmax(axis=1).tolist() if wordy else []
    row_of = {i: k for k, i in enumerate(wordy_index)}
    claimed = _claimed_acts(model, wordy, best) if wordy else {}
    for i in range(len(texts)):
        k = row_of.get(i)
        if k is None:
            out.append(Classification(None, None, 1.0))
            continue
        lowered, row = wordy[k], probs[k]
        label, prob = model.labels[best[k]], float(row[best[k]])
        cls = from_label(label, prob)
        lacking = _lacking_words(cls.sub_event_type, lowered)
        if lacking:
            cls = _best_label_outside(model.labels, row, lacking, lowered)
        elif cls.sub_event_type in _planned_rule()[0] and _only_planned(lowered):
            cls = _best_label_outside(model.labels, row, _planned_rule()[0], lowered)
        # a cue overrides only the labels its rule names (see cues.yaml): a weapon cue only acts
        # of violence, so "police seized grenades" stays a disrupted weapons use; a protest cue
        # only moves a protest within the protest and riot family
        if label == NONE_LABEL:  # words that leave no doubt of an event ("a chemical attack")
            forced = _forced_label(lowered, NONE_LABEL)
            if forced:
                cls = Classification(forced, types[forced], round(1.0 - prob, 3))
            elif k in claimed:  # a claim that first tells the act: the act's own label
                cls = claimed[k]
        elif cls.event_type:
            prefix = CRIMINAL_PREFIX if cls.criminal else ""  # crime labels: only rules naming "criminal:..."
            forced = _forced_label(lowered, prefix + cls.event_type, prefix + cls.sub_event_type)
            if forced and forced != cls.sub_event_type:
                # a crime stays a crime when it is still violence ("a rape"), not when it was none
                criminal = cls.criminal and types[forced] == cls.event_type
                cls = Classification(forced, types[forced], prob, criminal)
        if not cls.criminal:  # the doer rules tell state acts from others; a crime has no side
            cls = _by_doer(cls, texts[i])
        out.append(cls)
    return out
