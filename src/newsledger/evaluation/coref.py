"""`newsledger bench coref`: cross-document event coreference on ECB+, the standard way.

Scope: the event mentions (``ACTION_*``, ``NEG_ACTION_*``) of the sentences listed in
``ECBplus_coreference_sentences.csv``, every document of the evaluated topics in one corpus, singletons kept
(see ``clustering_metrics``). Mentions are clustered only within a document cluster: ``topic`` (gold topics, as
Barhom et al.'s predicted topics, which match the gold ones on ECB+), ``subtopic`` (gold sub-topics, the
easier setting of Cattan et al.) or ``stories`` (the clusters our streaming story linker makes, seed 0).

``--mentions gold`` scores the gold mentions; ``predicted`` detects mentions in the same sentences (our event
triggers, every verb, and the nouns, adjectives and headline words that name events most of the time in train)
and scores them against gold. A mention is identified by its document and its head token (the syntactic root of
its span in our parse), on both sides, so a predicted one-word trigger matches the gold multi-word mention it
heads.

The lemma baseline (same head lemma in the same document cluster ⇒ coreferent) is computed by the same code.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.evaluation import clustering_metrics as cm
from newsledger.evaluation.ecbplus import Document, parse, read_corpus
from newsledger.evaluation.stories import features_of, link
from newsledger.extract.events import extract_events
from newsledger.link.coref import MODEL_PATH, CorefModel, describe, document_similarity
from newsledger.link.coref import resolve as resolve_story
from newsledger.link.online_events import EXEMPLARS, KeptHappening, linked_home
from newsledger.link.stories import LinkerConfig
from newsledger.records import EventType

DOC_CLUSTERS = ("topic", "subtopic", "stories")
SKIP_VERBS = {"be", "have", "do"}
#: Parts of speech of the non-verb words that can name events: nouns, and the adjectives and the proper-noun tags
#: spaCy gives words of Title Case headlines ("Oscars", "Shooting", "Dead").
EVENT_WORD_POS = {"NOUN", "PROPN", "ADJ"}


class Corpus:
    """The evaluated documents with their parses, linker features and mention descriptions."""

    def __init__(self, data: Path, topics: list[int] | None, model: str | None = None) -> None:
        self.docs = read_corpus(data, topics)
        self.parsed = parse(self.docs, model)
        self.features = features_of(self.docs, model)
        self.types = {d.name: {e.trigger.start: e.type.value for e in extract_events(self.parsed[d.name], d.name)}
                      for d in self.docs}

    def gold(self) -> tuple[dict[tuple, str], dict[tuple, dict]]:
        """Gold key (mention → gold cluster) and descriptions of the gold mentions."""
        key, described = {}, {}
        for doc in self.docs:
            for mention in doc.events:
                start, end = doc.span(mention)
                item = self._describe(doc, start, end)
                key[item["key"]] = mention.cluster
                described[item["key"]] = item
        return key, described

    def predicted(self, event_words: frozenset[str]) -> dict[tuple, dict]:
        """Mentions found by our detector in the annotated sentences."""
        described = {}
        for doc in self.docs:
            spacy_doc, types = self.parsed[doc.name], self.types[doc.name]
            sentences = [(doc.token(t.id).start, doc.token(t.id).end) for t in doc.tokens if t.sentence in doc.annotated]
            if not sentences:
                continue
            bounds = _ranges(sentences)
            for token in spacy_doc:
                if not any(low <= token.idx < high for low, high in bounds):
                    continue
                lemma = token.lemma_.casefold()
                if token.idx in types or token.pos_ == "VERB" and lemma not in SKIP_VERBS or \
                        token.pos_ in EVENT_WORD_POS and lemma in event_words:
                    item = self._describe(doc, token.idx, token.idx + len(token))
                    described[item["key"]] = item
        return described

    def _describe(self, doc: Document, start: int, end: int) -> dict[str, Any]:
        spacy_doc = self.parsed[doc.name]
        head = spacy_doc.char_span(start, end, alignment_mode="expand").root
        item = describe(spacy_doc, start, end, f"{doc.name}:{head.idx}", self.types[doc.name].get(head.idx))
        item["key"] = (doc.name, head.idx)
        item["doc"] = doc.name
        return item

    def doc_clusters(self, mode: str) -> dict[str, Any]:
        if mode == "topic":
            return {d.name: d.topic for d in self.docs}
        if mode == "subtopic":
            return {d.name: d.subtopic for d in self.docs}
        if mode == "stories":
            order = [d.name for d in self.docs]
            random.Random(0).shuffle(order)
            return link(order, self.features, LinkerConfig())
        raise ValueError(f"doc clusters must be one of {', '.join(DOC_CLUSTERS)}, not {mode!r}")


def _ranges(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 2:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def doc_similarity_of(corpus: Corpus):
    """How alike two documents of the corpus are, by their linker features."""
    return document_similarity(corpus.features)


def resolve(corpus: Corpus, mentions: dict[tuple, dict], groups: dict[str, Any], model: CorefModel,
            threshold: float | None = None) -> dict[tuple, str]:
    """The model's clusters, found within each document cluster as the ledger would within a story."""
    doc_similarity = doc_similarity_of(corpus)
    response = {}
    for group, keys in _by_group(mentions, groups).items():
        labels = resolve_story([mentions[k] for k in keys], doc_similarity, model, threshold)
        response.update({key: f"{group}/{label}" for key, label in zip(keys, labels)})
    return response


def resolve_online(corpus: Corpus, mentions: dict[tuple, dict], groups: dict[str, Any], model: CorefModel,
                   exemplars: int = EXEMPLARS) -> dict[tuple, str]:
    """The clusters a story resolved online would have (``link/online_events``): in each document cluster the
    first half of the documents (in name order) clustered together, each cluster keeping its first ``exemplars``
    mentions; then the second half's mentions clustered among themselves, and each of their clusters placed in the
    kept cluster whose exemplars the model links it to (else kept as a new one)."""
    similarity = doc_similarity_of(corpus)
    response = {}
    for group, keys in _by_group(mentions, groups).items():
        docs = sorted({mentions[k]["doc"] for k in keys})
        first = set(docs[:max(1, len(docs) // 2)])
        kept: list[KeptHappening] = []
        for placing, part in ((False, [k for k in keys if mentions[k]["doc"] in first]),
                              (True, [k for k in keys if mentions[k]["doc"] not in first])):
            labels = resolve_story([mentions[k] for k in part], similarity, model)
            for label in dict.fromkeys(labels):
                members = [k for k, found in zip(part, labels) if found == label]
                home = linked_home([mentions[k] for k in members], kept, similarity, model) if placing else None
                if home is None:
                    home = KeptHappening(f"{group}/{len(kept)}", "", EventType.OTHER, [], [])
                    kept.append(home)
                home.remember([mentions[k] for k in members], exemplars)
                response.update({k: home.id for k in members})
    return response


def _by_group(mentions: dict[tuple, dict], groups: dict[str, Any]) -> dict[Any, list[tuple]]:
    """The mentions' keys by the document cluster of their document."""
    by_group: dict[Any, list[tuple]] = defaultdict(list)
    for key, item in mentions.items():
        by_group[groups[item["doc"]]].append(key)
    return by_group


def lemma_baseline(mentions: dict[tuple, dict], groups: dict[str, Any]) -> dict[tuple, str]:
    return {key: f"{groups[item['doc']]}/{item['lemma']}" for key, item in mentions.items()}


def run(data: Path, mentions: str = "gold", topics: list[int] | None = None, doc_clusters: str = "subtopic",
        model_path: Path | None = None, model: str | None = None, online: bool = False) -> dict[str, Any]:
    """``online``: also the clusters of each document cluster resolved online, half of it added to the other."""
    corpus = Corpus(data, topics, model)
    coref_model = CorefModel.load(model_path or MODEL_PATH)
    key, gold_mentions = corpus.gold()
    found = gold_mentions if mentions == "gold" else corpus.predicted(coref_model.event_words)
    groups = corpus.doc_clusters(doc_clusters)
    result: dict[str, Any] = {
        "data": str(data), "topics": sorted({d.topic for d in corpus.docs}), "documents": len(corpus.docs),
        "mentions": mentions, "doc_clusters": doc_clusters, "gold_mentions": len(key), "system_mentions": len(found),
        "singletons": "kept",
        "lemma": cm.coref_scores(key, lemma_baseline(found, groups)),
        "model": cm.coref_scores(key, resolve(corpus, found, groups, coref_model)),
    }
    if online:
        result["online"] = cm.coref_scores(key, resolve_online(corpus, found, groups, coref_model))
    if mentions == "predicted":
        detected = len(key.keys() & found.keys())
        result["detection"] = {"p": detected / len(found) if found else 0.0, "r": detected / len(key) if key else 0.0}
    return result


def topic_span(topics: list[int] | tuple[int, ...]) -> str:
    return f"{min(topics)}–{max(topics)}" if topics else "none"


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['documents']} documents, topics {topic_span(result['topics'])}, {result['mentions']} mentions "
        f"({result['system_mentions']} system / {result['gold_mentions']} gold), document clusters: "
        f"{result['doc_clusters']}, singletons kept",
    ]
    if "detection" in result:
        lines.append(f"mention detection: P {100 * result['detection']['p']:.1f} R {100 * result['detection']['r']:.1f}")
    lines.append(f"{'':8}" + "".join(f"{name:>18}" for name in ("MUC P/R/F1", "B3 P/R/F1", "CEAF-e P/R/F1"))
                 + f"{'CoNLL F1':>10}")
    for system in ("lemma", "model", "online"):
        if system not in result:
            continue
        scores = result[system]
        cells = "".join(
            f"{100 * scores[m]['p']:>6.1f}{100 * scores[m]['r']:>6.1f}{100 * scores[m]['f1']:>6.1f}"
            for m in ("muc", "b3", "ceaf_e")
        )
        lines.append(f"{system:8}{cells}{100 * scores['conll']['f1']:>10.1f}")
    return "\n".join(lines)
