"""`newsledger bench speed`: end-to-end ingest against bare spaCy on the same texts, in one run.

The bare parse is single-process ``nlp.pipe``; then the texts are ingested once per worker count asked for
(``--workers 1,2``). Ingest with one worker over ``nlp.pipe`` says what everything but the parse costs (reading,
cleaning, extraction, linking, storage); ingest with N workers over ingest with one is the speed-up of the
worker pool, bounded by what stays in the parent (reading, linking, storing, and resolving at the end).
Per-stage seconds show where the time goes (with workers, the per-article stages' seconds are summed over them).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from newsledger.annotate.nlp import load, model_name
from newsledger.api import Ledger
from newsledger.config import BATCH_SIZE, Config


def run(data: Path, limit: int | None = None, model: str | None = None, content_model: bool = True,
        workers: tuple[int, ...] = (1,)) -> dict[str, Any]:
    paths = sorted(data.rglob("*.txt"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no .txt files under {data}")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    nlp = load(model)
    list(nlp.pipe(texts[:4]))  # warm-up: first calls allocate

    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    bare_seconds = time.perf_counter() - started

    runs = {}
    for count in workers:
        with tempfile.TemporaryDirectory() as folder:
            config = Config(model=model, content_model=content_model, workers=count)
            with Ledger(Path(folder) / "bench.db", config=config) as ledger:
                load.cache_clear()  # each run loads its models, as a fresh `newsledger ingest` does
                started = time.perf_counter()
                report = ledger.ingest(paths)
                seconds = time.perf_counter() - started
                stages = ledger.stage_seconds
        runs[count] = {**_rates(seconds, tokens, len(texts)), "ingested": len(report.ingested),
                       "over_nlp_pipe": bare_seconds / seconds, "stage_seconds": stages,
                       "worker_peak_mb": [peak / 2**20 for peak in report.worker_peak_rss]}
    if 1 in runs:
        for figures in runs.values():
            figures["over_one_worker"] = runs[1]["seconds"] / figures["seconds"]
    first = runs[workers[0]]["stage_seconds"]
    parse = first.get("annotate", 0.0)
    return {
        "data": str(data),
        "model": model_name(model),
        "content_model": content_model,
        "articles": len(texts),
        "tokens": tokens,
        "nlp_pipe": _rates(bare_seconds, tokens, len(texts)),
        "ingest": runs,
        "attribution_over_parse": first.get("attributions", 0.0) / parse if parse else None,
    }


def _rates(seconds: float, tokens: int, articles: int) -> dict[str, float]:
    return {"seconds": seconds, "tokens_per_s": tokens / seconds, "articles_per_s": articles / seconds}


def render(result: dict[str, Any]) -> str:
    bare = result["nlp_pipe"]
    lines = [
        f"{result['articles']} articles, {result['tokens']} tokens, model {result['model']}"
        + (", with the content ranker" if result.get("content_model") else ", rules' content edges"),
        f"{'':20}{'seconds':>10}{'tokens/s':>12}{'articles/s':>12}{'× nlp.pipe':>12}{'× 1 worker':>12}",
        f"{'nlp.pipe, 1 process':20}{bare['seconds']:>10.1f}{bare['tokens_per_s']:>12.0f}{bare['articles_per_s']:>12.2f}",
    ]
    for count, run in result["ingest"].items():
        versus_one = f"{run['over_one_worker']:>12.2f}" if "over_one_worker" in run else ""
        lines.append(f"{f'ingest, {count} worker(s)':20}{run['seconds']:>10.1f}{run['tokens_per_s']:>12.0f}"
                     f"{run['articles_per_s']:>12.2f}{run['over_nlp_pipe']:>12.2f}{versus_one}")
    for count, run in result["ingest"].items():
        memory = ", ".join(f"{peak:,.0f} MB" for peak in run["worker_peak_mb"])
        lines.append(f"{count} worker(s), stage seconds: "
                     + ", ".join(f"{name} {seconds:.2f}" for name, seconds in run["stage_seconds"].items())
                     + (f"; peak memory per worker: {memory}" if memory else ""))
    if result["attribution_over_parse"] is not None:
        lines.append(f"attribution time / parse time: {result['attribution_over_parse']:.3f}")
    return "\n".join(lines)
