"""The web UI and REST API over a ledger, read-only: ``newsledger serve`` (see ``server``) or ``create_app``."""

from newsledger.web.app import create_app

__all__ = ["create_app"]
