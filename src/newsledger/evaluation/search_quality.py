"""`newsledger bench search`: does the full-text search find a story from a few words of one of its titles?

Known-item search on a real ledger: for each article whose title has at least ``WORDS`` words of four letters or
more, the query is its ``WORDS`` longest such words (ties: first in the title), and the answer that counts is the
article's own story. Reported: how often that story comes first, in the first ten, the mean reciprocal rank
(0 when not found), and the latency of the queries. A copy of a title is in no other text, so this measures
the ranking's use of the title weight and of rare words, not every quality a reader wants.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from newsledger.store import schema as t
from newsledger.store.ledger import Store
from newsledger.store.search import search, words

WORDS = 3


def queries(store: Store) -> list[tuple[str, str]]:
    """(query, expected story id) for each titled article."""
    query = (
        select(t.articles.c.title, t.story_articles.c.story)
        .join(t.story_articles, t.story_articles.c.article == t.articles.c.id)
        .where(t.articles.c.title.is_not(None))
        .order_by(t.articles.c.seq)
    )
    found = []
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            long = list(dict.fromkeys(w for w in words(row.title) if len(w) >= 4))
            if len(long) >= WORDS:
                chosen = sorted(long, key=lambda w: (-len(w), long.index(w)))[:WORDS]
                found.append((" ".join(chosen), row.story))
    return found


def evaluate(asked: list[tuple[str, str]], find: Callable[[str], list[tuple[str, float]]]) -> dict[str, Any]:
    ranks, seconds = [], []
    for query, story in asked:
        began = time.perf_counter()
        hits = [found for found, _score in find(query)]
        seconds.append(time.perf_counter() - began)
        ranks.append(hits.index(story) + 1 if story in hits else None)
    cuts = statistics.quantiles(seconds, n=100) if len(seconds) > 1 else seconds * 99
    return {
        "queries": len(asked),
        "top1": sum(rank == 1 for rank in ranks) / len(asked),
        "top10": sum(rank is not None and rank <= 10 for rank in ranks) / len(asked),
        "mrr": sum(1 / rank for rank in ranks if rank) / len(asked),
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
    }


def run(location: str) -> dict[str, Any]:
    with Store(location, readonly=True) as store:
        asked = queries(store)
        if not asked:
            raise RuntimeError(f"{location} has no article with a title of {WORDS} words of four letters or more")
        return {"db": location, **evaluate(asked, lambda query: search(store, query))}


def render(result: dict[str, Any]) -> str:
    return (f"{result['db']}: {result['queries']} title queries of {WORDS} words; own story first "
            f"{result['top1']:.1%}, in the first ten {result['top10']:.1%}, MRR {result['mrr']:.3f}; "
            f"latency p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms")
