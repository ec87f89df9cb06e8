"""The caches of dashboard.data are made when first called, not on import: making one reads and
hashes its function's source, and a page's first opening uses only a few of them (issue 21)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cache_count import COUNT_CACHES

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import logging
logging.disable(logging.WARNING)
""" + COUNT_CACHES + """
from dashboard import data
print(len(made))
version = data.database_version()
first = data.catalogue(version)
again = data.catalogue(version)
print(len(made), sorted(set(made)), len(first) == len(again) > 0)
"""


@pytest.mark.usefixtures("app_env")
def test_importing_the_cache_module_makes_no_cache_and_a_call_makes_its_own() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    on_import, after = result.stdout.splitlines()[:2]
    assert on_import == "0"
    # catalogue and the connection it reads through, each made once though called twice
    assert after == "2 ['_connection', 'catalogue'] True"


def test_a_cache_gets_its_arguments_by_name_with_the_same_key_and_no_signature_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import inspect

    from streamlit import type_util

    from dashboard import data

    calls: list[tuple] = []

    @data._cache_resource(max_entries=4, show_spinner=False)
    def doubled(number: int, times: int = 2) -> int:
        calls.append((number, times))
        return number * times

    looked_up: list[object] = []
    signature = type_util.get_func_parameters

    def counted(func):  # noqa: ANN001, ANN202 - as Streamlit's
        looked_up.append(func)
        return signature(func)

    monkeypatch.setattr(type_util, "get_func_parameters", counted)
    try:
        assert doubled(3, 4) == 12
        assert doubled(number=3, times=4) == 12  # by name: the same entry
        assert doubled(3, times=4) == 12
        assert calls == [(3, 4)]
        assert doubled(5) == 10 and calls[-1] == (5, 2)
        # Streamlit builds a signature per positional argument it is handed (issue 22).
        assert looked_up == [], len(looked_up)
    finally:
        doubled.clear()
    assert inspect.signature(doubled).parameters.keys() == {"number", "times"}
