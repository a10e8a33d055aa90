"""events: which sentences report an event, its ACLED type and sub-type, and its arguments."""

from sitrep.events.extract import extract  # noqa: F401
