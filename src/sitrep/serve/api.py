"""The JSON API under /api: events (JSON, CSV, GeoJSON), documents, ingest and review."""

from __future__ import annotations

import json
from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from sitrep.serve import formats
from sitrep.serve.fastlist import PAGE_MAX, REVIEW_STATUSES, TEXT_LIMITS, filter_of, list_body, parse_bbox
from sitrep.serve.ingest import ingest_lines
from sitrep.serve.review import ReviewRequest, review
from sitrep.store.reads import SORT_KEYS, EventFilter, Reads

router = APIRouter(prefix="/api", tags=["events"])
FILE_MAX = 100_000  # CSV / GeoJSON downloads


def event_filter(
    date_from: date | None = Query(None, description="Events on or after this day (YYYY-MM-DD)."),
    date_to: date | None = Query(None, description="Events on or before this day."),
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat", examples=["34.2,31.2,34.6,31.6"]),
    country: str = Query("", max_length=TEXT_LIMITS["country"],
                         description="Country name or ISO 3166-1 alpha-2 code."),
    admin1: str = Query("", max_length=TEXT_LIMITS["admin1"]),
    event_type: str = Query("", max_length=TEXT_LIMITS["event_type"]),
    sub_event_type: str = Query("", max_length=TEXT_LIMITS["sub_event_type"]),
    actor: str = Query("", max_length=TEXT_LIMITS["actor"],
                       description="Part of the name of actor1, actor2 or an associated actor."),
    min_fatalities: int | None = Query(None, ge=0),
    q: str = Query("", max_length=TEXT_LIMITS["q"], description="Words that must all appear in the notes."),
    review_status: Literal[REVIEW_STATUSES] = Query(""),  # type: ignore[valid-type]
) -> EventFilter:
    text = {"country": country, "admin1": admin1, "event_type": event_type, "sub_event_type": sub_event_type,
            "actor": actor, "q": q}
    return filter_of(text, date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox),
                     min_fatalities=min_fatalities, review_status=review_status)


def _reads(request: Request) -> Reads:
    """The store's read queries (lists, counts and timelines run on its narrow events table)."""
    return request.app.state.store.reads


@router.get("/events", summary="Events, filtered, sorted and paged, as JSON, CSV or GeoJSON")
def list_events(
    request: Request,
    flt: EventFilter = Depends(event_filter),
    sort: str = Query("-date", description="A column, '-' first for descending: " + ", ".join(SORT_KEYS)),
    limit: int | None = Query(None, ge=1, le=FILE_MAX, description=f"Rows per page (JSON: at most {PAGE_MAX})."),
    offset: int = Query(0, ge=0),
    page: int | None = Query(None, ge=1, description="1-based page number; overrides offset."),
    format: Literal["json", "csv", "geojson"] = Query("json"),
    total: bool = Query(True, description="Count the matching events (skip it for faster pages)."),
):
    if sort.lstrip("-") not in SORT_KEYS:
        raise HTTPException(422, f"cannot sort by {sort!r}: use one of {', '.join(SORT_KEYS)}")
    if limit is None:
        limit = 50 if format == "json" else FILE_MAX
    if format == "json" and limit > PAGE_MAX:
        raise HTTPException(422, f"a JSON page holds at most {PAGE_MAX} events; use offset/page, or format=csv")
    if page is not None:
        offset = (page - 1) * limit
    reads = _reads(request)
    if format == "json":  # usually answered by fastlist.EventListMiddleware before it gets here
        return Response(list_body(reads, request.app.state.cache, flt, sort, limit, offset, total),
                        media_type="application/json")
    rows = reads.event_page(flt, sort, limit, offset)
    if format == "csv":
        records = reads.records_by_id([r["id"] for r in rows])
        rows = [dict(r, record=records[r["id"]]) for r in rows if r["id"] in records]
        return Response(formats.csv_text(rows), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": 'attachment; filename="sitrep-events.csv"'})
    return Response(formats.geojson_text(rows), media_type="application/geo+json")


@router.get("/events/{event_id}", summary="One event with its mentions, evidence spans, sources and review log")
def get_event(request: Request, event_id: str):
    reads = _reads(request)
    row = reads.event_row(event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return JSONResponse(formats.event_detail(reads, row))


@router.get("/timeline", summary="Events per day and event type, with the same filters as /api/events")
def timeline(request: Request, flt: EventFilter = Depends(event_filter)):
    return Response(formats.dumps(_reads(request).timeline(flt)), media_type="application/json")


@router.get("/facets", summary="The values the dashboard's pick lists offer")
def facets(request: Request):
    return Response(formats.dumps(_reads(request).facets()), media_type="application/json")


@router.get("/documents/{doc_id}", tags=["documents"], summary="One stored report and the events it supports")
def get_document(request: Request, doc_id: str):
    reads = _reads(request)
    row = reads.document_row(doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return JSONResponse(formats.document_detail(row, reads.events_of_document(doc_id)))


@router.post("/documents", tags=["documents"], status_code=200,
             summary="Ingest reports as JSON lines and run the pipeline on them (needs a token or login)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/x-ndjson": {
                 "schema": {"type": "string"},
                 "example": '{"id": "r1", "text": "...", "url": "https://...", "published": "2024-03-01"}'}}}})
async def ingest_documents(request: Request):
    request.app.state.auth.require_writer(request)
    limit = request.app.state.config.max_ingest_bytes
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"request body over {limit} bytes: send the documents in smaller batches")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPException(400, f"the body is not UTF-8 text ({e.reason} at byte {e.start})") from None
    lines = _records_from_body(text, request.headers.get("content-type", ""))
    state = request.app.state
    result = await run_in_threadpool(ingest_lines, state.store, lines, state.ingest_lock)
    return JSONResponse(result)


def _records_from_body(text: str, content_type: str) -> list[str]:
    """JSON lines; a JSON array or a single object is accepted too when sent as application/json."""
    if content_type.startswith("application/json") and text.lstrip()[:1] in ("[", "{"):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, list):
            return [json.dumps(v) for v in value]
        if isinstance(value, dict):
            return [text]
    return text.splitlines()


@router.post("/events/{event_id}/review", tags=["review"],
             summary="Accept, edit (with field changes), reject (with a reason) or reopen an event")
def review_event(request: Request, event_id: str, action: ReviewRequest):
    who = request.app.state.auth.require_writer(request)
    return JSONResponse(apply_review(request, event_id, action, who.user))


def apply_review(request: Request, event_id: str, action: ReviewRequest, user: str) -> dict:
    """Shared by the API and the review forms."""
    store = request.app.state.store
    with request.app.state.ingest_lock:
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        try:
            after = review(event, action)
        except ValueError as e:
            raise HTTPException(422, str(e)) from None
        store.update_event(after, user, action.action, action.reason)
    return {"id": event_id, "review_status": after.review_status, "action": action.action, "user": user}


@router.get("/review/queue", tags=["review"], summary="Unreviewed events, least confident first")
def review_queue(request: Request, limit: int = Query(50, ge=1, le=PAGE_MAX), offset: int = Query(0, ge=0)):
    rows = _reads(request).review_queue(limit, offset)
    return Response(formats.dumps({"limit": limit, "offset": offset, "events": [formats.plain_row(r) for r in rows]}),
                    media_type="application/json")


@router.get("/review/log", tags=["review"], summary="The audit log: who changed what, when, before and after")
def review_log(request: Request, event_id: str | None = None, limit: int = Query(100, ge=1, le=PAGE_MAX),
               offset: int = Query(0, ge=0)):
    rows = _reads(request).review_entries(event_id, limit, offset, with_records=True)
    return Response(formats.dumps([formats.log_entry(r) for r in rows]), media_type="application/json")


@router.get("/review/corrections", tags=["review"],
            summary="Reviewed events in the ACLED CSV layout, for `sitrep train --acled`")
def corrections(request: Request, format: Literal["csv", "json"] = Query("csv"),
                status: list[Literal["accepted", "edited", "rejected"]] = Query(["accepted", "edited"])):
    records = _reads(request).reviewed_records(tuple(status))
    if format == "json":
        return Response(formats.dumps([json.loads(r) for r in records]), media_type="application/json")
    return Response(formats.corrections_csv(records), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="sitrep-corrections.csv"'})

