"""A story as the story linker holds it (``stories.StoryLinker``): its articles, the running sums of their
words, names and headlines, their places and dates, and what follows from them (the date gap to an article,
an article's fit, the story's cohesion)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsledger.link.centroid import Centroid
from newsledger.link.story_links import (
    PLACE_WORDS,
    TITLE_COUNTS,
    event_places,
    title_counts,
    title_vector,
)
from newsledger.records import Story

#: Keys a story's term or entity centroid keeps (pruned back to this when it reaches twice as many), so comparing
#: stories costs the same at any story size and the linker's working set stays small (``bench scale``); ECB+
#: train sub-topic B³ F1 is the same with or without it.
CENTROID_LIMIT = 150
#: A story remembers at most this many incident days, and this many ages.
INCIDENT_MEMORY = 30
#: A story's articles dated this long after its first count as reported over time in its ``cohesion``.
COHESION_DAYS = 30


@dataclass
class StoryState:
    """A story as the linker holds it: its articles and the running evidence they bring."""

    id: str
    born: int = 0  # creation order, so the older of two equal stories survives a merge
    articles: list[str] = field(default_factory=list)
    terms: Centroid = field(default_factory=lambda: Centroid(CENTROID_LIMIT))
    entities: Centroid = field(default_factory=lambda: Centroid(CENTROID_LIMIT))
    titles: Centroid = field(default_factory=lambda: Centroid(CENTROID_LIMIT))
    event_places: set[str] = field(default_factory=set)
    title_counts: set[int] = field(default_factory=set)
    incident_days: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    entity_articles: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    days: Counter = field(default_factory=Counter)  # articles by date, for the time part of ``cohesion``
    title: str = ""
    merge_checked_at: int = 0  # its number of articles at its last merge check

    def add(self, article: str, features: dict[str, Any]) -> None:
        self.articles.append(article)
        self.terms.add(features["terms"])
        self.entities.add(features["entities"])
        self.titles.add(title_vector(features.get("title", "")))
        if len(self.event_places) < PLACE_WORDS:
            self.event_places.update(event_places(features))
        if len(self.title_counts) < TITLE_COUNTS:
            self.title_counts.update(title_counts(features.get("title", "")))
        if len(self.incident_days) < INCIDENT_MEMORY:
            self.incident_days.update(features.get("event_days", ()))
        if len(self.ages) < INCIDENT_MEMORY:
            self.ages.update(features.get("ages", ()))
        self.entity_articles.update(features["entities"].keys())
        self.names.update(features["names"])
        self.places.update(features["places"])
        if day := features["date"]:
            self.days[day] += 1
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)
        self.title = self.title or features["title"]

    def absorb(self, other: StoryState) -> None:
        """Take over another story's articles and evidence, as if they had joined this one."""
        self.articles.extend(other.articles)
        self.terms.add(other.terms.weights, other.terms.count)
        self.entities.add(other.entities.weights, other.entities.count)
        self.titles.add(other.titles.weights, other.titles.count)
        if len(self.event_places) < PLACE_WORDS:
            self.event_places |= other.event_places
        if len(self.title_counts) < TITLE_COUNTS:
            self.title_counts |= other.title_counts
        if len(self.incident_days) < INCIDENT_MEMORY:
            self.incident_days |= other.incident_days
        if len(self.ages) < INCIDENT_MEMORY:
            self.ages |= other.ages
        self.entity_articles.update(other.entity_articles)
        self.names.update(other.names)
        self.places |= other.places
        self.days.update(other.days)
        if other.first:
            self.first = min(self.first or other.first, other.first)
            self.last = max(self.last or other.last, other.last)
        self.title = self.title or other.title

    def state(self) -> dict[str, Any]:
        """As JSON-able data (``StoryLinker.state``)."""
        state = {name: getattr(self, name) for name in _PLAIN}
        state |= {name: sorted(getattr(self, name)) for name in _SETS}
        state |= {name: getattr(self, name).state() for name in _CENTROIDS}
        return state | {"entity_articles": dict(self.entity_articles), "days": dict(self.days)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryState:
        story = cls(state["id"])
        for name in _PLAIN:
            setattr(story, name, state[name])
        for name in _SETS:
            setattr(story, name, set(state[name]))
        for name in _CENTROIDS:
            setattr(story, name, Centroid.from_state(state[name]))
        story.entity_articles, story.days = Counter(state["entity_articles"]), Counter(state["days"])
        return story

    def days_from(self, day: str) -> int | None:
        """Days between ``day`` and the story's date range (0 inside it); None when either is undated."""
        if not day or not self.first:
            return None
        if self.first <= day <= self.last:
            return 0
        when = date.fromisoformat(day)
        return min(abs((when - date.fromisoformat(edge)).days) for edge in (self.first, self.last))

    def days_from_start(self, day: str) -> int | None:
        """Days between ``day`` and the story's first date: a story that has drifted for months is far from its
        start even where its date range already covers the article's day."""
        if not day or not self.first:
            return None
        return abs((date.fromisoformat(day) - date.fromisoformat(self.first)).days)

    def fit(self, features: dict[str, Any], term_weight: float) -> float:
        """The article's mean similarity to the story's articles (words and names, unit ``features``)."""
        return term_weight * self.terms.mean_similarity(features["terms"]) + \
            (1 - term_weight) * self.entities.mean_similarity(features["entities"])

    def cohesion(self, term_weight: float = 0.5) -> float | None:
        """How tightly the story's articles hang together, in [0, 1]: the mean similarity of two of its articles
        (words: the event's kind; names: its participants and places), times the share of its dated articles
        within ``COHESION_DAYS`` of its first (a story reported over months is less one happening). None for a
        story of one article."""
        terms, entities = self.terms.mean_pairwise(), self.entities.mean_pairwise()
        if terms is None and entities is None:
            return None
        pairwise = term_weight * (terms or 0.0) + (1 - term_weight) * (entities or 0.0)
        dated = sum(self.days.values())
        if not dated:
            return round(pairwise, 4)
        start = date.fromisoformat(self.first)
        near = sum(n for day, n in self.days.items() if (date.fromisoformat(day) - start).days <= COHESION_DAYS)
        return round(pairwise * near / dated, 4)

    def record(self) -> Story:
        weights = self.entities.weights  # a pruned centroid no longer holds its lightest entities
        key = sorted(self.entity_articles, key=lambda e: (-self.entity_articles[e], -weights.get(e, 0.0), e))
        return Story(id=self.id, title=self.title, articles=list(self.articles), first_seen=self.first,
                     last_seen=self.last, key_entities=key[:8], cohesion=self.cohesion())


_PLAIN = ("id", "born", "articles", "names", "first", "last", "title", "merge_checked_at")
_SETS = ("event_places", "title_counts", "incident_days", "ages", "places")
_CENTROIDS = ("terms", "entities", "titles")


class KeptStories(dict):
    """The linker's stories by id, where one the ledger keeps is taken up only when first asked for by
    ``stories[id]`` (``StoryLinker.from_state``): a restarted run reads the stories its new articles come near,
    not all. ``in``, ``get`` and iteration see only the stories taken up so far (the ones a run changed)."""

    def __init__(self, take_up: Callable[[str], StoryState | None]) -> None:
        super().__init__()
        self._take_up = take_up

    def __missing__(self, story_id: str) -> StoryState:
        story = self._take_up(story_id)
        if story is None:
            raise KeyError(story_id)
        return story
