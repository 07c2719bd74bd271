"""A pool of worker processes for the per-article stages, which gives back the batches it is handed in the order
it was handed them, each item's result in its item's place.

Each worker runs ``start(*args)`` once (loading the models), then ``task(items)`` on each part of a batch sent to
it, which returns one result per item and the seconds it spent per stage. A worker that dies (killed, out of
memory) costs only the part in its hands: those items are retried once, each alone on a fresh worker, and an item
whose worker dies again gets ``lost(item, reason)`` as its result. The standard library's pools cannot say which
task a dead worker held (``ProcessPoolExecutor`` fails every pending task, ``multiprocessing.Pool`` waits for
ever), hence this one; see docs/decisions.md.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

#: Parts each batch is cut into per worker: small enough that a worker seldom waits for the parent to link
#: and store, large enough that a part is worth the trip.
PARTS_PER_WORKER = 2
#: Batches read ahead of the one the parent links and stores, so the workers always have parts to take.
READ_AHEAD = 3


#: The numeric libraries' thread pools get one thread in a worker: the workers already fill the cores, and
#: BLAS threads spinning beside them would take CPU from the parse. Read by the libraries as a worker loads them.
ONE_THREAD = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")}


class WorkerError(RuntimeError):
    """A worker could not start, or a stage raised what stops the whole run (e.g. an unreadable gazetteer)."""


def _serve(conn: Connection, start: Callable[..., None], args: tuple, task: Callable) -> None:
    """A worker's life: load once, then take parts until told to stop. Ctrl-C is the parent's to handle: it
    stops the workers itself once the batch it is storing is committed or rolled back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        start(*args)
    except BaseException as error:  # noqa: BLE001 - e.g. the model is not installed: the parent says why
        conn.send(("error", None, _portable(error), process_peak_rss()))
        return
    conn.send(("ready", None, None, process_peak_rss()))
    while (message := conn.recv()) is not None:
        number, items = message
        try:
            outcome = task(items)
        except BaseException as error:  # noqa: BLE001 - handed to the parent, which stops the run with it
            conn.send(("error", number, _portable(error), process_peak_rss()))
            continue
        conn.send(("done", number, outcome, process_peak_rss()))


def _portable(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else its message in a WorkerError."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any unpicklable exception
        return WorkerError(f"{type(error).__name__}: {error}")


def process_peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = ", e.g. out of memory" if name == "SIGKILL" else ""
        return f"its worker process was killed ({name}{hint})"
    return f"its worker process exited with status {exitcode}"


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables (those not set already) for the processes started inside the block."""
    added = {name: value for name, value in values.items() if name not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for name in added:
            del os.environ[name]


@dataclass
class _Part:
    batch: int
    offset: int
    items: list
    retried: bool = False


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    part: _Part | None = None


@dataclass
class _Batch:
    results: list
    missing: int


@dataclass
class WorkerPool:
    """``workers`` processes started (spawned, so no lock or thread of the parent is copied) by ``map``, which
    stops them when it returns or is interrupted."""

    workers: int
    start: Callable[..., None]
    args: tuple
    task: Callable[[list], tuple[list, dict[str, float]]]
    lost: Callable[[Any, str], Any]
    seconds: dict[str, float] = field(default_factory=dict)
    #: Peak resident memory of each worker slot, in bytes (the largest of the processes that held it).
    peak_rss: list[int] = field(default_factory=list)
    #: How many worker processes died during the run.
    deaths: int = 0
    _slots: list[_Worker] = field(default_factory=list, init=False, repr=False)
    _queue: deque[_Part] = field(default_factory=deque, init=False, repr=False)
    _pending: dict[int, _Batch] = field(default_factory=dict, init=False, repr=False)
    _failed_starts: int = field(default=0, init=False, repr=False)

    def map(self, batches: Iterable[list]) -> Iterator[list]:
        context = multiprocessing.get_context("spawn")
        self.peak_rss = [0] * self.workers
        self._slots = [self._spawn(context) for _ in range(self.workers)]
        self._queue, self._pending, self._failed_starts, self.deaths = deque(), {}, 0, 0
        source = iter(batches)
        next_batch = next_out = 0
        exhausted = False
        try:
            while True:
                while not exhausted and next_batch - next_out < READ_AHEAD:
                    batch = next(source, None)
                    if batch is None:
                        exhausted = True
                    else:
                        self._admit(next_batch, list(batch))
                        next_batch += 1
                self._dispatch()  # before the caller takes a batch, so the workers have parts meanwhile
                head = self._pending.get(next_out)
                if head is not None and not head.missing:
                    del self._pending[next_out]
                    next_out += 1
                    yield head.results
                elif exhausted and next_out == next_batch:
                    return
                else:
                    self._collect(context)
        finally:
            self._stop()

    @property
    def busy_pids(self) -> list[int]:
        """The process ids of the workers holding a part now (to watch them, e.g. their memory)."""
        return [worker.process.pid for worker in self._slots if worker.part is not None]

    def _admit(self, number: int, batch: list) -> None:
        self._pending[number] = _Batch([None] * len(batch), len(batch))
        size = max(1, -(-len(batch) // (self.workers * PARTS_PER_WORKER)))
        for offset in range(0, len(batch), size):
            self._queue.append(_Part(number, offset, batch[offset : offset + size]))

    def _spawn(self, context) -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child, self.start, self.args, self.task), daemon=True)
        with _environment(ONE_THREAD):  # a spawned process inherits the environment as it is at its start
            process.start()
        child.close()
        return _Worker(process, parent)

    def _dispatch(self) -> None:
        for worker in self._slots:
            if worker.ready and worker.part is None and self._queue:
                worker.part = self._queue.popleft()
                worker.conn.send((worker.part.batch, worker.part.items))

    def _collect(self, context) -> None:
        """Wait for a message or a death, and act on every one that is there."""
        ready = wait([w.conn for w in self._slots] + [w.process.sentinel for w in self._slots])
        for slot, worker in enumerate(self._slots):
            if worker.conn in ready:
                try:
                    kind, _, payload, rss = worker.conn.recv()
                except (EOFError, OSError):
                    kind = None
                if kind is not None:
                    self.peak_rss[slot] = max(self.peak_rss[slot], rss)
                    self._receive(worker, kind, payload)
                    continue
            if worker.process.sentinel in ready or not worker.process.is_alive():
                worker.process.join()
                self._died(slot, worker, context)

    def _receive(self, worker: _Worker, kind: str, payload: Any) -> None:
        if kind == "error":
            raise payload
        if kind == "ready":
            worker.ready = True
            return
        results, seconds = payload
        part, worker.part = worker.part, None
        for name, spent in seconds.items():
            self.seconds[name] = self.seconds.get(name, 0.0) + spent
        self._fill(part, results)

    def _fill(self, part: _Part, results: list) -> None:
        pending = self._pending[part.batch]
        pending.results[part.offset : part.offset + len(results)] = results
        pending.missing -= len(results)

    def _died(self, slot: int, worker: _Worker, context) -> None:
        reason = death_reason(worker.process.exitcode)
        self.deaths += 1
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts > self.workers:  # not one kill: the workers cannot start at all
                raise WorkerError(f"the worker processes cannot start: {reason}")
        part = worker.part
        self._slots[slot] = self._spawn(context)
        if part is None:
            return
        if part.retried:
            self._fill(part, [self.lost(item, f"{reason}, twice") for item in part.items])
            return
        for index in reversed(range(len(part.items))):  # retried first, each alone
            self._queue.appendleft(_Part(part.batch, part.offset + index, [part.items[index]], retried=True))

    def _stop(self) -> None:
        """Tell idle workers to stop, kill the busy ones (an interrupted run), and wait for all."""
        for worker in self._slots:
            try:
                if worker.ready and worker.part is None and worker.process.is_alive():
                    worker.conn.send(None)
                else:
                    worker.process.terminate()
            except OSError:
                worker.process.terminate()
        for worker in self._slots:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
