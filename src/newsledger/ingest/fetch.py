"""A polite HTTP fetcher for pages, feeds and sitemaps.

Polite because the sites are not ours: it says who it is (User-Agent), obeys robots.txt, asks one host one thing
at a time with a pause between, and backs off when told to (429, 5xx). Safe because the servers are untrusted: only
http(s), bounded redirects, time limits on connecting, on each read and on the whole body (a server that trickles
bytes forever), and a size cap on the decoded body, checked while decompressing (a gzip bomb stops at the cap).
Every failure is a ``FetchError`` whose message names the URL and the reason in words.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from trafilatura.utils import detect_encoding

from .readers import DEFAULT_MAX_BYTES

try:
    _VERSION = version("newsledger")
except PackageNotFoundError:  # run from a source tree that was never installed
    _VERSION = "dev"
USER_AGENT = f"newsledger/{_VERSION} (news ledger; reads each page once, obeys robots.txt)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is "URL: reason"."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host (more if its robots.txt asks, up to max_delay)
    max_delay: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two reads of one response
    total_timeout: float = 60.0  # for a whole response, so a body that never ends stops
    max_bytes: int = DEFAULT_MAX_BYTES  # of decoded body
    retries: int = 2  # after 429 or 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled each time; a Retry-After up to max_delay wins
    max_redirects: int = 5


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # where a redirect points
    truncated: str | None = None  # why the body is incomplete (the server stopped sending it), None when whole

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """Fetches URLs one at a time under a ``FetchPolicy``; keeps robots.txt and the last request time per host."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _robots: dict[str, RobotFileParser] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, trust_env=False,
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The response at ``url`` after redirects; a 304 when ``etag``/``last_modified`` say nothing changed."""
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        visited: list[str] = []
        current = url
        with self._lock:
            for _ in range(self.policy.max_redirects + 1):
                _check_scheme(current)
                if current in visited:
                    raise FetchError(url, f"redirect loop ({' → '.join([*visited, current])})")
                visited.append(current)
                self._check_robots(url, current)
                response = self._with_retries(url, current, headers)
                if response.status not in _REDIRECTS:
                    return response
                if not response.location:
                    raise FetchError(url, f"HTTP {response.status} redirect without a Location")
                current = urljoin(current, response.location)
            raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _with_retries(self, url: str, current: str, headers: dict[str, str]) -> Response:
        wait = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            response, retry_after = self._request(url, current, headers)
            if response.status != 429 and response.status < 500:
                if response.status >= 400:
                    raise FetchError(url, f"HTTP {response.status} {httpx.codes.get_reason_phrase(response.status)}")
                return response
            if attempt < self.policy.retries:
                time.sleep(min(retry_after if retry_after is not None else wait, self.policy.max_delay))
                wait *= 2
        phrase = httpx.codes.get_reason_phrase(response.status)
        raise FetchError(url, f"HTTP {response.status} {phrase} (after {self.policy.retries} retries)")

    def _request(self, url: str, current: str, headers: dict[str, str]) -> tuple[Response, float | None]:
        """One request: the response (a redirect's Location, an error's status, else the body), and the seconds
        a 429/503 asks to wait (Retry-After)."""
        self._pause(current)
        try:
            with self._client.stream("GET", current, headers=headers) as reply:
                if reply.status_code in _REDIRECTS:
                    return Response(current, reply.status_code, "", None, b"", location=reply.headers.get("location")), None
                if reply.status_code == 429 or reply.status_code >= 400:
                    return Response(current, reply.status_code, "", None, b""), _retry_after(reply)
                body, truncated = self._body(url, reply)
        except httpx.ConnectTimeout:
            raise FetchError(url, f"timed out connecting (after {self.policy.connect_timeout:g} s)") from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out waiting for the server (no data for {self.policy.read_timeout:g} s)") from None
        except httpx.HTTPError as error:
            raise FetchError(url, _network_reason(error)) from None
        finally:
            self._last[_host(current)] = time.monotonic()
        media, charset = media_type(reply.headers.get("content-type", ""))
        return Response(str(reply.url), reply.status_code, media, charset, body,
                        reply.headers.get("etag"), reply.headers.get("last-modified"), truncated=truncated), None

    def _body(self, url: str, reply: httpx.Response) -> tuple[bytes, str | None]:
        """The decoded body, stopped at the size cap and the total time limit whatever the server sends; a body
        the server stops sending mid-way is kept as far as it came, with the reason (a cut-short page keeps its
        text, marked)."""
        cap, deadline = self.policy.max_bytes, time.monotonic() + self.policy.total_timeout
        declared = reply.headers.get("content-length", "")
        encoding = reply.headers.get("content-encoding", "identity").strip().lower()
        if declared.isdigit() and encoding == "identity" and int(declared) > cap:
            raise FetchError(url, f"too large ({int(declared):,} bytes, over the {cap:,}-byte limit)")
        decoder = _decoder(url, encoding)
        parts, size = [], 0
        try:
            for raw in reply.iter_raw():  # as the network gives it: what came before a hang-up is kept
                chunk = decoder(raw, cap + 1 - size)
                size += len(chunk)
                parts.append(chunk)
                if size > cap:
                    raise FetchError(url, f"too large (over the {cap:,}-byte limit)")
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out (body still arriving after {self.policy.total_timeout:g} s)")
        except httpx.RemoteProtocolError:
            if not size:
                raise
            return b"".join(parts), f"the download stopped after {size:,} bytes"
        return b"".join(parts), None

    def _pause(self, url: str) -> None:
        host = _host(url)
        robots = self._robots.get(host)
        delay = max(self.policy.delay, min(float((robots and robots.crawl_delay(self.policy.user_agent)) or 0), self.policy.max_delay))
        if host in self._last:
            time.sleep(max(0.0, self._last[host] + delay - time.monotonic()))

    def _check_robots(self, url: str, current: str) -> None:
        host = _host(current)
        if host not in self._robots:
            self._robots[host] = self._read_robots(url, current)
        if not self._robots[host].can_fetch(self.policy.user_agent, current):
            raise FetchError(url, f"disallowed by {_origin(current)}/robots.txt")

    def _read_robots(self, url: str, current: str) -> RobotFileParser:
        """The host's robots.txt (RFC 9309): missing (4xx) allows all; a server error disallows all for now."""
        robots = RobotFileParser(f"{_origin(current)}/robots.txt")
        try:
            response, _ = self._request(url, robots.url, {})
        except FetchError as error:
            raise FetchError(url, f"{error.reason} (fetching robots.txt)") from None
        if response.status >= 500 or response.status == 429:
            robots.disallow_all = True
        elif response.status < 300:
            robots.parse(response.body.decode("utf-8", errors="replace").splitlines())
        else:
            robots.allow_all = True
        return robots


def media_type(content_type: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from a Content-Type header value; the charset is None when not given."""
    media, *params = content_type.split(";")
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return media.strip().lower(), value.strip(" \"'")
    return media.strip().lower(), None


def decoded(body: bytes, charset: str | None) -> str:
    """``body`` as text: by the charset the server declared, else UTF-8 or the encoding detected, never failing
    (a page is read by people; a few replaced characters beat losing the page)."""
    for encoding in ([charset] if charset else []) + detect_encoding(body):
        try:
            return body.decode(encoding, errors="replace" if encoding == charset else "strict")
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def _decoder(url: str, encoding: str):
    """A function (compressed chunk, room left) -> decoded bytes, never producing more than the room left."""
    if encoding in ("identity", ""):
        return lambda raw, room: raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected

    def decode(raw: bytes, room: int) -> bytes:
        try:
            return inflate.decompress(raw, max(room, 1))
        except zlib.error as error:
            raise FetchError(url, f"corrupt {encoding} body ({error})") from None

    return decode


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "only http and https URLs are fetched")


def _retry_after(reply: httpx.Response) -> float | None:
    value = reply.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None


def _network_reason(error: httpx.HTTPError) -> str:
    text = str(error)
    if any(s in text for s in ("Name or service not known", "nodename nor servname", "getaddrinfo", "No address")):
        return "host not found (DNS)"
    if "refused" in text.lower():
        return "connection refused"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol ({text or 'connection closed'})"
    return f"network error ({text or type(error).__name__})"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
