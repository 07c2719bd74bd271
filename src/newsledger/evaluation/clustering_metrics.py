"""Clustering scores: the coreference metrics (MUC, B³, CEAF-e, CoNLL) and pairwise P/R/F1 and ARI.

Clusterings are dicts ``item -> cluster label``; key (gold) and response (system) may cover different items
(predicted mentions). Definitions follow the reference CoNLL scorer (Pradhan et al. 2014):

* MUC (Vilain et al. 1995): links. Recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K) is the partition of K
  by the response, an item of K that the response lacks being a part of its own. Precision swaps the roles.
  Singletons have no links, so they never count.
* B³ (Bagga & Baldwin 1998): per item. Recall = Σ_K Σ_R |K∩R|² / |K| / Σ|K|; precision swaps. Items found on one
  side only count in that side's denominator (so they cost recall or precision).
* CEAF-e (Luo 2005): the one-to-one alignment of key and response clusters maximising Σ φ4, with
  φ4(K, R) = 2|K∩R| / (|K| + |R|); recall = Σφ4 / #key clusters, precision = Σφ4 / #response clusters.
* CoNLL F1 = the mean of the three F1s.

Singletons are kept by default, as in the standard ECB+ evaluation (Cybulska & Vossen 2015, Barhom et al. 2019);
``singletons=False`` drops key singletons from the key and response singletons from the response first, the
variant Cattan et al. (2021) argue for.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

Clustering = Mapping[Hashable, Hashable]


def clusters(assignment: Clustering) -> list[frozenset]:
    groups: dict[Hashable, set] = defaultdict(set)
    for item, label in assignment.items():
        groups[label].add(item)
    return [frozenset(group) for group in groups.values()]


def _prf(recall_num: float, recall_den: float, precision_num: float, precision_den: float) -> dict[str, float]:
    recall = recall_num / recall_den if recall_den else 0.0
    precision = precision_num / precision_den if precision_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def _muc_side(key: list[frozenset], response_of: Mapping[Hashable, Hashable]) -> tuple[float, float]:
    numerator = denominator = 0
    for cluster in key:
        parts = {response_of.get(item, ("alone", item)) for item in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Clustering, response: Clustering) -> dict[str, float]:
    recall = _muc_side(clusters(key), response)
    precision = _muc_side(clusters(response), key)
    return _prf(*recall, *precision)


def _overlaps(key: Clustering, response: Clustering) -> Counter:
    """|K ∩ R| for every pair of a key label and a response label that share items."""
    return Counter((key[item], response[item]) for item in key.keys() & response.keys())


def b_cubed(key: Clustering, response: Clustering) -> dict[str, float]:
    key_sizes, response_sizes = Counter(key.values()), Counter(response.values())
    recall = precision = 0.0
    for (k, r), shared in _overlaps(key, response).items():
        recall += shared * shared / key_sizes[k]
        precision += shared * shared / response_sizes[r]
    return _prf(recall, len(key), precision, len(response))


def ceaf_e(key: Clustering, response: Clustering) -> dict[str, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    key_labels, response_labels = sorted(set(key.values()), key=str), sorted(set(response.values()), key=str)
    key_sizes, response_sizes = Counter(key.values()), Counter(response.values())
    k_index = {label: i for i, label in enumerate(key_labels)}
    r_index = {label: i for i, label in enumerate(response_labels)}
    similarity = np.zeros((len(key_labels), len(response_labels)))
    for (k, r), shared in _overlaps(key, response).items():
        similarity[k_index[k], r_index[r]] = 2 * shared / (key_sizes[k] + response_sizes[r])
    total = 0.0
    if similarity.size:
        rows, cols = linear_sum_assignment(similarity, maximize=True)
        total = float(similarity[rows, cols].sum())
    return _prf(total, len(key_labels), total, len(response_labels))


def without_singletons(assignment: Clustering) -> dict:
    sizes = Counter(assignment.values())
    return {item: label for item, label in assignment.items() if sizes[label] > 1}


def coref_scores(key: Clustering, response: Clustering, singletons: bool = True) -> dict[str, dict[str, float]]:
    """MUC, B³, CEAF-e and CoNLL F1 (all as fractions), the standard way."""
    if not singletons:
        key, response = without_singletons(key), without_singletons(response)
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    scores["conll"] = {"f1": sum(s["f1"] for s in scores.values()) / 3}
    return scores


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(key: Clustering, response: Clustering) -> dict[str, float]:
    """Precision and recall of the same-cluster item pairs (over the items both sides cover)."""
    shared = key.keys() & response.keys()
    key = {item: key[item] for item in shared}
    response = {item: response[item] for item in shared}
    both = _pairs(_overlaps(key, response))
    return _prf(both, _pairs(Counter(key.values())), both, _pairs(Counter(response.values())))


def adjusted_rand(key: Clustering, response: Clustering) -> float:
    """Hubert & Arabie's ARI over the items both sides cover: 0 for chance agreement, 1 for identity."""
    shared = key.keys() & response.keys()
    n = len(shared)
    if n < 2:
        return 1.0
    key = {item: key[item] for item in shared}
    response = {item: response[item] for item in shared}
    index = _pairs(_overlaps(key, response))
    a, b = _pairs(Counter(key.values())), _pairs(Counter(response.values()))
    expected = a * b / math.comb(n, 2)
    best = (a + b) / 2
    return 1.0 if best == expected else (index - expected) / (best - expected)
