"""The CLI as users run it: help, bad input, idempotence, exports, errors, a killed ingest."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATASETS, seed

CLI = [sys.executable, "-m", "newsledger.cli"]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, **kwargs)


@pytest.mark.parametrize("command", [[], ["ingest"], ["resolve"], ["stories"], ["brief"], ["export"], ["bench", "speed"], ["bench", "attribution"]])
def test_every_command_explains_itself(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout and len(result.stdout) > 200


def test_help_keeps_the_extras_to_install_and_the_default_of_the_content_ranker():
    result = run("bench", "attribution", "--help", env={**os.environ, "COLUMNS": "200"})
    assert "pip install -e '.[train]'" in result.stdout  # rich markup would eat an unescaped "[train]"
    assert "--no-content-model" in result.stdout


def _bad_and_good_inputs(folder: Path) -> dict[str, str]:
    """Inputs by name, and for the bad ones a word their rejection reason must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Caf\xe9 au lait, said the minister.".encode("latin-1"))
    cut = ("<html><body><article><p>Officials said the talks between the two delegations would resume in Vienna on "
           "Monday, after a week in which both sides accused each other of stalling over the terms of the prisoner "
           "exchange and the sequence of sanctions relief that the draft agreement lays out in its second annex")
    (folder / "cut.html").write_text(cut, encoding="utf-8")  # a page cut short: kept, marked
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    good_record = {"text": "Officials said the ceasefire held overnight in the northern region.", "outlet": "Wire"}
    lines = [json.dumps(good_record), "{not json", json.dumps({**good_record, "text": "A second good record about talks."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.xyz").write_text("hello")
    (folder / "good.txt").write_text(seed("002").read_text(encoding="utf-8"), encoding="utf-8")
    return {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8", "huge.txt": "MB", "feed.jsonl:2": "JSON", "notes.xyz": "unsupported"}


def test_bad_inputs_are_named_good_ones_stored_and_rerun_adds_nothing(tmp_path):
    expected = _bad_and_good_inputs(tmp_path / "in")
    db = str(tmp_path / "l.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db)
    assert result.returncode == 1, result.stderr
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(rejected) == len(expected)
    for origin, word in expected.items():
        line = next(line for line in rejected if f"{origin}:" in line)
        assert word.lower() in line.lower(), line
    assert "ingested 4, duplicates skipped 0, rejected 6" in result.stderr

    again = run("ingest", str(tmp_path / "in"), "--db", db)
    assert "ingested 0, duplicates skipped 4, rejected 6" in again.stderr
    exported = run("export", "--db", db)
    assert exported.returncode == 0
    cut = next(a for a in json.loads(exported.stdout)["articles"] if "Vienna" in a["text"])
    assert [r["kind"] for r in cut["removed"]] == ["truncated"]  # the page cut short is kept, with its mark
    assert len(json.loads(exported.stdout)["articles"]) == 4


def test_exports_in_every_format(tmp_path):
    db = str(tmp_path / "l.db")
    assert run("ingest", "--sample", "--db", db).returncode == 0
    whole = json.loads(run("export", "--db", db).stdout)
    assert set(whole) == {"articles", "entities", "attributions", "events", "cross_events", "findings", "stories"}
    lines = [json.loads(line) for line in run("export", "--format", "jsonl", "--db", db).stdout.splitlines()]
    assert sum(1 for line in lines if line["record"] == "article") == 3
    assert sum(1 for line in lines if line["record"] == "attribution") == len(whole["attributions"])
    assert run("export", "--format", "csv", "-o", str(tmp_path / "csv"), "--db", db).returncode == 0
    with (tmp_path / "csv" / "attributions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(whole["attributions"]) and json.loads(rows[0]["cue"])["text"]
    out = tmp_path / "ledger.json"
    assert run("export", "-o", str(out), "--db", db).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == whole


def test_stories_lists_one_line_per_story(tmp_path):
    db = str(tmp_path / "l.db")
    run("ingest", "--sample", "--db", db)
    lines = run("stories", "--db", db).stdout.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("s_") for line in lines)
    story = lines[0].split("\t")[0]
    assert run("brief", story[:8], "--db", db).returncode == 0


def test_unusable_ledger_and_unknown_story_are_clear_errors(tmp_path):
    missing = run("stories", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 3 and "nope.db does not exist" in missing.stderr
    db = str(tmp_path / "l.db")
    run("ingest", "--sample", "--db", db)
    unknown = run("brief", "s_zzz", "--db", db)
    assert unknown.returncode == 3 and "no story 's_zzz'" in unknown.stderr
    assert run("brief", "--format", "pdf", "--db", db).returncode == 2


def test_resolve_completes_what_an_interrupted_run_left_and_resolves_every_story_in_full(tmp_path):
    db = tmp_path / "l.db"
    run("ingest", "--sample", "--db", str(db))
    with sqlite3.connect(db) as connection:
        findings = sorted(connection.execute("select id, data from findings"))
        connection.execute("delete from findings")  # as a run stopped before resolving leaves its stories
        connection.execute("delete from resolved_stories")
    result = run("resolve", "--db", str(db))
    assert result.returncode == 0 and "resolved 2 stories" in result.stderr
    with sqlite3.connect(db) as connection:
        assert sorted(connection.execute("select id, data from findings")) == findings
    assert "resolved 0 stories" in run("resolve", "--db", str(db)).stderr  # nothing left to resolve
    assert "resolved 2 stories" in run("resolve", "--full", "--db", str(db)).stderr
    missing = run("resolve", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 3 and "nope.db: no such ledger" in missing.stderr
    assert not (tmp_path / "nope.db").exists()


def test_ledger_location_from_environment(tmp_path):
    env = {**os.environ, "NEWSLEDGER_DB": str(tmp_path / "env.db")}
    assert run("ingest", "--sample", env=env).returncode == 0
    assert (tmp_path / "env.db").exists()


def test_killed_ingest_leaves_a_consistent_ledger_and_rerun_completes(tmp_path):
    texts = sorted((DATASETS / "polnear" / "dev" / "text").glob("*.txt"))[:24]
    if not texts:
        pytest.skip("PolNeAR dev texts not present")
    folder = tmp_path / "in"
    folder.mkdir()
    for path in texts:
        (folder / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "l.db"
    process = subprocess.Popen([*CLI, "ingest", str(folder), "--db", str(db), "--batch-size", "4"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline and _count(db, "articles") < 4:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _count(db, "articles")
    assert 4 <= stored < 24
    _assert_consistent(db)

    result = run("ingest", str(folder), "--db", str(db), "--batch-size", "4")
    assert result.returncode == 0, result.stderr
    assert f"ingested {24 - stored}, duplicates skipped {stored}" in result.stderr
    _assert_consistent(db)
    assert _count(db, "articles") == 24


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _assert_consistent(db: Path) -> None:
    """Every stored article has its features and story, and nothing points at an article that is not there."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        for query in (
            "select count(*) from articles where id not in (select article from article_features)",
            "select count(*) from articles where id not in (select article from story_articles)",
            "select count(*) from attributions where article not in (select id from articles)",
            "select count(*) from events where article not in (select id from articles)",
            "select count(*) from mentions where article not in (select id from articles)",
        ):
            assert connection.execute(query).fetchone() == (0,), query


def test_scale_bench_refuses_streams_too_short_to_time():
    result = run("bench", "scale", "--sizes", "5")
    assert result.returncode == 2 and "at least 10" in result.stderr
