"""geo: find place names, resolve them in the gazetteer, and give each Mention its place."""

from sitrep.geo.geoparse import geoparse  # noqa: F401
from sitrep.geo.locate import locate  # noqa: F401
