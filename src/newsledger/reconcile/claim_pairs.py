"""Pairs of claims that say the same thing: attributions whose contents share most of their content words.

A large story has thousands of attributions, so pairs are found by prefix filtering, not by comparing every pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from newsledger.similarity import jaccard

#: Claims of fewer content words than this are paired with none (a few words match too much).
MIN_CLAIM_WORDS = 3
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "with", "from", "and", "or", "but", "that", "this", "these", "those", "is", "was", "were", "are", "be", "been", "has", "had", "have", "it", "its", "as", "which", "who", "said", "says", "say"])


def similar_pairs(words: dict[str, set[str]], threshold: float) -> list[tuple[str, str]]:
    """Pairs of ids whose word sets reach ``threshold`` (> 0) Jaccard, in id order, without comparing every
    pair; a set of fewer than ``MIN_CLAIM_WORDS`` words pairs with none.

    Prefix filtering: with words ordered rarest first, two sets with Jaccard ≥ t share a word among the first
    |A| − ⌈t·|A|⌉ + 1 of each, so only sets sharing such a prefix word are compared (a large story has
    thousands of attributions)."""
    frequency = Counter(word for found in words.values() for word in found)
    index: dict[str, list[str]] = defaultdict(list)
    pairs = set()
    for item in sorted(words):
        if len(words[item]) < MIN_CLAIM_WORDS:
            continue
        ordered = sorted(words[item], key=lambda w: (frequency[w], w))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        for other in {o for word in prefix for o in index[word]}:
            if jaccard(words[other], words[item]) >= threshold:
                pairs.add((other, item))
        for word in prefix:
            index[word].append(item)
    return sorted(pairs)


def claim_groups(words: dict[str, set[str]], article_of: dict[str, str], threshold: float) -> list[list[str]]:
    """The ids joined by pairs of different articles whose word sets reach ``threshold`` (``similar_pairs``),
    directly or through others: every id once, each group in id order, the groups in the order of their first id.

    A story repeats the same contents in many articles (a quote syndicated hundreds of times), and the pairs of
    ids would grow with the square of the repeats: pairs are found between distinct word sets instead. The ids
    of one set, and of two similar sets, are all joined when they come from two articles or more (each is then
    paired with an id of another article), and not at all when they come from one."""
    ids_of: dict[frozenset[str], list[str]] = defaultdict(list)
    for item in sorted(words):
        ids_of[frozenset(words[item])].append(item)
    sets = {str(n): found for n, found in enumerate(ids_of)}
    parent = {item: item for item in words}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = item = parent[parent[item]]
        return item

    def join(ids: list[str]) -> None:
        if len({article_of[item] for item in ids}) > 1:
            for item in ids[1:]:
                parent[find(item)] = find(ids[0])

    for found, ids in ids_of.items():
        if len(found) >= MIN_CLAIM_WORDS:
            join(ids)
    for a, b in similar_pairs(sets, threshold):
        join(ids_of[sets[a]] + ids_of[sets[b]])
    groups: dict[str, list[str]] = defaultdict(list)
    for item in sorted(words):
        groups[find(item)].append(item)
    return list(groups.values())


def content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}
