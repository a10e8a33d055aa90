"""export: Events to the files users load elsewhere, chosen by the output's extension."""

from sitrep.export.write import write  # noqa: F401
