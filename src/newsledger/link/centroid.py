"""A running sum of unit vectors that keeps its own norm: the story linker's and event coreference's centroid."""

from __future__ import annotations

import itertools
import math
import operator


class Centroid:
    """A running sum of article vectors that keeps its own norm, so a cosine costs the article's size only.

    With a ``limit``, the sum keeps only its ``limit`` heaviest keys whenever it has grown to twice that: a story
    of thousands of articles then costs what one of a few dozen does to compare (the light keys it drops are
    each a small share of the norm), and pruning by halves keeps the amortised cost of ``add`` constant."""

    __slots__ = ("count", "limit", "norm2", "weights")

    def __init__(self, limit: int | None = None) -> None:
        self.weights: dict[str, float] = {}
        self.norm2 = 0.0
        self.limit = limit
        self.count = 0  # the non-empty vectors summed

    def add(self, vector: dict[str, float], count: int = 1) -> None:
        """Add a unit vector, or the sum of ``count`` of them (another centroid's weights)."""
        if vector:
            self.count += count
        for key, value in vector.items():
            old = self.weights.get(key, 0.0)
            self.weights[key] = old + value
            self.norm2 += 2 * old * value + value * value
        if self.limit and len(self.weights) >= 2 * self.limit:
            self._prune()

    def state(self) -> dict:
        """As JSON-able data, keys in their order (pruning breaks ties and sums add in it)."""
        return {"weights": self.weights, "norm2": self.norm2, "limit": self.limit, "count": self.count}

    @classmethod
    def from_state(cls, state: dict) -> Centroid:
        centroid = cls(state["limit"])
        centroid.weights, centroid.norm2, centroid.count = state["weights"], state["norm2"], state["count"]
        return centroid

    def _prune(self) -> None:
        heaviest = sorted(self.weights.items(), key=lambda item: -item[1])[: self.limit]
        self.weights = dict(heaviest)
        self.norm2 = sum(value * value for value in self.weights.values())

    def cosine(self, vector: dict[str, float]) -> float:
        """Cosine with a unit-length article vector (``StoryLinker.assign`` makes sure it is)."""
        if not self.norm2 or not vector:
            return 0.0
        return _dot(vector, self.weights) / math.sqrt(self.norm2)

    def mean_similarity(self, vector: dict[str, float]) -> float:
        """The mean cosine of a unit vector with the summed unit vectors: unlike ``cosine``, it stays low for an
        article that resembles only a few articles of a loose story."""
        return _dot(vector, self.weights) / self.count if self.count and vector else 0.0

    def mean_pairwise(self) -> float | None:
        """The mean cosine between two of the summed unit vectors, from the norm alone: ‖Σv‖² = n + Σ_{i≠j} vᵢ·vⱼ
        (a pruned centroid underestimates it a little); None below two vectors."""
        if self.count < 2:
            return None
        return min(1.0, max(0.0, (self.norm2 - self.count) / (self.count * (self.count - 1))))

    def cosine_with(self, other: Centroid) -> float:
        """Cosine of two centroids, iterating the smaller one."""
        if not self.norm2 or not other.norm2:
            return 0.0
        small, large = sorted((self.weights, other.weights), key=len)
        return _dot(small, large) / math.sqrt(self.norm2 * other.norm2)


def _dot(small: dict[str, float], large: dict[str, float]) -> float:
    """Σ small[k] · large[k], iterating ``small`` (map and sum run in C: this is the linker's inner loop)."""
    return sum(map(operator.mul, small.values(), map(large.get, small.keys(), itertools.repeat(0.0))))
