"""HTML pages: spot truncated files, extract the main text with trafilatura, read the metadata the page states."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .page_meta import page_metadata

# lxml refuses str input that declares a byte encoding; the text is already decoded, so the declaration is moot.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Without comments, as trafilatura's own loader parses: left in the tree, an HTML comment makes trafilatura drop
# the text that follows it in its parent (``<div><p>…</p><!-- ad -->text</div>`` loses "text"). One parser per
# page, as an lxml parser must not be shared between threads. libxml2 stops at 256 levels of nesting unless told
# otherwise (huge_tree), and pages built of nested <div>s go deeper.
_PARSER_OPTIONS = {"remove_comments": True, "remove_pis": True, "huge_tree": True}
# trafilatura's cost grows faster than the number of elements (20,000 <p>: 2.6 s, 40,000: 15 s), and a news
# page has a few thousand; what comes after the first MAX_ELEMENTS elements is not read (and the cut is said).
MAX_ELEMENTS = 20_000
CUT = "cut"  # the key of the page's metadata that says what was not read


def truncation(html: str) -> str | None:
    """Why ``html`` looks cut off, or None.

    Rule: the page's content container — ``<body>``, or ``<html>`` when there is no ``<body>`` — must be closed
    if it was opened. HTML lets authors omit these end tags, but publishing systems always write them, and a
    download or copy that stops early loses exactly that tail, so a missing one means the article may be half
    there: it is kept with a ``truncated`` mark (``clean.clean_article``), never read as whole nor lost.
    Fragments with neither tag (an ``html`` field in a JSON record) pass.
    """
    for tag in ("body", "html"):
        if re.search(rf"<{tag}[\s>/]", html, re.IGNORECASE):
            if re.search(rf"</{tag}\s*>", html, re.IGNORECASE):
                return None
            return f"HTML looks truncated: <{tag}> is opened but never closed"
    return None


def extract(html: str, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """Main text (may be empty) and stated metadata (url, outlet, title, author, published) of a page.

    ``url`` is where the page was found, if known. trafilatura's own date and site name are discarded:
    htmldate falls back to dates in the body text, even a copyright year, and the site name to a copyright line or
    the host's first label ("Nj"), so ``page_meta`` reads those from the page's markup. Its cheap date mode is
    asked for only to save time.
    """
    try:  # lxml rather than trafilatura's loader, which refuses fragments such as a JSON record's "<p>…</p>"
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1),
                                              parser=lxml_html.HTMLParser(**_PARSER_OPTIONS))
    except (ValueError, etree.LxmlError):
        return "", {}
    dropped = _trimmed(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        text, meta = "", page_metadata(tree, None, None, url)
    else:
        text, meta = document.text or "", page_metadata(tree, document.title, document.author, url)
    if dropped:
        meta[CUT] = f"[{dropped:,} elements of the page not read: over the limit of {MAX_ELEMENTS:,} per page]"
    return text, meta


def _trimmed(tree: Any) -> int:
    """Remove every element after the first MAX_ELEMENTS in document order (with its text); how many there were."""
    after = list(islice(tree.iter(), MAX_ELEMENTS, None))
    for element in after:
        if (parent := element.getparent()) is not None:
            parent.remove(element)
    return len(after)
