"""What the pages keep in memory: the story list's facet choices and the briefs of recently viewed stories, each
per version of the ledger. Nothing that grows with the ledger: the story list pages through the store
(``store.story_list``), search goes through its full-text index (``store.search``), single records through
indexed look-ups.

The server reads a ledger that ``newsledger ingest`` may still be writing: each request checks the ledger's
version (``store.catalog.version``, indexed look-ups) and what was kept for an older version is read again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from newsledger.records import Story
from newsledger.report.brief import Exclusion, build_brief
from newsledger.store import catalog, story_list
from newsledger.store.ledger import Store


class Catalog:
    BRIEFS_KEPT = 64  # briefs of big stories cost 100+ ms to build and are the ones analysts come back to

    def __init__(self, store: Store) -> None:
        self.store = store
        self._choices: tuple[tuple[int, int], dict[str, list[str]]] | None = None
        self._briefs: OrderedDict[str, dict[str, Any]] = OrderedDict()  # most recently used last
        self._briefs_version: tuple[int, int] | None = None
        self._briefs_lock = threading.Lock()

    def choices(self) -> dict[str, list[str]]:
        """The countries and types the ledger's stories have, the most common first, for the filter's lists: two
        grouped queries, kept until the ledger changes (replaced whole, so a request never sees half of them)."""
        version = catalog.version(self.store)
        kept = self._choices
        if kept is None or kept[0] != version:
            kept = (version, {facet: story_list.choices(self.store, facet) for facet in ("countries", "types")})
            self._choices = kept
        return kept[1]

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
