"""A fingerprint of the code (and data files) a result was computed by, so that a result kept in the ledger is
used only by the same code: any change to a module it depends on, directly or not, gives another fingerprint."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from functools import cache
from pathlib import Path


def module_files(root: str) -> list[Path]:
    """The source files of module ``root`` and of every newsledger module it imports, directly or not."""
    seen: dict[str, Path] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen or (found := _module(name)) is None:
            continue
        seen[name], imported = found
        todo += imported
    return sorted(seen.values())


@cache
def _module(name: str) -> tuple[Path, tuple[str, ...]] | None:
    """A module's source file and the newsledger modules it names in its imports; read once a process, as the
    fingerprints of several roots walk mostly the same modules."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    path = Path(spec.origin)
    imported = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsledger"):
            imported.append(node.module)
            if importlib.util.find_spec(node.module).submodule_search_locations:  # a package: names may be modules
                imported += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names if alias.name.startswith("newsledger")]
    return path, tuple(imported)


def fingerprint(root: str, *data: Path) -> str:
    """Of module ``root`` with what it imports, and of the ``data`` files it reads (a shipped model)."""
    digest = hashlib.sha256()
    for path in [*module_files(root), *data]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
