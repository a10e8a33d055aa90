"""Which stored events could merge with a batch of mentions: a date window per country, as one SQL filter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement

from sitrep.model import MONTH, WEEK, Mention
from sitrep.store.schema import events

DEFAULT_WINDOW_DAYS = 10
# A date known only to the week or the month may lie anywhere in it: widen the window by that much.
_PRECISION_SLACK = {WEEK: 7, MONTH: 31}


def _country(m: Mention) -> str | None:
    code = (m.place.country_code if m.place else "") or ""
    return code.upper() if len(code) == 2 else None


def _intervals(mentions: Iterable[Mention], days: int) -> list[tuple[date, date]]:
    """Merged [lo, hi] date ranges around the mentions' dates (their report's date when they have none)."""
    ranges = []
    for m in mentions:
        center = m.date or m.published  # an undated report is most likely about the days before it
        if center is None:
            continue
        slack = days + _PRECISION_SLACK.get(m.date_precision or 0, 0)
        ranges.append((center - timedelta(days=slack), center + timedelta(days=slack)))
    ranges.sort()
    merged: list[tuple[date, date]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def candidate_conditions(mentions: Iterable[Mention], days: int = DEFAULT_WINDOW_DAYS) -> list[ColumnElement]:
    """WHERE clauses on `events` whose union is the candidate set: events of the same country (or of
    none known) dated within `days` of a mention, or undated. A mention with no country matches every
    country in its window; a mention with no date matches only undated events.

    Each clause is a plain range on one index, (country_code, event_date) or (event_date), so that
    the database answers each with an index range scan instead of one scan of the whole table."""
    by_country: dict[str | None, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_country[_country(m)].append(m)
    intervals_of = {c: _intervals(ms, days) for c, ms in by_country.items()}
    clauses: list[ColumnElement] = []
    for country, intervals in intervals_of.items():
        if country is None:
            clauses += [events.c.event_date.between(lo, hi) for lo, hi in intervals]
            clauses.append(events.c.event_date.is_(None))
        else:
            clauses += [and_(events.c.country_code == country, events.c.event_date.between(lo, hi))
                        for lo, hi in intervals]
            clauses.append(and_(events.c.country_code == country, events.c.event_date.is_(None)))
    # Events with no country known: within any mention's window, or undated.
    every = sorted(iv for ivs in intervals_of.values() for iv in ivs)
    merged: list[tuple[date, date]] = []
    for lo, hi in every:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    if by_country:
        clauses += [and_(events.c.country_code.is_(None), events.c.event_date.between(lo, hi)) for lo, hi in merged]
        clauses.append(and_(events.c.country_code.is_(None), events.c.event_date.is_(None)))
    return clauses


def candidate_filter(mentions: Iterable[Mention], days: int = DEFAULT_WINDOW_DAYS) -> ColumnElement:
    """The same candidate set as one WHERE clause (simple, but slower on big tables than the union)."""
    clauses = candidate_conditions(mentions, days)
    return or_(*clauses) if clauses else false()
