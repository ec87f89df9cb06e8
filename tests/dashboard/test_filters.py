"""Changing the buurttype filter changes what the overview, the map and the trends show.

Expected values are computed here straight from the demo database with plain SQL, independently of
the metrics package, and compared with what the pages render.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
# The income rule, which has all three types; the demo's default is the gemeente's own list.
RULE = "inkomen_gemeente_kwintiel"

EXPECTED_SQL = """
WITH pop AS (
    SELECT area_code, value AS inwoners FROM observations
    WHERE indicator_id = 'inwoners' AND period = 2024
), members AS (
    SELECT area_code FROM buurttypes
    WHERE rule = 'inkomen_gemeente_kwintiel' AND period = 2024 AND list_contains(?, type)
)
SELECT sum(o.value * p.inwoners) / sum(p.inwoners)
FROM observations o JOIN pop p USING (area_code) JOIN members m USING (area_code)
WHERE o.indicator_id = 'lbm_score' AND o.period = 2024 AND p.inwoners >= 50
"""


def expected_lbm(db: Path, types: list[str]) -> float:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(EXPECTED_SQL, [types]).fetchall()[0][0]
    finally:
        con.close()


def overview(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"regel": RULE, **params}.items():
        at.query_params[key] = value
    return at.run()


def lbm_metric(at: AppTest) -> str:
    return next(m.value for m in at.metric if m.label.startswith("Leefbaarometerscore"))


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("types", [["achterstand"], ["voorstand"], ["achterstand", "midden"]])
def test_the_overview_shows_the_weighted_average_of_the_chosen_buurttypes(
    demo_db: Path, types: list[str]
) -> None:
    at = overview(buurttype=",".join(types))
    assert not at.exception
    expected = expected_lbm(demo_db, types)
    assert lbm_metric(at) == f"{expected:.2f}".replace(".", ",")


@pytest.mark.usefixtures("app_env")
def test_achterstandsbuurten_score_lower_than_voorstandsbuurten_on_the_overview() -> None:
    low = float(lbm_metric(overview(buurttype="achterstand")).replace(",", "."))
    high = float(lbm_metric(overview(buurttype="voorstand")).replace(",", "."))
    assert low < high


@pytest.mark.usefixtures("app_env")
def test_the_filter_widget_writes_the_url_and_changes_the_overview(demo_db: Path) -> None:
    at = overview()
    before = lbm_metric(at)
    at.multiselect(key="w_buurttype").set_value(["voorstand"]).run()
    assert at.query_params["buurttype"] == ["voorstand"] or at.query_params["buurttype"] == "voorstand"
    after = lbm_metric(at)
    assert after != before
    assert after == f"{expected_lbm(demo_db, ['voorstand']):.2f}".replace(".", ",")


@pytest.mark.usefixtures("app_env")
def test_the_map_table_lists_only_buurten_of_the_chosen_type(demo_db: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["buurttype"] = "achterstand"
    at.query_params["regel"] = RULE
    at.session_state["kaart_tabel"] = True  # the table under the map, on request
    at.run()
    at.switch_page("views/kaart.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    con = duckdb.connect(str(demo_db), read_only=True)
    codes = {r[0] for r in con.execute(
        "SELECT area_code FROM buurttypes WHERE rule = 'inkomen_gemeente_kwintiel' "
        "AND period = 2024 AND type = 'achterstand'").fetchall()}
    con.close()
    assert set(table["Code"]) == codes
    assert set(table["Buurttype"]) == {"achterstandsbuurt"}


@pytest.mark.usefixtures("app_env")
def test_the_trends_show_the_average_of_each_chosen_buurttype_only() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["buurttype"] = "achterstand,voorstand"
    at.query_params["regel"] = RULE
    at.run()
    at.switch_page("views/trends.py").run()
    assert not at.exception
    series = set(at.dataframe[0].value["Reeks"])
    assert "Gemiddelde achterstandsbuurten" in series
    assert "Gemiddelde voorstandsbuurten" in series
    assert "Gemiddelde middenstandsbuurten" not in series


@pytest.mark.usefixtures("app_env")
def test_the_map_shows_its_table_on_request_and_downloads_it_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    from app_walk import RecordingStorage, download_id, record_downloads

    record_downloads(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["buurttype"] = "achterstand,midden,voorstand"
    at.run()
    at.switch_page("views/kaart.py").run()
    assert not at.exception
    assert not at.dataframe  # not drawn unasked
    said = next(c.value for c in at.caption if "gebieden in het filter" in c.value)
    shown = int(re.search(r"(\d+) gebieden in het filter", said).group(1))
    assert shown > 20
    csv = next(RecordingStorage.files[download_id(b.proto)]
               for b in at.get("download_button") if b.proto.label == "Download CSV")
    assert csv.decode("utf-8-sig").count("\r\n") == shown + 1  # header and every area
    at.toggle(key="kaart_tabel").set_value(True).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == shown
