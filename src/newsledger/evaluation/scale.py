"""`newsledger bench scale`: does linking cost per article stay flat as the ledger grows?

A pool of real articles is annotated once (ECB+ documents, FNC-1 bodies, PolNeAR texts: parse, entities,
events, ``article_features``). A stream of N articles is then drawn from the pool with light perturbation —
a fifth of the terms dropped, two terms of other articles added, one in ten keys dropped, a date spread over
N / ARTICLES_PER_DAY days, its entities renamed per month (the same kind of event with other actors, so
stories stay the size of real ones while common keys recur across the whole stream), and the near-duplicate
sketch kept for one article in ten (a syndicated copy) and half replaced otherwise — and only the linking
stage (``StoryLinker.assign``) is timed, in thread CPU time (other processes on a shared machine do not count).
Each size runs in a fresh spawned process. Memory is given three ways: the growth of RSS and of peak RSS
(VmHWM, reset when the stream starts) over the stream, and the bytes of the linker's own object graph (``deep_size``), beside the
bytes of the stream's features as JSON — what the ledger stores for linking, which grows with the articles.
"""

from __future__ import annotations

import csv
import gc
import json
import multiprocessing
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any

from newsledger.evaluation.ecbplus import read_corpus
from newsledger.evaluation.stories import features_of
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
    """Link a stream of ``size`` articles; time each ``assign`` in CPU time, so other processes on the machine
    do not count, and weigh what the linker keeps against what the ledger stores."""
    _reset_peak()
    rss_before = _status("VmRSS")
    rng = random.Random(seed)
    vocabulary = sorted({t for f in pool for t in f["terms"]})
    linker = StoryLinker()
    days = max(1, size // ARTICLES_PER_DAY)
    cpu_ns = 0
    last_tenth_ns = 0  # the end of the stream, once every bounded structure (postings, centroids) has filled up
    ledger_bytes = 0
    for i in range(size):
        features = perturb(rng.choice(pool), rng, vocabulary, START + timedelta(days=i * days // size))
        ledger_bytes += len(json.dumps(features))
        started = time.thread_time_ns()
        linker.assign(f"a{i}", features)
        spent = time.thread_time_ns() - started
        cpu_ns += spent
        if i >= size - size // 10:
            last_tenth_ns += spent
    gc.collect()
    return {
        "articles": size,
        "stories": len(linker.stories),
        "largest_story": max(len(story.articles) for story in linker.stories.values()),
        "duplicates": len(linker.duplicate_of),
        "cpu_seconds": cpu_ns / 1e9,
        "ms_per_article": cpu_ns / 1e6 / size,
        "ms_per_article_last_tenth": last_tenth_ns / 1e6 / max(1, size // 10),
        "rss_growth_mb": (_status("VmRSS") - rss_before) / 1024,
        "peak_growth_mb": (_status("VmHWM") - rss_before) / 1024,
        "linker_mb": deep_size(linker) / 2**20,
        "ledger_features_mb": ledger_bytes / 2**20,
    }


def deep_size(root: object) -> int:
    """Bytes held by an object graph (``sys.getsizeof`` of every object reachable once, classes and modules
    excluded): the linker's state, independent of what else the process holds."""
    seen: set[int] = set()
    stack = [root]
    total = 0
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (type, ModuleType, FunctionType)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif hasattr(item, "__dict__"):
            stack.append(vars(item))
        if hasattr(type(item), "__slots__"):
            stack.extend(getattr(item, name) for name in type(item).__slots__ if hasattr(item, name))
    return total


def _reset_peak() -> None:
    """Start the peak RSS (VmHWM) afresh, so it measures the stream and not the start-up (Linux)."""
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
    """Each size in a fresh (spawned) process, so its peak RSS and its caches owe nothing to the others."""
    pool = build_pool(Path(datasets), per_source, seed)
    context = multiprocessing.get_context("spawn")
    results = []
    for size in sizes:
        queue = context.Queue()
        process = context.Process(target=_child, args=(pool, size, seed, queue))
        process.start()
        results.append(queue.get())
        process.join()
    base = results[0]
    for result in results:
        result["time_ratio_to_first"] = result["ms_per_article"] / base["ms_per_article"]
        result["last_tenth_ratio_to_first"] = result["ms_per_article_last_tenth"] / base["ms_per_article_last_tenth"]
        result["linker_kb_per_article"] = 1024 * result["linker_mb"] / result["articles"]
        result["ledger_kb_per_article"] = 1024 * result["ledger_features_mb"] / result["articles"]
    return {"datasets": str(datasets), "pool": len(pool), "seed": seed, "clock": "thread CPU time", "sizes": results}


def render(result: dict[str, Any]) -> str:
    header = (f"{'articles':>10}{'stories':>9}{'largest':>9}{'dups':>8}{'CPU s':>8}{'ms/article':>12}{'× first':>9}"
              f"{'last 10%':>10}{'× first':>9}"
              f"{'RSS+ MB':>9}{'peak+ MB':>10}{'linker MB':>11}{'ledger MB':>11}{'linker/ledger':>15}")
    lines = [f"pool of {result['pool']} annotated articles, linking stage only, {result['clock']}", header]
    for r in result["sizes"]:
        lines.append(f"{r['articles']:>10}{r['stories']:>9}{r['largest_story']:>9}{r['duplicates']:>8}"
                     f"{r['cpu_seconds']:>8.1f}{r['ms_per_article']:>12.3f}{r['time_ratio_to_first']:>9.2f}"
                     f"{r['ms_per_article_last_tenth']:>10.3f}{r['last_tenth_ratio_to_first']:>9.2f}"
                     f"{r['rss_growth_mb']:>9.0f}{r['peak_growth_mb']:>10.0f}{r['linker_mb']:>11.1f}"
                     f"{r['ledger_features_mb']:>11.1f}{r['linker_mb'] / r['ledger_features_mb']:>15.2f}")
    return "\n".join(lines)
