"""The `newsledger` command: a thin layer over the Python API (newsledger.api).

Exit status: 0 success; 1 some inputs were rejected (each named on stderr with its reason; the good ones are
stored), among them a missing input, or the inputs held no article at all; 2 wrong usage; 3 the ledger or a
named file cannot be used: a missing ledger, a missing --metadata or --gazetteer file (the message says which
and why); 4 another ingest is running on the ledger (nothing was done).
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from newsledger.annotate.nlp import ModelNotFound
from newsledger.api import Ledger, sample_paths
from newsledger.cli_bench import bench_app
from newsledger.cli_support import (
    EXIT_BUSY,
    EXIT_REJECTED,
    DbOption,
    Stopped,
    _fail,
    err,
    say,
    shown,
    stopped_by_signals,
)
from newsledger.cli_watch import watch
from newsledger.ingest.inputs import is_url
from newsledger.ingest.metadata import Metadata
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, discover
from newsledger.pool import WorkerError
from newsledger.report import export as exporting
from newsledger.report.brief import StoryNotFound
from newsledger.report.parquet import write_parquet
from newsledger.report.render import FORMATS as BRIEF_FORMATS
from newsledger.store.errors import LedgerBusy
from newsledger.store.ledger import DEFAULT_DB, LedgerError, default_location

app = typer.Typer(
    help="Turn news articles into a ledger: who said what, what happened, which stories they belong to.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: wrapped at any width, option names never cut, "[default: …]" kept as text
)
app.add_typer(bench_app, name="bench")
app.command()(watch)

def _open(db: str | None, readonly: bool = True, model: str | None = None, content_model: bool = True,
          gazetteer: Path | None = None) -> Ledger:
    try:
        return Ledger(db, readonly=readonly, model=model, content_model=content_model, gazetteer=gazetteer)
    except LedgerBusy as error:
        raise _fail(str(error), EXIT_BUSY) from error
    except LedgerError as error:
        raise _fail(str(error)) from error


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders (.txt, .html/.htm, .jsonl/.json, .warc/.warc.gz, RSS/Atom feeds, sitemaps), or http(s) URLs of pages, feeds and sitemaps.", show_default=False)] = None,
    db: DbOption = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the bundled sample (three seed articles).")] = False,
    metadata: Annotated[
        Optional[Path],
        typer.Option(
            help="TSV/CSV with a `filename` column (file name or stem) and outlet/publisher, published/"
            "publication_date, title, url, author columns, applied to the matching input files."
        ),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Reject inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name [default: $NEWSLEDGER_MODEL or the best installed English model].")] = None,
    batch_size: Annotated[Optional[int], typer.Option(min=1, help="Articles parsed and stored together, in one transaction. [default: 32]")] = None,
    content_model: Annotated[bool, typer.Option("--content-model/--no-content-model", help="Edge attribution contents with the learned ranker (a little more exact, about 2.5% more of parse time); --no-content-model keeps the rules' edges.")] = True,
    gazetteer: Annotated[Optional[Path], typer.Option(help="A GeoNames dump (allCountries.txt, cities500.zip, …) to place events with, instead of the packaged GeoNames extract of towns of 500+ people.")] = None,
    detect_events: Annotated[bool, typer.Option("--detect-events/--no-detect-events", help="Add the learned detector's happenings of any kind (protests, resignations, accidents…) to the lexicon's; --no-detect-events keeps the lexicon's alone, about 10% of parse time faster.")] = True,
    workers: Annotated[int | None, typer.Option(min=1, help="Processes that parse and extract, each loading the models once; 1 does it all in this process. The ledger is the same whatever the number. [default: the machine's cores]")] = None,
    cluster: Annotated[str | None, typer.Option(help="A Dask scheduler (tcp://HOST:8786) whose workers parse and extract instead; with workers on other machines the ledger must be on PostgreSQL (docs/cluster.md). Needs pip install 'newsledger[cluster]'.")] = None,
) -> None:
    """Ingest articles into the ledger: clean, deduplicate, extract, link into stories.

    Re-running on the same inputs adds nothing. Every rejected input is named on stderr with its reason,
    and the exit status is then 1; the good inputs are stored all the same.
    """
    inputs = list(paths or []) + (sample_paths() if sample else [])
    if not inputs:
        raise typer.BadParameter("give at least one PATH, or --sample")
    if gazetteer is not None and not gazetteer.is_file():
        raise _fail(f"--gazetteer {gazetteer}: no such file")
    table = _metadata(metadata) if metadata is not None else None
    ledger = _open(db, readonly=False, model=model, content_model=content_model, gazetteer=gazetteer)
    ledger.config = ledger.config.but(batch_size=batch_size, detect_events=detect_events,
                                      workers=workers or len(os.sched_getaffinity(0)), cluster=cluster)
    total = _total_size(inputs)
    before = ledger.store.count("articles")
    try:
        with stopped_by_signals(), Progress(
            TextColumn("ingesting"), BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err, transient=True
        ) as progress:
            task = progress.add_task("ingest", total=total or None)
            report = ledger.ingest(inputs, table, max_bytes, lambda size: progress.advance(task, size))
    except LedgerBusy as error:
        raise _fail(str(error), EXIT_BUSY) from error
    except Stopped as stop:
        say("stopped", "red", f"by {stop}: {_kept(ledger, before)}; run the same command again to resume (it skips "
                              "what is stored and resolves the stories left unresolved)")
        raise typer.Exit(stop.exit_code) from None
    except (LedgerError, ModelNotFound, SQLAlchemyError, OSError, ValueError,
            WorkerError) as error:
        said = error.orig if isinstance(error, DBAPIError) else error  # never the SQL and its article text
        raise _fail(f"ingest into {ledger.store.location} stopped: {said}; {_kept(ledger, before)}") from error
    finally:
        ledger.close()
    for origin, note in report.notices:
        say("note", "cyan", f"{origin}: {note}")
    for rejection in report.rejected:
        say("rejected", "yellow", f"{rejection.origin}: {rejection.reason}")
    for skipped in report.skipped:
        say("skipped", "", f"{skipped.origin}: {skipped.reason}")
    err.print(
        f"ingested {len(report.ingested)}, duplicates skipped {len(report.duplicates)}, "
        f"rejected {len(report.rejected)} → {shown(ledger.store.location)}",
        highlight=False, markup=False,
    )
    if report.worker_peak_rss:
        peaks = ", ".join(f"{peak / 2**20:,.0f} MB" for peak in report.worker_peak_rss)
        died = f"; {report.worker_deaths} worker process(es) died and were replaced" if report.worker_deaths else ""
        err.print(f"{len(report.worker_peak_rss)} workers, peak memory each: {peaks}{died}", highlight=False)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)
    if not report.ingested and not report.duplicates:
        say("no article found in", "", ", ".join(map(str, inputs)))
        raise typer.Exit(EXIT_REJECTED)


def _metadata(path: Path) -> Metadata:
    """The --metadata table, or a failure naming the file and the reason in words (never a raw ``[Errno 2]``)."""
    try:
        return Metadata.from_file(path)
    except FileNotFoundError as error:
        raise _fail(f"--metadata {path}: no such file") from error
    except IsADirectoryError as error:
        raise _fail(f"--metadata {path}: is a folder, not a TSV/CSV file") from error
    except OSError as error:
        raise _fail(f"--metadata {path}: cannot read: {(error.strerror or str(error)).lower()}") from error
    except (ValueError, UnicodeDecodeError, csv.Error) as error:
        raise _fail(f"--metadata {path}: {error}") from error


def _kept(ledger: Ledger, before: int) -> str:
    """How many articles this run stored (every finished batch is kept), for a run that stopped early."""
    try:
        return f"{ledger.store.count('articles') - before} new article(s) were stored before it stopped"
    except SQLAlchemyError:
        return "the articles of every finished batch were kept"


def _total_size(inputs: list[str]) -> int:
    """Bytes of the local inputs, for the progress bar: files under folders found by ``discover`` (no recursion,
    so any depth), URLs 0, and a file that cannot be read 0 (it is rejected when read)."""
    local = [source for source in inputs if not is_url(source)]
    return sum(_size(path) for path in discover(local) if isinstance(path, Path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


@app.command()
def resolve(
    db: DbOption = None,
    full: Annotated[bool, typer.Option("--full", help="Resolve every story in full: the exact findings of a story of 500 articles or more, which an ingest resolves online (from what it kept) until the story doubles.")] = False,
) -> None:
    """Resolve the stories an interrupted ingest left unresolved (an ingest does it too), or every story with --full."""
    location = db or default_location()
    if "://" not in location and not Path(location).is_file():
        raise _fail(f"{location}: no such ledger")
    ledger = _open(location, readonly=False)
    try:
        with Progress(TextColumn("resolving"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as progress:
            task = progress.add_task("resolve", total=None)
            done = ledger.resolve(full, lambda n, total: progress.update(task, completed=n, total=total))
    except LedgerBusy as error:
        raise _fail(str(error), EXIT_BUSY) from error
    except (LedgerError, SQLAlchemyError, OSError) as error:
        said = error.orig if isinstance(error, DBAPIError) else error
        raise _fail(f"resolving {ledger.store.location} stopped: {said}") from error
    finally:
        ledger.close()
    say("resolved", "green", f"{done} stor{'y' if done == 1 else 'ies'} → {ledger.store.location}")


@app.command()
def stories(db: DbOption = None) -> None:
    """List the stories, one line each: id, dates, number of articles, title."""
    with _open(db) as ledger:
        for story in ledger.stories():
            when = story.first_seen or "date unknown"
            typer.echo(f"{story.id}\t{when}\t{len(story.articles)} article(s)\t{shown(story.title or '')}")


@app.command()
def brief(
    story: Annotated[Optional[str], typer.Argument(help="Story id or a unique prefix; all stories when left out.")] = None,
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(BRIEF_FORMATS)}.")] = "md",
    db: DbOption = None,
) -> None:
    """The brief of a story: articles and outlets, who said what with chains and stances, the timeline."""
    if fmt not in BRIEF_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(BRIEF_FORMATS)}, not {fmt!r}")
    with _open(db) as ledger:
        try:
            text = ledger.brief(story, fmt=fmt)
        except StoryNotFound as error:
            raise _fail(str(error)) from error
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="json (one object), jsonl (one record a line), csv (one file per list) or parquet (articles, events, attributions as flat typed columns); csv and parquet need -o FOLDER.")] = "json",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File (folder for csv and parquet); stdout when left out.")] = None,
    db: DbOption = None,
) -> None:
    """Export the whole ledger: articles, entities, attributions, events, stories."""
    if fmt not in (*exporting.FORMATS, "parquet"):
        raise typer.BadParameter(f"--format must be one of {', '.join(exporting.FORMATS)}, parquet, not {fmt!r}")
    if fmt in ("csv", "parquet") and output is None:
        raise typer.BadParameter(f"{fmt} writes one file per list: name a folder with -o")
    with _open(db) as ledger:
        if fmt in ("csv", "parquet"):
            write = exporting.write_csv if fmt == "csv" else write_parquet
            try:
                paths = write(ledger.store, output)
            except OSError as error:
                raise _fail(f"cannot write {output}: {error.strerror or error}") from error
            for path in paths:
                err.print(f"wrote {path}", highlight=False)
            return
        writer = exporting.write_json if fmt == "json" else exporting.write_jsonl
        if output is None:
            writer(ledger.store, sys.stdout)
            return
        try:
            with output.open("w", encoding="utf-8") as handle:
                writer(ledger.store, handle)
        except OSError as error:
            raise _fail(f"cannot write {output}: {error.strerror}") from error


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on. Any but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        Optional[str],
        typer.Option(
            envvar="NEWSLEDGER_TOKEN",
            help="Access token, checked on every request: clients send `Authorization: Bearer <token>`; a browser "
            "opens any page once with ?token=<token> and keeps it in a cookie. Required off loopback.",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (/api/v1, spec at /openapi.json) over a ledger, read-only."""
    from newsledger.web import server

    try:
        server.run(db or DEFAULT_DB, host, port, token)
    except server.ServeError as error:
        raise typer.BadParameter(str(error)) from error
    except (LedgerError, ValueError) as error:
        raise _fail(str(error)) from error


if __name__ == "__main__":  # pragma: no cover
    app()
