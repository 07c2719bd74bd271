"""newsledger: turn a stream of news articles into a ledger of who said what, what happened, and what is
corroborated or disputed."""

from newsledger.api import Ledger

__all__ = ["Ledger"]
__version__ = "0.1.0"
