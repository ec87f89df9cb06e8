"""The Leefbaarometer change split into its five dimensions."""

from __future__ import annotations

import math

import pytest
from metrics_testdata import obs

from metrics.decomposition import DIMENSIONS, leefbaarometer_decomposition

# From -> to per dimension; the score is 4,1023 plus the dimensions, rounded to 2 decimals:
# 2014: 4,1023 + 0,08 = 4,18; 2024: 4,1023 + 0,22 = 4,32; total change +0,14.
DIMENSION_VALUES = {
    "lbm_fys": (0.00, 0.02),  # +0,02 -> share 0,02 / 0,14 = 0,143
    "lbm_onv": (-0.05, 0.05),  # +0,10 -> 0,714
    "lbm_soc": (0.03, 0.01),  # -0,02 -> -0,143 (moved against the total)
    "lbm_vrz": (0.10, 0.10),  # 0
    "lbm_won": (0.00, 0.04),  # +0,04 -> 0,286
}


def rows(
    values: dict[str, tuple[float, float]] = DIMENSION_VALUES, score: bool = True
) -> list[tuple]:
    out = [
        ("BU1", d, year, v)
        for d, pair in values.items()
        for year, v in zip((2014, 2024), pair, strict=True)
    ]
    if score:
        out += [("BU1", "lbm_score", 2014, 4.18), ("BU1", "lbm_score", 2024, 4.32)]
    out.append(("BU2", "lbm_onv", 2024, 0.9))  # another buurt: ignored
    return out


def test_dimensions_are_sorted_by_their_contribution_with_shares_of_the_score_change() -> None:
    out = leefbaarometer_decomposition(obs(rows()), "BU1", 2014, 2024)
    assert out["dimension"].tolist() == ["lbm_onv", "lbm_won", "lbm_fys", "lbm_soc", "lbm_vrz"]
    assert out["share"].tolist() == pytest.approx(
        [0.10 / 0.14, 0.04 / 0.14, 0.02 / 0.14, -0.02 / 0.14, 0]
    )
    assert out["total_change"].iloc[0] == pytest.approx(0.14)
    assert out["label"].tolist()[:2] == ["Overlast en onveiligheid", "Woningvoorraad"]


def test_without_a_score_the_total_is_the_sum_of_the_dimensions() -> None:
    out = leefbaarometer_decomposition(obs(rows(score=False)), "BU1", 2014, 2024)
    assert out["total_change"].iloc[0] == pytest.approx(0.14)


def test_a_missing_dimension_has_no_change_and_sorts_last() -> None:
    values = dict(DIMENSION_VALUES)
    del values["lbm_onv"]
    out = leefbaarometer_decomposition(obs(rows(values)), "BU1", 2014, 2024)
    assert out["dimension"].iloc[-1] == "lbm_onv"
    assert math.isnan(out["change"].iloc[-1]) and math.isnan(out["share"].iloc[-1])
    assert out["total_change"].iloc[0] == pytest.approx(0.14)  # the score still knows


def test_every_dimension_has_a_dutch_label() -> None:
    assert DIMENSIONS == {
        "lbm_fys": "Fysieke omgeving",
        "lbm_onv": "Overlast en onveiligheid",
        "lbm_soc": "Sociale samenhang",
        "lbm_vrz": "Voorzieningen",
        "lbm_won": "Woningvoorraad",
    }
