"""The two things counts are made of: a number read in the text and a count of one kind.

`counts` reads a sentence's figures from a document's numbers; the modules that read victims
told without a figure or picked out of another figure build the same `Count`s, and import them
from here so that none of them imports `counts` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import Analysis


@dataclass(frozen=True)
class Number:
    """A count in the text (one of nlp's count quantities): where it is and its conservative value."""

    start: int
    end: int
    value: int


def document_numbers(analysis: Analysis) -> list[Number]:
    """The counts of a document: nlp's quantities of kind "count", outside editors' square brackets
    ("[size=no report]"). nlp always runs before events; it is the one number reader."""
    text = analysis.doc.text
    return [Number(q.span.start, q.span.end, q.value) for q in analysis.quantities
            if q.kind == "count" and not _inside_brackets(text, q.span.start)]


def _inside_brackets(text: str, pos: int) -> bool:
    opened = text.rfind("[", 0, pos)
    return opened != -1 and text.rfind("]", 0, pos) < opened


@dataclass
class Count:
    """A figure for one kind ("death", "injury", "arrest") and the words it rests on."""

    kind: str
    value: int
    start: int
    end: int
