"""Weighted means over groups of areas, the gemeente figure and the buurttype peer average."""

from __future__ import annotations

import math

import pytest
from metrics_testdata import NAN, areas, buurttypes, catalogue, obs, weights

from metrics.aggregate import (
    BASIS_DERIVED,
    BASIS_OWN,
    buurttype_reference,
    gemeente_reference,
    weighted_mean,
)

WIJK = {"BU1": "WK1", "BU2": "WK1", "BU3": "WK1"}
INHABITANTS = weights({"BU1": 100, "BU2": 300, "BU3": 600, "BU4": 1000})


@pytest.mark.parametrize(
    ("rows", "expected", "used"),
    [
        # aandeel, weighted: (20*100 + 30*300) / 400 = 11000 / 400 = 27,5
        ([("BU1", "onveilig_buurt", 2024, 20), ("BU2", "onveilig_buurt", 2024, 30)], 27.5, 2),
        # A suppressed value (90 in BU3) does not count, however many inhabitants it has.
        (
            [
                ("BU1", "onveilig_buurt", 2024, 20),
                ("BU2", "onveilig_buurt", 2024, 30),
                ("BU3", "onveilig_buurt", 2024, 90, 10, NAN, NAN, True),
            ],
            27.5,
            2,
        ),
        # A missing value does not count either.
        (
            [
                ("BU1", "onveilig_buurt", 2024, 20),
                ("BU2", "onveilig_buurt", 2024, 30),
                ("BU3", "onveilig_buurt", 2024, None),
            ],
            27.5,
            2,
        ),
        # gemiddelde (a scale score), weighted: (6*100 + 7*300) / 400 = 2700 / 400 = 6,75
        (
            [("BU1", "rapportcijfer_buurt", 2024, 6), ("BU2", "rapportcijfer_buurt", 2024, 7)],
            6.75,
            2,
        ),
        # aantal: summed, weights play no part: 3 + 5 = 8
        (
            [("BU1", "bewonersinitiatieven", 2024, 3), ("BU2", "bewonersinitiatieven", 2024, 5)],
            8,
            2,
        ),
        # one member: its own value
        ([("BU3", "onveilig_buurt", 2024, 41.5)], 41.5, 1),
    ],
)
def test_a_group_value_is_the_inhabitant_weighted_mean_of_its_usable_areas(
    rows: list[tuple], expected: float, used: int
) -> None:
    out = weighted_mean(obs(rows), INHABITANTS, WIJK, catalogue())
    assert len(out) == 1
    assert out["value"].iloc[0] == pytest.approx(expected)
    assert out["areas_used"].iloc[0] == used
    assert out["areas_total"].iloc[0] == 3
    assert out["group"].iloc[0] == "WK1"


def test_a_group_whose_values_are_all_suppressed_is_suppressed_itself() -> None:
    rows = [("BU1", "onveilig_buurt", 2024, 20, 5, NAN, NAN, True)]
    out = weighted_mean(obs(rows), INHABITANTS, WIJK, catalogue())
    assert math.isnan(out["value"].iloc[0])
    assert out["areas_used"].iloc[0] == 0
    assert bool(out["suppressed"].iloc[0])


def test_without_weights_the_plain_mean_is_used_and_flagged() -> None:
    rows = [("BU1", "onveilig_buurt", 2024, 20), ("BU2", "onveilig_buurt", 2024, 30)]
    out = weighted_mean(obs(rows), weights({}), WIJK, catalogue())
    assert out["value"].iloc[0] == pytest.approx(25.0)  # (20 + 30) / 2
    assert not bool(out["weighted"].iloc[0])


def test_a_year_without_a_count_uses_the_nearest_counted_year() -> None:
    # The 2024 counts (100 and 300) weight the 2014 values: (20*100 + 30*300) / 400 = 27,5
    rows = [("BU1", "onveilig_buurt", 2014, 20), ("BU2", "onveilig_buurt", 2014, 30)]
    out = weighted_mean(obs(rows), INHABITANTS, WIJK, catalogue())
    assert out["value"].iloc[0] == pytest.approx(27.5)
    assert bool(out["weighted"].iloc[0])


def test_respondents_add_up_and_no_margin_is_invented() -> None:
    rows = [
        ("BU1", "onveilig_buurt", 2024, 20, 200, 15.0, 25.0),
        ("BU2", "onveilig_buurt", 2024, 30, 150, 24.0, 36.0),
    ]
    out = weighted_mean(obs(rows), INHABITANTS, WIJK, catalogue())
    assert out["n"].iloc[0] == 350
    assert math.isnan(out["ci_low"].iloc[0]) and math.isnan(out["ci_high"].iloc[0])


def test_each_period_and_indicator_is_its_own_group_row() -> None:
    rows = [
        ("BU1", "onveilig_buurt", 2022, 10),
        ("BU1", "onveilig_buurt", 2024, 20),
        ("BU1", "rapportcijfer_buurt", 2024, 7),
    ]
    out = weighted_mean(obs(rows), INHABITANTS, WIJK, catalogue())
    assert list(zip(out["indicator_id"], out["period"], out["value"], strict=True)) == [
        ("onveilig_buurt", 2022, 10),
        ("onveilig_buurt", 2024, 20),
        ("rapportcijfer_buurt", 2024, 7),
    ]


def test_the_gemeente_figure_from_the_source_wins_over_the_buurt_average() -> None:
    rows = [
        ("GM1", "onveilig_buurt", 2024, 24.0),
        ("BU1", "onveilig_buurt", 2024, 20),
        ("BU2", "onveilig_buurt", 2024, 30),
        # 2022: no gemeente figure, so the buurten: (10*100 + 20*300) / 400 = 17,5
        ("BU1", "onveilig_buurt", 2022, 10),
        ("BU2", "onveilig_buurt", 2022, 20),
    ]
    out = gemeente_reference(obs(rows), areas(), INHABITANTS, catalogue())
    by_year = out.set_index("period")
    assert by_year.loc[2024, "value"] == 24.0 and by_year.loc[2024, "basis"] == BASIS_OWN
    assert by_year.loc[2022, "value"] == pytest.approx(17.5)
    assert by_year.loc[2022, "basis"] == BASIS_DERIVED
    assert by_year.loc[2022, "areas_used"] == 2 and by_year.loc[2022, "areas_total"] == 4


def test_a_suppressed_gemeente_figure_falls_back_to_the_buurten() -> None:
    rows = [
        ("GM1", "onveilig_buurt", 2024, 24.0, 10, NAN, NAN, True),
        ("BU1", "onveilig_buurt", 2024, 20),
        ("BU4", "onveilig_buurt", 2024, 30),
    ]
    # (20*100 + 30*1000) / 1100 = 32000 / 1100 = 29,0909...
    out = gemeente_reference(obs(rows), areas(), INHABITANTS, catalogue())
    assert out["value"].iloc[0] == pytest.approx(32000 / 1100)
    assert out["basis"].iloc[0] == BASIS_DERIVED


def test_the_peer_average_uses_the_buurttype_of_that_year() -> None:
    # BU1 is achterstand in 2022 and midden in 2024; BU2 is achterstand throughout.
    types = buurttypes(
        [
            ("BU1", 2022, "achterstand"),
            ("BU1", 2024, "midden"),
            ("BU2", 2022, "achterstand"),
            ("BU2", 2024, "achterstand"),
            ("BU3", 2022, "midden"),
            ("BU3", 2024, "midden"),
        ]
    )
    rows = [
        ("BU1", "onveilig_buurt", 2022, 20),
        ("BU2", "onveilig_buurt", 2022, 30),
        ("BU3", "onveilig_buurt", 2022, 10),
        ("BU1", "onveilig_buurt", 2024, 20),
        ("BU2", "onveilig_buurt", 2024, 30),
        ("BU3", "onveilig_buurt", 2024, 10),
    ]
    out = buurttype_reference(obs(rows), areas(), types, INHABITANTS, catalogue())
    value = out.set_index(["type", "period"])["value"]
    assert value[("achterstand", 2022)] == pytest.approx(27.5)  # (20*100 + 30*300) / 400
    assert value[("midden", 2022)] == pytest.approx(10)  # one member: its own value
    assert value[("achterstand", 2024)] == pytest.approx(30)  # BU2 alone
    assert value[("midden", 2024)] == pytest.approx(11.4286, abs=1e-4)  # (2000+6000)/700


def test_a_year_without_a_label_takes_the_nearest_labelled_year() -> None:
    # Labels for 2020 and 2024 only: 2022 is as near to both and takes the earlier (2020).
    types = buurttypes([("BU1", 2020, "achterstand"), ("BU1", 2024, "midden")])
    rows = [("BU1", "onveilig_buurt", 2022, 20), ("BU1", "onveilig_buurt", 2023, 25)]
    out = buurttype_reference(obs(rows), areas(), types, INHABITANTS, catalogue())
    assert dict(zip(out["period"], out["type"], strict=True)) == {
        2022: "achterstand",
        2023: "midden",
    }


def test_the_peer_figure_of_a_count_is_the_mean_per_buurt_never_the_sum() -> None:
    # Inhabitants are a count: BU1 and BU2 (both achterstand) have 100 and 300, so a typical
    # achterstand buurt has 200, not the 400 the two have together.
    types = buurttypes([("BU1", 2024, "achterstand"), ("BU2", 2024, "achterstand")])
    rows = [("BU1", "inwoners", 2024, 100), ("BU2", "inwoners", 2024, 300),
            ("BU1", "bewonersinitiatieven", 2024, 3), ("BU2", "bewonersinitiatieven", 2024, 5)]
    out = buurttype_reference(obs(rows), areas(), types, INHABITANTS, catalogue())
    value = out.set_index("indicator_id")["value"]
    assert value["inwoners"] == pytest.approx(200)
    assert value["bewonersinitiatieven"] == pytest.approx(4)
