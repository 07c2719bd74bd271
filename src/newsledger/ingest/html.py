"""HTML pages: spot truncated files, extract the main text with trafilatura, read the metadata the page states."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from itertools import islice
from typing import Any, Iterator

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .metadata import iso_date

# <meta> names/properties that state a publication date; generic "date" counts, as it is still the page's own word.
_DATE_META = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date",
}

# lxml refuses str input that declares a byte encoding; the text is already decoded, so the declaration is moot.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


# trafilatura's cost grows faster than the number of elements (20,000 <p>: 2.6 s, 40,000: 15 s), and a news
# page has a few thousand; what comes after the first MAX_ELEMENTS elements is not read (and the cut is said).
MAX_ELEMENTS = 20_000
CUT = "cut"  # the key of the page's metadata that says what was not read

# libxml2 stops at 256 levels of nesting unless told otherwise, and pages built of nested <div>s go deeper.
_PARSER = lxml_html.HTMLParser(huge_tree=True)


def truncation(html: str) -> str | None:
    """Why ``html`` looks cut off, or None.

    Rule: the page's content container — ``<body>``, or ``<html>`` when there is no ``<body>`` — must be closed
    if it was opened. HTML lets authors omit these end tags, but publishing systems always write them, and a
    download or copy that stops early loses exactly that tail, so a missing one means we would read half an
    article as if it were whole. Fragments with neither tag (an ``html`` field in a JSON record) pass.
    """
    for tag in ("body", "html"):
        if re.search(rf"<{tag}[\s>/]", html, re.IGNORECASE):
            if re.search(rf"</{tag}\s*>", html, re.IGNORECASE):
                return None
            return f"HTML looks truncated: <{tag}> is opened but never closed"
    return None


def extract(html: str) -> tuple[str, dict[str, str | None]]:
    """Main text (may be empty) and stated metadata (url, outlet, title, author, published) of a page.

    trafilatura's own date is discarded: htmldate falls back to dates in the URL, in the body text, even a
    copyright year (a page with only "© 2020" gets 2020-01-01), so ``published`` comes from publication markup
    alone. Its cheap mode is asked for only to save time.
    """
    try:  # lxml rather than trafilatura's loader, which refuses fragments such as a JSON record's "<p>…</p>"
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=_PARSER)
    except (ValueError, etree.LxmlError):
        return "", {}
    dropped = _trimmed(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta = {"published": stated_date(tree)}
    if dropped:
        meta[CUT] = f"[{dropped:,} elements of the page not read: over the limit of {MAX_ELEMENTS:,} per page]"
    if document is None:
        return "", meta
    meta |= {"url": document.url, "outlet": document.sitename, "title": document.title, "author": document.author}
    return document.text or "", meta


def _trimmed(tree: Any) -> int:
    """Remove every element after the first MAX_ELEMENTS in document order (with its text); how many there were."""
    after = list(islice(tree.iter(), MAX_ELEMENTS, None))
    for element in after:
        if (parent := element.getparent()) is not None:
            parent.remove(element)
    return len(after)


def stated_date(tree: Any) -> str | None:
    """The first publication date the page's markup states (meta tags, <time>, JSON-LD), as YYYY-MM-DD."""
    for value in _date_candidates(tree):
        date = _parse_date(value)
        if date:
            return date
    return None


def _date_candidates(tree: Any) -> Iterator[str]:
    for meta in tree.iter("meta"):
        names = {(meta.get(a) or "").strip().casefold() for a in ("name", "property", "itemprop", "http-equiv")}
        if names & _DATE_META and meta.get("content"):
            yield meta.get("content")
    for time in tree.iter("time"):
        if (time.get("itemprop") == "datePublished" or time.get("pubdate") is not None) and time.get("datetime"):
            yield time.get("datetime")
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # bad syntax, a 4,301-digit number, nesting past the recursion limit
            continue
        yield from _json_ld_dates(data)


def _json_ld_dates(root: Any) -> Iterator[str]:
    """Every ``datePublished`` in a JSON-LD tree, depth first, walked without recursion (any depth)."""
    nodes = [root]
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                yield node["datePublished"]
            nodes.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            nodes.extend(reversed(node))


def _parse_date(value: str) -> str | None:
    """ISO first, then the RFC 2822 form some CMSs write; markup we cannot read is ignored, never guessed at."""
    try:
        return iso_date(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
