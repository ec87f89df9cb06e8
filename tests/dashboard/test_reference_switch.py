"""One reference switch drives the overview, the map and the trends consistently.

Expected values come from plain SQL on the demo database, independent of the metrics package.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
MEAN_SQL = """
WITH pop AS (SELECT area_code, value AS w FROM observations
             WHERE indicator_id = 'inwoners' AND period = 2024 AND value >= 50),
members AS (SELECT area_code FROM buurttypes WHERE rule = 'inkomen_gemeente_kwintiel'
            AND period = 2024 AND list_contains(?, type))
SELECT sum(o.value * p.w) / sum(p.w) FROM observations o JOIN pop p USING (area_code)
WHERE o.indicator_id = 'lbm_score' AND o.period = 2024 AND o.area_code LIKE 'BU%'
  AND (? OR o.area_code IN (SELECT area_code FROM members))
"""


def sql(db: Path, query: str, params: list) -> float:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params).fetchall()[0][0]
    finally:
        con.close()


def gemeente_mean(db: Path) -> float:
    return sql(db, MEAN_SQL, [[], True])


def buurt_value(db: Path, code: str, year: int) -> float:
    return sql(db, "SELECT value FROM observations WHERE area_code = ? AND indicator_id = "
               "'lbm_score' AND period = ?", [code, year])


def run(page: str | None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.session_state["kaart_tabel"] = True  # the map's table of more than 40 rows, on request
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def dutch(value: float, decimals: int = 2, sign: bool = False) -> str:
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    return text.replace(".", ",")


@pytest.mark.usefixtures("app_env")
def test_difference_from_the_gemeente_on_the_overview(demo_db: Path) -> None:
    at = run(None, buurttype="achterstand", referentie="verschil_gemeente",
             regel="inkomen_gemeente_kwintiel")
    selection = sql(demo_db, MEAN_SQL, [["achterstand"], False])
    metric = next(m for m in at.metric if m.label.startswith("Leefbaarometerscore"))
    assert metric.value == dutch(selection - gemeente_mean(demo_db), sign=True)


@pytest.mark.usefixtures("app_env")
def test_difference_from_the_gemeente_on_the_map(demo_db: Path) -> None:
    at = run("views/kaart.py", referentie="verschil_gemeente")
    table = at.dataframe[0].value.set_index("Code")
    expected = buurt_value(demo_db, "BU02020100", 2024) - gemeente_mean(demo_db)
    # The difference in a column named for it, the measured value beside it in its own.
    assert table.loc["BU02020100", "Verschil met de gemeente (score)"] == pytest.approx(
        expected, abs=1e-3)
    assert table.loc["BU02020100", "Gemeten: Leefbaarometerscore (score)"] == pytest.approx(
        buurt_value(demo_db, "BU02020100", 2024), abs=1e-3)
    assert "Waarde" not in table.columns


@pytest.mark.usefixtures("app_env")
def test_the_index_on_the_map_is_the_value_relative_to_the_nulmeting(demo_db: Path) -> None:
    at = run("views/kaart.py", referentie="index_nulmeting", nulmeting="2014")
    table = at.dataframe[0].value.set_index("Code")
    expected = buurt_value(demo_db, "BU02020100", 2024) / buurt_value(demo_db, "BU02020100", 2014) * 100
    assert table.loc["BU02020100", "Index (2014 = 100)"] == pytest.approx(expected, abs=1e-2)


@pytest.mark.usefixtures("app_env")
def test_difference_from_the_gemeente_makes_the_gemeente_line_zero_in_the_trends() -> None:
    at = run("views/trends.py", referentie="verschil_gemeente")
    table = at.dataframe[0].value
    gemeente = table[table["Reeks"].str.startswith("Gemeente")]
    assert len(gemeente) == 9  # the Leefbaarometer years 2002, 2008, 2012, 2014..2024
    # The difference has a column named for it; "Waarde" keeps the measured value.
    difference = next(c for c in table.columns if c.lower().startswith("verschil"))
    assert gemeente[difference].abs().max() == pytest.approx(0, abs=1e-9)
    assert gemeente["Waarde"].min() > 3
