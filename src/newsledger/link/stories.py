"""Streaming story clustering: each arriving article joins the most similar story or starts a new one.

An article is summarised by weighted content terms (rarer words weigh more, by their general English
frequency, so a ledger of three articles needs no corpus statistics), its entities, the places and types of
its events and its date. A story is the running sum of its articles' summaries. Candidate stories come from
an inverted index over terms and entities, so the cost per article depends on how many stories share its
vocabulary, not on the size of the ledger.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from newsledger.extract.entities import EntityIndex
from newsledger.records import ArticleRecords, EventType, Story

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
TOP_TERMS = 40
LEAD_SENTENCES = 5
#: Events whose place says where the happening was (a meeting's place does not separate two strikes);
#: only those in the lead count, as later paragraphs recall earlier happenings.
PLACE_EVENTS = {EventType.ATTACK, EventType.INTERCEPTION, EventType.LAUNCH, EventType.DAMAGE}
#: Join a story when the similarity reaches this; provisional, to be tuned on ECB+ train (issue 4).
JOIN_THRESHOLD = 0.35
#: A dated article never joins a story none of whose dated articles is within this many days of it.
STORY_WINDOW_DAYS = 30


def _idf(word: str) -> float:
    """Rarity from general English frequency: "Isfahan" weighs far more than "Iran", "said" almost nothing."""
    rarest = max((7.0 - zipf_frequency(part, "en") for part in word.split()), default=0.0)
    return min(7.0, max(0.5, rarest))


def _lead_weight(token_index: int, lead_end: int) -> float:
    """News puts the happening first: the lead's words count twice."""
    return 2.0 if token_index < lead_end else 1.0


def article_features(doc: Doc, records: ArticleRecords) -> dict[str, Any]:
    """What the linker compares, kept small (the top terms) and JSON-serialisable for the store."""
    sentences = list(doc.sents)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0
    lead_chars = doc[lead_end - 1].idx if lead_end else 0
    in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    counts: Counter = Counter()
    for token in doc:
        if token.pos_ in CONTENT_POS and token.is_alpha and not token.is_stop and len(token) > 2 and token.i not in in_entity:
            counts[token.lemma_.lower()] += _lead_weight(token.i, lead_end)
    weighted = {lemma: (1 + math.log(count)) * _idf(lemma) for lemma, count in counts.items()}
    top = dict(sorted(weighted.items(), key=lambda item: -item[1])[:TOP_TERMS])
    entity_counts: Counter = Counter()
    names = {}
    for mention in records.mentions:
        if mention.label != "NORP":
            entity_counts[mention.entity] += _lead_weight(_token_at(doc, mention.start), lead_end)
            names[mention.entity] = mention.name
    entities = {e: (1 + math.log(c)) * _idf(names[e].casefold()) for e, c in entity_counts.items()}
    index = EntityIndex(records.mentions)
    places = sorted(
        {
            place
            for event in records.events
            if event.place is not None and event.type in PLACE_EVENTS and event.trigger.start < lead_chars
            and (place := index.entity_at(event.place.start, event.place.end))
        }
    )
    return {
        "terms": _unit(top),
        "entities": _unit(entities),
        "places": places,
        "date": records.article.published,
        "title": records.article.title or _first_sentence(doc),
        "names": names,
    }


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _first_sentence(doc: Doc, limit: int = 120) -> str:
    sentence = next(doc.sents).text.strip() if len(doc) else ""
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
    return {key: round(value / norm, 5) for key, value in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(key, 0.0) for key, value in a.items())
    norm_b = math.sqrt(sum(value * value for value in b.values())) or 1.0
    norm_a = math.sqrt(sum(value * value for value in a.values())) or 1.0
    return dot / (norm_a * norm_b)


@dataclass
class _StoryState:
    id: str
    articles: list[str] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    entity_articles: Counter = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    title: str = ""

    def add(self, article: str, features: dict[str, Any]) -> None:
        self.articles.append(article)
        self.terms.update(features["terms"])
        self.entities.update(features["entities"])
        self.entity_articles.update(features["entities"].keys())
        self.names.update(features["names"])
        self.places.update(features["places"])
        if features["date"]:
            self.dates.append(features["date"])
        self.title = self.title or features["title"]

    def record(self) -> Story:
        key = sorted(self.entity_articles, key=lambda e: (-self.entity_articles[e], -self.entities[e], e))
        dates = sorted(self.dates)
        return Story(
            id=self.id,
            title=self.title,
            articles=list(self.articles),
            first_seen=dates[0] if dates else None,
            last_seen=dates[-1] if dates else None,
            key_entities=key[:8],
        )


def similarity(features: dict[str, Any], story: _StoryState) -> float:
    """Content and entity cosine, raised when the events happened in the same place and lowered when apart;
    zero outside the story's time window."""
    if features["date"] and story.dates and _days_apart(features["date"], story.dates) > STORY_WINDOW_DAYS:
        return 0.0
    score = 0.6 * _cosine(features["terms"], story.terms) + 0.4 * _cosine(features["entities"], story.entities)
    places = set(features["places"])
    if places and story.places:
        score += 0.15 if places & story.places else -0.15
    return score


def _days_apart(day: str, days: list[str]) -> int:
    when = date.fromisoformat(day)
    return min(abs((when - date.fromisoformat(other)).days) for other in days)


class StoryLinker:
    """Holds the stories of the ledger and assigns each new article to one, in arrival order."""

    def __init__(self) -> None:
        self.stories: dict[str, _StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._index: dict[str, set[str]] = defaultdict(set)

    def restore(self, article: str, story_id: str, features: dict[str, Any]) -> None:
        """Replay a stored assignment, so a re-opened ledger links new articles as if it never stopped."""
        story = self.stories.setdefault(story_id, _StoryState(story_id))
        self._add(story, article, features)

    def assign(self, article: str, features: dict[str, Any]) -> str:
        """The id of the story the article joins (a new story takes the id of its first article)."""
        best, best_score = None, JOIN_THRESHOLD
        for candidate in self._candidates(features):
            score = similarity(features, self.stories[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        story = self.stories[best] if best else self.stories.setdefault(f"s_{article}", _StoryState(f"s_{article}"))
        self._add(story, article, features)
        return story.id

    def _candidates(self, features: dict[str, Any]) -> set[str]:
        found: set[str] = set()
        for key in (*features["terms"], *features["entities"]):
            found |= self._index.get(key, set())
        return found

    def _add(self, story: _StoryState, article: str, features: dict[str, Any]) -> None:
        story.add(article, features)
        self._story_of[article] = story.id
        for key in (*features["terms"], *features["entities"]):
            self._index[key].add(story.id)
