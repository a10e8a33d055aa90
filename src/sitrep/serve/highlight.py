"""Evidence spans over a document's text, cut into plain-text segments the event page marks up."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.model import Event, Span

SENTENCE = "sentence"  # the label of a mention's whole sentence, shown lighter than field evidence


@dataclass
class Segment:
    """A run of text covered by the same evidence labels (field names, or SENTENCE)."""

    text: str
    labels: list[str] = field(default_factory=list)

    @property
    def fields(self) -> list[str]:
        return [x for x in self.labels if x != SENTENCE]

    @property
    def in_sentence(self) -> bool:
        return SENTENCE in self.labels


def event_spans(event: Event) -> list[tuple[str, Span]]:
    """Every (label, span) of an event: its evidence, its mentions' evidence and sentences."""
    out: list[tuple[str, Span]] = [(name, s) for name, s in event.evidence.items() if s]
    for m in event.mentions:
        out.append((SENTENCE, m.span))
        out += [(name, s) for name, s in m.evidence.items() if s]
    return out


def segments(text: str, labelled: list[tuple[str, int, int]]) -> list[Segment]:
    """`text` cut at every span boundary; spans outside the text are clipped or dropped."""
    n = len(text)
    spans = [(label, max(0, s), min(n, e)) for label, s, e in labelled if isinstance(s, int) and isinstance(e, int)]
    spans = [x for x in spans if x[1] < x[2]]
    cuts = sorted({0, n, *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        labels = sorted({label for label, s, e in spans if s <= a and b <= e})
        if out and out[-1].fields and out[-1].fields == [x for x in labels if x != SENTENCE]:
            out[-1].text += text[a:b]  # one highlight per field, even where a sentence ends inside it
        else:
            out.append(Segment(text[a:b], labels))
    return out


def document_segments(event: Event, doc_id: str, text: str) -> list[Segment]:
    spans = [(label, s.start, s.end) for label, s in event_spans(event) if s.doc_id == doc_id]
    return segments(text, spans)


def evidence_text(span: Span | None, texts: dict[str, str]) -> str:
    """The words a span points at, from the stored document when there is one."""
    if span is None:
        return ""
    text = texts.get(span.doc_id)
    if text is not None and 0 <= span.start < span.end <= len(text):
        return text[span.start:span.end]
    return span.text
