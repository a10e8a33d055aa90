"""Hand-built reports and events for the store, export and scale tests, and the JSON codec's round trip."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest

from sitrep.model import DAY, MONTH, REGION, TOWN, Actor, Claim, Document, Event, Mention, Place, Source, Span
from sitrep.store.codec import event_from_json, event_to_json

ARMY_NG = Actor("Military Forces of Nigeria (2015-2023)", "State forces", "troops", "NG")
ISWAP = Actor("ISWAP: Islamic State West Africa Province", "Rebel group", "insurgents", "")
PROTESTERS_KE = Actor("Protesters (Kenya)", "Protesters", "demonstrators", "KE")
POLICE_KE = Actor("Police Forces of Kenya (2022-)", "State forces", "police", "KE")
CIVILIANS_PS = Actor("Civilians (Palestine)", "Civilians", "residents", "PS")

MAIDUGURI = Place(2331447, "Maiduguri", 11.8464, 13.1603, "Nigeria", "NG", "Borno", "Maiduguri", "",
                  "P", "PPLA", 1112449)
NAIROBI = Place(184745, "Nairobi", -1.2833, 36.8167, "Kenya", "KE", "Nairobi", "", "", "P", "PPLC", 2750547)
KHAN_YUNIS = Place(281133, "Khan Yunis", 31.3462, 34.3063, "Palestine", "PS", "Gaza Strip", "Khan Yunis", "",
                   "P", "PPL", 179701)


def document(doc_id: str, text: str, day: date, url: str | None = None, source: str | None = None) -> Document:
    return Document(id=doc_id, text=text, url=url or f"https://news.example.org/{doc_id}", title=text[:40],
                    source=source or "Example Daily", published=day)


def clash_report(doc_id: str = "ng-001", day: date = date(2024, 3, 14)) -> Document:
    return document(doc_id, "Troops repelled an attack by insurgents on a base near Maiduguri on Tuesday, "
                            "the army said. Four soldiers and at least eleven attackers were killed, and "
                            "residents reported hearing gunfire for two hours.", day, source="Reuters")


def mention(doc: Document, event_type: str, sub_event_type: str, when: date | None, place: Place | None,
            actor1: Actor | None = None, actor2: Actor | None = None, fatalities: int | None = None,
            start: int = 0, end: int | None = None) -> Mention:
    end = end if end is not None else min(len(doc.text), 120)
    span = Span(doc.id, start, end, doc.text[start:end])
    evidence = {"event_type": span}
    if place:
        at = doc.text.find(place.name)
        if at >= 0:
            evidence["place"] = Span(doc.id, at, at + len(place.name), place.name)
    return Mention(doc_id=doc.id, span=span, event_type=event_type, sub_event_type=sub_event_type,
                   date=when, date_precision=DAY if when else None, place=place,
                   geo_precision=TOWN if place else None, actor1=actor1, actor2=actor2, fatalities=fatalities,
                   confidence=0.8, evidence=evidence, source_url=doc.url, source_name=doc.source,
                   published=doc.published,
                   claims=[Claim("fatalities", fatalities, "the army", span)] if fatalities else [])


def event_from(mentions: list[Mention], event_id: str | None = None, **changes) -> Event:
    """An Event as the incidents stage would build it from mentions of one incident."""
    m = mentions[0]
    counts = [x.fatalities for x in mentions if x.fatalities is not None]
    e = Event(id=event_id or m.id, event_type=m.event_type, sub_event_type=m.sub_event_type,
              disorder_type=m.disorder_type, date=m.date, date_precision=m.date_precision, place=m.place,
              geo_precision=m.geo_precision, actor1=m.actor1, actor2=m.actor2,
              fatalities=min(counts) if counts else 0, fatalities_low=min(counts) if counts else None,
              fatalities_best=min(counts) if counts else None, fatalities_high=max(counts) if counts else None,
              notes=m.span.text, confidence=m.confidence, disagreement=len(set(counts)) > 1,
              sources=[Source(x.doc_id, x.source_url, x.source_name, x.published) for x in mentions],
              mentions=list(mentions), evidence=dict(m.evidence), claims=[c for x in mentions for c in x.claims])
    for k, v in changes.items():
        setattr(e, k, v)
    return e


def clash_event(doc: Document | None = None) -> Event:
    doc = doc or clash_report()
    m = mention(doc, "Battles", "Armed clash", doc.published - timedelta(days=2), MAIDUGURI, ARMY_NG, ISWAP, 15)
    return event_from([m])


def protest_event(doc_id: str = "ke-001", day: date = date(2024, 6, 25)) -> tuple[Document, Event]:
    doc = document(doc_id, "Thousands of demonstrators marched through Nairobi against the finance bill; "
                           "police fired tear gas near parliament.", day, source="Daily Nation")
    m = mention(doc, "Protests", "Protest with intervention", day, NAIROBI, PROTESTERS_KE, POLICE_KE)
    return doc, event_from([m])


def strike_event(doc_id: str = "ps-001", day: date = date(2024, 1, 9)) -> tuple[Document, Event]:
    doc = document(doc_id, "An air strike hit a house in Khan Yunis overnight, killing six residents, "
                           "medics said.", day, source="WAFA")
    m = mention(doc, "Explosions/Remote violence", "Air/drone strike", day, KHAN_YUNIS, None, CIVILIANS_PS, 6)
    return doc, event_from([m], civilian_targeting=True)


def pg_url() -> str:
    url = os.environ.get("SITREP_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL tests need SITREP_TEST_PG_URL "
                    "(e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres)")
    return url


def test_event_survives_json_round_trip_with_every_field():
    doc = clash_report()
    e = clash_event(doc)
    e.assoc_actor_1 = [Actor("Civilian JTF", "Identity militia", "vigilantes", "NG")]
    e.review_status = "accepted"
    back = event_from_json(event_to_json(e))
    assert back == e
    assert back.mentions[0].evidence["place"].text == "Maiduguri"
    assert back.mentions[0].id == e.mentions[0].id


def test_record_from_a_newer_sitrep_with_unknown_fields_still_loads():
    _, e = protest_event()
    text = event_to_json(e).replace('"notes":', '"future_field":1,"notes":', 1)
    assert event_from_json(text) == e


def test_month_and_region_precision_kept():
    doc = clash_report()
    e = event_from([mention(doc, "Battles", "Armed clash", date(2024, 3, 1), MAIDUGURI)],
                   date_precision=MONTH, geo_precision=REGION)
    back = event_from_json(event_to_json(e))
    assert (back.date_precision, back.geo_precision) == (MONTH, REGION)
