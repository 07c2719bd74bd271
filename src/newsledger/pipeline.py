"""The pipeline: ingest → annotate → extract → link → store, one batch at a time; at the end of a run, the
cross-document events and findings (reconcile) of every story that changed.

Each stage declares what it reads and what it writes (as spaCy components declare ``requires`` and
``assigns``); ``Pipeline`` checks at construction that every stage's inputs are written by a stage before it,
so data flows one way. Rejected and duplicate inputs are reported, never raised: one bad file costs nothing
else, and a batch is stored in one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc
from sqlalchemy.exc import OperationalError

from newsledger.annotate.guards import ARTICLE_SECONDS, OverBudget, time_limit
from newsledger.annotate.nlp import load
from newsledger.config import Config
from newsledger.extract import content_spans
from newsledger.extract.attribution import extract_attributions
from newsledger.extract.content_spans import ContentModel
from newsledger.extract.entities import EntityIndex, entity_mentions
from newsledger.extract.events import extract_events
from newsledger.extract.geocode import geocode_events
from newsledger.geo.gazetteer import Gazetteer
from newsledger.ingest.clean import OVER_LENGTH, InputError, clean_article
from newsledger.ingest.fetch import Fetcher
from newsledger.ingest.inputs import Input, read_all
from newsledger.ingest.metadata import Metadata
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, Rejection, Skipped, unexpected
from newsledger.link.coref import describe, sentence_entities
from newsledger.link.stories import StoryLinker, article_features
from newsledger.linking import KeptLinker
from newsledger.records import (
    Article,
    ArticleRecords,
    Factuality,
    Stance,
    innermost_holder,
)
from newsledger.resolution import resolve_stories
from newsledger.shipped import load as load_shipped
from newsledger.store.ledger import Store

# Fields that say where an article came from: the same text with other ones is reported, not dropped silently.
_PROVENANCE = ("url", "outlet", "title", "published", "author", "external_id")


@dataclass
class Work:
    """One article on its way through the stages."""

    records: ArticleRecords
    doc: Doc | None = None
    failure: str | None = None  # set when a stage failed on this article: it is reported, not stored
    seconds: float = 0.0  # spent on it by the stages after the parse, against its budget

    @property
    def article(self) -> Article:
        return self.records.article


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[list[Work]], None]


class Pipeline:
    """An ordered list of stages whose declared inputs and outputs are checked to flow one way: the stages run on
    each batch, then the ``at_end`` stages once a run has stored its batches (resolving the stories that changed).
    The check covers both, so no stage reads what no earlier one writes."""

    def __init__(self, stages: Sequence[Stage], provided: Iterable[str] = ("article",),
                 at_end: Sequence[Stage] = ()) -> None:
        available = set(provided)
        for stage in (*stages, *at_end):
            missing = set(stage.requires) - available
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage assigns")
            available |= set(stage.assigns)
        self.stages = list(stages)
        self.at_end = list(at_end)
        self.seconds: dict[str, float] = {stage.name: 0.0 for stage in (*self.stages, *self.at_end)}

    def __call__(self, batch: list[Work]) -> None:
        for stage in self.stages:
            self._timed(stage, batch)

    def finish(self) -> None:
        """Run the end-of-run stages (they read the store, not a batch)."""
        for stage in self.at_end:
            self._timed(stage, [])

    def _timed(self, stage: Stage, batch: list[Work]) -> None:
        started = time.perf_counter()
        stage.run(batch)
        self.seconds[stage.name] += time.perf_counter() - started


def _anchor(article: Article) -> date | None:
    return date.fromisoformat(article.published) if article.published else None


def annotation_stage(model: str | None = None) -> Stage:
    nlp = load(model)

    def annotate(batch: list[Work]) -> None:
        try:
            for work, doc in zip(batch, nlp.pipe(w.article.text for w in batch)):
                work.doc = doc
        except Exception:  # noqa: BLE001 - find the article spaCy refused, keep the others
            for work in batch:
                _annotate_one(nlp, work)

    return Stage("annotate", requires=("article",), assigns=("doc",), run=annotate)


def _annotate_one(nlp, work: Work) -> None:
    try:
        work.doc = nlp(work.article.text)
    except Exception as error:  # noqa: BLE001 - e.g. a text longer than the model accepts
        work.failure = f"could not be processed (annotate: {type(error).__name__}: {error})"


def _each(function: Callable[[Work], None]) -> Callable[[list[Work]], None]:
    """Apply a per-article step; an article it fails on, or that runs past its time budget, is set aside with
    the reason, and the batch goes on."""
    step = function.__name__.strip("_")

    def run(batch: list[Work]) -> None:
        for work in batch:
            if work.failure:
                continue
            started = time.perf_counter()
            try:
                with time_limit(ARTICLE_SECONDS - work.seconds):
                    function(work)
            except OverBudget:
                work.failure = f"took over the {ARTICLE_SECONDS:g} s budget per article (stopped at {step})"
            except Exception as error:  # noqa: BLE001 - hostile text must not cost the other articles
                work.failure = f"could not be processed ({step}: {type(error).__name__}: {error})"
            finally:
                work.seconds += time.perf_counter() - started

    return run


def _entities(work: Work) -> None:
    work.records.mentions = entity_mentions(work.doc)


def _attributions_by(content_model: ContentModel | None) -> Callable[[Work], None]:
    def _attributions(work: Work) -> None:
        index = EntityIndex(work.records.mentions)
        work.records.attributions = extract_attributions(
            work.doc, work.article.id, index.entity_at, outlet=work.article.outlet, content_model=content_model
        )

    return _attributions


def _events_by(detect: bool) -> Callable[[Work], None]:
    def _events(work: Work) -> None:
        events = extract_events(work.doc, work.article.id, _anchor(work.article), detect=detect)
        for event in events:
            holder = innermost_holder(work.records.attributions, event.trigger)
            if holder is None:
                continue
            event.attribution = holder.id
            if event.factuality == Factuality.ASSERTED:
                event.factuality = Factuality.DENIED if holder.stance == Stance.DENIES else Factuality.REPORTED
        work.records.events = events

    return _events


def _places_by(gazetteer: Callable[[], Gazetteer]) -> Callable[[list[Work]], None]:
    """Resolve the batch's places. The gazetteer is loaded (once per process) outside the per-article guard: a
    gazetteer that cannot be read stops the run with its reason instead of rejecting every article."""

    def run(batch: list[Work]) -> None:
        if not any(event.place for work in batch if not work.failure for event in work.records.events):
            return
        loaded = gazetteer()

        def _places(work: Work) -> None:
            work.records.events = geocode_events(work.doc, work.records.events, loaded)

        _each(_places)(batch)

    return run


def _features(work: Work) -> None:
    features = article_features(work.doc, work.records)
    entities = sentence_entities(work.doc)
    features["event_mentions"] = [
        describe(work.doc, e.trigger.start, e.trigger.end, e.id, e.type.value, entities)
        for e in work.records.events
    ]
    work.records.features = features


def extraction_stages(content_model: bool = True, gazetteer: str | Path | None = None,
                      detect_events: bool = True) -> list[Stage]:
    """The stages after the parse; with ``content_model``, attribution contents are edged by the learned
    ranker (``content_spans``), which costs about 2.5% of parse time more. Places are resolved with the packaged
    gazetteer, or the GeoNames dump at ``gazetteer``, loaded once, when the first article names a place."""
    ranker = content_spans.shipped() if content_model else None
    return [
        Stage("entities", requires=("doc",), assigns=("mentions",), run=_each(_entities)),
        Stage("attributions", requires=("doc", "mentions"), assigns=("attributions",),
              run=_each(_attributions_by(ranker))),
        Stage("events", requires=("doc", "attributions"), assigns=("events",), run=_each(_events_by(detect_events))),
        Stage("places", requires=("doc", "events"), assigns=("geo",),
              run=_places_by(lambda: Gazetteer.load(gazetteer))),
        Stage("features", requires=("doc", "mentions", "events", "geo"), assigns=("features",),
              run=_each(_features)),
    ]


def per_article_stages(config: Config) -> list[Stage]:
    """The stages each article goes through on its own (parse and extraction), in this process or a worker's."""
    return [annotation_stage(config.model),
            *extraction_stages(config.content_model, config.gazetteer, config.detect_events)]


#: What the per-article stages hand back from a worker (every stage's output but the Doc).
WORKER_ASSIGNS = ("mentions", "attributions", "events", "geo", "features")

_worker_pipeline: Pipeline | None = None  # a worker process's own stages, built once by start_worker


def start_worker(config: Config) -> None:
    """In a worker process: load the models and build the per-article stages, once for the worker's life."""
    global _worker_pipeline
    _worker_pipeline = Pipeline(per_article_stages(config))


def work_in_worker(batch: list[Work]) -> tuple[list[Work], dict[str, float]]:
    """In a worker process: run the per-article stages on a part of a batch; returns its articles' records
    without their Docs (link and store read only the records, and a Doc pickles to about 2.5 MB against 30 KB
    for the records) and the seconds spent per stage."""
    before = dict(_worker_pipeline.seconds)
    _worker_pipeline(batch)
    for work in batch:
        work.doc = None
    return batch, {name: spent - before[name] for name, spent in _worker_pipeline.seconds.items()}


def lost(work: Work, reason: str) -> Work:
    """An article whose worker died with it, twice: rejected with the reason."""
    work.failure = f"could not be processed ({reason})"
    return work


class Runner(Protocol):
    """Runs the per-article stages away from this process and gives the batches back in input order."""

    seconds: dict[str, float]
    peak_rss: list[int]
    deaths: int

    def map(self, batches: Iterable[list[Work]]) -> Iterator[list[Work]]: ...


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin, id of the article it repeats)
    rejected: list[Rejection] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # parts of inputs that are not articles, counted
    notices: list[tuple[str, str]] = field(default_factory=list)  # (origin, what was done to a stored input)
    #: With workers: each worker's peak resident memory in bytes, and how many worker processes died.
    worker_peak_rss: list[int] = field(default_factory=list)
    worker_deaths: int = 0


class Ingestor:
    """Runs inputs through the pipeline into a store; the linker resumes from what the store holds.

    The stages after extraction are the ingestor's own, declared like the others: ``link`` assigns each article
    its story, ``store`` writes the batch in one transaction, and at the end of a run ``resolve`` computes the
    cross-document events, findings and facets of every story that changed. With a ``runner`` (a pool of worker
    processes or a Dask cluster: ``runners.runner_for``), the per-article stages run there
    and this process reads, links, stores and resolves, taking the batches in input order: the ledger is the same
    whatever runs them."""

    def __init__(self, store: Store, config: Config = Config(), runner: Runner | None = None) -> None:
        self.store = store
        self.config = config
        self.batch_size = config.batch_size
        self.linking = KeptLinker(store, config.linker)
        self.coref_model = load_shipped("event_coref")
        self.runner = runner
        own = [Stage("link", requires=("features",), assigns=("story",), run=self._link),
               Stage("store", requires=("story",), assigns=("stored",), run=self._store)]
        resolve = [Stage("resolve", requires=("stored",), assigns=("cross_events", "findings", "facets"),
                         run=lambda _batch: self.resolve_stories())]
        if self.runner is None:
            self.pipeline = Pipeline([*per_article_stages(config), *own], at_end=resolve)
        else:
            self.pipeline = Pipeline(own, provided=("article", *WORKER_ASSIGNS), at_end=resolve)

    @property
    def stage_seconds(self) -> dict[str, float]:
        """Seconds per stage; those of the per-article stages summed over the workers when they ran there."""
        return {**(self.runner.seconds if self.runner else {}), **self.pipeline.seconds}

    @property
    def linker(self) -> StoryLinker:
        """The story linker as the ledger keeps it (``linking.py``), taken up on first use: a restarted ingest
        whose inputs are all stored already never reads it."""
        return self.linking.linker

    def ingest(
        self,
        paths: Iterable[Input],
        metadata: Metadata | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_progress: Callable[[int], None] | None = None,
        fetcher: Fetcher | None = None,
    ) -> IngestReport:
        report = IngestReport()
        batches = self._batches(paths, metadata, max_bytes, on_progress, fetcher, report)
        if self.runner is None:
            for batch in batches:
                self._process(batch, report)
        else:
            done = self.runner.map(batches)
            try:
                for batch in done:
                    self._process(batch, report)
            finally:
                done.close()  # stops the workers, also when interrupted
                report.worker_peak_rss = list(self.runner.peak_rss)
                report.worker_deaths = self.runner.deaths
        if notice := self.linking.keep():  # before resolving: a run stopped while resolving keeps it too
            report.notices.append((str(self.store.location), notice))
        self.pipeline.finish()
        return report

    def _batches(self, paths: Iterable[Input], metadata: Metadata | None, max_bytes: int,
                 on_progress: Callable[[int], None] | None, fetcher: Fetcher | None,
                 report: IngestReport) -> Iterator[list[Work]]:
        """Read (URLs fetched here, in this process), clean and deduplicate the inputs, a batch at a time."""
        seen: dict[str, Article] = {}
        batch: list[Work] = []
        for item in read_all(paths, metadata, max_bytes, fetcher):
            if isinstance(item, Rejection):
                report.rejected.append(item)
            elif isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                self._admit(item, batch, seen, report)
            if on_progress:
                on_progress(item.size)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def resolve_stories(self) -> int:
        """Resolve every story that gained articles since it was last resolved (``resolution.resolve_stories``)."""
        return resolve_stories(self.store, self.coref_model, self.config.online_from)

    def _admit(self, raw, batch: list[Work], seen: dict[str, Article], report: IngestReport) -> None:
        try:
            article = clean_article(raw)
        except InputError as error:
            report.rejected.append(Rejection(raw.origin, str(error)))
            return
        except Exception as error:  # noqa: BLE001 - one input's failure, whatever its kind, is its rejection
            report.rejected.append(Rejection(raw.origin, unexpected(error, "cleaned")))
            return
        kept = seen.get(article.id) or next(iter(self.store.articles([article.id])), None)
        if kept is not None:
            report.duplicates.append((raw.origin, article.id))
            if other := [name for name in _PROVENANCE if getattr(article, name) != getattr(kept, name)]:
                said = f"same text as {kept.source_path or kept.id}, with other {', '.join(other)}"
                report.notices.append((raw.origin, f"{said}: not stored again (the first is kept)"))
            return
        if cuts := [cut.text.strip("[]") for cut in article.removed if cut.kind == OVER_LENGTH]:
            report.notices.append((raw.origin, f"truncated: {'; '.join(cuts)}"))
        seen[article.id] = replace(article, text="", removed=[])  # a later copy is compared with it: not its text
        batch.append(Work(ArticleRecords(article)))

    def _process(self, batch: list[Work], report: IngestReport) -> None:
        try:
            self.pipeline(batch)
        except OperationalError:
            raise  # the ledger's fault (disk full, read-only, locked), not a record's
        except Exception:  # noqa: BLE001 - a record the ledger refused (e.g. a value it cannot hold): find it
            self._store_one_by_one(batch)
        for work in batch:
            if work.failure:
                report.rejected.append(Rejection(work.article.source_path or work.article.id, work.failure))
            else:
                report.ingested.append(work.article.id)

    def _store_one_by_one(self, batch: list[Work]) -> None:
        """After a batch write failed, link and store its articles one at a time, so that only the record at
        fault is rejected; the linker starts again from what the ledger holds."""
        self.linking.forget()
        for work in batch:
            if work.failure:
                continue
            try:
                self._link([work])
                self._store([work])
            except OperationalError:
                raise
            except Exception as error:  # noqa: BLE001 - this record's fault alone
                work.failure = unexpected(error, "stored")
                self.linking.forget()  # it may hold the record, linked but not stored

    def _link(self, batch: list[Work]) -> None:
        linked = [work for work in batch if not work.failure]
        self.linking.assign([(w.article.id, w.records.features) for w in linked])
        for work in linked:  # a batch of rejected records takes up no linker
            work.article.duplicate_of = self.linker.duplicate_of.get(work.article.id)

    def _store(self, batch: list[Work]) -> None:
        """Write the batch and the stories it changed in one transaction. A merge moves the absorbed story's
        articles, stored ones too, to the survivor, which a later merge in the batch may absorb in turn: the
        stories are stored as they end the batch, the absorbed ones removed."""
        batch = [work for work in batch if not work.failure]
        if not batch:
            return  # nothing to write, and no linker to take up for it
        merges = self.linker.take_merges()
        assignments = {w.article.id: self.linker.story_of(w.article.id) for w in batch}
        for survivor in dict.fromkeys(survivor for _, survivor in merges if survivor in self.linker.stories):
            assignments.update(dict.fromkeys(self.linker.stories[survivor].articles, survivor))
        stories = [self.linker.stories[story].record() for story in dict.fromkeys(assignments.values())]
        removed = list(dict.fromkeys(story for story, _ in merges))
        self.linking.stored(assignments.values(), removed)
        try:
            self.store.write([w.records for w in batch], stories, assignments, removed_stories=removed)
        except Exception:
            self.linking.forget()  # the batch the ledger did not take: taken up again when next needed
            raise
