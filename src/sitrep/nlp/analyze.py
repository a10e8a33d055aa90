"""Run every nlp component over a Document: sentences, quantities, dates and actor mentions."""

from __future__ import annotations

from sitrep.model import Analysis, Document
from sitrep.nlp.actors import find_actors
from sitrep.nlp.dates import find_dates
from sitrep.nlp.numbers import find_quantities
from sitrep.nlp.sentences import split_sentences


def analyze(doc: Document) -> Analysis:
    """The Analysis of one document. Offsets are into `doc.text`; an empty text gives an empty
    Analysis. A text that is not a string is an error naming the document."""
    text = doc.text
    if not isinstance(text, str):
        raise TypeError(f"document {doc.id!r}: text must be a string, not {type(text).__name__}")
    return Analysis(
        doc=doc,
        sentences=split_sentences(text),
        quantities=find_quantities(text, doc.id),
        dates=find_dates(text, doc.published, doc.id),
        actors=find_actors(text, doc.id),
    )
