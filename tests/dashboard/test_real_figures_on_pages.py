"""The demo's pages on real figures: the default map and a profile show the real Leefbaarometer
with its source and the publisher's note, the 2002 nulmeting works, and gaps stay gaps.

Expected values come from plain SQL on the demo database, independent of the metrics package.
"""

from __future__ import annotations

import pytest
from app_walk import rows, run

from metrics.formatting import format_number

RECOMPUTED = "herberekend op de grenzen van 2024"


def value(db, code: str, indicator: str, year: int) -> float:
    return rows(db, "SELECT value FROM observations WHERE area_code = ? AND indicator_id = ? "
                "AND period = ?", [code, indicator, year])[0][0]


@pytest.mark.usefixtures("app_env")
def test_the_default_map_shows_the_real_leefbaarometer_with_its_source_and_note(app_env) -> None:
    at = run("kaart")
    assert not at.exception, at.exception
    assert at.title[0].value == "Kaart: Leefbaarometerscore"
    table = at.dataframe[0].value.set_index("Code")
    assert set(table["Synthetisch"]) == {"nee"}
    # The measured value has a column named for it ("Gemeten: <indicator> (<unit>)").
    measured = next(c for c in table.columns if c.startswith("Gemeten:"))
    shown = table[table[measured].notna()]
    # 83 buurten: Ijsseloord has no score, Bij de John Frostbrug none since 2012, and BU02021269
    # (25 inhabitants) is suppressed.
    assert len(shown) == 80
    assert shown["Bron"].str.contains(RECOMPUTED).all()
    assert table.loc["BU02021990", measured] == pytest.approx(
        value(app_env, "BU02021990", "lbm_score", 2024), abs=1e-4)
    assert not any("synthetische" in w.value.lower() for w in at.warning)


@pytest.mark.usefixtures("app_env")
def test_the_profile_shows_only_real_leefbaarometer_values_with_the_source_line(app_env) -> None:
    at = run("buurtprofiel", buurt="BU02021990")
    assert not at.exception, at.exception
    table = at.dataframe[0].value.set_index("label")  # Leefbaarheid
    lbm = [i for i in table.index if i.startswith("Leefbaarometer")]
    assert len(lbm) == 6
    assert not table.loc[lbm, "kort"].str.contains("synth").any()
    assert table.loc["Leefbaarometerscore", "kort"] == format_number(
        value(app_env, "BU02021990", "lbm_score", 2024), 2)
    # The Leefbaarometer dimensions table names its source, with the publisher's note.
    assert any(RECOMPUTED in frame.value.to_csv() for frame in at.dataframe)


@pytest.mark.usefixtures("app_env")
def test_the_index_against_a_2002_nulmeting_is_the_real_value_relative_to_2002(app_env) -> None:
    at = run("kaart", referentie="index_nulmeting", nulmeting="2002")
    assert not at.exception, at.exception
    table = at.dataframe[0].value.set_index("Code")
    expected = (value(app_env, "BU02020100", "lbm_score", 2024)
                / value(app_env, "BU02020100", "lbm_score", 2002) * 100)
    index = next(c for c in table.columns if c.startswith("Index"))  # the derived column
    assert table.loc["BU02020100", index] == pytest.approx(expected, abs=1e-2)


@pytest.mark.usefixtures("app_env")
def test_ijsseloord_has_no_leefbaarometer_score_and_shows_a_gap_not_a_zero(app_env) -> None:
    assert not rows(app_env, "SELECT 1 FROM observations WHERE area_code = 'BU02020529' "
                    "AND indicator_id LIKE 'lbm%'")
    at = run("kaart")
    table = at.dataframe[0].value.set_index("Code")
    assert "BU02020529" not in table.index or table.loc["BU02020529", "Weergave"] in ("–", "")


def test_the_wijken_whose_composition_changed_start_in_2018(app_env) -> None:
    first = dict(rows(app_env, "SELECT area_code, min(period) FROM observations WHERE "
                      "indicator_id = 'inwoners' AND area_code IN ('WK020206', 'WK020209', "
                      "'WK020201') GROUP BY area_code"))
    assert first == {"WK020206": 2018, "WK020209": 2018, "WK020201": 2016}
