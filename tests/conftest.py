"""Shared fixtures: one demo database per test session, built through the real importers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Arnhem demo database, built from sample_data/ with `python -m data_loaders build-demo`."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "data_loaders", "build-demo", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return path


@pytest.fixture()
def app_env(demo_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the app at the demo database (and at an empty signal store of this test's own)."""
    monkeypatch.setenv("BUURTMONITOR_DB", str(demo_db))
    monkeypatch.setenv("BUURTMONITOR_WERKDB", str(tmp_path / "werkdb.sqlite"))
    return demo_db
