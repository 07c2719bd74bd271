"""The first run and the new sources from the command line and the Python API (issue 18)."""

from __future__ import annotations

import os
from pathlib import Path

from loopback import Route, Server, rss, sample_page, write_warc
from test_cli import run

from newsledger import Ledger
from newsledger.config import Config


def test_an_ingest_that_finds_no_article_says_so_and_fails(tmp_path: Path):
    (tmp_path / "emptyfolder").mkdir()
    result = run("ingest", str(tmp_path / "emptyfolder"), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 1
    assert f"no article found in {tmp_path / 'emptyfolder'}" in result.stderr


def test_a_missing_metadata_file_is_named_plainly(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The minister said the budget would pass on Monday. " * 3)
    result = run("ingest", str(tmp_path / "a.txt"), "--metadata", str(tmp_path / "meta.tsv"), "--db", str(tmp_path / "l.db"))
    assert result.returncode == 3
    assert f"--metadata {tmp_path / 'meta.tsv'}: no such file" in result.stderr
    assert "Errno" not in result.stderr and not (tmp_path / "l.db").exists()


def test_help_at_80_columns_keeps_option_names_whole_and_speaks_to_users():
    result = run("ingest", "--help", env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0
    assert "--no-content-model" in result.stdout and "--no-detect-events" in result.stdout
    assert "$NEWSLEDGER_MODEL" in result.stdout  # "[default: …]" is text, not markup
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "dev" not in result.stdout.split() and "PolNeAR" not in result.stdout and "bench" not in result.stdout


def test_cli_ingests_a_web_archive_and_a_url(tmp_path: Path):
    write_warc(tmp_path / "crawl.warc.gz", [(f"https://www.nj.com/news/story-{i}.html", sample_page(i)) for i in range(2)])
    with Server() as server:
        server.routes["/page"] = Route(body=sample_page(2))
        result = run("ingest", str(tmp_path / "crawl.warc.gz"), server.base + "/page", server.base + "/gone",
                     "--db", str(tmp_path / "l.db"))
    assert result.returncode == 1, result.stderr  # /gone is rejected, the rest stored
    assert f"rejected {server.base}/gone: HTTP 404 Not Found" in result.stderr
    assert "ingested 3, duplicates skipped 0, rejected 1" in result.stderr
    assert "skipped " in result.stderr and "2 request record(s)" in result.stderr


def test_the_api_ingests_a_feed_url(tmp_path: Path):
    with Server() as server:
        server.routes["/a"] = Route(body=sample_page(0))
        server.routes["/b"] = Route(body=sample_page(1, title=False))
        server.routes["/feed"] = Route(body=rss(server.base, ["/a", "/b"], titles=["A", "Feed title B"]),
                                       headers={"Content-Type": "application/rss+xml"})
        with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as ledger:
            report = ledger.ingest([server.base + "/feed"])
            articles = {a.url: a for a in ledger.articles()}
    assert len(report.ingested) == 2 and not report.rejected
    assert articles[server.base + "/b"].title == "Feed title B"
    assert articles[server.base + "/a"].outlet == "The Wall Street Journal"
