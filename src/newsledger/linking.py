"""The story linker of an ingest, as the ledger keeps it between runs (``link/snapshot.py``).

A run takes up the linker the last run kept when it matches the ledger and the code: its indexes are read at
once, its stories only as new articles come near them. Otherwise (a ledger of an older version, a run stopped
before keeping, a kept story missing or unreadable) every stored article's features are replayed. At the end of
a run that linked an article, the stories it changed (every one after a replay) and the indexes are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsledger.link import snapshot
from newsledger.link.stories import LinkerConfig, StoryLinker
from newsledger.store.kept import articles_stamp, keep_linker, kept_linker, kept_linker_story
from newsledger.store.ledger import Store


class KeptLinker:
    def __init__(self, store: Store, config: LinkerConfig) -> None:
        self.store = store
        self.config = config
        self._linker: StoryLinker | None = None  # taken up when the first new article needs it
        self._linked = False  # whether the linker took an article since its state was last kept
        self._every_story = False  # whether to keep every story (after a replay) or those changed
        self._changed: set[str] = set()  # stories changed, and removed by merges, since the state was kept
        self._removed: set[str] = set()

    @property
    def linker(self) -> StoryLinker:
        if self._linker is None:
            self._linker = self._taken_up()
        return self._linker

    def forget(self) -> None:
        """Drop the linker (after a batch the ledger did not take): taken up again from the ledger when needed."""
        self._linker = None

    def assign(self, articles: list[tuple[str, dict[str, Any]]]) -> None:
        """Link these (article, features), in order; a kept story found damaged on the way costs the replay,
        and the articles are linked again from the start (none of them is stored yet)."""
        try:
            self._assign(articles)
        except snapshot.KeptStateDamaged:
            self._linker = self._replayed()
            self._assign(articles)

    def stored(self, stories: Iterable[str], removed: Iterable[str]) -> None:
        """Note the stories a stored batch changed, and those its merges removed."""
        self._changed.update(stories)
        self._removed.update(removed)

    def keep(self) -> None:
        if self._linker is None or not self._linked:
            return
        changed = None if self._every_story else [s for s in self._changed if s in self._linker.stories]
        keep_linker(self.store, self._stamp(), self._linker.state(changed), self._removed, self._every_story)
        self._linked, self._every_story, self._changed, self._removed = False, False, set(), set()

    def _assign(self, articles: list[tuple[str, dict[str, Any]]]) -> None:
        for article, features in articles:
            self.linker.assign(article, features)
            self._linked = True

    def _taken_up(self) -> StoryLinker:
        self._changed, self._removed = set(), set()
        kept = kept_linker(self.store, self._stamp())
        if kept is not None:
            try:
                linker = StoryLinker.from_state(kept, self.config, more=self._kept_story)
                self._every_story = False
                return linker
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # damaged: it costs the replay, nothing else
        return self._replayed()

    def _replayed(self) -> StoryLinker:
        self._every_story = True  # the next keep replaces every kept story
        linker = StoryLinker(self.config)
        for article, story, features in self.store.linking_state():
            linker.restore(article, story, features)
        return linker

    def _kept_story(self, story: str) -> dict[str, Any]:
        record = kept_linker_story(self.store, story)
        if not isinstance(record, dict) or record.get("id") != story:
            raise snapshot.KeptStateDamaged(f"the kept story {story} of {self.store.location}")
        return record

    def _stamp(self) -> str:
        return snapshot.stamp(self.config, *articles_stamp(self.store))
