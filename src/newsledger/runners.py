"""Where the per-article stages of an ingest run, as its config says: a Dask cluster (``config.cluster``), a pool
of worker processes (``config.workers`` > 1), or (None) the ingesting process itself."""

from __future__ import annotations

from newsledger.config import Config
from newsledger.pipeline import Runner, lost, start_worker, work_in_worker
from newsledger.pool import WorkerPool
from newsledger.store.ledger import LedgerError, Store


def runner_for(config: Config, store: Store) -> Runner | None:
    if config.cluster:
        try:
            from newsledger.cluster import ClusterRunner  # Dask is an optional extra
        except ImportError as error:
            raise LedgerError(f"--cluster needs Dask: pip install 'newsledger[cluster]' ({error})") from error
        return ClusterRunner(config.cluster, config, store)
    if config.workers > 1:
        return WorkerPool(config.workers, start_worker, (config,), work_in_worker, lost)
    return None
