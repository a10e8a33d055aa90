"""Events as CSV: ACLED's 31 columns in ACLED's order, then sitrep's own."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry

from sitrep.model import Event

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
SITREP_COLUMNS = ["fatalities_low", "fatalities_high", "injuries", "n_sources", "doc_ids", "source_urls",
                  "sitrep_id", "confidence"]
COLUMNS = ACLED_COLUMNS + SITREP_COLUMNS


def _iso_numeric(alpha2: str) -> str:
    c = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    return str(int(c.numeric)) if c else ""


def event_row(e: Event) -> dict:
    p = e.place
    alpha3 = ""
    if p and p.country_code:
        c = pycountry.countries.get(alpha_2=p.country_code)
        alpha3 = c.alpha_3 if c else ""
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}-{e.id[:10]}",
        "event_date": e.date.isoformat() if e.date else "",
        "year": e.date.year if e.date else "",
        "time_precision": e.date_precision or "",
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": "; ".join(a.name for a in e.assoc_actor_1),
        "inter1": e.actor1.inter if e.actor1 else "",
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": "; ".join(a.name for a in e.assoc_actor_2),
        "inter2": e.actor2.inter if e.actor2 else 0,
        "interaction": e.interaction,
        "civilian_targeting": "Civilian targeting" if e.civilian_targeting else "",
        "iso": _iso_numeric(p.country_code) if p else "",
        "region": "",
        "country": p.country if p else "",
        "admin1": p.admin1 if p else "",
        "admin2": p.admin2 if p else "",
        "admin3": p.admin3 if p else "",
        "location": p.name if p else "",
        "latitude": round(p.latitude, 4) if p else "",
        "longitude": round(p.longitude, 4) if p else "",
        "geo_precision": e.geo_precision or "",
        "source": "; ".join(sorted({s.name or s.doc_id for s in e.sources})),
        "source_scale": "",
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": "",
        "timestamp": "",
        "fatalities_low": "" if e.fatalities_low is None else e.fatalities_low,
        "fatalities_high": "" if e.fatalities_high is None else e.fatalities_high,
        "injuries": "" if e.injuries is None else e.injuries,
        "n_sources": e.n_sources,
        "doc_ids": ";".join(s.doc_id for s in e.sources),
        "source_urls": ";".join(s.url for s in e.sources if s.url),
        "sitrep_id": e.id,
        "confidence": round(e.confidence, 3),
    }


def write(events: list[Event], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow(event_row(e))
