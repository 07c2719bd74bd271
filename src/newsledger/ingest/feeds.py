"""Feeds and sitemaps: the list of article links a site publishes, with what it says of each.

RSS and Atom are read with feedparser (every version and its dialects); sitemaps, a small fixed XML schema, with
lxml under a parser that resolves no entities and fetches nothing. An entry keeps its own title, date and author,
used for the page only where the page states none.
"""

from __future__ import annotations

from dataclasses import dataclass

import feedparser
from lxml import etree

from .page_meta import date_of
from .readers import InputError

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class Entry:
    """A link to an article and what the feed or sitemap says of it (url, title, published, author, outlet)."""

    link: str
    hints: dict[str, str | None]
    key: str  # what identifies the entry across polls: its guid/id, else its link


@dataclass(frozen=True)
class Listing:
    """A feed or sitemap read: its article entries, and (a sitemap index) the sitemaps it lists."""

    kind: str  # "feed", "sitemap" or "sitemap index"
    entries: list[Entry]  # the first ``limit`` of them
    sitemaps: list[str]
    total: int  # entries the listing holds


def is_listing(body: bytes) -> bool:
    """Whether ``body`` looks like XML (a feed or sitemap) rather than an HTML page: its first tag is not <html>."""
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf")) and b"<html" not in head


def read_listing(body: bytes, limit: int) -> Listing:
    """The first ``limit`` entries of a feed or sitemap; anything else is an InputError saying what it is not."""
    root = _xml_root(body)
    if root is not None and root.tag in (f"{_SITEMAP_NS}urlset", "urlset"):
        urls = [url for url in _children(root, "url") if _loc(url)]
        return Listing("sitemap", [_sitemap_entry(url) for url in urls[:limit]], [], len(urls))
    if root is not None and root.tag in (f"{_SITEMAP_NS}sitemapindex", "sitemapindex"):
        sitemaps = [loc for sitemap in _children(root, "sitemap") if (loc := _loc(sitemap))]
        return Listing("sitemap index", [], sitemaps, 0)
    total, body = _cut(root, body, limit)
    return _feed(body, total)


def _cut(root, body: bytes, limit: int) -> tuple[int, bytes]:
    """The number of items of a well-formed feed, and the feed cut to its first ``limit`` items: feedparser
    takes about a minute over 100,000 entries, lxml a fraction of a second to drop them."""
    if root is None:
        return 0, body
    items = [node for node in root.iter("{*}item", "{*}entry")]
    for item in items[limit:]:
        item.getparent().remove(item)
    return len(items), etree.tostring(root) if len(items) > limit else body


def _feed(body: bytes, total: int) -> Listing:
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(f"not an RSS/Atom feed or a sitemap ({problem or 'no feed elements'})")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next((l.get("href") for l in item.get("links", []) if l.get("href")), None)
        if link:
            hints = {"url": link, "title": item.get("title"), "author": item.get("author"),
                     "published": date_of(item.get("published") or item.get("updated") or "")}
            entries.append(Entry(link, hints, item.get("id") or link))
    return Listing("feed", entries, [], max(total, len(entries)))


def _xml_root(body: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _children(root, name: str):
    return [child for child in root if child.tag in (f"{_SITEMAP_NS}{name}", name)]


def _loc(node) -> str | None:
    loc = node.find(f"{_SITEMAP_NS}loc")
    loc = loc if loc is not None else node.find("loc")
    return loc.text.strip() if loc is not None and loc.text and loc.text.strip() else None


def _sitemap_entry(url) -> Entry:
    """A <url>: its <loc>, and for a news sitemap the <news:news> title, date and publication name."""
    link = _loc(url)
    news = url.find(f"{_NEWS_NS}news")
    hints: dict[str, str | None] = {"url": link}
    if news is not None:
        hints |= {
            "title": news.findtext(f"{_NEWS_NS}title"),
            "published": date_of(news.findtext(f"{_NEWS_NS}publication_date") or ""),
            "outlet": news.findtext(f"{_NEWS_NS}publication/{_NEWS_NS}name"),
        }
    return Entry(link, hints, link)
