"""Merge Mentions across documents into Events, incrementally and idempotently.

`merge(mentions, existing)` adds new mentions to the stored events they belong to, or founds new
events, and returns every Event it touched or created (the store upserts them by id).

- Order: mentions are taken most precise date first (day, then week, month, undated), then by
  date, report and position, so the result does not depend on the order they arrive in, and a
  precise report founds the event that vaguer reports then join.
- Ids: an Event's id is its founding mention's id, and never changes after.
- Idempotence: a mention already in an event (same id) is not added again; re-running changes nothing.
- Candidates: a blocking index by (country, 7-day bucket) gives the events a mention may belong to,
  and one by (country, admin1, bucket) the events a crime report's follow-up story (an arrest days
  later) may belong to; each comparison is cheap, so merging is near-linear in the number of mentions.
- Decision: see `EventProfile.score` (complete linkage on type, date and place; event-level
  similarity on actors, counts, wording and, for crime reports, the names both give; a mention's
  wording and names include its report's lead, `Mention.lead`, which `merge_within` keeps).
- Second look: a mention that founded an event no other report joined is compared once more with
  the events of two or more reports founded after it: its event may have formed later in the order.

What the store must give as `existing` (`Store.candidate_events`): the events dated within
`store_window_days` (35) days of the mentions' dates (their published dates when undated), with
their mentions; restricting them to the mentions' countries (plus events with no place) is safe.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from sitrep.incidents.profile import BlockIndex, Candidate, EventProfile
from sitrep.incidents.reconcile import build_event
from sitrep.incidents.rules import rules
from sitrep.model import DAY, Event, Mention, content_hash


def merge(mentions: Iterable[Mention], existing: Iterable[Event] = ()) -> list[Event]:
    """Every Event touched or created by adding `mentions` to the `existing` events."""
    index = BlockIndex()
    profiles: dict[str, EventProfile] = {}
    known: set[str] = set()
    docs_by_day: dict[date, set[str]] = {}
    for e in existing:
        profile = EventProfile(e.id, base=e)
        try:
            for m in e.mentions:  # an event stored without its mentions can take no new ones
                c = Candidate.of(_usable(m))
                profile.add(c)
                index.add(profile, c)
                _note_day(docs_by_day, m)
        except Exception as err:
            print(f"sitrep: incidents: stored event {e.id} cannot take new reports: "
                  f"{type(err).__name__}: {err}", file=sys.stderr)
        profiles[e.id] = profile
        known |= {m.id for m in e.mentions}
    fresh = _unique_new(mentions, known)
    for m in fresh:
        _note_day(docs_by_day, m)
    founders: list[tuple[Candidate, EventProfile, int]] = []  # (mention, its event, how many fitted)
    for m in sorted(fresh, key=_order):
        try:
            c = Candidate.of(m)
            joined, crowded = _place_mention(c, index, profiles, docs_by_day)
            if crowded is not None:
                founders.append((c, joined, crowded))
        except Exception as err:  # one malformed mention must not stop the batch
            print(f"sitrep: incidents: mention {m.id} of document {m.doc_id} not merged: "
                  f"{type(err).__name__}: {err}", file=sys.stderr)
    _second_look(founders, index, profiles, docs_by_day)
    out = []
    for p in profiles.values():
        if not p.changed:
            continue
        try:
            out.append(build_event(p.event_id, p.members, p.base))
        except Exception as err:
            print(f"sitrep: incidents: event {p.event_id} (documents {sorted(p.doc_ids)}) not built: "
                  f"{type(err).__name__}: {err}", file=sys.stderr)
    return out


def _unique_new(mentions: Iterable[Mention], known: set[str]) -> list[Mention]:
    out, seen = [], set(known)
    for m in mentions:
        if m.id not in seen:
            seen.add(m.id)
            out.append(_usable(m))
    return out


def _usable(m: Mention) -> Mention:
    """The mention with any value the merger cannot compare set aside (and said so on stderr):
    a place without coordinates becomes no place, a date that is not a date becomes no date."""
    problems = {}
    if m.place is not None and not all(isinstance(v, (int, float)) for v in (m.place.latitude, m.place.longitude)):
        problems.update(place=None, geo_precision=None)
    for field in ("date", "published"):
        value = getattr(m, field)
        if isinstance(value, datetime):  # a datetime compares with no date: keep its day
            m = replace(m, **{field: value.date()})
        elif value is not None and not isinstance(value, date):
            problems[field] = None
    if "date" in problems:
        problems["date_precision"] = None
    if not problems:
        return m
    print(f"sitrep: incidents: mention {m.id} of document {m.doc_id}: ignoring unusable "
          f"{', '.join(k for k in problems if not k.endswith('precision'))}", file=sys.stderr)
    return replace(m, **problems)


def _order(m: Mention):
    day = m.date or m.published or date.max
    precision = (m.date_precision or DAY) if m.date else 9
    return precision, day, m.published or date.max, m.doc_id, m.span.start, m.sub_event_type


def _note_day(docs_by_day: dict[date, set[str]], m: Mention) -> None:
    if m.date is not None and (m.date_precision or DAY) == DAY:
        docs_by_day.setdefault(m.date, set()).add(m.doc_id)


def _second_look(founders: list[tuple[Candidate, EventProfile, int]], index: BlockIndex,
                 profiles: dict[str, EventProfile], docs_by_day: dict[date, set[str]]) -> None:
    """A second look at the mentions that founded an event no other report joined: the event a
    mention belongs to may have been founded after it, by a report later in the merge order, and
    grown since. Each is compared with the events of two or more reports founded after it and
    moves to the best one it fits at log-odds >= 0, the crowd counting the events it fitted when
    first placed. Events of the store and events other reports joined never move."""
    order = {event_id: n for n, event_id in enumerate(profiles)}  # profiles keep their founding order
    for c, own, crowded in founders:
        if len(own.members) != 1:
            continue
        try:
            later = [p for p in index.candidates(c)
                     if len(p.members) > 1 and order.get(p.event_id, -1) > order[own.event_id]]
            best = _best_fit(c, later, docs_by_day, crowded)[0] if later else None
        except Exception as err:  # the mention keeps the event it founded
            print(f"sitrep: incidents: mention {c.mention.id} of document {c.mention.doc_id} not "
                  f"looked at again: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        if best is None:
            continue
        index.remove(own, c)
        del profiles[own.event_id]
        best.add(c)
        best.changed = True
        index.add(best, c)


def _best_fit(c: Candidate, candidates: list[EventProfile], docs_by_day: dict[date, set[str]],
              crowded: int = 0) -> tuple[EventProfile | None, int]:
    """The event among `candidates` the mention fits best at log-odds >= 0 (or None), and the number
    of events it fits (plus `crowded` others it was found to fit before)."""
    fits = [(f, p) for p in candidates if (f := p.fit(c, docs_by_day)) is not None]
    # The more events a mention could belong to, the less any one fit proves: an unplaced
    # "one man shot dead" fits dozens of events in a big country's week. Events only a
    # follow-up story could match pay their own steep penalty and do not crowd the others.
    crowded += sum(1 for f, _ in fits if not f[1])
    crowd = rules()["crowd"] * math.log(crowded) if crowded else 0.0
    best, best_score = None, 0.0  # join only at log-odds >= 0
    for f, p in fits:
        if f[0] - crowd >= best_score and (best is None or f[0] - crowd > best_score):
            best, best_score = p, f[0] - crowd
    return best, crowded


def _place_mention(c: Candidate, index: BlockIndex, profiles: dict[str, EventProfile],
                   docs_by_day: dict[date, set[str]]) -> tuple[EventProfile, int | None]:
    """Add the mention to the best-fitting event, or found a new event with it: (the event, None
    when it joined one, or the number of events it fitted but too weakly when it founded one)."""
    best, crowded = _best_fit(c, index.candidates(c), docs_by_day)
    founded = best is None
    if best is None:
        event_id = c.mention.id
        while event_id in profiles:  # never reuse a stored event's id
            event_id = content_hash(f"event:{event_id}")[:16]
        best = EventProfile(event_id)
        profiles[best.event_id] = best
    best.add(c)
    best.changed = True
    index.add(best, c)
    return best, crowded if founded else None
