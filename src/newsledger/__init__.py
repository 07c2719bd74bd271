"""newsledger: turn a stream of news articles into a ledger of who said what, what happened, and what is
corroborated or disputed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsledger.api import Ledger

__all__ = ["Ledger"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``Ledger`` is imported when first asked for: the API brings the fetcher and the readers of every input
    format, which the web server (importing ``newsledger.web``) does not need at start."""
    if name == "Ledger":
        from newsledger.api import Ledger

        return Ledger
    raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
