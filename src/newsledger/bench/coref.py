"""`newsledger bench coref`: cross-document event coreference on ECB+, the standard way.

Scope: the event mentions (``ACTION_*``, ``NEG_ACTION_*``) of the sentences listed in
``ECBplus_coreference_sentences.csv``, every document of the evaluated topics in one corpus, singletons kept
(see ``clustering_metrics``). Mentions are clustered only within a document cluster: ``topic`` (gold topics, as
Barhom et al.'s predicted topics, which match the gold ones on ECB+), ``subtopic`` (gold sub-topics, the
easier setting of Cattan et al.) or ``stories`` (the clusters our streaming story linker makes, seed 0).

``--mentions gold`` scores the gold mentions; ``predicted`` detects mentions in the same sentences (our event
triggers, every verb, and the nouns that name events most of the time in train) and scores them against gold.
A mention is identified by its document and its head token (the syntactic root of its span in our parse), on
both sides, so a predicted one-word trigger matches the gold multi-word mention it heads.

The lemma baseline (same head lemma in the same document cluster ⇒ coreferent) is computed by the same code.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsledger.bench import clustering_metrics as cm
from newsledger.bench.ecbplus import DEV_TOPICS, TRAIN_TOPICS, Document, parse, read_corpus
from newsledger.bench.stories import features_of, link
from newsledger.extract.events import extract_events
from newsledger.link.coref import FEATURES, MODEL_PATH, CorefModel, describe, document_similarity, pair_features
from newsledger.link.coref import resolve as resolve_story
from newsledger.link.stories import LinkerConfig

DOC_CLUSTERS = ("topic", "subtopic", "stories")
SKIP_VERBS = {"be", "have", "do"}


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

    def predicted(self, event_nouns: frozenset[str]) -> dict[tuple, dict]:
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
                        token.pos_ == "NOUN" and lemma in event_nouns:
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


def _doc_similarity(corpus: Corpus):
    return document_similarity(corpus.features)


def pairs(corpus: Corpus, mentions: dict[tuple, dict], groups: dict[str, Any]):
    """(group, mention keys, feature rows) for every pair of mentions in the same document cluster (training)."""
    by_group: dict[Any, list[tuple]] = defaultdict(list)
    for key, item in mentions.items():
        by_group[groups[item["doc"]]].append(key)
    doc_similarity = _doc_similarity(corpus)
    for group, keys in sorted(by_group.items(), key=lambda kv: str(kv[0])):
        keys.sort()
        rows = []
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                ma, mb = mentions[a], mentions[b]
                rows.append(pair_features(ma, mb, ma["doc"] == mb["doc"], *doc_similarity(ma["doc"], mb["doc"])))
        yield group, keys, rows


def resolve(corpus: Corpus, mentions: dict[tuple, dict], groups: dict[str, Any], model: CorefModel,
            threshold: float | None = None) -> dict[tuple, str]:
    """The model's clusters, found within each document cluster as the ledger would within a story."""
    by_group: dict[Any, list[tuple]] = defaultdict(list)
    for key, item in mentions.items():
        by_group[groups[item["doc"]]].append(key)
    doc_similarity = _doc_similarity(corpus)
    response = {}
    for group, keys in by_group.items():
        labels = resolve_story([mentions[k] for k in keys], doc_similarity, model, threshold)
        response.update({key: f"{group}/{label}" for key, label in zip(keys, labels)})
    return response


def lemma_baseline(mentions: dict[tuple, dict], groups: dict[str, Any]) -> dict[tuple, str]:
    return {key: f"{groups[item['doc']]}/{item['lemma']}" for key, item in mentions.items()}


def run(data: Path, mentions: str = "gold", topics: list[int] | None = None, doc_clusters: str = "subtopic",
        model_path: Path | None = None, model: str | None = None) -> dict[str, Any]:
    corpus = Corpus(data, topics, model)
    coref_model = CorefModel.load(model_path or MODEL_PATH)
    key, gold_mentions = corpus.gold()
    found = gold_mentions if mentions == "gold" else corpus.predicted(coref_model.event_nouns)
    groups = corpus.doc_clusters(doc_clusters)
    result: dict[str, Any] = {
        "data": str(data), "topics": sorted({d.topic for d in corpus.docs}), "documents": len(corpus.docs),
        "mentions": mentions, "doc_clusters": doc_clusters, "gold_mentions": len(key), "system_mentions": len(found),
        "singletons": "kept",
        "lemma": cm.coref_scores(key, lemma_baseline(found, groups)),
        "model": cm.coref_scores(key, resolve(corpus, found, groups, coref_model)),
    }
    if mentions == "predicted":
        detected = len(key.keys() & found.keys())
        result["detection"] = {"p": detected / len(found) if found else 0.0, "r": detected / len(key) if key else 0.0}
    return result


def train(data: Path, train_topics: list[int] = list(TRAIN_TOPICS), dev_topics: list[int] = list(DEV_TOPICS),
          out: Path = MODEL_PATH, model: str | None = None) -> dict[str, Any]:
    """Fit the pairwise model on train pairs within gold sub-topics (the model separates mentions of one real
    event; telling events apart is the document clustering's job), tune the threshold on dev, save the model."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    train_corpus = Corpus(data, train_topics, model)
    key, gold_mentions = train_corpus.gold()
    rows, labels = [], []
    for _, keys, group_rows in pairs(train_corpus, gold_mentions, train_corpus.doc_clusters("subtopic")):
        rows.extend(group_rows)
        labels.extend(key[keys[i]] == key[b] for i in range(len(keys)) for b in keys[i + 1:])
    x, y = np.array(rows), np.array(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    classifier = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    coref_model = CorefModel(classifier.coef_[0].tolist(), float(classifier.intercept_[0]), 0.5, mean.tolist(),
                             scale.tolist(), trained_on=f"ECB+ topics {_span(train_topics)} (CC BY 3.0)",
                             event_nouns=_event_nouns(train_corpus, gold_mentions))
    dev_corpus = Corpus(data, dev_topics, model)
    dev_key, dev_mentions = dev_corpus.gold()
    groups = dev_corpus.doc_clusters("subtopic")
    curve = {t: cm.coref_scores(dev_key, resolve(dev_corpus, dev_mentions, groups, coref_model, t))["conll"]["f1"]
             for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)}
    coref_model.threshold = max(curve, key=curve.get)
    coref_model.save(out)
    return {"pairs": len(y), "positives": int(y.sum()), "dev_conll_by_threshold": curve,
            "threshold": coref_model.threshold, "weights": dict(zip(FEATURES, coref_model.weights)), "saved": str(out)}


def _event_nouns(corpus: Corpus, gold_mentions: dict[tuple, dict]) -> list[str]:
    """Noun lemmas that head a gold event mention at least half the times they occur in annotated sentences."""
    heads = Counter(item["lemma"] for item in gold_mentions.values() if item["pos"] == "NOUN")
    seen: Counter = Counter()
    for doc in corpus.docs:
        sentences = {t.start for t in doc.tokens if t.sentence in doc.annotated}
        spacy_doc = corpus.parsed[doc.name]
        seen.update(t.lemma_.casefold() for t in spacy_doc if t.pos_ == "NOUN" and t.idx in sentences)
    return sorted(lemma for lemma, n in heads.items() if n >= 2 and n >= 0.5 * seen[lemma])


def _span(topics: list[int]) -> str:
    return f"{min(topics)}–{max(topics)}" if topics else "none"


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['documents']} documents, topics {_span(result['topics'])}, {result['mentions']} mentions "
        f"({result['system_mentions']} system / {result['gold_mentions']} gold), document clusters: "
        f"{result['doc_clusters']}, singletons kept",
    ]
    if "detection" in result:
        lines.append(f"mention detection: P {100 * result['detection']['p']:.1f} R {100 * result['detection']['r']:.1f}")
    lines.append(f"{'':8}" + "".join(f"{name:>18}" for name in ("MUC P/R/F1", "B3 P/R/F1", "CEAF-e P/R/F1"))
                 + f"{'CoNLL F1':>10}")
    for system in ("lemma", "model"):
        scores = result[system]
        cells = "".join(
            f"{100 * scores[m]['p']:>6.1f}{100 * scores[m]['r']:>6.1f}{100 * scores[m]['f1']:>6.1f}"
            for m in ("muc", "b3", "ceaf_e")
        )
        lines.append(f"{system:8}{cells}{100 * scores['conll']['f1']:>10.1f}")
    return "\n".join(lines)
