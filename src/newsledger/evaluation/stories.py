"""`newsledger bench stories`: the ledger's streaming story linker on ECB+ documents.

The documents of the evaluated topics arrive in one seeded shuffled order and go through exactly what the
ledger runs: spaCy parse, ``entity_mentions``, ``extract_events``, ``article_features``, ``StoryLinker``. The
stories are scored against the topics (same kind of event: "an earthquake") and against the sub-topics (the
``ecb`` and ``ecbplus`` halves of a topic: one real event each, which is what a story should be) with B³,
pairwise P/R/F1 and the adjusted Rand index. ECB+ documents carry no dates, so the time window never acts.
"""

from __future__ import annotations

import random
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsledger.evaluation import clustering_metrics as cm
from newsledger.evaluation.ecbplus import Document, parse, read_corpus
from newsledger.extract.entities import entity_mentions
from newsledger.extract.events import extract_events
from newsledger.link.stories import LinkerConfig, StoryLinker, article_features
from newsledger.records import Article, ArticleRecords


def features_of(docs: list[Document], model: str | None = None) -> dict[str, dict[str, Any]]:
    """The linker's features of each document, computed as the pipeline computes them."""
    parsed = parse(docs, model)
    found = {}
    for doc in docs:
        spacy_doc = parsed[doc.name]
        records = ArticleRecords(Article(id=doc.name, text=doc.text))
        records.mentions = entity_mentions(spacy_doc)
        records.events = extract_events(spacy_doc, doc.name)
        found[doc.name] = article_features(spacy_doc, records)
    return found


def link(order: list[str], features: dict[str, dict[str, Any]], config: LinkerConfig) -> dict[str, str]:
    linker = StoryLinker(config)
    return {name: linker.assign(name, features[name]) for name in order}


def score(stories: dict[str, str], docs: list[Document]) -> dict[str, Any]:
    result: dict[str, Any] = {"stories": len(set(stories.values()))}
    for level, gold in (("topic", {d.name: d.topic for d in docs}), ("subtopic", {d.name: d.subtopic for d in docs})):
        result[level] = {
            "gold_clusters": len(set(gold.values())),
            "b3": cm.b_cubed(gold, stories),
            "pairwise": cm.pairwise(gold, stories),
            "ari": cm.adjusted_rand(gold, stories),
        }
    return result


ORDERS = 5


def run(data: Path, topics: list[int] | None = None, seed: int = 0, model: str | None = None,
        config: LinkerConfig = LinkerConfig(), orders: int = ORDERS) -> dict[str, Any]:
    """The scores of the arrival order ``seed``, and their mean over ``orders`` seeds from ``seed`` on: a
    streaming clustering depends on the order, and one order of a few dozen documents says little."""
    docs = read_corpus(data, topics)
    features = features_of(docs, model)
    runs = [score(link(_order(docs, s), features, config), docs) for s in range(seed, seed + max(1, orders))]
    result = runs[0]
    result.update(data=str(data), topics=sorted({d.topic for d in docs}), documents=len(docs), seed=seed,
                  config=asdict(config), orders=_over_orders(runs, seed))
    return result


def _order(docs: list[Document], seed: int) -> list[str]:
    order = [d.name for d in docs]
    random.Random(seed).shuffle(order)
    return order


def _over_orders(runs: list[dict[str, Any]], seed: int) -> dict[str, Any]:
    """Mean, lowest and highest B³ F1 and ARI per level over the runs' arrival orders."""
    found: dict[str, Any] = {"seeds": list(range(seed, seed + len(runs)))}
    for level in ("topic", "subtopic"):
        for name, values in (("b3_f1", [r[level]["b3"]["f1"] for r in runs]), ("ari", [r[level]["ari"] for r in runs])):
            found[f"{level}_{name}"] = {"mean": sum(values) / len(values), "min": min(values), "max": max(values)}
    return found


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['documents']} documents, topics {_ranges(result['topics'])}, seed {result['seed']}: "
        f"{result['stories']} stories",
        f"{'level':10}{'gold':>6}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'ARI':>8}",
    ]
    for level in ("topic", "subtopic"):
        s = result[level]
        b3, pair = s["b3"], s["pairwise"]
        lines.append(f"{level:10}{s['gold_clusters']:>6}" + "".join(
            f"{100 * v:>8.1f}" for v in (b3["p"], b3["r"], b3["f1"], pair["p"], pair["r"], pair["f1"], s["ari"])
        ))
    over = result["orders"]
    seeds = over["seeds"]
    lines.append(f"over arrival orders (seeds {seeds[0]}–{seeds[-1]}), mean [min–max]:")
    for level in ("topic", "subtopic"):
        cells = [f"{name} {100 * over[f'{level}_{key}']['mean']:.1f} [{100 * over[f'{level}_{key}']['min']:.1f}–"
                 f"{100 * over[f'{level}_{key}']['max']:.1f}]" for name, key in (("B3 F1", "b3_f1"), ("ARI", "ari"))]
        lines.append(f"{level:10}" + "   ".join(cells))
    return "\n".join(lines)


def _ranges(numbers: list[int]) -> str:
    return ",".join(map(str, numbers)) if len(numbers) < 6 else f"{numbers[0]}–{numbers[-1]} ({len(numbers)})"
