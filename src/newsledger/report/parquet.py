"""Parquet export of articles, events and attributions, for analysts' dataframes (pandas, DuckDB, Spark).

Each list becomes one file of flat, typed columns: a nested record is spread into columns named by its path
(``place_geo_lat``, ``source_kind``), so a filter needs no JSON parsing; lists inside a record (an attribution's
relays, an article's removed boilerplate) are JSON text in one column. The columns come from the record
dataclasses, not from the data, so every file of a list has the same schema whatever its first record holds.
Records are written in row groups as the store yields them: the ledger is never held whole in memory.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from newsledger.records import Article, Attribution, Event, to_dict
from newsledger.store import streams
from newsledger.store.ledger import Store

LISTS: dict[str, type] = {"articles": Article, "events": Event, "attributions": Attribution}
ROW_GROUP = 2_000


def write_parquet(store: Store, folder: Path) -> list[Path]:
    """One ``<list>.parquet`` per list in ``folder``; returns the paths written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, record_type in LISTS.items():
        columns = _columns(record_type)
        schema = pa.schema([(column.replace(".", "_"), getattr(pa, _ARROW_TYPES[kind])()) for column, kind in columns])
        path = folder / f"{name}.parquet"
        with pq.ParquetWriter(path, schema) as writer:
            for rows in _chunks(streams.records(store, name), columns):
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        written.append(path)
    return written


def _chunks(records: typing.Iterable[Any], columns: list[tuple[str, str]]) -> Iterator[list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    for record in records:
        rows.append(_flat(to_dict(record), columns))
        if len(rows) >= ROW_GROUP:
            yield rows
            rows = []
    if rows:
        yield rows


def _flat(record: dict[str, Any], columns: list[tuple[str, str]]) -> dict[str, Any]:
    row = {}
    for column, kind in columns:
        value: Any = record
        for key in column.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        row[column] = json.dumps(value, ensure_ascii=False) if kind == "json" and value is not None else value
    return {column.replace(".", "_"): value for column, value in row.items()}


_ARROW_TYPES = {"string": "string", "json": "string", "int": "int64", "float": "float64", "bool": "bool_"}


def _columns(record_type: type, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted path, kind) for every leaf field of a record dataclass, nested records spread out."""
    found = []
    hints = typing.get_type_hints(record_type)
    for field in dataclasses.fields(record_type):
        kind = _plain(hints[field.name])
        path = f"{prefix}{field.name}"
        if dataclasses.is_dataclass(kind):
            found += _columns(kind, prefix=f"{path}.")
        else:
            found.append((path, _kind(kind)))
    return found


def _plain(hint: Any) -> Any:
    """``X | None`` → X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _kind(hint: Any) -> str:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return "string"
    return {str: "string", int: "int", float: "float", bool: "bool"}.get(hint, "json")

