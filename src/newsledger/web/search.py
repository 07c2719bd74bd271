"""Full-text search over stories, from an inverted index built in memory from the articles' titles and text.

The ledger is opened read-only and its schema belongs to the store, so there is no FTS table to query; a scan
with ``LIKE`` reads every article's text per query (about 4 MB for PolNeAR, growing with the ledger), while the
index answers from a few dictionary look-ups. It costs memory roughly proportional to the distinct words per
article, and is rebuilt when the ledger changes (see ``catalog``).

A query is a list of words; a story matches when its articles contain every word (a word that ends with ``*``
matches as a prefix). Stories are ranked by tf-idf, titles counting triple.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
_TITLE_WEIGHT = 3
_MAX_PREFIX_EXPANSION = 200  # "a*" would otherwise touch the whole vocabulary


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class SearchIndex:
    def __init__(self, documents: Iterable[tuple[str, str | None, str]]) -> None:
        """``documents``: (story id, article title, article text); several articles may share a story."""
        postings: dict[str, Counter[str]] = {}
        for story, title, text in documents:
            counts = Counter(words(text))
            for word in words(title or ""):
                counts[word] += _TITLE_WEIGHT
            for word, count in counts.items():
                postings.setdefault(word, Counter())[story] += count
        self._postings = postings
        self._vocabulary = sorted(postings)
        self._stories = len({story for counter in postings.values() for story in counter})

    def search(self, query: str) -> list[tuple[str, float]]:
        """(story id, score) of the stories matching every word of the query, best first."""
        terms = []
        for raw in query.split():
            found = words(raw)
            terms += [(word, raw.endswith("*") and i == len(found) - 1) for i, word in enumerate(found)]
        if not terms:
            return []
        scores: dict[str, float] | None = None
        for word, prefix in terms:
            found = self._matching(word, prefix)
            if scores is None:
                scores = found
            else:
                scores = {story: score + found[story] for story, score in scores.items() if story in found}
            if not scores:
                return []
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

    def _matching(self, word: str, prefix: bool) -> dict[str, float]:
        if not prefix:
            return self._weighted(self._postings.get(word))
        start = bisect_left(self._vocabulary, word)
        found: dict[str, float] = {}
        for candidate in self._vocabulary[start : start + _MAX_PREFIX_EXPANSION]:
            if not candidate.startswith(word):
                break
            for story, score in self._weighted(self._postings[candidate]).items():
                found[story] = found.get(story, 0.0) + score
        return found

    def _weighted(self, counts: Counter[str] | None) -> dict[str, float]:
        if not counts:
            return {}
        idf = math.log(1 + self._stories / len(counts))
        return {story: (1 + math.log(count)) * idf for story, count in counts.items()}
