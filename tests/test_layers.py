"""The layers of the code: no import cycles, imports that run one way, and only the public API of
typer and click.

The layers, from the bottom: the shared rules and errors (``rules``, ``errors``, ``safe``,
``status``), ``tracker.data`` (records, reading, checks), the questions (``query``, ``results``, ``api``,
``draft``), ``tracker.output`` (writers for people and machines), and the command line (``cli``,
``env``, ``entry``, ``draft_cli``). A module may import from its own layer and the ones below.
"""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "tracker"

LAYERS = [
    {"tracker.rules", "tracker.errors", "tracker.safe", "tracker.status"},
    {"tracker.data"},
    {"tracker.query", "tracker.results", "tracker.api", "tracker.draft"},
    {"tracker.output", "tracker.site"},
    {"tracker", "tracker.__main__", "tracker.cli", "tracker.env", "tracker.entry", "tracker.draft_cli"},
]


def layer_of(module: str) -> int:
    for n, members in enumerate(LAYERS):
        for m in members:
            if module == m or (m != "tracker" and module.startswith(m + ".")):
                return n
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def _imports(tree: ast.AST):
    """Every import statement, at the top of the module or inside a function, except `if TYPE_CHECKING:` blocks."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node


def modules() -> dict[str, object]:
    """Every module of the package by dotted name (a package by its own name), with its path."""
    out = {}
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        parts = ["tracker", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Which modules of the tracker each module imports (a package's ``__init__`` counts as the package)."""
    found = modules()
    graph = {}
    for name, path in found.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(base + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            else:
                targets = [a.name for a in node.names]
            for target in targets:
                while target and target not in found:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "tracker":
                    deps.add(target)
        graph[name] = deps
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or through others."""

    def reach(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
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


def test_the_graph_sees_relative_imports_of_every_depth():
    graph = import_graph()
    assert "tracker.data.model" in graph["tracker.data.load"]  # from .model import …
    assert "tracker.errors" in graph["tracker.data.load"]  # from ..errors import …
    assert "tracker.data.summary" in graph["tracker.query"]  # from .data.summary import …
    assert "tracker.output.listing" in graph["tracker.cli"]  # from .output import listing


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(import_graph()) == []


def test_imports_run_one_way_from_the_command_line_down_to_the_data():
    wrong = [
        f"{name} (layer {layer_of(name)}) imports {dep} (layer {layer_of(dep)})"
        for name, deps in sorted(import_graph().items()) for dep in sorted(deps)
        if layer_of(dep) > layer_of(name)
    ]
    assert wrong == []


def test_the_layer_check_can_fail():
    assert layer_of("tracker.data.load") < layer_of("tracker.query") < layer_of("tracker.output.show") < layer_of("tracker.cli")


def test_only_public_typer_and_click():
    for path in modules().values():
        source = path.read_text(encoding="utf-8")
        for node in _imports(ast.parse(source)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for name in names:
                top, *rest = name.split(".")
                if top in ("typer", "click"):
                    assert not any(part.startswith("_") for part in rest), f"{path.name} imports {name}"
        assert "_runtime_param" not in source, path.name
