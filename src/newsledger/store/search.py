"""Full-text search of stories through the database's own index: SQLite FTS5, PostgreSQL ``tsvector`` + GIN.

The index lives beside the articles and is kept in step by the database itself (SQLite triggers on ``articles``,
a PostgreSQL generated column), so any writer keeps it right and a reader opens it without building anything:
a server starts in the same time and memory whatever the ledger's size.

A query is a list of words (``\\w+``); an article matches when it contains every word, a word written ``word*``
matching as a prefix. Each word goes to the database quoted, so no query text is ever read as the index's own
syntax (``NEAR``, ``OR``, ``:``, parentheses, quotes). Articles are ranked by the database's relevance — BM25 in
FTS5, ``ts_rank`` in PostgreSQL — with the title weighing three times the text, and a story ranks by its
best-matching article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Float, String, TextualSelect, and_, or_, select
from sqlalchemy import text as sql

if TYPE_CHECKING:
    from newsledger.store.ledger import Store

_WORD = re.compile(r"\w+")
MAX_TERMS = 32  # a 10 KB query is cut to its first words: beyond this many, AND-ing more only narrows to nothing
TITLE_WEIGHT = 3.0


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def terms(query: str) -> list[tuple[str, bool]]:
    """(word, is a prefix) for each word of the query, in order, at most ``MAX_TERMS``; a ``*`` right after a
    word makes it a prefix."""
    found = []
    for raw in query.split():
        pieces = words(raw)
        found += [(word, raw.endswith("*") and i == len(pieces) - 1) for i, word in enumerate(pieces)]
    return found[:MAX_TERMS]


def search(store: Store, query: str) -> list[tuple[str, float]]:
    """(story id, score) of the stories with an article matching every word of the query, best first."""
    statement = matching(store, query)
    if statement is None:
        return []
    with store.engine.connect() as connection:
        return [(row.story, float(row.score)) for row in connection.execute(statement)]


def search_page(store: Store, query: str, after: tuple[float, str] | None, limit: int) -> list[tuple[str, float]]:
    """A page of ``search``: up to ``limit`` + 1 hits (one more tells that more follow) after the one whose key
    (−score, story) is ``after``. The database ranks the hits and the page is cut there: a search that matches
    most of a large ledger costs the server a page of memory, not the whole answer."""
    statement = matching(store, query)
    if statement is None:
        return []
    hits = statement.subquery("hits")
    page = select(hits.c.story, hits.c.score)
    if after is not None:
        score, story = -after[0], after[1]
        page = page.where(or_(hits.c.score < score, and_(hits.c.score == score, hits.c.story > story)))
    page = page.order_by(hits.c.score.desc(), hits.c.story).limit(limit + 1)
    with store.engine.connect() as connection:
        return [(row.story, float(row.score)) for row in connection.execute(page)]


def matching(store: Store, query: str) -> TextualSelect | None:
    """The search as a statement of (story, score), best first, to run or to join (the story list narrows and
    sorts it in SQL); None when the query has no word."""
    wanted = terms(query)
    if not wanted:
        return None
    postgres = store.engine.dialect.name == "postgresql"
    statement = _POSTGRES_QUERY if postgres else _SQLITE_QUERY
    match = _tsquery(wanted) if postgres else _fts5_query(wanted)
    return statement.bindparams(match=match).columns(story=String, score=Float)


def _fts5_query(wanted: list[tuple[str, bool]]) -> str:
    """``"w1" "w2"*``: each word a quoted string (FTS5 reads nothing inside quotes as syntax; a word holds no
    quote, being ``\\w+``), the words AND-ed."""
    return " ".join(f'"{word}"' + ("*" if prefix else "") for word, prefix in wanted)


def _tsquery(wanted: list[tuple[str, bool]]) -> str:
    """``'w1' & 'w2':*``: each word a quoted lexeme (it holds no quote or backslash, being ``\\w+``)."""
    return " & ".join(f"'{word}'" + (":*" if prefix else "") for word, prefix in wanted)


# bm25() is lower for better matches; its weights follow the columns (title, text). It is computed inside the
# full-text query, then grouped by story.
_SQLITE_QUERY = sql(f"""
WITH hits AS MATERIALIZED (
    SELECT rowid AS seq, -bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
    FROM articles_fts WHERE articles_fts MATCH :match
)
SELECT story_articles.story AS story, max(hits.score) AS score
FROM hits
JOIN articles ON articles.seq = hits.seq
JOIN story_articles ON story_articles.article = articles.id
GROUP BY story_articles.story
ORDER BY score DESC, story
""")

# Weights are {D, C, B, A}: the title is A, the text B; normalisation 1 divides by 1 + log(length), as BM25 does.
# ts_rank is a 4-byte real, sent as its shortest decimal, which read back as a double is another number: the score
# goes out as a double, so the page cursor's score compares equal to the row's (``search_page``).
_POSTGRES_QUERY = sql(f"""
SELECT story_articles.story AS story,
       max(ts_rank('{{0, 0, {1 / TITLE_WEIGHT:.4f}, 1}}', articles.search, query, 1))::double precision AS score
FROM articles
CROSS JOIN to_tsquery('simple', :match) AS query
JOIN story_articles ON story_articles.article = articles.id
WHERE articles.search @@ query
GROUP BY story_articles.story
ORDER BY score DESC, story
""")
