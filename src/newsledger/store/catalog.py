"""What the web's in-memory catalog reads from the ledger: the version that tells it to rebuild, and the text of
every article for its search index. The SQL lives here so that a schema change touches the store alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from newsledger.store import schema as t
from newsledger.store.ledger import Store


def version(store: Store) -> tuple[int, int]:
    """Changes when articles arrive and when stories get their cross-document events and findings
    (written after the articles, at the end of an ingest run): ``max(articles.seq)``, one indexed look-up,
    and the count of resolved stories."""
    with store.engine.connect() as connection:
        latest = connection.execute(select(func.max(t.articles.c.seq))).scalar() or 0
        resolved = connection.execute(select(func.count()).select_from(t.resolved_stories)).scalar() or 0
    return latest, resolved


def article_texts(store: Store) -> Iterator[Any]:
    """Every article's id, title, outlet and text, streamed (the connection stays open until the last row)."""
    query = select(t.articles.c.id, t.articles.c.title, t.articles.c.outlet, t.articles.c.text)
    with store.engine.connect() as connection:
        yield from connection.execute(query)
