"""nlp: sentences, numbers, dates and actor mentions of a Document, as an Analysis."""

from sitrep.nlp.analyze import analyze  # noqa: F401
