"""Events to JSON (the `record` column) and back, losslessly for every field of the model."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from functools import lru_cache

from sitrep.model import Actor, Claim, Event, Mention, Place, Source, Span, to_plain


@lru_cache(maxsize=None)
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _known(cls, d: dict) -> dict:
    """Keep only the keys the dataclass has: records written by a newer or older sitrep still load."""
    names = _field_names(cls)
    if d.keys() <= names:  # the usual case, checked in C
        return dict(d)
    return {k: v for k, v in d.items() if k in names}


def _date(v):
    if not v:
        return None
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


def _span(d):
    return Span(**_known(Span, d)) if d else None


def _actor(d):
    return Actor(**_known(Actor, d)) if d else None


def _actors(items):
    return [Actor(**_known(Actor, a)) for a in items or []]


def _place(d):
    return Place(**_known(Place, d)) if d else None


def _claims(items):
    return [Claim(c["field"], c.get("value"), c.get("claimant", ""), _span(c.get("span"))) for c in items or []]


def _evidence(d):
    return {k: _span(v) for k, v in (d or {}).items() if v}


def _mention(d: dict) -> Mention:
    d = _known(Mention, d)
    d["span"] = _span(d["span"])
    d["date"] = _date(d.get("date"))
    d["published"] = _date(d.get("published"))
    d["place"] = _place(d.get("place"))
    for k in ("actor1", "actor2"):
        d[k] = _actor(d.get(k))
    for k in ("assoc_actor_1", "assoc_actor_2"):
        d[k] = _actors(d.get(k))
    d["claims"] = _claims(d.get("claims"))
    d["evidence"] = _evidence(d.get("evidence"))
    return Mention(**d)


_SCALARS = frozenset({str, int, float, bool, type(None)})  # exactly these types: kept as they are


def _plain(obj):
    """Like model.to_plain, without dataclasses.asdict's deep copies (the store encodes every event it writes)."""
    if type(obj) in _SCALARS:
        return obj
    names = _field_order.get(type(obj))
    if names is None and hasattr(obj, "__dataclass_fields__"):
        names = _field_order.setdefault(type(obj), tuple(f.name for f in fields(obj)))
    if names is not None:
        out = {}
        for k in names:  # most fields are strings and numbers: no call for them
            v = getattr(obj, k)
            out[k] = v if type(v) in _SCALARS else _plain(v)
        return out
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if isinstance(obj, dict):
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [v if type(v) in _SCALARS else _plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    if hasattr(obj, "item"):  # numpy scalars from a classifier: np.int64(3) -> 3
        return obj.item()
    return to_plain(obj)


_field_order: dict[type, tuple[str, ...]] = {}


def event_to_dict(e: Event) -> dict:
    """An Event as a JSON-ready dict (dates as ISO strings), without the store's own `updated_at`."""
    d = _plain(e)
    d.pop("updated_at", None)  # the events.updated_at column holds it; the record stays comparable
    return d


def event_from_dict(d: dict) -> Event:
    """The Event a dict from `event_to_dict` describes."""
    d = _known(Event, d)
    d["date"] = _date(d.get("date"))
    d["place"] = _place(d.get("place"))
    for k in ("actor1", "actor2"):
        d[k] = _actor(d.get(k))
    for k in ("assoc_actor_1", "assoc_actor_2"):
        d[k] = _actors(d.get(k))
    d["sources"] = [Source(s["doc_id"], s.get("url"), s.get("name"), _date(s.get("published")))
                    for s in d.get("sources") or []]
    d["mentions"] = [_mention(m) for m in d.get("mentions") or []]
    d["evidence"] = _evidence(d.get("evidence"))
    d["claims"] = _claims(d.get("claims"))
    if d.get("updated_at") and not isinstance(d["updated_at"], datetime):
        d["updated_at"] = datetime.fromisoformat(d["updated_at"])
    return Event(**d)


def event_to_json(e: Event) -> str:
    """The `record` column's text for an Event."""
    return json.dumps(event_to_dict(e), ensure_ascii=False, separators=(",", ":"))


def event_from_json(text: str) -> Event:
    """The Event stored in a `record` column."""
    return event_from_dict(json.loads(text))
