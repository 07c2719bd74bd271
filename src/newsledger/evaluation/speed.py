"""`newsledger bench speed`: end-to-end ingest against bare spaCy on the same texts, in one run.

The ratio (ingest throughput / nlp.pipe throughput) says what everything but the parse costs: reading,
cleaning, extraction, linking and storage. Per-stage seconds show where that cost goes.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from newsledger.annotate.nlp import load, model_name
from newsledger.api import Ledger
from newsledger.config import BATCH_SIZE


def run(data: Path, limit: int | None = None, model: str | None = None, content_model: bool = True) -> dict[str, Any]:
    paths = sorted(data.rglob("*.txt"))[:limit]
    if not paths:
        raise FileNotFoundError(f"no .txt files under {data}")
    texts = [path.read_text(encoding="utf-8") for path in paths]
    nlp = load(model)
    list(nlp.pipe(texts[:4]))  # warm-up: first calls allocate

    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    bare_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        with Ledger(Path(folder) / "bench.db", model=model, content_model=content_model) as ledger:
            started = time.perf_counter()
            report = ledger.ingest(paths)
            ingest_seconds = time.perf_counter() - started
            stages = ledger.stage_seconds

    parse = stages.get("annotate", 0.0)
    return {
        "data": str(data),
        "model": model_name(model),
        "content_model": content_model,
        "articles": len(texts),
        "ingested": len(report.ingested),
        "tokens": tokens,
        "nlp_pipe": {"seconds": bare_seconds, "tokens_per_s": tokens / bare_seconds, "articles_per_s": len(texts) / bare_seconds},
        "ingest": {"seconds": ingest_seconds, "tokens_per_s": tokens / ingest_seconds, "articles_per_s": len(texts) / ingest_seconds},
        "ratio": bare_seconds / ingest_seconds,
        "stage_seconds": stages,
        "attribution_over_parse": stages.get("attributions", 0.0) / parse if parse else None,
    }


def render(result: dict[str, Any]) -> str:
    bare, full = result["nlp_pipe"], result["ingest"]
    lines = [
        f"{result['articles']} articles, {result['tokens']} tokens, model {result['model']}"
        + (", with the content ranker" if result.get("content_model") else ", rules' content edges"),
        f"{'':12}{'seconds':>10}{'tokens/s':>12}{'articles/s':>12}",
        f"{'nlp.pipe':12}{bare['seconds']:>10.1f}{bare['tokens_per_s']:>12.0f}{bare['articles_per_s']:>12.2f}",
        f"{'ingest':12}{full['seconds']:>10.1f}{full['tokens_per_s']:>12.0f}{full['articles_per_s']:>12.2f}",
        f"ratio ingest/nlp.pipe: {result['ratio']:.3f}",
        "stage seconds: " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in result["stage_seconds"].items()),
    ]
    if result["attribution_over_parse"] is not None:
        lines.append(f"attribution time / parse time: {result['attribution_over_parse']:.3f}")
    return "\n".join(lines)
