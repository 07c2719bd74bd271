"""The story linker of an ingest, as the ledger keeps it between runs (``link/snapshot.py``).

A run takes up the linker the last run kept when it matches the ledger and the code: its indexes are read at
once, its stories only as new articles come near them. Otherwise (a ledger of an older version, a run stopped
before keeping, a kept state that fails to read or to link with, whatever its damage) every stored article's
features are replayed. When a run has stored its articles and linked one, the stories it changed (every one
after a replay) and the indexes are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.exc import OperationalError

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
        self._trust_kept = True  # until linking from the kept state failed in this run

    @property
    def linker(self) -> StoryLinker:
        if self._linker is None:
            self._linker = self._taken_up()
        return self._linker

    def forget(self) -> None:
        """Drop the linker (after a batch the ledger did not take): taken up again from the ledger when needed."""
        self._linker = None

    def assign(self, articles: list[tuple[str, dict[str, Any]]]) -> None:
        """Link these (article, features), in order. Linking from a kept state that fails on the way (a kept
        story missing or damaged, however: the ledger may come from anywhere) costs the replay, and the articles
        are linked again from the start (none of them is stored yet); the kept state is not trusted again in this
        run. A failure of the replayed linker is the articles' own."""
        try:
            self._assign(articles)
        except OperationalError:
            raise  # the ledger's fault
        except Exception:  # noqa: BLE001 - retried on the replay, which raises whatever is the articles' fault
            if self._every_story:
                raise
            self._trust_kept = False
            self._linker = self._replayed()
            self._assign(articles)

    def stored(self, stories: Iterable[str], removed: Iterable[str]) -> None:
        """Note the stories a stored batch changed, and those its merges removed."""
        self._changed.update(stories)
        self._removed.update(removed)

    def keep(self) -> str | None:
        """Keep the state for the next run; a failure other than the ledger's own (disk full, read-only) is
        returned as its reason, not raised: every article is stored, and the next run replays."""
        if self._linker is None or not self._linked:
            return None
        changed = None if self._every_story else [s for s in self._changed if s in self._linker.stories]
        try:
            keep_linker(self.store, self._stamp(), self._linker.state(changed), self._removed, self._every_story)
        except OperationalError:
            raise
        except Exception as error:  # noqa: BLE001 - see above
            return f"the story linker's state was not kept ({type(error).__name__}: {error}); the next run replays it"
        finally:
            self._linked, self._every_story, self._changed, self._removed = False, False, set(), set()
        return None

    def _assign(self, articles: list[tuple[str, dict[str, Any]]]) -> None:
        for article, features in articles:
            self.linker.assign(article, features)
            self._linked = True

    def _taken_up(self) -> StoryLinker:
        self._changed, self._removed = set(), set()
        if self._trust_kept:
            try:
                kept = kept_linker(self.store, self._stamp())
                if kept is not None:
                    linker = StoryLinker.from_state(kept, self.config, more=self._kept_story)
                    self._every_story = False
                    return linker
            except OperationalError:
                raise
            except Exception:  # noqa: BLE001 - a damaged state, whatever its damage, costs the replay only
                pass
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
