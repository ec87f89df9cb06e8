"""Spending per year, per dwelling and per inhabitant, and the two-group comparison, against
numbers worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from metrics import spending

NAN = float("nan")
CATALOGUE = pd.DataFrame(
    {"direction": ["hoger_beter", "lager_beter", "neutraal"]},
    index=["lbm_score", "onveilig_buurt", "inwoners"],
)


def rows(data: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(data, columns=["organisation", "area_code", "year", "category",
                                       "amount_eur", "dwellings"])


SPENT = rows([
    ("A", "BU1", 2023, "schoon-heel-veilig", 1000.0, 100),
    ("A", "BU1", 2023, "wijkbeheer", 500.0, 100),
    ("A", "BU2", 2023, "schoon-heel-veilig", 600.0, None),  # dwellings unknown
    ("A", "BU1", 2024, "schoon-heel-veilig", 2000.0, 100),
    ("B", "BU3", 2024, "sociale activiteiten", 300.0, None),
])
PEOPLE = pd.DataFrame(
    [("BU1", 2023, 250.0), ("BU2", 2022, 150.0), ("BU3", 2024, 100.0), ("BU4", 2024, 0.0)],
    columns=["area_code", "period", "value"],
)


@pytest.mark.parametrize(
    ("organisation", "year", "amount", "areas", "per_dwelling", "inhabitants", "per_inhabitant"),
    [
        # 1000 + 500 + 600; per dwelling only over BU1 (its dwellings known): 1500 / 100 = 15;
        # inhabitants 250 (BU1) + 150 (BU2, 2022 carried forward): 2100 / 400 = 5,25.
        ("A", 2023, 2100.0, 2, 15.0, 400.0, 5.25),
        # BU1 alone; 2024 has no count, so 2023's 250: 2000 / 250 = 8.
        ("A", 2024, 2000.0, 1, 20.0, 250.0, 8.0),
        # No dwellings known: no euro per dwelling.
        ("B", 2024, 300.0, 1, NAN, 100.0, 3.0),
    ],
)
def test_spending_per_year_per_dwelling_and_per_inhabitant(
    organisation, year, amount, areas, per_dwelling, inhabitants, per_inhabitant
) -> None:
    out = spending.per_year(SPENT, PEOPLE).set_index(["organisation", "year"])
    row = out.loc[(organisation, year)]
    assert row["amount_eur"] == amount
    assert row["areas"] == areas
    assert (math.isnan(row["per_dwelling"]) if math.isnan(per_dwelling)
            else row["per_dwelling"] == pytest.approx(per_dwelling))
    assert row["inhabitants"] == inhabitants
    assert row["per_inhabitant"] == pytest.approx(per_inhabitant)


def test_per_area_repeats_no_dwellings_and_needs_inhabitants() -> None:
    out = spending.per_area(SPENT, PEOPLE.iloc[:1]).set_index(["organisation", "area_code", "year"])
    assert out.loc[("A", "BU1", 2023), "dwellings"] == 100  # not 200: one count per area-year
    assert out.loc[("A", "BU1", 2023), "per_dwelling"] == 15.0
    assert math.isnan(out.loc[("A", "BU2", 2023), "per_inhabitant"])  # no count for BU2


def test_no_spending_gives_empty_frames() -> None:
    assert spending.per_year(SPENT.iloc[:0], PEOPLE).empty
    assert spending.per_area(SPENT.iloc[:0], PEOPLE).empty


def test_intensity_is_euro_per_inhabitant_per_year_of_all_organisations() -> None:
    out = spending.intensity(SPENT, PEOPLE, [2023, 2024], ["BU1", "BU3", "BU4"])
    assert out["BU1"] == pytest.approx((1500 + 2000) / 2 / 250)  # 7,0
    assert out["BU3"] == pytest.approx(300 / 2 / 100)  # 1,5
    assert math.isnan(out["BU4"])  # no inhabitants: no rate


def test_the_comparison_group_is_same_type_with_little_spending() -> None:
    types = pd.Series({"BU1": "achterstand", "BU3": "achterstand", "BU4": "achterstand",
                       "BU5": "voorstand", "BU6": "achterstand"})
    per_inhabitant = pd.Series({"BU1": 20.0, "BU3": 0.0, "BU4": 7.0, "BU5": 0.0, "BU6": 4.99})
    assert spending.comparison_buurten(["BU1"], types, per_inhabitant) == ["BU3", "BU6"]
    # A single spending buurt whose type has no other member: no comparison group.
    assert spending.comparison_buurten(["BU5"], types, per_inhabitant) == []


@pytest.mark.parametrize(
    ("indicator", "changes", "group_change", "comparison_change", "gap", "better"),
    [
        # Group BU1 +0,2 and BU2 +0,1: mean 0,15; comparison BU3 -0,1 (BU4 missing, left out).
        ("lbm_score", [0.2, 0.1, -0.1, NAN], 0.15, -0.1, 0.25, True),
        # Lower is better: the group fell 2 and 1 points (mean -1,5), the comparison 1.
        ("onveilig_buurt", [-2.0, -1.0, -1.0, NAN], -1.5, -1.0, -0.5, True),
        ("onveilig_buurt", [1.0, 1.0, -1.0, NAN], 1.0, -1.0, 2.0, False),
        # Neutral indicators have no better side.
        ("inwoners", [10.0, 20.0, 5.0, NAN], 15.0, 5.0, 10.0, None),
        # Nothing measured in the comparison group: no gap.
        ("lbm_score", [0.2, 0.1, NAN, NAN], 0.15, NAN, NAN, None),
    ],
)
def test_two_groups_side_by_side(indicator, changes, group_change, comparison_change, gap,
                                 better) -> None:
    frame = pd.DataFrame({"area_code": ["BU1", "BU2", "BU3", "BU4"], "indicator_id": indicator,
                          "difference": changes})
    out = spending.compare_groups(frame, ["BU1", "BU2"], ["BU3", "BU4"], CATALOGUE).iloc[0]
    assert out["group_change"] == pytest.approx(group_change)
    assert out["group_n"] == 2
    expected_n = 0 if math.isnan(comparison_change) else 1
    assert out["comparison_n"] == expected_n
    assert (math.isnan(out["comparison_change"]) if math.isnan(comparison_change)
            else out["comparison_change"] == pytest.approx(comparison_change))
    assert (math.isnan(out["gap"]) if math.isnan(gap) else out["gap"] == pytest.approx(gap))
    assert (pd.isna(out["group_better"]) if better is None else bool(out["group_better"]) is better)


def test_development_compares_the_change_of_both_groups_over_the_same_years() -> None:
    obs = pd.DataFrame(
        [("BU1", "lbm_score", 2020, 3.9, False),  # before the first spending: not used
         ("BU1", "lbm_score", 2022, 4.0, False), ("BU1", "lbm_score", 2024, 4.4, False),
         ("BU2", "lbm_score", 2022, 3.8, False), ("BU2", "lbm_score", 2024, 4.0, True),
         ("BU3", "lbm_score", 2022, 4.0, False), ("BU3", "lbm_score", 2024, 4.1, False),
         ("BU1", "onveilig_buurt", 2024, 20.0, False)],  # one year: no change
        columns=["area_code", "indicator_id", "period", "value", "synthetic"],
    )
    cat = CATALOGUE.assign(unit=["score", "%", "aantal"],
                           aggregation=["gemiddelde", "aandeel", "aantal"])
    out = spending.development(obs, cat, ["BU1", "BU2"], ["BU3"], 2022)
    assert out["indicator_id"].tolist() == ["lbm_score"]
    r = out.iloc[0]
    assert (r["from_period"], r["to_period"]) == (2022, 2024)
    assert r["group_change"] == pytest.approx(0.3)  # (0,4 + 0,2) / 2
    assert r["comparison_change"] == pytest.approx(0.1)
    assert r["gap"] == pytest.approx(0.2) and bool(r["group_better"])
    assert (r["group_n"], r["comparison_n"]) == (2, 1) and bool(r["synthetic"])


def test_inhabitants_of_an_area_in_a_year_carry_forward_else_back_and_the_first_row_counts() -> None:
    people = pd.DataFrame(
        [("BU1", 2020, 100.0), ("BU1", 2022, 120.0), ("BU1", 2022, 999.0),  # a repeated year
         ("BU2", 2023, 50.0), ("BU2", 2021, NAN), ("BU3", 2019, NAN)],
        columns=["area_code", "period", "value"])
    found = spending.inhabitants_at(
        people, ["BU1", "BU1", "BU1", "BU2", "BU2", "BU3", "BU9"],
        [2022, 2021, 2019, 2020, 2024, 2020, 2020])
    # 2022 itself (its first row); 2021: 2020's count; 2019: none before, so the earliest
    # after (2020); BU2 has only 2023 (2021 is missing): taken back and forward; BU3 and BU9
    # have no count.
    assert found[:5].tolist() == [120.0, 100.0, 100.0, 50.0, 50.0]
    assert math.isnan(found[5]) and math.isnan(found[6])
    per_area = spending.inhabitants_in(people, ["BU2", "BU1", "BU1"], 2021)
    assert per_area.to_dict() == {"BU2": 50.0, "BU1": 100.0}
