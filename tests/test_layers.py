"""The layers of the code: no import cycles, and only the public API of typer and click."""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "tracker"


def _imports(tree: ast.AST):
    """Every import statement, at the top of the module or inside a function, except `if TYPE_CHECKING:` blocks."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node


def import_graph() -> dict[str, set[str]]:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph = {}
    for path in PACKAGE.glob("*.py"):
        deps = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                names = [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module.split(".")[1]] if (node.module or "").startswith("tracker.") else []
            else:
                names = [a.name.split(".")[1] for a in node.names if a.name.startswith("tracker.")]
            deps.update(n for n in names if n in modules and n != path.stem)
        graph[path.stem] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or through others."""

    def reach(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reachable = {m: reach(m) for m in graph}
    groups = {frozenset({m} | {n for n in reachable[m] if m in reachable[n]}) for m in graph if m in reachable[m]}
    return sorted((set(g) for g in groups), key=sorted)


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(import_graph()) == []


def test_only_public_typer_and_click():
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in _imports(ast.parse(source)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for name in names:
                top, *rest = name.split(".")
                if top in ("typer", "click"):
                    assert not any(part.startswith("_") for part in rest), f"{path.name} imports {name}"
        assert "_runtime_param" not in source, path.name
