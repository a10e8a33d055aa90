"""ACLED's source_scale for an event's outlets, from the outlet table in data/source_scales.csv."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from sitrep.model import Source

DATA = Path(__file__).resolve().parent / "data"
# ACLED lists the scales of an event's sources joined by "-", most local first.
_ORDER = ["Subnational", "National", "Regional", "International", "New media", "Other"]


@lru_cache(maxsize=1)
def _scales() -> dict[str, str]:
    with (DATA / "source_scales.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["key"].strip().lower(): r["scale"].strip() for r in rows}


def _domain(url: str | None) -> str:
    host = urlparse(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host


def scale_of(source: Source) -> str:
    """The scale of one report's outlet, or "" when the outlet is not in the table."""
    table = _scales()
    for key in ((source.name or "").strip().lower(), _domain(source.url)):
        if key and key in table:
            return table[key]
    domain = _domain(source.url)
    parent = ".".join(domain.split(".")[-2:]) if domain else ""
    return table.get(parent, "")


def source_scale(sources: Iterable[Source]) -> str:
    """The distinct known scales of the sources, ACLED-style ("National-International"), or ""."""
    found = {scale_of(s) for s in sources} - {""}
    return "-".join(s for s in _ORDER if s in found)
