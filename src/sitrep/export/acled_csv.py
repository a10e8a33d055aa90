"""Events as CSV: ACLED's 31 columns in ACLED's order, then sitrep's own, then review_status."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pycountry

from sitrep.export.regions import acled_country, acled_region
from sitrep.export.sources import source_scale
from sitrep.model import Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
SITREP_COLUMNS = ["fatalities_low", "fatalities_high", "injuries", "n_sources", "doc_ids", "source_urls",
                  "sitrep_id", "confidence"]
REVIEW_COLUMNS = ["review_status"]
COLUMNS = ACLED_COLUMNS + SITREP_COLUMNS + REVIEW_COLUMNS

# Column types for typed formats (Parquet): everything not listed is text.
INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
               "timestamp", "fatalities_low", "fatalities_high", "injuries", "n_sources"}
FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
DATE_COLUMNS = {"event_date"}


@lru_cache(maxsize=512)
def _iso_codes(alpha2: str) -> tuple[str, int | None]:
    """(alpha-3, numeric) of a country code; Kosovo and unknown codes have no numeric code."""
    c = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    if c is None:
        return ("XKX" if alpha2 == "XK" else "", None)
    return c.alpha_3, int(c.numeric)


def event_row(e: Event) -> dict:
    """One event as a dict of COLUMNS: ints and floats typed, None where the event has no value."""
    p = e.place
    code = (p.country_code or "").upper() if p else ""
    alpha3, numeric = _iso_codes(code)
    sources = sorted(e.sources, key=lambda s: s.doc_id)
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}-{e.id[:10]}",
        "event_date": e.date.isoformat() if e.date else None,
        "year": e.date.year if e.date else None,
        "time_precision": e.date_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else None,
        "assoc_actor_1": "; ".join(a.name for a in e.assoc_actor_1) or None,
        "inter1": e.actor1.inter if e.actor1 else 0,
        "actor2": e.actor2.name if e.actor2 else None,
        "assoc_actor_2": "; ".join(a.name for a in e.assoc_actor_2) or None,
        "inter2": e.actor2.inter if e.actor2 else 0,
        "interaction": e.interaction,
        "civilian_targeting": "Civilian targeting" if e.civilian_targeting else None,
        "iso": numeric,
        "region": acled_region(code) or None,
        "country": (acled_country(code) or (p.country if p else "")) or None,
        "admin1": (p.admin1 or None) if p else None,
        "admin2": (p.admin2 or None) if p else None,
        "admin3": (p.admin3 or None) if p else None,
        "location": p.name if p else None,
        "latitude": round(p.latitude, 4) if p else None,
        "longitude": round(p.longitude, 4) if p else None,
        "geo_precision": e.geo_precision,
        "source": "; ".join(sorted({s.name or s.doc_id for s in sources})) or None,
        "source_scale": source_scale(sources) or None,
        "notes": e.notes or None,
        "fatalities": int(e.fatalities or 0),
        "tags": None,  # ACLED's tags (crowd size, women targeted) need evidence sitrep does not code yet
        "timestamp": int(e.updated_at.timestamp()) if e.updated_at else None,
        "fatalities_low": e.fatalities_low,
        "fatalities_high": e.fatalities_high,
        "injuries": e.injuries,
        "n_sources": e.n_sources,
        "doc_ids": ";".join(dict.fromkeys(s.doc_id for s in sources)) or None,
        "source_urls": ";".join(dict.fromkeys(s.url for s in sources if s.url)) or None,
        "sitrep_id": e.id,
        "confidence": round(float(e.confidence or 0.0), 3),
        "review_status": e.review_status or "unreviewed",
    }


def write(events: list[Event], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow(event_row(e))
