"""A fingerprint of the code (and data files) a result was computed by, so that a result kept in the ledger is
used only by the same code: any change to a module it depends on, directly or not, gives another fingerprint."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
from pathlib import Path


def module_files(root: str) -> list[Path]:
    """The source files of module ``root`` and of every newsledger module it imports, directly or not."""
    seen: dict[str, Path] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        spec = importlib.util.find_spec(name) if name not in seen else None
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        seen[name] = Path(spec.origin)
        for node in ast.walk(ast.parse(seen[name].read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsledger"):
                todo.append(node.module)
                if importlib.util.find_spec(node.module).submodule_search_locations:  # a package: names may be modules
                    todo += [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names if alias.name.startswith("newsledger")]
    return sorted(seen.values())


def fingerprint(root: str, *data: Path) -> str:
    """Of module ``root`` with what it imports, and of the ``data`` files it reads (a shipped model)."""
    digest = hashlib.sha256()
    for path in [*module_files(root), *data]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
