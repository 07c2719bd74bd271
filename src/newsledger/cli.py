"""The `newsledger` command: a thin layer over the Python API (newsledger.api).

Exit status: 0 success; 1 some inputs were rejected (each named on stderr with its reason; the good ones are
stored); 2 wrong usage; 3 the ledger or a named file cannot be used (the message says which and why).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from sqlalchemy.exc import SQLAlchemyError

from newsledger.annotate.nlp import ModelNotFound
from newsledger.api import Ledger, sample_paths
from newsledger.ingest.readers import DEFAULT_MAX_BYTES
from newsledger.report import export as exporting
from newsledger.report.brief import StoryNotFound
from newsledger.report.parquet import write_parquet
from newsledger.report.render import FORMATS as BRIEF_FORMATS
from newsledger.store.ledger import DB_ENV, DEFAULT_DB, LedgerError

app = typer.Typer(
    help="Turn news articles into a ledger: who said what, what happened, which stories they belong to.",
    no_args_is_help=True,
    add_completion=False,
)
bench_app = typer.Typer(help="Measure accuracy and speed on benchmark data.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")

err = Console(stderr=True, soft_wrap=True)

EXIT_REJECTED = 1
EXIT_UNUSABLE = 3

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar=DB_ENV, help=f"Ledger file (SQLite) or database URL. [default: ./{DEFAULT_DB}]"),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(EXIT_UNUSABLE)


TopicsOption = Annotated[
    Optional[str], typer.Option(help="Topics to evaluate, e.g. 23,24,25 or 1-22 [default: every topic in --data].")
]


def _print(result: dict, render, json_output: bool) -> None:
    """A benchmark's figures: as JSON, or as the benchmark renders them for people."""
    typer.echo(json.dumps(result, indent=2) if json_output else render(result))


def _open(db: str | None, readonly: bool = True, model: str | None = None, content_model: bool = True,
          gazetteer: Path | None = None) -> Ledger:
    try:
        return Ledger(db, readonly=readonly, model=model, content_model=content_model, gazetteer=gazetteer)
    except LedgerError as error:
        raise _fail(str(error)) from error


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders: .txt, .html/.htm, .jsonl/.json.")] = None,
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
    content_model: Annotated[bool, typer.Option("--content-model/--no-content-model", help="Edge attribution contents with the learned ranker (about +0.7 point exact content F1 on PolNeAR dev for about 2.5% more of parse time); --no-content-model keeps the rules' edges.")] = True,
    gazetteer: Annotated[Optional[Path], typer.Option(help="A GeoNames dump (allCountries.txt, cities500.zip, …) to place events with, instead of the packaged GeoNames extract of towns of 500+ people.")] = None,
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
    ledger = _open(db, readonly=False, model=model, content_model=content_model, gazetteer=gazetteer)
    ledger.batch_size = batch_size
    total = sum(_size(path) for path in inputs)
    try:
        with Progress(
            TextColumn("ingesting"), BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err, transient=True
        ) as progress:
            task = progress.add_task("ingest", total=total or None)
            report = ledger.ingest(inputs, metadata, max_bytes, lambda size: progress.advance(task, size))
    except (LedgerError, ModelNotFound, SQLAlchemyError, OSError, ValueError) as error:
        raise _fail(f"ingest into {ledger.store.location} stopped: {error}") from error
    finally:
        ledger.close()
    for rejection in report.rejected:
        err.print(f"[yellow]rejected[/yellow] {rejection.origin}: {rejection.reason}", highlight=False)
    err.print(
        f"ingested {len(report.ingested)}, duplicates skipped {len(report.duplicates)}, "
        f"rejected {len(report.rejected)} → {ledger.store.location}",
        highlight=False,
    )
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return 0


@app.command()
def stories(db: DbOption = None) -> None:
    """List the stories, one line each: id, dates, number of articles, title."""
    with _open(db) as ledger:
        for story in ledger.stories():
            when = story.first_seen or "date unknown"
            typer.echo(f"{story.id}\t{when}\t{len(story.articles)} article(s)\t{story.title}")


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


@bench_app.command("facts")
def bench_facts(
    data: Annotated[Path, typer.Option(help="Folder with articles.jsonl and incidents.jsonl (the gva/ layout).")],
    part: Annotated[str, typer.Option(help="Incidents to score: eval (two in three, by a stable hash), tune (the "
                                      "rest, where the baseline's threshold is chosen) or all.")] = "eval",
    limit: Annotated[Optional[int], typer.Option(help="Only the part's first N incidents in date order.")] = None,
    ledger: Annotated[Optional[Path], typer.Option(help="Keep the ledger built by the run at this path (SQLite).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Stories and their facts (killed, injured, date, place) against real incidents' registry facts."""
    from newsledger.evaluation import facts

    if part not in facts.PARTS:
        raise typer.BadParameter(f"--part must be one of {', '.join(facts.PARTS)}, not {part!r}")
    try:
        with Progress(TextColumn("ingesting the articles"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("facts", total=None)
            result = facts.run(data, part=part, limit=limit, model=model, ledger_path=ledger,
                               on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    except facts.FactsDataError as error:
        raise _fail(str(error)) from error
    _print(result, facts.render, json_output)


@bench_app.command("speed")
def bench_speed(
    data: Annotated[Path, typer.Option(help="Folder of .txt articles (searched recursively).")],
    limit: Annotated[Optional[int], typer.Option(help="Use only the first N texts.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    content_model: Annotated[bool, typer.Option("--content-model/--no-content-model", help="Ingest with the learned content ranker, as `ingest` does by default.")] = True,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """End-to-end ingest throughput against bare spaCy nlp.pipe on the same texts (tokens/s, articles/s, ratio)."""
    from newsledger.evaluation import speed

    _print(speed.run(data, limit=limit, model=model, content_model=content_model), speed.render, json_output)


@bench_app.command("attribution")
def bench_attribution(
    data: Annotated[Path, typer.Option(help="Folder in PolNeAR layout: text/*.txt and attributions/*.ann.")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N articles.")] = None,
    content_model: Annotated[bool, typer.Option("--content-model/--no-content-model", help="Settle content edges with the learned ranker, as ingest does (--no-content-model: the rules' edges alone).")] = True,
    agreement: Annotated[bool, typer.Option("--agreement", help="Score only the articles several annotators marked, and report how far the annotators agree with each other there (the ceiling the data allows).")] = False,
    without: Annotated[Optional[list[str]], typer.Option("--without", help="Switch a span rule off to see what it buys (repeatable; the rules: docs/notes/attribution-rules.md).")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Attribution accuracy (source, cue, content; exact and token-overlap P/R/F1) per corpus and publisher.

    The models are trained, and the cue tagger cross-validated on train folds, by `python -m
    newsledger.training.attribution_cues` and `attribution_content` (needs scikit-learn: pip install -e '.\\[train]').
    """
    from newsledger.evaluation import attribution
    from newsledger.extract.attribution.rules import NAMES

    unknown = sorted(set(without or ()) - NAMES)
    if unknown:
        raise typer.BadParameter(f"no span rule named {', '.join(unknown)}; the rules: {', '.join(sorted(NAMES))}")
    result = attribution.run(data, limit=limit, content_model=content_model, agreement=agreement,
                             without=frozenset(without or ()))
    _print(result, attribution.render, json_output)


@bench_app.command("events")
def bench_events(
    data: Annotated[Path, typer.Option(help="Folder of TimeML .tml files (TBAQ-cleaned, or the TempEval-3 platinum test).")],
    split: Annotated[str, typer.Option(help="all, or the fixed train/dev split of the public folder (evaluation.timeml.split_of).")] = "all",
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    weights: Annotated[Optional[Path], typer.Option(help="Trigger model (.npz) to score instead of the shipped one.")] = None,
    threshold: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Event-probability threshold instead of the model's own.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Event trigger P/R/F1 (strict and relaxed span match, as TempEval-3 scores events) and class accuracy."""
    from newsledger.evaluation import events as bench
    from newsledger.evaluation.timeml import SPLITS, TimemlError

    if split not in SPLITS:
        raise typer.BadParameter(f"--split must be one of {', '.join(SPLITS)}")
    try:
        result = bench.run(data, split=split, spacy_model=model, weights=weights, threshold=threshold)
    except (TimemlError, OSError) as error:
        raise _fail(str(error)) from error
    _print(result, bench.render, json_output)


@bench_app.command("attribution-extras")
def bench_attribution_extras(
    gold: Annotated[Path, typer.Option(help="Gold JSONL of source kinds, stances, chains, resolutions (see docs/attribution-extras-guide.md).")],
    data: Annotated[Path, typer.Option(help="Folder in PolNeAR layout holding the gold set's texts (text/*.txt).")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Accuracy of what PolNeAR does not score: source kind, anonymity, stance, via chains, source resolution."""
    from newsledger.evaluation import attribution_extras

    _print(attribution_extras.run(gold, data), attribution_extras.render, json_output)


@bench_app.command("timex")
def bench_timex(
    data: Annotated[Path, typer.Option(help="Folder of TimeML documents (*.tml, searched recursively), e.g. TempEval-3 TBAQ-cleaned or the platinum test.")],
    split: Annotated[str, typer.Option(help="all, or the fixed train/dev split of the folder (evaluation.timeml.split_of).")] = "all",
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """TIMEX3 tagging and normalisation (TempEval-3: strict/relaxed span P/R/F1, type and value F1) beside a
    dateparser baseline."""
    from newsledger.evaluation import timeml
    from newsledger.evaluation import timex as bench

    if split not in timeml.SPLITS:
        raise typer.BadParameter(f"--split must be one of {', '.join(timeml.SPLITS)}")
    try:
        result = bench.run(data, split=split, model=model)
    except timeml.TimemlError as error:
        raise _fail(str(error)) from error
    _print(result, bench.render, json_output)


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


@bench_app.command("serve")
def bench_serve(
    db: DbOption = None,
    requests: Annotated[int, typer.Option("--requests", min=1, help="Requests per endpoint.")] = 200,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Requests in flight at once.")] = 4,
    max_seconds: Annotated[float, typer.Option(min=1, help="Stop issuing requests after this many seconds.")] = 120.0,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Latency (p50/p95/p99) and requests/s of the web pages and API, on a server started on loopback."""
    from newsledger.evaluation import serve as bench

    try:
        result = bench.run(db or DEFAULT_DB, requests=requests, concurrency=concurrency, max_seconds=max_seconds)
    except (LedgerError, RuntimeError) as error:
        raise _fail(str(error)) from error
    _print(result, bench.render, json_output)



@bench_app.command("stories")
def bench_stories(
    data: Annotated[Path, typer.Option(help="Folder in ECB+ layout (topic folders of XML documents).")],
    topics: TopicsOption = None,
    seed: Annotated[int, typer.Option(help="Seed of the shuffled arrival order.")] = 0,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Streaming story clustering of ECB+ documents against topics and sub-topics (B³, pairwise, ARI)."""
    from newsledger.evaluation import ecbplus
    from newsledger.evaluation import stories as bench

    _print(bench.run(data, ecbplus.parse_topics(topics), seed, model), bench.render, json_output)


@bench_app.command("coref")
def bench_coref(
    data: Annotated[Path, typer.Option(help="Folder in ECB+ layout, with ECBplus_coreference_sentences.csv.")],
    mentions: Annotated[str, typer.Option(help="gold or predicted event mentions.")] = "gold",
    topics: TopicsOption = None,
    doc_clusters: Annotated[str, typer.Option(help="Document clusters to resolve within: subtopic or topic (gold), or stories (our linker).")] = "subtopic",
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Cross-document event coreference on ECB+ (MUC, B³, CEAF-e, CoNLL F1), with the lemma baseline beside it.

    The model is trained by `python -m newsledger.training.coref`.
    """
    from newsledger.evaluation import coref as bench
    from newsledger.evaluation import ecbplus

    if mentions not in ("gold", "predicted"):
        raise typer.BadParameter("--mentions must be gold or predicted")
    if doc_clusters not in ("subtopic", "topic", "stories"):
        raise typer.BadParameter("--doc-clusters must be subtopic, topic or stories")
    result = bench.run(data, mentions, ecbplus.parse_topics(topics), doc_clusters, model=model)
    _print(result, bench.render, json_output)


@bench_app.command("scale")
def bench_scale(
    sizes: Annotated[str, typer.Option(help="Stream sizes, comma-separated.")] = "10000,100000",
    data: Annotated[Path, typer.Option(help="Datasets root holding polnear/, fnc1/ and ecbplus/.")] = Path("../shared/datasets"),
    seed: Annotated[int, typer.Option(help="Seed of the resampling.")] = 0,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Linking cost at scale: per-article time and peak memory on resampled streams of real articles."""
    from newsledger.evaluation import scale as bench

    counts = [int(size) for size in sizes.split(",") if size.strip()]
    if not counts or min(counts) < 10:
        raise typer.BadParameter("--sizes are stream lengths of at least 10 (the bench times the last tenth)")
    _print(bench.run(data, counts, seed), bench.render, json_output)


@bench_app.command("stance")
def bench_stance(
    data: Annotated[Optional[Path], typer.Option(help="FNC-1 folder: train_* files (scores the dev pairs of the model's held-out topic split) or competition_test_* files.")] = None,
    csv: Annotated[Optional[Path], typer.Option(help="Any labelled CSV of (claim, text, label) instead of --data.")] = None,
    claim_col: Annotated[Optional[str], typer.Option(help="With --csv: the claim column.")] = None,
    text_col: Annotated[Optional[str], typer.Option(help="With --csv: the text column.")] = None,
    label_col: Annotated[Optional[str], typer.Option(help="With --csv: the label column.")] = None,
    label_map: Annotated[Optional[str], typer.Option("--map", help="With --csv: labels to stances, e.g. a=agree,b=disagree,c=discuss,d=unrelated.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Stance of a text toward a claim (agree, disagree, discuss, unrelated): FNC score, per-class P/R/F1, macro-F1.

    The model is trained by `python -m newsledger.training.stance`.
    """
    from newsledger.evaluation import stance as bench

    if (data is None) == (csv is None):
        raise typer.BadParameter("give either --data or --csv")
    mapping = bench.parse_label_map(label_map) if label_map else None
    result = bench.run(data=data, csv=csv, claim_col=claim_col, text_col=text_col, label_col=label_col, label_map=mapping)
    _print(result, bench.render, json_output)


@bench_app.command("geoparse")
def bench_geoparse(
    data: Annotated[Path, typer.Option(help="Geoparsing corpus in the LGL XML layout (LGL, GeoWebNews, TR-News).")],
    gazetteer: Annotated[Optional[Path], typer.Option(help="GeoNames dump (allCountries.txt, cities500.txt, .zip/.gz) [default: the packaged gazetteer].")] = None,
    split: Annotated[str, typer.Option(help="all, or the fixed LGL development split: tune (4/5) or dev (1/5).")] = "all",
    end_to_end: Annotated[bool, typer.Option("--end-to-end", help="Also find the toponyms with spaCy and the gazetteer (slower), and score spans.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy model for --end-to-end.")] = None,
    outlet_homes: Annotated[bool, typer.Option("--outlet-homes/--no-outlet-homes", help="Also score with each outlet's home learned from its other articles in --data.")] = True,
    texts: Annotated[Optional[Path], typer.Option(help="Folder the articles of an offsets-only file are read from (their docids are paths under it), e.g. ../shared/datasets for benchmarks/geoparse/global.xml.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Toponym resolution (gold toponyms given): acc@161 km, exact GeoNames id, error km; gazetteer load time and memory."""
    from newsledger.evaluation import geoparse
    from newsledger.geo.gazetteer import GazetteerError

    try:
        result = geoparse.run(data, gazetteer, split=split, end_to_end=end_to_end, model=model, outlet_homes=outlet_homes,
                              texts=texts)
    except ValueError as error:  # GeoparseDataError, GazetteerError, a wrong --split
        if isinstance(error, (geoparse.GeoparseDataError, GazetteerError)):
            raise _fail(str(error)) from error
        raise typer.BadParameter(str(error)) from error
    _print(result, geoparse.render, json_output)


@bench_app.command("reconcile")
def bench_reconcile(
    data: Annotated[Path, typer.Option(help="Folder in ECB+ layout holding the gold items' documents.")],
    gold: Annotated[Optional[Path], typer.Option(help="Gold JSONL of cross-source slot comparisons [default: the bundled benchmarks/reconcile/gold.jsonl].")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision and recall of disputed and corroborated decisions on cross-source slot comparisons."""
    from newsledger.evaluation import reconcile as bench

    _print(bench.run(data, gold), bench.render, json_output)


@bench_app.command("clean")
def bench_clean(
    data: Annotated[Path, typer.Option(help="Folder with articles.jsonl (the gva/ layout).")],
    labels: Annotated[Optional[Path], typer.Option(help="Per-paragraph judgments (TSV: article, paragraph, excerpt, verdict) [default: the bundled benchmarks/clean/gva_check.tsv].")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision and recall of removing text that is not the article, per paragraph, against hand judgments."""
    from newsledger.evaluation import clean

    try:
        result = clean.run(data, labels)
    except (OSError, ValueError, KeyError) as error:
        raise _fail(f"cannot score cleaning: {error}") from error
    _print(result, clean.render, json_output)


@bench_app.command("plover")
def bench_plover(
    data: Annotated[Path, typer.Option(help="PLOVER GSR JSON (PLOVER_GSR_CAMEO.txt) or PETRARCH validation XML.")],
    cameo_map: Annotated[Optional[Path], typer.Option(help="With PETRARCH XML: the CAMEO2PLOVER file mapping CAMEO codes to PLOVER 2021.")] = None,
    cross_validate: Annotated[int, typer.Option(help="Refit the model on K-1 folds of --data (GSR layout) and score the rest, K times [0: use the shipped model].")] = 0,
    model: Annotated[Optional[Path], typer.Option(help="A trained typer model (.json.gz) [default: the shipped one].")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """PLOVER event typing: type accuracy, macro-F1, mode/context accuracy, actor-country accuracy; lexicon alone,
    model, and the shipped hybrid."""
    from newsledger.evaluation import plover as bench

    try:
        result = bench.run(data, cameo_map, cross_validate=cross_validate, model_path=model)
    except bench.PloverDataError as error:
        raise _fail(str(error)) from error
    _print(result, bench.render, json_output)


if __name__ == "__main__":  # pragma: no cover
    app()
