"""Invented reports and the Events coded from them, with evidence spans, for tests, demos and benchmarks.

Built straight from data/synthetic_events.yaml without the NLP stages, so that the API and the
dashboard can be exercised on known events whatever the extractors currently find.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sitrep.data_files import read_yaml
from sitrep.model import DAY, TOWN, Actor, Document, Event, Mention, Place, Source, Span, content_hash

SLOT = re.compile(r"\{(\w+)\}")
EVIDENCE_KEY = {"actor1": "actor1", "actor2": "actor2", "place": "place", "killed": "fatalities",
                "injured": "injuries", "day": "date", "verb": "sub_event_type"}


@lru_cache(maxsize=1)
def _data() -> dict:
    return read_yaml(Path(__file__).parent / "data" / "synthetic_events.yaml")


def places() -> list[dict]:
    return list(_data()["places"])


def scenarios() -> list[dict]:
    return list(_data()["scenarios"])


def fill(template: str, values: dict[str, str]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The template with its slots filled, and where each slot's words landed."""
    out, where, pos = [], {}, 0
    for m in SLOT.finditer(template):
        out.append(template[pos:m.start()])
        start = sum(len(p) for p in out)
        word = values[m.group(1)]
        out.append(word)
        where.setdefault(m.group(1), (start, start + len(word)))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), where


def make_report(index: int, scenario: dict, place: dict, day: date, killed: int, injured: int,
                doc_id: str | None = None) -> tuple[Document, Event]:
    """One invented report and the Event it supports, every field tied to its words."""
    doc_id = doc_id or f"synthetic-{index:06d}"
    values = {"actor1": scenario["actor1"]["name"], "actor2": (scenario.get("actor2") or {}).get("name", ""),
              "place": place["name"], "killed": str(killed), "injured": str(injured),
              "day": day.strftime("%d %B %Y").lstrip("0"), "verb": scenario["verb"]}
    text, where = fill(scenario["template"], values)
    doc = Document(id=doc_id, text=text, url=f"https://news.example.org/{doc_id}", title=text.split(".")[0][:80],
                   source="Example Wire", published=day)
    evidence = {EVIDENCE_KEY[k]: Span(doc_id, s, e, text[s:e]) for k, (s, e) in where.items()}
    mentioned = set(where)
    pl = Place(geonameid=None, name=place["name"], latitude=place["lat"], longitude=place["lon"],
               country=place["country"], country_code=place["country_code"], admin1=place["admin1"])
    actor1 = Actor(scenario["actor1"]["name"], scenario["actor1"]["category"], alias=values["actor1"])
    actor2 = (Actor(scenario["actor2"]["name"], scenario["actor2"]["category"], alias=values["actor2"])
              if scenario.get("actor2") else None)
    deaths = killed if "killed" in mentioned else 0
    hurt = injured if "injured" in mentioned else None
    mention = Mention(doc_id=doc_id, span=Span(doc_id, 0, len(text), text), event_type=scenario["event_type"],
                      sub_event_type=scenario["sub_event_type"], disorder_type=scenario["disorder_type"], date=day,
                      date_precision=DAY, place=pl, geo_precision=TOWN, actor1=actor1, actor2=actor2,
                      fatalities=deaths if "killed" in mentioned else None, injuries=hurt,
                      confidence=0.3 + (index % 7) / 10, evidence=evidence, source_url=doc.url,
                      source_name=doc.source, published=day)
    event = Event(id=content_hash(f"synthetic:{doc_id}")[:16], event_type=mention.event_type,
                  sub_event_type=mention.sub_event_type, disorder_type=mention.disorder_type, date=day,
                  date_precision=DAY, place=pl, geo_precision=TOWN, actor1=actor1, actor2=actor2,
                  civilian_targeting=bool(actor2 and actor2.category == "Civilians"), fatalities=deaths,
                  fatalities_low=deaths, fatalities_best=deaths, fatalities_high=deaths, injuries=hurt,
                  notes=text, confidence=mention.confidence,
                  sources=[Source(doc_id, doc.url, doc.source, day)], mentions=[mention], evidence=dict(evidence))
    return doc, event


def generate(n: int, seed: int = 7, start: date = date(2024, 1, 1), days: int = 120,
             first: int = 0) -> list[tuple[Document, Event]]:
    """`n` reports (numbered from `first`) spread over `days` days, the places and the scenarios."""
    rng = random.Random(seed + first)
    all_places, all_scenarios = places(), scenarios()
    out = []
    for i in range(first, first + n):
        scenario = all_scenarios[i % len(all_scenarios)]
        place = all_places[rng.randrange(len(all_places))]
        day = start + timedelta(days=rng.randrange(days))
        out.append(make_report(i, scenario, place, day, killed=rng.randrange(0, 12), injured=rng.randrange(0, 20)))
    return out
