"""Reads the pages and the API need that ``Store`` does not offer: single records, keyset pages, and the
mentions that tie entities to articles. Read-only SQL over the store's tables; records come back in the export
contract's shape (the JSON column already holds it), so no dataclass round trip on the hot paths.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, union

from newsledger.records import Article, from_dict
from newsledger.store import schema as t
from newsledger.store.ledger import Store
from newsledger.store.paging import page_of_query

Page = tuple[list[dict[str, Any]], str | None]


def article(store: Store, article_id: str) -> Article | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(t.articles.c.data).where(t.articles.c.id == article_id)).first()
    return from_dict(Article, row.data) if row else None


def stories_of(store: Store, article_ids: list[str]) -> dict[str, str]:
    """The story of each of these articles (article id -> story id), by the indexed ``story_articles`` key."""
    if not article_ids:
        return {}
    query = select(t.story_articles.c.article, t.story_articles.c.story).where(t.story_articles.c.article.in_(article_ids))
    with store.engine.connect() as connection:
        return {row.article: row.story for row in connection.execute(query)}


def record(store: Store, table: str, record_id: str) -> dict[str, Any] | None:
    """One article, story, attribution or event in its contract shape."""
    source = t.metadata.tables[table]
    with store.engine.connect() as connection:
        row = connection.execute(select(source.c.data).where(source.c.id == record_id)).first()
    return row.data if row else None


def records(store: Store, table: str, cursor: str | None, limit: int, **filters: str | None) -> Page:
    """A page of articles (ingestion order), stories, attributions or events (id order), optionally filtered
    on indexed columns (``article=…``, ``source_entity=…``, ``type=…``)."""
    source = t.metadata.tables[table]
    order = source.c.seq if table == "articles" else source.c.id
    query = select(order.label("key"), source.c.data)
    for column, value in filters.items():
        if value is not None:
            query = query.where(source.c[column] == value)
    with store.engine.connect() as connection:
        rows, after = page_of_query(connection, query, order, cursor, limit, key=lambda row: row.key)
    return [row.data for row in rows], after


def entities(store: Store, cursor: str | None, limit: int) -> Page:
    """A page of entities in id order, each with all its mentions (the contract's shape)."""
    query = select(t.entities.c.id, t.entities.c.name, t.entities.c.type, t.entities.c.data)
    with store.engine.connect() as connection:
        rows, after = page_of_query(connection, query, t.entities.c.id, cursor, limit, key=lambda row: row.id)
        mentions = _mentions(connection, [row.id for row in rows])
    return [_entity(row, mentions.get(row.id, [])) for row in rows], after


def entity(store: Store, entity_id: str, with_mentions: bool = True) -> dict[str, Any] | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
        if row is None:
            return None
        mentions = _mentions(connection, [entity_id]) if with_mentions else {}
    return _entity(row, mentions.get(entity_id, []))


def _entity(row: Any, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": row.id, "name": row.name, "type": row.type, "aliases": row.data["aliases"], "mentions": mentions}


def _mentions(connection: Any, entity_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    if not entity_ids:
        return found
    query = (
        select(t.mentions.c.entity, t.mentions.c.article, t.mentions.c.start, t.mentions.c.end)
        .where(t.mentions.c.entity.in_(entity_ids))
        .order_by(t.mentions.c.article, t.mentions.c.start)
    )
    for row in connection.execute(query):
        found.setdefault(row.entity, []).append({"article": row.article, "start": row.start, "end": row.end})
    return found


def entity_counts(store: Store, article_ids: list[str], limit: int) -> list[dict[str, Any]]:
    """The entities mentioned in these articles, most mentioned first: id, name, type, mentions."""
    query = (
        select(t.entities.c.id, t.entities.c.name, t.entities.c.type, func.count().label("mentions"))
        .join(t.mentions, t.mentions.c.entity == t.entities.c.id)
        .where(t.mentions.c.article.in_(article_ids))
        .group_by(t.entities.c.id)
        .order_by(func.count().desc(), t.entities.c.name)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query)]


def entity_mentions(store: Store, entity_id: str, article_ids: list[str]) -> list[tuple[str, int, int]]:
    """(article, start, end) of the entity's mentions in these articles."""
    query = select(t.mentions.c.article, t.mentions.c.start, t.mentions.c.end).where(
        t.mentions.c.entity == entity_id, t.mentions.c.article.in_(article_ids)
    )
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]


def entity_articles(store: Store, entity_id: str, cursor: str | None, limit: int) -> Page:
    """A page (ingestion order) of the articles that mention the entity or quote it, with what names them."""
    involved = union(
        select(t.mentions.c.article).where(t.mentions.c.entity == entity_id),
        select(t.attributions.c.article).where(t.attributions.c.source_entity == entity_id),
    )
    query = select(
        t.articles.c.seq,
        t.articles.c.id,
        t.articles.c.title,
        t.articles.c.outlet,
        t.articles.c.published,
        t.articles.c.data["source_path"].as_string().label("source_path"),
    ).where(t.articles.c.id.in_(involved))
    with store.engine.connect() as connection:
        rows, after = page_of_query(connection, query, t.articles.c.seq, cursor, limit, key=lambda row: row.seq)
    return [row._asdict() for row in rows], after


def mention_totals(store: Store, entity_id: str) -> tuple[int, int]:
    """(mentions, articles) of an entity across the ledger."""
    query = select(func.count(), func.count(t.mentions.c.article.distinct())).where(t.mentions.c.entity == entity_id)
    with store.engine.connect() as connection:
        mentions, articles = connection.execute(query).one()
    return mentions, articles
