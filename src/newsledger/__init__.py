"""newsledger: turn a stream of news articles into a ledger of who said what, what happened, and what is
corroborated or disputed."""

__version__ = "0.1.0"
