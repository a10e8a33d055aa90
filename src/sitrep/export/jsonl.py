"""Events as JSON lines: the full record, with every mention, claim and evidence span."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.export.regions import acled_region
from sitrep.model import Event, to_plain


def record(e: Event) -> dict:
    """The whole Event as plain JSON, with the derived n_sources, interaction and region."""
    rec = to_plain(e)
    rec["n_sources"] = e.n_sources
    rec["interaction"] = e.interaction
    rec["region"] = acled_region(e.place.country_code if e.place else "")
    return rec


def write(events: list[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps(record(e), ensure_ascii=False) + "\n")
