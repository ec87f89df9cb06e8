"""The benchmark opens the page it says it measures (against the demo database)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from bench import measure


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", list(measure.PAGES))
def test_each_page_is_opened_directly_and_is_the_page_measured(page: str) -> None:
    at = AppTest.from_file(measure.APP, default_timeout=120)
    at.query_params["gemeente"] = "GM0202"
    measure.open_page(at, page)
    assert not at.exception, at.exception
    # Over de data has an address of its own (/data): opened by file name it used to fall back
    # to the overview, and the benchmark then timed the overview under its name.
    assert at.title[0].value.startswith(measure.TITLES[page])
    if page != "overzicht":
        assert not at.title[0].value.startswith("Overzicht")


@pytest.mark.usefixtures("app_env")
def test_the_component_scan_of_server_start_is_done_before_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A real server scans the installed components once at start; the page's first run must
    # not scan again (it would count server start-up in the page's time).
    from streamlit.components.v2.component_manager import BidiComponentManager

    scans = []
    scan = BidiComponentManager.discover_and_register_components
    monkeypatch.setattr(BidiComponentManager, "discover_and_register_components",
                        lambda self, **kw: scans.append(1) or scan(self, **kw))
    at = AppTest.from_file(measure.APP, default_timeout=120)
    at.query_params["gemeente"] = "GM0202"
    measure.scan_components(at)
    assert scans == [1]
    measure.open_page(at, "over_de_data")
    assert not at.exception, at.exception
    assert scans == [1]


def test_nothing_the_app_imports_is_loaded_before_a_first_opening_is_timed() -> None:
    # A started server that no user has visited yet has not loaded pandas, numpy, pyarrow or
    # duckdb (checked in its /proc/<pid>/maps); the first page pays for them, so the benchmark's
    # process must not have imported them before its clock starts either.
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(measure.__file__).resolve().parent.parent
    script = (
        "import sys\nfrom bench import measure\nfrom streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file(measure.APP)\nmeasure.scan_components(at)\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'duckdb', 'data_loaders', "
        "'dashboard', 'bench.dataset') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


@pytest.mark.usefixtures("app_env")
def test_the_map_page_is_timed_over_filter_changes_that_rerun_only_its_map_part() -> None:
    # A buurttype change on the kaart page reruns only the map fragment; the benchmark must
    # still time every change it asks for (it failed on the second change: no filter in the tree).
    result = measure.page_times("kaart", {"gemeente": "GM0202"}, runs=4)
    assert "error" not in result, result
    assert len(result["times_s"]) == 4
    assert result["payload_bytes"] > 0
