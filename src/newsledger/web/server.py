"""``newsledger serve``: the app under uvicorn, on loopback unless told otherwise, and then only with a token.

A ledger holds what analysts collected: anyone who can reach the port can read it all, so any address but
loopback needs ``--token`` (or ``$NEWSLEDGER_TOKEN``).
"""

from __future__ import annotations

import ipaddress

TOKEN_ENV = "NEWSLEDGER_TOKEN"


class ServeError(ValueError):
    """The server was asked to start in a way that would expose the ledger: the message says what to do."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(
            f"listening on {host} lets other machines read the ledger: give an access token with --token "
            f"or ${TOKEN_ENV} (clients send `Authorization: Bearer <token>`, browsers open any page once with ?token=…)"
        )


def run(location: str, host: str, port: int, token: str | None, log_level: str = "info") -> None:
    import uvicorn

    from newsledger.web.app import create_app

    check(host, token)
    app = create_app(location, token=token or None, loopback_only=is_loopback(host) and not token)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
