"""Who may write: bearer tokens, signed session cookies after a login form, and CSRF tokens.

Reading is open unless the server is started private. Ingest and review need either an
`Authorization: Bearer <token>` header (scripts) or a session cookie set by the login form
(people). A request authenticated by cookie must also carry the session's CSRF token (form field
`csrf_token` or header `X-CSRF-Token`) on every state-changing request, because a browser sends
cookies on cross-site requests too; a bearer token is never sent by a browser on its own, so it
needs no CSRF token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from fastapi import HTTPException, Request

SESSION_COOKIE = "sitrep_session"
LOGIN_CSRF_COOKIE = "sitrep_login_csrf"  # double-submit token for the login form itself
SESSION_SECONDS = 12 * 3600
MAX_USER_LENGTH = 64


@dataclass
class Principal:
    """The party behind a request that may write."""

    user: str
    via: str  # "token" or "session"
    csrf: str = ""  # the session's CSRF token (empty for bearer tokens)


class Auth:
    """Checks tokens, signs and reads session cookies, derives CSRF tokens."""

    def __init__(self, token: str, secret: str | None = None) -> None:
        if not token:
            raise ValueError("a write token is needed")
        self.token = token
        # A fresh secret per process: sessions end when the server restarts, which is acceptable.
        self.secret = (secret or secrets.token_hex(32)).encode()

    # -- tokens ---------------------------------------------------------------------------------
    def token_ok(self, candidate: str) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode(), self.token.encode())

    def _sign(self, payload: str) -> str:
        mac = hmac.new(self.secret, payload.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    # -- sessions -------------------------------------------------------------------------------
    def new_session(self, user: str) -> str:
        """A cookie value: user, expiry and a random nonce, signed."""
        user_b64 = base64.urlsafe_b64encode(user.encode()).decode()
        payload = f"{user_b64}.{int(time.time()) + SESSION_SECONDS}.{secrets.token_hex(16)}"
        return f"{payload}.{self._sign(payload)}"

    def read_session(self, cookie: str | None) -> Principal | None:
        if not cookie or cookie.count(".") != 3:
            return None
        payload, mac = cookie.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._sign(payload)):
            return None
        user_b64, expiry, nonce = payload.split(".")
        if not expiry.isdigit() or int(expiry) < time.time():
            return None
        try:
            user = base64.urlsafe_b64decode(user_b64.encode()).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        return Principal(user=user, via="session", csrf=self._sign(f"csrf:{nonce}"))

    # -- requests -------------------------------------------------------------------------------
    def principal(self, request: Request) -> Principal | None:
        """Who is writing, from the bearer header or the session cookie; None when anonymous."""
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            if not self.token_ok(header[7:].strip()):
                raise HTTPException(401, "invalid bearer token")
            user = clean_user(request.headers.get("x-sitrep-user", "")) or "api"
            return Principal(user=user, via="token")
        return self.read_session(request.cookies.get(SESSION_COOKIE))

    def require_writer(self, request: Request, form_csrf: str | None = None) -> Principal:
        """The writer of a state-changing request, or 401/403 with a clear reason."""
        who = self.principal(request)
        if who is None:
            raise HTTPException(401, "this action needs a token (Authorization: Bearer) or a login")
        if who.via == "session":
            sent = form_csrf or request.headers.get("x-csrf-token", "")
            if not sent or not hmac.compare_digest(sent, who.csrf):
                raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return who


def clean_user(name: str) -> str:
    """A user name for the audit log: printable, trimmed, bounded."""
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:MAX_USER_LENGTH]


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)
