"""Fitting the article-to-story link model (``newsledger.link.story_links``) on the GVA tune part.

    newsledger bench facts --data GVA --part tune --ledger TUNE.db     # once: parses the tune articles
    python -m newsledger.training.story_links --data GVA --ledger TUNE.db --ecbplus ECBPLUS --out FILE.json

Pairs come from replaying the tune articles in ledger (date) order into their *gold* stories (one per GVA
incident): each article is compared, with the linker's own retrieval, to every candidate story it would see,
and the pair is positive when the candidate is its incident's story. With ``--ecbplus``, the documents of ECB+
train topics 1–22 add their pairs the same way (gold stories: sub-topics; three shuffled arrival orders): they
are undated and from other kinds of news, so the model does not learn that a shared name outweighs everything.
C and the joining threshold are chosen by two-fold cross-validation over GVA tune incidents: fit on one half's
pairs (and ECB+'s), run the linker with that model on the other half's articles alone and score B³ F1 against the
incidents. With ``--ecbplus`` the choice also weighs the ECB+ train documents linked by the refit of each C at
each threshold (B³ F1 against their sub-topics, mean over the arrival orders): the pair with the best mean of the
two F1s wins, so a model that links local reports better does not link other news worse (session 13: the best
GVA-only choice, threshold 0.1, cost ECB+ 1.7 points for 0.0013 on GVA). The refit on all pairs is written to FILE. The
GVA ``eval`` part and ECB+ topics after 22 are never read. The shipped model is
``src/newsledger/link/story_links_model.json`` (written only with ``--replace-shipped``). Needs scikit-learn.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsledger.evaluation.clustering_metrics import b_cubed
from newsledger.evaluation.ecbplus import TRAIN_TOPICS, read_corpus
from newsledger.evaluation.facts import part_of, read_folder
from newsledger.link.stories import LinkerConfig, StoryLinker, incident_evidence
from newsledger.link.story_links import FEATURES, MODEL_PATH, LinkModel, told_ages
from newsledger.store.ledger import Store
from newsledger.training import command, logistic, tune_ledger

C_VALUES = (0.1, 1.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 13))
FOLDS = 2
ECB_ORDERS = 3
Pairs = tuple[list[list[float]], list[int]]


@dataclass(frozen=True)
class Stream:
    """Ledger articles in arrival order with their linker features and gold incident."""

    articles: list[str]
    features: dict[str, dict[str, Any]]
    incident: dict[str, str]

    def subset(self, keep: set[str]) -> Stream:
        chosen = [a for a in self.articles if self.incident[a] in keep]
        return Stream(chosen, {a: self.features[a] for a in chosen}, {a: self.incident[a] for a in chosen})


def read_stream(data: Path, ledger: Path) -> Stream:
    """The ledger's articles of the GVA tune part (an article of the eval part stops the run)."""
    gva_articles, _ = read_folder(data)
    incident_of = {a["id"]: str(a["incident"]) for a in gva_articles}
    store = Store(str(ledger), readonly=True)
    stored_articles = {a.id: a for a in store.articles()}
    articles, features, incident = [], {}, {}
    for article, _story, stored in store.linking_state():
        gold = incident_of.get(stored_articles[article].external_id or "") if article in stored_articles else None
        if gold is None:
            continue
        if part_of(gold) != "tune":
            raise SystemExit(f"{ledger}: holds eval-part incident {gold}; build it with --part tune")
        articles.append(article)
        features[article] = stored
        incident[article] = gold
    for article in articles:  # ledgers written before the linker read the incident's day, or the ages
        if "event_days" not in features[article]:
            features[article].update(incident_evidence(store.events([article])))
        if "ages" not in features[article]:
            features[article]["ages"] = told_ages(stored_articles[article].title or "", stored_articles[article].text)
    return Stream(articles, features, incident)


def ecbplus_streams(data: Path, model: str | None = None) -> list[Stream]:
    """ECB+ train documents in ``ECB_ORDERS`` shuffled arrival orders, each document's story its sub-topic."""
    from newsledger.evaluation.stories import features_of

    docs = read_corpus(data, list(TRAIN_TOPICS))
    features = features_of(docs, model)
    subtopic = {d.name: d.subtopic for d in docs}
    streams = []
    for seed in range(ECB_ORDERS):
        order = sorted(subtopic)
        random.Random(seed).shuffle(order)
        streams.append(Stream(order, features, subtopic))
    return streams


def gold_pairs(stream: Stream, config: LinkerConfig = LinkerConfig()) -> tuple[list[list[float]], list[int]]:
    """Each article against each candidate story the linker would retrieve, while the stories are the gold ones."""
    linker = StoryLinker(replace(config, learned=False))
    rows, labels = [], []
    for article in stream.articles:
        story = f"s_{stream.incident[article]}"
        for candidate, row in linker.candidate_rows(stream.features[article]):
            rows.append(row)
            labels.append(int(candidate == story))
        linker.restore(article, story, stream.features[article])
    return rows, labels


def fit(rows: Sequence[Sequence[float]], labels: Sequence[int], c: float, threshold: float = 0.5) -> LinkModel:
    """Logistic regression on standardised features (scikit-learn), as a ``LinkModel``."""
    return LinkModel(*logistic.fit(rows, labels, c), threshold)


def link_b_cubed(stream: Stream, model: LinkModel, config: LinkerConfig = LinkerConfig()) -> dict[str, float]:
    linker = StoryLinker(config, model)
    for article in stream.articles:
        linker.assign(article, stream.features[article])
    return b_cubed(stream.incident, {a: linker.story_of(a) for a in stream.articles})


def fold_of(incident: str) -> int:
    """A split of the tune incidents that is independent of ``facts.part_of``'s (another hash)."""
    return zlib.adler32(incident.encode()) % FOLDS


def cross_validate(stream: Stream, extra: Pairs = ([], []), config: LinkerConfig = LinkerConfig(),
                   c_values: Sequence[float] = C_VALUES) -> dict[tuple[float, float], float]:
    """Mean held-out-half B³ F1 for each (C, threshold); ``extra`` pairs join every fit."""
    halves = [stream.subset({i for i in set(stream.incident.values()) if fold_of(i) == k}) for k in range(FOLDS)]
    pairs = [gold_pairs(half, config) for half in halves]
    scores: dict[tuple[float, float], float] = {}
    for c in c_values:
        for k, held_out in enumerate(halves):
            train_rows = [row for j in range(FOLDS) if j != k for row in pairs[j][0]] + extra[0]
            train_labels = [label for j in range(FOLDS) if j != k for label in pairs[j][1]] + extra[1]
            model = fit(train_rows, train_labels, c)
            for threshold in THRESHOLDS:
                f1 = link_b_cubed(held_out, replace(model, threshold=threshold), config)["f1"]
                scores[(c, threshold)] = scores.get((c, threshold), 0.0) + f1 / FOLDS
    return scores


def train(data: Path, ledger: Path, ecbplus: Path | None = None) -> tuple[LinkModel, dict[str, Any]]:
    stream = read_stream(data, ledger)
    orders = ecbplus_streams(ecbplus) if ecbplus else []
    extra: Pairs = ([], [])
    for order in orders:
        rows, labels = gold_pairs(order)
        extra[0].extend(rows)
        extra[1].extend(labels)
    scores = cross_validate(stream, extra)
    rows, labels = gold_pairs(stream)
    refits = {c: fit(rows + extra[0], labels + extra[1], c) for c in C_VALUES}
    other_news = {(c, t): sum(link_b_cubed(order, replace(refits[c], threshold=t))["f1"] for order in orders)
                  / len(orders) for c, t in scores} if orders else {}
    chosen = {key: (value + other_news[key]) / 2 if other_news else value for key, value in scores.items()}
    (c, threshold), _ = max(chosen.items(), key=lambda item: (item[1], -item[0][0]))
    best = scores[c, threshold]
    model = replace(refits[c], threshold=threshold)
    report = {
        "data": f"GVA tune part: {len(stream.articles)} articles, {len(set(stream.incident.values()))} incidents, "
                f"{len(rows)} candidate pairs ({sum(labels)} positive); ECB+ train topics 1-22 in {ECB_ORDERS} "
                f"orders: {len(extra[0])} pairs ({sum(extra[1])} positive)",
        "selection": f"{FOLDS}-fold cross-validation over tune incidents, held-out-half B³ F1"
                     + (", averaged with ECB+ train B³ F1 of the refit" if other_news else ""),
        "C": c, "threshold": threshold, "cv_b_cubed_f1": round(best, 4),
        "cv_grid": {f"C={key[0]} t={key[1]}": round(value, 4) for key, value in sorted(scores.items())},
        "ecbplus_train_grid": {f"C={key[0]} t={key[1]}": round(value, 4) for key, value in sorted(other_news.items())},
        "train_b_cubed_on_tune (trained on it, not held out)": {
            key: round(value, 4) for key, value in link_b_cubed(stream, model).items()},
        "weights": dict(zip(FEATURES, model.weights)),
    }
    return model, report


def main(argv: list[str] | None = None) -> None:
    found = command.parser(__doc__.splitlines()[0])
    tune_ledger.add_option(found)
    found.add_argument("--ecbplus", type=Path, help="ECB+ folder: add the pairs of train topics 1-22.")
    args = found.parse_args(argv)
    out = command.out_path(found, args, MODEL_PATH)
    model, report = train(args.data, args.ledger, args.ecbplus)
    provenance = {"command": "python -m newsledger.training.story_links --data GVA --ledger TUNE.db "
                             "--ecbplus ECBPLUS --out FILE",
                  "data": "gva/ tune part (SemEval-2018 Task 5 source data; licence not stated, research use) and "
                          "ECB+ train topics 1-22 (CC BY 3.0)",
                  **{k: report[k] for k in ("C", "threshold", "cv_b_cubed_f1", "selection")}}
    out.write_text(model.to_json(provenance) + "\n", encoding="utf-8")
    command.emit(report)


if __name__ == "__main__":
    main()
