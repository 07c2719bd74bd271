"""`newsledger bench growth`: what adding an article to a ledger holding one very large story costs (issue 21).

A story of N articles is written from the paragraphs of the GVA articles on one incident (each article three
consecutive paragraphs of one report and a sentence of its own, dated over three days, from 40 outlets), so that
the linker puts them in one story. `newsledger ingest` builds the ledger from them in a fresh process; then two
one-sentence reports of the incident are added, each by its own `newsledger ingest` in a fresh process, and
their seconds and peak memory (the child's ``ru_maxrss``) are reported with the size of the story they joined.
The goal: the cost of an added article depends on what it changes, not on the size of the story.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: The GVA incident whose reports make the story: a shooting reported by 17 articles (Wilkinsburg, 2016).
INCIDENT = "519541"
ADDED = ("Police in Wilkinsburg said two men opened fire on the family cookout, killing five people.",
         "Jessica Shelton said three of her children were killed in the Wilkinsburg shooting on Wednesday.")


class GrowthDataError(ValueError):
    """A folder the bench cannot read (the message names the file and the reason)."""


def write_story(data: Path, count: int, out: Path, seed: int = 0) -> Path:
    """``count`` articles on the incident as JSON lines in ``out``."""
    path = data / "articles.jsonl"
    if not path.is_file():
        raise GrowthDataError(f"{path}: no such file (the gva/ layout: articles.jsonl)")
    reports = [row for line in path.read_text(encoding="utf-8").splitlines()
               if (row := json.loads(line)).get("incident") == INCIDENT]
    paragraphs = [[p for p in r["text"].split("\n\n") if len(p) > 60 and not p.startswith("http")] for r in reports]
    if not any(paragraphs):
        raise GrowthDataError(f"{path}: no article of incident {INCIDENT}")
    rng = random.Random(seed)
    with out.open("w", encoding="utf-8") as handle:
        for i in range(count):
            source = rng.choice([n for n, found in enumerate(paragraphs) if found])
            found = paragraphs[source]
            start = rng.randrange(max(1, len(found) - 2))
            own = f"This is update number {i} on the Wilkinsburg shooting, reporter {rng.choice('ABCD')}. Smith{i} wrote."
            handle.write(json.dumps({"title": reports[source]["title"], "text": "\n\n".join([*found[start:start + 3], own]),
                                     "outlet": f"outlet{i % 40}.example", "published": f"2016-03-{10 + rng.randrange(3)}"})
                         + "\n")
    return out


def run(data: Path, count: int = 5000, model: str | None = None, keep: Path | None = None) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="growth-")) if keep is None else keep
    folder.mkdir(parents=True, exist_ok=True)
    story = write_story(data, count, folder / "story.jsonl")
    db = folder / "ledger.db"
    for stale in folder.glob("ledger.db*"):
        stale.unlink()
    steps = [{"step": f"ingest the {count} articles", **_ingest([story], db, model)}]
    for n, sentence in enumerate(ADDED, 1):
        added = folder / f"added-{n}.txt"
        added.write_text(sentence + "\n", encoding="utf-8")
        steps.append({"step": f"add article {n} (one sentence)", **_ingest([added], db, model)})
    return {"articles": count, "largest_story": _largest_story(db), "folder": str(folder), "steps": steps}


def _ingest(paths: list[Path], db: Path, model: str | None) -> dict[str, Any]:
    """`newsledger ingest PATHS` in a child process: its seconds, peak memory and what it stored."""
    command = [sys.executable, "-m", "newsledger.cli", "ingest", *map(str, paths), "--db", str(db), "--workers", "1"]
    command += ["--model", model] if model else []
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    summary = re.search(r"ingested (\d+)", stderr)
    return {"seconds": round(time.perf_counter() - started, 1), "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "exit": os.waitstatus_to_exitcode(status), "ingested": int(summary.group(1)) if summary else 0}


def _largest_story(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        row = connection.execute("select count(*) from story_articles group by story order by 1 desc limit 1").fetchone()
    return row[0] if row else 0


def render(result: dict[str, Any]) -> str:
    lines = [f"a story of {result['largest_story']} articles (of {result['articles']} written), in {result['folder']}",
             f"{'step':34}{'seconds':>9}{'peak MB':>9}{'stored':>8}"]
    lines += [f"{s['step']:34}{s['seconds']:>9.1f}{s['peak_mb']:>9.0f}{s['ingested']:>8}" for s in result["steps"]]
    return "\n".join(lines)
