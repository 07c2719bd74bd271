"""What the story list sorts and filters on, derived from a story's record (the ``stories.data`` shape): one row
of ``story_list`` and the rows of ``story_facets`` (``schema.py``). Plain functions of the record, shared by every
write of a story (``ledger._write_listed``) and by the migration that made the tables (``insert_rows``)."""

from __future__ import annotations

from typing import Any

#: How each facet's value is compared by a filter: a country as it is (ISO codes), a type upper-cased, a place
#: case-folded (a part of its name is looked for).
MATCHED = {"countries": str, "types": str.upper, "places": str.casefold}


def day(date: str | None) -> int:
    """A date as a number that sorts like it; 0 when unknown or unreadable."""
    try:
        return int(date[:10].replace("-", "")) if date else 0
    except ValueError:
        return 0


def list_row(record: dict[str, Any]) -> dict[str, Any]:
    first, last = record.get("first_seen"), record.get("last_seen")
    return {"story": record["id"], "size": len(record.get("articles") or ()), "undated": last is None,
            "day": day(last or first), "first": first or None, "last": last or first}


def facet_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Its facets' values in their order, and the finding statuses its tally counts at least once."""
    facets, tally = record.get("facets") or {}, record.get("tally") or {}
    rows = [{"facet": facet, "position": i, "value": str(value), "match": fold(str(value))}  # str: never fail a write
            for facet, fold in MATCHED.items() for i, value in enumerate(facets.get(facet) or ())]
    rows += [{"facet": "status", "position": i, "value": status, "match": status}
             for i, (status, count) in enumerate(tally.items()) if (count or 0) > 0]
    return [{"story": record["id"], **row} for row in rows]


def insert_rows(connection: Any, list_table: Any, facets_table: Any, records: list[dict[str, Any]]) -> None:
    """Insert the list's rows of these story records (the tables are passed in, so the migration that made them
    and every later write insert the same rows)."""
    if records:
        connection.execute(list_table.insert(), [list_row(record) for record in records])
    facets = [row for record in records for row in facet_rows(record)]
    if facets:
        connection.execute(facets_table.insert(), facets)
