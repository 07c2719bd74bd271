"""Set similarity shared by the linker and the reconciler (one definition, so both mean the same thing)."""

from __future__ import annotations

from collections.abc import Iterable


def jaccard(a: Iterable, b: Iterable) -> float:
    """|A ∩ B| / |A ∪ B| of the two collections taken as sets; 0 when either is empty."""
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a and b else 0.0
