"""Merge Mentions across documents into Events (placeholder: one Event per Mention)."""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.model import Event, Mention, Source


def merge(mentions: Iterable[Mention], existing: Iterable[Event] = ()) -> list[Event]:
    """Return every Event after adding `mentions` to `existing` (new, updated and untouched)."""
    events = list(existing)
    for m in mentions:
        events.append(Event(
            id=m.id, event_type=m.event_type, sub_event_type=m.sub_event_type, disorder_type=m.disorder_type,
            date=m.date, date_precision=m.date_precision, place=m.place, geo_precision=m.geo_precision,
            actor1=m.actor1, assoc_actor_1=m.assoc_actor_1, actor2=m.actor2, assoc_actor_2=m.assoc_actor_2,
            civilian_targeting=m.civilian_targeting, fatalities=m.fatalities or 0,
            fatalities_low=m.fatalities, fatalities_best=m.fatalities, fatalities_high=m.fatalities_high or m.fatalities,
            injuries=m.injuries, notes=m.span.text, confidence=m.confidence,
            sources=[Source(m.doc_id, m.source_url, m.source_name, m.published)], mentions=[m],
            evidence=dict(m.evidence), claims=list(m.claims)))
    return events
