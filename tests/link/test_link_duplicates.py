"""Near-duplicate sketches: a reprint with a new headline is a copy, a different article is not."""

from __future__ import annotations

from newsledger.link.duplicates import SKETCH_SIZE, DuplicateIndex, estimate, sketch


def estimated(a: list[int], b: list[int]) -> float:
    """The estimate between two sketches, as ``DuplicateIndex.find`` computes it."""
    if not a or not b:
        return 0.0
    return estimate(set(a), b, set(a) & set(b), min(SKETCH_SIZE, len(a), len(b)))


BODY = " ".join(f"word{i} token{i % 7} thing{i % 13}" for i in range(300))


def test_a_reprint_with_a_new_headline_is_a_copy():
    original, reprint = sketch("Quake hits Aceh\n\n" + BODY), sketch("Aceh quake kills dozens\n\n" + BODY + " AP")
    other = sketch(" ".join(f"other{i} words{i % 5}" for i in range(300)))
    assert estimated(original, reprint) > 0.9 and estimated(original, other) == 0.0
    index = DuplicateIndex()
    index.add("a1", original)
    index.add("a2", other)
    assert index.find(reprint) == "a1"
    assert index.find(sketch("short text")) is None


def test_sketches_are_small_sorted_and_json_safe():
    signature = sketch(BODY)
    assert len(signature) == 32 and signature == sorted(signature) and max(signature) < 2**53


def test_the_estimate_is_the_share_of_the_unions_k_smallest_found_in_both():
    import random

    rng = random.Random(0)
    for _ in range(200):
        common = rng.sample(range(1000), rng.randint(0, 32))
        a = sorted(set(common + rng.sample(range(1000), 32 - len(common))))[:32]
        b = sorted(set(common + rng.sample(range(1000), rng.randint(0, 32))))[:32]
        k = min(32, len(a), len(b))
        union = sorted(set(a) | set(b))[:k]
        assert estimated(a, b) == sum(1 for h in union if h in set(a) & set(b)) / k


def test_a_candidate_sharing_too_few_hashes_is_no_duplicate_and_a_close_one_is():
    index = DuplicateIndex()
    index.add("far", [1, 2, 3, 4] + list(range(500, 528)))
    index.add("near", [1, 2, 3, 4] + list(range(100, 128)))
    assert index.find([1, 2, 3, 4] + list(range(100, 126)) + [900, 901]) == "near"
    assert index.find([1, 2, 3, 4] + list(range(700, 728))) is None
