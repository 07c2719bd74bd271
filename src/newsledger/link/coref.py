"""Cross-document event coreference: which event mentions, in the articles of one story, are the same happening.

Each mention is described once from the spaCy parse (``describe``: head lemma, part of speech, event type,
the entities, times, places and numbers of its sentence, its sentence's rare words) into a small JSON-able
dict, so the description can be stored with the article and clustering needs no parse. A pairwise model scores
mention pairs (lemma match, character-trigram similarity, argument overlap, sentence and document similarity,
and ``LemmaPriors``: how often the two head lemmas corefer in ECB+ train), and agglomerative clustering cuts the
dendrogram at a threshold. The model is a logistic regression over those features and a few crosses, trained on
ECB+ train topics 1–22, with its regularisation, linkage and threshold chosen by cross-validation over groups of
train topics (``python -m newsledger.training.coref``); it ships as ``coref_model.json`` and needs no scikit-learn.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from newsledger.link.stories import Centroid
from newsledger.shipped import load as load_shipped
from newsledger.similarity import jaccard

MODEL_PATH = Path(__file__).with_name("coref_model.json")
ARG_LABELS = {
    "time": {"DATE", "TIME"},
    "place": {"GPE", "LOC", "FAC"},
    "actor": {"PERSON", "ORG", "NORP"},
    "number": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"},
}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "agent", "attr", "oprd"}
CONTEXT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@lru_cache(maxsize=100_000)
def rarity(word: str) -> float:
    """7 − Zipf frequency: "say" ≈ 1, "earthquake" ≈ 3.5, "Aceh" ≈ 6."""
    return min(7.0, max(0.0, 7.0 - zipf_frequency(word, "en")))


def sentence_entities(doc: Doc) -> dict[int, list[Span]]:
    """The doc's entities by the start token of their sentence, read once: ``Span.ents`` walks every entity of
    the doc, so asking it once per mention costs the square of a long article."""
    starts = [sentence.start for sentence in doc.sents] if len(doc) else []
    found: dict[int, list[Span]] = {start: [] for start in starts}
    for ent in doc.ents:
        found[starts[bisect_right(starts, ent.start) - 1]].append(ent)
    return found


def describe(doc: Doc, start: int, end: int, mention_id: str, event_type: str | None = None,
             entities: dict[int, list[Span]] | None = None) -> dict[str, Any]:
    """The mention of characters ``start:end`` as the pairwise model sees it; pass ``sentence_entities(doc)``
    when describing many mentions of one doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    head = span.root
    sentence = head.sent
    args: dict[str, list[str]] = {kind: [] for kind in ARG_LABELS}
    in_sentence = entities.get(sentence.start, []) if entities is not None else sentence.ents
    for ent in in_sentence:
        for kind, labels in ARG_LABELS.items():
            if ent.label_ in labels:
                args[kind].append(ent.text.casefold())
    return {
        "id": mention_id,
        "lemma": head.lemma_.casefold(),
        "text": span.text.casefold(),
        "pos": head.pos_,
        "type": event_type,
        "args": {kind: sorted(set(found)) for kind, found in args.items()},
        "deps": sorted({t.lemma_.casefold() for t in _dependents(head) if t.pos_ in ("NOUN", "PROPN")}),
        "context": _context(sentence, head),
    }


def _dependents(head: Token) -> list[Token]:
    """The argument words of the trigger: its subjects and objects, and the objects of its prepositions."""
    found = []
    for child in head.children:
        if child.dep_ in ARG_DEPS:
            found.append(child)
        elif child.dep_ == "prep":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _context(sentence, head: Token, size: int = 12) -> dict[str, float]:
    """The sentence's rarest content lemmas (the trigger excluded), weighted by rarity."""
    weights = {t.lemma_.casefold(): rarity(t.lemma_.casefold()) for t in sentence
               if t.pos_ in CONTEXT_POS and t.is_alpha and not t.is_stop and t.i != head.i}
    return dict(sorted(weights.items(), key=lambda item: -item[1])[:size])


@lru_cache(maxsize=100_000)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"#{word}#"
    return frozenset(padded[i: i + 3] for i in range(len(padded) - 2))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _prefix(a: str, b: str) -> float:
    """Shared prefix over the shorter length: "shooting"/"shoot" 1.0, "kill"/"killer" 1.0, "die"/"death" 0.33."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n / min(len(a), len(b)) if a and b else 0.0


def _arg_agreement(a: list[str], b: list[str]) -> tuple[float, float]:
    """(overlap, conflict): Jaccard when both have such arguments; conflict when both have and share none."""
    if not a or not b:
        return 0.0, 0.0
    overlap = jaccard(a, b)
    return overlap, float(overlap == 0.0)


@dataclass(frozen=True)
class LemmaPriors:
    """How often mentions headed by two lemmas ("quake"/"earthquake", "kill"/"death") or by one lemma ("say":
    rarely, "earthquake": mostly) are one happening when they meet in one real event's documents, counted on
    labelled pairs. Synonyms and derivations a lexicon would give (no WordNet here), learned from data instead.
    Rates are smoothed, pos / (n + 1); a lemma pair is kept once it corefers, a lemma once seen 3 times."""

    pairs: dict[str, float] = field(default_factory=dict)  # "a|b" (a < b) → rate
    same: dict[str, float] = field(default_factory=dict)  # lemma → rate among its same-lemma pairs

    @classmethod
    def count(cls, labelled: Iterable[tuple[str, str, bool]]) -> LemmaPriors:
        """From (lemma, lemma, coreferent) triples."""
        positive: Counter = Counter()
        seen: Counter = Counter()
        for a, b, same_event in labelled:
            key = a if a == b else _pair_key(a, b)
            seen[key] += 1
            positive[key] += same_event
        pairs = {k: round(positive[k] / (n + 1), 4) for k, n in seen.items() if "|" in k and positive[k]}
        same = {k: round(positive[k] / (n + 1), 4) for k, n in seen.items() if "|" not in k and n >= 3}
        return cls(dict(sorted(pairs.items())), dict(sorted(same.items())))

    def features(self, a: str, b: str) -> list[float]:
        """(pair rate, pair known, same-lemma rate, same lemma known, same lemma unknown)."""
        if a != b:
            rate = self.pairs.get(_pair_key(a, b), 0.0)
            return [rate, float(rate > 0), 0.0, 0.0, 0.0]
        rate = self.same.get(a)
        return [0.0, 0.0, rate or 0.0, float(rate is not None), float(rate is None)]


def _pair_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a < b else f"{b}|{a}"


NO_PRIORS = LemmaPriors()
FEATURES = (
    "same_lemma", "same_text", "trigram", "prefix", "rarity", "same_lemma_x_rarity", "both_verbs", "both_nouns",
    "same_doc", "same_type", "typed_differ", "time", "time_conflict", "place", "place_conflict", "actor",
    "actor_conflict", "number", "number_conflict", "deps", "context", "doc_terms", "doc_entities",
    "same_lemma_x_doc", "same_lemma_x_context", "trigram_x_doc",
    "pair_prior", "pair_prior_known", "lemma_prior", "lemma_prior_known", "lemma_prior_unknown",
)


def pair_features(a: dict[str, Any], b: dict[str, Any], same_doc: bool, doc_terms: float,
                  doc_entities: float, priors: LemmaPriors = NO_PRIORS) -> list[float]:
    """The pair's feature vector, in the order of ``FEATURES``; document similarities come from the caller."""
    return base_features(a, b, same_doc, doc_terms, doc_entities) + priors.features(a["lemma"], b["lemma"])


def base_features(a: dict[str, Any], b: dict[str, Any], same_doc: bool, doc_terms: float,
                  doc_entities: float) -> list[float]:
    """The features that need no counts from training data (all but the lemma priors)."""
    same_lemma = float(a["lemma"] == b["lemma"])
    trigram = jaccard(_trigrams(a["lemma"]), _trigrams(b["lemma"]))
    rare = min(rarity(a["lemma"]), rarity(b["lemma"])) / 7
    context = _cosine(a["context"], b["context"])
    values = [
        same_lemma, float(a["text"] == b["text"]), trigram, _prefix(a["lemma"], b["lemma"]), rare, same_lemma * rare,
        float(a["pos"] == b["pos"] == "VERB"), float(a["pos"] == b["pos"] == "NOUN"), float(same_doc),
        float(a["type"] is not None and a["type"] == b["type"]),
        float(a["type"] is not None and b["type"] is not None and a["type"] != b["type"]),
    ]
    for kind in ARG_LABELS:
        values.extend(_arg_agreement(a["args"][kind], b["args"][kind]))
    values += [jaccard(a["deps"], b["deps"]), context, doc_terms, doc_entities,
               same_lemma * doc_terms, same_lemma * context, trigram * doc_terms]
    return values


LINKAGES = ("average", "single", "complete")


@dataclass
class CorefModel:
    """Logistic regression weights over ``FEATURES`` (on standardised values), the lemma priors they use, and
    how to cluster: ``linkage`` and the pair probability ``threshold`` at which clusters stop merging."""

    weights: list[float]
    bias: float
    threshold: float
    mean: list[float]
    scale: list[float]
    linkage: str = "average"
    priors: LemmaPriors = NO_PRIORS
    trained_on: str = ""
    event_words: frozenset[str] = frozenset()  # non-verbs that mostly name events in ECB+ train (bench detection)
    selection: dict[str, Any] = field(default_factory=dict)  # how C, linkage and threshold were chosen

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CorefModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["priors"] = LemmaPriors(**data.get("priors", {}))
        data["event_words"] = frozenset(data.get("event_words", ()))
        model = cls(**data)
        if len(model.weights) != len(FEATURES):
            raise ValueError(f"{path}: {len(model.weights)} weights for {len(FEATURES)} features; retrain it")
        return model

    def save(self, path: Path = MODEL_PATH) -> None:
        data = asdict(self)
        data["event_words"] = sorted(self.event_words)
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def features(self, a: dict[str, Any], b: dict[str, Any], same_doc: bool, doc_terms: float,
                 doc_entities: float) -> list[float]:
        return pair_features(a, b, same_doc, doc_terms, doc_entities, self.priors)

    def probability(self, vector: list[float]) -> float:
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, vector, self.mean, self.scale))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def document_similarity(features: dict[str, dict[str, Any]]):
    """``similarity(a, b)`` → (term cosine, entity cosine) of two articles from their linker features, cached."""
    cache: dict[tuple[str, str], tuple[float, float]] = {}
    centroids = {}
    for name, article in features.items():
        terms, entities = Centroid(), Centroid()
        terms.add(article["terms"])
        entities.add(article["entities"])
        centroids[name] = (terms, entities)

    def similarity(a: str, b: str) -> tuple[float, float]:
        if (a, b) not in cache:
            terms, entities = centroids[a]
            cache[a, b] = (terms.cosine(features[b]["terms"]), entities.cosine(features[b]["entities"]))
        return cache[a, b]

    return similarity


def resolve(mentions: Sequence[dict[str, Any]], doc_similarity, model: CorefModel | None = None,
            threshold: float | None = None, known: dict[str, list[int]] | None = None) -> list[int]:
    """Cluster labels for described mentions of one story (each with its article under "doc");
    ``doc_similarity(a, b)`` gives the (term, entity) cosines of two articles, e.g. from their linker features.
    ``known`` holds the labels of groups clustered before, by ``group_key`` (mentions and articles do not change,
    so a group of the same mentions gets the same labels), and gains those clustered now."""
    model = model or load_shipped("event_coref")
    if len(mentions) > MAX_PAIRWISE:
        return _by_lemma(mentions, doc_similarity, model, threshold, known)
    key = group_key(mentions, threshold) if known is not None else ""
    if key in (known or {}):
        return list(known[key])
    probability = {}
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            row = model.features(a, b, a["doc"] == b["doc"], *doc_similarity(a["doc"], b["doc"]))
            probability[i, j] = model.probability(row)
    labels = cluster(len(mentions), lambda i, j: probability[i, j],
                     model.threshold if threshold is None else threshold, model.linkage)
    if known is not None:
        known[key] = list(labels)
    return labels


def group_key(mentions: Sequence[dict[str, Any]], threshold: float | None = None) -> str:
    """Names a group of mentions (by their ids, in order) and the threshold it is clustered at."""
    return hashlib.sha256("\n".join([str(threshold), *(m["id"] for m in mentions)]).encode()).hexdigest()


#: Mentions of one kind in one story beyond which the pairwise model (whose cost is the square of their number) is
#: run only within groups of one word: a story of 300 shootings is rare, an article of 3,000 a hostile one.
MAX_PAIRWISE = 300


def _by_lemma(mentions: Sequence[dict[str, Any]], doc_similarity, model: CorefModel,
              threshold: float | None, known: dict[str, list[int]] | None) -> list[int]:
    groups: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        groups.setdefault(mention["lemma"], []).append(index)
    labels = [0] * len(mentions)
    next_label = 0
    for members in groups.values():
        inner = resolve([mentions[i] for i in members], doc_similarity, model, threshold, known) \
            if len(members) <= MAX_PAIRWISE else [0] * len(members)  # one word, too many to compare: one happening
        for index, label in zip(members, inner):
            labels[index] = next_label + label
        next_label += max(inner, default=-1) + 1
    return labels


def cluster(n: int, similarity, threshold: float, linkage_method: str = "average") -> list[int]:
    """Agglomerative clustering of items 0..n-1 given ``similarity(i, j)``: clusters merge while their linkage
    similarity is at least ``threshold`` — the mean pairwise similarity (``average``), the highest (``single``:
    one confident link suffices) or the lowest (``complete``). Returns a cluster label per item."""
    if n == 0:
        return []
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    if n == 1:
        return [0]
    distances = np.array([1 - similarity(i, j) for i in range(n) for j in range(i + 1, n)])
    tree = linkage(distances, method=linkage_method)
    return [int(label) - 1 for label in fcluster(tree, t=1 - threshold, criterion="distance")]
