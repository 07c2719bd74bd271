"""The store: versioned schema, atomic batches, read-only opening, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from newsledger.records import Article, ArticleRecords, EntityMention, Story
from newsledger.store import schema
from newsledger.store.ledger import LedgerError, Store


def _records(article_id: str, text: str = "Gantz said so.") -> ArticleRecords:
    mention = EntityMention("ent_gantz", "Benny Gantz", "PERSON", 0, 5, "Gantz")
    return ArticleRecords(Article(id=article_id, text=text), mentions=[mention], features={"terms": {}})


def test_new_ledger_is_at_the_latest_schema_version(tmp_path):
    Store(str(tmp_path / "l.db")).close()
    connection = sqlite3.connect(tmp_path / "l.db")
    assert connection.execute("select version from schema_version").fetchall() == [(schema.LATEST,)]


def test_a_newer_schema_is_refused_with_the_ledger_named(tmp_path):
    path = tmp_path / "future.db"
    Store(str(path)).close()
    connection = sqlite3.connect(path)
    connection.execute("update schema_version set version = 99")
    connection.commit()
    with pytest.raises(LedgerError, match="future.db.*99"):
        Store(str(path))


def test_read_only_refuses_a_missing_ledger(tmp_path):
    with pytest.raises(LedgerError, match="does not exist"):
        Store(str(tmp_path / "missing.db"), readonly=True)


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(LedgerError, match="nowhere"):
        Store(str(tmp_path / "nowhere" / "l.db"))


def test_batch_is_atomic(tmp_path):
    store = Store(str(tmp_path / "l.db"))
    store.write([_records("a1")], [Story("s_a1", "t", ["a1"])], {"a1": "s_a1"})
    with pytest.raises(IntegrityError):  # a2 is new but a1 again violates the unique id: nothing of it lands
        store.write([_records("a2"), _records("a1")], [], {})
    assert [a.id for a in store.articles()] == ["a1"]
    assert store.count("mentions") == 1


def test_entities_merge_mentions_and_aliases_across_articles(tmp_path):
    store = Store(str(tmp_path / "l.db"))
    store.write([_records("a1"), _records("a2", "Gantz again.")], [], {})
    (entity,) = store.entities()
    assert entity.name == "Benny Gantz" and entity.aliases == ["Gantz"]
    assert [m.article for m in entity.mentions] == ["a1", "a2"]


def test_read_only_store_cannot_write(tmp_path):
    Store(str(tmp_path / "l.db")).close()
    reader = Store(str(tmp_path / "l.db"), readonly=True)
    with pytest.raises(Exception, match="readonly|read-only"):
        reader.write([_records("a1")], [], {})


def test_a_version_1_ledger_is_migrated_in_place(tmp_path):
    from sqlalchemy import create_engine, insert, inspect

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        schema.MIGRATIONS[0](connection)
        connection.execute(insert(schema.schema_version).values(version=1))
    assert "cross_events" not in inspect(engine).get_table_names()
    store = Store(str(path))
    store.write([_records("a1")], [Story("s_a1", "t", ["a1"])], {"a1": "s_a1"})
    assert schema.current_version(store.engine.connect()) == schema.LATEST == 10
    assert "linker_snapshot" in inspect(store.engine).get_table_names()
    assert store.unresolved_stories() == ["s_a1"]
    assert [a.id for a in store.articles()] == ["a1"]
