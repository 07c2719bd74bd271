"""The Python API: a ``Ledger`` to ingest articles into and read stories, records and briefs from.

    >>> from newsledger import Ledger
    >>> with Ledger("news.db") as ledger:
    ...     report = ledger.ingest(["articles/"])
    ...     for story in ledger.stories():
    ...         print(story.title, ledger.brief(story.id, fmt="md"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

from newsledger.config import Config
from newsledger.ingest.fetch import Fetcher
from newsledger.ingest.inputs import as_input
from newsledger.ingest.metadata import Metadata
from newsledger.ingest.readers import DEFAULT_MAX_BYTES
from newsledger.records import Article, Attribution, Entity, Event, Story
from newsledger.report import export as exporting
from newsledger.report.brief import build_briefs, find_story
from newsledger.report.render import render
from newsledger.store import catalog, streams
from newsledger.store.ledger import Store


def sample_paths() -> list[Path]:
    """The bundled sample: three real articles on Israeli strikes on Iranian sites."""
    folder = files("newsledger") / "sample"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))


class Ledger:
    def __init__(self, location: str | Path | None = None, readonly: bool = False, model: str | None = None,
                 content_model: bool | None = None, gazetteer: str | Path | None = None,
                 config: Config | None = None):
        """``config`` (``newsledger.config.Config``) holds every setting of an ingest; ``model``, ``content_model``
        and ``gazetteer`` are shortcuts that override it (the spaCy model; whether attribution contents are edged
        by the learned ranker; a GeoNames dump to place events with instead of the packaged one)."""
        self.store = Store(str(location) if location is not None else None, readonly=readonly)
        self.config = (config or Config()).but(model=model, content_model=content_model, gazetteer=gazetteer)
        self._ingestor = None
        self._version_written: tuple[int, int] | None = None  # the ledger as our last ingest left it

    @property
    def batch_size(self) -> int:
        return self.config.batch_size

    @batch_size.setter
    def batch_size(self, value: int | None) -> None:
        """Articles per batch (None keeps the config's); set before the first ingest."""
        self.config = self.config.but(batch_size=value)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        metadata: str | Path | Metadata | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_progress: Callable[[int], None] | None = None,
        fetcher: Fetcher | None = None,
    ):
        """Ingest files, folders (.txt, .html, .json/.jsonl, feeds, sitemaps, .warc/.warc.gz), http(s) URLs of
        pages, feeds and sitemaps, and feed entries; returns an ``IngestReport`` (ingested ids, duplicates,
        rejections, skipped). URLs are fetched by ``fetcher``, else by a polite one with the default policy. Holds
        the ledger's writer lock meanwhile (``LedgerBusy`` if another process holds it); when another writer
        changed the ledger since this one's last ingest, the story linker starts again from the stored stories."""
        from newsledger.pipeline import (
            Ingestor,  # loads spaCy: only readers of the ledger skip it
        )
        from newsledger.runners import runner_for

        if isinstance(metadata, (str, Path)):
            metadata = Metadata.from_file(Path(metadata))
        with self.store.writer():  # LedgerBusy when another process is writing: nothing read, nothing written
            self.store.check_writable()  # a read-only ledger is refused before anything is parsed
            if self._ingestor is None or catalog.version(self.store) != self._version_written:
                runner = runner_for(self.config, self.store)  # a pool or cluster for the per-article stages, or None
                self._ingestor = Ingestor(self.store, self.config, runner)  # its linker reads the stories as they are now
            self._version_written = None
            report = self._ingestor.ingest([as_input(p) for p in paths], metadata, max_bytes, on_progress, fetcher)
            self._version_written = catalog.version(self.store)
        return report

    def resolve(self, in_full: bool = False, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Resolve the stories an interrupted ingest left unresolved; ``in_full``: every story, in full — a story
        of ``Config.online_from`` articles or more is resolved online as it grows, and this gives its exact
        findings. Returns how many stories were resolved; holds the writer lock meanwhile (``LedgerBusy``)."""
        from newsledger.resolution import resolve_stories
        from newsledger.shipped import load as load_shipped

        with self.store.writer():
            self.store.check_writable()
            return resolve_stories(self.store, load_shipped("event_coref"), self.config.online_from, in_full,
                                   on_progress)

    @property
    def stage_seconds(self) -> dict[str, float]:
        """Seconds spent in each pipeline stage by this ledger's ingests so far."""
        return self._ingestor.stage_seconds if self._ingestor else {}

    def articles(self) -> Iterator[Article]:
        """Every article in ingestion order, read as iterated: a ledger of any size is never loaded whole."""
        return streams.records(self.store, "articles")

    def entities(self) -> Iterator[Entity]:
        return streams.records(self.store, "entities")

    def attributions(self, article: str | None = None) -> Iterator[Attribution]:
        return iter(self.store.attributions([article])) if article else streams.records(self.store, "attributions")

    def events(self, article: str | None = None) -> Iterator[Event]:
        return iter(self.store.events([article])) if article else streams.records(self.store, "events")

    def stories(self) -> Iterator[Story]:
        return streams.records(self.store, "stories")

    def story(self, reference: str) -> Story:
        return find_story(self.store, reference)

    def brief(self, story: str | None = None, fmt: str | None = None) -> Any:
        """The brief of one story (by id or prefix) or of all: plain data, or rendered as md/html/json."""
        briefs = build_briefs(self.store, story)
        return render(briefs, fmt) if fmt else briefs

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """The whole ledger in the export contract's shape (for large ledgers, prefer the streaming writers)."""
        return {name: list(exporting.records(self.store, name)) for name in exporting.LISTS}
