"""The prefix-filtered search for similar claims finds exactly the pairs a comparison of every pair finds."""

from __future__ import annotations

import random
from itertools import combinations

from newsledger.reconcile.claim_pairs import (
    MIN_CLAIM_WORDS,
    claim_groups,
    similar_pairs,
)
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


def _groups_of_every_pair(words: dict[str, set[str]], article_of: dict[str, str], threshold: float) -> list[list[str]]:
    """The groups as a comparison of every pair of different articles makes them, joined one pair at a time."""
    parent = {item: item for item in words}

    def find(item: str) -> str:
        while parent[item] != item:
            item = parent[item]
        return item

    for a, b in combinations(sorted(words), 2):
        if article_of[a] != article_of[b] and min(len(words[a]), len(words[b])) >= MIN_CLAIM_WORDS \
                and jaccard(words[a], words[b]) >= threshold:
            parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for item in sorted(words):
        groups.setdefault(find(item), []).append(item)
    return list(groups.values())


def test_claim_groups_are_those_of_every_pair_with_contents_repeated_across_and_within_articles():
    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(12)]
    originals = [set(rng.sample(vocabulary, rng.randint(1, 6))) for _ in range(25)]
    words, article_of = {}, {}
    for i in range(300):  # each content repeated many times, in one article or in several
        words[f"c{i:03d}"] = set(rng.choice(originals)) | ({f"own{i}"} if rng.random() < 0.2 else set())
        article_of[f"c{i:03d}"] = f"a{rng.randrange(40) if rng.random() < 0.7 else 0}"
    for threshold in (0.5, 0.8):
        expected = _groups_of_every_pair(words, article_of, threshold)
        assert claim_groups(words, article_of, threshold) == expected
        assert any(len(group) > 5 for group in expected) and any(len(group) == 1 for group in expected)


def test_one_content_said_twice_in_one_article_is_no_group():
    words = {"a": {"w1", "w2", "w3"}, "b": {"w1", "w2", "w3"}, "c": {"w1", "w2", "w3", "w4"}, "d": {"x", "y", "z"}}
    assert claim_groups(words, {"a": "1", "b": "1", "c": "1", "d": "2"}, 0.5) == [["a"], ["b"], ["c"], ["d"]]
    assert claim_groups(words, {"a": "1", "b": "1", "c": "2", "d": "2"}, 0.5) == [["a", "b", "c"], ["d"]]
