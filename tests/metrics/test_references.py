"""The one reference switch: shown values, reference values and the legend for every choice."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from metrics_testdata import NAN, areas, buurttypes, catalogue, obs, weights

from metrics.references import (
    REFERENCES,
    ReferenceLegend,
    apply_reference,
    format_shown,
    reference_legend,
    with_reference_values,
)

INHABITANTS = weights({"BU1": 100, "BU2": 300, "BU3": 600, "BU4": 1000})
TYPES = buurttypes(
    [
        ("BU1", 2024, "achterstand"),
        ("BU2", 2024, "achterstand"),
        ("BU3", 2024, "midden"),
        ("BU4", 2024, "voorstand"),
    ]
)


def shown(
    rows: list[tuple], reference: str, **kwargs: object
) -> tuple[pd.DataFrame, ReferenceLegend]:
    options: dict[str, object] = {
        "areas": areas(),
        "buurttypes": TYPES,
        "weights": INHABITANTS,
        "catalogue": catalogue(),
    }
    options.update(kwargs)
    return apply_reference(obs(rows), reference, **options)  # type: ignore[arg-type]


def test_the_choices_are_the_six_references_in_order_with_dutch_labels() -> None:
    assert REFERENCES == {
        "waarde": "Waarde",
        "verschil_gemeente": "Verschil met de gemeente",
        "verschil_buurttype": "Verschil met vergelijkbare buurten (zelfde buurttype)",
        "index_nulmeting": "Index, nulmeting = 100",
        "zscore": "Z-score binnen de selectie",
        "percentiel": "Percentielrang binnen de selectie",
    }


def test_the_value_is_shown_as_it_is_and_a_suppressed_one_not_at_all() -> None:
    out, legend = shown(
        [
            ("BU1", "onveilig_buurt", 2024, 20),
            ("BU2", "onveilig_buurt", 2024, 30, 8, NAN, NAN, True),
        ],
        "waarde",
    )
    assert out["shown"].iloc[0] == 20 and math.isnan(out["shown"].iloc[1])
    assert legend.title == "Voelt zich weleens onveilig in de buurt (%)"
    assert not legend.diverging and legend.better_when == "lager"


def test_the_difference_with_the_gemeente_is_in_percentage_points_for_a_percentage() -> None:
    rows = [("BU1", "onveilig_buurt", 2024, 20), ("BU2", "onveilig_buurt", 2024, 30)]
    out, legend = shown(rows, "verschil_gemeente")
    # gemeente = (20*100 + 30*300) / 400 = 27,5; so 20 - 27,5 = -7,5 and 30 - 27,5 = +2,5
    assert out["reference_value"].tolist() == pytest.approx([27.5, 27.5])
    assert out["shown"].tolist() == pytest.approx([-7.5, 2.5])
    assert legend.title == "Verschil met de gemeente (procentpunt)"
    assert legend.unit == "procentpunt" and legend.diverging and legend.midpoint == 0


def test_a_scale_score_difference_keeps_its_own_unit() -> None:
    rows = [("BU1", "overlast_score", 2024, 3.0), ("BU2", "overlast_score", 2024, 4.0)]
    out, legend = shown(rows, "verschil_gemeente")
    # gemeente = (3*100 + 4*300) / 400 = 3,75
    assert out["shown"].tolist() == pytest.approx([-0.75, 0.25])
    assert legend.title == "Verschil met de gemeente, schaalscore (0-10)"
    assert legend.better_when == "lager"


def test_the_gemeente_reference_comes_from_every_buurt_not_only_the_selection() -> None:
    everything = obs([("BU1", "onveilig_buurt", 2024, 20), ("BU2", "onveilig_buurt", 2024, 30)])
    out, _ = shown(
        [("BU1", "onveilig_buurt", 2024, 20)], "verschil_gemeente", reference_obs=everything
    )
    assert out["shown"].iloc[0] == pytest.approx(-7.5)


def test_the_buurttype_difference_compares_with_peers_and_is_zero_for_a_lone_type() -> None:
    rows = [
        ("BU1", "onveilig_buurt", 2024, 20),
        ("BU2", "onveilig_buurt", 2024, 30),
        ("BU3", "onveilig_buurt", 2024, 40),
        ("WK1", "onveilig_buurt", 2024, 33),
    ]
    out, legend = shown(rows, "verschil_buurttype")
    # achterstand: (20*100 + 30*300)/400 = 27,5 -> -7,5 and +2,5; midden: BU3 alone -> 0
    assert out["shown"].iloc[:3].tolist() == pytest.approx([-7.5, 2.5, 0.0])
    assert math.isnan(out["shown"].iloc[3])  # a wijk has no buurttype
    assert legend.title == "Verschil met vergelijkbare buurten (procentpunt)"


def test_a_count_is_never_compared_with_the_gemeente_total() -> None:
    rows = [("BU1", "bewonersinitiatieven", 2024, 3), ("BU2", "bewonersinitiatieven", 2024, 5)]
    out, legend = shown(rows, "verschil_gemeente")
    assert out["reference_value"].tolist() == [8, 8]  # the gemeente total is still given
    assert out["shown"].isna().all()
    assert "aantal" in legend.caption


def test_index_is_100_in_the_nulmeting_year() -> None:
    rows = [
        ("BU1", "onveilig_buurt", 2014, 20),
        ("BU1", "onveilig_buurt", 2024, 28),
        ("BU2", "onveilig_buurt", 2014, 30),
        ("BU2", "onveilig_buurt", 2024, 24),
    ]
    out, legend = shown(rows, "index_nulmeting", nulmeting=2014)
    # 28 / 20 * 100 = 140; 24 / 30 * 100 = 80
    assert out["shown"].tolist() == pytest.approx([100, 140, 100, 80])
    assert out["reference_value"].tolist() == [20, 20, 30, 30]
    assert legend.title == "Index (2014 = 100)" and legend.midpoint == 100


@pytest.mark.parametrize(
    ("base_row", "why"),
    [
        (("BU1", "lbm_soc", 2014, None), "base missing"),
        (("BU1", "lbm_soc", 2014, 0.05, None, NAN, NAN, True), "base suppressed"),
        (("BU1", "lbm_soc", 2014, 0.0), "base zero"),
        (("BU1", "lbm_soc", 2014, -0.05), "base negative: a ratio to a deviation means nothing"),
    ],
)
def test_index_is_missing_when_the_base_cannot_carry_a_ratio(base_row: tuple, why: str) -> None:
    out, _ = shown([base_row, ("BU1", "lbm_soc", 2024, 0.10)], "index_nulmeting", nulmeting=2014)
    assert out["shown"].isna().all(), why


def test_without_a_nulmeting_the_index_starts_at_the_first_usable_year() -> None:
    rows = [("BU1", "lbm_score", 2016, 4.0), ("BU1", "lbm_score", 2018, 4.2)]
    out, legend = shown(rows, "index_nulmeting")
    assert out["shown"].tolist() == pytest.approx([100, 105])  # 4,2 / 4,0 * 100
    assert legend.title == "Index (2016 = 100)"


def test_z_scores_are_computed_within_the_selection_per_year() -> None:
    rows = [
        ("BU1", "rapportcijfer_buurt", 2024, 6.0),
        ("BU2", "rapportcijfer_buurt", 2024, 7.0),
        ("BU3", "rapportcijfer_buurt", 2024, 8.0),
        ("BU4", "rapportcijfer_buurt", 2024, 9.5),
    ]
    out, legend = shown(rows, "zscore", selection=["BU1", "BU2", "BU3"])
    # mean 7, population sd sqrt((1 + 0 + 1) / 3) = 0,8165: z = -1,2247, 0, +1,2247
    assert out["shown"].iloc[:3].tolist() == pytest.approx([-1.224745, 0.0, 1.224745])
    assert math.isnan(out["shown"].iloc[3])  # outside the selection
    assert out["reference_value"].iloc[0] == pytest.approx(7.0)
    assert legend.better_when == "hoger" and "Hoger is beter" in legend.caption


def test_the_percentile_rank_counts_ties_half() -> None:
    rows = [
        ("BU1", "onveilig_buurt", 2024, 10),
        ("BU2", "onveilig_buurt", 2024, 20),
        ("BU3", "onveilig_buurt", 2024, 20),
        ("BU4", "onveilig_buurt", 2024, 40),
    ]
    out, legend = shown(rows, "percentiel")
    # (lower + half the equal others) / 3 others: 0/3, (1 + 0,5)/3, (1 + 0,5)/3, 3/3
    assert out["shown"].tolist() == pytest.approx([0, 50, 50, 100])
    assert out["reference_value"].iloc[0] == 20  # the median
    assert legend.midpoint == 50 and legend.better_when == "lager"


def test_a_selection_of_one_has_no_z_score_or_percentile() -> None:
    for reference in ("zscore", "percentiel"):
        out, _ = shown([("BU1", "onveilig_buurt", 2024, 10)], reference)
        assert out["shown"].isna().all()


def test_a_neutral_indicator_has_no_better_side() -> None:
    legend = reference_legend("waarde", catalogue().set_index("id").loc["woningen_corporatie"])
    assert legend.better_when is None
    assert "niet beter of slechter" in legend.caption


def test_reference_values_for_the_profile_carry_both_references_and_the_type() -> None:
    rows = [("BU1", "onveilig_buurt", 2024, 20), ("BU2", "onveilig_buurt", 2024, 30)]
    out = with_reference_values(
        obs(rows), areas=areas(), buurttypes=TYPES, weights=INHABITANTS, catalogue=catalogue()
    )
    assert out["gemeente_value"].tolist() == pytest.approx([27.5, 27.5])
    assert out["buurttype"].tolist() == ["achterstand", "achterstand"]
    assert out["buurttype_value"].tolist() == pytest.approx([27.5, 27.5])


def test_applying_a_reference_leaves_the_input_untouched() -> None:
    frame = obs([("BU1", "onveilig_buurt", 2024, 20)])
    before = frame.copy()
    apply_reference(
        frame,
        "verschil_gemeente",
        areas=areas(),
        buurttypes=TYPES,
        weights=INHABITANTS,
        catalogue=catalogue().set_index("id", drop=False),  # the dashboard's indexed catalogue
    )
    pd.testing.assert_frame_equal(frame, before)


def test_an_unknown_reference_is_refused() -> None:
    with pytest.raises(ValueError, match="Onbekende vergelijking"):
        shown([("BU1", "onveilig_buurt", 2024, 20)], "gemiddelde")


@pytest.mark.parametrize(
    ("value", "reference", "indicator", "expected"),
    [
        (36.5, "waarde", "onveilig_buurt", "36,5%"),
        (4.2, "verschil_gemeente", "onveilig_buurt", "+4,2 procentpunt"),
        (-0.25, "verschil_buurttype", "rapportcijfer_buurt", "-0,3"),
        (112.4, "index_nulmeting", "onveilig_buurt", "112"),
        (1.26, "zscore", "onveilig_buurt", "+1,3"),
        (85.0, "percentiel", "onveilig_buurt", "85"),
        (NAN, "waarde", "onveilig_buurt", "–"),
    ],
)
def test_shown_values_read_as_their_legend_says(
    value: float, reference: str, indicator: str, expected: str
) -> None:
    row = catalogue().set_index("id").loc[indicator]
    assert format_shown(value, reference, row) == expected


@pytest.mark.parametrize("reference", list(REFERENCES))
def test_an_empty_selection_gives_an_empty_frame_not_an_error(reference: str) -> None:
    empty = obs([("BU1", "onveilig_buurt", 2024, 20)]).iloc[0:0]
    out, legend = apply_reference(
        empty,
        reference,
        areas=areas(),
        buurttypes=TYPES,
        weights=INHABITANTS,
        catalogue=catalogue(),
    )
    assert out.empty and {"shown", "reference_value"} <= set(out.columns)
    assert legend.reference == reference
