"""What a web page states about itself: its publication date, title, outlet and canonical URL.

Pages say these things in several places of unequal trust, and get them wrong in known ways: JSON-LD with the
placeholder date 0001-01-01, titles with the site's name appended, a copyright line or a URL where the site's
name should be. Each reader below takes the most trusted statement that is usable and drops the rest; nothing is
guessed from the body text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import tldextract

from .metadata import usable_date

# <meta> names/properties that state a publication date; generic "date" counts, as it is still the page's own word.
_DATE_META = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date",
}
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[-_])")
# A title's parts around a separator surrounded by spaces: "Headline – Site", "Site | Headline".
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•»:~-]\s+|\s+::\s+")
_NOT_A_NAME = re.compile(r"copyright|©|\(c\)|all rights reserved|^\W*$", re.IGNORECASE)
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|^[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)
_MAX_OUTLET_CHARS = 80
# The Public Suffix List snapshot packaged with tldextract: nothing is fetched at run time.
_DOMAINS = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True)
class StatedDate:
    """A date as the page states it: the calendar date written, and whether that is a UTC date-time (whose
    calendar date can be a day off the page's own, local one)."""

    day: date
    utc: bool


def page_metadata(tree: Any, title: str | None, author: str | None, url: str | None) -> dict[str, str | None]:
    """url, outlet, title, author, published as the page states them (None where it states nothing usable).

    ``title`` and ``author`` come from trafilatura; ``url`` is where the page was found, used when the page
    names no canonical URL of its own.
    """
    page_url = canonical_url(tree) or _http_url(url)
    outlet = stated_outlet(tree) or registered_name(page_url)
    return {
        "url": page_url,
        "outlet": outlet,
        "title": _title(tree, title, outlet, page_url),
        "author": author,
        "published": stated_date(tree, page_url),
    }


def stated_date(tree: Any, url: str | None = None) -> str | None:
    """The publication date in order of trust (JSON-LD, meta tags, <time>, the URL's date), as YYYY-MM-DD.

    A placeholder or impossible date (year before 1900, in the future) is no date. When the chosen date is a UTC
    date-time, a date the page states in its own time zone for the same moment wins, so an evening story in
    New York is not dated the next day.
    """
    stated = [d for d in map(parse_date, _date_candidates(tree, url)) if d is not None]
    if not stated:
        return None
    first = stated[0]
    if first.utc:
        local = next((d for d in stated[1:] if not d.utc and abs(d.day - first.day) <= timedelta(days=1)), None)
        first = local or first
    return first.day.isoformat()


def canonical_url(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").casefold().split() and _http_url(link.get("href")):
            return link.get("href").strip()
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").casefold() == "og:url" and _http_url(meta.get("content")):
            return meta.get("content").strip()
    return None


def stated_outlet(tree: Any) -> str | None:
    """The site's name as the page gives it (og:site_name, else the JSON-LD publisher), if it reads as a name."""
    for meta in tree.iter("meta"):
        is_site_name = (meta.get("property") or meta.get("name") or "").casefold() == "og:site_name"
        if is_site_name and (name := _outlet_name(meta.get("content"))):
            return name
    for node in _json_ld(tree):
        publisher = node.get("publisher") if isinstance(node, dict) else None
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and (name := _outlet_name(publisher.get("name"))):
            return name
    return None


def registered_name(url: str | None) -> str | None:
    """The host's registered domain ("nj.com" for www.nj.com), the outlet's name when the page gives none."""
    if not url:
        return None
    return _DOMAINS(url).top_domain_under_public_suffix or None


def _title(tree: Any, extracted: str | None, outlet: str | None, url: str | None) -> str | None:
    """trafilatura's title without the site's name; when trafilatura took the site's part of a split <title>
    ("Site | Headline" gives "Site"), the <title> element's other part."""
    title = without_site_name(extracted, outlet, url)
    element = tree.find(".//title")
    if title and _squash(title) in _site_names(outlet, url) and element is not None and element.text_content():
        return without_site_name(element.text_content(), outlet, url)
    return title


def without_site_name(title: str | None, outlet: str | None, url: str | None) -> str | None:
    """``title`` without the site's name at its end or start ("Headline – TechCrunch", "Site | Headline").

    A part is the site's name when it matches the outlet or the URL's domain, letters and digits compared
    without case; other parts stay, since "Obama – The Early Years" is a headline.
    """
    if not title:
        return title
    names = _site_names(outlet, url)
    parts = _TITLE_SEPARATOR.split(title.strip())
    while len(parts) > 1 and _squash(parts[-1]) in names:
        parts.pop()
    while len(parts) > 1 and _squash(parts[0]) in names:
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(title.strip())):
        return title.strip()
    return _joined(title.strip(), parts)


def _site_names(outlet: str | None, url: str | None) -> set[str]:
    names = {_squash(n) for n in (outlet, _domain_label(url), registered_name(url)) if n}
    return names - {""}


def _joined(title: str, parts: list[str]) -> str:
    """The kept parts with their original separators, cut out of the title itself."""
    start = title.index(parts[0])
    end = title.rindex(parts[-1]) + len(parts[-1])
    return title[start:end]


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _domain_label(url: str | None) -> str | None:
    return _DOMAINS(url).domain if url else None


def _outlet_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    if _URL_LIKE.search(name):
        return registered_name(name if "://" in name else f"http://{name}")
    if not name or len(name) > _MAX_OUTLET_CHARS or _NOT_A_NAME.search(name) or not re.search(r"[^\W\d_]", name):
        return None
    return name


def _http_url(value: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _date_candidates(tree: Any, url: str | None) -> Iterator[str]:
    for node in _json_ld(tree):
        if isinstance(node, dict) and isinstance(node.get("datePublished"), str):
            yield node["datePublished"]
    for meta in tree.iter("meta"):
        names = {(meta.get(a) or "").strip().casefold() for a in ("name", "property", "itemprop", "http-equiv")}
        if names & _DATE_META and meta.get("content"):
            yield meta.get("content")
    for time in tree.iter("time"):
        if (time.get("itemprop") == "datePublished" or time.get("pubdate") is not None) and time.get("datetime"):
            yield time.get("datetime")
    if url and (match := _URL_DATE.search(urlsplit(url).path)):
        yield "-".join(f"{int(part):02d}" for part in match.groups())


def _json_ld(tree: Any) -> Iterator[Any]:
    """Every object of every JSON-LD block, depth first (``@graph`` lists included); bad JSON is skipped."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # bad syntax, a 4,301-digit number, nesting past the recursion limit
            continue
        yield from _nodes(data)


def _nodes(root: Any) -> Iterator[Any]:
    """Every object and value of a JSON tree, depth first, walked without recursion (any depth)."""
    nodes = [root]
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            yield node
            nodes.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            nodes.extend(reversed(node))


def date_of(value: str) -> str | None:
    """The calendar date ``value`` states (ISO 8601 or RFC 2822) as YYYY-MM-DD, None when unreadable or unusable."""
    stated = parse_date(value)
    return stated.day.isoformat() if stated else None


def parse_date(value: str) -> StatedDate | None:
    """ISO 8601 first, then the RFC 2822 form some CMSs write; markup we cannot read is ignored, never guessed at."""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    day = usable_date(moment.date())
    if day is None:
        return None
    return StatedDate(day, utc=len(value) > 10 and moment.utcoffset() == timedelta(0))
