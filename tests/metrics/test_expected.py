"""Expected versus observed: a line through buurten of similar status, and the residuals."""

from __future__ import annotations

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs, weights

from metrics.expected import NOTE, expected_vs_observed

# Status -2..2; the indicator is 50 + 2 * status plus residuals e = (1, -2, 0, 2, -1), which
# sum to 0 and are orthogonal to status, so OLS gives exactly intercept 50 and slope 2.
# sum(e^2) = 10, residual sd = sqrt(10 / (5 - 2)) = 1,8257; e / sd = 0,548, -1,095, 0, 1,095,
# -0,548. Total sum of squares: 9 + 16 + 0 + 16 + 9 = 50, so R^2 = 1 - 10/50 = 0,8.
STATUS = pd.DataFrame(
    {"area_code": ["BU1", "BU2", "BU3", "BU4", "BU5"], "value": [-2.0, -1.0, 0.0, 1.0, 2.0]}
)
VALUES = {"BU1": 47.0, "BU2": 46.0, "BU3": 50.0, "BU4": 54.0, "BU5": 53.0}


def rows_for(indicator: str, values: dict[str, float | None] = VALUES) -> list[tuple]:
    return [(area, indicator, 2024, value) for area, value in values.items()]


def test_the_line_through_similar_buurten_gives_the_expected_value() -> None:
    result = expected_vs_observed(
        obs(rows_for("tevreden_woonomgeving")),
        STATUS,
        "tevreden_woonomgeving",
        2024,
        catalogue=catalogue(),
    )
    assert result.reason is None
    assert result.intercept == pytest.approx(50) and result.slope == pytest.approx(2)
    assert result.r_squared == pytest.approx(0.8) and result.buurten_used == 5
    table = result.table.set_index("area_code")
    assert table["expected"].to_dict() == pytest.approx(
        {"BU1": 46, "BU2": 48, "BU3": 50, "BU4": 52, "BU5": 54}
    )
    assert table["residual_se"].to_dict() == pytest.approx(
        {"BU1": 0.5477, "BU2": -1.0954, "BU3": 0.0, "BU4": 1.0954, "BU5": -0.5477}, abs=1e-4
    )


@pytest.mark.parametrize(
    ("indicator", "verdicts"),
    [
        ("tevreden_woonomgeving", {"BU4": "beter dan verwacht", "BU2": "slechter dan verwacht"}),
        # Feeling unsafe is lager_beter: above the line is worse.
        ("onveilig_buurt", {"BU4": "slechter dan verwacht", "BU2": "beter dan verwacht"}),
        # Neutral: only higher or lower.
        ("woningen_corporatie", {"BU4": "hoger dan verwacht", "BU2": "lager dan verwacht"}),
    ],
)
def test_the_verdict_follows_the_direction_beyond_one_residual_sd(
    indicator: str, verdicts: dict[str, str]
) -> None:
    result = expected_vs_observed(
        obs(rows_for(indicator)), STATUS, indicator, 2024, catalogue=catalogue()
    )
    verdict = result.table.set_index("area_code")["verdict"]
    for area, expected in verdicts.items():
        assert verdict[area] == expected
    assert (verdict[["BU1", "BU3", "BU5"]] == "zoals verwacht").all()  # |e / sd| <= 1
    assert result.table["area_code"].iloc[0] == next(
        a for a, v in verdicts.items() if v.startswith(("beter", "hoger"))
    )  # best first


def test_fewer_than_five_buurten_give_an_empty_table_and_a_reason() -> None:
    values = dict(VALUES, BU5=None)  # missing: four buurten left
    result = expected_vs_observed(
        obs(rows_for("tevreden_woonomgeving", values)),
        STATUS,
        "tevreden_woonomgeving",
        2024,
        catalogue=catalogue(),
    )
    assert result.table.empty
    assert "4" in result.reason and "minstens 5" in result.reason


def test_a_suppressed_value_is_left_out_of_the_line() -> None:
    rows = rows_for("tevreden_woonomgeving")
    rows[0] = ("BU1", "tevreden_woonomgeving", 2024, 47.0, 8, NAN, NAN, True)
    result = expected_vs_observed(
        obs(rows), STATUS, "tevreden_woonomgeving", 2024, catalogue=catalogue()
    )
    assert result.table.empty and result.buurten_used == 4


def test_equal_weights_give_the_ordinary_least_squares_line() -> None:
    equal = weights({area: 500 for area in VALUES})
    result = expected_vs_observed(
        obs(rows_for("tevreden_woonomgeving")),
        STATUS,
        "tevreden_woonomgeving",
        2024,
        catalogue=catalogue(),
        weights=equal,
    )
    assert result.slope == pytest.approx(2) and result.residual_sd == pytest.approx(1.825742)


def test_the_note_says_it_is_a_comparison_not_a_cause() -> None:
    assert "vergelijkbare" in NOTE and "geen bewijs" in NOTE
