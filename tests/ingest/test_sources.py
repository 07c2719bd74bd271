"""Pages, feeds, sitemaps and web archives (issue 18), against a real HTTP server on loopback and a WARC written
by warcio: each source gives articles, each failure names the URL and the reason and costs no other input."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from loopback import (
    Route,
    Server,
    atom,
    news_sitemap,
    rss,
    sample_page,
    sitemap_index,
    write_warc,
)

from newsledger.ingest import sources
from newsledger.ingest.clean import clean_article
from newsledger.ingest.fetch import Fetcher, FetchPolicy
from newsledger.ingest.inputs import read_all
from newsledger.ingest.readers import RawDocument, Rejection, Skipped

FAST = FetchPolicy(delay=0, backoff=0, read_timeout=1, connect_timeout=1, total_timeout=2, retries=1)


@pytest.fixture
def server():
    with Server() as running:
        yield running


def read(inputs, policy: FetchPolicy = FAST) -> list[RawDocument | Rejection | Skipped]:
    with Fetcher(policy) as fetcher:
        return list(read_all(inputs, fetcher=fetcher))


def test_a_page_url_is_an_article_with_its_url_and_outlet(server: Server):
    [path, *_] = server.serve_samples()
    [raw] = read([server.base + path])
    article = clean_article(raw)
    assert article.url == server.base + path and article.outlet == "The Wall Street Journal"
    assert article.title == "Sample story 0" and article.published == "2023-01-29"
    assert "Isfahan" in article.text
    user_agent = next(headers["User-Agent"] for p, headers, _ in server.requests if p == path)
    assert user_agent.startswith("newsledger/")


def test_an_rss_feed_fetches_each_entry_and_fills_what_the_page_lacks(server: Server):
    server.routes["/bare"] = Route(body=sample_page(1, title=False, date=False))
    server.routes["/news/0"] = Route(body=sample_page(0))
    server.routes["/feed.rss"] = Route(body=rss(server.base, ["/news/0", "/bare"], titles=["Feed title 0", "Feed title 1"]),
                                       headers={"Content-Type": "application/rss+xml"})
    raws = read([server.base + "/feed.rss"])
    full, bare = (clean_article(raw) for raw in raws)
    assert full.title == "Sample story 0" and full.published == "2023-01-29"  # the page's own word wins
    assert bare.title == "Feed title 1" and bare.published == "2023-01-29" and bare.author
    assert [raw.origin for raw in raws] == [server.base + "/news/0", server.base + "/bare"]


def test_an_atom_feed_file_on_disk(server: Server, tmp_path: Path):
    links = server.serve_samples()
    (tmp_path / "feed.atom").write_bytes(atom(server.base, links))
    raws = read([tmp_path / "feed.atom"])
    assert [clean_article(raw).outlet for raw in raws] == ["The Wall Street Journal", "The New York Times", "Reuters"]


def test_a_sitemap_index_leads_to_a_news_sitemap_and_its_pages(server: Server):
    server.routes["/plain/0"] = Route(body=sample_page(2, title=False, date=False))
    server.routes["/news-sitemap.xml"] = Route(body=news_sitemap(server.base, ["/plain/0"]),
                                               headers={"Content-Type": "application/xml"})
    server.routes["/sitemap.xml"] = Route(body=sitemap_index(server.base, ["/news-sitemap.xml"]),
                                          headers={"Content-Type": "application/xml"})
    [raw] = read([server.base + "/sitemap.xml"])
    article = clean_article(raw)
    assert article.title == "Sitemap title 0" and article.published == "2023-01-28"
    assert article.outlet == "Reuters"  # the page's og:site_name over the sitemap's publication name


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error (after 1 retries)"),
    ("/silent", "timed out"),
    ("/endless", "over the"),
    ("/bomb", "too large"),
    ("/loop/a", "redirect loop"),
    ("/pdf", "not an HTML page"),
    ("/not-a-feed.xml", "not an RSS/Atom feed or a sitemap"),
])
def test_every_failure_names_the_url_and_the_reason_and_costs_nothing_else(server: Server, path: str, reason: str):
    server.hostile()
    [good] = server.serve_samples()[:1]
    items = read([server.base + path, server.base + good], FetchPolicy(**{**FAST.__dict__, "max_bytes": 1_000_000}))
    rejection, page = items
    assert isinstance(rejection, Rejection) and rejection.origin == server.base + path
    assert reason in rejection.reason, rejection.reason
    assert isinstance(page, RawDocument)


def test_refused_connections_and_other_schemes_are_named(server: Server):
    with Server() as closed:
        dead = closed.base
    items = read([dead + "/x", "ftp://example.org/a", server.base + server.serve_samples()[0]])
    assert [type(i) for i in items] == [Rejection, Rejection, RawDocument]
    assert "connection refused" in items[0].reason
    assert "only http and https" in items[1].reason


def test_a_retry_after_a_503_gets_the_page(server: Server):
    [path, *_] = server.serve_samples()
    page = server.routes[path]
    calls = []

    def once_unavailable(handler):
        calls.append(1)
        if len(calls) == 1:
            handler.send_response(503)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(page.body)))
        handler.end_headers()
        handler.wfile.write(page.body)

    server.routes[path] = Route(action=once_unavailable)
    [raw] = read([server.base + path])
    assert isinstance(raw, RawDocument) and len(calls) == 2


def test_robots_txt_is_obeyed(server: Server):
    server.serve_samples()
    server.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /news/1\n", headers={"Content-Type": "text/plain"})
    items = read([server.base + "/news/0", server.base + "/news/1"])
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Rejection) and "disallowed by" in items[1].reason and "robots.txt" in items[1].reason
    assert "/news/1" not in server.paths()


def test_one_host_is_asked_one_thing_at_a_time_with_a_pause(server: Server):
    paths = server.serve_samples()
    read([server.base + p for p in paths], FetchPolicy(**{**FAST.__dict__, "delay": 0.2}))
    times = [t for p, _, t in server.requests if p.startswith("/news/")]
    assert all(later - earlier >= 0.19 for earlier, later in itertools.pairwise(times))


def test_a_feed_of_100000_entries_is_capped_and_says_so(server: Server, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sources, "MAX_ENTRIES", 3)
    server.serve_samples()
    links = [f"/news/{i % 3}" for i in range(100_000)]
    server.routes["/big.rss"] = Route(body=rss(server.base, links), headers={"Content-Type": "application/rss+xml"})
    items = read([server.base + "/big.rss"], FetchPolicy(**{**FAST.__dict__, "max_bytes": 50_000_000}))
    assert isinstance(items[0], Skipped) and "99,997 more entries" in items[0].reason
    assert [type(i) for i in items[1:]] == [RawDocument] * 3


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_web_archive_gives_each_html_response_and_counts_the_rest(tmp_path: Path, name: str):
    pages = [(f"https://www.nj.com/news/2023/01/story-{i}.html", sample_page(i, date=False)) for i in range(3)]
    write_warc(tmp_path / name, pages)
    items = list(read_all([tmp_path / name]))
    raws = [i for i in items if isinstance(i, RawDocument)]
    assert [raw.hints["url"] for raw in raws] == [uri for uri, _ in pages]
    article = clean_article(raws[0])
    assert article.url == pages[0][0] and article.outlet == "The Wall Street Journal" and article.published
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert "4 records are not HTML pages" in skipped.reason and "3 request" in skipped.reason
    assert "image/png" in skipped.reason


def test_a_file_that_is_not_a_web_archive_is_rejected_with_the_reason(tmp_path: Path):
    (tmp_path / "fake.warc.gz").write_bytes(b"this is not gzip at all")
    (tmp_path / "cut.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    fake, cut = read_all([tmp_path / "fake.warc.gz", tmp_path / "cut.warc"])
    assert isinstance(fake, Rejection) and "not a WARC/ARC archive" in fake.reason
    assert isinstance(cut, Rejection) and cut.reason.startswith("not a readable WARC/ARC archive")


def _stops_midway(handler) -> None:
    page = sample_page(0)
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(2 * len(page)))  # promises more than it sends, then hangs up
    handler.end_headers()
    handler.wfile.write(page[: len(page) * 2 // 3])


def test_a_page_cut_short_keeps_its_text_with_the_mark(server: Server, tmp_path: Path):
    server.routes["/cut"] = Route(action=_stops_midway)
    [raw] = read([server.base + "/cut"])
    downloaded = clean_article(raw)
    [mark] = [r for r in downloaded.removed if r.kind == "truncated"]
    assert mark.text.startswith("the download stopped after") and "Isfahan" in downloaded.text
    uri = "https://www.nj.com/news/2023/01/cut.html"
    write_warc(tmp_path / "cut.warc", [(uri, sample_page(1))], truncated="length")
    [archived] = [clean_article(i) for i in read_all([tmp_path / "cut.warc"]) if isinstance(i, RawDocument)]
    assert [r.text for r in archived.removed if r.kind == "truncated"] == ["the archive record is truncated (length)"]
    unclosed = sample_page(2).replace(b"</article></body></html>", b"")
    [page] = read_all([_written(tmp_path / "unclosed.html", unclosed)])
    assert [r.text for r in clean_article(page).removed if r.kind == "truncated"] == [
        "HTML looks truncated: <body> is opened but never closed"]
    [whole] = read_all([_written(tmp_path / "whole.html", sample_page(2))])
    assert not [r for r in clean_article(whole).removed if r.kind == "truncated"]


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
