"""`newsledger bench scale`: does linking cost per article stay flat as the ledger grows?

A pool of real articles is annotated once (ECB+ documents, FNC-1 bodies, PolNeAR texts: parse, entities,
events, ``article_features``). A stream of N articles is then drawn from the pool with light perturbation —
a fifth of the terms dropped, two terms of other articles added, one in ten keys dropped, a date spread over
N / ARTICLES_PER_DAY days, its entities renamed per month (the same kind of event with other actors, so
stories stay the size of real ones while common keys recur across the whole stream), and the near-duplicate
sketch kept for one article in ten (a syndicated copy) and half replaced otherwise — and only the linking
stage (``StoryLinker.assign``) is timed. Each size runs in a forked process; its memory is the growth of peak
RSS over the process's RSS when the stream starts (Linux /proc; the peak is reset with clear_refs).
"""

from __future__ import annotations

import csv
import multiprocessing
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from newsledger.bench.ecbplus import read_corpus
from newsledger.bench.stories import features_of
from newsledger.link.stories import StoryLinker, _unit

ARTICLES_PER_DAY = 300
START = date(2024, 1, 1)


class _Text:
    """A pool article given as plain text, shaped like an ECB+ document for ``features_of``."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text


def build_pool(datasets: Path, per_source: int = 150, seed: int = 0) -> list[dict[str, Any]]:
    """Features of real articles: ECB+ documents, FNC-1 bodies and PolNeAR texts (``per_source`` of each)."""
    rng = random.Random(seed)
    texts: list[_Text] = []
    ecb = read_corpus(datasets / "ecbplus")
    texts += rng.sample(ecb, min(per_source, len(ecb)))
    bodies = datasets / "fnc1" / "train_bodies.csv"
    if bodies.exists():
        with bodies.open(encoding="utf-8", errors="replace", newline="") as handle:  # a few cp1252 bytes
            rows = list(csv.DictReader(handle))
        texts += [_Text(f"fnc-{r['Body ID']}", r["articleBody"]) for r in rng.sample(rows, min(per_source, len(rows)))]
    polnear = sorted((datasets / "polnear").rglob("*.txt"))
    texts += [_Text(f"polnear-{p.stem}", p.read_text(encoding="utf-8")) for p in rng.sample(polnear, min(per_source, len(polnear)))]
    features = features_of(texts)
    return list(features.values())


def perturb(features: dict[str, Any], rng: random.Random, vocabulary: list[str], day: date) -> dict[str, Any]:
    month = f"~{day.year}-{day.month}"
    entities = {e + month: w for e, w in features["entities"].items()}
    kept = {t: w for t, w in features["terms"].items() if rng.random() > 0.2}
    terms = _unit(kept | dict.fromkeys(rng.sample(vocabulary, 2), 0.1))
    sketch = features["sketch"]
    if rng.random() > 0.1:
        sketch = sorted(h for h in sketch if rng.random() > 0.5)
    return {
        **features,
        "terms": terms,
        "entities": entities,
        "names": {e + month: name for e, name in features["names"].items()},
        "keys": [k + month if k in features["entities"] else k for k in features["keys"] if rng.random() > 0.1],
        "sketch": sketch,
        "date": day.isoformat(),
    }


def _measure(pool: list[dict[str, Any]], size: int, seed: int) -> dict[str, Any]:
    _reset_peak()
    start_rss = _status("VmRSS")
    rng = random.Random(seed)
    vocabulary = sorted({t for f in pool for t in f["terms"]})
    linker = StoryLinker()
    days = max(1, size // ARTICLES_PER_DAY)
    seconds = 0.0
    for i in range(size):
        features = perturb(rng.choice(pool), rng, vocabulary, START + timedelta(days=i * days // size))
        started = time.perf_counter()
        linker.assign(f"a{i}", features)
        seconds += time.perf_counter() - started
    return {
        "articles": size,
        "stories": len(linker.stories),
        "duplicates": len(linker.duplicate_of),
        "seconds": seconds,
        "ms_per_article": 1000 * seconds / size,
        "memory_mb": (_status("VmHWM") - start_rss) / 1024,
    }


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _status(field: str) -> int:
    """A /proc/self/status figure in kB (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _child(pool, size, seed, queue) -> None:
    queue.put(_measure(pool, size, seed))


def run(datasets: Path, sizes: list[int] = (10_000, 100_000), seed: int = 0, per_source: int = 150) -> dict[str, Any]:
    pool = build_pool(Path(datasets), per_source, seed)
    context = multiprocessing.get_context("fork")
    results = []
    for size in sizes:
        queue = context.Queue()
        process = context.Process(target=_child, args=(pool, size, seed, queue))
        process.start()
        results.append(queue.get())
        process.join()
    base = results[0]["ms_per_article"]
    for result in results:
        result["ratio_to_first"] = result["ms_per_article"] / base
    return {"datasets": str(datasets), "pool": len(pool), "seed": seed, "sizes": results}


def render(result: dict[str, Any]) -> str:
    lines = [f"pool of {result['pool']} annotated articles, linking stage only",
             f"{'articles':>10}{'stories':>10}{'dups':>8}{'seconds':>10}{'ms/article':>12}{'× first':>9}{'MB':>8}"]
    for r in result["sizes"]:
        lines.append(f"{r['articles']:>10}{r['stories']:>10}{r['duplicates']:>8}{r['seconds']:>10.1f}"
                     f"{r['ms_per_article']:>12.3f}{r['ratio_to_first']:>9.2f}{r['memory_mb']:>8.0f}")
    return "\n".join(lines)
