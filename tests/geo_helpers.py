"""Place one sentence of a report as the geo stage does, for the geo tests."""

from sitrep.geo import geoparse, locate
from sitrep.model import Analysis, Document, Mention, Span


def located(text: str, sentence: str, title: str | None = None, url: str | None = None,
            trigger: str | None = None) -> Mention:
    """The mention of an attack told by `sentence` (a part of `text`), placed by geoparse + locate;
    `trigger`: the event's own words in the sentence, which the place nearest to them is read against."""
    doc = Document(id="d", text=text, title=title, url=url)
    start = text.index(sentence)
    m = Mention("d", Span("d", start, start + len(sentence), sentence), "Violence against civilians", "Attack")
    if trigger:
        at = text.index(trigger, start)
        m.evidence["event_type"] = Span("d", at, at + len(trigger), trigger)
    return locate(Analysis(doc=doc), [m], geoparse(doc))[0]
