"""`newsledger bench archive`: what a large ledger costs its readers and its next writer, each in a process of
its own as a user would run it — the web server's start (seconds until it answers, resident memory after a story
list and a search), each export format (seconds, peak memory, bytes written), and a restarted ingest of one new
article (seconds end to end, peak memory). Run it on a small and a large ledger to see what grows with the
ledger; `--grow-from` makes the large one from a real ledger first (``resample``).

The ingest probe adds one article to the ledger (a seed text with a line naming the time, so it is new).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from newsledger.evaluation import serve as serving
from newsledger.store import schema as t
from newsledger.store.ledger import Store

FORMATS = ("jsonl", "json", "parquet")
#: The story list: its first page, sorted and filtered (``run`` visits it among a search's hits too).
LIST_PATHS = ["/", "/?sort=size", "/?country=US", "/?status=disputed&sort=size", "/?place=wash&type=COERCE"]
_CLI = [sys.executable, "-c", "from newsledger.cli import app; app()"]


def run(location: str, formats: tuple[str, ...] = FORMATS, probe: Path | None = None) -> dict[str, Any]:
    with Store(location, readonly=True) as store, store.engine.connect() as connection:
        articles = connection.execute(select(func.count()).select_from(t.articles)).scalar_one()
        stories = connection.execute(select(func.count()).select_from(t.stories)).scalar_one()
        queries = serving.endpoints(store)["api search"][:2]
    result: dict[str, Any] = {"db": location, "articles": articles, "stories": stories, "serve": serve(location, queries)}
    with tempfile.TemporaryDirectory() as folder:
        result["export"] = {fmt: export(location, fmt, Path(folder) / f"out-{fmt}") for fmt in formats}
    if probe is not None:
        result["ingest"] = ingest(location, probe)
    return result


def serve(location: str, paths: list[str]) -> dict[str, Any]:
    """Seconds until the server answers, its resident memory then, and after API searches and story list pages
    (the list's first visit computes its facet choices)."""
    port = serving._free_port()
    with tempfile.TemporaryFile() as log:  # not a pipe: a pipe nobody reads blocks a chatty server
        server = subprocess.Popen([sys.executable, "-m", "newsledger.evaluation.serve", location, str(port)],
                                  stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            started = serving._wait_until_up(base, server, log)
            at_start = _memory(server.pid)["rss_mb"]
            seconds, resident = {}, {}
            listed = [path.replace("/api/v1/search?", "/?") + "&sort=recent" for path in paths[:1]
                      if path.startswith("/api/v1/search?")]  # the list among the first search's hits
            for path in [*LIST_PATHS, *paths, *listed]:  # the list first: its memory apart from a search's
                began = time.perf_counter()
                status = httpx.get(base + path, timeout=600).status_code
                seconds[path] = round(time.perf_counter() - began, 3) if status == 200 else f"status {status}"
                resident[path] = round(_memory(server.pid)["rss_mb"], 1)
            memory = _memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"startup_seconds": round(started, 2), "rss_at_start_mb": at_start, "first_request_seconds": seconds,
            "rss_after_mb": resident, **memory}


def _memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a live process, in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {"rss_mb": int(fields["VmRSS"].split()[0]) / 1024, "peak_rss_mb": int(fields["VmHWM"].split()[0]) / 1024}


def _measured(command: list[str]) -> dict[str, Any]:
    """Seconds, peak resident memory (the child's own, from ``wait4``) and exit status of a command."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    child.stderr.close()
    return {"seconds": round(time.perf_counter() - began, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": os.waitstatus_to_exitcode(status), "stderr": stderr[-500:]}


def export(location: str, fmt: str, out: Path) -> dict[str, Any]:
    found = _measured([*_CLI, "export", "--format", fmt, "-o", str(out), "--db", location])
    files = [out] if out.is_file() else list(out.glob("*")) if out.exists() else []
    return {**found, "mb_written": round(sum(f.stat().st_size for f in files) / 2**20, 1)}


def ingest(location: str, probe: Path) -> dict[str, Any]:
    """A restarted ingest of one new article: everything from the command's start to its end."""
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "probe.txt"
        stamp = datetime.now(UTC).isoformat()
        article.write_text(probe.read_text(encoding="utf-8") + f"\nThis copy was read at {stamp}.\n", encoding="utf-8")
        return _measured([*_CLI, "ingest", str(article), "--workers", "1", "--db", location])


def render(result: dict[str, Any]) -> str:
    served = result["serve"]
    lines = [
        f"{result['db']}: {result['articles']:,} articles, {result['stories']:,} stories",
        f"serve: answers after {served['startup_seconds']:.2f} s, resident {served['rss_at_start_mb']:.0f} MB; "
        f"then {served['rss_mb']:.0f} MB (peak {served['peak_rss_mb']:.0f} MB) after "
        + ", ".join(f"{path} in {seconds} s" for path, seconds in served["first_request_seconds"].items()),
    ]
    for fmt, row in result["export"].items():
        lines.append(f"export {fmt:8}{row['seconds']:>9.1f} s  peak {row['peak_rss_mb']:>7.0f} MB  "
                     f"{row['mb_written']:>9.1f} MB written  exit {row['exit']}")
    if "ingest" in result:
        row = result["ingest"]
        lines.append(f"ingest of one new article: {row['seconds']:.1f} s, peak {row['peak_rss_mb']:.0f} MB, "
                     f"exit {row['exit']}")
    return "\n".join(lines)
