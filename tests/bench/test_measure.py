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
