"""Near-duplicate detection (syndicated copies, lightly edited reprints) with bottom-k MinHash sketches.

Exact repeats are caught upstream by the content hash; a wire story reprinted with a new headline or a changed
byline is not. An article's sketch is the ``SKETCH_SIZE`` smallest hashes of its word 5-shingles: for two
sketches, the share of the union's k smallest hashes found in both estimates the Jaccard similarity of the
shingle sets (Broder 1997). One hash per shingle, pure Python, no permutation family; 52-bit hashes so the
sketch survives any JSON reader. Only the ``INDEXED`` smallest hashes are indexed: the smallest hash of the
union is in both sketches with probability J, so a copy (J ≥ 0.8) almost surely shares one of them, and the
index stays small. Postings keep only the most recent articles, so the cost per article stays flat, and a
candidate sharing too few hashes to reach the threshold is dropped before its estimate is computed.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Sequence

SHINGLE = 5
SKETCH_SIZE = 32
INDEXED = 4
#: Jaccard above which two articles are copies of one another (wire copies with a changed headline score ~0.9).
DUPLICATE_JACCARD = 0.8
POSTING_LIMIT = 8

_WORD = re.compile(r"\w+")


def sketch(text: str) -> list[int]:
    """The bottom-k sketch of the text's word shingles (casefolded, punctuation ignored), sorted."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return []
    shingles = {" ".join(words[i: i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") >> 12 for s in shingles)
    return sorted(hashes)[:SKETCH_SIZE]


def estimate(first: set[int], second: Sequence[int], both: set[int], k: int) -> float:
    """The bottom-k estimate of the Jaccard similarity of two shingle sets: the share of the union's k smallest
    hashes found in both sketches (``first``: one sketch as a set; ``both``: their common hashes;
    ``k``: the smaller sketch's size, at most ``SKETCH_SIZE``)."""
    if not both:
        return 0.0
    return len(both.intersection(sorted(first.union(second))[:k])) / k


class DuplicateIndex:
    """Finds, for each new article, the earlier article it nearly repeats (or None)."""

    def __init__(self) -> None:
        self._sketches: dict[str, array] = {}
        self._postings: dict[int, list[str]] = {}

    def find(self, signature: list[int]) -> str | None:
        candidates = dict.fromkeys(a for h in signature[:INDEXED] for a in self._postings.get(h, ()))
        best, best_score = None, DUPLICATE_JACCARD
        hashes = set(signature)
        for article in candidates:
            other = self._sketches[article]
            both = hashes.intersection(other)
            k = min(SKETCH_SIZE, len(signature), len(other))
            if len(both) < best_score * k:  # the estimate counts common hashes only: it cannot reach the best
                continue
            score = estimate(hashes, other, both, k)
            if score >= best_score:
                best, best_score = article, score
        return best

    def state(self) -> dict:
        """As JSON-able data: the postings, and the sketches they can still reach (an article no posting lists is
        never a candidate again)."""
        reachable = {article for posting in self._postings.values() for article in posting}
        return {"sketches": {a: list(s) for a, s in self._sketches.items() if a in reachable},
                "postings": {str(h): posting for h, posting in self._postings.items()}}

    @classmethod
    def from_state(cls, state: dict) -> DuplicateIndex:
        index = cls()
        index._sketches = {article: array("Q", sketch) for article, sketch in state["sketches"].items()}
        index._postings = {int(h): posting for h, posting in state["postings"].items()}
        return index

    def add(self, article: str, signature: list[int]) -> None:
        if not signature:
            return
        self._sketches[article] = array("Q", signature)
        for h in signature[:INDEXED]:
            posting = self._postings.setdefault(h, [])
            posting.append(article)
            if len(posting) > POSTING_LIMIT:
                del posting[0]
