"""Events as a GeoJSON FeatureCollection of points, with the CSV's columns as properties."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.export.acled_csv import event_row
from sitrep.model import Event


def feature(e: Event) -> dict:
    """One event as a Feature; an event with no place (only with --all) has a null geometry."""
    geometry = ({"type": "Point", "coordinates": [round(e.place.longitude, 6), round(e.place.latitude, 6)]}
                if e.place else None)
    return {"type": "Feature", "id": e.id, "geometry": geometry, "properties": event_row(e)}


def write(events: list[Event], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": [feature(e) for e in events]}, f, ensure_ascii=False)
