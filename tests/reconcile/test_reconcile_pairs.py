"""The prefix-filtered search for similar claims finds exactly the pairs a comparison of every pair finds."""

from __future__ import annotations

import random
from itertools import combinations

from newsledger.reconcile.claim_pairs import MIN_CLAIM_WORDS, similar_pairs
from newsledger.similarity import jaccard


def test_prefix_filter_finds_every_pair_above_the_threshold():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(40)]
    words = {f"a{i:03d}": set(rng.sample(vocabulary, rng.randint(1, 12))) for i in range(150)}
    for i in range(20):  # near-copies, so that high thresholds have pairs too
        words[f"b{i:03d}"] = set(words[f"a{i:03d}"]) | {f"extra{i}"}
    for threshold in (0.3, 0.5, 0.8):
        expected = sorted((a, b) for a, b in combinations(sorted(words), 2)
                          if jaccard(words[a], words[b]) >= threshold
                          and min(len(words[a]), len(words[b])) >= MIN_CLAIM_WORDS)
        assert similar_pairs(words, threshold) == expected
        assert expected  # the case is not vacuous


def test_short_claims_pair_with_none_even_when_identical():
    words = {"a": {"w1", "w2"}, "b": {"w1", "w2"}, "c": {"w1", "w2", "w3"}, "d": {"w1", "w2", "w3"}}
    assert similar_pairs(words, 0.5) == [("c", "d")]
