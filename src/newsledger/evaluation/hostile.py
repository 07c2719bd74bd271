"""`newsledger bench hostile`: the pathological inputs of issue 21, each beside good articles, timed.

Each case is one hostile file in a folder with good articles (the bundled sample); `newsledger ingest` runs on
the folder in a fresh process, so the peak memory (the child's ``ru_maxrss``) is that case's alone. The goal is
each case under 30 s with peak memory under 1.5 GB, and every good article stored.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsledger.api import sample_paths

GOAL_SECONDS = 30.0
GOAL_MB = 1536.0
_PROSE = ("The minister told reporters in the capital that the army had moved tanks toward the border and that "
          "talks with the rebels would resume next week. ")


def _quotes(scale: float) -> str:
    return _PROSE + '"' * int(50_000 * scale) + "\n\n" + _PROSE


def _long_sentence(scale: float) -> str:
    words = _PROSE.replace(".", "").replace(",", "").lower().split()
    count = int(2_000_000 * scale) // 7
    return " ".join(words[i % len(words)] for i in range(count))


def _he_said(scale: float) -> str:
    return "He said:\n" * int(100_000 * scale)


def _tiny_paragraphs(scale: float) -> str:
    return "".join(f"Go {i}.\n\n" for i in range(int(200_000 * scale)))  # each its own: no repeat to remove


def _emoji(scale: float) -> str:
    run = "\U0001f600\U0001f525\U0001f44d" * 30
    return _PROSE + (run + " ") * int(2_500 * scale)


def _many_paragraphs_page(scale: float) -> str:
    body = "<p>Go now" * int(200_000 * scale)
    return f"<html><head><title>Many</title></head><body><article>{body}</article></body></html>"


#: name -> (file name, what it holds, its text at a scale; 1.0 is the size the issue reported)
CASES: dict[str, tuple[str, str, Callable[[float], str]]] = {
    "quotes": ("quotes.txt", "50 KB of quotation marks without a space", _quotes),
    "long_sentence": ("sentence.txt", "a 2 MB sentence without punctuation", _long_sentence),
    "he_said": ("he_said.txt", "100,000 lines of 'He said:'", _he_said),
    "tiny_paragraphs": ("tiny.txt", "200,000 tiny paragraphs (2.2 MB)", _tiny_paragraphs),
    "emoji": ("emoji.txt", "runs of emoji (0.9 MB)", _emoji),
    "many_p": ("many_p.html", "a 1.8 MB page of 200,000 <p>", _many_paragraphs_page),
}


def write_case(name: str, folder: Path, scale: float = 1.0) -> Path:
    """The case's folder: its hostile file beside the bundled sample's good articles."""
    file_name, _, make = CASES[name]
    folder.mkdir(parents=True, exist_ok=True)
    for path in sample_paths():
        shutil.copy(path, folder / path.name)
    (folder / file_name).write_text(make(scale), encoding="utf-8")
    return folder


def run(cases: list[str] | None = None, scale: float = 1.0, model: str | None = None) -> dict[str, Any]:
    good = len(sample_paths())
    results = []
    for name in cases or list(CASES):
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_case(name, Path(tmp) / name, scale)
            results.append({"case": name, "input": CASES[name][1], "good": good,
                            **_ingest(folder, Path(tmp) / "l.db", model)})
    return {"scale": scale, "goal_seconds": GOAL_SECONDS, "goal_mb": GOAL_MB, "cases": results}


def _ingest(folder: Path, db: Path, model: str | None) -> dict[str, Any]:
    """`newsledger ingest FOLDER` in a child process: its seconds, peak memory and what it said."""
    command = [sys.executable, "-m", "newsledger.cli", "ingest", str(folder), "--db", str(db)]
    command += ["--model", model] if model else []
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    summary = re.search(r"ingested (\d+), duplicates skipped \d+, rejected (\d+)", stderr)
    said = [line for line in stderr.splitlines() if line.startswith(("rejected", "note", "error", "stopped"))]
    good = [path.name for path in sample_paths()]
    lost = [name for name in good if any(name in line for line in said)]
    ingested = int(summary.group(1)) if summary else 0
    return {"seconds": round(seconds, 1), "peak_mb": round(usage.ru_maxrss / 1024, 1), "exit": child.returncode,
            "ingested": ingested, "good_stored": len(good) - len(lost) if ingested >= len(good) else None,
            "said": said}


def render(result: dict[str, Any]) -> str:
    lines = [(f"hostile inputs at scale {result['scale']} (goal: under {result['goal_seconds']:.0f} s and "
              f"{result['goal_mb']:.0f} MB, every good article stored)"),
             f"{'case':16}{'seconds':>9}{'peak MB':>9}{'good':>6}  what ingest said of the hostile file"]
    for case in result["cases"]:
        said = "; ".join(case["said"]) or "(stored whole)"
        good = "?" if case["good_stored"] is None else case["good_stored"]
        lines.append(f"{case['case']:16}{case['seconds']:>9.1f}{case['peak_mb']:>9.0f}{good:>4}/{case['good']}"
                     f"  {said[:160]}")
    return "\n".join(lines)
