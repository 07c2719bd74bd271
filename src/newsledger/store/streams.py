"""Every record of one list of the ledger, streamed in the export's order: reading a ledger of any size holds one
article's records (or one chunk of entities) at a time, never the ledger whole.

Rows come from a cursor that the database feeds as they are read (a server-side cursor on PostgreSQL, whose
driver otherwise fetches the whole answer first; SQLite's cursor is lazy already). The order is the one the
store's list readers give: attributions and events by article then position, entities by name, stories by
first day seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, func, select

from newsledger.records import (
    Article,
    Attribution,
    CrossEvent,
    Entity,
    Event,
    Finding,
    Story,
    from_dict,
)
from newsledger.store import schema as t
from newsledger.store.ledger import Store

ROWS_PER_FETCH = 500
ENTITIES_PER_CHUNK = 1_000
LISTS = ("articles", "entities", "attributions", "events", "cross_events", "findings", "stories")


def records(store: Store, name: str) -> Iterator[Any]:
    """The records of one list (``LISTS``), as the record dataclasses."""
    if name not in LISTS:
        raise ValueError(f"no list {name!r} in the ledger; the lists: {', '.join(LISTS)}")
    with store.engine.connect() as connection:
        streaming = connection.execution_options(stream_results=True, yield_per=ROWS_PER_FETCH)
        if name == "entities":
            yield from _entities(store, streaming)
        elif name == "articles":
            for row in streaming.execute(select(t.articles.c.data).order_by(t.articles.c.seq)):
                yield from_dict(Article, row.data)
        elif name == "stories":
            first_seen = func.coalesce(t.stories.c.data["first_seen"].as_string(), "")
            for row in streaming.execute(select(t.stories.c.data).order_by(first_seen, t.stories.c.id)):
                yield from_dict(Story, row.data)
        else:
            yield from _by_group(streaming, name)


_GROUPED = {  # table, record type, the column it is grouped by, the position that orders a group
    "attributions": (t.attributions, Attribution, "article", lambda a: a.cue.start),
    "events": (t.events, Event, "article", lambda e: e.trigger.start),
    "cross_events": (t.cross_events, CrossEvent, "story", None),
    "findings": (t.findings, Finding, "story", None),
}


def _by_group(connection: Connection, name: str) -> Iterator[Any]:
    """Records ordered by their article (or story), each article's sorted by position: one group in memory."""
    table, record_type, column, position = _GROUPED[name]
    query = select(table.c[column].label("group"), table.c.data).order_by(table.c[column], table.c.id)
    for _group, rows in groupby(connection.execute(query), key=lambda row: row.group):
        found = [from_dict(record_type, row.data) for row in rows]
        yield from (sorted(found, key=position) if position else found)


def _entities(store: Store, connection: Connection) -> Iterator[Entity]:
    """Entities by name (then id), each with its mentions: a chunk of entities at a time, read with their
    mentions by ``Store.entities``."""
    chunk: list[str] = []
    for row in connection.execute(select(t.entities.c.id).order_by(t.entities.c.name, t.entities.c.id)):
        chunk.append(row.id)
        if len(chunk) >= ENTITIES_PER_CHUNK:
            yield from _with_mentions(store, chunk)
            chunk = []
    yield from _with_mentions(store, chunk)


def _with_mentions(store: Store, ids: list[str]) -> Iterator[Entity]:
    if ids:
        yield from sorted(store.entities(ids), key=lambda entity: (entity.name, entity.id))
