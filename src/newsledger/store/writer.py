"""One writer at a time per ledger. Two ingests at once each link articles against the stories they read at the
start, so they split stories that belong together, and with overlapping inputs one dies on a duplicate key; the
second writer is therefore refused at once (``LedgerBusy``, exit status 4 in the CLI), before it reads or writes
anything. Readers (``serve``, ``export``, ``brief``) never take the lock: they read committed batches as before.

SQLite: an exclusive ``flock`` on ``LEDGER.lock`` beside the file (``filelock``); PostgreSQL: a session-level
``pg_try_advisory_lock`` held on a connection of its own. Both are released by the operating system or the
server when the process ends, however it ends, so a killed ingest never leaves the ledger locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout
from sqlalchemy import Engine, func, select

from newsledger.store.errors import LedgerBusy

# pg_advisory_lock takes a bigint: this one is "newsledger writer" to whoever reads pg_locks, in any database.
ADVISORY_KEY = int.from_bytes(b"nsledgrW", "big") >> 1


@contextmanager
def writer_lock(engine: Engine, location: str) -> Iterator[None]:
    """Hold the ledger's writer lock for the block, or raise ``LedgerBusy`` at once."""
    busy = LedgerBusy(f"another ingest is running on {location}: run again when it has finished")
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            if not connection.execute(select(func.pg_try_advisory_lock(ADVISORY_KEY))).scalar():
                raise busy
            try:
                yield
            finally:
                connection.execute(select(func.pg_advisory_unlock(ADVISORY_KEY)))
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # an in-memory ledger has one connection; another database type is the operator's to manage
        return
    lock = FileLock(f"{database}.lock", timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise busy from None
    try:
        yield
    finally:
        lock.release()
