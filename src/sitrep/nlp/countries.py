"""Countries as the nlp lexicons need them: ISO code, ACLED-style name, nationality words, names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str  # as ACLED writes it: "Democratic Republic of Congo", "Palestine"
    demonyms: tuple[str, ...]  # "Congolese"
    aliases: tuple[str, ...]  # names of the country itself: "DRC", "DR Congo"


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of `data/countries.csv`, by ISO 3166-1 alpha-2 code."""
    out: dict[str, Country] = {}
    with open(DATA / "countries.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            split = lambda v: tuple(x.strip() for x in (v or "").split("|") if x.strip())  # noqa: E731
            out[row["iso2"]] = Country(row["iso2"], row["name"], split(row["demonyms"]), split(row["aliases"]))
    return out


@lru_cache(maxsize=1)
def demonyms() -> tuple[str, ...]:
    """All nationality words ("Israeli", "Nigerian"), one word or more, without duplicates."""
    seen: dict[str, None] = {}
    for c in countries().values():
        for d in c.demonyms:
            if "(" not in d:
                seen[d] = None
    return tuple(seen)


@lru_cache(maxsize=512)
def acled_country_name(iso2: str) -> str:
    """ACLED's name of a country from its ISO code: the table's, else ISO 3166's common name for
    a territory the table lacks ("Malta"); "" when the code is unknown."""
    code = (iso2 or "").upper()
    c = countries().get(code)
    if c or not code:
        return c.name if c else ""
    import pycountry  # only for the few small territories outside the table

    iso = pycountry.countries.get(alpha_2=code)
    return (getattr(iso, "common_name", None) or iso.name) if iso else ""


def country_name(iso2: str) -> str:
    """ACLED's name of a country from its ISO code; the code itself when unknown."""
    return acled_country_name(iso2) or iso2
