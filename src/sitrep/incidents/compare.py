"""Compare the parts of two event reports: dates, places, types, actors, counts and wording, each as a score."""

from __future__ import annotations

import math
import re
from calendar import monthrange
from collections import Counter
from datetime import date, timedelta

from sitrep.incidents.rules import rules
from sitrep.model import DAY, MONTH, NEAR, REGION, TOWN, WEEK, Actor, Mention, Place

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


# ---- dates -------------------------------------------------------------------------------------

def date_interval(m: Mention) -> tuple[date, date, int] | None:
    """The days the mention's date may stand for, and its precision (None: no date, no published date).

    An undated mention happened shortly before its report was published; it gets a wide window and
    the weakest precision so that it never outranks a dated one.
    """
    cfg = rules()["date"]
    if m.date is not None:
        precision = m.date_precision or DAY
        if precision == DAY:
            return m.date, m.date, DAY
        if precision == WEEK:
            span = timedelta(days=cfg["week_days"])
            return m.date - span, m.date + span, WEEK
        last = monthrange(m.date.year, m.date.month)[1]
        return m.date.replace(day=1), m.date.replace(day=last), MONTH
    if m.published is not None:
        return m.published - timedelta(days=cfg["undated_window_days"]), m.published, MONTH + 1
    return None


def date_score(a: tuple[date, date, int] | None, b: tuple[date, date, int] | None) -> tuple[float, bool] | None:
    """(score, dates_one_day_apart), or None when the two dates cannot be the same day."""
    cfg = rules()["date"]
    if a is None or b is None:
        return cfg["undated"], False
    (alo, ahi, ap), (blo, bhi, bp) = a, b
    if ap == DAY and bp == DAY:
        gap = abs((alo - blo).days)
        if gap == 0:
            return cfg["same_day"], False
        return (cfg["off_by_one"], True) if gap == 1 else None
    if alo <= bhi and blo <= ahi:
        undated = ap > MONTH or bp > MONTH
        return (cfg["undated"] if undated else cfg["coarse_overlap"]), False
    return None


# ---- places ------------------------------------------------------------------------------------

def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_precision(place: Place | None, geo_precision: int | None) -> int | None:
    """ACLED's geo_precision, inferred from the gazetteer's feature class when the mention lacks it."""
    if place is None:
        return None
    if geo_precision:
        return geo_precision
    is_area = place.feature_class == "A" or place.feature_code.startswith(("ADM", "PCL"))
    return REGION if is_area else TOWN


def place_score(a: Place | None, ap: int | None, b: Place | None, bp: int | None) -> float | None:
    """How likely two places are the place of one event; None when they cannot be."""
    cfg = rules()["place"]
    if a is None or b is None:
        return cfg["unplaced"]
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None
    if ap == REGION or bp == REGION:
        region, other = (a, b) if ap == REGION else (b, a)
        if region.admin1 and other.admin1 and region.admin1 != other.admin1:
            return None
        return cfg["same_region"] if region.admin1 else cfg["unplaced"]
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return cfg["same"]
    km = haversine_km(a, b)
    limit = cfg["max_near_km"] if NEAR in (ap, bp) else cfg["max_town_km"]
    if km > limit:
        return None
    if km <= cfg["same_km"]:
        return cfg["same"]
    return cfg["close"] if km <= cfg["close_km"] else cfg["within"]


# ---- types, actors, counts ---------------------------------------------------------------------

def type_score(a: str, b: str) -> float:
    return rules().type_score(a, b)


def actors_of(m: Mention) -> set[str]:
    """The names of the forces a mention says took part (both sides, associated actors too)."""
    found: list[Actor | None] = [m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2]
    return {a.name for a in found if a is not None and a.name}


def actor_score(mine: set[str], theirs: set[str]) -> float:
    """Shared forces agree; two reports naming wholly different forces disagree."""
    cfg = rules()["actors"]
    if not mine or not theirs:
        return cfg["unknown"]
    return cfg["same"] if mine & theirs else cfg["conflict"]


def count_score(a: int | None, b: int | None) -> float | None:
    """Agreement of two reported counts; None when either report gives none."""
    cfg = rules()["counts"]
    if a is None or b is None:
        return None
    if a == b:
        return cfg["equal"]
    if min(a, b) == 0:  # "no one was hurt" against a toll is a different account, not a revision
        return cfg["far"]
    if abs(a - b) <= cfg["close_abs"] or abs(a - b) / max(a, b) <= cfg["close_rel"]:
        return cfg["close"]
    return cfg["far"]


def counts_score(pairs: list[tuple[int | None, int | None]]) -> float:
    """The mean agreement over the counts both sides report (killed, injured), or 'unknown'."""
    scores = [s for s in (count_score(a, b) for a, b in pairs) if s is not None]
    return sum(scores) / len(scores) if scores else rules()["counts"]["unknown"]


# ---- wording -----------------------------------------------------------------------------------

def tokens(text: str) -> frozenset[str]:
    """The content words of a text, lowercased, without function words and loaded vocabulary."""
    cfg = rules()
    shortest = cfg["text"]["min_token_len"]
    return frozenset(w for w in (t.lower() for t in _WORD.findall(text))
                     if (len(w) >= shortest or w.isdigit()) and w not in cfg.ignored_words)


def cosine_to_centroid(words: frozenset[str], centroid: Counter, centroid_norm: float) -> float:
    """Cosine between a word set and the summed word counts of an event's members."""
    if not words or not centroid_norm:
        return 0.0
    dot = sum(centroid.get(w, 0) for w in words)
    return dot / (math.sqrt(len(words)) * centroid_norm)


def is_revision(text: str) -> bool:
    """Does the text say a toll was revised upwards ("the death toll rose to seven")?"""
    low = text.lower()
    return any(p in low for p in rules().revision_phrases)
