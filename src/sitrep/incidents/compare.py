"""Compare the parts of two event reports (dates, places, types, actors, counts, wording) as points.

Points are log-odds read from data/merge_rules.yaml: positive when reports of one event tend to
agree this way, negative when they disagree; None is a gate (the two can never be one event).
"""

from __future__ import annotations

import math
import re
from calendar import monthrange
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from sitrep.geo import distance
from sitrep.incidents.rules import rules
from sitrep.model import DAY, MONTH, NEAR, REGION, TOWN, WEEK, Actor, Mention, Place

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+\b")
_AGE = re.compile(r"\b(\d{1,3})[- ](?:years?|yrs?)[- ]old\b", re.I)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"\u201c\u2014\n(])\s*$")

# Date interval precisions besides DAY, WEEK and MONTH: a week read from the publication stamp
# alone (no date words), vaguer than a week the report names; no date at all, the vaguest.
STAMPED_WEEK = WEEK + 0.5
UNDATED = MONTH + 1


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
            if "date" not in m.evidence:  # the report's own day: the event came before it, or just after
                return m.date - span, m.date + timedelta(days=cfg["stamp_days_after"]), STAMPED_WEEK
            return m.date - span, m.date + span, WEEK
        last = monthrange(m.date.year, m.date.month)[1]
        return m.date.replace(day=1), m.date.replace(day=last), MONTH
    if m.published is not None:
        return m.published - timedelta(days=cfg["undated_window_days"]), m.published, UNDATED
    return None


def date_points(a: tuple[date, date, int] | None, b: tuple[date, date, int] | None) -> tuple[float, bool] | None:
    """(points, different_days), or None when the two dates cannot be the same day.

    Two days are "different days" when both are known to the day and differ: the merger then
    checks that no report tells those days apart (one event per day of a multi-day operation)."""
    cfg = rules()["date"]
    if a is None or b is None:
        return cfg["undated"], False
    (alo, ahi, ap), (blo, bhi, bp) = a, b
    if ap == DAY and bp == DAY:
        gap = abs((alo - blo).days)
        if gap == 0:
            return cfg["same_day"], False
        # Further apart: two days, two events (measured on GVA: a soft 2-3 day window gained nothing).
        return (cfg["off_by_one"], True) if gap == 1 else None
    if alo <= bhi and blo <= ahi:
        coarsest = max(ap, bp)
        if coarsest >= UNDATED:
            return cfg["undated"], False
        if coarsest == STAMPED_WEEK:
            return _stamped_points(a, b, cfg), False
        return (cfg["month_overlap"] if coarsest == MONTH else cfg["week_overlap"]), False
    return None


def _stamped_points(a: tuple[date, date, int], b: tuple[date, date, int], cfg: dict) -> float:
    """Points for a date read from a publication stamp alone holding the other date: less when the
    other is a day the stamp comes `stamp_late_days` or more after. A report naming no day that
    long after a shooting more often tells of a newer shooting in the same city than of this one:
    a later story about it says when it happened ("last Friday")."""
    for stamped, other in ((a, b), (b, a)):
        if stamped[2] == STAMPED_WEEK and other[2] == DAY:
            stamp = stamped[1] - timedelta(days=cfg["stamp_days_after"])
            if (stamp - other[0]).days >= cfg["stamp_late_days"]:
                return cfg["stamped_late"]
    return cfg["stamped_week_overlap"]


def gap_days(a: tuple[date, date, int] | None, b: tuple[date, date, int] | None) -> int | None:
    """Days between two date intervals (0 when they overlap; None when either is unknown)."""
    if a is None or b is None:
        return None
    return max(0, (a[0] - b[1]).days, (b[0] - a[1]).days)


# ---- places ------------------------------------------------------------------------------------

def haversine_km(a: Place, b: Place) -> float:
    """Great-circle distance between two Places."""
    return distance.haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def place_precision(place: Place | None, geo_precision: int | None) -> int | None:
    """ACLED's geo_precision, inferred from the gazetteer's feature class when the mention lacks it."""
    if place is None:
        return None
    if geo_precision:
        return geo_precision
    is_area = place.feature_class == "A" or place.feature_code.startswith(("ADM", "PCL"))
    return REGION if is_area else TOWN


def place_points(a: Place | None, ap: int | None, b: Place | None, bp: int | None) -> float | None:
    """Points for two places of one event (0 when either is unknown); None when they cannot be."""
    cfg = rules()["place"]
    if a is None or b is None:
        return 0.0
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return cfg["same"]
    if ap == REGION or bp == REGION:
        region, other = (a, b) if ap == REGION else (b, a)
        if region.admin1 and other.admin1 and region.admin1 != other.admin1:
            return None
        if _below_admin1(region) and haversine_km(a, b) > cfg["county_far_km"]:
            return None  # a county, or a town told only as the region about it, holds no town that far
        return cfg["same_region"] if region.admin1 else cfg["country_only"]
    km = haversine_km(a, b)
    if km <= cfg["same_km"]:
        return cfg["same"]
    if NEAR in (ap, bp):
        if km > cfg["max_near_km"]:
            return None
        return cfg["near_close"] if km <= cfg["close_km"] else cfg["near_within"]
    if km > cfg["max_town_km"]:
        return None
    return cfg["close"] if km <= cfg["close_km"] else cfg["within"]


def _below_admin1(p: Place) -> bool:
    """A county (ADM2 and finer) or a populated place, not a state or a country."""
    return p.feature_class == "P" or p.feature_code.startswith(("ADM2", "ADM3", "ADM4"))


# ---- types, actors, counts ---------------------------------------------------------------------

def type_points(a: str, b: str) -> float | None:
    return rules().type_points(a, b)


def actors_of(m: Mention) -> set[str]:
    """The names of the forces a mention says took part (both sides, associated actors too)."""
    found: list[Actor | None] = [m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2]
    return {a.name for a in found if a is not None and a.name}


def _same_force(a: str, b: str) -> bool:
    """One name is the other or a generic form of it ("Military Forces" of "Military Forces of Israel")."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def actor_points(mine: set[str], theirs: set[str]) -> float:
    """Shared forces agree; two reports naming wholly different forces disagree. Civilians are
    victims, not a side that tells events apart, so they count for neither."""
    cfg = rules()["actors"]
    mine = {a for a in mine if not a.startswith("Civilians")}
    theirs = {a for a in theirs if not a.startswith("Civilians")}
    if not mine or not theirs:
        return 0.0
    if any(_same_force(a, b) for a in mine for b in theirs):
        return cfg["shared"]
    if any(a.startswith("Unidentified") for a in mine | theirs):
        return 0.0  # "armed men" may be the group that later claimed the attack
    return cfg["conflict"]


def count_points(a: int | None, seen: set[int] | list[int]) -> float:
    """Points for a reported count against the figures other reports gave (0 when either is silent).
    Agreeing with any one report is enough: tolls move as reports come in."""
    cfg = rules()["counts"]
    if a is None or not seen:
        return 0.0
    b = min(seen, key=lambda v: (abs(v - a), v))
    if a == b:
        return cfg["equal_zero"] if a == 0 else cfg["equal_one"] if a == 1 else cfg["equal_several"]
    if min(a, b) == 0:  # "no one was hurt" against a toll is a different account, not a revision
        return cfg["far"]
    if abs(a - b) <= cfg["close_abs"] or abs(a - b) / max(a, b) <= cfg["close_rel"]:
        return cfg["close"]
    return cfg["far"]


def text_points(cosine: float) -> float:
    cfg = rules()["text"]
    return cfg["weight"] * (cosine - cfg["baseline"])


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
    dot = sum(centroid[w] for w in centroid.keys() & words)  # the shared words only, found in C
    return dot / (math.sqrt(len(words)) * centroid_norm)


def proper_names(text: str) -> frozenset[str]:
    """The capitalized words of a text that do not open a sentence, lowercased, less the ones every
    report uses: the names a report gives (a street, a bar, the victims)."""
    cfg = rules()
    shortest = cfg["names"]["min_len"]
    found = set()
    for match in _CAPITALIZED.finditer(text):
        word = match.group().lower()
        if (len(word) >= shortest and word not in cfg.ignored_names
                and not _SENTENCE_OPENING.search(text, max(0, match.start() - 3), match.start())):
            found.add(word)
    return frozenset(found)


@lru_cache(maxsize=1)
def _facility() -> tuple[tuple[str, ...], re.Pattern]:
    """A hospital's name: the capitalized words (group 1) before a word of data/merge_rules.yaml's
    names.facilities ("Stroger Hospital", "Advocate Christ Medical Center"), and the first words
    of those kinds (a text holding none of them names no hospital: most texts)."""
    kinds = rules()["names"]["facilities"]
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kinds)
    return (tuple({k.split()[0] for k in kinds}),
            re.compile(rf"((?:[A-Z][\w'’.-]*\s+(?:of\s+)?){{1,4}})(?:{alternatives})\b"))


def hospital_names(text: str) -> frozenset[str]:
    """The words of the hospitals a text names ("Stroger Hospital": {"stroger"}), lowercased: a city's
    shootings share its trauma centers, so these tell no one shooting apart (data/merge_rules.yaml,
    names.facilities)."""
    needs, facility = _facility()
    if not any(w in text for w in needs):
        return frozenset()
    return frozenset(w.lower() for m in facility.finditer(text) for w in _CAPITALIZED.findall(m.group(1)))


def ages_told(text: str) -> frozenset[int]:
    """The ages in years a text gives ("a 16-year-old", "the 4-year-old girl")."""
    return frozenset(int(a) for a in _AGE.findall(text))


def age_points(mine: frozenset[int], theirs: set[int]) -> float:
    """Points for the ages two crime reports give: a shared age is the same victim or suspect;
    wholly different ages, different people (0 when either gives none)."""
    if not mine or not theirs:
        return 0.0
    cfg = rules()["names"]["ages"]
    return cfg["shared"] if not mine.isdisjoint(theirs) else cfg["disjoint"]


def name_points(shared: int) -> float:
    """Points for the number of names two reports share (see data/merge_rules.yaml, names)."""
    cfg = rules()["names"]
    return min(cfg["cap"], cfg["each"] * shared)


def is_revision(text: str) -> bool:
    """Does the text say a toll was revised upwards ("the death toll rose to seven")?"""
    low = text.lower()
    return any(p in low for p in rules().revision_phrases)


def same_day_and_town(group: list[Mention], target: list[Mention], min_place_points: float) -> bool:
    """Every day and place the sentences carry agrees with the target's, lent ones too: the
    report's dateline lends its town to a sentence naming none, the target's may name another."""
    for m in group:
        for t in target:
            if m.date is not None and t.date is not None:
                ds = date_points(date_interval(m), date_interval(t))
                if ds is None or ds[1]:
                    return False
            if m.place is not None and t.place is not None:
                p = place_points(m.place, place_precision(m.place, m.geo_precision),
                                 t.place, place_precision(t.place, t.geo_precision))
                if p is None or p < min_place_points:
                    return False
    return True
