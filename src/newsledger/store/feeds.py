"""What `newsledger watch` remembers of each feed in the ledger: the validators of its last answer (ETag,
Last-Modified) and the entries already read, so a restarted watch asks conditionally and fetches nothing twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from . import schema as t
from .ledger import Store


@dataclass(frozen=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None


class FeedLog:
    """The ledger's record of polled feeds, read and written in short transactions of its own."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def state(self, feed: str) -> FeedState:
        with self.engine.connect() as connection:
            row = connection.execute(select(t.feeds).where(t.feeds.c.url == feed)).first()
        return FeedState(row.etag, row.last_modified) if row else FeedState()

    def seen(self, feed: str, entries: Iterable[str]) -> set[str]:
        wanted = list(set(entries))
        if not wanted:
            return set()
        column = t.feed_entries.c.entry
        with self.engine.connect() as connection:
            rows = connection.execute(select(column).where(t.feed_entries.c.feed == feed, column.in_(wanted)))
            return {row.entry for row in rows}

    def record(self, feed: str, state: FeedState, entries: Iterable[str] = ()) -> None:
        """The feed's new validators and the entries now read, in one transaction, holding the writer lock
        (``LedgerBusy`` when another process writes the ledger)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        values = {"etag": state.etag, "last_modified": state.last_modified, "checked": now}
        with self.store.writer(), self.engine.begin() as connection:
            known = connection.execute(select(t.feeds.c.url).where(t.feeds.c.url == feed)).first()
            if known:
                connection.execute(update(t.feeds).where(t.feeds.c.url == feed).values(**values))
            else:
                connection.execute(insert(t.feeds).values(url=feed, **values))
            new = sorted(set(entries))
            if new:
                connection.execute(insert(t.feed_entries), [{"feed": feed, "entry": e, "seen": now} for e in new])
