"""Headers and access control for every response, as one ASGI middleware (cheaper than Starlette's
BaseHTTPMiddleware, and it sees static files and errors too).

Article text is hostile, so pages are escaped and the browser is told to run nothing that is not served from
here (there is no script at all today) and to refuse framing. Access: when a token is configured, every request
must carry it, as ``Authorization: Bearer <token>`` (API clients) or a ``token`` cookie (browsers). A browser
gets the cookie by opening any page once with ``?token=<token>``: the server sets it (HttpOnly, SameSite=Strict)
and redirects to the same address without the token, so it does not linger in history. When the server listens
on loopback without a token, the Host header must name loopback (``localhost`` or any loopback address), which
stops DNS-rebinding pages from reading it. Answers behind a token are never cached (a shared proxy or the
browser's disk would keep what the token guards).
A crash in a route is answered here too, so its 500 carries the same headers (Starlette's own handler sits
outside every middleware).
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
NO_STORE = (b"cache-control", b"no-store")
TOKEN = re.compile(r"[\w.~+/=-]{16,}", re.ASCII)  # long enough not to guess, and safe in a cookie as it is
TOKEN_RULE = "the access token must be at least 16 characters of letters, digits and . _ ~ + / = -"


class Guard:
    def __init__(self, app: ASGIApp, token: str | None = None, loopback_only: bool = False) -> None:
        self.app = app
        self.token = token
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [*HEADERS, NO_STORE] if self.token else HEADERS
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        if self.loopback_only and not is_loopback(_host(headers.get("host", ""))):
            await _plain(send_with_headers, 400, "this server answers only to a loopback host name")
            return
        if self.token:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if _same(query.get("token"), self.token):
                await _redirect_with_cookie(send_with_headers, scope, query, self.token)
                return
            if not (_same(_bearer(headers), self.token) or _same(_cookie(headers), self.token)):
                await _plain(send_with_headers, 401, "access token required (see `newsledger serve --help`)")
                return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:
                await _plain(send_with_headers, 500, "internal server error")
            raise  # the server logs it; Starlette's handler sees the answer already sent


def check_token(token: str | None) -> None:
    if token is not None and not TOKEN.fullmatch(token):
        raise ValueError(TOKEN_RULE)


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (all of 127.0.0.0/8, ::1): names no other machine can answer to."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _host(header: str) -> str:
    if header.startswith("["):  # [::1]:8000
        return header[1 : header.find("]")]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _bearer(headers: dict[str, str]) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: dict[str, str]) -> str | None:
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is the client's problem: treat it as absent
        return None
    return cookie["token"].value if "token" in cookie else None


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _redirect_with_cookie(send: Send, scope: Scope, query: dict[str, str], token: str) -> None:
    rest = urlencode({key: value for key, value in query.items() if key != "token"})
    location = "/" + quote(scope["path"].lstrip("/")) + (f"?{rest}" if rest else "")  # never //host: stays here
    cookie = f"token={token}; Path=/; HttpOnly; SameSite=Strict"
    headers = [(b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie.encode("latin-1"))]
    await send({"type": "http.response.start", "status": 303, "headers": [*headers, (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
