"""Security headers on every response, and the gate of a private server (pure ASGI: it is on every request)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

OPEN_WHEN_PRIVATE = ("/login", "/healthz", "/static/")


def content_security_policy(tiles: str) -> str:
    """No inline script or style, nothing from other origins except the configured tile server."""
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
        img += f" {parts.scheme}://{host}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; font-src 'self'; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


class SecurityMiddleware:
    """Adds CSP, nosniff, no-referrer and frame denial; refuses anonymous reads on a private server."""

    def __init__(self, app, csp: str, private: bool, may_read: Callable[[Request], bool]) -> None:
        self.app, self.private, self.may_read = app, private, may_read
        self.headers = [("content-security-policy", csp), ("x-content-type-options", "nosniff"),
                        ("referrer-policy", "no-referrer"), ("x-frame-options", "DENY")]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    if name not in headers:
                        headers[name] = value
            await send(message)

        path = scope["path"]
        if self.private and not path.startswith(OPEN_WHEN_PRIVATE) and not self.may_read(Request(scope)):
            if path.startswith("/api/") or path == "/openapi.json":
                refusal = JSONResponse({"error": "this server is private: log in or send a bearer token"}, 401)
            else:
                refusal = HTMLResponse('<p>Private server: <a href="/login">log in</a>.</p>', 401)
            return await refusal(scope, receive, send_with_headers)
        return await self.app(scope, receive, send_with_headers)
