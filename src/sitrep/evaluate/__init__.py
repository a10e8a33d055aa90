"""evaluate: scorers for the public gold sets in ../shared/data."""

from __future__ import annotations

import importlib

from sitrep.evaluate.report import Report  # noqa: F401

SCORERS = {
    "acled": "sitrep.evaluate.acled",
    "case2021": "sitrep.evaluate.case2021",
    "gva": "sitrep.evaluate.gva",
    "geoparse": "sitrep.evaluate.geoparse",
}


def score(set_name: str, gold: str, limit: int | None = None) -> Report:
    """Score sitrep against one gold set; each scorer module has `score(gold, limit) -> Report`."""
    return importlib.import_module(SCORERS[set_name]).score(gold, limit=limit)
