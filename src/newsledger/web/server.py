"""``newsledger serve``: the app under uvicorn, on loopback unless told otherwise, and then only with a token.

A ledger holds what analysts collected: anyone who can reach the port can read it all, so any address but
loopback needs ``--token`` (or ``$NEWSLEDGER_TOKEN``). A browser hands the token over once in ``?token=``, so the
access log writes that value as ``[redacted]``: a log is read by more people than the ledger.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import unquote_plus

from newsledger.web.security import TOKEN, TOKEN_RULE, is_loopback

if TYPE_CHECKING:
    import uvicorn

TOKEN_ENV = "NEWSLEDGER_TOKEN"


class ServeError(ValueError):
    """The server was asked to start in a way that would expose the ledger: the message says what to do."""


def check(host: str, token: str | None) -> None:
    if token and not TOKEN.fullmatch(token):
        raise ServeError(TOKEN_RULE)
    if not is_loopback(host) and not token:
        raise ServeError(
            f"listening on {host} lets other machines read the ledger: give an access token with --token "
            f"or ${TOKEN_ENV} (clients send `Authorization: Bearer <token>`, browsers open any page once with ?token=…)"
        )


def without_token(target: str) -> str:
    """A request target with the value of every ``token`` query parameter (however percent-encoded) redacted."""
    path, mark, query = target.partition("?")
    if not mark:
        return target
    pairs = [
        "token=[redacted]" if unquote_plus(pair.partition("=")[0]) == "token" else pair for pair in query.split("&")
    ]
    return f"{path}?{'&'.join(pairs)}"


class RedactTokens(logging.Filter):
    """Rewrites uvicorn's access-log records (client, method, target, version, status) before any handler sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(without_token(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def config(location: str, host: str, port: int, token: str | None, log_level: str = "info") -> uvicorn.Config:
    """The server's settings, checked (``ServeError``), with the access log's token filter in place."""
    import uvicorn

    from newsledger.web.app import create_app

    check(host, token)
    app = create_app(location, token=token or None, loopback_only=is_loopback(host) and not token)
    settings = uvicorn.Config(app, host=host, port=port, log_level=log_level, server_header=False)
    access = logging.getLogger("uvicorn.access")  # configured by uvicorn.Config: the filter goes on after it
    if not any(isinstance(f, RedactTokens) for f in access.filters):
        access.addFilter(RedactTokens())
    return settings


def run(location: str, host: str, port: int, token: str | None, log_level: str = "info") -> None:
    import uvicorn

    uvicorn.Server(config(location, host, port, token, log_level)).run()
