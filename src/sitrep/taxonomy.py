"""ACLED's event taxonomy, loaded from data/acled_taxonomy.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml

CRIMINAL = "Criminal violence"
# the event types of violence itself (not protests, riots or strategic developments)
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@lru_cache(maxsize=1)
def _load() -> dict:
    return read_yaml(Path(__file__).parent / "data" / "acled_taxonomy.yaml")


def event_types() -> list[str]:
    return list(_load()["types"])


def sub_event_types() -> dict[str, str]:
    """Every sub-event type and the event type it belongs to."""
    return {sub: etype for etype, subs in _load()["types"].items() for sub in subs}


def disorder_type(sub_event_type: str) -> str:
    for subs in _load()["types"].values():
        if sub_event_type in subs:
            return subs[sub_event_type]["disorder"]
    raise KeyError(f"not an ACLED sub-event type: {sub_event_type!r}")


def case_label_to_sub_type() -> dict[str, str]:
    """CASE 2021 label -> ACLED sub-event type, for the 25 ACLED labels."""
    return {v["case"]: sub for subs in _load()["types"].values() for sub, v in subs.items()}


def case_outside_acled() -> dict[str, str]:
    """CASE 2021 labels outside ACLED -> "criminal" (an event) or "none" (not an event)."""
    return dict(_load()["case_outside_acled"])
