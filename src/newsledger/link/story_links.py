"""Whether an article reports the happening of a story: a logistic model over article-to-story evidence.

Two same-day reports of one shooting often share few words ("gunfire erupted" vs "a man was shot") but their
town, a street, a victim's name or their headline's rare words; a trial months later shares only names. The
hand-weighted cosine of ``stories.similarity`` misses both, so the linker scores each candidate story with this
model instead: the term and entity cosines, the headline cosine, the rarest name and word both share, the
event places both name, the lead-event towns agreeing or not, the day gap, the counts the headlines give, and
the day the shooting happened as the text tells it ("shot Sunday night", resolved against the article's date:
``stories.incident_evidence``), which two reports of one incident share however far apart they were written, and
the ages the reports give their victims and suspects ("a 17-year-old", "Jamal Smith, 19,"). It
is trained on the GVA tune part (real local reports grouped by incident) by
``python -m newsledger.training.story_links`` and ships as ``story_links_model.json``: a few numbers, applied
without scikit-learn (``newsledger.logistic``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from wordfreq import zipf_frequency

from newsledger import logistic
from newsledger.logistic import Logistic
from newsledger.shipped import load as load_shipped

MODEL_PATH = Path(__file__).with_name("story_links_model.json")
#: A headline's outlet suffix ("… « CBS San Francisco", "… | WGN-TV") is shared by unrelated reports of one site.
TITLE_SUFFIX = re.compile(r"\s+[|«»–—-]\s+.*$")
TITLE_WORD = re.compile(r"[a-z][a-z'’]{2,}")
#: Only this many of a long headline's words count: a hostile 2 MB "title" costs no more than a real one.
TITLE_WORDS = 24
#: A story remembers at most this many event-place words (a story's own places repeat, new ones are few).
PLACE_WORDS = 200
ARTICLE_PLACES = 20
#: A name at least this rare (7 − Zipf) is a person's or a street's, not "Chicago" (≈ 2.6) or "Police".
RARE_NAME = 4.5
FEATURES = (
    "term_cosine", "entity_cosine", "title_cosine", "rarest_shared_name", "rarest_shared_term",
    "shared_event_place", "lead_towns_agree", "lead_towns_differ", "log_day_gap", "log_days_from_start", "undated",
    "log_story_size",
    "rarest_shared_title_word", "shared_rare_names", "title_counts_agree", "title_counts_differ",
    "incident_day_agree", "log_incident_day_gap", "log_days_from_start_not_on_the_day",
    "ages_agree", "ages_differ",
)
#: Counts a headline gives in words ("Five shot", "quadruple shooting"): two reports of one shooting give the
#: same toll, two shootings in one town seldom do.
COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "double": 2, "triple": 3, "quadruple": 4, "quintuple": 5,
}
TITLE_COUNT = re.compile(r"\b(\d{1,3}|" + "|".join(COUNT_WORDS) + r")\b")
#: A story remembers at most this many headline counts.
TITLE_COUNTS = 50


#: An age as local reports give a victim's or a suspect's ("a 17-year-old", "Jamal Smith, 17,"): two reports of one
#: shooting give the same ages, two shootings in one town seldom do (GVA tune, reports from one town within a week
#: that both give ages: 88% of the pairs of one incident share one, 19% of the pairs of two incidents).
AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b|,\s(\d{1,2}),\s")
#: Ages are read from the headline and the article's opening, where the people of its happening are introduced.
AGE_CHARS = 1500
AGES = 10


class StoryEvidence(Protocol):
    """What a story keeps for scoring (``stories._StoryState``)."""

    terms: Any
    entities: Any
    titles: Any
    entity_articles: Any
    event_places: set[str]
    title_counts: set[int]
    incident_days: set[str]
    ages: set[int]
    places: set[str]
    articles: list[str]

    def days_from(self, day: str) -> int | None: ...

    def days_from_start(self, day: str) -> int | None: ...


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """7 − Zipf frequency of the word's rarest part: "Isfahan" ≈ 6, "said" ≈ 0.5 (as ``stories._idf``)."""
    rarest = max((7.0 - zipf_frequency(part, "en") for part in word.split()), default=0.0)
    return min(7.0, max(0.5, rarest))


def title_vector(title: str) -> dict[str, float]:
    """The headline's words, without the outlet's suffix, weighted by rarity and of unit length."""
    words = TITLE_WORD.findall(_headline(title))[:TITLE_WORDS]
    weights = {word: rarity(word) for word in words if rarity(word) >= 1.5}
    norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
    return {word: value / norm for word, value in weights.items()}


def _headline(title: str) -> str:
    return TITLE_SUFFIX.sub("", (title or "")[:400]).casefold()


def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def title_counts(title: str) -> set[int]:
    """The counts a headline gives ("3 dead, 5 hurt" → {3, 5}); ages ("9-year-old") and years are not counts."""
    headline = re.sub(r"\d+-(year|month|week|day)s?-old|\b(19|20)\d\d\b", " ", _headline(title))
    found = {int(m) if m.isdigit() else COUNT_WORDS[m] for m in TITLE_COUNT.findall(headline)[:TITLE_WORDS]}
    return {n for n in found if n > 0}


def told_ages(title: str, text: str) -> list[int]:
    """The ages the headline and the opening give, first told first (at most ``AGES``)."""
    found: dict[int, None] = {}
    for match in AGE.finditer(f"{(title or '')[:400]}\n{text[:AGE_CHARS]}"):
        found[int(match.group(1) or match.group(2))] = None
    return list(found)[:AGES]


def event_places(features: dict[str, Any]) -> set[str]:
    """The place words the article's event mentions name (towns, streets, venues), as the extractor wrote them;
    at most ``ARTICLE_PLACES`` of them, from the first mentions (the lead's)."""
    found: set[str] = set()
    for mention in features.get("event_mentions", ())[:50]:
        for place in mention.get("args", {}).get("place", ())[:10]:
            if len(place) < 60:
                found.add(place)
                if len(found) == ARTICLE_PLACES:
                    return found
    return found


def pair_features(features: dict[str, Any], title: dict[str, float], places: set[str],
                  story: StoryEvidence) -> list[float]:
    """The evidence that the article (its unit-length ``features``, ``title_vector`` and ``event_places``)
    reports the story's happening, in ``FEATURES`` order."""
    counts = title_counts(features.get("title", ""))
    days = set(features.get("event_days", ()))
    article_ages = set(features.get("ages", ()))  # ledgers stored before the ages were read give none
    shared_names = [features["names"].get(e, "") for e in features["entities"] if e in story.entity_articles]
    shared_terms = [t for t in features["terms"] if t in story.terms.weights]
    shared_places = places & story.event_places
    lead_towns = set(features["places"])
    gap = story.days_from(features["date"])
    since = story.days_from_start(features["date"])
    return [
        story.terms.cosine(features["terms"]),
        story.entities.cosine(features["entities"]),
        story.titles.cosine(title),
        max((rarity(name.casefold()) for name in shared_names if name), default=0.0),
        max((rarity(term) for term in shared_terms), default=0.0),
        max((rarity(place) for place in shared_places), default=0.0),
        float(bool(lead_towns and story.places and lead_towns & story.places)),
        float(bool(lead_towns and story.places and not lead_towns & story.places)),
        math.log1p(gap) if gap is not None else 0.0,
        math.log1p(since) if since is not None else 0.0,
        float(gap is None),
        math.log(len(story.articles)),
        max((rarity(word) for word in title if word in story.titles.weights), default=0.0),
        float(sum(1 for name in shared_names if name and rarity(name.casefold()) >= RARE_NAME)),
        float(bool(counts & story.title_counts)),
        float(bool(counts and story.title_counts and not counts & story.title_counts)),
        float(bool(days & story.incident_days)),
        math.log1p(min((abs(_day(a) - _day(b)) for a in days for b in story.incident_days), default=0)),
        math.log1p(since) if since is not None and not days & story.incident_days else 0.0,
        float(bool(article_ages & story.ages)),
        float(bool(article_ages and story.ages and not article_ages & story.ages)),
    ]


@dataclass(frozen=True)
class LinkModel(Logistic):
    """Logistic regression over standardised ``FEATURES``; ``threshold`` is the probability to join at."""

    threshold: float

    def to_json(self, provenance: dict[str, Any]) -> str:
        return self.dumps(FEATURES, threshold=self.threshold, provenance=provenance)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LinkModel:
        data = logistic.read(path, FEATURES)
        return cls(*logistic.fields(data), data["threshold"])


@lru_cache(maxsize=1)
def shipped() -> LinkModel:
    return load_shipped("story_links")
