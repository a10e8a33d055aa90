"""What the merger keeps about an Event while merging: its members' dates, places, types and words,
and the blocking index that finds the events a new mention may belong to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.incidents.compare import (
    actor_points, actors_of, age_points, ages_told, cosine_to_centroid, count_points, date_interval, date_points,
    gap_days, haversine_km, hospital_names, name_points, place_precision, place_points, proper_names, text_points,
    tokens, type_points)
from sitrep.incidents.rules import rules
from sitrep.incidents.tolls import tells_killer_death
from sitrep.model import DAY, REGION, Event, Mention


@dataclass
class Candidate:
    """A mention prepared once for comparing with many events."""

    mention: Mention
    interval: tuple[date, date, int] | None
    precision: int | None
    words: frozenset[str]
    actors: set[str]
    names: frozenset[str] = frozenset()
    ages: frozenset[int] = frozenset()
    victims_toll: int | None = None  # the death toll less the shooter's own death, when it tells it
    hospitals: frozenset[str] = frozenset()  # the words of the hospitals it names ("stroger")
    violence_day: date | None = None  # the day a fresh report's words date the violence to (`_fresh_violence_day`)

    @classmethod
    def of(cls, m: Mention) -> Candidate:
        # The words of the sentence and of every other sentence the mention's evidence cites
        # (merge_within folds a report's sentences about the event into one mention).
        # The report's lead adds the names and words the sentence leaves to its neighbours.
        texts = " ".join(dict.fromkeys([m.span.text, *(s.text for s in m.evidence.values() if s and s.text)]))
        lead = m.lead or ""
        interval = date_interval(m)
        return cls(m, interval, place_precision(m.place, m.geo_precision),
                   tokens(f"{texts} {lead}"), actors_of(m), proper_names(texts) | proper_names(lead),
                   ages_told(f"{texts} {lead}"), _victims_toll(m), hospital_names(texts) | hospital_names(lead),
                   _fresh_violence_day(m, interval))

    @property
    def country(self) -> str:
        return self.mention.place.country_code if self.mention.place else ""


def _victims_toll(m: Mention) -> int | None:
    """The report's death toll without the shooter, when its words tell his own death ("shot his
    two children, then himself": 3 dead, 2 victims); None otherwise. Reports of one murder-suicide
    give either toll, and the two figures then agree (`EventProfile._death_toll_points`).
    (Measured on GVA, back to back: B-cubed recall 0.8850 -> 0.8858 at precision 0.9850, date +2
    incidents; the one killed lost, a report coding a crime and one political violence, came back
    with tolls' majority rule taking half the reports.)"""
    if m.fatalities and m.fatalities >= 2 and tells_killer_death(m):
        return m.fatalities - 1
    return None


def _fresh_violence_day(m: Mention, interval: tuple[date, date, int] | None) -> date | None:
    """The day the mention's words date the violence itself to, when it is a fresh report of its
    shooting (that day at most `fresh_days` before its publication); None otherwise. (A story days
    later is read no further: its "died Wednesday" or "Wednesday's ambush" is more often read with
    the wrong role or week.)"""
    fresh = rules()["date"]["follow_up"]["violence_apart"]["fresh_days"]
    if (m.date_role == "violence" and interval is not None and interval[2] == DAY
            and m.published is not None and 0 <= (m.published - m.date).days <= fresh):
        return m.date
    return None


@dataclass
class EventProfile:
    """An event under construction: its members and the distinct values they were seen with."""

    event_id: str
    base: Event | None = None  # the stored Event it continues, if any
    members: list[Mention] = field(default_factory=list)
    mention_ids: set[str] = field(default_factory=set)
    doc_ids: set[str] = field(default_factory=set)
    intervals: set = field(default_factory=set)
    violence_days: set = field(default_factory=set)  # days fresh members' words date the violence to
    places: dict = field(default_factory=dict)  # place key -> (Place, precision)
    sub_types: set[str] = field(default_factory=set)
    disorders: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    fatalities: set[int] = field(default_factory=set)
    victims_tolls: set[int] = field(default_factory=set)  # members' tolls less the shooter (Candidate)
    injuries: set[int] = field(default_factory=set)
    names_by_doc: dict = field(default_factory=dict)  # doc id -> the names its mentions give
    roundup_docs: set[str] = field(default_factory=set)  # reports a member is one shooting of (Mention.part >= 1)
    centroid: Counter = field(default_factory=Counter)
    centroid_norm: float = 0.0
    changed: bool = False

    def add(self, c: Candidate) -> None:
        m = c.mention
        self.members.append(m)
        self.mention_ids.add(m.id)
        self.doc_ids.add(m.doc_id)
        self.intervals.add(c.interval)
        if c.violence_day is not None:
            self.violence_days.add(c.violence_day)
        if m.place is not None:
            key = m.place.geonameid or (round(m.place.latitude, 3), round(m.place.longitude, 3))
            self.places.setdefault((key, c.precision), (m.place, c.precision))
        self.sub_types.add(m.sub_event_type)
        self.disorders.add(m.disorder_type)
        self.names_by_doc[m.doc_id] = self.names_by_doc.get(m.doc_id, frozenset()) | c.names
        if m.part:
            self.roundup_docs.add(m.doc_id)
        self.actors |= c.actors
        if len(self.members) <= rules()["text"]["centroid_members"]:  # bounded, like the wording
            self.names |= c.names
            self.ages |= c.ages
        if m.fatalities is not None:
            self.fatalities.add(m.fatalities)
        if c.victims_toll is not None:
            self.victims_tolls.add(c.victims_toll)
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
        """The log-odds that `c` reports this event, or None when it cannot (see `fit`)."""
        found = self.fit(c, docs_by_day)
        return None if found is None else found[0]

    def fit(self, c: Candidate, docs_by_day: dict[date, set[str]]) -> tuple[float, bool] | None:
        """(log-odds that `c` reports this event, whether only as a follow-up story dated days
        away from it or as a report placed in another admin1), or None when it cannot.

        Gates hold against EVERY distinct value the members were seen with (complete linkage),
        so A~B and B~C never glue an unrelated C to A; the other points compare with the whole
        event (its word centroid, every count and force its reports gave), never one member alone.
        """
        m = c.mention
        if m.doc_id in self.doc_ids:  # merge_within already joined one report's sentences
            return None
        # Crime reports name no side and often place a shooting by the outlet's city or the county
        # seat: there a sub-type of another family or a town of the same admin1 further away is
        # more often the coding's slip than a second event, so they cost points instead of gating.
        loose = rules().loose_disorders
        is_loose = m.disorder_type in loose or not self.disorders.isdisjoint(loose)
        types = [type_points(m.sub_event_type, t) for t in self.sub_types]
        if any(t is None for t in types):
            if not is_loose:
                return None
            types = [rules()["type_compat"]["loose_score"] if t is None else t for t in types]
        dates = [date_points(c.interval, iv) for iv in self.intervals]
        if is_loose:  # a shooting late at night is dated to either day, and a victim dies the next
            slip = rules()["date"]["off_by_one_loose"]
            dates = [(slip, True) if d is not None and d[1] else d for d in dates]
        follow_up = any(d is None for d in dates)
        if follow_up and (not is_loose or m.part or self.roundup_docs):
            # (a round-up's shooting, told in a line or two dated by the round-up's day, is no
            # story's follow-up: a few shared words would glue shootings a week apart)
            return None
        if (m.part or self.roundup_docs) and not self._names_besides_towns(c):
            return None  # one of a city's many shootings that night: only a shared street or name tells which
        if is_loose and (m.place is None or not self.places) and not self._shares_a_name(c):
            return None  # a shooting told with no place is one of the country's many that day. (Measured on
            # GVA: B-cubed recall 0.8876 -> 0.8879 at the same precision, place +1 incident, injured -1:
            # two reports reading 2 wounded had been right only inside a wrong merge)
        if follow_up and self._violence_told_apart(c):
            return None
        if follow_up:
            dates = [d or self._follow_up(c, iv) for d, iv in zip(dates, self.intervals)]
            if any(d is None for d in dates):
                return None
        places = [place_points(m.place, c.precision, p, prec) for p, prec in self.places.values()]
        if any(p is None for p in places):
            if not is_loose:
                return None
            places = [self._same_admin1(m.place, p) if x is None else x
                      for x, (p, _) in zip(places, self.places.values())]
            if any(p is None for p in places):
                # Towns of two admin1s: one is often the gazetteer's namesake of the other ("Gary"
                # placed in Texas); only reports sharing a name, and all else agreeing, then meet.
                far = rules()["place"]["elsewhere_loose"]
                if far is None or c.names.isdisjoint(self.names):
                    return None
                places = [far if x is None else x for x in places]
                follow_up = True
        if any(d[1] for d in dates) and self._days_told_apart(c, docs_by_day):
            return None
        if is_loose and self._wounded_after_death(c):
            return None
        towns = [x for x, (_, prec) in zip(places, self.places.values()) if prec != REGION]
        if c.precision != REGION and towns:
            # a town is judged by the event's towns: a region one report was placed in (a sidebar's
            # county) also holds towns 100 km from the shooting. (Measured on GVA: B-cubed precision
            # 0.9854 -> 0.9861 at recall 0.8878 -> 0.8875, killed, injured +1 incident, place +2.)
            places = towns
        points = (rules()["prior"] + min(types) + min(d[0] for d in dates) + max(places, default=0.0)
                + actor_points(c.actors, self.actors)
                + self._death_toll_points(c) + count_points(m.injuries, self.injuries)
                + text_points(cosine_to_centroid(c.words, self.centroid, self.centroid_norm)))
        if is_loose:  # crime reports name streets, bars and victims; a war's reports share its towns
            points += name_points(len(c.names & self.names)) + age_points(c.ages, self.ages)
            if follow_up and m.fatalities and m.fatalities >= 2 and m.fatalities in self.fatalities:
                points += rules()["date"]["follow_up"]["same_toll"]
        return points, follow_up

    def _names_besides_towns(self, c: Candidate) -> bool:
        """Does the mention share a name other than their places' (a street, a victim, a bar) with
        every report of the event (a round-up's shooting), or with every round-up's shooting the
        event holds (any other report)? Complete linkage, as for the gates."""
        mine = self._names_not_places(c)
        reports = self.names_by_doc if c.mention.part else self.roundup_docs
        return all(not mine.isdisjoint(self.names_by_doc[doc]) for doc in reports)

    def _shares_a_name(self, c: Candidate) -> bool:
        """Does the mention share a name other than a town's or a hospital's with any report of the event?"""
        return not self._names_not_places(c).isdisjoint(self.names)

    def _names_not_places(self, c: Candidate) -> frozenset[str]:
        """The mention's names less the words of its and the event's towns and of the hospitals it
        names (a city's shootings share its trauma centers)."""
        places = [c.mention.place, *(p for p, _ in self.places.values())]
        towns = {w for p in places if p is not None for w in tokens(f"{p.name} {p.admin1 or ''}")}
        return c.names - towns - c.hospitals

    def _death_toll_points(self, c: Candidate) -> float:
        """Points for the mention's death toll against the event's, either side read with or
        without the shooter's own death where its words tell it (a murder-suicide told as "three
        dead" and as "killed his two children")."""
        m = c.mention
        points = count_points(m.fatalities, self.fatalities)
        if c.victims_toll is not None or self.victims_tolls:
            mine = {m.fatalities, c.victims_toll} - {None}
            points = max([points, *(count_points(v, self.fatalities | self.victims_tolls) for v in mine)])
        return points

    @staticmethod
    def _same_admin1(a, b) -> float | None:
        """Points for two places too far apart to be one town but in one admin1, or of one name
        the gazetteer resolved two ways ("Jacksonville": Florida or North Carolina); None: neither."""
        if a.country_code != b.country_code:
            return None
        if a.admin1 and a.admin1 == b.admin1:
            cfg = rules()["place"]
            if cfg.get("admin1_far_km") and haversine_km(a, b) > cfg["admin1_far_km"]:
                return None
            return cfg["same_admin1_loose"]
        if a.name and a.name.casefold() == b.name.casefold():
            return rules()["place"]["same_name_loose"]
        return None

    def _follow_up(self, c: Candidate, interval) -> tuple[float, bool] | None:
        """Points for a date days or weeks away from the event's, when a crime report may be a
        follow-up story (arrest, charge, funeral) dated by its own news day; None when it cannot be.

        Only where both are placed in one admin1 (one of the event's places: its reports often
        include one placed by the outlet's city across a state line, and `fit` still weighs the
        mention's place against every place), and the penalty is steep: only the same tolls or the
        same words (victims' names, street) can outweigh it. (Measured on GVA, back to back, over
        asking it of every place: killed and injured +1 incident each, B-cubed recall 0.8870 ->
        0.8874 at precision 0.9850.)"""
        m = c.mention
        if m.place is None or not m.place.admin1 or not self.places:
            return None
        if not any(p.admin1 == m.place.admin1 and p.country_code == m.place.country_code
                   for p, _ in self.places.values()):
            return None
        cfg = rules()["date"]["follow_up"]
        gap = gap_days(c.interval, interval)
        if gap is None or gap > cfg["max_days"]:
            return None
        return cfg["points"], True

    def _violence_told_apart(self, c: Candidate) -> bool:
        """Do the mention's words and a member's date the violence itself to days too far apart to be
        one shooting's ("four people were shot at a party Sunday morning" a week after "four people
        were shot early Saturday")? A follow-up story dates its own step (an arrest, a funeral), not
        the shooting, to its news day: two fresh reports each dating the shooting are two shootings.
        (Measured on GVA, back to back: B-cubed precision 0.9869 -> 0.9886 at recall 0.8880 ->
        0.8876, date +3 incidents, injured +2, killed the same; see merge_rules.yaml.)"""
        if c.violence_day is None:
            return False
        apart = rules()["date"]["follow_up"]["violence_apart"]["days"]
        return any(abs((c.violence_day - day).days) > apart for day in self.violence_days)

    def _wounded_after_death(self, c: Candidate) -> bool:
        """Does the report tell only the wounded, days after every report of the event told a death
        and no wounded? A victim who died does not recover: it tells of another shooting. (Wounded
        first and a death days later is a victim who died of the wounds: that may merge.) Each
        report counts from the day it is dated to: a report with no date words, its publication."""
        m = c.mention
        told = m.date or m.published
        if m.fatalities or not m.injuries or told is None or not any(self.fatalities) or any(self.injuries):
            return False
        days = [x.date or x.published for x in self.members if x.date or x.published]
        return bool(days) and (told - max(days)).days >= rules()["date"]["wounded_after_death_days"]

    def _days_told_apart(self, c: Candidate, docs_by_day: dict[date, set[str]]) -> bool:
        """Does some report (of the event, or the mention's own) tell the mention's day and another
        of the event's days as separate events? (A multi-day operation: one event per day, never
        merged across its days.) A report of the event dated to the mention's day tells no other
        day: it is no such report, or a shooting told on its night and on the next morning would
        take no third report of either day. (Measured on GVA, back to back: B-cubed P/R/F1
        0.9807/0.8752/0.9249 -> 0.9802/0.8812/0.9281, killed 0.8890 -> 0.8919, injured 0.8170 ->
        0.8181, date 0.8501 -> 0.8489, events per incident 1.1645 -> 1.1569.)"""
        m = c.mention
        on_day = docs_by_day.get(m.date, set())
        for d in self.day_dates() - {m.date}:
            both = on_day & docs_by_day.get(d, set())  # reports telling both days
            if both and (m.doc_id in both or not both.isdisjoint(self.doc_ids)):
                return True
        return False


class BlockIndex:
    """Events by (country, date bucket): a mention is compared only with events that could match."""

    def __init__(self) -> None:
        self.bucket_days = rules()["date"]["bucket_days"]
        self.by_key: dict[tuple[str, int | None], dict[str, EventProfile]] = {}
        self.by_bucket: dict[int | None, dict[str, EventProfile]] = {}
        # (country, admin1, bucket): the events a follow-up crime report weeks away may belong to
        self.by_admin1: dict[tuple[str, str, int], dict[str, EventProfile]] = {}

    def _buckets(self, interval, reach_days: int = 1) -> range | list[None]:
        if interval is None:
            return [None]
        lo, hi = interval[0] - timedelta(days=reach_days), interval[1] + timedelta(days=reach_days)
        return range(lo.toordinal() // self.bucket_days, hi.toordinal() // self.bucket_days + 1)

    def _slots(self, c: Candidate) -> list[tuple[dict, tuple]]:
        """The (table, key) pairs an event is filed under for its member `c`."""
        slots: list[tuple[dict, tuple]] = []
        if c.mention.place is not None and c.mention.place.admin1 and c.interval is not None:
            slots += [(self.by_admin1, (c.country, c.mention.place.admin1, b)) for b in self._buckets(c.interval)]
        for b in self._buckets(c.interval):
            slots += [(self.by_bucket, b), (self.by_key, (c.country if c.mention.place else "", b))]
        return slots

    def add(self, profile: EventProfile, c: Candidate) -> None:
        """Index `profile` under the buckets of its newest member `c`."""
        for table, key in self._slots(c):
            table.setdefault(key, {})[profile.event_id] = profile

    def remove(self, profile: EventProfile, c: Candidate) -> None:
        """Take `profile` out of the buckets its member `c` filed it under."""
        for table, key in self._slots(c):
            table.get(key, {}).pop(profile.event_id, None)

    def candidates(self, c: Candidate) -> list[EventProfile]:
        found: dict[str, EventProfile] = {}
        admin1 = c.mention.place.admin1 if c.mention.place is not None else ""
        if admin1 and c.interval is not None:
            # a placed crime report may be a follow-up story of an event weeks before or after it
            for b in self._buckets(c.interval, rules()["date"]["follow_up"]["max_days"]):
                found.update(self.by_admin1.get((c.country, admin1, b), {}))
        for b in self._buckets(c.interval):
            if c.country:
                found.update(self.by_key.get((c.country, b), {}))
                found.update(self.by_key.get(("", b), {}))
            else:
                found.update(self.by_bucket.get(b, {}))
        return list(found.values())
