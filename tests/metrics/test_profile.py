"""The buurt profile per theme, and a summary that never replaces the parts."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs

from metrics.profile import SUMMARY_NOTE, theme_profile, theme_summary


def with_references(rows: list[tuple]) -> pd.DataFrame:
    """rows: (indicator, period, value, n, ci_low, ci_high, suppressed, gemeente, peers)."""
    frame = obs([("BU1", i, p, v, n, lo, hi, s) for i, p, v, n, lo, hi, s, _, _ in rows])
    frame["gemeente_value"] = [g for *_, g, _ in rows]
    frame["buurttype"] = "achterstand"
    frame["buurttype_value"] = [b for *_, b in rows]
    return frame


ROWS = [
    # % with n = 400: margin 1,96 * sqrt(0,7*0,3/400) * 100 = 4,49 points.
    # 70 vs 60: +10 > 4,49 -> beter; vs 68: +2 -> gelijk.
    ("tevreden_woonomgeving", 2024, 70.0, 400, NAN, NAN, False, 60.0, 68.0),
    # No n or margin: 5% of the reference. 7,0 vs 7,2: 0,2 <= 0,36 -> gelijk;
    # vs 7,8: 0,8 > 0,39 -> slechter.
    ("rapportcijfer_buurt", 2024, 7.0, None, NAN, NAN, False, 7.2, 7.8),
    # Margin 30-40 holds 33 (gelijk) but not 25: 35 vs 25 is higher, and unsafety lager_beter.
    ("onveilig_buurt", 2024, 35.0, None, 30.0, 40.0, False, 25.0, 33.0),
    # Registrations per 1.000 on n = 1.000: count 10, Poisson margin 1,96 * sqrt(10) = 6,20.
    # 10 vs 4: 6 <= 6,20 -> gelijk; vs 2: 8 -> slechter.
    ("woninginbraak", 2024, 10.0, 1000, NAN, NAN, False, 4.0, 2.0),
    # An output count is never compared with the gemeente total.
    ("bewonersinitiatieven", 2024, 3.0, None, NAN, NAN, False, 102.0, 20.0),
    # Context, neutral: 50 vs 30 -> hoger (no better or worse).
    ("woningen_corporatie", 2024, 50.0, None, NAN, NAN, False, 30.0, 45.0),
    # Suppressed in 2024: the profile shows it, unknown.
    ("sociale_cohesie", 2024, 6.0, 12, NAN, NAN, True, 6.2, 6.0),
]


@pytest.fixture()
def profile() -> pd.DataFrame:
    return theme_profile(with_references(ROWS), catalogue()).set_index("indicator_id")


@pytest.mark.parametrize(
    ("indicator", "gemeente", "peers", "basis"),
    [
        ("tevreden_woonomgeving", "beter", "gelijk", "n"),
        ("rapportcijfer_buurt", "gelijk", "slechter", "tolerantie"),
        ("onveilig_buurt", "slechter", "gelijk", "marge"),
        ("woninginbraak", "gelijk", "slechter", "n"),
        ("bewonersinitiatieven", "onbekend", "onbekend", "aantal"),
        ("woningen_corporatie", "hoger", "hoger", "tolerantie"),
        ("sociale_cohesie", "onbekend", "onbekend", ""),
    ],
)
def test_standing_is_direction_aware_and_within_the_uncertainty_gelijk(
    profile: pd.DataFrame, indicator: str, gemeente: str, peers: str, basis: str
) -> None:
    row = profile.loc[indicator]
    assert row["standing_gemeente"] == gemeente
    assert row["standing_buurttype"] == peers
    assert row["standing_basis"] == basis


def test_indicators_are_grouped_by_theme_in_the_fixed_order(profile: pd.DataFrame) -> None:
    assert profile["theme"].tolist() == [
        "leefbaarheid",
        "leefbaarheid",
        "veiligheid",
        "veiligheid",
        "contact",
        "participatie",
        "context",
    ]
    assert profile.loc["bewonersinitiatieven", "result"] == "output"


def test_a_suppressed_value_and_a_count_have_no_difference(profile: pd.DataFrame) -> None:
    assert math.isnan(profile.loc["sociale_cohesie", "value"])
    assert bool(profile.loc["sociale_cohesie", "suppressed"])
    assert math.isnan(profile.loc["bewonersinitiatieven", "difference_gemeente"])
    assert profile.loc["tevreden_woonomgeving", "difference_gemeente"] == pytest.approx(10)


def test_without_a_period_each_indicator_shows_its_latest_usable_year() -> None:
    rows = [
        ("rapportcijfer_buurt", 2023, 7.0, None, NAN, NAN, False, 7.1, 7.0),
        ("rapportcijfer_buurt", 2024, 7.5, 10, NAN, NAN, True, 7.2, 7.0),  # suppressed
        ("onveilig_buurt", 2024, 30.0, None, 25.0, 35.0, False, 28.0, 31.0),
    ]
    out = theme_profile(with_references(rows), catalogue()).set_index("indicator_id")
    assert out.loc["rapportcijfer_buurt", "period"] == 2023
    assert out.loc["onveilig_buurt", "period"] == 2024


def test_a_profile_is_about_one_area() -> None:
    frame = with_references(ROWS[:1])
    two = pd.concat([frame, frame.assign(area_code="BU2")], ignore_index=True)
    with pytest.raises(ValueError, match="één gebied"):
        theme_profile(two, catalogue())
    assert len(theme_profile(two, catalogue(), area_code="BU2")) == 1


def test_the_summary_counts_only_outcomes_and_keeps_every_count(profile: pd.DataFrame) -> None:
    summary = theme_summary(profile.reset_index()).set_index("theme")
    # leefbaarheid: beter + gelijk -> 1/2; veiligheid: slechter + gelijk -> 0/2;
    # contact: only the suppressed one -> unknown; participatie: only an output -> not counted.
    assert summary.index.tolist() == ["leefbaarheid", "veiligheid", "contact"]
    assert summary.loc["leefbaarheid", ["beter", "gelijk", "slechter"]].tolist() == [1, 1, 0]
    assert summary.loc["leefbaarheid", "share_better"] == pytest.approx(0.5)
    assert summary.loc["veiligheid", "share_better"] == pytest.approx(0.0)
    assert summary.loc["contact", "onbekend"] == 1 and math.isnan(
        summary.loc["contact", "share_better"]
    )


def test_the_summary_against_peers_uses_the_peer_standing(profile: pd.DataFrame) -> None:
    summary = theme_summary(profile.reset_index(), against="buurttype").set_index("theme")
    assert summary.loc["leefbaarheid", ["beter", "gelijk", "slechter"]].tolist() == [0, 1, 1]


def test_the_summary_note_says_it_never_replaces_the_parts() -> None:
    assert "vervangt de onderdelen niet" in SUMMARY_NOTE
