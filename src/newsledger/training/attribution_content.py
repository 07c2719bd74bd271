"""Fitting the content-boundary ranker (``newsledger.extract.content_spans``) on PolNeAR TRAIN.

    python -m newsledger.training.attribution_content --data POLNEAR/train --out FILE.json.gz

Drafts are built around the gold cues, every candidate content span of a draft is labelled by whether it is, as
scored, the gold content, and a pairwise ranker is fitted; the extractor is scored on held-out document folds
first. The shipped model is ``src/newsledger/extract/content_model.json.gz`` (written only with
``--replace-shipped``). Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from newsledger.evaluation.attribution import (
    Article,
    Counts,
    GoldAttribution,
    content_fragments,
    overlaps,
    score_article,
)
from newsledger.extract import content_spans
from newsledger.extract.attribution import extract_attributions
from newsledger.extract.content_spans import candidates
from newsledger.training import command
from newsledger.training.polnear import (
    LICENCE_NOTE,
    labelled,
    parsed_articles,
    training_record,
)

#: Hyperparameters of the shipped content model, chosen by cross-validation on PolNeAR TRAIN folds.
CONTENT_DEFAULTS = {"alpha": 1e-5, "epochs": 15, "min_count": 2, "prune": 0.01, "seed": 0}


class _GoldCues:
    """A stand-in cue model that tags the gold cues, so content examples are drawn around true cues."""

    def __init__(self, tags: list[bool]):
        self.tags = tags

    def tag(self, sheet) -> list[bool]:
        return self.tags


class _Recorder:
    """A stand-in content model that keeps the rules' spans and records every draft's candidates, each
    labelled by whether it is, as scored, the content of a gold attribution whose cue overlaps the draft's."""

    def __init__(self, gold: list[GoldAttribution], text: str):
        self.gold, self.text, self.rows = gold, text, []

    def refine(self, drafts, context, settled=frozenset()) -> None:
        drafts = list(drafts)
        cues = [d.cue for d in drafts]
        for draft in drafts:
            golds = {g.content for g in self.gold if g.content and overlaps((draft.cue,), g.cue)}
            if not golds or id(draft) in settled:
                continue
            found = candidates(draft, context, cues)
            labels = [content_fragments(c.chars, draft.holes(), self.text) in golds for c in found]
            self.rows.append(([c.features for c in found], labels))


def content_examples(doc: Doc, article: Article) -> list[tuple[list[list[str]], list[bool]]]:
    """Candidates and labels of every draft built around a gold cue, for each annotator's file."""
    rows = []
    for gold in article.annotations:
        recorder = _Recorder(gold, doc.text)
        cue_tags = _GoldCues(labelled(doc, [g.cue for g in gold]))
        extract_attributions(doc, article.name, model=cue_tags, content_model=recorder)
        rows += recorder.rows
    return rows


def fit_content(rows: list[tuple[list[list[str]], list[bool]]], params: dict) -> dict[str, float]:
    """Pairwise ranking weights: logistic regression (SGD, seeded) on the feature differences between the
    right candidate of a draft and each wrong one (signs alternated to balance the classes); drafts with no
    right candidate teach nothing. Weights below ``prune`` are dropped."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import SGDClassifier

    counts = Counter(f for features, _ in rows for row in features for f in set(row))
    vocab = {f: n for n, f in enumerate(sorted(f for f, k in counts.items() if k >= params["min_count"]))}
    indices, values, indptr, labels = [], [], [0], []
    for features, right in rows:
        if not any(right):
            continue
        positive = Counter(vocab[f] for f in set(features[right.index(True)]) if f in vocab)
        for row, label in zip(features, right):
            if label:
                continue
            diff = positive.copy()
            diff.subtract(Counter(vocab[f] for f in set(row) if f in vocab))
            sign = 1 if len(labels) % 2 == 0 else -1
            keys = sorted(k for k, v in diff.items() if v)
            indices += keys
            values += [sign * diff[k] for k in keys]
            indptr.append(len(indices))
            labels.append(sign > 0)
    matrix = csr_matrix((values, indices, indptr), shape=(len(labels), len(vocab)))
    model = SGDClassifier(loss="log_loss", alpha=params["alpha"], max_iter=params["epochs"], tol=None,
                          random_state=params["seed"], fit_intercept=False)
    model.fit(matrix, np.array(labels))
    weights = {f: round(float(model.coef_[0][n]), 3) for f, n in vocab.items()}
    return {f: w for f, w in weights.items() if abs(w) >= params["prune"]}


def train_content(train_dir: Path, out: Path, folds: int = 5, **overrides) -> dict:
    """Fit the content-boundary model on a PolNeAR-layout folder (TRAIN only) and write it with its config.

    Reports how often the right span is among the candidates of drafts around gold cues (the oracle) and how
    often the rules' span or the model's choice is, then the whole extractor (shipped cue model) on held-out
    document folds with the rules' content and with the fold's content model."""
    params = {**CONTENT_DEFAULTS, **overrides}
    articles, docs = parsed_articles(train_dir)
    per_doc = [content_examples(doc, article) for doc, article in zip(docs, articles, strict=True)]
    drafts = [row for rows in per_doc for row in rows]
    order = list(range(len(docs)))
    random.Random(params["seed"]).shuffle(order)
    rules, learned, chosen = Counts(), Counts(), 0
    for k in range(folds):
        held = set(order[k::folds])
        model = content_spans.ContentModel(fit_content([r for n in order if n not in held for r in per_doc[n]], params))
        for n in sorted(held):
            for features, right in per_doc[n]:
                scores = [sum(model.weights.get(f, 0.0) for f in row) for row in features]
                chosen += bool(right) and right[max(range(len(scores)), key=lambda i: (scores[i], -i))]
            for target, content_model in ((rules, content_spans.ContentModel({})), (learned, model)):
                predicted = extract_attributions(docs[n], articles[n].name, content_model=content_model)
                target.merge(score_article(docs[n], articles[n], predicted))
    model = content_spans.ContentModel(fit_content(drafts, params))
    config = {
        **training_record("pairwise logistic-regression ranker of candidate content spans "
                          "(newsledger.extract.content_spans)", train_dir, articles, params, model.weights),
        "gold_cue_drafts": {
            "drafts": len(drafts),
            "candidates_per_draft": round(sum(len(r) for _, r in drafts) / max(len(drafts), 1), 2),
            "rules_span_right": round(sum(bool(r) and r[0] for _, r in drafts) / max(len(drafts), 1), 4),
            "oracle": round(sum(any(r) for _, r in drafts) / max(len(drafts), 1), 4),
            "model_right_cv": round(chosen / max(len(drafts), 1), 4),
        },
        "cross_validation": {"folds": folds, "cue_model": "shipped (trained on all of train)",
                             "rules": rules.table(), "model": learned.table()},
        "licence": LICENCE_NOTE,
    }
    model.save(Path(out), config)
    return config


def main(argv: list[str] | None = None) -> None:
    found = command.parser("Fit the content-boundary ranker on PolNeAR train.")
    found.add_argument("--folds", type=int, default=5, help="Held-out document folds to score.")
    args = found.parse_args(argv)
    command.emit(train_content(args.data, command.out_path(found, args, content_spans.ARTIFACT), args.folds))


if __name__ == "__main__":
    main()
