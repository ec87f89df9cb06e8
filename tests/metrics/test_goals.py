"""Goal status from the nulmeting: behaald, op koers, achter, geen gegevens (hand-checked)."""

from __future__ import annotations

import pandas as pd
import pytest

from metrics.goals import BEHIND, NO_DATA, ON_TRACK, REACHED, goal_status


def status(goal: tuple, observations: list[tuple]) -> pd.Series:
    goals = pd.DataFrame([goal], columns=["area_code", "indicator_id", "nulmeting_period",
                                          "nulmeting_value", "target_value", "target_period"])
    obs = pd.DataFrame(observations, columns=["area_code", "indicator_id", "period", "value",
                                              "suppressed"])
    out = goal_status(goals, obs)
    assert len(out) == 1
    return out.iloc[0]


DOWN = ("BU1", "onveilig_buurt", 2018, 30.0, 25.0, 2026)  # from 30% to 25% in 2026


@pytest.mark.parametrize(
    ("goal", "observations", "progress", "expected", "verdict"),
    [
        # (27 - 30) / (25 - 30) = 0,6 of the way after 4 of 8 years (0,5): on track.
        (DOWN, [("BU1", "onveilig_buurt", 2022, 27.0, False)], 0.6, 0.5, ON_TRACK),
        # 29: 0,2 of the way where 0,5 was due: behind.
        (DOWN, [("BU1", "onveilig_buurt", 2022, 29.0, False)], 0.2, 0.5, BEHIND),
        # 24 is past the target: reached (progress 1,2), before the target year.
        (DOWN, [("BU1", "onveilig_buurt", 2022, 27.0, False),
                ("BU1", "onveilig_buurt", 2024, 24.0, False)], 1.2, 0.75, REACHED),
        # A suppressed value does not count: 2020's 29 is the latest usable (0,2 < 2/8).
        (DOWN, [("BU1", "onveilig_buurt", 2020, 29.0, False),
                ("BU1", "onveilig_buurt", 2022, 20.0, True)], 0.2, 0.25, BEHIND),
        # The target year measured and not reached: behind, whatever the line says.
        (("BU1", "onveilig_buurt", 2018, 30.0, 25.0, 2022),
         [("BU1", "onveilig_buurt", 2022, 28.0, False)], 0.4, 1.0, BEHIND),
        # A value after the target year is not what the goal was about.
        (("BU1", "onveilig_buurt", 2018, 30.0, 25.0, 2022),
         [("BU1", "onveilig_buurt", 2022, 29.0, False),
          ("BU1", "onveilig_buurt", 2024, 20.0, False)], 0.2, 1.0, BEHIND),
        # Upwards: 60 -> 66; 62 in 2020 is 1/3 of the way after 2 of 8 years.
        (("BU1", "tevreden_woonomgeving", 2018, 60.0, 66.0, 2026),
         [("BU1", "tevreden_woonomgeving", 2020, 62.0, False)], 1 / 3, 0.25, ON_TRACK),
        # Moving the wrong way: negative progress.
        (DOWN, [("BU1", "onveilig_buurt", 2020, 33.0, False)], -0.6, 0.25, BEHIND),
    ],
)
def test_goal_status(goal, observations, progress, expected, verdict) -> None:
    out = status(goal, observations)
    assert out["progress"] == pytest.approx(progress)
    assert out["expected_progress"] == pytest.approx(expected)
    assert out["status"] == verdict


@pytest.mark.parametrize(
    "observations",
    [
        [],  # nothing measured at all
        [("BU1", "onveilig_buurt", 2018, 30.0, False)],  # only the nulmeting itself
        [("BU2", "onveilig_buurt", 2022, 27.0, False)],  # another buurt
        [("BU1", "onveilig_buurt", 2022, None, False)],  # a missing value
    ],
)
def test_without_a_measurement_after_the_nulmeting_there_is_no_status(observations) -> None:
    out = status(DOWN, observations)
    assert out["status"] == NO_DATA
    assert pd.isna(out["latest_period"])
