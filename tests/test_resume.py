"""A restarted ingest takes the story linker up from the state the last run kept, and replays the stored linking
state (every article's features) only when that state is missing, stale or damaged."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text, update

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


def _damage(connection, story_id):
    """Each way a kept state can be damaged (the ledger may come from anywhere), one after the other."""
    yield lambda: connection.execute(update(t.linker_snapshot).values(stamp="an older run"))  # a stopped run's
    yield lambda: connection.execute(update(t.linker_stories).values(data={"not": "a story"}))
    yield lambda: connection.execute(update(t.linker_stories).values(data={"id": story_id}))  # fields missing
    yield lambda: connection.execute(text("UPDATE linker_stories SET data = '{not json'"))
    yield lambda: connection.execute(update(t.linker_snapshot).values(data={"born": "not a number"}))
    yield lambda: connection.execute(text("UPDATE linker_snapshot SET data = replace(data, '\"sketches\": {', "
                                          "'\"sketches\": {\"x\": [-1], ')"))  # no sketch is negative


@pytest.mark.parametrize("damage", range(6))
def test_a_stale_or_damaged_kept_linker_costs_the_replay_and_no_article(ledger_copy, tmp_path, damage):
    copy, replays = ledger_copy
    with Ledger(copy) as ledger:
        story = next(iter(ledger.stories())).id
        with ledger.store.engine.begin() as connection:
            list(_damage(connection, story))[damage]()
        added = ledger.ingest([_new_article(tmp_path)])
        assert len(added.ingested) == 1 and not added.rejected and replays == [str(copy)]
    with Ledger(copy) as ledger:  # and the run kept a sound state again
        assert len(ledger.ingest([_new_article(tmp_path, "later.txt", "Another line.")]).ingested) == 1
        assert replays == [str(copy)] and len(list(ledger.articles())) == 5


FOLLOW_UPS = (
    "Iran said on Monday that the drone attack on a defence ministry workshop in Isfahan caused only minor damage "
    "to its roof, and officials accused Israel of being behind the strike.",
    "A magnitude 5.9 earthquake struck northern Chile on Tuesday, damaging roads near Antofagasta, officials said.",
    "Investigators in Isfahan examined the remains of the drones that were shot down over the military plant.",
)


def test_a_ledger_grown_from_kept_linkers_links_as_one_run(ledger_copy, tmp_path):
    copy, replays = ledger_copy
    inputs = []
    for n, text_ in enumerate(FOLLOW_UPS):
        inputs.append(tmp_path / f"f{n}.txt")
        inputs[-1].write_text(text_ + "\n", encoding="utf-8")
    with Ledger(tmp_path / "one.db") as one:
        one.ingest([*sample_paths(), *inputs])
        whole = sorted(sorted(story.articles) for story in one.stories())
    assert replays == [str(tmp_path / "one.db")]  # a new ledger: nothing kept, the (empty) replay
    for path in inputs:  # each run as a new process would: a fresh Ledger takes up the kept linker
        with Ledger(copy) as runs:
            assert len(runs.ingest([path]).ingested) == 1
    with Ledger(copy) as runs:
        assert sorted(sorted(story.articles) for story in runs.stories()) == whole
        assert len(whole) < len(FOLLOW_UPS) + 2  # some follow-up joined a story by its content
    assert replays == [str(tmp_path / "one.db")]


def test_a_linker_that_cannot_be_kept_costs_a_notice_not_the_run(ledger_copy, tmp_path, monkeypatch):
    copy, replays = ledger_copy

    def refuse(*args):
        raise ValueError("Out of range float values are not JSON compliant")

    keep = linking.keep_linker
    monkeypatch.setattr(linking, "keep_linker", refuse)
    with Ledger(copy) as ledger:
        added = ledger.ingest([_new_article(tmp_path)])
        assert len(added.ingested) == 1 and not added.rejected
        assert [why for _, why in added.notices] == [
            "the story linker's state was not kept (ValueError: Out of range float values are not JSON compliant); "
            "the next run replays it"]
    monkeypatch.setattr(linking, "keep_linker", keep)
    with Ledger(copy) as ledger:
        assert len(ledger.ingest([_new_article(tmp_path, "later.txt", "Another line.")]).ingested) == 1
        assert replays == [str(copy)]  # the state kept before this run no longer matches the ledger
