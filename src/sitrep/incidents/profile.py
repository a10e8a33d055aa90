"""What the merger keeps about an Event while merging: its members' dates, places, types and words,
and the blocking index that finds the events a new mention may belong to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.incidents.compare import (
    actor_points, actors_of, cosine_to_centroid, count_points, date_interval, date_points,
    place_precision, place_points, text_points, tokens, type_points)
from sitrep.incidents.rules import rules
from sitrep.model import DAY, Event, Mention


@dataclass
class Candidate:
    """A mention prepared once for comparing with many events."""

    mention: Mention
    interval: tuple[date, date, int] | None
    precision: int | None
    words: frozenset[str]
    actors: set[str]

    @classmethod
    def of(cls, m: Mention) -> Candidate:
        # The words of the sentence and of every other sentence the mention's evidence cites
        # (merge_within folds a report's sentences about the event into one mention).
        texts = dict.fromkeys([m.span.text, *(s.text for s in m.evidence.values() if s and s.text)])
        return cls(m, date_interval(m), place_precision(m.place, m.geo_precision),
                   tokens(" ".join(texts)), actors_of(m))

    @property
    def country(self) -> str:
        return self.mention.place.country_code if self.mention.place else ""


@dataclass
class EventProfile:
    """An event under construction: its members and the distinct values they were seen with."""

    event_id: str
    base: Event | None = None  # the stored Event it continues, if any
    members: list[Mention] = field(default_factory=list)
    mention_ids: set[str] = field(default_factory=set)
    doc_ids: set[str] = field(default_factory=set)
    intervals: set = field(default_factory=set)
    places: dict = field(default_factory=dict)  # place key -> (Place, precision)
    sub_types: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    fatalities: set[int] = field(default_factory=set)
    injuries: set[int] = field(default_factory=set)
    centroid: Counter = field(default_factory=Counter)
    centroid_norm: float = 0.0
    changed: bool = False

    def add(self, c: Candidate) -> None:
        m = c.mention
        self.members.append(m)
        self.mention_ids.add(m.id)
        self.doc_ids.add(m.doc_id)
        self.intervals.add(c.interval)
        if m.place is not None:
            key = m.place.geonameid or (round(m.place.latitude, 3), round(m.place.longitude, 3))
            self.places.setdefault((key, c.precision), (m.place, c.precision))
        self.sub_types.add(m.sub_event_type)
        self.actors |= c.actors
        if m.fatalities is not None:
            self.fatalities.add(m.fatalities)
        if m.injuries is not None:
            self.injuries.add(m.injuries)
        if len(self.members) <= rules()["text"]["centroid_members"]:
            self.centroid.update(c.words)
            self.centroid_norm = sum(v * v for v in self.centroid.values()) ** 0.5

    @property
    def countries(self) -> set[str]:
        return {p.country_code for p, _ in self.places.values()} or {""}

    def day_dates(self) -> set[date]:
        return {iv[0] for iv in self.intervals if iv is not None and iv[2] == DAY}

    def score(self, c: Candidate, docs_by_day: dict[date, set[str]]) -> float | None:
        """The log-odds that `c` reports this event, or None when it cannot.

        Gates hold against EVERY distinct value the members were seen with (complete linkage),
        so A~B and B~C never glue an unrelated C to A; the other points compare with the whole
        event (its word centroid, every count and force its reports gave), never one member alone.
        """
        m = c.mention
        if m.doc_id in self.doc_ids:  # merge_within already joined one report's sentences
            return None
        types = [type_points(m.sub_event_type, t) for t in self.sub_types]
        if any(t is None for t in types):
            return None
        dates = [date_points(c.interval, iv) for iv in self.intervals]
        if any(d is None for d in dates):
            return None
        if any(d[1] for d in dates) and self._days_told_apart(c, docs_by_day):
            return None
        places = [place_points(m.place, c.precision, p, prec) for p, prec in self.places.values()]
        if any(p is None for p in places):
            return None
        return (rules()["prior"] + min(types) + min(d[0] for d in dates) + max(places, default=0.0)
                + actor_points(c.actors, self.actors)
                + count_points(m.fatalities, self.fatalities) + count_points(m.injuries, self.injuries)
                + text_points(cosine_to_centroid(c.words, self.centroid, self.centroid_norm)))

    def _days_told_apart(self, c: Candidate, docs_by_day: dict[date, set[str]]) -> bool:
        """Does some report tell the mention's day and the event's day as separate events?
        (A multi-day operation: one event per day, never merged across its days.)"""
        m = c.mention
        if self.doc_ids & docs_by_day.get(m.date, set()):
            return True
        return any(m.doc_id in docs_by_day.get(d, ()) for d in self.day_dates())


class BlockIndex:
    """Events by (country, date bucket): a mention is compared only with events that could match."""

    def __init__(self) -> None:
        self.bucket_days = rules()["date"]["bucket_days"]
        self.by_key: dict[tuple[str, int | None], dict[str, EventProfile]] = {}
        self.by_bucket: dict[int | None, dict[str, EventProfile]] = {}

    def _buckets(self, interval) -> range | list[None]:
        if interval is None:
            return [None]
        lo, hi = interval[0] - timedelta(days=1), interval[1] + timedelta(days=1)
        return range(lo.toordinal() // self.bucket_days, hi.toordinal() // self.bucket_days + 1)

    def add(self, profile: EventProfile, c: Candidate) -> None:
        """Index `profile` under the buckets of its newest member `c`."""
        countries = {c.country} if c.mention.place else {""}
        for b in self._buckets(c.interval):
            self.by_bucket.setdefault(b, {})[profile.event_id] = profile
            for country in countries:
                self.by_key.setdefault((country, b), {})[profile.event_id] = profile

    def candidates(self, c: Candidate) -> list[EventProfile]:
        found: dict[str, EventProfile] = {}
        for b in self._buckets(c.interval):
            if c.country:
                found.update(self.by_key.get((c.country, b), {}))
                found.update(self.by_key.get(("", b), {}))
            else:
                found.update(self.by_bucket.get(b, {}))
        return list(found.values())
