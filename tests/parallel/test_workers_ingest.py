"""Ingest with worker processes gives the ledger one process gives: the seeds and a slice of PolNeAR dev export
the same with two workers as with one, also when a worker is killed mid-run; Ctrl-C stops the workers and leaves
a ledger that a re-run completes, and the CLI reports each worker's memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO
from slices import BATCH, SLICE, comparable, ingested, metadata, polnear_slice

from newsledger.api import Ledger, sample_paths
from newsledger.config import Config
from newsledger.pipeline import Ingestor
from newsledger.runners import runner_for
from newsledger.store.ledger import Store

CLI = [sys.executable, "-c", "from newsledger.cli import app; app()"]


@pytest.fixture(scope="module")
def polnear(tmp_path_factory) -> Path:
    return polnear_slice(tmp_path_factory.mktemp("polnear-slice"))


@pytest.fixture(scope="module")
def one_worker(polnear, tmp_path_factory) -> dict:
    export, report = ingested(tmp_path_factory.mktemp("one") / "one.db", [polnear], Config(), metadata=metadata())
    assert len(report.ingested) == SLICE and not report.worker_peak_rss
    return export


def test_the_seeds_give_the_same_ledger_with_two_workers(seed_export, tmp_path):
    export, report = ingested(tmp_path / "two.db", sample_paths(), Config(workers=2))
    assert export == comparable(seed_export)
    assert len(report.worker_peak_rss) == 2 and max(report.worker_peak_rss) > 100 * 2**20


def test_polnear_gives_the_same_ledger_with_two_workers(polnear, one_worker, tmp_path):
    export, report = ingested(tmp_path / "two.db", [polnear], Config(workers=2), metadata=metadata())
    assert len(report.ingested) == SLICE and not report.rejected and report.worker_deaths == 0
    assert export == one_worker


def test_a_worker_killed_mid_run_costs_no_article(polnear, one_worker, tmp_path):
    store = Store(str(tmp_path / "killed.db"))
    config = Config(workers=2, batch_size=BATCH)
    ingestor = Ingestor(store, config, runner_for(config, store))
    killed: list[int] = []

    def kill_the_first_busy_worker() -> None:
        """As the OOM killer would: SIGKILL a worker while it holds articles."""
        deadline = time.monotonic() + 120
        while not killed and time.monotonic() < deadline:
            if busy := ingestor.runner.busy_pids:
                os.kill(busy[0], signal.SIGKILL)
                killed.append(busy[0])
            time.sleep(0.01)

    killer = threading.Thread(target=kill_the_first_busy_worker)
    killer.start()
    report = ingestor.ingest([polnear], metadata())
    killer.join()
    with Ledger(tmp_path / "killed.db", readonly=True) as ledger:
        export = comparable(ledger.export())
    store.close()
    assert killed and report.worker_deaths == 1
    assert not report.rejected and len(report.ingested) == SLICE
    assert export == one_worker


def _cli(*args: str, **options) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([*CLI, *args], check=False, capture_output=True, text=True, env=env, timeout=300, **options)


def _workers(pid: int) -> list[int]:
    """The worker processes of a process (not multiprocessing's resource tracker, which ends on its own)."""
    children = [child for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]
    return [int(child) for child in children if b"spawn_main" in _read(Path(f"/proc/{child}/cmdline"))]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process has gone
        return b""


def test_ctrl_c_stops_the_workers_and_leaves_a_ledger_a_rerun_completes(polnear, tmp_path):
    db = str(tmp_path / "interrupted.db")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen([*CLI, "ingest", str(polnear), "--db", db, "--workers", "2", "--batch-size", "1"],
                               stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while len(_workers(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _workers(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(4)  # into the run
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert not [pid for pid in workers if b"spawn_main" in _read(Path(f"/proc/{pid}/cmdline"))]
    rerun = _cli("ingest", str(polnear), "--db", db, "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    ingested, skipped = (int(n) for n in
                         rerun.stderr.split("ingested ")[1].split(" → ")[0].replace(", duplicates skipped", "")
                         .split(", rejected")[0].split())
    assert ingested + skipped == SLICE
    assert "2 workers, peak memory each: " in rerun.stderr


@pytest.mark.parametrize("counts", ["0,2", "two", ","])
def test_bench_speed_refuses_worker_counts_that_are_not_positive(counts):
    result = _cli("bench", "speed", "--data", str(REPO / "src" / "newsledger" / "sample"), "--workers", counts)
    assert result.returncode == 2 and "--workers takes positive counts" in result.stderr
