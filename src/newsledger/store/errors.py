"""What the store raises when a ledger cannot be used: each message names the ledger and says why."""

from __future__ import annotations


class LedgerError(RuntimeError):
    """The ledger cannot be opened or written: the message names it and says why."""


class LedgerBusy(LedgerError):
    """Another process is writing the ledger: nothing was read or written; run again when it has finished."""
