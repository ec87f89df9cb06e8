"""Suppression of small numbers and the reliability grade."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs, weights

from metrics.privacy import apply_suppression, reliability

POPULATION = weights({"BU1": 1000, "BU2": 40})  # BU2 is too small to show anything


@pytest.mark.parametrize(
    ("row", "hidden"),
    [
        (("BU1", "onveilig_buurt", 2024, 25.0, 29, 20.0, 30.0), True),  # 29 < 30 respondents
        (("BU1", "onveilig_buurt", 2024, 25.0, 30, 20.0, 30.0), False),  # 30 is enough
        (("BU1", "lbm_score", 2024, 4.2), False),  # no n: the respondent rule does not apply
        (("BU2", "lbm_score", 2024, 4.2), True),  # 40 < 50 inhabitants
        (("BU3", "lbm_score", 2024, 4.2), False),  # no count known: not suppressed by this rule
        (("BU1", "lbm_score", 2024, 4.2, None, NAN, NAN, True), True),  # secret in the source
    ],
)
def test_a_value_resting_on_too_few_people_is_suppressed(row: tuple, hidden: bool) -> None:
    out = apply_suppression(
        obs([row]), min_respondents=30, min_inhabitants=50, population=POPULATION
    )
    assert bool(out["suppressed"].iloc[0]) is hidden
    assert math.isnan(out["value"].iloc[0]) is hidden
    assert math.isnan(out["ci_low"].iloc[0]) or not hidden


def test_suppression_never_drops_a_row_and_keeps_n() -> None:
    frame = obs(
        [("BU1", "onveilig_buurt", 2024, 25.0, 12), ("BU2", "onveilig_buurt", 2024, 25.0, 400)]
    ).set_axis([10, 11])
    out = apply_suppression(frame, 30, 50, POPULATION)
    assert list(out.index) == [10, 11]
    assert out["suppressed"].tolist() == [True, True]
    assert out["n"].tolist() == [12, 400]  # n identifies no one and explains the gap
    assert frame["suppressed"].tolist() == [False, False]  # the input is untouched


def test_the_inhabitants_count_itself_is_never_suppressed() -> None:
    # Without a population frame the counts come from the 'inwoners' rows; 2014 has none and
    # takes the nearest counted year (2024: 40 inhabitants).
    frame = obs([("BU2", "inwoners", 2024, 40), ("BU2", "onveilig_buurt", 2014, 25.0, 300)])
    out = apply_suppression(frame, 30, 50)
    assert out["suppressed"].tolist() == [False, True]


def test_with_the_catalogue_only_survey_values_meet_the_respondent_rule() -> None:
    # For a registration, n is the population base (here 20 dwellings), not respondents.
    frame = obs(
        [("BU1", "woninginbraak", 2024, 50.0, 20), ("BU1", "onveilig_buurt", 2024, 25.0, 20)]
    )
    out = apply_suppression(frame, 30, 50, POPULATION, catalogue=catalogue())
    assert out["suppressed"].tolist() == [False, True]


@pytest.mark.parametrize(
    ("row", "grade"),
    [
        (("BU1", "onveilig_buurt", 2024, 25.0, 150), "goed"),
        (("BU1", "onveilig_buurt", 2024, 25.0, 100), "goed"),
        (("BU1", "onveilig_buurt", 2024, 25.0, 99), "matig"),
        (("BU1", "onveilig_buurt", 2024, 25.0, 50), "matig"),
        (("BU1", "onveilig_buurt", 2024, 25.0, 49), "laag"),
        # No n: half the margin / |value|. 0,4 / 6,4 = 6,25% -> goed
        (("BU1", "rapportcijfer_buurt", 2024, 6.4, None, 6.0, 6.8), "goed"),
        # 5 / 20 = 25% -> matig (the boundary belongs to matig)
        (("BU1", "tevreden_woonomgeving", 2024, 20.0, None, 15.0, 25.0), "matig"),
        # 5 / 10 = 50% -> laag
        (("BU1", "tevreden_woonomgeving", 2024, 10.0, None, 5.0, 15.0), "laag"),
        (("BU1", "lbm_score", 2024, 4.2), "onbekend"),  # neither n nor margin
        (("BU1", "onveilig_buurt", 2024, None, 150), "onbekend"),  # missing
        (("BU1", "onveilig_buurt", 2024, 25.0, 150, NAN, NAN, True), "onbekend"),  # suppressed
    ],
)
def test_reliability_is_graded_from_n_or_else_from_the_margin(row: tuple, grade: str) -> None:
    assert reliability(obs([row]))["reliability"].iloc[0] == grade


def test_reliability_adds_a_column_and_changes_nothing_else() -> None:
    frame = obs([("BU1", "onveilig_buurt", 2024, 25.0, 150)])
    out = reliability(frame)
    pd.testing.assert_frame_equal(out.drop(columns="reliability"), frame)
