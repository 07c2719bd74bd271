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
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.bench import clustering_metrics as cm
from newsledger.bench.ecbplus import (
    DEV_TOPICS,
    TRAIN_TOPICS,
    Document,
    parse,
    read_corpus,
)
from newsledger.bench.stories import features_of, link
from newsledger.extract.events import extract_events
from newsledger.link.coref import (
    FEATURES,
    LINKAGES,
    MODEL_PATH,
    CorefModel,
    LemmaPriors,
    base_features,
    cluster,
    describe,
    document_similarity,
)
from newsledger.link.coref import resolve as resolve_story
from newsledger.link.stories import LinkerConfig

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


def _doc_similarity(corpus: Corpus):
    return document_similarity(corpus.features)


@dataclass
class LabelledPairs:
    """The mention pairs of one train topic within its gold sub-topics: the features that need no training counts,
    the two head lemmas and whether the pair corefers, plus the topic's mentions by sub-topic to cluster."""

    topic: int
    base_rows: list[list[float]]
    lemmas: list[tuple[str, str]]
    labels: list[bool]
    groups: dict[str, list[tuple]]  # sub-topic → its mention keys, sorted; pairs are enumerated in this order

    def rows(self, priors: LemmaPriors) -> list[list[float]]:
        return [row + priors.features(a, b) for row, (a, b) in zip(self.base_rows, self.lemmas)]

    def triples(self) -> list[tuple[str, str, bool]]:
        return [(a, b, label) for (a, b), label in zip(self.lemmas, self.labels)]


def labelled_pairs(corpus: Corpus, key: dict[tuple, str], mentions: dict[tuple, dict]) -> dict[int, LabelledPairs]:
    """Every pair of gold mentions in the same gold sub-topic, by topic."""
    doc_similarity = _doc_similarity(corpus)
    topic_of = {d.name: d.topic for d in corpus.docs}
    subtopic_of = {d.name: d.subtopic for d in corpus.docs}
    found: dict[int, LabelledPairs] = {}
    for mention_key in sorted(mentions):
        doc = mentions[mention_key]["doc"]
        topic = found.setdefault(topic_of[doc], LabelledPairs(topic_of[doc], [], [], [], {}))
        topic.groups.setdefault(subtopic_of[doc], []).append(mention_key)
    for topic in found.values():
        for keys in topic.groups.values():
            for i, a in enumerate(keys):
                for b in keys[i + 1:]:
                    ma, mb = mentions[a], mentions[b]
                    topic.base_rows.append(base_features(ma, mb, ma["doc"] == mb["doc"],
                                                         *doc_similarity(ma["doc"], mb["doc"])))
                    topic.lemmas.append((ma["lemma"], mb["lemma"]))
                    topic.labels.append(key[a] == key[b])
    return found


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
    found = gold_mentions if mentions == "gold" else corpus.predicted(coref_model.event_words)
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


C_GRID = (1.0, 0.1, 0.01)
THRESHOLD_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
CV_FOLDS = 5


def train(data: Path, train_topics: tuple[int, ...] = TRAIN_TOPICS, dev_topics: tuple[int, ...] = DEV_TOPICS,
          out: Path = MODEL_PATH, model: str | None = None, folds: int = CV_FOLDS) -> dict[str, Any]:
    """Fit the pairwise model on train pairs within gold sub-topics (the model separates mentions of one real
    event; telling events apart is the document clustering's job). C, linkage and threshold are chosen by
    leave-topic-group-out cross-validation on train (pooled CoNLL F1 of the held-out groups); the refit on all
    of train is saved and scored once on dev, which chose nothing."""
    train_corpus = Corpus(data, list(train_topics), model)
    key, gold_mentions = train_corpus.gold()
    by_topic = labelled_pairs(train_corpus, key, gold_mentions)
    topics = sorted(by_topic)
    fold_of = {topic: i % folds for i, topic in enumerate(topics)}
    responses: dict[tuple, dict[tuple, str]] = defaultdict(dict)
    for fold in range(folds):
        fitting = [t for t in topics if fold_of[t] != fold]
        classifier = _fit([by_topic[t] for t in fitting], C_GRID)
        priors = LemmaPriors.count(triple for t in fitting for triple in by_topic[t].triples())
        for topic in (t for t in topics if fold_of[t] == fold):
            for c, fitted in classifier.items():
                probabilities = fitted.probabilities(by_topic[topic].rows(priors))
                for setting, labels in _clusterings(by_topic[topic], probabilities):
                    responses[(c, *setting)].update(labels)
    cv = {setting: cm.coref_scores(key, response)["conll"]["f1"] for setting, response in responses.items()}
    c, linkage_method, threshold = max(cv, key=cv.get)
    final = _fit(list(by_topic.values()), (c,))[c]
    coref_model = CorefModel(
        final.weights, final.bias, threshold, final.mean, final.scale, linkage=linkage_method,
        priors=LemmaPriors.count(triple for t in topics for triple in by_topic[t].triples()),
        trained_on=f"ECB+ topics {_span(train_topics)} (CC BY 3.0)",
        event_words=frozenset(_event_words(train_corpus, gold_mentions)),
        selection={"by": (f"{folds}-fold leave-topic-group-out cross-validation on train "
                          f"(the i-th topic → fold i mod {folds})"),
                   "cv_conll_f1": round(cv[c, linkage_method, threshold], 4), "C": c},
    )
    coref_model.save(out)
    dev_corpus = Corpus(data, list(dev_topics), model)
    dev_key, dev_mentions = dev_corpus.gold()
    dev = cm.coref_scores(dev_key, resolve(dev_corpus, dev_mentions, dev_corpus.doc_clusters("subtopic"), coref_model))
    return {"pairs": sum(len(p.labels) for p in by_topic.values()),
            "positives": sum(sum(p.labels) for p in by_topic.values()),
            "cv_conll_f1": {f"C={c} {m} {t}": round(100 * f1, 2) for (c, m, t), f1 in sorted(cv.items())},
            "chosen": {"C": c, "linkage": linkage_method, "threshold": threshold,
                       "cv_conll_f1": round(100 * cv[c, linkage_method, threshold], 2)},
            "dev_conll_f1": round(100 * dev["conll"]["f1"], 2),
            "weights": dict(zip(FEATURES, coref_model.weights)), "saved": str(out)}


@dataclass
class _Fitted:
    weights: list[float]
    bias: float
    mean: list[float]
    scale: list[float]

    def probabilities(self, rows: list[list[float]]):
        import numpy as np

        if not rows:
            return np.zeros(0)
        z = (np.array(rows) - self.mean) / self.scale @ np.array(self.weights) + self.bias
        return 1 / (1 + np.exp(-z))


def _fit(topics: list[LabelledPairs], c_values: tuple[float, ...]) -> dict[float, _Fitted]:
    """Logistic regressions on the topics' pairs, each topic's lemma priors counted on the other topics only
    (so the weights learn what the priors are worth on unseen topics, as at test time)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for topic in topics:
        others = LemmaPriors.count(triple for other in topics if other is not topic for triple in other.triples())
        rows.extend(topic.rows(others))
        labels.extend(topic.labels)
    x, y = np.array(rows), np.array(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    fitted = {}
    for c in c_values:
        classifier = LogisticRegression(C=c, max_iter=3000).fit((x - mean) / scale, y)
        fitted[c] = _Fitted(classifier.coef_[0].tolist(), float(classifier.intercept_[0]), mean.tolist(),
                            scale.tolist())
    return fitted


def _clusterings(pairs: LabelledPairs, probabilities) -> list[tuple[tuple[str, float], dict[tuple, str]]]:
    """The topic's clusters under every (linkage, threshold) of the grid, from its pair probabilities (listed
    group by group, each group's pairs (i, j), i < j, in order: scipy's condensed order)."""
    blocks = []
    offset = 0
    for group, keys in pairs.groups.items():
        n = len(keys)
        blocks.append((group, keys, probabilities[offset: offset + n * (n - 1) // 2]))
        offset += n * (n - 1) // 2
    found = []
    for linkage_method in LINKAGES:
        for threshold in THRESHOLD_GRID:
            labels: dict[tuple, str] = {}
            for group, keys, block in blocks:
                n = len(keys)
                clustered = cluster(n, lambda i, j, n=n, block=block: block[n * i - i * (i + 1) // 2 + j - i - 1],
                                    threshold, linkage_method)
                labels.update({k: f"{group}/{label}" for k, label in zip(keys, clustered)})
            found.append(((linkage_method, threshold), labels))
    return found


def _event_words(corpus: Corpus, gold_mentions: dict[tuple, dict]) -> list[str]:
    """Noun, adjective and proper-noun lemmas that head a gold event mention at least half the times they occur
    in annotated sentences."""
    heads = Counter(item["lemma"] for item in gold_mentions.values() if item["pos"] in EVENT_WORD_POS)
    seen: Counter = Counter()
    for doc in corpus.docs:
        sentences = {t.start for t in doc.tokens if t.sentence in doc.annotated}
        spacy_doc = corpus.parsed[doc.name]
        seen.update(t.lemma_.casefold() for t in spacy_doc if t.pos_ in EVENT_WORD_POS and t.idx in sentences)
    return sorted(lemma for lemma, n in heads.items() if n >= 2 and n >= 0.5 * seen[lemma])


def _span(topics: list[int] | tuple[int, ...]) -> str:
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
