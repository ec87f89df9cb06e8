"""Spending per buurt over a period, the change with its margin, and the need score, against
numbers worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs

from metrics import spending_areas as sa


def rows(data: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(data, columns=["organisation", "area_code", "year", "category",
                                       "amount_eur", "dwellings"])


SPENT = rows([
    ("A", "BU1", 2022, "wijkbeheer", 1000.0, 100),
    ("A", "BU1", 2023, "wijkbeheer", 2000.0, 100),
    ("A", "BU1", 2024, "wijkbeheer", 3000.0, 150),  # the latest count is used: 150
    ("A", "BU2", 2024, "wijkbeheer", 900.0, 30),
    ("B", "BU1", 2024, "sociaal", 600.0, None),
    ("B", "BU3", 2023, "sociaal", 400.0, None),
])
PEOPLE = pd.DataFrame([("BU1", 2024, 300.0), ("BU2", 2024, 60.0), ("BU3", 2022, 200.0)],
                      columns=["area_code", "period", "value"])


@pytest.mark.parametrize(("years", "nulmeting", "jaar", "expected"), [
    ([2016, 2020, 2024], 2002, 2024, (2016, 2024)),  # a nulmeting before spending began
    ([2016, 2020, 2024], 2018, 2022, (2018, 2022)),
    ([2016, 2020], 2022, 2024, None),  # nothing spent in the period
    ([], 2018, 2024, None),
])
def test_the_period_runs_from_the_nulmeting_or_the_first_spending_to_the_year(
        years, nulmeting, jaar, expected) -> None:
    assert sa.spending_period(years, nulmeting, jaar) == expected


def test_the_change_starts_at_the_last_measurement_before_spending_began() -> None:
    measured = [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
    assert sa.from_period(measured, 2002, 2016) == 2016
    assert sa.from_period(measured, 2002, 2017) == 2016
    assert sa.from_period(measured, 2020, 2016) == 2020  # a later nulmeting is kept
    assert sa.from_period([2020], None, 2016) is None


def test_a_corporation_with_known_dwellings_is_measured_per_dwelling_per_year() -> None:
    out = sa.spending_rates(SPENT, PEOPLE, "A", 2022, 2024).set_index("area_code")
    assert set(out["basis"]) == {sa.PER_DWELLING}
    # BU1: 6.000 euro over 3 years on 150 dwellings = 13,33 euro per dwelling per year.
    assert out.loc["BU1", "amount_eur"] == 6000.0
    assert out.loc["BU1", "rate"] == pytest.approx(6000 / 3 / 150)
    # BU2: only 2024 spent, still divided by the 3 years of the period: 900 / 3 / 30 = 10.
    assert out.loc["BU2", "rate"] == pytest.approx(10.0)


def test_without_dwellings_everything_is_per_inhabitant_and_never_mixed() -> None:
    out = sa.spending_rates(SPENT, PEOPLE, "B", 2023, 2024).set_index("area_code")
    assert set(out["basis"]) == {sa.PER_INHABITANT}
    assert out.loc["BU1", "rate"] == pytest.approx(600 / 2 / 300)
    # BU3 has only a 2022 count: the latest earlier one is used.
    assert out.loc["BU3", "rate"] == pytest.approx(400 / 2 / 200)
    mixed = SPENT.assign(organisation="C")
    assert set(sa.spending_rates(mixed, PEOPLE, "C", 2022, 2024)["basis"]) == {sa.PER_INHABITANT}
    assert sa.spending_rates(SPENT, PEOPLE, "A", 2016, 2018).empty


def test_the_margin_of_a_change_is_the_one_the_change_test_used() -> None:
    cat = catalogue().set_index("id", drop=False)
    frame = obs([
        # Two proportions, n = 500 each: se = 0,027011 (see test_change), margin 5,294 points.
        ("BU1", "onveilig_buurt", 2022, 20, 500),
        ("BU1", "onveilig_buurt", 2024, 28, 500),
        # No n: not tested, no margin.
        ("BU2", "onveilig_buurt", 2022, 20),
        ("BU2", "onveilig_buurt", 2024, 25),
        ("BU3", "onveilig_buurt", 2022, NAN),
        ("BU3", "onveilig_buurt", 2024, 25),
    ])
    out = sa.change_with_margin(frame, cat, "onveilig_buurt", 2022, 2024).set_index("area_code")
    assert list(out.index) == ["BU1", "BU2"]  # BU3 has no starting value
    assert out.loc["BU1", "difference"] == pytest.approx(8.0)
    assert out.loc["BU1", "margin"] == pytest.approx(1.96 * 2.7011, abs=1e-3)
    assert math.isnan(out.loc["BU2", "margin"])


def test_need_is_highest_where_the_status_is_lowest() -> None:
    income = pd.Series({"BU1": 20.0, "BU2": 30.0, "BU3": 40.0, "BU4": 50.0, "BU5": NAN})
    need = sa.need_score(income, "hoger_beter")
    # Four scored buurten: mid-ranks 0,5 .. 3,5 over 4, times 100.
    assert need.to_dict() == pytest.approx(
        {"BU1": 87.5, "BU2": 62.5, "BU3": 37.5, "BU4": 12.5, "BU5": NAN}, nan_ok=True)
    unsafe = sa.need_score(pd.Series({"BU1": 10.0, "BU2": 30.0}), "lager_beter")
    assert unsafe.to_dict() == {"BU1": 25.0, "BU2": 75.0}


def test_high_need_with_little_spending_is_listed_highest_need_first() -> None:
    frame = pd.DataFrame({"area_code": ["BU1", "BU2", "BU3", "BU4"],
                          "need": [95.0, 85.0, 90.0, 40.0], "rate": [1.0, NAN, 12.0, 0.0]})
    out = sa.high_need_low_spending(frame, threshold=5.0)
    assert list(out["area_code"]) == ["BU1", "BU2"]
