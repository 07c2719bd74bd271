"""Issue 21 through the pipeline and the CLI: one bad input never costs a good one, an article has a time budget,
untrusted names and reasons print as literal text, and faults say what was kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import seed
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from newsledger import pipeline
from newsledger.annotate.guards import MAX_SENTENCE_TOKENS
from newsledger.annotate.nlp import load
from newsledger.api import Ledger
from newsledger.cli import app
from newsledger.cli_support import shown
from newsledger.store.ledger import Store

CLI = [sys.executable, "-m", "newsledger.cli"]
GOOD = "Officials said the ceasefire held overnight in the northern region, and talks would resume on Monday."


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, check=False)


def _good_files(folder: Path) -> list[str]:
    names = []
    for prefix in ("000", "002", "004"):
        path = seed(prefix)
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        names.append(path.name)
    return names


def test_a_folder_mixing_every_kind_of_failure_with_good_articles_stores_the_good_ones(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = _good_files(folder)
    (folder / "surrogate.json").write_text('{"text": "Officials said \\ud800 so.", "outlet": "Wire"}')
    (folder / "outlet.json").write_text(f'{{"text": "{GOOD}", "outlet": "W\\udc00ire"}}')
    (folder / "bigint.json").write_text(f'{{"text": "{GOOD}", "n": {"9" * 5000}}}')
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "feed.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": GOOD}) + "\n")
    (folder / "ld.html").write_text(
        "<html><head><script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script></head>"
        f"<body><article><p>{GOOD} {GOOD}</p></article></body></html>")
    deep = folder / "tree"
    deep.mkdir()
    for _ in range(1_100):
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "deep.txt").write_text(GOOD.replace("Monday", "Tuesday"))
    try:
        result = run("ingest", str(folder), "--db", str(tmp_path / "l.db"))
    finally:
        (deep / "deep.txt").unlink()
        while deep != folder:
            deep.rmdir()
            deep = deep.parent
    assert result.returncode == 1, result.stderr
    rejected = {line.split(": ", 1)[0].rsplit("/", 1)[-1]: line for line in result.stderr.splitlines()
                if line.startswith("rejected")}
    assert set(rejected) == {"surrogate.json", "outlet.json", "bigint.json", "deep.json", "feed.jsonl:1"}
    assert "lone surrogate" in rejected["outlet.json"] and "nested too deeply" in rejected["feed.jsonl:1"]
    assert "ingested 6, duplicates skipped 0, rejected 5" in result.stderr  # 3 seeds, feed line 2, ld.html, deep
    exported = json.loads(run("export", "--db", str(tmp_path / "l.db")).stdout)
    assert {Path(a["source_path"]).name for a in exported["articles"]} >= set(good)


def test_a_record_the_ledger_refuses_is_found_and_the_rest_of_its_batch_stored(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _good_files(folder)
    write_article = Store._write_article

    def refuse_one(self, connection, records):
        if records.article.source_path.endswith("002_a36eb738d5652af0.txt"):
            raise ValueError("a value the ledger cannot hold")
        write_article(self, connection, records)

    monkeypatch.setattr(Store, "_write_article", refuse_one)
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest([folder])
        assert len(report.ingested) == 2 and len(list(ledger.articles())) == 2
    [rejection] = report.rejected
    assert rejection.origin.endswith("002_a36eb738d5652af0.txt")
    assert rejection.reason == "could not be stored (ValueError: a value the ledger cannot hold)"


def test_an_article_past_its_time_budget_is_rejected_and_the_batch_goes_on(monkeypatch):
    monkeypatch.setattr(pipeline, "ARTICLE_SECONDS", 0.3)

    def _spin(work):
        while work.records.article.text == "endless":
            pass

    batch = [pipeline.Work(pipeline.ArticleRecords(pipeline.Article(id=name, text=name))) for name in ("endless", "ok")]
    started = time.perf_counter()
    pipeline._each(_spin)(batch)
    assert time.perf_counter() - started < 10
    assert batch[0].failure == "took over the 0.3 s budget per article (stopped at spin)"
    assert batch[1].failure is None


def test_a_sentence_without_punctuation_is_cut_before_the_parse():
    doc = load()(" ".join(["the army moved the tanks to the border and"] * 300))
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS
    assert load().max_length == 1_000_000  # spaCy's default, no longer raised to 2,000,000


def test_the_same_text_with_other_metadata_is_said_not_dropped_silently(tmp_path: Path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps({"text": GOOD, "outlet": "Wire", "title": "Talks"}))
    second.write_text(json.dumps({"text": GOOD, "outlet": "Other Paper", "title": "Talks"}))
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest([first, second])
    assert len(report.ingested) == 1 and len(report.duplicates) == 1
    [(origin, note)] = report.notices
    assert origin == str(second) and note.startswith(f"same text as {first}, with other outlet")


def test_names_and_reasons_print_as_literal_escaped_text(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    _good_files(folder)
    (folder / "[").mkdir()
    for name in ("[bold red]loud.txt", "[/x].txt", "evil\ningested 999, duplicates skipped 0.txt", "esc\x1b[31m.txt"):
        (folder / name).write_text("")
    result = run("ingest", str(folder), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert not any(line.startswith("ingested 999") for line in lines)
    assert "ingested 3, duplicates skipped 0, rejected 4" in result.stderr
    assert any("[bold red]loud.txt: empty file" in line for line in lines)
    assert any("[/x].txt: empty file" in line for line in lines)
    assert any("evil\\ningested 999" in line for line in lines)
    assert "\x1b" not in result.stderr and any("esc\\x1b[31m.txt" in line for line in lines)
    assert shown("a\u202eb\tc") == "a\\u202eb\\tc"


def test_stories_stay_one_line_each_whatever_their_titles(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    records = [{"text": seed(prefix).read_text(encoding="utf-8"), "title": f"Line one\nLine two\r\x1b[2J {prefix}"}
               for prefix in ("000", "004")]
    feed.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    db = str(tmp_path / "l.db")
    assert run("ingest", str(feed), "--db", db).returncode == 0
    lines = run("stories", "--db", db).stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("s_") and line.count("\t") == 3 for line in lines)
    assert all("Line one\\nLine two\\r [2J" in line for line in lines)  # escape blanked at ingest


def test_a_read_only_ledger_is_refused_before_parsing_without_sql(tmp_path: Path):
    db = tmp_path / "l.db"
    Store(str(db)).close()
    result = run("ingest", "--sample", "--db", f"sqlite:///file:{db}?mode=ro&uri=true")
    assert result.returncode == 3
    assert "is read-only" in result.stderr and "INSERT" not in result.stderr and "Senior U.S." not in result.stderr


def test_a_full_disk_says_how_many_articles_were_kept_without_sql(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _good_files(folder)
    write = Store.write
    calls = []

    def fill_up(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise OperationalError("INSERT INTO articles VALUES (?)", ("Senior U.S. officials",),
                                   Exception("database or disk is full"))
        write(self, *args, **kwargs)

    monkeypatch.setattr(Store, "write", fill_up)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "l.db"), "--batch-size", "1"])
    assert result.exit_code == 3
    assert "database or disk is full; 1 new article(s) were stored before it stopped" in result.output
    assert "INSERT" not in result.output and "Senior U.S." not in result.output


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_ingest_says_what_it_stored_and_how_to_resume(tmp_path: Path, signum: int):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):  # enough work that the run is still going when the signal comes
        for path in _good_files(tmp_path):
            (folder / f"{number}_{path}").write_text(f"Copy {number}.\n\n" + (tmp_path / path).read_text())
    db = tmp_path / "l.db"
    process = subprocess.Popen([*CLI, "ingest", str(folder), "--db", str(db)], stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while not db.exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.5)  # the ledger is open: the handlers are set right after, the model still loading
    process.send_signal(signum)
    stderr = process.communicate(timeout=120)[1]
    assert process.returncode == 128 + signum, stderr
    assert f"stopped by {signal.Signals(signum).name}: " in stderr
    assert "new article(s) were stored before it stopped; run the same command again to resume" in stderr


def test_the_hostile_bench_writes_each_case_beside_the_good_articles_and_refuses_unknown_ones(tmp_path: Path):
    from newsledger.evaluation import hostile

    for name, (file_name, _, _) in hostile.CASES.items():
        folder = hostile.write_case(name, tmp_path / name, scale=0.001)
        assert (folder / file_name).stat().st_size > 0 and len(list(folder.iterdir())) == 4
    result = run("bench", "hostile", "--case", "nope")
    assert result.returncode == 2 and "unknown case nope" in result.stderr
