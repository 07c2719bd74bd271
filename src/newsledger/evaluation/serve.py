"""`newsledger bench serve`: latency and throughput of the web pages and the API, measured over HTTP.

The server runs in its own process (as in production, and so client threads do not compete with it for the
GIL), on a free loopback port, without access logs. Each endpoint gets the same fixed number of requests,
``concurrency`` at a time, cycling over paths picked from the ledger so that stories, articles and entities of
every size are hit; one warm-up pass over those paths fills the caches first. Requests stop at the time bound.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import httpx
from sqlalchemy import func, select

from newsledger.store import schema as t
from newsledger.store.ledger import Store
from newsledger.store.search import words

SAMPLES = 20  # distinct paths per endpoint


def run(location: str, requests: int = 200, concurrency: int = 4, max_seconds: float = 120.0) -> dict[str, Any]:
    with Store(location, readonly=True) as store:
        targets = endpoints(store)
    port = _free_port()
    log = tempfile.TemporaryFile()  # not a pipe: a pipe nobody reads blocks a chatty server
    server = subprocess.Popen(
        [sys.executable, "-m", "newsledger.evaluation.serve", location, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = _wait_until_up(base, server, log)
        deadline = time.monotonic() + max_seconds
        results = {name: _load(base, paths, requests, concurrency, deadline) for name, paths in targets.items()}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return {
        "db": location,
        "requests_per_endpoint": requests,
        "concurrency": concurrency,
        "startup_seconds": started,
        "endpoints": results,
    }


def endpoints(store: Store) -> dict[str, list[str]]:
    """Paths per endpoint: stories, articles and entities spread over every size, search words from titles."""
    with store.engine.connect() as connection:
        sizes = connection.execute(
            select(t.story_articles.c.story, func.count().label("size"))
            .group_by(t.story_articles.c.story)
            .order_by("size", "story")
        ).all()
        articles = connection.execute(select(t.articles.c.id).order_by(t.articles.c.seq)).scalars().all()
        entities = connection.execute(
            select(t.mentions.c.entity, func.count().label("n")).group_by(t.mentions.c.entity).order_by("n", "entity")
        ).all()
        titles = connection.execute(select(t.articles.c.title).where(t.articles.c.title.is_not(None))).scalars().all()
    stories = [row.story for row in sizes]
    common = [w for w, _ in Counter(w for title in titles for w in words(title) if len(w) > 4).most_common(SAMPLES)]
    queries = common[: SAMPLES // 2] + [f"{a} {b}" for a, b in zip(common, common[1:], strict=False)][: SAMPLES // 2]
    queries = queries or ["the"]
    return {
        "story list": ["/", "/?sort=size", "/?from=2016-01-01&to=2016-12-31"],
        "story page": [f"/stories/{s}" for s in _spread(stories)],
        "article page": [f"/articles/{a}" for a in _spread(articles)],
        "entity page": [f"/entities/{row.entity}" for row in _spread(entities)],
        "search": [f"/?{urlencode({'q': q})}" for q in queries],
        "api stories": ["/api/v1/stories?limit=100"],
        "api articles": ["/api/v1/articles?limit=100"],
        "api attributions": ["/api/v1/attributions?limit=100"],
        "api entities": ["/api/v1/entities?limit=100"],
        "api search": [f"/api/v1/search?{urlencode({'q': q})}" for q in queries],
    }


def _spread(items: list[Any]) -> list[Any]:
    """SAMPLES items evenly spaced over a list sorted by size, always including the largest."""
    if len(items) <= SAMPLES:
        return list(items)
    step = (len(items) - 1) / (SAMPLES - 1)
    return [items[round(i * step)] for i in range(SAMPLES)]


def _load(base: str, paths: list[str], requests: int, concurrency: int, deadline: float) -> dict[str, Any]:
    local = threading.local()

    def fetch(path: str) -> tuple[float, int]:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=60)
        started = time.perf_counter()
        if time.monotonic() > deadline:
            return -1.0, 0
        status = local.client.get(path).status_code
        return time.perf_counter() - started, status

    with ThreadPoolExecutor(concurrency) as pool:
        first = list(pool.map(fetch, paths))  # the first visit of each path fills the caches: reported apart
        started = time.perf_counter()
        timed = list(pool.map(fetch, (paths[i % len(paths)] for i in range(requests))))
        wall = time.perf_counter() - started
    done = [(seconds, status) for seconds, status in timed if seconds >= 0]
    return {
        **_stats([seconds for seconds, _ in done]),
        "requests": len(done),
        "errors": sum(1 for _, status in done + first if status != 200),
        "truncated": len(done) < requests,
        "requests_per_s": len(done) / wall if done else 0.0,
        "first_visit": _stats([seconds for seconds, _ in first if seconds >= 0]),
    }


def _stats(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {}
    latencies = sorted(s * 1000 for s in seconds)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"p50_ms": cuts[49], "p95_ms": cuts[94], "p99_ms": cuts[98], "max_ms": latencies[-1]}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(base: str, server: subprocess.Popen, log, timeout: float = 300.0) -> float:
    """Seconds until the server answers (it builds its search index first)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped before answering: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/api/v1/findings", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['db']}: {result['requests_per_endpoint']} requests per endpoint, {result['concurrency']} at a time "
        f"(after a first visit of each path, reported apart); server up in {result['startup_seconds']:.1f} s",
        f"{'endpoint':18}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'req/s':>9}{'errors':>8}"
        f"{'first visits p50/p95/max ms':>32}",
    ]
    for name, row in result["endpoints"].items():
        if not row["requests"]:
            lines.append(f"{name:18}  (not run: time bound reached)")
            continue
        first = row["first_visit"]
        lines.append(
            f"{name:18}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['max_ms']:>9.1f}"
            f"{row['requests_per_s']:>9.1f}{row['errors']:>8}"
            f"{first['p50_ms']:>14.1f} /{first['p95_ms']:>7.1f} /{first['max_ms']:>7.1f}"
            + ("  (cut by the time bound)" if row["truncated"] else "")
        )
    return "\n".join(lines)


if __name__ == "__main__":  # the server process of run(): python -m newsledger.evaluation.serve DB PORT
    from newsledger.web.server import run as serve

    serve(sys.argv[1], "127.0.0.1", int(sys.argv[2]), None, log_level="warning")
