"""Dutch notation by hand: decimal comma, thousands dot, half-up rounding, Dutch month names."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from metrics.formatting import (
    MISSING,
    format_change,
    format_date,
    format_number,
    format_p_value,
    format_percentage,
)


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "expected"),
    [
        (1234.5, 1, None, "1.234,5"),
        (1234567.891, 2, None, "1.234.567,89"),
        (28.05, 1, "%", "28,1%"),  # half up, as CBS rounds (binary rounding would give 28,0)
        (2.5, 0, None, "3"),  # half up, not to even
        (999.95, 1, None, "1.000,0"),  # rounding carries into the thousands
        (-1234.5, 1, None, "-1.234,5"),
        (-0.04, 1, None, "0,0"),  # never '-0,0'
        (36.5, 1, "% van de woningen", "36,5%"),
        (12.25, 1, "per 1.000 inwoners", "12,3 per 1.000 inwoners"),
        (31.2, 1, "x 1.000 euro", "31,2 duizend euro"),
        (6.4, 1, "cijfer (1-10)", "6,4"),
        (4.1023, 2, "score", "4,10"),
        (1605, 0, "aantal", "1.605"),
        (None, 1, None, MISSING),
        (math.nan, 1, "%", MISSING),
    ],
)
def test_numbers_are_written_the_dutch_way(
    value: float | None, decimals: int, unit: str | None, expected: str
) -> None:
    assert format_number(value, decimals, unit) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"), [(36.5, 1, "36,5%"), (7, 0, "7%"), (None, 1, MISSING)]
)
def test_a_percentage_is_given_in_percent_not_as_a_fraction(
    value: float | None, decimals: int, expected: str
) -> None:
    assert format_percentage(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "expected"),
    [
        (8.5, 1, "%", "+8,5 procentpunt"),  # a difference of percentages is in points
        (-2.25, 1, "% van de huishoudens", "-2,3 procentpunt"),
        (0.04, 1, "%", "0,0 procentpunt"),  # no sign on zero
        (-0.3, 1, "schaalscore (0-10)", "-0,3"),
        (1.25, 1, "per 1.000 inwoners", "+1,3 per 1.000 inwoners"),
        (math.nan, 1, "%", MISSING),
    ],
)
def test_a_change_carries_its_sign_and_percentage_points(
    value: float, decimals: int, unit: str, expected: str
) -> None:
    assert format_change(value, decimals, unit) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 11, 23), "23 november 2026"),
        (dt.date(2024, 3, 1), "1 maart 2024"),
        (dt.datetime(2025, 12, 31, 23, 59), "31 december 2025"),
    ],
)
def test_a_date_has_a_dutch_month_and_no_leading_zero(date: dt.date, expected: str) -> None:
    assert format_date(date) == expected


def test_an_english_page_gets_the_month_in_english_and_the_same_day_and_year() -> None:
    assert format_date(dt.date(2026, 12, 7), "en") == "7 December 2026"
    assert format_date(dt.datetime(2024, 3, 1, 9, 30), "en") == "1 March 2024"
    assert format_date(dt.date(2026, 12, 7), "nl") == "7 december 2026"


@pytest.mark.parametrize(
    ("p", "expected"),
    [(0.0004, "p < 0,001"), (0.034, "p = 0,03"), (0.0049, "p = 0,005"), (None, MISSING)],
)
def test_p_values_are_short_and_dutch(p: float | None, expected: str) -> None:
    assert format_p_value(p) == expected
