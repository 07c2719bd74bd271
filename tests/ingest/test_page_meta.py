"""What a page states about itself (issue 18): placeholder dates, comments, site-name suffixes, UTC dates, outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger import Ledger
from newsledger.config import Config
from newsledger.ingest.clean import clean_article
from newsledger.ingest.html import extract
from newsledger.ingest.page_meta import without_site_name
from newsledger.ingest.readers import RawDocument, read_inputs

SENTENCE = "The mayor said on Saturday that the new bridge over the river would open to traffic next spring. "


def page(head: str = "", body: str = "", title: str = "Bridge to open next spring") -> str:
    paragraphs = body or "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(3))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
            f"<body><article>{paragraphs}</article></body></html>")


def json_ld(**fields) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


def meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "9999-12-31", "1850-06-01", "2999-01-01T10:00:00Z"])
def test_a_placeholder_or_impossible_date_is_no_date(placeholder: str):
    assert extract(page(json_ld(datePublished=placeholder)))[1]["published"] is None
    later = json_ld(datePublished=placeholder) + meta("article:published_time", "2017-03-02T10:00:00-05:00")
    assert extract(page(later))[1]["published"] == "2017-03-02"


def test_a_placeholder_date_in_a_record_is_dropped_not_stored(tmp_path: Path):
    record = {"text": SENTENCE * 3, "published": "0001-01-01"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    [raw] = read_inputs([tmp_path / "a.jsonl"])
    assert raw.meta["published"] is None


def test_a_page_with_a_placeholder_date_is_ingested_without_a_date(tmp_path: Path):
    """It used to be rejected with `events: OverflowError: date value out of range` ("Saturday" before year 1)."""
    (tmp_path / "p.html").write_text(page(json_ld(datePublished="0001-01-01T00:00:00Z")))
    with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as ledger:
        report = ledger.ingest([tmp_path / "p.html"])
        assert not report.rejected and len(report.ingested) == 1
        [article] = ledger.articles()
    assert article.published is None


def test_text_after_an_html_comment_is_kept():
    """Left in the tree, a comment made trafilatura drop the text after it in its parent (NYT, Gizmodo pages)."""
    words = "the story says something long enough to count as article text, with several words and more words"
    body = "".join(f"<div><p>Part {i} {words}.</p><!-- c -->Tail {i} {words}.</div>" for i in range(8))
    text, _ = extract(f"<html><head><title>T</title></head><body><main><article>{body}</article></main></body></html>")
    assert all(f"Tail {i} " in text for i in range(8))


@pytest.mark.parametrize(("title", "head", "expected"), [
    ("Bridge to open – Example News", meta("og:site_name", "Example News"), "Bridge to open"),
    ("Example News | Bridge to open", meta("og:site_name", "Example News"), "Bridge to open"),
    ("Bridge to open - TechCrunch", '<link rel="canonical" href="https://techcrunch.com/2017/03/02/bridge">',
     "Bridge to open"),
    ("Obama – The Early Years | Example News", meta("og:site_name", "Example News"), "Obama – The Early Years"),
    ("Bridge to open", meta("og:site_name", "Example News"), "Bridge to open"),
    ("Bridge", meta("og:title", "Bridge to open – TechCrunch") + meta("og:site_name", "TechCrunch"), "Bridge to open"),
    ("Bridge", meta("og:title", "Bridge to open | nj.com") + meta("og:url", "https://www.nj.com/a"), "Bridge to open"),
])
def test_titles_lose_the_site_name(title: str, head: str, expected: str):
    assert extract(page(head, title=title))[1]["title"] == expected


def test_a_title_that_is_only_the_site_name_is_kept():
    assert without_site_name("Example News", "Example News", None) == "Example News"


def test_a_utc_date_time_gives_way_to_the_local_date_the_page_states():
    """23:30 in New York is 03:30 UTC the next day; the page's own date is the local one."""
    utc, local = "2016-05-03T03:30:00Z", "2016-05-02T23:30:00-04:00"
    assert extract(page(json_ld(datePublished=utc) + meta("article:published_time", local)))[1]["published"] == \
        "2016-05-02"
    url_date = '<link rel="canonical" href="https://news.example/2016/05/02/bridge">'
    assert extract(page(json_ld(datePublished=utc) + url_date))[1]["published"] == "2016-05-02"
    assert extract(page(json_ld(datePublished=utc)))[1]["published"] == "2016-05-03"  # no local date stated


@pytest.mark.parametrize(("head", "url", "expected"), [
    (meta("og:site_name", "Copyright 2014"), "https://www.example-times.com/a", "example-times.com"),
    (meta("og:site_name", "© Example Media Group"), "https://www.example-times.com/a", "example-times.com"),
    (meta("og:site_name", "https://www.hawaiinewsnow.com"), None, "hawaiinewsnow.com"),
    ("", "https://www.nj.com/news/2016/05/bridge.html", "nj.com"),
    ("", "http://hosted.ap.org/dynamic/stories/B", "ap.org"),
    (json_ld(publisher={"@type": "Organization", "name": "The Detroit News"}), "https://www.detroitnews.com/a",
     "The Detroit News"),
])
def test_the_outlet_is_a_name_never_a_copyright_line_or_a_url(head: str, url: str | None, expected: str):
    raw = RawDocument("p.html", None, page(head), {"url": url}, 1)
    assert clean_article(raw).outlet == expected
