"""Score incident merging and counts on the Gun Violence Archive gold set (SemEval-2018 task 5 articles).

Every article goes through the whole pipeline (`sitrep.pipeline.extract`); the Events that come out
are compared with GVA's incidents:

- document clustering, B-cubed precision/recall/F1: a document's predicted cluster is the main
  Event it supports (the one with the most sources, then the most confident); a document that
  supports no Event is a cluster of its own. A document GVA files under two incidents counts once,
  under the first.
- per gold incident, the Event that most of its documents support (ties: the round-up shooting whose
  words name GVA's address of the incident, since a round-up report supports one Event per shooting
  it tells and GVA files it under one of them; then more sources, then one giving counts): exact
  killed (`fatalities`,
  ACLED's conservative figure; `killed_best` uses `fatalities_best`, the reconciled figure closer to
  GVA's final toll: both are reported because the CSV's `fatalities` column is the one users load),
  exact injured (`injuries`, already the reconciled best figure: ACLED has no injuries column to keep
  conservative), exact date, place within 25 km of GVA's coordinates. An incident with no Event
  counts as a miss.
- events per incident: distinct main Events among an incident's documents, over incidents found.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from sitrep.evaluate.report import Report
from sitrep.incidents.compare import haversine_km
from sitrep.model import Document, Event, Place

LOCATION_KM = 25.0


def gva_folder(gold: str | Path) -> Path:
    """The folder holding incidents.jsonl and documents.jsonl, given it, a file in it, or shared/data."""
    p = Path(gold)
    if p.is_file():
        p = p.parent
    if (p / "gva").is_dir():
        p = p / "gva"
    if not (p / "incidents.jsonl").is_file() or not (p / "documents.jsonl").is_file():
        raise FileNotFoundError(f"no GVA gold set (incidents.jsonl, documents.jsonl) at {gold}")
    return p


def load(gold: str | Path, limit: int | None = None) -> tuple[list[dict], list[dict]]:
    """The first `limit` gold incidents (all when None) and every article about them."""
    folder = gva_folder(gold)
    with open(folder / "incidents.jsonl", encoding="utf-8") as f:
        incidents = [json.loads(line) for line in f if line.strip()]
    if limit is not None:
        incidents = incidents[:limit]
    wanted = {str(i["incident_uri"]) for i in incidents}
    articles, seen = [], set()
    with open(folder / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            a = json.loads(line)
            if str(a["incident_id"]) in wanted and a["doc_id"] not in seen:
                seen.add(a["doc_id"])
                articles.append(a)
    return incidents, articles


def to_document(a: dict) -> Document:
    try:
        published = date.fromisoformat(str(a.get("dct") or "")[:10])
    except ValueError:
        published = None
    return Document(id=a["doc_id"], text=a.get("content") or "", title=a.get("title"), published=published,
                    url=a.get("uri"))


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the same items (item -> cluster label)."""
    if not gold:
        return 0.0, 0.0, 0.0
    gold_members, pred_members = defaultdict(set), defaultdict(set)
    for item, label in gold.items():
        gold_members[label].add(item)
    for item, label in predicted.items():
        pred_members[label].add(item)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_members[gold[item]], pred_members[predicted[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _gold_point(incident: dict) -> Place | None:
    value = incident.get("lat_long")
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return None
    if not value or len(value) != 2 or any(v is None for v in value):
        return None
    return Place(None, "", float(value[0]), float(value[1]))


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def score(gold: str | Path, limit: int | None = None) -> Report:
    """Run the pipeline over the GVA articles and score clustering, counts, dates and places."""
    from sitrep.pipeline import extract

    incidents, articles = load(gold, limit)
    events = extract([to_document(a) for a in articles])
    return score_events(incidents, articles, events)


def events_by_document(events: list[Event]) -> dict[str, list[Event]]:
    """Each document's Events: those it is a source of."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for doc_id in {s.doc_id for s in e.sources}:
            by_doc[doc_id].append(e)
    return by_doc


def documents_by_incident(articles: list[dict]) -> dict[str, list[str]]:
    """Each gold incident's document ids."""
    docs_of: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        docs_of[str(a["incident_id"])].append(a["doc_id"])
    return docs_of


def incident_event(docs: list[str], by_doc: dict[str, list[Event]], address: str = "") -> Event | None:
    """The Event scored for a gold incident: the one most of its documents support (ties: the
    shooting of a round-up report whose words name the incident's `address`, as a round-up supports
    one event per shooting it tells and GVA files it under one of them; then the better-attested
    event, then the one that gives counts at all); None when none gives one."""
    support = Counter(e.id for d in docs for e in by_doc.get(d, []))
    if not support:
        return None
    by_id = {e.id: e for d in docs for e in by_doc.get(d, [])}
    named = _address_words(address)

    def rank(i: str) -> tuple:
        e = by_id[i]
        return support[i], _names(e, named), e.n_sources, e.fatalities_low is not None, i

    return by_id[max(support, key=rank)]


_NOT_A_NAME = {"block", "of", "and", "the", "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south",
               "east", "west", "st", "street", "ave", "avenue", "rd", "road", "dr", "drive", "blvd",
               "boulevard", "ct", "court", "pl", "place", "ln", "lane", "way", "hwy", "highway", "n/a"}


def _address_words(address: str) -> set[str]:
    """The words that tell an address apart ("15200 block of Hazelridge" -> {"15200", "hazelridge"})."""
    return {w for w in re.findall(r"[\w'’]+", (address or "").lower()) if w not in _NOT_A_NAME}


def _names(e: Event, words: set[str]) -> int:
    """How many of an address's words the shootings of round-ups an event holds tell (0 for any
    other event: only among one round-up's shootings does the address pick GVA's)."""
    if not words or not any(m.part for m in e.mentions):
        return 0
    told = set(re.findall(r"[\w'’]+", " ".join(f"{m.span.text} {m.lead}" for m in e.mentions).lower()))
    return len(words & told)


def score_events(incidents: list[dict], articles: list[dict], events: list[Event]) -> Report:
    """The figures for a set of Events produced from `articles`."""
    by_doc = events_by_document(events)
    main = {doc: max(evs, key=lambda e: (e.n_sources, e.confidence, e.id)).id for doc, evs in by_doc.items()}
    gold_label = {a["doc_id"]: str(a["incident_id"]) for a in articles}
    predicted = {doc: main.get(doc, f"single:{doc}") for doc in gold_label}
    precision, recall, f1 = bcubed(gold_label, predicted)

    docs_of = documents_by_incident(articles)
    hits = Counter()
    per_incident_events = []
    for inc in incidents:
        docs = docs_of.get(str(inc["incident_uri"]), [])
        event = incident_event(docs, by_doc, str(inc.get("address") or ""))
        if event is None:
            continue
        hits["found"] += 1
        per_incident_events.append(len({main[d] for d in docs if d in main}))
        hits["killed"] += event.fatalities == _int(inc.get("num_killed"))
        hits["killed_best"] += (event.fatalities_best or 0) == _int(inc.get("num_killed"))
        hits["injured"] += (event.injuries or 0) == _int(inc.get("num_injured"))
        hits["date"] += event.date is not None and event.date.isoformat() == str(inc.get("date_iso"))
        point = _gold_point(inc)
        if point is not None:
            hits["location_25km"] += event.place is not None and haversine_km(event.place, point) <= LOCATION_KM
    n = len(incidents) or 1
    n_located = sum(1 for inc in incidents if _gold_point(inc) is not None) or 1
    metrics = {
        "bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": f1,
        "incidents_found": hits["found"] / n,
        "killed_exact": hits["killed"] / n, "killed_best_exact": hits["killed_best"] / n,
        "injured_exact": hits["injured"] / n, "date_exact": hits["date"] / n,
        "location_within_25km": hits["location_25km"] / n_located,
        "events_per_incident": (sum(per_incident_events) / len(per_incident_events)) if per_incident_events else 0.0,
    }
    counts = {"gold_incidents": len(incidents), "gold_documents": len(gold_label),
              "documents_with_event": len(main), "events": len(events)}
    return Report("GVA incidents (SemEval-2018 task 5 articles)", metrics, counts)
