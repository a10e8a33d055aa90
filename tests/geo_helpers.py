"""Place one sentence of a report as the geo stage does, for the geo tests."""

from sitrep.geo import geoparse, locate
from sitrep.model import Analysis, Document, Mention, Span


def located(text: str, sentence: str, title: str | None = None, url: str | None = None) -> Mention:
    """The mention of an attack told by `sentence` (a part of `text`), placed by geoparse + locate."""
    doc = Document(id="d", text=text, title=title, url=url)
    start = text.index(sentence)
    m = Mention("d", Span("d", start, start + len(sentence), sentence), "Violence against civilians", "Attack")
    return locate(Analysis(doc=doc), [m], geoparse(doc))[0]
