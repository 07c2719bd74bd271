"""Opaque cursors for keyset pagination: a page ends with the sort key of its last item, and the next page
starts strictly after it. Following cursors reads every item exactly once, without offset scans, and stays
correct when pages are read minutes apart.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Select

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_CURSOR = 2048  # characters: the longest key this server makes is a score and an id
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may spell one alone; no database can store it
_INT64 = 2**63  # SQLite and PostgreSQL integers are signed 64-bit: a larger one is an error in the driver


class BadCursor(ValueError):
    """The cursor was not made by this server (or was cut short): the client should start over."""


def encode(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple:
    """The key a cursor holds, checked down to each value: a forged cursor (huge or non-finite numbers, nesting,
    NUL, lone surrogates, bytes that are not UTF-8) is a ``BadCursor``, never an error in the store."""
    if len(cursor) > MAX_CURSOR:
        raise BadCursor("invalid cursor")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw, parse_constant=_refuse)
    except (binascii.Error, ValueError, RecursionError) as error:
        raise BadCursor("invalid cursor") from error
    if not isinstance(key, list) or not key or not all(_plain_value(value) for value in key):
        raise BadCursor("invalid cursor")
    return tuple(key)


def _refuse(constant: str) -> None:
    raise ValueError(f"{constant} is not a cursor value")


def _plain_value(value: Any) -> bool:
    """A value a sort key of this server can hold: text the store can bind, a 64-bit integer, a finite float."""
    if isinstance(value, str):
        return "\x00" not in value and not _SURROGATE.search(value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -_INT64 <= value < _INT64
    return isinstance(value, float) and math.isfinite(value)


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
        (after,) = _single(decode(cursor), column.type.python_type)
        query = query.where(column > after)
    rows = list(connection.execute(query.order_by(column).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode([key(rows[-1])]) if more else None


def key_after(cursor: str | None, kinds: tuple[type, ...]) -> tuple | None:
    """The key a cursor holds, checked to be of these kinds in order and given as them (an int is taken for a
    float, as a float: a client may write 1 for 1.0, and a float binds where a 64-bit integer may not); None
    without a cursor."""
    if not cursor:
        return None
    key = decode(cursor)
    if len(key) != len(kinds) or not all(
            isinstance(value, kind) and not isinstance(value, bool) or kind is float and type(value) is int
            for value, kind in zip(key, kinds)):
        raise BadCursor("cursor does not fit this listing")
    return tuple(float(value) if kind is float else value for value, kind in zip(key, kinds))


def _single(key: tuple, kind: type) -> tuple:
    """A one-value key of the column's own type (PostgreSQL refuses to compare text with an integer)."""
    if len(key) != 1 or type(key[0]) is not kind:
        raise BadCursor("cursor does not fit this listing")
    return key
