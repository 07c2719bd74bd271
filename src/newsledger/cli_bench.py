"""`newsledger bench …`: the benchmark commands, a thin layer over `newsledger.evaluation` (each imports its
evaluation module only when it runs, so `newsledger --help` stays fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from newsledger.cli_support import DbOption, _fail, _print, err
from newsledger.store.ledger import DEFAULT_DB, LedgerError

bench_app = typer.Typer(help="Measure accuracy and speed on benchmark data.", no_args_is_help=True)

TopicsOption = Annotated[
    Optional[str], typer.Option(help="Topics to evaluate, e.g. 23,24,25 or 1-22 [default: every topic in --data].")
]


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


@bench_app.command("hostile")
def bench_hostile(
    case: Annotated[list[str] | None, typer.Option("--case", help="A case to run (repeatable) [default: all].")] = None,
    scale: Annotated[float, typer.Option(min=0.001, help="Size of the inputs; 1 is the size issue 21 reported.")] = 1.0,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Pathological inputs (quotation marks, a 2 MB sentence, 200,000 tiny paragraphs…) beside good articles:
    seconds and peak memory of `newsledger ingest` on each, and whether the good articles were stored."""
    from newsledger.evaluation import hostile

    unknown = sorted(set(case or []) - set(hostile.CASES))
    if unknown:
        raise typer.BadParameter(f"unknown case {', '.join(unknown)}; the cases: {', '.join(hostile.CASES)}")
    _print(hostile.run(case, scale=scale, model=model), hostile.render, json_output)


@bench_app.command("growth")
def bench_growth(
    data: Annotated[Path, typer.Option(help="Folder with the GVA articles.jsonl.")] = Path("../shared/datasets/gva"),
    articles: Annotated[int, typer.Option(min=10, help="Articles of the story the two articles are added to.")] = 5000,
    keep: Annotated[Path | None, typer.Option(help="Write the inputs and the ledger in this folder (else a new "
                                              "temporary one); the run's folder is printed.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """A ledger holding one story of N articles, then two one-sentence articles added, each by its own
    `newsledger ingest`: seconds and peak memory of each step (issue 21)."""
    from newsledger.evaluation import growth

    try:
        result = growth.run(data, articles, model=model, keep=keep)
    except growth.GrowthDataError as error:
        raise _fail(str(error)) from error
    _print(result, growth.render, json_output)


@bench_app.command("speed")
def bench_speed(
    data: Annotated[Path, typer.Option(help="Folder of .txt articles (searched recursively).")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N texts.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    content_model: Annotated[bool, typer.Option("--content-model/--no-content-model", help="Ingest with the learned content ranker, as `ingest` does by default.")] = True,
    workers: Annotated[str, typer.Option(help="Worker counts to ingest with, comma-separated, e.g. 1,2.")] = "1",
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """End-to-end ingest throughput against bare single-process spaCy nlp.pipe on the same texts, with each worker
    count asked for (tokens/s, articles/s, speed-ups)."""
    from newsledger.evaluation import speed

    result = speed.run(data, limit=limit, model=model, content_model=content_model, workers=_counts(workers))
    _print(result, speed.render, json_output)


def _counts(text: str) -> tuple[int, ...]:
    """Worker counts from "1,2": distinct, positive, in the order given."""
    try:
        counts = tuple(dict.fromkeys(int(part) for part in text.split(",") if part.strip()))
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        raise typer.BadParameter(f"--workers takes positive counts separated by commas, e.g. 1,2, not {text!r}")
    return counts


@bench_app.command("cluster")
def bench_cluster(
    data: Annotated[Path, typer.Option(help="Folder of .txt articles (searched recursively).")],
    workers: Annotated[str, typer.Option(help="Worker processes of the local Dask cluster, comma-separated.")] = "1,2",
    limit: Annotated[int | None, typer.Option(help="Use only the first N texts.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model name.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Ingest throughput through a local Dask cluster of each worker count, and its cost against the local
    worker pool with as many workers (needs pip install 'newsledger[cluster]')."""
    try:
        from newsledger.evaluation import cluster
    except ImportError as error:
        raise _fail(f"bench cluster needs Dask: pip install 'newsledger[cluster]' ({error})") from error

    _print(cluster.run(data, _counts(workers), limit=limit, model=model), cluster.render, json_output)


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
    newsledger.training.attribution_cues` and `attribution_content` (needs scikit-learn: pip install -e '.[train]').
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



@bench_app.command("archive")
def bench_archive(
    db: DbOption = None,
    grow_from: Annotated[Path | None, typer.Option(help="First make --db, a new SQLite file, by copying this real ledger's rows under new ids until it holds --articles.")] = None,
    articles: Annotated[int, typer.Option(min=1, help="Articles to grow --db to (with --grow-from).")] = 100_000,
    formats: Annotated[str, typer.Option(help="Export formats to measure, comma-separated.")] = "jsonl,json,parquet",
    probe: Annotated[Path | None, typer.Option(help="An article text to ingest once as a restarted ingest (made new by a line with the time); the ledger keeps it.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """A large ledger's cost to its readers and next writer: serve's start and memory, each export's time and
    peak memory, a restarted ingest's time to store one new article."""
    from newsledger.evaluation import archive, resample

    location = db or DEFAULT_DB
    try:
        if grow_from is not None:
            made = resample.grow(grow_from, Path(location), articles)
            err.print(f"made {location}: {made:,} articles copied from {grow_from}")
        result = archive.run(location, tuple(f for f in formats.split(",") if f), probe)
    except (LedgerError, RuntimeError) as error:
        raise _fail(str(error)) from error
    _print(result, archive.render, json_output)


@bench_app.command("search")
def bench_search(db: DbOption = None,
                 json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False) -> None:
    """Known-item search: each titled article's story, asked for with three words of its title (top-1, top-10,
    MRR, latency)."""
    from newsledger.evaluation import search_quality

    try:
        result = search_quality.run(db or DEFAULT_DB)
    except (LedgerError, RuntimeError) as error:
        raise _fail(str(error)) from error
    _print(result, search_quality.render, json_output)


@bench_app.command("near-duplicates")
def bench_near_duplicates(
    data: Annotated[Path, typer.Option(help="Datasets root holding polnear/ and ecbplus/.")] = Path("../shared/datasets"),
    copies: Annotated[int, typer.Option(min=1, help="Near-copies to make of randomly chosen texts.")] = 300,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """The linker's bottom-k sketch beside datasketch MinHash + LSH (needs `pip install datasketch`): estimate
    error, near-copies found, and time per text."""
    from newsledger.evaluation import near_duplicates

    _print(near_duplicates.run(data, copies=copies), near_duplicates.render, json_output)


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
    online: Annotated[bool, typer.Option("--online", help="Also score each document cluster resolved online, as a large story is: its second half of documents placed among the first half's clusters.")] = False,
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
    result = bench.run(data, mentions, ecbplus.parse_topics(topics), doc_clusters, model=model, online=online)
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


@bench_app.command("denials")
def bench_denials(
    data: Annotated[Path, typer.Option(help="TSV of denied / no-comment findings judged by hand (benchmarks/denials/*.tsv).")],
    ledger: Annotated[Path, typer.Option(help="The ledger (SQLite) the judged findings were drawn from.")],
    half: Annotated[str, typer.Option(help="Rows to score: report (the held-out half), tune or all.")] = "report",
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision of "denied" and "no comment" findings, recomputed from a ledger, on findings judged by hand."""
    from newsledger.evaluation import denials

    try:
        result = denials.run(data, ledger, half)
    except denials.DenialsDataError as error:
        raise _fail(str(error)) from error
    _print(result, denials.render, json_output)


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


@bench_app.command("extract")
def bench_extract(
    data: Annotated[Path, typer.Option(help="Folder with html/<key>.html.gz pages (the Article Extraction Benchmark layout).")],
    truth: Annotated[Optional[Path], typer.Option(help="JSON of {key: {articleBody, url}} [default: DATA/ground-truth.json].")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """The clean text of web pages against their true article bodies (shingle P/R/F1), beside bare trafilatura;
    pages lost; the share of pages with a title, a date and an outlet."""
    from newsledger.evaluation import extraction

    try:
        result = extraction.run(data, truth)
    except (OSError, ValueError, KeyError) as error:
        raise _fail(f"cannot score extraction: {error}") from error
    _print(result, extraction.render, json_output)
