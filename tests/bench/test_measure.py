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
