"""The nouns of sitrep: every record that passes from one pipeline stage to the next.

Stages import from here and from nowhere else for their data types. Offsets are always
character offsets into `Document.text`, end-exclusive, like Python slices and spaCy's
`Span.start_char`/`end_char`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

# ACLED's time_precision / date precision: 1 the day is known, 2 the week, 3 only the month.
DAY, WEEK, MONTH = 1, 2, 3
# ACLED's geo_precision: 1 the named town, 2 near it / part of a region, 3 only the region.
TOWN, NEAR, REGION = 1, 2, 3


def content_hash(text: str) -> str:
    """A stable hash of a text, used for document ids and exact-duplicate detection."""
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Span:
    """Where some words sit in a document: the evidence for a field."""

    doc_id: str
    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """One news report, as read by `ingest`."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet ("Reuters", "wafa.ps")
    published: date | None = None
    language: str = "en"
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        # the Python API may be handed "2024-02-03" or a datetime: every stage reads a date
        if isinstance(self.published, datetime):
            self.published = self.published.date()
        elif isinstance(self.published, str) and not self.published.strip():
            self.published = None
        elif isinstance(self.published, str):
            try:
                self.published = date.fromisoformat(self.published.strip()[:10])
            except ValueError:
                raise ValueError(f"document {self.id}: published {self.published!r} is not an ISO 8601 date") from None

    def body_end(self) -> int:
        """Where the body ends: before a last paragraph that is the title's headline (which ingest
        adds there, `ingest.headline`), else at the text's end."""
        rest, blank, last = self.text.rpartition("\n\n")
        if blank and last.strip() and " ".join((self.title or "").split()).startswith(" ".join(last.split())):
            return len(rest)
        return len(self.text)


@dataclass
class Sentence:
    """A sentence of a document, by offsets."""

    start: int
    end: int
    text: str


@dataclass
class Quantity:
    """A number found in text: "at least five", "dozens", "3". `kind` says what it is."""

    span: Span
    value: int  # the conservative reading: "at least five" -> 5, "dozens" -> 12
    kind: str = "count"  # "count", "age", "ordinal", "road", "time", "money", "other"
    high: int | None = None  # upper reading where the words give one ("five to seven")
    approximate: bool = False  # "about", "dozens", "several"
    head: str = ""  # the noun it counts ("Palestinians", "people")


@dataclass
class DateMention:
    """A date expression resolved against the document's date, with ACLED's precision."""

    span: Span
    value: date | None
    precision: int = DAY  # DAY, WEEK or MONTH
    relative: bool = False  # "Thursday", "last week": resolved from the published date


@dataclass(frozen=True)
class Actor:
    """An organization or force (never a person), normalized through the actor lexicon."""

    name: str  # "Military Forces of Israel"
    category: str  # one of ACTOR_CATEGORIES
    alias: str = ""  # the words that matched ("occupation forces")
    country: str = ""  # ISO 3166-1 alpha-2 of the force's state, when it has one

    @property
    def inter(self) -> int:
        return ACTOR_CATEGORIES.get(self.category, 0)


# ACLED's actor categories and their inter codes.
ACTOR_CATEGORIES: dict[str, int] = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
# The categories of organised armed actors: state forces (at home or abroad) and non-state groups.
STATE_FORCES = ("State forces", "External/Other forces")
NON_STATE_ARMED = ("Rebel group", "Political militia", "Identity militia")
ARMED = STATE_FORCES + NON_STATE_ARMED


@dataclass
class ActorMention:
    """An actor found in the text."""

    span: Span
    actor: Actor


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (GeoNames) with ACLED's location fields."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country: str = ""  # "Palestine"
    country_code: str = ""  # ISO 3166-1 alpha-2, "PS"
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    feature_class: str = ""  # GeoNames: P populated place, A admin area, ...
    feature_code: str = ""
    population: int = 0


@dataclass
class Toponym:
    """A place name in a text and the place it was resolved to (None when unresolved)."""

    span: Span
    place: Place | None
    score: float = 0.0


@dataclass
class Claim:
    """Who says what: a value of a field and the party the report attributes it to."""

    field: str  # "fatalities", "injuries", "actor1", "event"
    value: Any
    claimant: str  # "the army", "the Health Ministry", "a local source", "" for the outlet itself
    span: Span | None = None


@dataclass
class Analysis:
    """What `nlp` found in a document: the input of `events`."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)


@dataclass
class Mention:
    """One report of one event in one document, with the words behind every field.

    `evidence` maps a field name ("event_type", "date", "place", "actor1", "fatalities", ...) to
    the Span that supports it. A field with no evidence stays empty.
    """

    doc_id: str
    span: Span  # the sentence(s) the event rests on
    event_type: str
    sub_event_type: str
    disorder_type: str = "Political violence"
    date: date | None = None
    date_precision: int | None = None
    place: Place | None = None
    geo_precision: int | None = None
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    fatalities: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    attribution: str = ""  # who the report says the event's account comes from
    claims: list[Claim] = field(default_factory=list)
    confidence: float = 0.0
    evidence: dict[str, Span] = field(default_factory=dict)
    source_url: str | None = None
    source_name: str | None = None
    published: date | None = None
    lead: str = ""  # the report's opening words, which incidents compares across reports (merge_within)
    date_role: str = ""  # what the date's words date ("violence", "step", "death", "span", "other"; "" unsaid or unknown)
    part: int | None = None  # in a round-up report, which of its shootings (0: the lede's); None in any other

    @property
    def id(self) -> str:
        return content_hash(f"{self.doc_id}:{self.span.start}:{self.span.end}:{self.sub_event_type}")[:16]


@dataclass
class Source:
    """A report an Event rests on."""

    doc_id: str
    url: str | None = None
    name: str | None = None  # outlet
    published: date | None = None


@dataclass
class Event:
    """An event: Mentions merged within and across reports, in ACLED's terms."""

    id: str  # sitrep_id: stable across re-runs on the same input
    event_type: str
    sub_event_type: str
    disorder_type: str
    date: date | None
    date_precision: int | None
    place: Place | None
    geo_precision: int | None
    actor1: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    actor2: Actor | None = None
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    fatalities: int = 0  # ACLED's conservative figure
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    notes: str = ""
    confidence: float = 0.0
    disagreement: bool = False  # sources give different counts, places or dates
    sources: list[Source] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    review_status: str = "unreviewed"  # "unreviewed", "accepted", "edited", "rejected"
    updated_at: datetime | None = None  # when the store last wrote it (UTC); filled by the store

    @property
    def n_sources(self) -> int:
        return len({s.doc_id for s in self.sources})

    @property
    def interaction(self) -> int:
        """ACLED's interaction code: the two inter codes, lower first (10 * a + b)."""
        a = self.actor1.inter if self.actor1 else 0
        b = self.actor2.inter if self.actor2 else 0
        if not (a and b):
            return (a or b) * 10  # one actor alone: 60 for a protest with no counterpart
        return min(a, b) * 10 + max(a, b)


@dataclass
class SkippedRecord:
    """An input record that could not be used, and why: reported, never fatal to a batch."""

    record: str  # file name, or file:line / id for a JSONL record
    reason: str

    @property
    def kept(self) -> bool:
        """A warning rather than a skip: the record was used with something cut or dropped."""
        return "document kept" in self.reason


def to_plain(obj: Any) -> Any:
    """Dataclasses, dates and lists to JSON-ready values."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
