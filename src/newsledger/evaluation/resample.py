"""A large ledger made quickly from a real one, for the archive-scale benchmarks: every row of a real ledger
(articles, their annotations, features, stories, findings…) is copied again and again under new ids until the
ledger holds the articles asked for.

Parsing 100,000 articles takes hours; copying the rows of 926 parsed PolNeAR articles 108 times takes minutes,
and gives a ledger whose records have real shapes and sizes (texts, mentions, attributions, events, stories of
real sizes). What it lacks is variety: each text recurs once per copy, so a word is found in as many articles as
there are copies. Copy ``r`` renames each article id ``a_<16 hex>`` (and so every id built from it: stories,
attributions, events, cross-document events, findings) to a hash of the id and ``r``; entities are shared, as the
same people recur across an archive. SQLite only (it writes through ``sqlite3`` for speed).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

from newsledger.store.ledger import LedgerError, Store

_ARTICLE_ID = re.compile(r"(?<![0-9a-f])a_[0-9a-f]{16}(?![0-9a-f])")
#: Tables copied once per copy; ``seq`` of articles is left out, so copies follow in ingestion order.
COPIED = ("articles", "mentions", "attributions", "events", "article_features", "stories", "story_articles",
          "cross_events", "findings", "resolved_stories", "story_list", "story_facets")


def grow(source: Path, target: Path, articles: int) -> int:
    """Fill the new ledger ``target`` with copies of ``source`` until it holds at least ``articles`` articles;
    returns how many it holds."""
    if target.exists():
        raise LedgerError(f"{target} exists: the resampled ledger must be a new file")
    Store(str(target)).close()  # the latest schema, with its full-text index and triggers
    Store(str(source), readonly=True).close()  # refuses an older ledger (it lacks tables that are copied), naming it
    src = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        base = src.execute("SELECT count(*) FROM articles").fetchone()[0]
        if not base:
            raise LedgerError(f"{source} holds no article to copy")
        _write_copy(dst, {"entities": _columns(src, "entities")}, {})
        rows = {table: _columns(src, table) for table in COPIED}
        ids = [row[0] for row in src.execute("SELECT id FROM articles ORDER BY seq")]
        copies = -(-articles // base)
        for copy in range(copies):
            _write_copy(dst, rows, _renaming(ids, copy))
            dst.commit()
        return copies * base
    finally:
        src.close()
        dst.close()


def _columns(src: sqlite3.Connection, table: str) -> tuple[str, list[tuple]]:
    names = [row[1] for row in src.execute(f"PRAGMA table_info({table})") if row[1] != "seq"]
    joined = ", ".join(f'"{name}"' for name in names)
    order = "seq" if table == "articles" else "rowid"
    return joined, src.execute(f"SELECT {joined} FROM {table} ORDER BY {order}").fetchall()


def _renaming(ids: list[str], copy: int) -> dict[str, str]:
    if copy == 0:
        return {}
    return {old: "a_" + hashlib.sha1(f"{old}/{copy}".encode()).hexdigest()[:16] for old in ids}


def _write_copy(dst: sqlite3.Connection, rows: dict[str, tuple[str, list[tuple]]], renaming: dict[str, str]) -> None:
    def renamed(value):
        if not renaming or not isinstance(value, str):
            return value
        return _ARTICLE_ID.sub(lambda found: renaming.get(found.group(), found.group()), value)

    for table, (columns, found) in rows.items():
        if not found:
            continue
        marks = ", ".join("?" * len(found[0]))
        dst.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                        ([renamed(value) for value in row] for row in found))
