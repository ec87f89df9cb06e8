"""Buurtprofiel and Vergelijken against the demo database: the values a wijkmanager reads.

Expected values come from plain SQL on the demo database, independent of the metrics package;
the comparison's downloads must equal golden files kept with their real extensions.
"""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import openpyxl
import pytest
import streamlit.testing.v1.app_test as app_test_module
from app_walk import RecordingStorage, download_id
from streamlit.testing.v1 import AppTest

from metrics import selection as selection_rules
from metrics.formatting import format_number

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
BUURT = "BU02020100"  # Markt, in wijk Centrum
THREE = ["BU02020100", "BU02020101", "WK020203"]  # two buurten and a wijk
# Weighted by inhabitants (2024; areas under 50 inhabitants are suppressed), as the app does.
GEMEENTE_SQL = """
WITH pop AS (SELECT area_code, value AS w FROM observations
             WHERE indicator_id = 'inwoners' AND period = 2024 AND value >= 50)
SELECT sum(o.value * p.w) / sum(p.w) FROM observations o JOIN pop p USING (area_code)
WHERE o.indicator_id = ? AND o.period = ? AND o.area_code LIKE 'BU%' AND NOT o.suppressed
"""
WIJK_SQL = """
WITH pop AS (SELECT area_code, value AS w FROM observations
             WHERE indicator_id = 'inwoners' AND period = 2024 AND value >= 50)
SELECT sum(o.value * p.w) / sum(p.w) FROM observations o JOIN pop p USING (area_code)
JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = ? AND o.period = ? AND a.parent_code = ? AND NOT o.suppressed
"""


def sql(db: Path, query: str, params: list) -> object:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params).fetchall()[0][0]
    finally:
        con.close()


def value(db: Path, code: str, indicator: str, year: int) -> float:
    return sql(db, "SELECT value FROM observations WHERE area_code = ? AND indicator_id = ? "
               "AND period = ?", [code, indicator, year])


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, val in params.items():
        at.query_params[key] = val
    # The first run opens the page itself, as a shared link does.
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def downloaded(at: AppTest, label: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    return RecordingStorage.files[download_id(button.proto)]


def theme_table(at: AppTest, index: int):
    return at.dataframe[index].value


@pytest.mark.usefixtures("app_env")
def test_selecting_a_buurt_opens_its_profile_with_the_values_of_the_demo_data(app_env) -> None:
    at = run("views/buurtprofiel.py")
    assert at.info and "Kies hierboven" in at.info[0].value
    at.selectbox(key="w_buurt").set_value(BUURT).run()
    assert not at.exception, at.exception
    assert at.query_params["buurt"] in (BUURT, [BUURT])
    name = sql(app_env, "SELECT name FROM areas WHERE code = ?", [BUURT])
    assert at.header[0].value == name
    inwoners = value(app_env, BUURT, "inwoners", 2024)
    metric = next(m for m in at.metric if m.label.startswith("Inwoners"))
    assert metric.label == "Inwoners (2024)" and metric.value == format_number(inwoners, 0)

    table = theme_table(at, 0)  # Leefbaarheid
    row = table[table["label"] == "Leefbaarometerscore"].iloc[0]
    # The default nulmeting is the first Leefbaarometer year: 2002, a real baseline.
    lbm_2024, lbm_2014 = value(app_env, BUURT, "lbm_score", 2024), value(
        app_env, BUURT, "lbm_score", 2002)
    assert row["kort"] == format_number(lbm_2024, 2)  # the real Leefbaarometer, not generated
    gemeente = sql(app_env, GEMEENTE_SQL, ["lbm_score", 2024])
    assert row["Gemeente"].startswith(format_number(gemeente, 2) + " · ")
    difference = round(lbm_2024 - lbm_2014, 2)
    assert row["verandering_kort"].replace("+", "") == format_number(difference, 2).replace("+", "")
    assert list(row["trend"])[-1] == pytest.approx(lbm_2024)


@pytest.mark.usefixtures("app_env")
def test_query_params_before_the_first_run_reproduce_a_profile_view(app_env) -> None:
    at = run("views/buurtprofiel.py", buurt="BU02020314", nulmeting="2018", buurttype="achterstand")
    name = sql(app_env, "SELECT name FROM areas WHERE code = 'BU02020314'", [])
    assert at.header[0].value == name
    assert at.selectbox(key="w_buurt").value == "BU02020314"
    assert at.selectbox(key="w_nulmeting").value == 2018
    assert at.multiselect(key="w_buurttype").value == ["achterstand"]
    table = theme_table(at, 0)
    row = table[table["label"] == "Leefbaarometerscore"].iloc[0]
    expected = value(app_env, "BU02020314", "lbm_score", 2024) - value(
        app_env, "BU02020314", "lbm_score", 2018)
    assert row["verandering_kort"].lstrip("+") == format_number(round(expected, 2), 2).lstrip("+")


@pytest.mark.usefixtures("app_env")
def test_an_unknown_buurt_in_the_address_falls_back_with_a_notice() -> None:
    at = run("views/buurtprofiel.py", buurt="BU99999999")
    assert any("BU99999999" in w.value for w in at.warning)
    assert at.info and "Kies hierboven" in at.info[0].value


@pytest.mark.usefixtures("app_env")
def test_a_comparison_of_three_areas_shows_all_three_with_their_values(app_env) -> None:
    at = run("views/vergelijken.py", gebieden=",".join(THREE))
    table = theme_table(at, 0)  # Leefbaarheid
    assert {"Markt", "Weverstraat", "Arnhemse Broek (wijk)"} <= set(table.columns)
    row = table[table["Indicator"] == "Leefbaarometerscore"].iloc[0]
    for code, column in zip(THREE[:2], ["Markt", "Weverstraat"], strict=True):
        assert row[column] == format_number(value(app_env, code, "lbm_score", 2024), 2)
    # The wijk has its own real Leefbaarometer figure (the wijk file), not a mean of its buurten.
    wijk = value(app_env, "WK020203", "lbm_score", 2024)
    assert row["Arnhemse Broek (wijk)"] == format_number(wijk, 2)
    assert row["Gemeente"] == format_number(sql(app_env, GEMEENTE_SQL, ["lbm_score", 2024]), 2)


@pytest.mark.usefixtures("app_env")
def test_one_area_is_not_a_comparison() -> None:
    at = run("views/vergelijken.py", gebieden=BUURT)
    assert at.info and "minstens twee" in at.info[0].value
    assert not at.dataframe


@pytest.fixture()
def recording(monkeypatch: pytest.MonkeyPatch) -> type[RecordingStorage]:
    RecordingStorage.files, RecordingStorage.names = {}, {}
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)
    return RecordingStorage


@pytest.mark.usefixtures("app_env")
def test_the_comparison_csv_download_matches_the_golden_file(recording) -> None:
    at = run("views/vergelijken.py", gebieden=",".join(THREE))
    data = downloaded(at, "Download CSV")
    golden = (GOLDEN / "vergelijking_markt_weverstraat_arnhemse_broek.csv").read_bytes()
    assert data == golden


@pytest.mark.usefixtures("app_env")
def test_the_comparison_xlsx_download_matches_the_golden_file(recording) -> None:
    at = run("views/vergelijken.py", gebieden=",".join(THREE))
    got = openpyxl.load_workbook(io.BytesIO(downloaded(at, "Download Excel")))
    want = openpyxl.load_workbook(GOLDEN / "vergelijking_markt_weverstraat_arnhemse_broek.xlsx")
    assert got.sheetnames == want.sheetnames
    rows = lambda wb: [tuple(r) for r in wb.active.iter_rows(values_only=True)]  # noqa: E731
    assert rows(got) == rows(want)
    header = rows(got)[0]
    assert {"Eenheid", "Jaar", "Bron", "Synthetisch", "Onderdrukt"} <= set(header)


@pytest.mark.usefixtures("app_env")
def test_the_reference_switch_adds_its_column_to_the_profile(app_env) -> None:
    at = run("views/buurtprofiel.py", buurt=BUURT, referentie="index_nulmeting", nulmeting="2014")
    table = theme_table(at, 0)
    row = table[table["label"] == "Leefbaarometerscore"].iloc[0]
    index = value(app_env, BUURT, "lbm_score", 2024) / value(app_env, BUURT, "lbm_score", 2014) * 100
    assert row["switch"] == format_number(index, 0)
    plain = run("views/buurtprofiel.py", buurt=BUURT)
    assert "switch" not in theme_table(plain, 0).columns



@pytest.mark.usefixtures("app_env")
def test_the_profile_download_holds_every_indicator_of_every_theme(app_env, recording) -> None:
    import pandas as pd

    at = run("views/buurtprofiel.py", buurt=BUURT)
    shown = sum(len(frame.value) for frame in at.dataframe[:5])
    csv = downloaded(at, "Download CSV")  # the profile's own comes first on the page
    assert csv.startswith("\ufeff".encode())
    frame = pd.read_csv(io.BytesIO(csv), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(frame.columns[:3]) == ["Thema", "Indicator", "Eenheid"]
    assert {"Bron", "Synthetisch", "Onderdrukt", "Respondenten (n)"} <= set(frame.columns)
    assert frame["Thema"].nunique() == 5 and len(frame) == shown
    row = frame[frame["Indicator"] == "Leefbaarometerscore"].iloc[0]
    assert row["Thema"] == "Leefbaarheid" and row["Jaar"] == 2024
    assert row["Waarde"] == pytest.approx(value(app_env, BUURT, "lbm_score", 2024))
    # One pair of buttons for the whole profile, not one per theme.
    offered = [recording.names[download_id(b.proto)] for b in at.get("download_button")]
    assert offered[:2] == [f"profiel-{BUURT.lower()}.csv", f"profiel-{BUURT.lower()}.xlsx"]
    assert not [name for name in offered if name.startswith(f"profiel-{BUURT.lower()}-")]


def test_a_wijk_value_derived_from_buurten_keeps_the_source_of_its_own_indicator() -> None:
    # A wijk without its own figure gets the weighted buurt average, and that average is as real
    # (or as synthetic) as the buurt values of its own indicator, not of other indicators.
    import pandas as pd


    areas = pd.DataFrame({"code": ["WK000101", "BU00010101", "BU00010102"],
                          "level": ["wijk", "buurt", "buurt"],
                          "parent_code": ["GM0001", "WK000101", "WK000101"]})
    rows = []
    for code, people in (("BU00010101", 100.0), ("BU00010102", 300.0)):
        rows += [(code, "inwoners", 2020, people, "cbs_kwb", False),
                 (code, "leegstand", 2020, 4.0, "cbs_kwb", False)]
    rows += [(c, "eenzaamheid", 2020, 10.0, "synthetisch_demo", True)
             for c in ("BU00010101", "BU00010102")]
    rows += [("BU00010101", f"x{i}", 2020, 1.0, "synthetisch_demo", True) for i in range(5)]
    obs = pd.DataFrame(rows, columns=["area_code", "indicator_id", "period", "value", "source",
                                      "synthetic"]).assign(n=float("nan"), suppressed=False)
    cat = pd.DataFrame({"id": ["inwoners", "leegstand", "eenzaamheid", *[f"x{i}" for i in range(5)]],
                        "aggregation": ["aantal", "aandeel", "aandeel", *["aandeel"] * 5],
                        "weight": ["", "inwoners", "inwoners", *["inwoners"] * 5]}).set_index(
        "id", drop=False)
    wijk = selection_rules.wijk_values(obs, areas, cat).set_index("indicator_id")
    assert wijk.loc["leegstand", "source"] == "cbs_kwb"
    assert wijk.loc["eenzaamheid", "source"] == "synthetisch_demo"
