"""The facts bench's baseline: articles clustered by TF-IDF cosine single link at a tuned threshold.

Each article is its title and text as lower-cased words (sublinear term frequency, smoothed IDF, L2-normalised
rows); two articles link when their cosine reaches the threshold, and stories are the connected components. The
threshold is the one of ``THRESHOLDS`` with the best B³ F1 on the tuning part of the data.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

import numpy as np
from scipy import sparse

from newsledger.evaluation.clustering_metrics import b_cubed

THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(2, 19))  # 0.10 … 0.90
BLOCK = 512  # rows multiplied at a time, so memory stays bounded on large collections
_WORD = re.compile(r"[a-z][a-z0-9']+")


def vectors(articles: list[dict[str, Any]]) -> sparse.csr_matrix:
    counts = [Counter(_WORD.findall(f"{a.get('title') or ''} {a.get('text') or ''}".lower())) for a in articles]
    vocabulary: dict[str, int] = {}
    document_frequency: Counter = Counter()
    for count in counts:
        document_frequency.update(count.keys())
    rows, cols, values = [], [], []
    for row, count in enumerate(counts):
        for word, n in count.items():
            col = vocabulary.setdefault(word, len(vocabulary))
            idf = math.log((1 + len(articles)) / (1 + document_frequency[word])) + 1
            rows.append(row)
            cols.append(col)
            values.append((1 + math.log(n)) * idf)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(articles), len(vocabulary)))
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1
    return sparse.diags(1 / norms) @ matrix


def similar_pairs(articles: list[dict[str, Any]], floor: float) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for every pair i < j at or above ``floor``."""
    matrix = vectors(articles)
    pairs = []
    for start in range(0, matrix.shape[0], BLOCK):
        block = (matrix[start:start + BLOCK] @ matrix.T).tocoo()
        for i, j, value in zip(block.row, block.col, block.data):
            if start + i < j and value >= floor:
                pairs.append((float(value), start + int(i), int(j)))
    return pairs


def _components(size: int, pairs: list[tuple[float, int, int]], threshold: float) -> list[int]:
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for value, i, j in pairs:
        if value >= threshold:
            parent[root(i)] = root(j)
    return [root(i) for i in range(size)]


def single_link(articles: list[dict[str, Any]], threshold: float) -> dict[str, int]:
    """Each article's cluster at ``threshold``."""
    labels = _components(len(articles), similar_pairs(articles, threshold), threshold)
    return {a["id"]: label for a, label in zip(articles, labels)}


def best_threshold(articles: list[dict[str, Any]]) -> float:
    """The threshold with the best B³ F1 against the articles' incidents."""
    pairs = similar_pairs(articles, min(THRESHOLDS))
    gold = {a["id"]: str(a["incident"]) for a in articles}

    def score(threshold: float) -> float:
        labels = _components(len(articles), pairs, threshold)
        return b_cubed(gold, {a["id"]: label for a, label in zip(articles, labels)})["f1"]

    return max(THRESHOLDS, key=lambda threshold: (score(threshold), -threshold))
