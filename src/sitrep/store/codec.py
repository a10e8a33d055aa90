"""Events to JSON-ready dicts and back, for storage."""

from __future__ import annotations

from datetime import date

from sitrep.model import Actor, Claim, Event, Mention, Place, Source, Span, to_plain


def _date(v):
    return date.fromisoformat(v) if v else None


def _span(d):
    return Span(**d) if d else None


def _actor(d):
    return Actor(**d) if d else None


def _place(d):
    return Place(**d) if d else None


def _claims(items):
    return [Claim(c["field"], c["value"], c["claimant"], _span(c.get("span"))) for c in items or []]


def _mention(d: dict) -> Mention:
    d = dict(d)
    d["span"] = _span(d["span"])
    d["date"] = _date(d.get("date"))
    d["published"] = _date(d.get("published"))
    d["place"] = _place(d.get("place"))
    for k in ("actor1", "actor2"):
        d[k] = _actor(d.get(k))
    for k in ("assoc_actor_1", "assoc_actor_2"):
        d[k] = [Actor(**a) for a in d.get(k) or []]
    d["claims"] = _claims(d.get("claims"))
    d["evidence"] = {k: _span(v) for k, v in (d.get("evidence") or {}).items()}
    return Mention(**d)


def event_to_dict(e: Event) -> dict:
    return to_plain(e)


def event_from_dict(d: dict) -> Event:
    d = dict(d)
    d["date"] = _date(d.get("date"))
    d["place"] = _place(d.get("place"))
    for k in ("actor1", "actor2"):
        d[k] = _actor(d.get(k))
    for k in ("assoc_actor_1", "assoc_actor_2"):
        d[k] = [Actor(**a) for a in d.get(k) or []]
    d["sources"] = [Source(s["doc_id"], s.get("url"), s.get("name"), _date(s.get("published"))) for s in d.get("sources") or []]
    d["mentions"] = [_mention(m) for m in d.get("mentions") or []]
    d["evidence"] = {k: _span(v) for k, v in (d.get("evidence") or {}).items()}
    d["claims"] = _claims(d.get("claims"))
    return Event(**d)
