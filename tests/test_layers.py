"""The three layers point one way: data_loaders -> metrics -> dashboard, streamlit only in dashboard."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = ["data_loaders", "metrics", "werkdb"]


def _modules(package: str) -> list[str]:
    return [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name != "__main__.py" and "migrations" not in path.parts  # run by Alembic
    ]


@pytest.mark.parametrize("module", [m for p in HEADLESS for m in _modules(p)])
def test_headless_module_does_not_load_streamlit(module: str) -> None:
    code = f"import sys, {module}; sys.exit(1 if 'streamlit' in sys.modules else 0)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"{module} laadt streamlit (of faalt): {result.stderr[-400:]}"


@pytest.mark.parametrize("path", sorted((ROOT / "metrics").rglob("*.py")), ids=lambda p: p.name)
def test_metrics_imports_no_other_package_of_the_project(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not imported & {"dashboard", "data_loaders", "streamlit", "duckdb"}


def test_only_the_db_module_imports_duckdb() -> None:
    offenders = []
    for package in ["dashboard", "metrics", "data_loaders"]:
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "data_loaders" / "db.py":
                continue
            text = path.read_text(encoding="utf-8")
            if "import duckdb" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_only_state_touches_query_params_and_session_state() -> None:
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        if path.name == "state.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "st.query_params" in text or "st.session_state" in text:
            offenders.append(path.name)
    assert offenders == []


def test_only_data_module_caches() -> None:
    offenders = [
        path.name
        for path in (ROOT / "dashboard").rglob("*.py")
        if path.name != "data.py" and ("st.cache_data" in path.read_text() or "st.cache_resource" in path.read_text())
    ]
    assert offenders == []


def test_only_the_signal_store_imports_sqlalchemy_and_alembic() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in ["dashboard", "metrics", "data_loaders", "werkdb"]
        for path in (ROOT / package).rglob("*.py")
        if path != ROOT / "werkdb" / "store.py" and "migrations" not in path.parts
        and any(f"import {m}" in path.read_text(encoding="utf-8") or f"from {m}" in
                path.read_text(encoding="utf-8") for m in ("sqlalchemy", "alembic"))
    ]
    assert offenders == []


# What the cache assembles (dashboard/assemble*.py) is pure: frames in, frames out. Neither
# streamlit nor the database may come in, not even through another module.
ASSEMBLING = sorted((ROOT / "dashboard").glob("assemble*.py"))
NOT_IN_ASSEMBLING = ("streamlit", "duckdb", "data_loaders.db", "data_loaders.reads",
                     "dashboard.data", "dashboard.state")


def test_there_are_assembling_modules() -> None:
    assert ASSEMBLING, "dashboard/assemble*.py ontbreekt"


@pytest.mark.parametrize("path", ASSEMBLING, ids=lambda p: p.name)
def test_an_assembling_module_loads_neither_streamlit_nor_the_database(path: Path) -> None:
    module = f"dashboard.{path.stem}"
    code = (f"import sys, {module}; found = [m for m in {NOT_IN_ASSEMBLING!r} if m in sys.modules]; "
            "print(found); sys.exit(1 if found else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"{module} laadt {result.stdout.strip()} {result.stderr[-400:]}"
