"""`newsledger watch`: follow feeds until Ctrl-C, one line per feed and poll."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.markup import escape

from newsledger.cli_support import EXIT_REJECTED, DbOption, _fail, err, shown
from newsledger.ingest.fetch import Fetcher
from newsledger.store.ledger import LedgerError


def watch(
    feeds: Annotated[list[str], typer.Argument(help="URLs of RSS/Atom feeds or news sitemaps.", show_default=False)],
    every: Annotated[str, typer.Option(help="How often to poll each feed: 90s, 15m, 2h (at least a minute).")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once and stop (exit 1 if any failed).")] = False,
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name [default: $NEWSLEDGER_MODEL or the best installed English model].")] = None,
) -> None:
    """Follow feeds: poll them, ingest the entries not read before, until Ctrl-C.

    What was read is kept in the ledger, so a watch started again fetches nothing twice and asks each feed
    only whether it changed (ETag, Last-Modified).
    """
    from newsledger.api import Ledger
    from newsledger.watch import parse_interval
    from newsledger.watch import watch as follow

    try:
        interval = parse_interval(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from error
    failed = []
    try:
        ledger = Ledger(db, model=model)
    except LedgerError as error:
        raise _fail(str(error)) from error

    def show(result) -> None:
        stamp = time.strftime("%H:%M:%S")
        if result.failure:
            failed.append(result.feed)
            err.print(f"{stamp} [red]failed[/red] {_plain(result.feed)}: {_plain(result.failure)}", highlight=False)
            return
        if result.not_modified or not result.new:
            err.print(f"{stamp} {_plain(result.feed)}: nothing new", highlight=False)
            return
        report = result.report
        for rejection in report.rejected:
            failed.append(rejection.origin)
            err.print(f"{stamp} [yellow]rejected[/yellow] {_plain(rejection.origin)}: {_plain(rejection.reason)}",
                      highlight=False)
        err.print(f"{stamp} {_plain(result.feed)}: {result.new} new, ingested {len(report.ingested)}, duplicates "
                  f"skipped {len(report.duplicates)}, rejected {len(report.rejected)}", highlight=False)

    with ledger, Fetcher() as fetcher:
        try:
            follow(ledger, feeds, interval, fetcher, cycles=1 if once else None, on_poll=show)
        except KeyboardInterrupt:
            err.print("stopped", highlight=False)
            return
    if once and failed:
        raise typer.Exit(EXIT_REJECTED)


def _plain(text: str) -> str:
    """Untrusted text (URLs, reasons) shown as is, never read as Rich markup, control characters escaped."""
    return escape(shown(text))
