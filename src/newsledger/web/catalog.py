"""What the pages need in memory: every story's summary, which story each article is in, its outlets, and the
briefs of recently viewed stories. Built once at start-up and rebuilt when an ingest has added articles
since (the server reads a ledger that ``newsledger ingest`` may still be writing): each request checks the
ledger's version (``store.catalog.version``, indexed look-ups).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from newsledger.records import Story
from newsledger.report.brief import Exclusion, build_brief
from newsledger.store import catalog
from newsledger.store.ledger import Store


@dataclass(frozen=True)
class Snapshot:
    """The catalog of one version of the ledger: replaced whole, so a request never sees half of a rebuild."""

    version: tuple[int, int]
    stories: list[Story]  # ordered by id
    by_id: dict[str, Story]
    story_of: dict[str, str]  # article id -> story id
    outlets: dict[str, list[str]]  # story id -> its articles' outlets
    briefs: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)  # most recently used last
    lock: threading.Lock = field(default_factory=threading.Lock)


class Catalog:
    BRIEFS_KEPT = 64  # briefs of big stories cost 100+ ms to build and are the ones analysts come back to

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._snapshot = self._build(catalog.version(self.store))

    def current(self) -> Snapshot:
        version = catalog.version(self.store)
        if version != self._snapshot.version:
            with self._lock:
                if version != self._snapshot.version:
                    self._snapshot = self._build(version)
        return self._snapshot

    def brief(self, story: Story, exclude: Exclusion = Exclusion()) -> dict[str, Any]:
        """The story's brief, built once per version of the ledger (the snapshot holds the cache); a brief that
        leaves articles out is computed anew each time."""
        if exclude:
            return build_brief(self.store, story, exclude)
        snapshot = self.current()
        with snapshot.lock:
            if story.id in snapshot.briefs:
                snapshot.briefs.move_to_end(story.id)
                return snapshot.briefs[story.id]
        brief = build_brief(self.store, story)
        with snapshot.lock:
            snapshot.briefs[story.id] = brief
            while len(snapshot.briefs) > self.BRIEFS_KEPT:
                snapshot.briefs.popitem(last=False)
        return brief

    def _build(self, version: tuple[int, int]) -> Snapshot:
        stories = sorted(self.store.stories(), key=lambda s: s.id)
        story_of = {article: story.id for story in stories for article in story.articles}
        outlets = catalog.story_outlets(self.store)
        return Snapshot(version, stories, {s.id: s for s in stories}, story_of, outlets)
