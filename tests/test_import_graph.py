"""The package's import graph, read from the source (ast): no cycle, and the runtime (what ingest and serve run)
imports neither the evaluation, the training nor the old bench code; only the CLI and those layers may."""

from __future__ import annotations

import ast
from pathlib import Path

import newsledger

PACKAGE = Path(newsledger.__file__).parent
#: Packages the runtime must not import, and the modules allowed to import anything.
OFFLINE = ("newsledger.evaluation", "newsledger.training", "newsledger.bench")
ENTRY_POINTS = ("newsledger.cli", "newsledger.cli_bench")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(source: str, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules that ``source`` (module ``name``) imports, at any depth of the code; ``from X
    import Y`` counts Y when it is a module, else X."""
    found: set[str] = set()
    base = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            origin = node.module or ""
            if node.level:
                anchor = base.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                origin = ".".join([*anchor, *([origin] if origin else [])])
            for alias in node.names:
                found.add(f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin)
    return {module for module in found if module in known}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imported(path.read_text(encoding="utf-8"), name, path.name == "__init__.py", known) - {name}
            for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def runtime(name: str) -> bool:
    return name not in ENTRY_POINTS and not any(name == p or name.startswith(p + ".") for p in OFFLINE)


def test_the_package_has_no_import_cycle():
    assert cycles(graph()) == []


def test_the_runtime_imports_no_evaluation_training_or_bench_code():
    wrong = {name: sorted(m for m in targets if not runtime(m))
             for name, targets in graph().items() if runtime(name)}
    assert {name: targets for name, targets in wrong.items() if targets} == {}


def test_the_checks_see_a_cycle_and_a_forbidden_import():
    """The helpers find what they look for: a crafted cycle, relative imports and a runtime import of
    evaluation code."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    known = {"newsledger.extract", "newsledger.extract.cues", "newsledger.evaluation.attribution", "newsledger.records"}
    source = "from . import cues\nfrom ..records import X\ndef f():\n    from newsledger.evaluation.attribution import run\n"
    found = imported(source, "newsledger.extract.events", False, known)
    assert found == {"newsledger.extract.cues", "newsledger.records", "newsledger.evaluation.attribution"}
    assert not runtime("newsledger.evaluation.attribution") and runtime("newsledger.extract.events")
    assert not runtime("newsledger.cli")


def test_every_import_of_the_package_names_a_module_that_exists():
    """A moved module leaves no import behind (a training command once imported the removed ``newsledger.bench``)."""
    found = modules()
    missing = []
    for name, path in found.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and not node.level and node.module else []
            missing += [(name, target) for target in targets
                        if target.startswith("newsledger") and target not in found]
    assert missing == []
