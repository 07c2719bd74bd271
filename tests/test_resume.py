"""A restarted ingest takes the story linker up from the state the last run kept, and replays the stored linking
state (every article's features) only when that state is missing, stale or damaged."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import update

from newsledger import linking
from newsledger.api import Ledger, sample_paths
from newsledger.store import kept
from newsledger.store import schema as t
from newsledger.store.ledger import Store


@pytest.fixture
def ledger_copy(seed_ledger, tmp_path, monkeypatch):
    """A copy of the seeds' ledger, and the list of times it replayed its linking state."""
    copy = tmp_path / "seeds.db"
    with sqlite3.connect(seed_ledger.store.engine.url.database) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # a copy of the file alone would miss what its write-ahead log still holds
    replays = []
    original = Store.linking_state

    def counted(store):
        replays.append(store.location)
        return original(store)

    monkeypatch.setattr(Store, "linking_state", counted)
    return copy, replays


def _new_article(tmp_path, name="new.txt", line="A line that makes it a new article."):
    new = tmp_path / name
    new.write_text(sample_paths()[0].read_text(encoding="utf-8") + f"\n{line}\n")
    return new


def test_a_restarted_ingest_takes_up_the_kept_linker_and_never_replays(ledger_copy, tmp_path, monkeypatch):
    copy, replays = ledger_copy
    taken = []
    original = kept.kept_linker_story
    monkeypatch.setattr(linking, "kept_linker_story", lambda store, story: taken.append(story) or original(store, story))
    with Ledger(copy) as ledger:
        again = ledger.ingest(sample_paths())
        assert again.ingested == [] and len(again.duplicates) == 3 and replays == []
        added = ledger.ingest([_new_article(tmp_path)])
        assert len(added.ingested) == 1 and replays == []  # the seeds' run kept its linker
        assert 1 <= len(taken) < 3  # only the stories the new article came near were read
    with Ledger(copy) as ledger:  # and the next run takes up what this one kept
        later = ledger.ingest([_new_article(tmp_path, "later.txt", "Another line.")])
        assert len(later.ingested) == 1 and replays == []
        assert len(list(ledger.articles())) == 5
        assert any(added.ingested[0] in story.articles and len(story.articles) > 1 for story in ledger.stories())


def test_a_stale_or_damaged_kept_linker_is_replaced_by_the_replay(ledger_copy, tmp_path):
    copy, replays = ledger_copy
    with Ledger(copy) as ledger:
        with ledger.store.engine.begin() as connection:  # as if the last run stopped before keeping its linker
            connection.execute(update(t.linker_snapshot).values(stamp="an older run"))
        assert len(ledger.ingest([_new_article(tmp_path)]).ingested) == 1
        assert replays == [str(copy)]
    with Ledger(copy) as ledger:
        with ledger.store.engine.begin() as connection:  # kept under the right stamp, but its stories damaged
            connection.execute(update(t.linker_stories).values(data={"not": "a story"}))
        added = ledger.ingest([_new_article(tmp_path, "later.txt", "Another line.")])
        assert len(added.ingested) == 1 and replays == [str(copy)] * 2 and not added.rejected
    with Ledger(copy) as ledger:
        with ledger.store.engine.begin() as connection:  # the indexes unreadable
            connection.execute(update(t.linker_snapshot).values(data={"born": "not a number"}))
        added = ledger.ingest([_new_article(tmp_path, "last.txt", "A last line.")])
        assert len(added.ingested) == 1 and replays == [str(copy)] * 3 and not added.rejected
        assert len(list(ledger.articles())) == 6


def test_a_ledger_grown_from_kept_linkers_links_as_one_run(tmp_path):
    inputs = [_new_article(tmp_path, f"a{i}.txt", f"Line {i} of a follow-up.") for i in range(3)]
    with Ledger(tmp_path / "one.db") as one:
        one.ingest([*sample_paths(), *inputs])
        whole = sorted(sorted(story.articles) for story in one.stories())
    with Ledger(tmp_path / "runs.db") as runs:
        runs.ingest(sample_paths())
    for path in inputs:  # each run a new process's worth: a fresh Ledger takes up the kept linker
        with Ledger(tmp_path / "runs.db") as runs:
            runs.ingest([path])
    with Ledger(tmp_path / "runs.db") as runs:
        assert sorted(sorted(story.articles) for story in runs.stories()) == whole
