"""The package's shape (docs/architecture.md): one way down the flow, small modules.

Read from the source with ``ast``, so every import counts, those inside functions too;
an import under ``if TYPE_CHECKING:`` is for annotations only and does not.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

import pytest
from support import ROOT

PACKAGE = ROOT / "judanon"
#: Lines a module may hold; functions may hold ``FUNCTION_LINES`` unless a comment on
#: their ``def`` line or the line above says why (``# long: ...``).
MODULE_LINES = 600
FUNCTION_LINES = 80


def _modules() -> Dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _annotation_only(tree: ast.AST) -> Set[int]:
    skip: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(sub) for sub in ast.walk(node))
    return skip


def _imported(module: str, path: Path, node: ast.AST) -> List[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        assert isinstance(node, ast.ImportFrom)
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        if node.level:
            base = base[:len(base) - node.level + 1]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        names = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in MODULES else prefix for a in node.names]
    out = []
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name and name != module:
            out.append(name)
    return out


def import_graph() -> Dict[str, Set[str]]:
    graph: Dict[str, Set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text("utf-8"))
        skip = _annotation_only(tree)
        graph[module] = {dep for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                         and id(node) not in skip for dep in _imported(module, path, node)}
    return graph


def cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    found: List[List[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_even_through_imports_inside_functions():
    assert cycles(import_graph()) == []


def test_nothing_inside_the_package_imports_its_facade():
    importers = sorted(m for m, deps in import_graph().items() if "judanon" in deps and m != "judanon.__main__")
    assert importers == []


def test_the_result_and_the_trail_do_not_import_the_engine():
    graph = import_graph()
    for module in ("judanon.result", "judanon.audit.trail", "judanon.audit.review", "judanon.audit.display"):
        assert "judanon.pipeline" not in graph[module], module


def test_generic_modules_import_no_pack():
    codes = {p.name for p in (PACKAGE / "packs").iterdir() if (p / "__init__.py").exists()}
    offenders = sorted(m for m, deps in import_graph().items() if not m.startswith("judanon.packs")
                       and any(d.split(".")[2:3] and d.split(".")[2] in codes for d in deps if d.startswith("judanon.packs.")))
    assert offenders == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = MODULES[module].read_text("utf-8").count("\n")
    assert lines <= MODULE_LINES, f"{module} has {lines} lines; split it by concern"


def test_long_functions_say_why():
    too_long = []
    for module, path in MODULES.items():
        source = path.read_text("utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(source))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            said = any("# long:" in source[i - 1] for i in (first - 1, node.lineno) if i >= 1)
            if length > FUNCTION_LINES and not said:
                too_long.append(f"{module}.{node.name} ({length} lines)")
    assert too_long == []


def test_every_public_name_of_the_facade_resolves():
    import judanon

    for name in judanon.__all__:
        assert getattr(judanon, name) is not None, name
