"""The read path is one door: no import loop, and nothing under dashboard/ but data.py reads the
database (issue 21). Checked on the source, so a new module is checked without editing this file."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["dashboard", "data_loaders", "metrics", "werkdb"]


def _modules() -> dict[str, Path]:
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports, at the top or inside a function (a lazy import is
    still an edge: it only hides a loop until the function runs)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{a.name}" for a in node.names} | {node.module}
    return {m for m in found if m in known and m not in PACKAGES}


def test_the_import_graph_has_no_loop() -> None:
    modules = _modules()
    graph = {name: imports_of(path, set(modules)) - {name} for name, path in modules.items()}
    loops, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                loops.append(" -> ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert loops == []


def test_the_components_module_does_not_import_itself_through_the_cache() -> None:
    modules = _modules()
    assert "dashboard.components" not in imports_of(modules["dashboard.data"], set(modules))


def test_nothing_under_dashboard_but_data_reads_the_database() -> None:
    """Reads go through dashboard.data (cached) or, for the briefing from a file, through
    data_loaders.reads; only the loaders' upload page writes, through the pipeline."""
    offenders = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        if path.name == "data.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "db" and node.attr in {"query", "connect", "execute"}):
                offenders.append(f"{path.name}: db.{node.attr}")
    assert offenders == [], offenders


# Where the cache's arguments are put together: the cache itself and the context that asks it.
ASKERS = {"data.py", "asks.py", "context.py"}


def test_no_page_builds_a_cache_key() -> None:
    """Pages, and the modules that draw parts of pages, ask the context (dashboard.asks): they
    never pass the database version or the privacy to a cached function themselves, so an
    argument cannot be forgotten on one side."""
    offenders = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        if path.name in ASKERS and path.parent.name == "dashboard":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "ctx" and node.attr == "version"):
                offenders.append(f"{path.name}:{node.lineno}: ctx.version")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "data"
                    and any(isinstance(a, ast.Attribute) and a.attr in {"version", "privacy"}
                            for a in [*node.args, *(k.value for k in node.keywords)])):
                offenders.append(f"{path.name}:{node.lineno}: data.{node.func.attr}(...)")
    assert offenders == [], offenders
