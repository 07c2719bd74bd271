"""Fitting the pairwise event-coreference model (``newsledger.link.coref``) on ECB+ train topics.

    python -m newsledger.training.coref --data ECBPLUS --out FILE.json

C, linkage and threshold are chosen by cross-validation on train topics 1-22; the refit on all of train is
written to FILE and scored once on dev 23-25, which chose nothing. The shipped model is
``src/newsledger/link/coref_model.json`` (written only with ``--replace-shipped``). Needs scikit-learn
(``pip install -e '.[train]'``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.evaluation import clustering_metrics as cm
from newsledger.evaluation.coref import (
    EVENT_WORD_POS,
    Corpus,
    doc_similarity_of,
    resolve,
    topic_span,
)
from newsledger.evaluation.ecbplus import DEV_TOPICS, TRAIN_TOPICS
from newsledger.link.coref import (
    FEATURES,
    LINKAGES,
    MODEL_PATH,
    CorefModel,
    LemmaPriors,
    base_features,
    cluster,
)
from newsledger.training import command


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
    doc_similarity = doc_similarity_of(corpus)
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


C_GRID = (1.0, 0.1, 0.01)
THRESHOLD_GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
CV_FOLDS = 5


def train(data: Path, out: Path, train_topics: tuple[int, ...] = TRAIN_TOPICS,
          dev_topics: tuple[int, ...] = DEV_TOPICS, model: str | None = None, folds: int = CV_FOLDS) -> dict[str, Any]:
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
                for setting, labels in clusterings(by_topic[topic], probabilities):
                    responses[(c, *setting)].update(labels)
    cv = {setting: cm.coref_scores(key, response)["conll"]["f1"] for setting, response in responses.items()}
    c, linkage_method, threshold = max(cv, key=cv.get)
    final = _fit(list(by_topic.values()), (c,))[c]
    coref_model = CorefModel(
        final.weights, final.bias, threshold, final.mean, final.scale, linkage=linkage_method,
        priors=LemmaPriors.count(triple for t in topics for triple in by_topic[t].triples()),
        trained_on=f"ECB+ topics {topic_span(train_topics)} (CC BY 3.0)",
        event_words=frozenset(event_words(train_corpus, gold_mentions)),
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


def clusterings(pairs: LabelledPairs, probabilities) -> list[tuple[tuple[str, float], dict[tuple, str]]]:
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


def event_words(corpus: Corpus, gold_mentions: dict[tuple, dict]) -> list[str]:
    """Noun, adjective and proper-noun lemmas that head a gold event mention at least half the times they occur
    in annotated sentences."""
    heads = Counter(item["lemma"] for item in gold_mentions.values() if item["pos"] in EVENT_WORD_POS)
    seen: Counter = Counter()
    for doc in corpus.docs:
        sentences = {t.start for t in doc.tokens if t.sentence in doc.annotated}
        spacy_doc = corpus.parsed[doc.name]
        seen.update(t.lemma_.casefold() for t in spacy_doc if t.pos_ in EVENT_WORD_POS and t.idx in sentences)
    return sorted(lemma for lemma, n in heads.items() if n >= 2 and n >= 0.5 * seen[lemma])


def main(argv: list[str] | None = None) -> None:
    found = command.parser("Fit the event-coreference model on ECB+ train topics; report dev.")
    found.add_argument("--model", help="spaCy model name.")
    args = found.parse_args(argv)
    command.emit(train(args.data, out=command.out_path(found, args, MODEL_PATH), model=args.model))


if __name__ == "__main__":
    main()
