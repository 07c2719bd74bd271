"""Web archives (WARC and ARC, plain or gzipped) read with warcio: each HTML response record is a page.

A page keeps its target URI (its url, so the outlet can be named from the host) and the capture date as a hint
(used only when the page states no date of its own). Requests, metadata, redirects and responses that are not
HTML are skipped and counted, once per archive, since a crawl holds several such records per page.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from .fetch import HTML_TYPES, decoded, media_type
from .page_meta import date_of
from .readers import META_FIELDS, InputError, RawDocument, Rejection, Skipped
from .readers import _document as document  # the checks every page passes, files or not

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def read_archive(path: Path, max_bytes: int) -> Iterator[RawDocument | Rejection | Skipped]:
    """The pages of the archive at ``path``; a bad record is a Rejection, a broken archive ends with one."""
    skipped: Counter[str] = Counter()
    if not _starts_like_an_archive(path):
        raise InputError("not a WARC/ARC archive (it does not open with a WARC or ARC header)")
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream, arc2warc=True), 1):
                kind = _kind(record)
                if kind is not None:
                    skipped[kind] += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{path}#{number} {uri}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Rejection(origin, f"record is over the {max_bytes:,}-byte limit", max_bytes)
                    continue
                _, charset = media_type(record.http_headers.get_header("Content-Type") or "")
                cut = record.rec_headers.get_header("WARC-Truncated")
                hints = {"url": uri, "published": date_of(record.rec_headers.get_header("WARC-Date") or ""),
                         "truncated": f"the archive record is truncated ({cut})" if cut else None}
                try:
                    page = document(origin, decoded(body, charset), True, dict.fromkeys(META_FIELDS), len(body))
                except InputError as error:
                    yield Rejection(origin, str(error), len(body))
                    continue
                yield RawDocument(page.origin, page.text, page.html, page.meta, page.size, hints)
        except Exception as error:  # noqa: BLE001 - warcio fails on malformed records with assorted errors
            yield Rejection(str(path), f"not a readable WARC/ARC archive ({type(error).__name__}: {error})")
    if skipped:
        counts = ", ".join(f"{count:,} {kind}" for kind, count in sorted(skipped.items()))
        yield Skipped(str(path), f"{sum(skipped.values()):,} records are not HTML pages ({counts})")


def _starts_like_an_archive(path: Path) -> bool:
    """warcio reads any line as an ARC header, so a file that is no archive at all is told apart first."""
    with path.open("rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        try:
            start = (gzip.GzipFile(fileobj=stream) if head == b"\x1f\x8b" else stream).read(16)
        except (OSError, EOFError):
            return False
    return start.startswith((b"WARC/", b"filedesc://"))


def _kind(record) -> str | None:
    """Why a record is not a page (its type, or the content type of a response), None for an HTML response."""
    if record.rec_type != "response":
        return f"{record.rec_type} record(s)"
    if record.http_headers is None:
        return "response(s) without HTTP headers"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP {status} response(s)"
    media, _ = media_type(record.http_headers.get_header("Content-Type") or "")
    return None if media in HTML_TYPES else f"{media or 'untyped'} response(s)"

