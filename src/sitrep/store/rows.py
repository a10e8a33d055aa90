"""An Event as a row of the `events` table (the flat, filterable copy) and of `event_records` (its JSON)."""

from __future__ import annotations

from datetime import datetime

from sitrep.model import Event
from sitrep.store.codec import event_to_json


def _int(value) -> int | None:
    # Counts may arrive as numpy integers from a classifier; the database drivers want plain ints.
    return None if value is None else int(value)


def _float(value) -> float | None:
    return None if value is None else float(value)


def _iso2(code: str | None) -> str | None:
    """Only a two-letter code goes in country_code; anything else would break the merge window."""
    code = (code or "").strip().upper()
    return code if len(code) == 2 and code.isalpha() else None


def event_columns(e: Event, updated_at: datetime) -> dict:
    """The events row of `e` (without created_at); its JSON goes to event_records (`record_row`)."""
    p = e.place
    return {
        "id": e.id,
        "event_date": e.date,
        "date_precision": _int(e.date_precision),
        "year": e.date.year if e.date else None,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else None,
        "assoc_actor_1": "; ".join(a.name for a in e.assoc_actor_1) or None,
        "inter1": e.actor1.inter if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "assoc_actor_2": "; ".join(a.name for a in e.assoc_actor_2) or None,
        "inter2": e.actor2.inter if e.actor2 else None,
        "interaction": e.interaction,
        "civilian_targeting": bool(e.civilian_targeting),
        "country": p.country or None if p else None,
        "country_code": _iso2(p.country_code) if p else None,
        "admin1": (p.admin1 or None) if p else None,
        "admin2": (p.admin2 or None) if p else None,
        "admin3": (p.admin3 or None) if p else None,
        "location": p.name if p else None,
        "geonameid": _int(p.geonameid) if p else None,
        "latitude": _float(p.latitude) if p else None,
        "longitude": _float(p.longitude) if p else None,
        "geo_precision": _int(e.geo_precision),
        "fatalities": int(e.fatalities or 0),
        "fatalities_low": _int(e.fatalities_low),
        "fatalities_high": _int(e.fatalities_high),
        "injuries": _int(e.injuries),
        "n_sources": e.n_sources,
        "confidence": float(e.confidence or 0.0),
        "disagreement": bool(e.disagreement),
        "notes": e.notes,
        "review_status": e.review_status or "unreviewed",
        "updated_at": updated_at,
    }


def record_row(e: Event) -> dict:
    """The event_records row of `e`: the whole Event as JSON."""
    return {"event_id": e.id, "record": event_to_json(e)}
