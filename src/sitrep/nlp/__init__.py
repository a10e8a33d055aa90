"""nlp: sentences, numbers, dates and actor mentions of a Document, as an Analysis."""

from sitrep.nlp.actors import find_actors, load_actor_lexicon, resolve_actor  # noqa: F401
from sitrep.nlp.analyze import analyze  # noqa: F401
from sitrep.nlp.dates import find_dates  # noqa: F401
from sitrep.nlp.numbers import find_quantities  # noqa: F401
from sitrep.nlp.sentences import split_sentences  # noqa: F401
