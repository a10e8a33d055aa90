"""incidents: merge Mentions of one event, within a report and across reports, into Events."""

from sitrep.incidents.within import merge_within  # noqa: F401
from sitrep.incidents.merge import merge  # noqa: F401
