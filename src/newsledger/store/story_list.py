"""The story list in SQL: what it sorts and filters on is kept beside each story (``story_list``, ``story_facets``),
so a page of the list, its count and its facet choices are queries, and a reader holds one page of stories
whatever the ledger's size.

Every write of a story record (``Store.write``, ``Store.write_resolution``, the schema migration that made these
tables) writes its rows too (``list_columns``). The orders are the list's: most recent first (an undated story
last), most articles first, or id; each page ends with its last story's sort key, the keyset the next page
starts after (``store.paging`` cursors).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Double,
    Select,
    TextualSelect,
    and_,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
)

from newsledger.records import Story, from_dict
from newsledger.store import schema as t
from newsledger.store.paging import BadCursor, decode, encode

if TYPE_CHECKING:
    from newsledger.store.ledger import Store

L, F = t.story_list, t.story_facets


@dataclass(frozen=True)
class StoryFilter:
    """What a story list is narrowed to: the country (ISO code) and place its happenings took place in, their
    PLOVER type, a finding status it has, and days its span of dates meets; empty fields narrow nothing."""

    country: str = ""
    place: str = ""
    type: str = ""
    status: str = ""  # "disputed": only stories with at least one finding of that status
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None

    def conditions(self) -> list[Any]:
        found = [_has("countries", F.c.match == self.country.upper()) if self.country else None,
                 _has("types", F.c.match == self.type.upper()) if self.type else None,
                 _has("places", F.c.match.contains(self.place.casefold(), autoescape=True)) if self.place else None,
                 _has("status", F.c.match == self.status) if self.status else None]
        if self.start or self.end:
            found.append(L.c.first.is_not(None))  # an undated story meets no range
        if self.start:
            found.append(func.coalesce(L.c.last, "") >= self.start)
        if self.end:
            found.append(L.c.first <= self.end)
        return [condition for condition in found if condition is not None]


def _has(facet: str, condition: Any) -> Any:
    return exists().where(F.c.story == L.c.story, F.c.facet == facet, condition)


#: Each order's columns by name, ascending or not; its sort key negates the descending ones, so keys sort ascending
#: (the keys the list's cursors have always held).
ORDERS: dict[str, tuple[tuple[str, bool], ...]] = {
    "id": (("story", True),),
    "recent": (("undated", True), ("day", False), ("story", True)),
    "size": (("size", False), ("undated", True), ("day", False), ("story", True)),
    "relevance": (("score", False), ("story", True)),  # among a search's hits
}
_KINDS = {"story": str, "undated": bool, "day": int, "size": int, "score": float}


def sort_key(order: str, row: Any) -> tuple:
    return tuple(row._mapping[name] if ascending else -row._mapping[name] for name, ascending in ORDERS[order])


def _after(columns: Any, order: str, key: tuple) -> Any:
    """``WHERE`` the row sorts after ``key``: (a > x) OR (a = x AND (b > y OR …)), each column its own way."""
    parts = ORDERS[order]
    if len(key) != len(parts) or any(type(value) is not _KINDS[name] for value, (name, _) in zip(key, parts)):
        raise BadCursor("cursor does not fit this listing")
    condition = None
    for (name, ascending), value in reversed(list(zip(parts, key))):
        column = columns[name]
        value = literal(value if ascending else -value, column.type)  # a bound value, True and False too
        beyond = column > value if ascending else column < value
        condition = beyond if condition is None else or_(beyond, and_(column == value, condition))
    return condition


def _keyset(connection: Any, query: Select, columns: Any, order: str, cursor: str | None,
            limit: int) -> tuple[list[Any], str | None]:
    """One page of ``query``'s rows in ``order`` after the cursor's key, and the next page's cursor."""
    if cursor:
        query = query.where(_after(columns, order, decode(cursor)))
    ordering = [columns[name] if ascending else columns[name].desc() for name, ascending in ORDERS[order]]
    rows = list(connection.execute(query.order_by(*ordering).limit(limit + 1)))
    return rows[:limit], encode(sort_key(order, rows[limit - 1])) if len(rows) > limit else None


def page(store: Store, chosen: StoryFilter, order: str, cursor: str | None, limit: int) -> tuple[list[Story], str | None]:
    """A page of the stories the filter admits, in ``order`` (a keyset query), and the next page's cursor."""
    query = select(L.c.story, L.c.size, L.c.undated, L.c.day).where(*chosen.conditions())
    with store.engine.connect() as connection:
        rows, after = _keyset(connection, query, L.c, order, cursor, limit)
    return stories(store, [row.story for row in rows]), after


def count(store: Store, chosen: StoryFilter) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(L).where(*chosen.conditions())).scalar_one()


def among(store: Store, hits: TextualSelect, chosen: StoryFilter, order: str, cursor: str | None,
          limit: int) -> tuple[list[Story], str | None, int]:
    """A page of a search's hits (``store.search.matching``) that the filter admits, in ``order`` ("relevance" or
    a list order), the next page's cursor, and how many there are: the search joined to the list's columns and
    computed once (a materialised CTE), counted and paged in the same statement."""
    matched = hits.subquery("matched")
    story = matched.c.story.collate("C") if store.engine.dialect.name == "postgresql" else matched.c.story
    score = cast(matched.c.score, Double).label("score")  # PostgreSQL's ts_rank is a real: compared as sent
    admitted = (select(L.c.story, L.c.size, L.c.undated, L.c.day, score)
                .join(matched, story == L.c.story).where(*chosen.conditions())
                .cte("admitted").prefix_with("MATERIALIZED"))
    total = select(func.count()).select_from(admitted).scalar_subquery().label("total")
    with store.engine.connect() as connection:
        rows, after = _keyset(connection, select(admitted, total), admitted.c, order, cursor, limit)
        found = rows[0].total if rows else connection.execute(select(func.count()).select_from(admitted)).scalar_one()
    return stories(store, [row.story for row in rows]), after, found


def stories(store: Store, story_ids: list[str]) -> list[Story]:
    """These stories' records, in the order asked."""
    if not story_ids:
        return []
    with store.engine.connect() as connection:
        rows = connection.execute(select(t.stories.c.id, t.stories.c.data).where(t.stories.c.id.in_(story_ids)))
        found = {row.id: row.data for row in rows}
    return [from_dict(Story, found[story_id]) for story_id in story_ids if story_id in found]


def choices(store: Store, facet: str, shown: int = 60) -> list[str]:
    """The facet's values (``countries``, ``types``) listed most often by the stories, first; ties in the order
    the values first appear in the stories taken in id order (so the lists read as they did when built in
    memory)."""
    counted = (select(F.c.value, func.count().label("n"), func.min(F.c.story).label("first"))
               .where(F.c.facet == facet).group_by(F.c.value).subquery())
    at = F.alias("at")
    position = (select(func.min(at.c.position))
                .where(at.c.facet == facet, at.c.story == counted.c.first, at.c.value == counted.c.value)
                .scalar_subquery())
    query = select(counted.c.value).order_by(counted.c.n.desc(), counted.c.first, position).limit(shown)
    with store.engine.connect() as connection:
        return [row.value for row in connection.execute(query)]
