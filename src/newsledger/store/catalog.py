"""What the web's catalog reads from the ledger: the version that tells it what it kept is stale, and the outlets of
the stories a page lists. The SQL lives here so that a schema change touches the store alone."""

from __future__ import annotations

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


def story_outlets(store: Store, story_ids: list[str]) -> dict[str, list[str]]:
    """These stories' outlets, sorted: one grouped query over two narrow columns (no article text is read)."""
    if not story_ids:
        return {}
    query = (
        select(t.story_articles.c.story, t.articles.c.outlet)
        .join(t.articles, t.articles.c.id == t.story_articles.c.article)
        .where(t.story_articles.c.story.in_(story_ids), t.articles.c.outlet.is_not(None))
        .group_by(t.story_articles.c.story, t.articles.c.outlet)
        .order_by(t.story_articles.c.story, t.articles.c.outlet)
    )
    found: dict[str, list[str]] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            found.setdefault(row.story, []).append(row.outlet)
    return found
