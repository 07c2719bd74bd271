"""Search through the store's full-text index: filled by the migration, kept in step with every write, ranked,
and safe with any query text. Each test runs on SQLite, and on PostgreSQL when ``NEWSLEDGER_TEST_POSTGRES`` is set."""

from __future__ import annotations

import sqlite3

import pytest
from postgres_server import URL, fresh_database
from sqlalchemy import create_engine, insert

from newsledger.records import Article, ArticleRecords, Story, to_dict
from newsledger.store import schema
from newsledger.store.ledger import Store
from newsledger.store.search import search

ARTICLES = {
    "a1": ("Drone strike on Isfahan plant", "Officials said a drone hit the plant in Isfahan overnight."),
    "a2": ("Market report", "Shares rose. Analysts mentioned Isfahan once, and a drone delivery start-up."),
    "a3": ("Election night", "Voters queued for hours; the count went on past midnight."),
    "a4": ("Isfahanis react", "Residents of the city spoke about the blast."),
}
HOSTILE = [
    '"', '""', "'", "drone\"", 'NEAR(drone isfahan)', "drone NEAR isfahan", "*", "**", "drone**", "(drone", ")",
    "drone OR", "AND", "NOT drone", "title:drone", "-drone", "^drone", "{title text}: drone", "drone\x00isfahan",
    "\x00", "\\", "'; DROP TABLE articles; --", "drone & !isfahan | (x)", "drone:*", "<->", "a" * 10_000,
    "drone " * 2_000, "🙂 drone", "_", "__init__", "drone\u202eisfahan",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "l.db")
        return
    if not URL:
        pytest.skip("set NEWSLEDGER_TEST_POSTGRES to a PostgreSQL URL to run these")
    yield from fresh_database()


def _write(store: Store, ids: list[str]) -> None:
    batch = [ArticleRecords(Article(id=i, title=ARTICLES[i][0], text=ARTICLES[i][1]), features={"terms": {}}) for i in ids]
    stories = [Story(f"s_{i}", ARTICLES[i][0], [i]) for i in ids]
    store.write(batch, stories, {i: f"s_{i}" for i in ids})


def _stories(store: Store, query: str) -> list[str]:
    return [story for story, _score in search(store, query)]


def test_every_word_must_match_and_the_title_weighs_most(location):
    with Store(location) as store:
        _write(store, list(ARTICLES))
        assert _stories(store, "drone isfahan") == ["s_a1", "s_a2"]  # both words; a1 has them in its title
        assert _stories(store, "ISFAHAN") == ["s_a1", "s_a2"]  # case does not matter; "Isfahanis" is another word
        assert _stories(store, "drone election") == []
        assert _stories(store, "zzyzx") == []
        scores = [score for _story, score in search(store, "drone")]
        assert scores == sorted(scores, reverse=True) and scores[0] > scores[1] > 0


def test_a_star_makes_a_prefix(location):
    with Store(location) as store:
        _write(store, list(ARTICLES))
        assert set(_stories(store, "isfah*")) == {"s_a1", "s_a2", "s_a4"}
        assert _stories(store, "isfah") == []


def test_a_story_ranks_by_its_best_article_once(location):
    with Store(location) as store:
        _write(store, ["a1", "a2"])
        store.write([], [Story("s_a1", "merged", ["a1", "a2"])], {"a2": "s_a1"}, removed_stories=["s_a2"])
        assert _stories(store, "drone") == ["s_a1"]


def test_articles_written_later_are_found_by_a_reader_opened_before(location):
    with Store(location) as writer:
        _write(writer, ["a3"])
        with Store(location, readonly=True) as reader:
            assert _stories(reader, "drone") == []
            _write(writer, ["a1"])
            assert _stories(reader, "drone") == ["s_a1"]


@pytest.mark.parametrize("query", HOSTILE)
def test_no_query_text_is_read_as_index_syntax(location, query):
    with Store(location) as store:
        _write(store, list(ARTICLES))
        found = _stories(store, query)
        assert set(found) <= {"s_a1", "s_a2", "s_a3", "s_a4"}
        if query.startswith("NEAR(") or query in ("drone NEAR isfahan", "title:drone"):
            assert found == []  # "near" and "title" are words to find, and no article has them


def test_operators_in_a_query_are_words(location):
    with Store(location) as store:
        _write(store, list(ARTICLES))
        assert _stories(store, "drone OR election") == []  # "or" is a word every match must hold
        assert _stories(store, "(drone) -isfahan") == ["s_a1", "s_a2"]  # no NOT: "-" only separates


def test_the_migration_fills_the_index_from_stored_articles(tmp_path):
    """A ledger of the version before the index: its articles are found once a writer has opened it."""
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        for step in schema.MIGRATIONS[: schema.MIGRATIONS.index(schema._add_search_index)]:
            step(connection)
        connection.execute(insert(schema.schema_version).values(version=schema.MIGRATIONS.index(schema._add_search_index)))
        article = Article(id="a1", title=ARTICLES["a1"][0], text=ARTICLES["a1"][1])
        connection.execute(insert(schema.articles).values(id="a1", title=article.title, text=article.text,
                                                          data=to_dict(article)))
        connection.execute(insert(schema.story_articles).values(article="a1", story="s_a1"))
    engine.dispose()
    assert "articles_fts" not in {row[0] for row in sqlite3.connect(path).execute("select name from sqlite_master")}
    with Store(str(path)) as store:
        assert _stories(store, "isfahan drone") == ["s_a1"]
