"""Events as a GeoJSON FeatureCollection of points, with the CSV's columns as properties."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.export.acled_csv import event_row
from sitrep.model import Event


def write(events: list[Event], path: Path) -> None:
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [e.place.longitude, e.place.latitude]},
                 "properties": event_row(e)}
                for e in events if e.place]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
