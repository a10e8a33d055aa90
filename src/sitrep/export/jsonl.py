"""Events as JSON lines: the full record, with every mention, claim and evidence span."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.model import Event, to_plain


def write(events: list[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for e in events:
            rec = to_plain(e)
            rec["n_sources"] = e.n_sources
            rec["interaction"] = e.interaction
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
