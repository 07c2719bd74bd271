"""One writer at a time: a second ingest into a ledger being written is refused at once with exit status 4 and
"another ingest is running on LEDGER", having read and written nothing; readers are never blocked; two ingests
started together store every article once, with no raw database error. On SQLite, and on PostgreSQL when
``NEWSLEDGER_TEST_POSTGRES`` names a server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import seed
from fastapi.testclient import TestClient
from postgres_server import URL, fresh_database
from typer.testing import CliRunner

import newsledger
from newsledger.api import Ledger
from newsledger.cli import app
from newsledger.cli_support import EXIT_BUSY
from newsledger.records import Article, ArticleRecords, Story
from newsledger.store.errors import LedgerBusy
from newsledger.store.ledger import Store
from newsledger.web import create_app

SOURCE = Path(newsledger.__file__).resolve().parents[1]  # the tree under test, for the processes it starts


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(not URL, reason="no server"))])
def location(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
    else:
        yield from fresh_database()


def _one_article(location: str) -> None:
    with Store(location) as store:
        store.write([ArticleRecords(Article(id="a1", text="The minister said the talks failed."),
                                    features={"terms": {}})], [Story("s_a1", "Talks", ["a1"])], {"a1": "s_a1"})


def test_a_second_writer_is_refused_at_once_and_writes_nothing(location):
    _one_article(location)
    with Store(location) as running:
        with running.writer():
            result = CliRunner().invoke(app, ["ingest", "--db", location, str(seed("000"))])
            assert result.exit_code == EXIT_BUSY == 4, result.output
            assert f"another ingest is running on {location}" in " ".join(result.output.split())
            with pytest.raises(LedgerBusy), Ledger(location) as second:
                second.ingest([seed("000")])
        assert running.count("articles") == 1
        with running.writer():  # released when the block ended: the next writer gets it
            pass


def test_readers_are_never_blocked_by_a_writer(location):
    _one_article(location)
    with Store(location) as running, running.writer():
        result = CliRunner().invoke(app, ["export", "--format", "json", "--db", location])
        assert result.exit_code == 0 and [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a1"]
        result = CliRunner().invoke(app, ["stories", "--db", location])
        assert result.exit_code == 0 and "s_a1" in result.stdout
        with TestClient(create_app(location)) as web:
            assert web.get("/api/v1/articles").json()["items"][0]["id"] == "a1"
            assert web.get("/").status_code == 200


def test_a_ledger_that_an_ingest_changed_is_relinked_before_the_next_ingest(tmp_path):
    """A long-lived Ledger must not link against stories another writer has changed since its last ingest: it
    would write the story back without the other writer's articles."""
    follow_up = tmp_path / "follow-up.txt"
    follow_up.write_text(seed("000").read_text(encoding="utf-8") + "\nOfficials said more details would follow.\n",
                         encoding="utf-8")
    inputs = [seed("000"), seed("002"), follow_up]
    with Ledger(tmp_path / "ledger.db") as first, Ledger(tmp_path / "ledger.db") as second:
        first.ingest(inputs[:1])
        second.ingest(inputs[1:2])  # the same happening: joins the story the first ingest made
        first.ingest(inputs[2:])  # joins it too
        in_turns = sorted(sorted(story.articles) for story in first.stories())
    with Ledger(tmp_path / "one-run.db") as ledger:
        ledger.ingest(inputs)
        assert in_turns == sorted(sorted(story.articles) for story in ledger.stories())


def test_two_ingests_started_together_store_every_article_once(tmp_path):
    path = tmp_path / "ledger.db"
    Store(str(path)).close()  # the schema exists: both processes start at once on the same ledger
    environment = {**os.environ, "PYTHONPATH": str(SOURCE)}
    command = [sys.executable, "-m", "newsledger.cli", "ingest", "--db", str(path)]
    inputs = ([seed("000"), seed("002"), seed("004")],) * 2  # the same: each finds nothing stored when it starts
    running = [subprocess.Popen([*command, *map(str, files)], env=environment, stderr=subprocess.PIPE, text=True)
               for files in inputs]
    outcomes = [(process.wait(timeout=300), process.stderr.read()) for process in running]
    for status, stderr in outcomes:
        assert status in (0, EXIT_BUSY), stderr
        assert "Error" not in stderr.replace("error:", "") and "Traceback" not in stderr, stderr
        if status == EXIT_BUSY:
            assert "another ingest is running on" in stderr
    assert 0 in [status for status, _ in outcomes]
    with Ledger(path) as ledger:
        stored = {Path(a.source_path).name[:3] for a in ledger.articles()}
        assert stored == {"000", "002", "004"} and len(list(ledger.articles())) == 3


def test_the_lock_of_a_ledger_opened_by_sqlite_uri_lies_beside_its_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    db = tmp_path / "data" / "l.db"
    Store(str(db)).close()
    with Store(f"sqlite:///file:{db}?uri=true") as store, store.writer():
        assert (tmp_path / "data" / "l.db.lock").exists()
        with pytest.raises(LedgerBusy), Store(str(db)) as other, other.writer():
            pass
    assert not (tmp_path / "file:").exists()
