"""Inputs that are not article files: URLs of pages, feeds and sitemaps, feed and sitemap files, web archives.

Each becomes the same ``RawDocument``/``Rejection`` items as a file does, so one bad URL, entry or record costs
nothing else: a page that cannot be fetched is a Rejection naming its URL and the reason. A feed entry's or a
sitemap's title, date and author travel as ``hints``, used where the page itself states none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from .feeds import Entry, is_listing, read_listing
from .fetch import HTML_TYPES, Fetcher, FetchError, Response, decoded
from .readers import META_FIELDS, InputError, RawDocument, Rejection, Skipped
from .readers import _document as document  # the checks every page passes, files or not
from .warc import ARCHIVE_SUFFIXES, read_archive

LISTING_SUFFIXES = (".rss", ".atom", ".xml")
MAX_ENTRIES = 1000  # pages read from one feed or sitemap; a feed of 100,000 entries is a flood, not news
MAX_SITEMAPS = 50  # child sitemaps followed from one sitemap index


class Unreachable(Rejection):
    """A page that could not be fetched (network, HTTP error, robots.txt): unlike a page read and found wanting,
    it may be there next time, so a watch asks again."""


class Sources:
    """Reads URLs and feed/archive files with one polite ``Fetcher`` for the whole run."""

    def __init__(self, fetcher: Fetcher | None = None) -> None:
        self._fetcher = fetcher

    @staticmethod
    def handles(path: Path) -> bool:
        """Whether ``path`` is a feed, sitemap or web archive file (read here rather than as an article file)."""
        return path.name.lower().endswith(ARCHIVE_SUFFIXES) or path.suffix.lower() in LISTING_SUFFIXES

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:  # made on first use: an ingest of files opens no HTTP client
            self._fetcher = Fetcher()
        return self._fetcher

    def read_path(self, path: Path, max_bytes: int) -> Iterator[RawDocument | Rejection | Skipped]:
        """A web archive's pages, or the pages a feed or sitemap file links to; a file that cannot be read is a
        Rejection with the reason."""
        try:
            size = path.stat().st_size
            if size == 0:
                raise InputError("empty file")
            if path.name.lower().endswith(ARCHIVE_SUFFIXES):
                yield from read_archive(path, max_bytes)
                return
            if size > max_bytes:
                raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            yield from self._listing(str(path), path.read_bytes(), depth=0)
        except InputError as error:
            yield Rejection(str(path), str(error))
        except OSError as error:
            yield Rejection(str(path), f"cannot read: {(error.strerror or str(error)).lower()}")

    def read_url(self, url: str) -> Iterator[RawDocument | Rejection | Skipped]:
        """The page at ``url``, or the pages of the feed or sitemap there."""
        try:
            response = self.fetcher.get(url)
        except FetchError as error:
            yield Rejection(url, error.reason)
            return
        if is_listing(response.body) or "xml" in response.content_type:
            yield from self._listing(url, response.body, depth=0)
        elif _is_html(response):
            yield _page(url, response, {})
        else:
            yield Rejection(url, f"not an HTML page, a feed or a sitemap (content type {response.content_type!r})",
                            len(response.body))

    def read_entries(self, entries: list[Entry]) -> Iterator[RawDocument | Rejection]:
        """The page of each entry, its hints below what the page states."""
        for entry in entries:
            try:
                response = self.fetcher.get(entry.link)
            except FetchError as error:
                yield Unreachable(entry.link, error.reason)
                continue
            if _is_html(response):
                yield _page(entry.link, response, entry.hints)
            else:
                yield Rejection(entry.link, f"not an HTML page (content type {response.content_type!r})",
                                len(response.body))

    def _listing(self, origin: str, body: bytes, depth: int) -> Iterator[RawDocument | Rejection | Skipped]:
        try:
            listing = read_listing(body, MAX_ENTRIES)
        except InputError as error:
            yield Rejection(origin, str(error), len(body))
            return
        if listing.sitemaps:
            yield from self._sitemap_index(origin, listing.sitemaps, depth)
        if listing.total > len(listing.entries):
            yield Skipped(origin, f"{listing.total - len(listing.entries):,} more entries not read "
                                  f"(the first {len(listing.entries):,} of {listing.total:,} were)")
        yield from self.read_entries(listing.entries)

    def _sitemap_index(self, origin: str, sitemaps: list[str], depth: int):
        if depth >= 1:  # an index of indexes is allowed by no sitemap protocol version
            yield Rejection(origin, "a sitemap index inside a sitemap index (not followed)")
            return
        if len(sitemaps) > MAX_SITEMAPS:
            yield Skipped(origin, f"{len(sitemaps) - MAX_SITEMAPS:,} more sitemaps not read")
        for url in sitemaps[:MAX_SITEMAPS]:
            try:
                response = self.fetcher.get(url)
            except FetchError as error:
                yield Rejection(url, error.reason)
                continue
            yield from self._listing(url, response.body, depth + 1)


def _is_html(response: Response) -> bool:
    head = response.body[:1024].lstrip().lower()
    return response.content_type in HTML_TYPES or (not response.content_type and head.startswith((b"<!doctype html",
                                                                                                  b"<html")))


def _page(origin: str, response: Response, hints: dict[str, str | None]) -> RawDocument | Rejection:
    """A fetched page as a RawDocument: decoded by its declared charset, else by detection."""
    html = decoded(response.body, response.charset)
    meta = dict.fromkeys(META_FIELDS)
    try:
        page = document(origin, html, True, meta, len(response.body))
    except InputError as error:
        return Rejection(origin, str(error), len(response.body))
    return dataclasses.replace(page, hints={**hints, "url": response.url, "truncated": response.truncated})

