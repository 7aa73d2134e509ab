"""What keeps the pages safe: the security headers, the CSRF token of the write forms, the
same-origin checks on writes, and the rule for links to source URLs."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

__all__ = ["SECURITY_HEADERS", "safe_url", "csrf_token", "csrf_valid", "same_origin", "token_valid",
           "SESSION_COOKIE", "new_session"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make browsers send "Origin: null" on our own forms
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

SESSION_COOKIE = "allegiance_session"


def safe_url(value: object) -> str | None:
    """``value`` when it is an http(s) URL with a host; ``None`` for any other scheme
    (javascript:, data:, vbscript:, relative paths), so that no link is made from it."""
    if not isinstance(value, str) or not value:
        return None
    text = value.strip()
    if any(ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def new_session() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: bytes, session: str) -> str:
    """The form token bound to the browser's session cookie and this server's secret."""
    return hmac.new(secret, session.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_valid(secret: bytes, session: str | None, token: str | None) -> bool:
    if not session or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, session), token)


def token_valid(expected: str, given: str | None) -> bool:
    """The write token matches; never when no token is configured (read-only server)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def same_origin(headers: dict[str, str], scheme: str) -> bool:
    """A request made by this site's own pages: ``Sec-Fetch-Site`` (when the browser sends it)
    is same-origin or none, and ``Origin`` (when sent) is this host."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is not None:
        host = headers.get("host", "")
        if origin == "null" or origin.rstrip("/") != f"{scheme}://{host}":
            return False
    return True
