"""The HTML pages: dashboard, event page with highlighted evidence, review queue, login."""

from __future__ import annotations

import hmac
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError

from sitrep import taxonomy
from sitrep.model import ACTOR_CATEGORIES
from sitrep.serve import highlight, vendor
from sitrep.serve.api import apply_review
from sitrep.serve.auth import LOGIN_CSRF_COOKIE, SESSION_COOKIE, SESSION_SECONDS, clean_user, new_login_csrf
from sitrep.serve.review import EventChanges, ReviewRequest
from sitrep.store.reads import changed_fields, decode_event

router = APIRouter(include_in_schema=False)

# The fields the event page lists, in ACLED's order, with the evidence key each rests on.
FIELDS = [
    ("event_date", "date"), ("date_precision", None), ("disorder_type", None), ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"), ("actor1", "actor1"), ("assoc_actor_1", "assoc_actor_1"),
    ("actor2", "actor2"), ("assoc_actor_2", "assoc_actor_2"), ("civilian_targeting", "civilian_targeting"),
    ("location", "place"), ("admin1", None), ("admin2", None), ("country", None), ("latitude", None),
    ("longitude", None), ("geo_precision", None), ("fatalities", "fatalities"), ("injuries", "injuries"),
    ("attribution", "attribution"), ("confidence", None), ("notes", None),
]
EDITABLE = ["event_date", "date_precision", "sub_event_type", "actor1", "actor2", "civilian_targeting",
            "location", "admin1", "country", "country_code", "latitude", "longitude", "geo_precision",
            "fatalities", "injuries", "notes"]


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    auth = request.app.state.auth
    try:
        user = auth.principal(request)
    except HTTPException:
        user = None
    html = request.app.state.templates.get_template(name).render(user=user, csrf=user.csrf if user else "", **context)
    return HTMLResponse(html, status, headers={"cache-control": "no-store"})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request):
    config = request.app.state.config
    return render(request, "dashboard.html", tiles=config.tiles, tiles_attribution=config.tiles_attribution,
                  has_leaflet=vendor.leaflet_dir() is not None, leaflet_hint=vendor.INSTALL_HINT,
                  facets=request.app.state.store.reads.facets(), args=request.query_params)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """Swagger UI served from the package, started by a static script (the CSP allows no inline one)."""
    return render(request, "docs.html", has_swagger=vendor.swagger_dir() is not None, hint=vendor.DOCS_HINT)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str):
    reads = request.app.state.store.reads
    row = reads.event_row(event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r}")
    event = decode_event(row["record"])
    docs = reads.documents_by_id(sorted({s.doc_id for s in event.sources}))
    texts = {d: r["text"] for d, r in docs.items()}
    fields = []
    for name, key in FIELDS:
        span = event.evidence.get(key) if key else None
        if span is None and key:  # the merged event may keep evidence on its mentions only
            span = next((m.evidence[key] for m in event.mentions if m.evidence.get(key)), None)
        value = row.get(name) if name != "attribution" else "; ".join(
            sorted({m.attribution for m in event.mentions if m.attribution}))  # who the account comes from
        fields.append({"name": name, "value": value, "evidence": highlight.evidence_text(span, texts),
                       "doc_id": span.doc_id if span else ""})
    sources = [{"doc": docs.get(s.doc_id), "source": s,
                "segments": highlight.document_segments(event, s.doc_id, texts[s.doc_id]) if s.doc_id in texts else []}
               for s in event.sources]
    log = [dict(r, changes=changed_fields(r.get("before"), r.get("after")))
           for r in reads.review_entries(event_id, with_records=True)]
    return render(request, "event.html", event=event, row=row, fields=fields, sources=sources, log=log,
                  editable=EDITABLE, sub_event_types=taxonomy.sub_event_types(), actor_categories=ACTOR_CATEGORIES,
                  error=request.query_params.get("error", ""))


@router.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: str):
    form = await request.form()
    who = request.app.state.auth.require_writer(request, form_csrf=str(form.get("csrf_token", "")))
    action = str(form.get("action", ""))
    try:
        changes = _form_changes(request, event_id, form) if action == "edit" else None
        req = ReviewRequest(action=action, reason=str(form.get("reason", "")), changes=changes)
    except ValidationError as e:
        return _back(event_id, "; ".join(err["msg"].removeprefix("Value error, ") for err in e.errors()))
    try:
        apply_review(request, event_id, req, who.user)
    except HTTPException as e:
        if e.status_code == 404:
            raise
        return _back(event_id, str(e.detail))
    nxt = str(form.get("next", ""))
    return RedirectResponse(nxt if _local(nxt) else f"/events/{event_id}", 303)


def _form_changes(request: Request, event_id: str, form) -> EventChanges:
    """Only the fields whose submitted value differs from the stored one."""
    row = request.app.state.store.reads.event_row(event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r}")
    changes = {}
    for name in EDITABLE:
        if name == "civilian_targeting":
            if "civilian_targeting_shown" in form and bool(form.get(name)) != bool(row[name]):
                changes[name] = bool(form.get(name))
            continue
        if name not in form:
            continue
        value = str(form.get(name, "")).strip()
        current = row.get(name)
        if value != ("" if current is None else str(current)):
            changes[name] = value if value != "" else None
    return EventChanges(**changes)


def _back(event_id: str, error: str) -> RedirectResponse:
    return RedirectResponse(f"/events/{event_id}?error={quote(error[:300])}", 303)


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return bool(url) and url.startswith("/") and not url.startswith("//") and not parts.netloc and "\\" not in url


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, page: int = 1):
    page = max(1, page)
    reads = request.app.state.store.reads
    rows = reads.review_queue(50, (page - 1) * 50)
    log = reads.review_entries(limit=20)
    return render(request, "review.html", rows=rows, log=log, page=page)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    reads = request.app.state.store.reads
    row = reads.document_row(doc_id)
    if row is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return render(request, "document.html", doc=row, events=reads.events_of_document(doc_id))


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/", error: str = ""):
    token = new_login_csrf()
    response = render(request, "login.html", login_csrf=token, next=next if _local(next) else "/", error=error)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/login",
                        secure=request.url.scheme == "https")
    return response


@router.post("/login")
def login(request: Request, user: str = Form(..., max_length=200), password: str = Form(..., max_length=500),
          csrf_token: str = Form(""), next: str = Form("/")):
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie, csrf_token):
        raise HTTPException(403, "the login form expired: reload it and try again")
    auth = request.app.state.auth
    name = clean_user(user)
    if not name or not auth.token_ok(password):
        return RedirectResponse("/login?error=wrong+name+or+token", 303)
    response = RedirectResponse(next if _local(next) else "/", 303)
    response.set_cookie(SESSION_COOKIE, auth.new_session(name), max_age=SESSION_SECONDS, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request):
    form = await request.form()
    request.app.state.auth.require_writer(request, form_csrf=str(form.get("csrf_token", "")))
    response = RedirectResponse("/", 303)
    response.delete_cookie(SESSION_COOKIE)
    return response
