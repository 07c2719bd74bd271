"""Streaming story clustering: each arriving article joins the most similar story or starts a new one.

An article is summarised by weighted content terms (rarer words weigh more, by their general English
frequency, so a ledger of three articles needs no corpus statistics), its entities, the places and types of
its events and its date. A story is the running sum of its articles' summaries. Candidates come from an
inverted index over each article's few most discriminative keys (rare terms, entities), whose postings keep
only the most recently active stories, and at most ``max_candidates`` of them are scored; a story's centroids
keep their heaviest keys, and a large story is checked for merges only as it grows: the cost per article is
bounded whatever the size of the ledger. A near-copy of an earlier article (MinHash, ``duplicates.py``)
joins that article's story and is reported as its duplicate. Two stories that began apart (their first
articles disagreed) merge once the one an article joined has grown very similar to another of its candidates;
``take_merges`` reports them so the store can follow.

Each candidate is scored by the learned link model (``story_links.py``: trained on GVA tune incidents and ECB+
train sub-topics); retrieval keys add the headline's rarest words and the event places, ranked by how few
stories list them. Three rules guard what the model cannot see: an article must fit the story's articles on
average, not only its centroid (``min_fit``: drift); more than ``follow_up_days`` after a story began, it must
share a name only that story lists (a follow-up, not the next happening of a campaign), and a rare name more than
``rare_name_after_days`` on unless it tells of the story's incident day; and a story whose lead attacks happened
in other towns is another happening. A report that tells of the story's incident day, and that the model is sure
of, is spared the fit gate and the towns veto (``on_the_day_probability``). The older weighted cosine (``learned=False``; its
weights and thresholds tuned on ECB+ train, ``newsledger bench stories``) still decides merges.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from newsledger.extract.entities import EntityIndex
from newsledger.extract.timex.values import day_of
from newsledger.link.centroid import Centroid  # noqa: F401  (re-exported: link/coref.py and tests import it here)
from newsledger.link.duplicates import DuplicateIndex, sketch
from newsledger.link.story_links import (
    RARE_NAME,
    LinkModel,
    event_places,
    pair_features,
    rarity,
    shipped,
    title_vector,
    told_ages,
)
from newsledger.link.story_state import KeptStories, StoryState
from newsledger.records import ArticleRecords, Event, EventType

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
TOP_TERMS = 40
LEAD_SENTENCES = 5
#: Retrieval keys per article: its heaviest terms rarer than KEY_MIN_IDF, and its heaviest entities.
KEY_TERMS = 10
KEY_ENTITIES = 6
KEY_MIN_IDF = 3.0
KEY_TITLE_WORDS = 5
KEY_PLACES = 8
#: Events whose place says where the happening was (a meeting's place does not separate two strikes);
#: only those in the lead count, as later paragraphs recall earlier happenings.
TOWN_LABELS = {"GPE", "LOC"}
PLACE_EVENTS = {EventType.ATTACK, EventType.INTERCEPTION, EventType.LAUNCH, EventType.DAMAGE}
#: The happenings whose day says which incident a report is of (a shooting, a death); an arrest's or a
#: statement's day is another. At most this many days an article.
INCIDENT_EVENTS = PLACE_EVENTS | {EventType.DEATH}
INCIDENT_KEYS = 10


@dataclass(frozen=True)
class LinkerConfig:
    """The linker's knobs. ``threshold`` and the weights are the ECB+ train optimum of sub-topic B³ F1."""

    threshold: float = 0.25
    term_weight: float = 0.5  # the entity cosine gets the rest
    place_bonus: float = 0.15  # attack-type events in the lead share a place
    place_penalty: float = 0.3  # they happened in different places: two strikes, not one (the seeds' 002 vs 004)
    #: A dated article never joins a story whose dates are all further away than this. GVA follow-ups (trials,
    #: sentences) come up to three years later: the learned model weighs the gap and the incident's day, and
    #: ``follow_up_days`` asks for specifics (GVA tune CV B³ F1: 400 days 0.936, 1200 days 0.940, 2000 days 0.940).
    window_days: int = 1200
    posting_limit: int = 64  # stories kept per retrieval key, most recently active first
    max_candidates: int = 16
    #: Story-to-story similarity at which two stories become one. On ECB+ train no value merged reliably
    #: better (0.35: B³ F1 +0.6 but ARI −0.2 over 10 orders, 0.325: both worse, 0.4–0.7: both worse), so it
    #: is set where train sees no merge: only stories nearly alike in words and names merge.
    merge_threshold: float = 0.8
    #: A story is compared with its candidates for a merge after every article while it is small, then only once
    #: it has grown by this share since its last check: one more article hardly moves a large story's centroid,
    #: and the checks of a story of n articles then cost O(log n) comparisons instead of O(n).
    merge_check_every_up_to: int = 16
    merge_check_growth: float = 0.1
    #: Score candidates with the learned model (``story_links.py``) rather than the weighted cosine above; its
    #: own threshold then decides, and ``threshold``, the weights and the place bonus and penalty do not act.
    learned: bool = True
    #: An article joins a story of two or more articles only if its mean similarity to them (``StoryState.fit``)
    #: is at least this: PolNeAR's campaign coverage otherwise chains into stories of 160 articles over a year.
    min_fit: float = 0.15
    #: An article dated more than ``follow_up_days`` after a story's first day joins it only through a key that
    #: at most ``specific_posting`` stories list (``StoryLinker._late_without_specifics``).
    follow_up_days: int | None = 3
    specific_posting: int = 1
    #: Later than this after the story began, and not on the incident's day, the shared name must be a rare one.
    rare_name_after_days: int = 30
    #: Never join a story whose lead attacks happened in other towns (``StoryLinker._elsewhere``).
    towns_veto: bool = True
    towns_veto_after_days: int = 1
    #: A report telling of one of the story's incident days that the model scores at least this is spared the fit
    #: gate and the towns veto: two reports of one shooting in other words fit its story poorly, and name its place
    #: at other levels, days apart ("Chicago" / "Austin"). GVA tune CV B³ F1 +0.006 (at 0.8: +0.004).
    on_the_day_probability: float = 0.5
    #: Later than ``follow_up_days``, a report on the story's incident day may join through a name that up to this
    #: many stories list (an arrest names the victim that a second, split-off story of the shooting also lists).
    on_the_day_posting: int = 3


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
    idf = {lemma: _idf(lemma) for lemma in counts}
    weighted = {lemma: (1 + math.log(count)) * idf[lemma] for lemma, count in counts.items()}
    top = dict(sorted(weighted.items(), key=lambda item: -item[1])[:TOP_TERMS])
    entity_counts: Counter = Counter()
    names = {}
    for mention in records.mentions:
        if mention.label != "NORP":
            entity_counts[mention.entity] += _lead_weight(_token_at(doc, mention.start), lead_end)
            names[mention.entity] = mention.name
    entities = {e: (1 + math.log(c)) * _idf(names[e].casefold()) for e, c in entity_counts.items()}
    # Towns and regions, not streets or buildings: two reports of one shooting name its street differently
    # ("Cerise Avenue", "the 13500 block of Cerise Avenue") but its town alike.
    index = EntityIndex([m for m in records.mentions if m.label in TOWN_LABELS])
    places = sorted(
        {
            place
            for event in records.events
            if event.place is not None and event.type in PLACE_EVENTS and event.trigger.start < lead_chars
            and (place := index.entity_at(event.place.start, event.place.end))
        }
    )
    rare_terms = [term for term in top if idf[term] >= KEY_MIN_IDF][:KEY_TERMS]
    return {
        "terms": _unit(top),
        "entities": _unit(entities),
        "places": places,
        "date": records.article.published,
        "title": records.article.title or _first_sentence(doc),
        "names": names,
        "keys": rare_terms + _heaviest(entities, KEY_ENTITIES),
        "sketch": sketch(records.article.text),
        "ages": told_ages(records.article.title or "", records.article.text),
        **incident_evidence(records.events),
    }


def incident_evidence(events: list[Event]) -> dict[str, list[str]]:
    """The days the article's shootings and deaths happened on, first told first (resolved against its date: "a
    man was shot Saturday"): two reports of one incident give its day, two shootings in one city seldom share it,
    and a trial months later still names the day of the shooting. GVA tune CV B³ F1 0.930 → 0.940."""
    days: dict[str, None] = {}
    for event in sorted(events, key=lambda e: e.trigger.start):
        day = day_of(event.time.value) if event.type in INCIDENT_EVENTS and event.time else None
        if day is not None:  # a real calendar day ("2016-12-04", "2016-12-04T21:00"; not "2016-W49")
            days[day.isoformat()] = None
            if len(days) == INCIDENT_KEYS:
                break
    return {"event_days": list(days)}


def _name_words(name: str) -> set[str]:
    """A place name's words, so "East Memphis" and "Memphis" or "Lunenburg" and "Lunenburg County" are not apart."""
    return {word for word in name.casefold().split() if len(word) > 2}


def _names_something(key: str, names: dict[str, str] | None = None) -> bool:
    """Whether a retrieval key is a name: an entity, an event place, or a word as rare as a surname ("dosouto"),
    not a word any campaign article may use first ("caucus"). With the article's ``names``, entities and places
    must be as rare too ("Atwater", not "Iowa")."""
    if key.startswith(("ent_", "place:")) and names is None:
        return True
    if key.startswith("ent_"):
        return rarity(names.get(key, "").casefold()) >= RARE_NAME
    return rarity(key.removeprefix("title:").removeprefix("place:")) >= RARE_NAME


def _on_the_day(features: dict[str, Any], story: StoryState) -> bool:
    """Whether the article tells of one of the days the story's shootings or deaths happened on."""
    return not story.incident_days.isdisjoint(features.get("event_days", ()))


def _heaviest(vector: dict[str, float], n: int) -> list[str]:
    return [key for key, _ in sorted(vector.items(), key=lambda item: -item[1])[:n]]


def _keys(features: dict[str, Any]) -> list[str]:
    """Retrieval keys: the stored ones (features stored before keys existed fall back to their heaviest terms and
    entities), the headline's rarest words and the event places. Two reports of one shooting often share only
    their headline's town or a street: with those keys 91% of GVA tune articles retrieve their incident's story
    among 16 candidates, against 75% without (``docs/notes/stories.md``)."""
    stored = features.get("keys") or _heaviest(features["terms"], KEY_TERMS) + _heaviest(features["entities"], KEY_ENTITIES)
    title = title_vector(features.get("title", ""))
    headline = ["title:" + word for word, _ in sorted(title.items(), key=lambda item: -item[1])[:KEY_TITLE_WORDS]]
    places = ["place:" + place for place in sorted(event_places(features))[:KEY_PLACES]]
    return list(dict.fromkeys([*stored, *headline, *places]))


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


def similarity(features: dict[str, Any], story: StoryState, config: LinkerConfig = LinkerConfig()) -> float:
    """Content and entity cosine, raised when the events happened in the same place and lowered when apart;
    zero outside the story's time window."""
    apart = story.days_from(features["date"])
    if apart is not None and apart > config.window_days:
        return 0.0
    score = config.term_weight * story.terms.cosine(features["terms"])
    score += (1 - config.term_weight) * story.entities.cosine(features["entities"])
    places = set(features["places"])
    if places and story.places:
        score += config.place_bonus if places & story.places else -config.place_penalty
    return score


def _days_between(a: StoryState, b: StoryState) -> int:
    """Days between two dated stories' ranges (0 when they overlap)."""
    if a.first > b.last:
        a, b = b, a
    return max(0, (date.fromisoformat(b.first) - date.fromisoformat(a.last)).days)


def story_similarity(a: StoryState, b: StoryState, config: LinkerConfig = LinkerConfig()) -> float:
    """``similarity`` between two stories' centroids: stories whose attacks happened in different places, or
    whose dates lie further apart than the window, never merge."""
    if a.first and b.first and _days_between(a, b) > config.window_days:
        return 0.0
    if a.places and b.places and not a.places & b.places:
        return 0.0
    score = config.term_weight * a.terms.cosine_with(b.terms)
    score += (1 - config.term_weight) * a.entities.cosine_with(b.entities)
    if a.places and b.places:
        score += config.place_bonus
    return score


class StoryLinker:
    """Holds the stories of the ledger and assigns each new article to one, in arrival order."""

    def __init__(self, config: LinkerConfig = LinkerConfig(), model: LinkModel | None = None) -> None:
        self.config = config
        self.model = (model or shipped()) if config.learned else None
        self.stories: dict[str, StoryState] = {}
        self.duplicate_of: dict[str, str] = {}  # article -> the earlier article it nearly copies
        self._story_of: dict[str, str] = {}
        self._index: dict[str, dict[str, None]] = {}  # key -> story ids, least recently active first
        self._keys_of: dict[str, set[str]] = {}  # story -> its retrieval keys, to move its postings on a merge
        self._merges: list[tuple[str, str]] = []  # (absorbed, survivor) since the last take_merges
        self._duplicates = DuplicateIndex()
        self._born = 0  # stories made so far: the next one's creation order

    def restore(self, article: str, story_id: str, features: dict[str, Any]) -> None:
        """Replay a stored assignment, so a re-opened ledger links new articles as it would have had it never
        stopped (a story's centroids, pruned in stored order, may differ in their lightest keys)."""
        story = self._story(story_id)
        self._add(story, article, features, _keys(features))
        story.merge_checked_at = len(story.articles)  # stored stories were checked as they grew

    def state(self, stories: Iterable[str] | None = None) -> dict[str, Any]:
        """What the linker holds as JSON-able data (``link/snapshot.py``), with these stories (all when None)."""
        chosen = self.stories.values() if stories is None else (self.stories[s] for s in stories)
        duplicates = self._duplicates.state()
        return {"born": self._born, "index": {key: list(posting) for key, posting in self._index.items()},
                "duplicates": duplicates, "duplicate_stories": {a: self._story_of[a] for a in duplicates["sketches"]},
                "stories": [{**story.state(), "keys": sorted(self._keys_of.get(story.id, ()))} for story in chosen]}

    @classmethod
    def from_state(cls, state: dict[str, Any], config: LinkerConfig = LinkerConfig(),
                   more: Callable[[str], dict[str, Any] | None] | None = None) -> StoryLinker:
        """The linker of ``state``; a story it does not hold is taken from ``more`` when first asked for."""
        linker = cls(config)
        linker._born = state["born"]
        linker._index = {key: dict.fromkeys(posting) for key, posting in state["index"].items()}
        linker._duplicates = DuplicateIndex.from_state(state["duplicates"])
        linker._story_of.update(state["duplicate_stories"])

        def take_up(record: dict[str, Any]) -> StoryState:
            story = StoryState.from_state(record)
            linker.stories[story.id], linker._keys_of[story.id] = story, set(record["keys"])
            linker._story_of.update(dict.fromkeys(story.articles, story.id))
            return story

        linker.stories = KeptStories(lambda story: take_up(kept) if more and (kept := more(story)) else None)
        for record in state["stories"]:
            take_up(record)
        return linker

    def assign(self, article: str, features: dict[str, Any]) -> str:
        """The id of the story the article joins (a new story takes the id of its first article); joining may
        merge that story with another (see ``take_merges``), and the id returned is the merged story's."""
        keys = _keys(features)
        original = self._duplicates.find(features.get("sketch") or [])
        if original is not None:
            self.duplicate_of[article] = original
            story = self.stories[self._story_of[original]]
        else:
            story = self._best(features, keys) or self._story(f"s_{article}")
        self._add(story, article, features, keys)
        # a story of one article was just found below ``threshold`` to every candidate: no merge to look for
        if len(story.articles) > 1 and self._merge_check_due(story):
            story = self._merge_similar(story, keys)
        return story.id

    def take_merges(self) -> list[tuple[str, str]]:
        """The (absorbed, survivor) story pairs merged since the last call, in order: the absorbed story is gone
        and its articles belong to the survivor (which a later pair may absorb in turn)."""
        merges, self._merges = self._merges, []
        return merges

    def story_of(self, article: str) -> str:
        return self._story_of[article]

    def _merge_check_due(self, story: StoryState) -> bool:
        size = len(story.articles)
        due = size <= self.config.merge_check_every_up_to or \
            size >= story.merge_checked_at * (1 + self.config.merge_check_growth)
        if due:
            story.merge_checked_at = size
        return due

    def _merge_similar(self, story: StoryState, keys: list[str]) -> StoryState:
        """Merge the story into its most similar candidate, or that candidate into it, when they are now alike.
        Only the article's candidates (by its retrieval ``keys``) are compared, so the check costs what assigning
        did."""
        best, best_score = None, self.config.merge_threshold
        for candidate in self._candidates(keys):
            if candidate != story.id:
                score = story_similarity(story, self.stories[candidate], self.config)
                if score >= best_score:
                    best, best_score = self.stories[candidate], score
        if best is None:
            return story
        return self._merge(story, best)

    def _merge(self, a: StoryState, b: StoryState) -> StoryState:
        """The larger story survives (the older on a tie: its id has been shown longer) and takes the other's
        articles, duplicates' lookups and index postings."""
        survivor, absorbed = sorted((a, b), key=lambda s: (-len(s.articles), s.born))
        survivor.absorb(absorbed)
        for article in absorbed.articles:
            self._story_of[article] = survivor.id
        keys = self._keys_of.pop(absorbed.id, set())
        for key in keys:
            posting = self._index.get(key, {})
            if absorbed.id in posting:  # the survivor keeps its place if listed, else goes last (it was just active)
                del posting[absorbed.id]
                posting[survivor.id] = None
        self._keys_of.setdefault(survivor.id, set()).update(keys)
        del self.stories[absorbed.id]
        self._merges.append((absorbed.id, survivor.id))
        return survivor

    def _story(self, story_id: str) -> StoryState:
        if story_id not in self.stories:
            self.stories[story_id] = StoryState(story_id, born=self._born)
            self._born += 1
        return self.stories[story_id]

    def _best(self, features: dict[str, Any], keys: list[str]) -> StoryState | None:
        if self.model is None:
            return self._best_by_similarity(features, keys)
        unit = {**features, "terms": _unit(features["terms"]), "entities": _unit(features["entities"])}
        best, best_score = None, self.model.threshold
        for candidate, row in self.candidate_rows(features, keys):
            score = self.model.probability(row)
            story = self.stories[candidate]
            if score < best_score or self._late_without_specifics(story, features, keys):
                continue
            sure_of_the_day = score >= self.config.on_the_day_probability and _on_the_day(features, story)
            if sure_of_the_day or (self._coheres(story, unit) and not self._elsewhere(story, features)):
                best, best_score = candidate, score
        return self.stories[best] if best else None

    def _late_without_specifics(self, story: StoryState, features: dict[str, Any], keys: list[str]) -> bool:
        """Whether the article comes long after the story began and shares no specific key with it. A follow-up
        (an arrest, a trial) names the happening's people or places; an article that shares only a campaign's
        household names ("Clinton", "Iowa") is another happening. Specific is judged within the ledger: a key
        listed under at most ``specific_posting`` stories."""
        since = story.days_from_start(features["date"])
        if self.config.follow_up_days is None or since is None or since <= self.config.follow_up_days:
            return False
        on_day = _on_the_day(features, story)
        strict = since > self.config.rare_name_after_days and not on_day
        listed_by = self.config.on_the_day_posting if on_day else self.config.specific_posting
        for key in keys:
            posting = self._index.get(key, {})
            if story.id in posting and len(posting) <= listed_by and \
                    _names_something(key, features["names"] if strict else None):
                return False
        return True

    def _elsewhere(self, story: StoryState, features: dict[str, Any]) -> bool:
        """Whether the article's lead attacks happened in other towns than the story's: two strikes by the same
        actors in Karaj and in Isfahan are two happenings however alike their reports (the seeds' 004 vs 000).
        The model weighs this too, but is outvoted by shared names and words, as on the seeds. Reports dated
        within ``towns_veto_after_days`` of the story are exempt: they name one shooting's place at other levels
        ("Chicago" / "South Side", a street / its city), which the veto cost 0.6 point of GVA tune CV B³ F1."""
        places = set(features["places"])
        if not (self.config.towns_veto and places and story.places) or places & story.places:
            return False
        gap = story.days_from(features["date"])
        if gap is not None and gap <= self.config.towns_veto_after_days:
            return False
        words = {w for p in places for w in _name_words(features["names"].get(p, ""))}
        return not words & {w for p in story.places for w in _name_words(story.names.get(p, ""))}

    def _coheres(self, story: StoryState, unit_features: dict[str, Any]) -> bool:
        """Whether the story stays one happening with the article: a loose story's centroid resembles any article
        on its broad topic (a campaign, a city's crime), so drift is caught by the article's mean similarity
        to the story's articles, which a tight story keeps high and a drifting one cannot."""
        return len(story.articles) < 2 or story.fit(unit_features, self.config.term_weight) >= self.config.min_fit

    def candidate_rows(self, features: dict[str, Any], keys: list[str] | None = None) -> list[tuple[str, list[float]]]:
        """The candidate stories within the time window, each with its ``story_links.pair_features`` row."""
        unit = {**features, "terms": _unit(features["terms"]), "entities": _unit(features["entities"])}
        title, places = title_vector(features.get("title", "")), event_places(features)
        rows = []
        for candidate in self._candidates(_keys(features) if keys is None else keys):
            story = self.stories[candidate]
            apart = story.days_from(features["date"])
            if apart is None or apart <= self.config.window_days:
                rows.append((candidate, pair_features(unit, title, places, story)))
        return rows

    def _best_by_similarity(self, features: dict[str, Any], keys: list[str]) -> StoryState | None:
        features = {**features, "terms": _unit(features["terms"]), "entities": _unit(features["entities"])}
        best, best_score = None, self.config.threshold
        for candidate in self._candidates(keys):
            score = similarity(features, self.stories[candidate], self.config)
            if score >= best_score:
                best, best_score = candidate, score
        return self.stories[best] if best else None

    def _candidates(self, keys: list[str]) -> list[str]:
        """The stories sharing the most specific retrieval keys with the article (at most ``max_candidates``): a
        key counts 1 / (stories listed under it), so a street named by two stories outweighs "firearm" named by
        sixty (GVA tune: 91% of articles retrieve their incident's story, against 85% when every key counts 1)."""
        shared: Counter = Counter()
        for key in keys:
            posting = self._index.get(key, ())
            for story in posting:
                shared[story] += 1.0 / len(posting)
        return [story for story, _ in shared.most_common(self.config.max_candidates)]

    def _add(self, story: StoryState, article: str, features: dict[str, Any], keys: list[str]) -> None:
        story.add(article, features)
        self._story_of[article] = story.id
        if article not in self.duplicate_of:  # a copy of a copy is found through the original
            self._duplicates.add(article, features.get("sketch") or [])
        self._keys_of.setdefault(story.id, set()).update(keys)
        for key in keys:
            posting = self._index.setdefault(key, {})
            posting.pop(story.id, None)
            posting[story.id] = None  # most recent last
            if len(posting) > self.config.posting_limit:
                del posting[next(iter(posting))]
