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


def content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}
