"""Ingest through a Dask cluster on loopback (a scheduler and two worker processes started here) gives the
ledger a local run gives, on PostgreSQL when $NEWSLEDGER_TEST_POSTGRES names a server; a worker killed mid-run
costs no article and doubles none; SQLite is refused when the workers are on other machines."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO
from postgres_server import fresh_database
from slices import SLICE, comparable, ingested, metadata, polnear_slice

from newsledger.api import Ledger, sample_paths
from newsledger.config import Config
from newsledger.store.ledger import LedgerError

distributed = pytest.importorskip("distributed", reason="the cluster tests need dask[distributed] (the test extra)")
DASK = Path(sys.executable).parent / "dask"
POSTGRES = os.environ.get("NEWSLEDGER_TEST_POSTGRES")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """`dask scheduler` and two `dask worker` processes (one thread each) on loopback, stopped afterwards."""
    if not DASK.exists():
        pytest.skip(f"no dask command beside {sys.executable}")
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    logs = tmp_path_factory.mktemp("dask")
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                   *common], env=env, stdout=subprocess.DEVNULL, stderr=(logs / "scheduler").open("w"))]
    try:
        with distributed.Client(address, timeout="60s") as client:
            for number in (1, 2):
                processes.append(subprocess.Popen(
                    [str(DASK), "worker", address, "--nthreads", "1", "--host", "127.0.0.1", *common],
                    env=env, stdout=subprocess.DEVNULL, stderr=(logs / f"worker{number}").open("w")))
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def database(tmp_path):
    """A fresh PostgreSQL database when a server is named, else a SQLite file (the workers are on loopback)."""
    if not POSTGRES:
        yield str(tmp_path / "cluster.db")
        return
    yield from fresh_database()


@pytest.fixture(scope="module")
def polnear(tmp_path_factory) -> Path:
    return polnear_slice(tmp_path_factory.mktemp("polnear-slice"))


@pytest.fixture(scope="module")
def local(polnear, tmp_path_factory) -> dict:
    return ingested(tmp_path_factory.mktemp("local") / "local.db", [polnear], Config(), metadata=metadata())[0]


def test_the_seeds_through_the_cluster_give_the_local_ledger(cluster, seed_export, database):
    export, report = ingested(database, sample_paths(), Config(cluster=cluster))
    assert len(report.ingested) == 3 and len(report.worker_peak_rss) == 2
    assert export == comparable(seed_export)


def test_a_worker_killed_mid_run_loses_and_doubles_no_article(cluster, polnear, local, database):
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 120
            while not killed and time.monotonic() < deadline:
                busy = [worker for worker, tasks in client.processing().items() if tasks]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(pids[busy[0]])
                time.sleep(0.01)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        export, report = ingested(database, [polnear], Config(cluster=cluster), metadata=metadata())
        killer.join()
        client.wait_for_workers(2, timeout=120)  # the nanny restarts it, for the tests after this one
    assert killed, "no worker held a part"
    assert not report.rejected and len(report.ingested) == SLICE
    assert export == local


def test_sqlite_is_refused_when_the_workers_are_on_other_machines(cluster, tmp_path, monkeypatch):
    from newsledger import cluster as remote

    assert remote.is_local(cluster) and remote.is_local("tcp://localhost:8786")
    assert not remote.is_local("tcp://192.0.2.7:8786")  # an address literal: nothing is sent
    monkeypatch.setattr(remote, "is_local", lambda address: False)
    with (Ledger(tmp_path / "refused.db", config=Config(cluster=cluster)) as ledger,
          pytest.raises(LedgerError, match="must be shared on PostgreSQL")):
        ledger.ingest(sample_paths())
