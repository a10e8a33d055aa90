"""The JSON event list without the framework: GET /api/events answered straight from ASGI.

The dashboard's table asks for /api/events more than for anything else, and under load the
framework's work per request (routing, building and validating eighteen query parameters,
handing a synchronous endpoint to a worker thread) cost about as much as finding the page. This
middleware answers the plain JSON list itself when every parameter is in its simplest valid
form; anything else (CSV, GeoJSON, an invalid or unusual value, a repeated parameter) goes on to
the FastAPI route, which answers or explains the error exactly as before. Both build the body
with `list_body`, so the two answers are the same bytes.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

from fastapi import HTTPException
from starlette.concurrency import run_in_threadpool

from sitrep.serve import formats
from sitrep.serve.cache import VERSION_KEY, ResponseCache
from sitrep.store.memory_index import MemoryIndex
from sitrep.store.reads import SORT_KEYS, EventFilter, Reads

PAGE_MAX = 1000  # JSON pages (the route's limit too)
TEXT_LIMITS = {"country": 100, "admin1": 200, "event_type": 64, "sub_event_type": 128, "actor": 200, "q": 200}
REVIEW_STATUSES = ("", "unreviewed", "accepted", "edited", "rejected")
TRUE, FALSE = frozenset({"true", "1", "yes", "on", "t", "y"}), frozenset({"false", "0", "no", "off", "f", "n"})
JSON_HEADERS = [(b"content-type", b"application/json")]


def list_body(reads: Reads, cache: ResponseCache | None, flt: EventFilter, sort: str, limit: int, offset: int,
              total: bool, memory: MemoryIndex | None = None) -> bytes:
    """The JSON of a page of the event list: {total, limit, offset, events}. `memory`: the store's
    memory index for this request, when it answers (`Reads.memory_for`)."""
    total_count = None
    if total and memory is not None:
        total_count = memory.count(flt)
    elif total:  # every page of a filter has the same total: count it once per data version
        count = lambda: reads.count(flt)  # noqa: E731
        total_count = cache.memo(f"count:{flt!r}", count) if cache is not None else count()
    rows = reads.event_page_json(flt, sort, limit, offset, matches=total_count, memory=memory)
    # The same bytes as formats.dumps of the whole answer, with the rows encoded (or kept) one by one.
    return b"".join((b'{"total":', formats.dumps(total_count), b',"limit":', formats.dumps(limit), b',"offset":',
                     formats.dumps(offset), b',"events":[', b",".join(rows), b"]}"))


def filter_of(text: dict[str, str], **fields) -> EventFilter:
    """The EventFilter of a request's text parameters (names of TEXT_LIMITS) and its other fields;
    names and words are trimmed, type names are taken as they are."""
    trimmed = {name: value.strip() if name in ("country", "admin1", "actor", "q") else value
               for name, value in text.items()}
    return EventFilter(**trimmed, **fields)


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        box = tuple(float(v) for v in text.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-180 <= box[0] <= 180 and -180 <= box[2] <= 180
                             and -90 <= box[1] <= box[3] <= 90):
        raise HTTPException(422, "bbox must be min_lon,min_lat,max_lon,max_lat in degrees")
    return box  # type: ignore[return-value]


def _count(text: str, low: int, high: int) -> int | None:
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if low <= value <= high else None


def _plain_date(text: str) -> bool:
    """YYYY-MM-DD and nothing else (other forms are the route's to accept or refuse)."""
    return len(text) == 10 and text[4] == text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit() \
        and text.isascii()


def parse(query_string: bytes) -> tuple | None:
    """(filter, sort, limit, offset, total) of a plain JSON list request, or None: let the route decide."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    params = dict(pairs)
    if len(params) != len(pairs) or params.get("format", "json") != "json":
        return None
    try:
        text = {name: params.get(name, "") for name in TEXT_LIMITS}
        if any(len(value) > TEXT_LIMITS[name] for name, value in text.items()):
            return None
        days = []
        for name in ("date_from", "date_to"):
            value = params.get(name)
            if value is not None and not _plain_date(value):
                return None
            days.append(date.fromisoformat(value) if value is not None else None)
        bbox = parse_bbox(params.get("bbox"))
    except (ValueError, HTTPException):
        return None
    min_fatalities = None
    if "min_fatalities" in params:
        min_fatalities = _count(params["min_fatalities"], 0, 2**63 - 1)
        if min_fatalities is None:
            return None
    review_status, sort = params.get("review_status", ""), params.get("sort", "-date")
    if review_status not in REVIEW_STATUSES or sort.lstrip("-") not in SORT_KEYS:
        return None
    limit = _count(params["limit"], 1, PAGE_MAX) if "limit" in params else 50
    offset = _count(params["offset"], 0, 2**63 - 1) if "offset" in params else 0
    page = _count(params["page"], 1, 2**63 - 1) if "page" in params else 0
    total = params.get("total", "true").lower()
    if limit is None or offset is None or page is None or total not in TRUE | FALSE:
        return None
    if page:
        offset = (page - 1) * limit
    flt = filter_of(text, date_from=days[0], date_to=days[1], bbox=bbox, min_fatalities=min_fatalities,
                    review_status=review_status)
    return flt, sort, limit, offset, total in TRUE


class EventListMiddleware:
    """ASGI middleware: answers plain GET /api/events JSON requests; passes every other request on."""

    def __init__(self, app, reads: Reads, cache: ResponseCache | None) -> None:
        self.app, self.reads, self.cache = app, reads, cache
        # SQLite answers in-process within microseconds; PostgreSQL needs network round trips.
        self.inline = reads.dialect == "sqlite"

    def _answer(self, version: int | None, args: tuple) -> bytes:
        return list_body(*args, self.reads.memory_for(args[2], args[3], version))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/api/events":
            return await self.app(scope, receive, send)
        request = parse(scope.get("query_string", b""))
        if request is None:
            return await self.app(scope, receive, send)
        args = (self.reads, self.cache, *request)
        if not self.inline:  # a database server's round trips: other requests go on meanwhile
            body = await run_in_threadpool(self._answer, scope.get(VERSION_KEY), args)
        else:
            memory = self.reads.memory_for(request[0], request[1], scope.get(VERSION_KEY))
            if memory is not None:
                body = list_body(*args, memory)  # about a millisecond: cheaper here than a hand-over to a thread
            else:  # SQL may take a while: keep the event loop free for other requests
                body = await run_in_threadpool(list_body, *args)
        await send({"type": "http.response.start", "status": 200,
                    "headers": JSON_HEADERS + [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
