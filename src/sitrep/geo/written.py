"""Write each event place's admin1 as ACLED does, once every geo rule that compares names is done.

The gazetteer keeps its own admin1 names, because the geo rules compare them with a report's
words ("Coahuila", "Tel Aviv District"); an event's place leaves geo with ACLED's ("Coahuila de
Zaragoza", "Tel Aviv"), so its admin1 column matches ACLED's data. The data: geo/data/admin1_written.yaml.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from sitrep.geo.lexicon import load_data
from sitrep.model import Place


@lru_cache(maxsize=1)
def written_names() -> dict[tuple[str, str], str]:
    """(country code, the gazetteer's admin1) -> the admin1 as ACLED writes it."""
    data = load_data("admin1_written.yaml") or {}
    names = {(cc, name): written for cc, pairs in data.items() for name, written in (pairs or {}).items()}
    chained = sorted(f"{cc}: {w}" for (cc, _), w in names.items() if (cc, w) in names)
    if chained:  # writing must be done once: a written name that is itself rewritten is a data error
        raise ValueError(f"admin1_written.yaml: written names that are also rewritten: {', '.join(chained)}")
    return names


def as_written(place: Place | None) -> Place | None:
    """The place with its admin1 as ACLED writes it (the same place when the names agree)."""
    if place is None:
        return None
    written = written_names().get((place.country_code, place.admin1))
    return place if written is None else replace(place, admin1=written)
