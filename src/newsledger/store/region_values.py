"""What resolution read in each region of an article, kept in the ledger (``reconcile/region_values.py`` says
what is kept; this module only stores it as JSON, by region and by the version of the code that read it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, tuple_

from . import schema as t
from .ledger import Store

Region = tuple[str, int, int]  # (article, start, end)
_CHUNK = 500  # regions per statement: far below the parameter limits of SQLite and PostgreSQL


def load(store: Store, articles: Iterable[str], version: str) -> dict[Region, dict[str, Any]]:
    """The kept regions of these articles that ``version`` of the code read."""
    wanted = sorted(set(articles))
    table = t.region_values
    found: dict[Region, dict[str, Any]] = {}
    with store.engine.connect() as connection:
        for i in range(0, len(wanted), _CHUNK):
            query = select(table.c.article, table.c.start, table.c.end, table.c.data).where(
                table.c.article.in_(wanted[i:i + _CHUNK]), table.c.version == version)
            for row in connection.execute(query):
                found[row.article, row.start, row.end] = row.data
    return found


def save(store: Store, regions: dict[Region, dict[str, Any]], version: str) -> None:
    """Keep these regions (replacing what another version read of them), in one transaction."""
    if not regions:
        return
    table = t.region_values
    keys = sorted(regions)
    with store.engine.begin() as connection:
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            connection.execute(delete(table).where(tuple_(table.c.article, table.c.start, table.c.end).in_(chunk)))
            connection.execute(insert(table), [{"article": a, "start": s, "end": e, "version": version,
                                                "data": regions[a, s, e]} for a, s, e in chunk])
