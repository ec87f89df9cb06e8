"""Every page, found in dashboard/views/, shows numbers and dates the Dutch way and captions charts.

Reads what a page shows (metrics, text, the displayed text of each table cell, chart specs) in an
AppTest run, under several references, so signed changes, indices and percentages are covered.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from dashboard import tables

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
VIEWS = sorted(p.name for p in (ROOT / "dashboard" / "views").glob("*.py") if p.stem != "__init__")

# A Dutch number: 1.234,5 / -0,3 / +8,5 / 12,3% / 2024; the dot only groups thousands.
DUTCH_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?%?$|^[+-]?\d+(,\d+)?%?$")
# Notation that is English whatever the context: 1,234.5; 3.78%; a decimal point before 1-2 or
# 4+ digits in a cell that is only a number (Dutch thousands groups have exactly three).
ENGLISH_IN_TEXT = re.compile(r"\d,\d{3}\.\d|\d\.\d+\s?%")
ENGLISH_CELL = re.compile(r"^[+-]?\d+\.(\d{1,2}|\d{4,})%?$")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "success", "error")  # fmt: skip
CHARTS = ("vega_lite_chart", "arrow_vega_lite_chart", "deck_gl_json_chart", "component_instance")


def run_view(view: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"views/{view}").run()
    assert not at.exception, at.exception
    return at


def shown_texts(at: AppTest) -> list[str]:
    texts = [str(e.value) for kind in TEXT_ELEMENTS for e in at.get(kind)]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.proto.delta or ""]
    return texts


def shown_cells(at: AppTest) -> list[str]:
    """The text each table cell shows; a table without display text would show raw numbers."""
    cells = []
    for frame in at.dataframe:
        arrow = frame.proto.arrow_data
        assert arrow.styler.display_values, "elke tabel krijgt Nederlandse weergave (Styler)"
        display = dataframe_util.convert_arrow_bytes_to_pandas_df(arrow.styler.display_values)
        cells += [str(v) for v in display.to_numpy().ravel()]
    return cells


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.spec) for kind in CHARTS[:2] for e in at.get(kind)]


def _formats(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["format"]] if isinstance(node.get("format"), str) else []
        return found + [f for value in node.values() for f in _formats(value)]
    if isinstance(node, list):
        return [f for value in node for f in _formats(value)]
    return []


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("referentie", ["waarde", "verschil_gemeente", "index_nulmeting"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_page_writes_numbers_and_dates_in_dutch(view: str, referentie: str) -> None:
    at = run_view(view, referentie=referentie)
    for text in shown_texts(at):
        assert not ENGLISH_IN_TEXT.search(text), text
        assert not ENGLISH_MONTHS.search(text), text
    for metric in at.metric:
        number = metric.value.split(" ")[0]
        assert metric.value == "–" or DUTCH_NUMBER.match(number), metric.value
    for cell in shown_cells(at):
        assert not ENGLISH_CELL.match(cell), cell
        assert not ENGLISH_MONTHS.search(cell) and not ISO_DATE.search(cell), cell
    for spec in chart_specs(at):
        locale = spec.get("config", {}).get("locale", {})
        assert locale.get("number", {}).get("decimal") == ",", "grafiek zonder Nederlandse locale"
        assert locale.get("time", {}).get("months", [""])[10] == "november"
        for fmt in _formats(spec):
            # d3 formats follow the locale; '%Y' and ',.1f' are fine, currency '$' would not be.
            assert "$" not in fmt, fmt


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("view", VIEWS)
def test_every_chart_and_map_is_followed_by_a_caption_saying_what_it_shows(view: str) -> None:
    at = run_view(view)

    def check(block) -> None:
        children = list(getattr(block, "children", {}).values())
        for i, child in enumerate(children):
            if child.type in CHARTS:
                following = [c.type for c in children[i + 1 : i + 3]]
                assert "caption" in following, f"{view}: {child.type} zonder onderschrift"
            check(child)

    check(at.main)


def test_table_cells_are_written_in_dutch_and_years_stay_bare() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {"Jaar": [2023, 2024], "Waarde": [1234.5, 3.78], "Regels": [23409, 7], "Naam": ["a", "b"]}
    )
    formats = tables.display_formats(frame)
    assert [formats["Jaar"](v) for v in frame["Jaar"]] == ["2023", "2024"]
    assert [formats["Waarde"](v) for v in frame["Waarde"]] == ["1.234,50", "3,78"]
    assert [formats["Regels"](v) for v in frame["Regels"]] == ["23.409", "7"]
    assert formats["Waarde"](float("nan")) == "–"
    assert "Naam" not in formats


def test_a_date_column_has_its_month_in_the_page_language() -> None:
    import pandas as pd

    frame = pd.DataFrame({"Start": pd.to_datetime(["2026-12-07", None]),
                          "Gemeld": pd.to_datetime(["2026-03-01 09:05", "2026-03-02 10:00"])})
    dutch, english = tables.display_formats(frame), tables.display_formats(frame, "en")
    assert dutch["Start"](frame["Start"][0]) == "7 december 2026"
    assert english["Start"](frame["Start"][0]) == "7 December 2026"
    assert english["Start"](frame["Start"][1]) == "–"
    assert english["Gemeld"](frame["Gemeld"][0]) == "1 March 2026 09:05"


def test_a_year_column_under_its_english_header_stays_bare_too() -> None:
    import pandas as pd

    frame = pd.DataFrame({"Year": [2024], "Baseline (year)": [2014], "Inhabitants": [2024]})
    formats = tables.display_formats(frame)
    assert formats["Year"](2024) == "2024" and formats["Baseline (year)"](2014) == "2014"
    assert formats["Inhabitants"](2024) == "2.024"


def _large_table_app() -> None:
    import pandas as pd
    import streamlit as st

    from dashboard import components

    rows = 2_500 + int(st.session_state.get("extra", 0))
    frame = pd.DataFrame({"Code": [f"BU{i:08d}" for i in range(rows)],
                          "Waarde": [1234.5 + i for i in range(rows)]})
    components.dataframe(frame)


def test_a_large_table_keeps_dutch_notation_and_a_changed_table_is_redrawn() -> None:
    # Tables over LARGE_DOWNLOAD_ROWS rows are drawn once per content and replayed after that:
    # the replay must still carry the Dutch display text, and new rows must not get old text.
    at = AppTest.from_function(_large_table_app, default_timeout=60).run()
    first = shown_cells(at)
    assert "1.234,5" in first and "1234.5" not in first
    at.run()  # the same table again: from the cache
    assert shown_cells(at) == first
    at.session_state["extra"] = 1
    at.run()
    again = shown_cells(at)
    assert len(again) == len(first) + 2 and "3.734,5" in again


def test_a_project_band_on_an_english_trend_chart_has_english_dates_and_words() -> None:
    # Before: the tooltip of a project band read '... : 1 februari 2023 – loopt nog' on the
    # English trends page.
    import pandas as pd

    from dashboard import corporations

    projects = pd.DataFrame({
        "project_id": ["P1", "P2"], "name": ["Buurtkamer", "Portiekgesprekken"],
        "organisation": ["Corporatie Oost", "Gemeente"], "area_codes": ["BU1 BU2", "BU3"],
        "start_date": ["2023-02-01", "2021-03-01"], "end_date": [None, "2022-10-31"]})
    english = corporations.project_bands(projects, ["BU1", "BU3"], "en")["tekst"].tolist()
    assert english == ["Buurtkamer (Corporatie Oost): 1 February 2023 – ongoing",
                       "Portiekgesprekken (Gemeente): 1 March 2021 – 31 October 2022"]
    dutch = corporations.project_bands(projects, ["BU1"])["tekst"].tolist()
    assert dutch == ["Buurtkamer (Corporatie Oost): 1 februari 2023 – loopt nog"]
