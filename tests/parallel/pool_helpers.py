"""Tasks for the worker pool's tests, importable by the spawned workers (they unpickle them by module name)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

_state: dict[str, str] = {}


def start(flag: str) -> None:
    if flag == "broken":
        raise LookupError("no model here")
    if flag == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    _state["flag"] = flag


def square(items: list) -> tuple[list, dict[str, float]]:
    """Squares numbers; dies on "die"; on "die-once" dies only while the file named by the start flag is absent."""
    results = []
    for item in items:
        if item == "die" or (item == "die-once" and not Path(_state["flag"]).exists()):
            if item == "die-once":
                Path(_state["flag"]).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if item == "raise":
            raise ArithmeticError("a stage that stops the run")
        results.append(item if isinstance(item, str) else item * item)
    return results, {"square": 0.5}


def lost(item, reason: str) -> str:
    return f"lost {item}: {reason}"
