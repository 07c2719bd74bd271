"""What the `newsledger` commands share: the error console, the exit codes, the ledger option, and how a failure
or a benchmark's figures are printed."""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from newsledger.store.ledger import DB_ENV, DEFAULT_DB

err = Console(stderr=True, soft_wrap=True)

EXIT_REJECTED = 1
EXIT_UNUSABLE = 3
EXIT_BUSY = 4  # another ingest is writing the ledger: nothing was done, run again when it has finished

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar=DB_ENV, help=f"Ledger file (SQLite) or database URL. [default: ./{DEFAULT_DB}]"),
]


# Characters that would act on a terminal or fake a line (controls, escape, newlines, bidi overrides) rather
# than show: untrusted names and reasons are printed with each written as its escape (\x1b, \n, \u202e).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` safe for one line of a terminal: every control or bidi character as its visible escape."""
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], text)


def say(label: str, style: str, message: str) -> None:
    """One line on stderr: a styled label, then ``message`` as literal text (never read as Rich markup)."""
    err.print(Text.assemble((label, style), " ", shown(message)), highlight=False)


def _fail(message: str, code: int = EXIT_UNUSABLE) -> typer.Exit:
    say("error:", "red", message)
    return typer.Exit(code)


class Stopped(BaseException):
    """SIGINT or SIGTERM arrived; a BaseException, like KeyboardInterrupt, so no per-article guard takes it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise ``Stopped``, so the command can say what it kept."""

    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _print(result: dict, render, json_output: bool) -> None:
    """A benchmark's figures: as JSON, or as the benchmark renders them for people."""
    typer.echo(json.dumps(result, indent=2) if json_output else render(result))
