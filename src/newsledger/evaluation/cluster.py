"""`newsledger bench cluster`: ingest throughput through a local Dask cluster of 1, 2, … worker processes, and
the cost of the cluster path against the local worker pool with as many workers, on the same texts.

Each count gets a fresh ``LocalCluster`` (one thread per worker process, as docs/cluster.md asks), started
before the clock; loading the models on the workers is inside the timed ingest, as the pool's is.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from distributed import LocalCluster

from newsledger.annotate.nlp import model_name
from newsledger.api import Ledger
from newsledger.config import Config


def run(data: Path, workers: tuple[int, ...] = (1, 2), limit: int | None = None,
        model: str | None = None) -> dict[str, Any]:
    paths = sorted(data.rglob("*.txt"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no .txt files under {data}")
    runs = {}
    for count in workers:
        with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            on_cluster = _ingest(paths, Config(model=model, cluster=cluster.scheduler_address))
        in_pool = _ingest(paths, Config(model=model, workers=count))
        runs[count] = {"cluster": on_cluster, "pool": in_pool,
                       "cluster_over_pool": on_cluster["seconds"] / in_pool["seconds"]}
    if 1 in runs:
        for figures in runs.values():
            figures["speed_up"] = runs[1]["cluster"]["seconds"] / figures["cluster"]["seconds"]
    return {"data": str(data), "model": model_name(model), "articles": len(paths), "workers": runs}


def _ingest(paths: list[Path], config: Config) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder, Ledger(Path(folder) / "bench.db", config=config) as ledger:
        started = time.perf_counter()
        report = ledger.ingest(paths)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles_per_s": len(paths) / seconds, "ingested": len(report.ingested),
            "rejected": len(report.rejected)}


def render(result: dict[str, Any]) -> str:
    lines = [f"{result['articles']} articles, model {result['model']}",
             f"{'workers':>8}{'cluster s':>11}{'articles/s':>12}{'× 1 worker':>12}{'pool s':>9}{'cluster/pool':>14}"]
    for count, run in result["workers"].items():
        speed_up = f"{run['speed_up']:>12.2f}" if "speed_up" in run else f"{'':>12}"
        lines.append(f"{count:>8}{run['cluster']['seconds']:>11.1f}{run['cluster']['articles_per_s']:>12.2f}"
                     f"{speed_up}{run['pool']['seconds']:>9.1f}{run['cluster_over_pool']:>14.3f}")
    return "\n".join(lines)
