"""The per-article stages on a Dask distributed cluster (`newsledger ingest --cluster tcp://HOST:8786`).

The inputs are read, cleaned and deduplicated where the client runs and shipped to the workers in parts of a
batch; the workers parse and extract and send the records back; the client links, stores and resolves, taking
the batches in input order, so the ledger is the one a local run makes. Each worker loads the models once, when
the client registers the stages with it (a worker that joins later loads them as it joins). Dask reschedules the
parts of a worker that dies; a part Dask gives up on (``KilledWorker``) is retried once, each article alone, and
an article that kills its worker again is rejected with the reason. Needs ``pip install 'newsledger[cluster]'``
where the client and the workers run (docs/cluster.md).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError
from urllib.parse import urlsplit

from distributed import Client, KilledWorker, WorkerPlugin

from newsledger.config import Config
from newsledger.pipeline import Work, lost, start_worker, work_in_worker
from newsledger.pool import PARTS_PER_WORKER, READ_AHEAD, process_peak_rss
from newsledger.store.ledger import LedgerError, Store

_one_at_a_time = threading.Lock()  # a worker started with several threads still parses one part at a time


class ClusterError(LedgerError):
    """The cluster cannot be reached or used with this ledger."""


class _Stages(WorkerPlugin):
    """Loads the per-article stages on each worker once, also on workers that join later."""

    name = "newsledger-stages"

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self, worker) -> None:
        start_worker(self.config)


def _run_part(batch: list[Work]) -> tuple[list[Work], dict[str, float]]:
    with _one_at_a_time:
        return work_in_worker(batch)


def is_local(address: str) -> bool:
    """Whether a scheduler or worker address (tcp://HOST:PORT) is on this machine's loopback."""
    host = urlsplit(address if "://" in address else f"tcp://{address}").hostname or ""
    try:
        return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
    except (OSError, ValueError):
        return False


class ClusterRunner:
    """Sends the parts of each batch to the cluster's workers and gives the batches back in input order."""

    def __init__(self, address: str, config: Config, store: Store) -> None:
        self.address, self.config, self.store = address, config, store
        self.seconds: dict[str, float] = {}
        self.peak_rss: list[int] = []
        self.deaths = 0  # parts Dask gave up on because their workers died

    def _connect(self) -> Client:
        """A client of the cluster, refused if a worker is remote and the ledger a SQLite file, with the stages
        registered on every worker."""
        try:
            client = Client(self.address, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {error}") from error
        workers = client.scheduler_info()["workers"]
        remote = not is_local(self.address) or not all(is_local(worker) for worker in workers)
        if remote and self.store.engine.dialect.name == "sqlite":
            client.close()
            raise ClusterError(f"the cluster at {self.address} has workers on other machines: its ledger must be "
                               f"shared on PostgreSQL (--db postgresql+psycopg://…), not the SQLite file "
                               f"{self.store.location}")
        client.register_plugin(_Stages(self.config))
        return client

    def map(self, batches: Iterable[list[Work]]) -> Iterator[list[Work]]:
        """Each run connects anew (and loads the stages on workers that joined since), and disconnects at its end."""
        self.client, self.deaths = self._connect(), 0
        in_flight: deque[list[tuple[list[Work], object]]] = deque()  # per batch: its parts and their futures
        source = iter(batches)
        try:
            while True:
                while len(in_flight) < READ_AHEAD and (batch := next(source, None)) is not None:
                    in_flight.append(self._submit(batch))
                if not in_flight:
                    break
                yield [work for part, future in in_flight.popleft() for work in self._results(part, future)]
        finally:
            self.client.cancel([future for parts in in_flight for _, future in parts])
            self._measure()
            self.client.close()

    def _submit(self, batch: list[Work]) -> list[tuple[list[Work], object]]:
        workers = max(1, len(self.client.scheduler_info()["workers"]))
        size = max(1, -(-len(batch) // (PARTS_PER_WORKER * workers)))
        parts = [batch[start : start + size] for start in range(0, len(batch), size)]
        return [(part, self.client.submit(_run_part, part, pure=False)) for part in parts]

    def _results(self, part: list[Work], future) -> list[Work]:
        try:
            results, seconds = future.result()
        except KilledWorker:
            self.deaths += 1
            return [work for single in part for work in self._retried(single)]
        except (CancelledError, OSError, TimeoutError) as error:  # the scheduler went away
            raise ClusterError(f"lost the Dask cluster at {self.address}: {type(error).__name__}: {error}") from error
        self._add(seconds)
        return results

    def _retried(self, work: Work) -> list[Work]:
        try:
            results, seconds = self.client.submit(_run_part, [work], pure=False).result()
        except KilledWorker as error:
            self.deaths += 1
            return [lost(work, f"its Dask workers died, twice: {error}")]
        self._add(seconds)
        return results

    def _add(self, seconds: dict[str, float]) -> None:
        for name, spent in seconds.items():
            self.seconds[name] = self.seconds.get(name, 0.0) + spent

    def _measure(self) -> None:
        try:
            self.peak_rss = list(self.client.run(process_peak_rss).values())
        except Exception:  # noqa: BLE001 - a report, not worth failing a finished run for
            self.peak_rss = []
