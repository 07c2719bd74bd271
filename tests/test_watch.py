"""`newsledger watch` (issue 18): one poll ingests the new entries; the next, even after a restart, fetches nothing
it has read (a conditional request, entries recorded in the ledger); a page that could not be fetched is retried."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from loopback import Route, Server, rss, sample_page
from test_cli import CLI, run

from newsledger import Ledger
from newsledger.config import Config
from newsledger.ingest.fetch import Fetcher, FetchPolicy
from newsledger.watch import parse_interval, poll

FAST = FetchPolicy(delay=0, backoff=0, read_timeout=2, retries=0)


def _feed(server: Server, links: list[str], etag: str | None = '"v1"') -> None:
    headers = {"Content-Type": "application/rss+xml", **({"ETag": etag} if etag else {})}
    server.routes["/feed"] = Route(body=rss(server.base, links), headers=headers)


def _pages(server: Server) -> list[str]:
    return [path for path in server.paths() if path.startswith("/news/")]


@pytest.mark.parametrize("etag", ['"v1"', None])
def test_a_second_poll_and_a_restart_fetch_nothing_already_read(tmp_path: Path, etag: str | None):
    with Server() as server:
        links = server.serve_samples()[:2]
        _feed(server, links, etag)
        with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as ledger, Fetcher(FAST) as fetcher:
            [first] = poll(ledger, [server.base + "/feed"], fetcher)
            assert first.new == 2 and len(first.report.ingested) == 2
            [second] = poll(ledger, [server.base + "/feed"], fetcher)
        assert second.new == 0 and second.not_modified == (etag is not None)
        assert _pages(server) == links
        with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as again, Fetcher(FAST) as fetcher:
            [restarted] = poll(again, [server.base + "/feed"], fetcher)
        assert restarted.new == 0 and _pages(server) == links
        if etag:
            feed_requests = [headers for path, headers, _ in server.requests if path == "/feed"]
            assert [h.get("If-None-Match") for h in feed_requests] == [None, etag, etag]


def test_an_entry_that_could_not_be_fetched_is_tried_again(tmp_path: Path):
    with Server() as server:
        server.routes["/news/flaky"] = Route(503)
        _feed(server, ["/news/flaky"], etag=None)
        with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as ledger, Fetcher(FAST) as fetcher:
            [first] = poll(ledger, [server.base + "/feed"], fetcher)
            assert "HTTP 503" in first.report.rejected[0].reason
            server.routes["/news/flaky"] = Route(body=sample_page(0))
            [second] = poll(ledger, [server.base + "/feed"], fetcher)
            [third] = poll(ledger, [server.base + "/feed"], fetcher)
    assert second.new == 1 and len(second.report.ingested) == 1 and third.new == 0


def test_a_feed_that_fails_is_named_and_costs_the_others_nothing(tmp_path: Path):
    with Server() as server:
        _feed(server, server.serve_samples()[:1])
        with Ledger(tmp_path / "l.db", config=Config(detect_events=False)) as ledger, Fetcher(FAST) as fetcher:
            gone, good = poll(ledger, [server.base + "/gone", server.base + "/feed"], fetcher)
    assert gone.failure == "HTTP 404 Not Found" and len(good.report.ingested) == 1


def test_the_cli_watch_once_then_again(tmp_path: Path):
    with Server() as server:
        _feed(server, server.serve_samples()[:1])
        db = str(tmp_path / "l.db")
        first = run("watch", server.base + "/feed", "--once", "--db", db)
        second = run("watch", server.base + "/feed", "--once", "--db", db)
    assert first.returncode == 0 and "1 new, ingested 1" in first.stderr, first.stderr
    assert second.returncode == 0 and "nothing new" in second.stderr
    assert _pages(server) == ["/news/0"]


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("90s", 90), ("2h", 7200), ("120", 120)])
def test_intervals(text: str, seconds: float):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["10s", "soon", ""])
def test_bad_intervals_say_why(text: str):
    with pytest.raises(ValueError, match="interval|minute"):
        parse_interval(text)


def test_ctrl_c_stops_a_watch_cleanly(tmp_path: Path):
    with Server() as server:
        _feed(server, server.serve_samples()[:1])
        # As from a terminal: a run started in the background of a non-interactive shell (make, CI, nohup … &)
        # ignores SIGINT, and a child inherits that, so Ctrl-C is given its default disposition back here.
        watcher = subprocess.Popen([*CLI, "watch", server.base + "/feed", "--every", "1m", "--db", str(tmp_path / "l.db")],
                                   stderr=subprocess.PIPE, text=True,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 120
        while not (tmp_path / "l.db").exists() or not _pages(server):
            assert time.monotonic() < deadline and watcher.poll() is None
            time.sleep(0.2)
        watcher.send_signal(signal.SIGINT)  # during the first poll's ingest
        try:
            _, stderr = watcher.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            # Under heavy load a first Ctrl-C has been seen lost (its cause not found: docs/notes/session11.md); a
            # user presses it again, and the watch must then stop as cleanly.
            watcher.send_signal(signal.SIGINT)
            _, stderr = watcher.communicate(timeout=60)
        assert watcher.returncode == 0 and "stopped" in stderr and "Traceback" not in stderr
        again = run("watch", server.base + "/feed", "--once", "--db", str(tmp_path / "l.db"))
    assert again.returncode == 0, again.stderr  # the ledger the interrupted watch left is usable
