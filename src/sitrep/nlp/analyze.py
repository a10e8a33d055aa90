"""Run every nlp component over a Document (placeholder: sentences only; the nlp work replaces it)."""

from __future__ import annotations

import re

from sitrep.model import Analysis, Document, Sentence

_SENT = re.compile(r"[^.!?\n]+[.!?]?")


def analyze(doc: Document) -> Analysis:
    sentences = [Sentence(m.start(), m.end(), m.group()) for m in _SENT.finditer(doc.text) if m.group().strip()]
    return Analysis(doc=doc, sentences=sentences)
