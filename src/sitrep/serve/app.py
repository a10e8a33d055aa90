"""The FastAPI application: wires the API, the pages, static files, security headers and errors."""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from sitrep import __version__
from sitrep.serve import vendor
from sitrep.serve.auth import Auth
from sitrep.serve.cache import CacheMiddleware, ResponseCache
from sitrep.serve.fastlist import EventListMiddleware
from sitrep.serve.headers import SecurityMiddleware, content_security_policy

HERE = Path(__file__).parent


@dataclass
class ServeConfig:
    """How `sitrep serve` runs."""

    db: str
    token: str = ""  # empty: a random one is made and printed at start
    tiles: str = ""  # a tile URL template ("https://tile.example.org/{z}/{x}/{y}.png"); empty: no tiles
    tiles_attribution: str = ""
    private: bool = False  # reading needs a login or token too
    secret: str = ""  # signs session cookies; empty: random per process
    max_ingest_bytes: int = 20_000_000
    cache: bool = True  # keep answers of event lists, timelines and facets while the data is unchanged
    memory_index: bool = True  # filter, count and sort event lists in memory (store/memory_index.py)


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["web_url"] = web_url
    return env


def web_url(url: str | None) -> str:
    """A link target only for http(s) addresses: a stored `javascript:` url must never become a link."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else ""


CONFIG_ENV = "SITREP_SERVE_CONFIG"  # how `sitrep serve --workers N` hands its settings to each worker process


def app_from_env():
    """The app of one worker process of `sitrep serve --workers N` (uvicorn imports it by name):
    the settings, the token and the cookie secret come from the parent, so that every worker
    accepts the same token and the same session cookies."""
    return create_app(ServeConfig(**json.loads(os.environ[CONFIG_ENV])))


def create_app(config: ServeConfig):
    """The ASGI app over the database `config.db`."""
    from sitrep.serve import api, pages
    from sitrep.store import Store

    if not config.token:
        config.token = secrets.token_urlsafe(18)
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Events coded from news reports in ACLED's terms, with the words behind each field.")
    app.state.config = config
    app.state.store = Store(config.db)
    if config.memory_index:
        app.state.store.reads.use_memory_index()
    app.state.auth = Auth(config.token, config.secret or None)
    app.state.templates = _templates()
    app.state.ingest_lock = threading.Lock()  # merging needs one writer at a time
    app.state.cache = ResponseCache(app.state.store.engine) if config.cache else None
    csp = content_security_policy(config.tiles)
    # Innermost: the event list's fast path sits inside the cache, which keeps its answers too.
    app.add_middleware(EventListMiddleware, reads=app.state.store.reads, cache=app.state.cache)
    if app.state.cache is not None:
        # Added first, so it sits inside the security middleware: a private server checks access first.
        app.add_middleware(CacheMiddleware, cache=app.state.cache)
        app.router.on_shutdown.append(app.state.cache.close)

    def may_read(request: Request) -> bool:
        try:
            return app.state.auth.principal(request) is not None
        except HTTPException:
            return False

    # The outermost layer: every answer, an error too, gets the headers.
    app.add_middleware(SecurityMiddleware, csp=csp, private=config.private, may_read=may_read)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, exc.status_code, headers=exc.headers)
        page = app.state.templates.get_template("error.html").render(status=exc.status_code, message=exc.detail,
                                                                     user=None)
        return HTMLResponse(page, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError):
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in exc.errors()]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": f"invalid input: {message}", "problems": problems}, 422)
        page = app.state.templates.get_template("error.html").render(status=422, message=message, user=None)
        return HTMLResponse(page, 422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # The traceback still goes to the server's log; the client gets a short, clear answer.
        message = f"internal error ({type(exc).__name__}); the server log has the details"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, 500)
        return HTMLResponse(app.state.templates.get_template("error.html").render(status=500, message=message), 500)

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return {"ok": True}

    app.include_router(api.router)
    app.include_router(pages.router)
    for name, folder in (("leaflet", vendor.leaflet_dir()), ("swagger-ui", vendor.swagger_dir())):
        if folder is not None:
            app.mount(f"/static/vendor/{name}", StaticFiles(directory=folder), name=name)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    return app
