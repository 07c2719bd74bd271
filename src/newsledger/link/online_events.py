"""The happenings of a large story, kept between resolutions, and an added article's happenings placed among them.

A full resolution clusters all of a story's event mentions (``cross_events``). A large story keeps each happening
it found as a ``KeptHappening``: what the batch rules compare (its kind, towns and days), how often its mentions
say each trigger, participant, place and time, and a few of its mentions as exemplars for the coreference model.
An added article's mentions are clustered among themselves by the same code, then each of its happenings joins
the kept one the batch rules would join it to — a violent incident the largest compatible incident
(``merge_incidents``), any other the compatible happening of its kind whose exemplars the model links it to —
or is kept as a new one. The cost is that of the added mentions, not of the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsledger.link.coref import CorefModel, document_similarity
from newsledger.link.cross_events import (
    INCIDENT_TYPES,
    SAID,
    compatible,
    describe_mentions,
    event_day,
    event_town,
    kind_of,
    one_time,
    said_by,
)
from newsledger.records import CrossEvent, Event, EventType

#: Mentions kept per happening to compare added mentions with (the first ones the story reported).
EXEMPLARS = 8


@dataclass
class KeptHappening:
    """A happening of a large story as online resolution needs it: what the batch rules compare, how often its
    mentions say each thing its record lists (in the order first said), and exemplars for the model."""

    id: str
    kind: str  # what happenings must share to be one (``cross_events.kind_of``)
    type: EventType
    mentions: list[str]
    articles: list[str]
    towns: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    said: dict[str, Counter] = field(default_factory=lambda: {name: Counter() for name in SAID})
    exemplars: list[dict[str, Any]] = field(default_factory=list)  # described mentions, each with its "doc"

    def add(self, members: list[Event], described: dict[str, dict[str, Any]]) -> None:
        """These mentions join the happening (those it holds already are not counted twice)."""
        held = set(self.mentions)
        members = [e for e in members if e.id not in held]
        self.mentions += [e.id for e in members]
        self.articles = list(dict.fromkeys([*self.articles, *(e.article for e in members)]))
        self.towns |= {t for e in members if (t := event_town(e))}
        self.days |= {d for e in members if (d := event_day(e))}
        for name, values in said_by(members).items():
            self.said[name].update(values)
        self.remember([described[e.id] for e in members if e.id in described])

    def remember(self, mentions: list[dict[str, Any]], cap: int = EXEMPLARS) -> None:
        """Keep the first of these mentions as exemplars, up to ``cap`` in all."""
        self.exemplars += mentions[:max(cap - len(self.exemplars), 0)]

    def record(self, story: str) -> CrossEvent:
        return CrossEvent(self.id, story, self.type, list(self.mentions), list(self.articles),
                          *([value for value, _ in self.said[name].most_common()] for name in SAID))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "type": self.type.value, "mentions": self.mentions,
                "articles": self.articles, "towns": sorted(self.towns), "days": sorted(d.isoformat() for d in self.days),
                "said": {name: dict(counts) for name, counts in self.said.items()}, "exemplars": self.exemplars}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeptHappening:
        return cls(data["id"], data["kind"], EventType(data["type"]), data["mentions"], data["articles"],
                   set(data["towns"]), {date.fromisoformat(d) for d in data["days"]},
                   {name: Counter(data["said"][name]) for name in SAID}, data["exemplars"])


def kept_happenings(story_events: list[CrossEvent], events: dict[str, Event],
                    features: dict[str, dict[str, Any]]) -> list[KeptHappening]:
    """The story's happenings, as a full resolution found them, to keep."""
    described = describe_mentions(features)
    kept = []
    for happening in story_events:
        members = [events[m] for m in happening.mentions if m in events]
        if not members:
            continue
        found = KeptHappening(happening.id, kind_of(members[0]), happening.type, [], [])
        found.add(members, described)
        kept.append(found)
    return kept


def place(added: list[CrossEvent], events: dict[str, Event], kept: list[KeptHappening],
          features: dict[str, dict[str, Any]], load: Callable[[Iterable[str]], dict[str, dict[str, Any]]],
          model: CorefModel) -> dict[str, KeptHappening]:
    """Each added happening's kept happening (by the added one's id), updating it; an added happening that joins
    none is kept as a new one (appended to ``kept``). ``features``: the added articles'; ``load``: the features of
    other articles, asked for only those of the exemplars an added happening is compared with."""
    described = describe_mentions(features)
    documents = _Documents(features, load)
    placed = {}
    for happening in sorted(added, key=lambda c: (-len(c.articles), -len(c.mentions), c.id)):
        members = [events[m] for m in happening.mentions if m in events]
        home = _home(members, kept, described, documents, model)
        if home is None:
            home = KeptHappening(happening.id, kind_of(members[0]), happening.type, [], [])
            kept.append(home)
        home.add(members, described)
        placed[happening.id] = home
    return placed


def _home(members: list[Event], kept: list[KeptHappening], described: dict[str, dict[str, Any]],
          documents: _Documents, model: CorefModel) -> KeptHappening | None:
    towns, days = {t for e in members if (t := event_town(e))}, {d for e in members if (d := event_day(e))}
    fits = [h for h in kept if compatible(h.towns, h.days, towns, days)]
    if members[0].type in INCIDENT_TYPES:
        incidents = [h for h in fits if h.type in INCIDENT_TYPES]
        if incidents:
            return max(incidents, key=lambda h: (len(h.articles), len(h.mentions)))
    times = {e.time.value for e in members if e.time and e.time.value}
    candidates = [h for h in fits if h.kind == kind_of(members[0]) and not _split_apart(h, towns, times)]
    similarity = documents.covering({m["doc"] for h in candidates for m in h.exemplars})
    mentions = [described[e.id] for e in members if e.id in described]
    return linked_home(mentions, [h for h in candidates if all(m["doc"] in documents.features for m in h.exemplars)],
                       similarity, model)


def _split_apart(kept: KeptHappening, towns: set[str], times: set[str]) -> bool:
    """Whether ``split_by_place_and_time`` would part the mentions from the kept happening: each part of a
    happening names one town and one time (a time joins one it is a prefix of: "2016" and "2016-05-02")."""
    if towns and kept.towns and towns != kept.towns:
        return True
    return any(not one_time(a, b) for a in times for b in kept.said["times"])


class _Documents:
    """The linker features of the articles compared, loaded when a comparison first needs them: a large story's
    other articles are never read unless an added happening is compared with their mentions."""

    def __init__(self, features: dict[str, dict[str, Any]], load: Callable[[Iterable[str]], dict[str, dict[str, Any]]]):
        self.features, self._load = dict(features), load
        self._similarity = document_similarity(self.features)

    def covering(self, docs: set[str]):
        """The similarity of two articles, with these articles' features loaded."""
        if missing := docs - self.features.keys():
            self.features.update(self._load(sorted(missing)))
            self._similarity = document_similarity(self.features)
        return self._similarity


def linked_home(mentions: list[dict[str, Any]], candidates: list[KeptHappening], similarity,
                model: CorefModel) -> KeptHappening | None:
    """The candidate whose exemplars the coreference model links the mentions to most, if at its threshold."""
    scored = [(_linked(mentions, h.exemplars, similarity, model), h) for h in candidates]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= model.threshold else None


def _linked(mentions: list[dict[str, Any]], exemplars: list[dict[str, Any]], similarity, model: CorefModel) -> float:
    """How the batch clustering would link the two groups: by the model's linkage over their pair probabilities
    (single: the highest, complete: the lowest, average: the mean)."""
    found = [model.probability(model.features(a, b, a["doc"] == b["doc"], *similarity(a["doc"], b["doc"])))
             for a in mentions for b in exemplars]
    if not found:
        return 0.0
    return max(found) if model.linkage == "single" else min(found) if model.linkage == "complete" \
        else sum(found) / len(found)
