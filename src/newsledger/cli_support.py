"""What the `newsledger` commands share: the error console, the exit codes, the ledger option, and how a failure
or a benchmark's figures are printed."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console

from newsledger.store.ledger import DB_ENV, DEFAULT_DB

err = Console(stderr=True, soft_wrap=True)

EXIT_REJECTED = 1
EXIT_UNUSABLE = 3
EXIT_BUSY = 4  # another ingest is writing the ledger: nothing was done, run again when it has finished

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar=DB_ENV, help=f"Ledger file (SQLite) or database URL. [default: ./{DEFAULT_DB}]"),
]


def _fail(message: str, code: int = EXIT_UNUSABLE) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def _print(result: dict, render, json_output: bool) -> None:
    """A benchmark's figures: as JSON, or as the benchmark renders them for people."""
    typer.echo(json.dumps(result, indent=2) if json_output else render(result))
