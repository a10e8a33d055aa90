"""Give a sentence or snippet its ACLED sub-event type, or say it reports no event.

`classify(texts)` is the API the argument extractor calls. It uses the statistical model from
`sitrep.events.train` (a corpus-trained TF-IDF + linear SVM, cached after the first
use, or the model file named by the SITREP_MODEL environment variable) and, on top of it, the
override cues of `data/model/cues.yaml` for weapons whose words leave no doubt. When no model
can be built, it falls back to the keyword cues alone.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from sitrep.taxonomy import sub_event_types

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a text worth classifying
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
    replaces: frozenset[str]  # the event types of model labels this cue may override
    anchors: tuple[str, ...] = ()  # pieces of text inside every match ((): no cheap test)


@lru_cache(maxsize=1)
def cues() -> tuple[_Cue, ...]:
    """The keyword rules of data/model/cues.yaml, compiled once."""
    path = resources.files("sitrep.events").joinpath("data/model/cues.yaml")
    with path.open(encoding="utf-8") as f:
        rules = yaml.safe_load(f)["rules"]
    known = sub_event_types()
    out = []
    for rule in rules:
        if rule["sub_event_type"] not in known:
            raise ValueError(f"cues.yaml: unknown sub-event type {rule['sub_event_type']!r}")
        for p in rule["patterns"]:
            out.append(_Cue(rule["sub_event_type"], bool(rule.get("override")), re.compile(p, re.I),
                            frozenset(rule.get("replaces", [])),
                            tuple(str(a).lower() for a in rule.get("anchors", []))))
    return tuple(out)


@lru_cache(maxsize=1)
def _override_cues() -> tuple[tuple[_Cue, ...], frozenset[str]]:
    """The override cues for lower-cased text, their patterns compiled without IGNORECASE
    (faster), and the event types they may replace."""
    lowered = tuple(_Cue(c.sub_event_type, True, re.compile(c.pattern.pattern), c.replaces, c.anchors)
                    for c in cues() if c.override)
    return lowered, frozenset().union(*(c.replaces for c in lowered))


def _forced_label(lowered: str, event_type: str) -> str | None:
    """The override cue's sub-type for a lower-cased text the model gave `event_type`, or None."""
    lowered_cues, replaceable = _override_cues()
    if event_type not in replaceable:
        return None
    for cue in lowered_cues:
        if event_type not in cue.replaces:
            continue
        if cue.anchors and not any(a in lowered for a in cue.anchors):
            continue  # none of the words every match contains: the pattern cannot match
        if cue.pattern.search(lowered):
            return cue.sub_event_type
    return None


def cue_label(text: str, replacing: str | None = None) -> str | None:
    """The first keyword rule that matches the text, or None.

    With `replacing` (the event type the model chose), only override rules allowed to replace
    that event type are tried.
    """
    if replacing is not None:
        return _forced_label(text.lower(), replacing)
    for cue in cues():
        if cue.pattern.search(text):
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
    predicted = dict(zip(wordy_index, zip(wordy, model.predict(wordy, lowered=True))))
    for i in range(len(texts)):
        if i not in predicted:
            out.append(Classification(None, None, 1.0))
            continue
        lowered, (label, prob) = predicted[i]
        cls = from_label(label, prob)
        # a weapon cue overrides only among acts of violence (see cues.yaml): "police seized
        # grenades" stays a disrupted weapons use, and a protest stays a protest
        if cls.event_type and not cls.criminal:
            forced = _forced_label(lowered, cls.event_type)
            if forced and forced != cls.sub_event_type:
                cls = Classification(forced, types[forced], prob)
        out.append(cls)
    return out
