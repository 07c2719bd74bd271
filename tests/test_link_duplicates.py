"""Near-duplicate sketches: a reprint with a new headline is a copy, a different article is not."""

from __future__ import annotations

from newsledger.link.duplicates import DuplicateIndex, jaccard, sketch

BODY = " ".join(f"word{i} token{i % 7} thing{i % 13}" for i in range(300))


def test_a_reprint_with_a_new_headline_is_a_copy():
    original, reprint = sketch("Quake hits Aceh\n\n" + BODY), sketch("Aceh quake kills dozens\n\n" + BODY + " AP")
    other = sketch(" ".join(f"other{i} words{i % 5}" for i in range(300)))
    assert jaccard(original, reprint) > 0.9 and jaccard(original, other) == 0.0
    index = DuplicateIndex()
    index.add("a1", original)
    index.add("a2", other)
    assert index.find(reprint) == "a1"
    assert index.find(sketch("short text")) is None


def test_sketches_are_small_sorted_and_json_safe():
    signature = sketch(BODY)
    assert len(signature) == 32 and signature == sorted(signature) and max(signature) < 2**53
