"""The worker pool: batches come back in input order, a dead worker costs only its part (retried once, each item
alone), and a worker that cannot start or a stage that raises stops the run with the reason."""

from __future__ import annotations

import pool_helpers
import pytest

from newsledger.pool import WorkerError, WorkerPool


def _pool(workers: int = 2, flag: str = "ok") -> WorkerPool:
    return WorkerPool(workers, pool_helpers.start, (flag,), pool_helpers.square, pool_helpers.lost)


def test_batches_come_back_in_input_order_with_each_result_in_its_place():
    batches = [list(range(start, start + size)) for start, size in ((0, 5), (5, 1), (6, 9), (15, 3), (18, 7))]
    pool = _pool()
    assert list(pool.map(batches)) == [[n * n for n in batch] for batch in batches]
    assert pool.seconds["square"] > 0 and len(pool.peak_rss) == 2 and max(pool.peak_rss) > 0
    assert pool.deaths == 0


def test_a_killed_worker_costs_only_the_item_that_kills_it_twice(tmp_path):
    batches = [[1, 2, 3, 4], [5, "die", 6, 7], [8, 9]]
    pool = _pool(flag=str(tmp_path / "marker"))
    out = list(pool.map(batches))
    assert out[0] == [1, 4, 9, 16] and out[2] == [64, 81]
    assert out[1][0] == 25 and out[1][2:] == [36, 49]  # its neighbours in the dead worker's part: retried, kept
    assert out[1][1].startswith("lost die: its worker process was killed (SIGKILL")
    assert out[1][1].endswith("twice")
    assert pool.deaths == 2


def test_an_item_whose_worker_dies_once_is_retried_and_kept(tmp_path):
    pool = _pool(flag=str(tmp_path / "marker"))
    assert list(pool.map([[2, "die-once", 3]])) == [[4, "die-once", 9]]
    assert pool.deaths == 1


def test_workers_that_cannot_start_stop_the_run_with_the_reason():
    with pytest.raises(LookupError, match="no model here"):
        list(_pool(flag="broken").map([[1, 2]]))


def test_a_stage_that_raises_stops_the_run_and_the_workers():
    pool = _pool()
    with pytest.raises(ArithmeticError, match="stops the run"):
        list(pool.map([[1, "raise"], [3]]))
    assert all(not worker.process.is_alive() for worker in pool._slots)


def test_workers_killed_each_time_they_start_stop_the_run():
    with pytest.raises(WorkerError, match="cannot start: its worker process was killed"):
        list(_pool(flag="die").map([[1, 2]]))
