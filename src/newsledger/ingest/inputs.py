"""Every kind of input in one stream: article files and folders (``readers``), and URLs, feed entries, feed and
sitemap files and web archives (``sources``), item by item in the order given."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .feeds import Entry
from .fetch import Fetcher
from .metadata import Metadata
from .readers import (
    DEFAULT_MAX_BYTES,
    RawDocument,
    Rejection,
    Skipped,
    discover,
    read_inputs,
)
from .sources import Sources

Input = str | Path | Entry


def is_url(source: object) -> bool:
    """Whether an input names a URL ("scheme://…") rather than a path; only http(s) ones will be fetched."""
    return isinstance(source, str) and re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None


def as_input(source: str | Path | Entry) -> Input:
    """A path given as text becomes a Path; URLs and feed entries stay as they are."""
    return source if is_url(source) or isinstance(source, Entry) else Path(source)


def read_all(
    inputs: Iterable[Input], metadata: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | Rejection | Skipped]:
    """Every item of every input; a bad file, record, URL or entry is a ``Rejection`` and reading goes on.

    One ``fetcher`` (a polite default unless given) serves the whole run, so robots.txt and the pause between
    two requests to a host hold across inputs."""
    sources = Sources(fetcher)
    for source in inputs:
        if isinstance(source, Entry):
            yield from sources.read_entries([source])
        elif is_url(source):
            yield from sources.read_url(str(source))
        else:
            for path in discover([source]):
                if isinstance(path, Rejection):
                    yield path
                elif sources.handles(path):
                    yield from sources.read_path(path, max_bytes)
                else:
                    yield from read_inputs([path], metadata, max_bytes)
