"""What a summary leads with: real changes (tested before indicative) and gaps of a tenth or more."""

from __future__ import annotations

import pandas as pd
import pytest
from metrics_testdata import NAN, catalogue, obs

from metrics import change, summary


def changes() -> pd.DataFrame:
    return pd.DataFrame({
        "indicator_id": ["a", "b", "c", "d", "e", "f"],
        "verdict": ["verbeterd", "verbeterd", "verslechterd", "geen wezenlijke verandering",
                    "veranderd", "verslechterd"],
        "indicatief": [True, False, False, False, False, False],
        "size": [5.0, 1.0, -0.5, 9.0, 9.0, -2.0],
    })


def test_only_improvements_and_declines_lead_never_no_change_or_neutral_changes() -> None:
    chosen = summary.notable_changes(changes())
    assert set(chosen["indicator_id"]) == {"a", "b", "c", "f"}


def test_a_tested_improvement_comes_before_a_larger_indicative_one() -> None:
    chosen = summary.notable_changes(changes())
    assert list(chosen.loc[chosen["verdict"] == "verbeterd", "indicator_id"]) == ["b", "a"]


def test_the_largest_decline_comes_first_and_the_list_is_capped() -> None:
    chosen = summary.notable_changes(changes(), max_items=1)
    assert list(chosen["indicator_id"]) == ["b", "f"]


@pytest.mark.parametrize(("value", "reference", "direction", "expected"), [
    (5.6, 2.1, "lager_beter", "ongunstiger"),  # burglaries well above the gemeente
    (5.6, 2.1, "hoger_beter", "gunstiger"),
    (2.2, 2.1, "lager_beter", ""),  # under a tenth: not worth a sentence
    (5.6, 2.1, "neutraal", ""),
    (1.0, 0.0, "hoger_beter", ""),  # no relative size against zero
    (None, 2.1, "hoger_beter", ""),
])
def test_a_gap_with_the_reference_is_named_by_its_direction(value, reference, direction,
                                                             expected) -> None:
    assert summary.gap_verdict(value, reference, direction) == expected


def test_a_standardised_change_is_the_favourable_change_in_spreads_of_the_first_year() -> None:
    start = [("BU1", "lbm_score", 2014, 4.0), ("BU2", "lbm_score", 2014, 4.2),
             ("BU3", "lbm_score", 2014, 4.4),  # standard deviation 0,2
             ("BU1", "onveilig_buurt", 2014, 20), ("BU2", "onveilig_buurt", 2014, 24),
             ("BU3", "onveilig_buurt", 2014, 28),  # standard deviation 4
             ("BU4", "onveilig_buurt", 2014, 90, None, NAN, NAN, True)]  # suppressed: no part
    end = [("BU1", "lbm_score", 2024, 4.3), ("BU1", "onveilig_buurt", 2024, 28)]
    frame = obs(start + end)
    moved = change.change_between(frame[frame["area_code"] == "BU1"], catalogue(), 2014, 2024)
    sized = summary.standardised_changes(moved, frame, catalogue()).set_index("indicator_id")
    assert sized.loc["lbm_score", "size"] == pytest.approx(0.3 / 0.2)
    # Feeling unsafe is lager_beter: 8 procentpunt more is two spreads worse.
    assert sized.loc["onveilig_buurt", "size"] == pytest.approx(-2.0)


def test_the_highest_and_lowest_area_are_named_only_where_their_gap_is_real() -> None:
    rows = obs([
        ("BU1", "onveilig_buurt", 2024, 20, 500), ("BU2", "onveilig_buurt", 2024, 28, 500),
        ("BU1", "lbm_score", 2024, 4.00), ("BU2", "lbm_score", 2024, 4.02),  # 0,5%: no gap
        ("BU1", "rapportcijfer_buurt", 2024, 7.0),  # one area: nothing to compare
    ])
    gaps = summary.real_gaps(rows, catalogue())
    assert list(gaps.index) == ["onveilig_buurt"]
    assert gaps.loc["onveilig_buurt", ["high", "low"]].tolist() == ["BU2", "BU1"]
    assert not gaps.loc["onveilig_buurt", "indicatief"]  # n = 500 each: tested, z = 2,96
    assert gaps.loc["onveilig_buurt", "direction"] == "lager_beter"
