"""A real HTTP server on loopback for the source tests: recorded pages and feeds made from the bundled sample
articles, and hostile routes (silence, an endless body, a gzip bomb, a redirect loop, a huge feed)."""

from __future__ import annotations

import gzip
import html
import io
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "sample"
OUTLETS = ("The Wall Street Journal", "The New York Times", "Reuters")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    action: Callable[[BaseHTTPRequestHandler], None] | None = None  # a hostile behaviour instead of a reply


def sample_page(index: int, *, title: bool = True, date: bool = True, comment: bool = False) -> bytes:
    """The sample article ``index`` as a news page, with the page metadata a CMS writes."""
    text = sorted(SAMPLE.glob("*.txt"))[index].read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    marker = "<!-- ad -->" if comment else ""
    body = "".join(f"<p>{html.escape(p)}</p>{marker}" for p in paragraphs)
    head = f'<meta property="og:site_name" content="{OUTLETS[index]}">'
    if title:
        head += f"<title>Sample story {index} | {OUTLETS[index]}</title>"
    if date:
        head += f'<script type="application/ld+json">{json.dumps({"datePublished": "2023-01-29T21:00:00-05:00"})}</script>'
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>".encode()


def rss(base: str, links: list[str], *, titles: list[str] | None = None) -> bytes:
    titles = titles or [f"Entry {i}" for i in range(len(links))]
    items = "".join(
        f"<item><title>{html.escape(titles[i])}</title><link>{base}{link}</link>"
        f"<guid>{base}{link}</guid><pubDate>Sun, 29 Jan 2023 14:00:00 -0500</pubDate>"
        f"<author>desk@example.org (News Desk)</author></item>"
        for i, link in enumerate(links)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Sample feed</title><link>{base}/</link>'
            f"{items}</channel></rss>").encode()


def atom(base: str, links: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Atom entry {i}</title><link href="{base}{link}"/><id>tag:example,2023:{i}</id>'
        f"<updated>2023-01-29T14:00:00Z</updated></entry>" for i, link in enumerate(links)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>'
            f"<id>tag:example,2023:feed</id><updated>2023-01-29T14:00:00Z</updated>{entries}</feed>").encode()


def news_sitemap(base: str, links: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{link}</loc><news:news><news:publication><news:name>Sitemap News</news:name>"
        f"<news:language>en</news:language></news:publication><news:publication_date>2023-01-28</news:publication_date>"
        f"<news:title>Sitemap title {i}</news:title></news:news></url>" for i, link in enumerate(links)
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def sitemap_index(base: str, sitemaps: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{base}{s}</loc></sitemap>" for s in sitemaps)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{items}</sitemapindex>").encode()


def _silence(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(3)  # longer than the tests' read timeout


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        handler.wfile.write(b"<html><body>")
        while True:
            handler.wfile.write(b"<p>more</p>" * 1000)
    except OSError:
        return


def gzip_bomb() -> Route:
    """100 MB of zeros in about 100 KB of gzip, declared as a compressed HTML page."""
    return Route(body=gzip.compress(b"\0" * (100 * 1024 * 1024), compresslevel=9),
                 headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})


class Server:
    """ThreadingHTTPServer on 127.0.0.1 in a thread; routes by path; records each request's path, headers, time."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Route(404)}
        self.requests: list[tuple[str, dict[str, str], float]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers), time.monotonic()))
                route = server.routes.get(self.path, Route(404, b"not found"))
                if route.action:
                    route.action(self)
                    return
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.requests]

    def serve_samples(self) -> list[str]:
        """The three sample pages at /news/0 … /news/2; returns their paths."""
        for i in range(3):
            self.routes[f"/news/{i}"] = Route(body=sample_page(i))
        return [f"/news/{i}" for i in range(3)]

    def hostile(self) -> None:
        self.routes |= {
            "/silent": Route(action=_silence),
            "/endless": Route(action=_endless),
            "/bomb": gzip_bomb(),
            "/loop/a": Route(302, headers={"Location": "/loop/b"}),
            "/loop/b": Route(302, headers={"Location": "/loop/a"}),
            "/missing": Route(404),
            "/broken": Route(500),
            "/pdf": Route(body=b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}),
            "/not-a-feed.xml": Route(body=b"<?xml version='1.0'?><catalog><book/></catalog>",
                                     headers={"Content-Type": "application/xml"}),
        }


def write_warc(path: Path, pages: list[tuple[str, bytes]], truncated: str | None = None) -> None:
    """A web archive as a crawler writes it: per page a response and a request record; then an image. With
    ``truncated``, each response is marked ``WARC-Truncated`` with that reason."""
    marks = {"WARC-Truncated": truncated} if truncated else None
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=path.suffix == ".gz")
        for uri, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers, warc_headers_dict=marks))
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=request))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://www.nj.com/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
