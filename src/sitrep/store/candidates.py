"""Which stored events could merge with a batch of mentions: date windows per country, as index-friendly SQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement

from sitrep.model import MONTH, WEEK, Mention
from sitrep.store.schema import events

DEFAULT_WINDOW_DAYS = 10
# A date known only to the week or the month may lie anywhere in it: widen the window by that much,
# whether the vague date is the mention's or the stored event's.
_PRECISION_SLACK = {WEEK: 7, MONTH: 31}
_COARSEST_SLACK = max(_PRECISION_SLACK.values())
# An undated mention is most likely about the days before its report was published.
_UNDATED_LOOKBACK_DAYS = 14

Interval = tuple[date, date]


def _country(m: Mention) -> str | None:
    code = (m.place.country_code if m.place else "") or ""
    return code.upper() if len(code) == 2 else None


def _window(m: Mention, days: int) -> Interval | None:
    """The dates a stored event may have to be the same event as `m` (None: `m` has no date at all)."""
    if m.date is not None:
        slack = timedelta(days=days + _PRECISION_SLACK.get(m.date_precision or 0, 0))
        return m.date - slack, m.date + slack
    if m.published is not None:
        return (m.published - timedelta(days=days + _UNDATED_LOOKBACK_DAYS), m.published + timedelta(days=days))
    return None


def _merged(ranges: Iterable[Interval], widen: int = 0) -> list[Interval]:
    """Overlapping ranges joined, each first widened by `widen` days on both sides."""
    pad = timedelta(days=widen)
    out: list[Interval] = []
    for lo, hi in sorted((lo - pad, hi + pad) for lo, hi in ranges):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _dated(where: list[ColumnElement], ranges: list[Interval]) -> list[ColumnElement]:
    """Clauses for events in the ranges, and for week/month-precise events in the ranges widened by a month."""
    exact = [and_(*where, events.c.event_date.between(lo, hi)) for lo, hi in _merged(ranges)]
    coarse = [and_(*where, events.c.event_date.between(lo, hi), events.c.date_precision >= WEEK)
              for lo, hi in _merged(ranges, _COARSEST_SLACK)]
    return exact + coarse


def candidate_conditions(mentions: Iterable[Mention], days: int = DEFAULT_WINDOW_DAYS) -> list[ColumnElement]:
    """WHERE clauses on `events` whose union is the candidate set.

    An event is a candidate when it is of a mention's country, or has no country, and its date lies
    within `days` of the mention's date (widened for week- or month-precise dates on either side;
    an undated mention looks back from its report's date), or it has no date. A mention with no
    country matches every country in its window. Each clause is a range on one index,
    (country_code, event_date) or (event_date), so the database answers each with a range scan.
    """
    windows: dict[str | None, list[Interval]] = defaultdict(list)
    for m in mentions:
        ranges = windows[_country(m)]  # a mention with no date still asks for its country's undated events
        w = _window(m, days)
        if w:
            ranges.append(w)
    if not windows:
        return []
    clauses: list[ColumnElement] = []
    for country, ranges in windows.items():
        where = [] if country is None else [events.c.country_code == country]
        clauses += _dated(where, ranges)
        clauses.append(and_(*where, events.c.event_date.is_(None)))
    # Events with no country known: within any mention's window, or undated.
    everywhere = [w for ranges in windows.values() for w in ranges]
    clauses += _dated([events.c.country_code.is_(None)], everywhere)
    clauses.append(and_(events.c.country_code.is_(None), events.c.event_date.is_(None)))
    return clauses


def candidate_filter(mentions: Iterable[Mention], days: int = DEFAULT_WINDOW_DAYS) -> ColumnElement:
    """The same candidate set as one WHERE clause (simpler, but slower on big tables than the union)."""
    clauses = candidate_conditions(mentions, days)
    return or_(*clauses) if clauses else false()
