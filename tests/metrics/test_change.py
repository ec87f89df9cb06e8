"""Change between periods: which test, whether it is real, and the direction-aware verdict."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs

from metrics.change import (
    SIGNIFICANCE_HELP,
    TESTS,
    change_between,
    change_since,
    change_since_nulmeting,
    change_since_previous,
    nulmeting_period,
)


def one_change(rows: list[tuple]) -> pd.Series:
    out = change_between(obs(rows), catalogue(), 2022, 2024)
    assert len(out) == 1
    return out.iloc[0]


@pytest.mark.parametrize(
    ("indicator", "start", "end", "test", "z", "verdict"),
    [
        # Two proportions, n = 200 each: pooled 0,24, se = sqrt(0,24*0,76*(2/200)) = 0,042708,
        # z = 0,08 / 0,042708 = 1,873, p = 0,061: not significant.
        (
            "onveilig_buurt",
            (20, 200),
            (28, 200),
            "twee-proportietoets",
            1.8732,
            "geen wezenlijke verandering",
        ),
        # n = 500 each: se = sqrt(0,1824 * 2/500) = 0,027011, z = 2,9617, p = 0,003.
        # Feeling unsafe is lager_beter: up is worse.
        ("onveilig_buurt", (20, 500), (28, 500), "twee-proportietoets", 2.9617, "verslechterd"),
        # The same numbers for satisfaction (hoger_beter): better.
        ("tevreden_woonomgeving", (20, 500), (28, 500), "twee-proportietoets", 2.9617, "verbeterd"),
        # Poisson on counts: 5 -> 10 per 1.000 on 1.000 dwellings is 5 -> 10 burglaries;
        # pooled rate 15/2000, se = sqrt(0,0075 * 2/1000) = 0,003873, z = 0,005/0,003873 = 1,291.
        (
            "woninginbraak",
            (5, 1000),
            (10, 1000),
            "poissontoets op aantallen",
            1.2910,
            "geen wezenlijke verandering",
        ),
        # The same rates on 10.000 dwellings (50 -> 100): se = 0,0012247, z = 4,0825: worse.
        (
            "woninginbraak",
            (5, 10000),
            (10, 10000),
            "poissontoets op aantallen",
            4.0825,
            "verslechterd",
        ),
    ],
)
def test_a_change_with_n_is_tested_and_judged_by_direction(
    indicator: str, start: tuple, end: tuple, test: str, z: float, verdict: str
) -> None:
    row = one_change([("BU1", indicator, 2022, *start), ("BU1", indicator, 2024, *end)])
    assert row["test"] == test
    assert row["z"] == pytest.approx(z, abs=1e-4)
    assert row["p_value"] == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), abs=1e-4)
    assert row["verdict"] == verdict
    assert not row["indicatief"]


@pytest.mark.parametrize(
    ("indicator", "start", "end", "z", "verdict"),
    [
        # se = 0,2 / 1,96 = 0,10204 each; combined 0,14431; z = 0,5 / 0,14431 = 3,4648.
        ("rapportcijfer_buurt", (6.4, 6.2, 6.6), (6.9, 6.7, 7.1), 3.4648, "verbeterd"),
        # The same move on nuisance (lager_beter) is a worsening.
        ("overlast_score", (6.4, 6.2, 6.6), (6.9, 6.7, 7.1), 3.4648, "verslechterd"),
        # Wide margins: se 0,20408 each, combined 0,28861, z = 0,2 / 0,28861 = 0,693.
        (
            "rapportcijfer_buurt",
            (6.4, 6.0, 6.8),
            (6.6, 6.2, 7.0),
            0.6930,
            "geen wezenlijke verandering",
        ),
    ],
)
def test_a_change_with_margins_is_tested_on_the_margins(
    indicator: str, start: tuple, end: tuple, z: float, verdict: str
) -> None:
    value1, low1, high1 = start
    value2, low2, high2 = end
    row = one_change(
        [
            ("BU1", indicator, 2022, value1, None, low1, high1),
            ("BU1", indicator, 2024, value2, None, low2, high2),
        ]
    )
    assert row["test"] == "z-toets op marges"
    assert row["z"] == pytest.approx(z, abs=1e-4)
    assert row["verdict"] == verdict
    assert bool(row["significant"]) is (verdict != "geen wezenlijke verandering")


@pytest.mark.parametrize(
    ("indicator", "start", "end", "verdict"),
    [
        ("lbm_score", 4.00, 4.30, "verbeterd"),  # +7,5% of 4,00 >= 5%
        ("lbm_score", 4.00, 4.10, "geen wezenlijke verandering"),  # +2,5% < 5%
        # A deviation score is centred on zero: 5% of half its range (1) = 0,05 is the bar.
        ("lbm_soc", 0.010, 0.070, "verbeterd"),  # +0,06 >= 0,05
        ("lbm_soc", 0.010, 0.040, "geen wezenlijke verandering"),  # +0,03 < 0,05 (300% relative)
        # Neutral: a real change is 'veranderd', never better or worse. 40 -> 50 is +25%.
        ("woningen_corporatie", 40, 50, "veranderd"),
        ("woningen_corporatie", 40, 41, "geen wezenlijke verandering"),  # +2,5%
        ("bewonersinitiatieven", 0, 2, "verbeterd"),  # from zero any change counts
    ],
)
def test_without_n_or_margins_the_verdict_is_indicative(
    indicator: str, start: float, end: float, verdict: str
) -> None:
    row = one_change([("BU1", indicator, 2022, start), ("BU1", indicator, 2024, end)])
    assert row["test"] == "indicatief (geen marges)"
    assert row["indicatief"]
    assert row["significant"] is pd.NA
    assert math.isnan(row["p_value"])
    assert row["verdict"] == verdict


@pytest.mark.parametrize(
    "rows",
    [
        [("BU1", "onveilig_buurt", 2024, 28, 200)],  # no start value
        [("BU1", "onveilig_buurt", 2022, None, 200), ("BU1", "onveilig_buurt", 2024, 28, 200)],
        [
            ("BU1", "onveilig_buurt", 2022, 20, 12, NAN, NAN, True),
            ("BU1", "onveilig_buurt", 2024, 28, 200),
        ],
    ],
    ids=["only one year", "missing", "suppressed"],
)
def test_a_change_without_both_values_is_unknown(rows: list[tuple]) -> None:
    row = one_change(rows)
    assert row["verdict"] == "onbekend"
    assert row["significant"] is pd.NA
    assert row["test"] is None
    assert math.isnan(row["difference"])


def test_the_difference_of_percentages_is_in_points() -> None:
    row = one_change(
        [("BU1", "onveilig_buurt", 2022, 28.0, 300), ("BU1", "onveilig_buurt", 2024, 36.5, 300)]
    )
    assert row["difference"] == pytest.approx(8.5)


def test_change_since_previous_skips_suppressed_and_unmeasured_years() -> None:
    rows = [
        ("BU1", "lbm_score", 2020, 4.00),
        ("BU1", "lbm_score", 2022, 4.10),  # two-yearly: 2024 compares with 2022
        ("BU1", "lbm_score", 2024, 4.40),
        ("BU1", "onveilig_buurt", 2022, 20, 500),
        ("BU1", "onveilig_buurt", 2023, 25, 10, NAN, NAN, True),  # suppressed: skipped
        ("BU1", "onveilig_buurt", 2024, 28, 500),
        ("BU2", "onveilig_buurt", 2024, 30, 500),  # nothing earlier
    ]
    out = change_since_previous(obs(rows), catalogue(), 2024).set_index(
        ["area_code", "indicator_id"]
    )
    assert out.loc[("BU1", "lbm_score"), "from_period"] == 2022
    assert out.loc[("BU1", "lbm_score"), "verdict"] == "verbeterd"  # +0,30 is 7,3% of 4,10
    assert out.loc[("BU1", "onveilig_buurt"), "from_period"] == 2022
    assert out.loc[("BU1", "onveilig_buurt"), "verdict"] == "verslechterd"
    assert out.loc[("BU2", "onveilig_buurt"), "from_period"] is pd.NA
    assert out.loc[("BU2", "onveilig_buurt"), "verdict"] == "onbekend"


def test_change_since_the_nulmeting_is_the_change_between_the_two_years() -> None:
    frame = obs(
        [("BU1", "onveilig_buurt", 2014, 20, 500), ("BU1", "onveilig_buurt", 2024, 28, 500)]
    )
    pd.testing.assert_frame_equal(
        change_since_nulmeting(frame, catalogue(), 2014, 2024),
        change_between(frame, catalogue(), 2014, 2024),
    )


def test_the_help_text_names_every_test() -> None:
    for test in TESTS:
        assert test in SIGNIFICANCE_HELP
    assert "oorzaak" in SIGNIFICANCE_HELP


def test_no_observations_give_no_changes() -> None:
    empty = obs([("BU1", "onveilig_buurt", 2024, 20)]).iloc[0:0]
    assert change_between(empty, catalogue(), 2022, 2024).empty
    assert change_since_previous(empty, catalogue(), 2024).empty


@pytest.mark.parametrize(
    ("periods", "nulmeting", "want"),
    [
        ([2012, 2016, 2020], 2014, 2016),  # not measured in 2014: the first year after it
        ([2012, 2016, 2020], 2016, 2016),
        ([2012, 2016, 2020], None, 2012),  # no nulmeting: the earliest
        ([2012, 2013], 2014, 2012),  # nothing since: the earliest, so the figure still has one
        ([], 2014, None),
    ],
)
def test_the_nulmeting_year_is_the_first_measured_year_at_or_after_the_nulmeting(
        periods, nulmeting, want) -> None:
    assert nulmeting_period(periods, nulmeting) == want


def test_change_since_runs_from_each_indicators_first_year_since_to_its_last_for_every_area(
        ) -> None:
    rows = [
        ("BU1", "lbm_score", 2012, 3.90),  # before the nulmeting: not used
        ("BU1", "lbm_score", 2016, 4.00),
        ("BU1", "lbm_score", 2024, 4.40),
        ("BU2", "lbm_score", 2016, 4.00),
        ("BU2", "lbm_score", 2024, 3.60),
        ("BU1", "onveilig_buurt", 2014, 20, 500),
        ("BU1", "onveilig_buurt", 2022, 28, 500),
        ("BU1", "onveilig_buurt", 2023, 25, 10, NAN, NAN, True),  # suppressed: not measured
        ("BU1", "rapportcijfer_buurt", 2024, 7.0),  # one year: no change
    ]
    out = change_since(obs(rows), catalogue(), 2014).set_index(["area_code", "indicator_id"])
    assert sorted(out.index) == [("BU1", "lbm_score"), ("BU1", "onveilig_buurt"),
                                 ("BU2", "lbm_score")]
    assert tuple(out.loc[("BU1", "lbm_score"), ["from_period", "to_period"]]) == (2016, 2024)
    assert out.loc[("BU1", "lbm_score"), "verdict"] == "verbeterd"  # +0,40 is 10% of 4,00
    assert out.loc[("BU2", "lbm_score"), "verdict"] == "verslechterd"
    assert tuple(out.loc[("BU1", "onveilig_buurt"), ["from_period", "to_period"]]) == (2014, 2022)
    pd.testing.assert_series_equal(
        out.loc[("BU1", "onveilig_buurt")],
        change_between(obs(rows), catalogue(), 2014, 2022)
        .set_index(["area_code", "indicator_id"]).loc[("BU1", "onveilig_buurt")],
    )
