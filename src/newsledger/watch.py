"""Following feeds: poll each feed (RSS/Atom or a news sitemap), ingest the entries not read before, remember them.

What was read lives in the ledger (``store.feeds``), so a watch that is stopped and started again asks each feed
conditionally (ETag, Last-Modified) and fetches no entry twice. An entry whose page could not be fetched is not
marked read: the next poll tries it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsledger.api import Ledger
from newsledger.ingest.feeds import read_listing
from newsledger.ingest.fetch import Fetcher, FetchError
from newsledger.ingest.readers import InputError
from newsledger.ingest.sources import MAX_ENTRIES, Unreachable
from newsledger.pipeline import IngestReport
from newsledger.store.errors import LedgerBusy
from newsledger.store.feeds import FeedLog, FeedState

MIN_INTERVAL = 60.0  # seconds: feeds change in minutes, and asking a site more often is not polite


@dataclass(frozen=True)
class Poll:
    """One feed polled: how many entries were new, what their ingest gave, or why the feed could not be read."""

    feed: str
    new: int = 0
    not_modified: bool = False
    report: IngestReport | None = None
    failure: str | None = None


def poll(ledger: Ledger, feeds: Iterable[str], fetcher: Fetcher) -> list[Poll]:
    """Poll each feed once; a feed that fails is reported and costs the others nothing. While another process
    writes the ledger, a feed is left for the next poll (nothing of it is recorded as read)."""
    log = FeedLog(ledger.store)
    results = []
    for feed in feeds:
        try:
            results.append(_poll_one(ledger, log, feed, fetcher))
        except LedgerBusy as error:
            results.append(Poll(feed, failure=f"{error}; left for the next poll"))
    return results


def watch(ledger: Ledger, feeds: list[str], every: float, fetcher: Fetcher, cycles: int | None = None,
          on_poll: Callable[[Poll], None] = lambda _: None) -> None:
    """Poll the feeds every ``every`` seconds, ``cycles`` times (None: until interrupted, e.g. by Ctrl-C)."""
    done = 0
    while cycles is None or done < cycles:
        started = time.monotonic()
        for result in poll(ledger, feeds, fetcher):
            on_poll(result)
        done += 1
        if cycles is None or done < cycles:
            time.sleep(max(0.0, started + every - time.monotonic()))


def _poll_one(ledger: Ledger, log: FeedLog, feed: str, fetcher: Fetcher) -> Poll:
    state = log.state(feed)
    try:
        response = fetcher.get(feed, state.etag, state.last_modified)
    except FetchError as error:
        return Poll(feed, failure=error.reason)
    validators = FeedState(response.etag, response.last_modified)
    if response.not_modified:
        log.record(feed, state)
        return Poll(feed, not_modified=True)
    try:
        listing = read_listing(response.body, MAX_ENTRIES)
    except InputError as error:
        return Poll(feed, failure=str(error))
    if listing.sitemaps:
        return Poll(feed, failure="a sitemap index: watch the sitemaps it lists instead")
    seen = log.seen(feed, [entry.key for entry in listing.entries])
    fresh = [entry for entry in listing.entries if entry.key not in seen]
    report = ledger.ingest(fresh, fetcher=fetcher) if fresh else IngestReport()
    retry = {rejection.origin for rejection in report.rejected if isinstance(rejection, Unreachable)}
    log.record(feed, validators, [entry.key for entry in fresh if entry.link not in retry])
    return Poll(feed, new=len(fresh), report=report)


def parse_interval(text: str) -> float:
    """Seconds in "90", "90s", "15m", "2h" (at least a minute); ValueError with the reason otherwise."""
    units = {"s": 1, "m": 60, "h": 3600}
    value = text.strip().lower()
    number, unit = (value[:-1], value[-1]) if value and value[-1] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        raise ValueError(f"{text!r} is not an interval (e.g. 90s, 15m, 2h)") from None
    if seconds < MIN_INTERVAL:
        raise ValueError(f"{text!r} is under a minute: feeds are polled at most once a minute")
    return seconds
