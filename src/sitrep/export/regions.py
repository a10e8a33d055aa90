"""ACLED's country names and regions by ISO 3166-1 alpha-2 code, from data/acled_regions.csv."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    with (DATA / "acled_regions.csv").open(encoding="utf-8") as f:
        return {r["iso2"]: (r["acled_country"], r["region"]) for r in csv.DictReader(f)}


def acled_region(iso2: str | None) -> str:
    """ACLED's region of a country ("Western Africa", "Middle East"), or "" when unknown."""
    return _table().get((iso2 or "").upper(), ("", ""))[1]


def acled_country(iso2: str | None) -> str:
    """ACLED's spelling of a country's name ("Democratic Republic of Congo"), or "" when unknown."""
    return _table().get((iso2 or "").upper(), ("", ""))[0]
