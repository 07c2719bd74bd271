"""What the pages keep in memory: every story's summary and outlets, for the story list (its filters, sorts and
facet choices), and the briefs of recently viewed stories. No article text: search goes through the store's
full-text index (``store.search``), single records through indexed look-ups.

The summaries are read by the first page that needs them, not at start-up, and read again when an ingest has
added articles since (the server reads a ledger that ``newsledger ingest`` may still be writing): each request
checks the ledger's version (``store.catalog.version``, indexed look-ups). Briefs are cached per version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from newsledger.records import Story
from newsledger.report.brief import Exclusion, build_brief
from newsledger.store import catalog
from newsledger.store.ledger import Store


@dataclass(frozen=True)
class Snapshot:
    """The story summaries of one version of the ledger: replaced whole, so a request never sees half of a
    rebuild."""

    version: tuple[int, int]
    stories: list[Story]  # ordered by id
    by_id: dict[str, Story]
    outlets: dict[str, list[str]]  # story id -> its articles' outlets


class Catalog:
    BRIEFS_KEPT = 64  # briefs of big stories cost 100+ ms to build and are the ones analysts come back to

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._briefs: OrderedDict[str, dict[str, Any]] = OrderedDict()  # most recently used last
        self._briefs_version: tuple[int, int] | None = None
        self._briefs_lock = threading.Lock()

    def current(self) -> Snapshot:
        version = catalog.version(self.store)
        if self._snapshot is None or version != self._snapshot.version:
            with self._lock:
                if self._snapshot is None or version != self._snapshot.version:
                    self._snapshot = self._build(version)
        return self._snapshot

    def story(self, story_id: str) -> Story | None:
        """One story, read from the store (an indexed look-up): a story page needs no summaries of the others."""
        return self.store.story(story_id)

    def brief(self, story: Story, exclude: Exclusion = Exclusion()) -> dict[str, Any]:
        """The story's brief, built once per version of the ledger; a brief that leaves articles out is computed
        anew each time."""
        if exclude:
            return build_brief(self.store, story, exclude)
        version = catalog.version(self.store)
        with self._briefs_lock:
            if version != self._briefs_version:
                self._briefs.clear()
                self._briefs_version = version
            if story.id in self._briefs:
                self._briefs.move_to_end(story.id)
                return self._briefs[story.id]
        brief = build_brief(self.store, story)
        with self._briefs_lock:
            if version == self._briefs_version:
                self._briefs[story.id] = brief
                while len(self._briefs) > self.BRIEFS_KEPT:
                    self._briefs.popitem(last=False)
        return brief

    def _build(self, version: tuple[int, int]) -> Snapshot:
        stories = sorted(self.store.stories(), key=lambda s: s.id)
        return Snapshot(version, stories, {s.id: s for s in stories}, catalog.story_outlets(self.store))
