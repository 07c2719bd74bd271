"""Opaque cursors for keyset pagination: a page ends with the sort key of its last item, and the next page
starts strictly after it. Following cursors reads every item exactly once, without offset scans, and stays
correct when pages are read minutes apart.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Column, Connection, Select

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class BadCursor(ValueError):
    """The cursor was not made by this server (or was cut short): the client should start over."""


def encode(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError) as error:
        raise BadCursor("invalid cursor") from error
    if not isinstance(key, list) or not key:
        raise BadCursor("invalid cursor")
    return tuple(key)


def page_of_sorted(
    items: Sequence[T], keys: Sequence[tuple], cursor: str | None, limit: int
) -> tuple[list[T], str | None]:
    """One page of an in-memory list sorted by ``keys`` (unique, ascending): found by bisection, not by offset."""
    start = 0
    if cursor:
        after = decode(cursor)
        if keys and len(after) != len(keys[0]):
            raise BadCursor("cursor does not fit this listing")
        try:
            start = bisect_right(keys, after)
        except TypeError as error:
            raise BadCursor("cursor does not fit this listing") from error
    chunk = list(items[start : start + limit])
    more = start + limit < len(items)
    return chunk, encode(keys[start + limit - 1]) if more else None


def page_of_query(
    connection: Connection,
    query: Select,
    column: Column,
    cursor: str | None,
    limit: int,
    key: Callable[[Any], Any],
) -> tuple[list[Any], str | None]:
    """One page of rows ordered by a unique indexed ``column``: ``WHERE column > last ORDER BY column LIMIT n``."""
    if cursor:
        (after,) = _single(decode(cursor))
        query = query.where(column > after)
    rows = list(connection.execute(query.order_by(column).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode([key(rows[-1])]) if more else None


def _single(key: tuple) -> tuple:
    if len(key) != 1 or not isinstance(key[0], (str, int)) or isinstance(key[0], bool):
        raise BadCursor("cursor does not fit this listing")
    return key
