"""sitrep: news reports in, an ACLED-style event dataset out, with the words behind every field."""

__version__ = "0.1.0"

from sitrep.pipeline import extract, to_dataframe  # noqa: E402,F401

__all__ = ["extract", "to_dataframe", "__version__"]
