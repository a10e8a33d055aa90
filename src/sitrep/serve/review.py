"""Review actions on an Event: accept, edit (validated field changes), reject with a reason, reopen."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sitrep import taxonomy
from sitrep.model import ACTOR_CATEGORIES, Actor, Event, Place

STATUS_AFTER = {"accept": "accepted", "edit": "edited", "reject": "rejected", "reopen": "unreviewed"}
PLACE_FIELDS = ("location", "country", "country_code", "admin1", "admin2", "admin3", "latitude", "longitude")


class EventChanges(BaseModel):
    """Fields a reviewer may change; a field left out is kept as it is."""

    model_config = ConfigDict(extra="forbid")

    event_date: date | None = None
    date_precision: int | None = Field(None, ge=1, le=3)
    event_type: str | None = Field(None, max_length=64)
    sub_event_type: str | None = Field(None, max_length=128)
    disorder_type: str | None = Field(None, max_length=64)
    actor1: str | None = Field(None, max_length=200)
    actor1_category: str | None = None
    actor2: str | None = Field(None, max_length=200)
    actor2_category: str | None = None
    civilian_targeting: bool | None = None
    fatalities: int | None = Field(None, ge=0, le=1_000_000)
    injuries: int | None = Field(None, ge=0, le=1_000_000)
    location: str | None = Field(None, max_length=200)
    country: str | None = Field(None, max_length=100)
    country_code: str | None = Field(None, pattern=r"^([A-Za-z]{2})?$")
    admin1: str | None = Field(None, max_length=200)
    admin2: str | None = Field(None, max_length=200)
    admin3: str | None = Field(None, max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    geo_precision: int | None = Field(None, ge=1, le=3)
    notes: str | None = Field(None, max_length=10_000)

    @model_validator(mode="after")
    def _known_codes(self) -> "EventChanges":
        subs = taxonomy.sub_event_types()
        if self.event_type and self.event_type not in taxonomy.event_types():
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.sub_event_type and self.sub_event_type not in subs:
            raise ValueError(f"unknown sub_event_type {self.sub_event_type!r}")
        if self.event_type and self.sub_event_type and subs[self.sub_event_type] != self.event_type:
            raise ValueError(f"sub_event_type {self.sub_event_type!r} is not a kind of {self.event_type!r}")
        for name in ("actor1_category", "actor2_category"):
            value = getattr(self, name)
            if value and value not in ACTOR_CATEGORIES:
                raise ValueError(f"{name} must be one of {', '.join(ACTOR_CATEGORIES)}")
        return self


class ReviewRequest(BaseModel):
    """One review action; `reason` is required to reject."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["accept", "edit", "reject", "reopen"]
    changes: EventChanges | None = None
    reason: str = Field("", max_length=2000)

    @model_validator(mode="after")
    def _complete(self) -> "ReviewRequest":
        if self.action == "reject" and not self.reason.strip():
            raise ValueError("a rejection needs a reason")
        if self.action == "edit" and not (self.changes and self.changes.model_dump(exclude_unset=True)):
            raise ValueError("an edit needs at least one changed field")
        if self.action != "edit" and self.changes and self.changes.model_dump(exclude_unset=True):
            raise ValueError("field changes go with action 'edit'")
        return self


def _actor(current: Actor | None, name: str | None, category: str | None) -> Actor | None:
    name = current.name if name is None and current else name
    if not name:
        return None
    category = category or (current.category if current else "") or "External/Other forces"
    return Actor(name=name.strip(), category=category, alias=current.alias if current and current.name == name else "",
                 country=current.country if current else "")


def apply_changes(event: Event, changes: dict) -> Event:
    """A copy of `event` with the reviewer's changes (a dict from EventChanges, unset fields left out)."""
    e = dataclasses.replace(event)
    if "event_date" in changes:
        e.date = changes["event_date"]
    for name in ("date_precision", "disorder_type", "civilian_targeting", "injuries", "geo_precision", "notes"):
        if name in changes:
            setattr(e, name, changes[name])
    if changes.get("sub_event_type"):
        e.sub_event_type = changes["sub_event_type"]
        e.event_type = taxonomy.sub_event_types()[e.sub_event_type]
        if "disorder_type" not in changes:
            e.disorder_type = taxonomy.disorder_type(e.sub_event_type)
    elif changes.get("event_type"):
        e.event_type = changes["event_type"]
    for n in ("1", "2"):
        if f"actor{n}" in changes or f"actor{n}_category" in changes:
            setattr(e, f"actor{n}", _actor(getattr(e, f"actor{n}"), changes.get(f"actor{n}"),
                                           changes.get(f"actor{n}_category")))
    if "fatalities" in changes and changes["fatalities"] is not None:
        f = changes["fatalities"]
        e.fatalities = e.fatalities_best = f
        e.fatalities_low = f if e.fatalities_low is None else min(e.fatalities_low, f)
        e.fatalities_high = f if e.fatalities_high is None else max(e.fatalities_high, f)
    place_changes = {k: changes[k] for k in PLACE_FIELDS if k in changes}
    if place_changes:
        e.place = _place(e.place, place_changes)
    return e


def _place(current: Place | None, changes: dict) -> Place:
    mapped = {("name" if k == "location" else k): v for k, v in changes.items()}
    for k in ("latitude", "longitude"):
        if mapped.get(k, 0) is None:
            del mapped[k]  # coordinates can be changed, not emptied
    mapped = {k: ("" if v is None else v) for k, v in mapped.items()}
    if mapped.get("country_code"):
        mapped["country_code"] = mapped["country_code"].upper()
    if current is not None:
        if {"latitude", "longitude", "name"} & set(mapped):
            mapped["geonameid"] = None  # a moved place is no longer the gazetteer entry it was resolved to
        return dataclasses.replace(current, **mapped)
    if "latitude" not in mapped or "longitude" not in mapped or not mapped.get("name"):
        raise ValueError("an event without a place needs location, latitude and longitude together")
    return Place(geonameid=None, **mapped)


def review(event: Event, request: ReviewRequest) -> Event:
    """The event after the action (status set, changes applied); the caller stores it and the log."""
    changes = request.changes.model_dump(exclude_unset=True) if request.changes else {}
    after = apply_changes(event, changes) if request.action == "edit" else dataclasses.replace(event)
    after.review_status = STATUS_AFTER[request.action]
    return after
