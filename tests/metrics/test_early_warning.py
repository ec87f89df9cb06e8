"""Early warnings: three rules, outcomes only, reasons in plain Dutch."""

from __future__ import annotations

import pytest
from metrics_testdata import NAN, catalogue, obs

from metrics.early_warning import COLUMNS, early_warnings, improvements


def warnings_for(rows: list[tuple], thresholds: dict[str, float] | None = None):
    return early_warnings(obs(rows), catalogue(), 2024, thresholds)


def test_a_significant_worsening_is_a_severe_warning_with_a_plain_reason() -> None:
    # n = 1.000 each: pooled 0,3225, se = sqrt(0,3225*0,6775*0,002) = 0,020905,
    # z = 0,085 / 0,020905 = 4,07: significant, and more unsafety is worse.
    out = warnings_for(
        [("BU1", "onveilig_buurt", 2022, 28.0, 1000), ("BU1", "onveilig_buurt", 2024, 36.5, 1000)]
    )
    assert out["rule"].tolist() == ["significant_slechter"]
    assert out["severity"].tolist() == ["hoog"]
    assert out["reason"].iloc[0] == (
        "Voelt zich weleens onveilig in de buurt: gestegen van 28,0% (2022) naar 36,5% (2024); "
        "dat is een statistisch betekenisvolle verslechtering."
    )


def test_a_significant_improvement_is_no_warning() -> None:
    out = warnings_for(
        [("BU1", "onveilig_buurt", 2022, 36.5, 1000), ("BU1", "onveilig_buurt", 2024, 28.0, 1000)]
    )
    assert out.empty and list(out.columns) == COLUMNS


@pytest.mark.parametrize(
    ("indicator", "values", "reason"),
    [
        (
            "rapportcijfer_buurt",
            (6.4, 6.1, 5.8),
            "Rapportcijfer leefbaarheid buurt: twee metingen op rij slechter, "
            "6,4 (2022) → 6,1 (2023) → 5,8 (2024).",
        ),
        (
            "overlast_score",  # lager_beter: rising nuisance is getting worse
            (3.0, 3.2, 3.4),
            "Ervaren sociale overlast: twee metingen op rij slechter, "
            "3,0 (2022) → 3,2 (2023) → 3,4 (2024).",
        ),
    ],
)
def test_two_worse_measurements_in_a_row_are_a_mild_warning(
    indicator: str, values: tuple[float, float, float], reason: str
) -> None:
    rows = [
        ("BU1", indicator, year, value)
        for year, value in zip((2022, 2023, 2024), values, strict=True)
    ]
    out = warnings_for(rows)
    assert out["rule"].tolist() == ["twee_keer_slechter"]
    assert out["severity"].tolist() == ["laag"]
    assert out["reason"].iloc[0] == reason


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ((6.40, 6.39, 6.38), "the steps do not show at one decimal"),
        ((6.4, 6.3, 6.2), "0,2 over both steps is less than 5% of 6,4 (0,32)"),
        ((6.4, 6.5, 6.2), "not twice in a row"),
    ],
)
def test_small_or_interrupted_declines_are_no_warning(values: tuple, why: str) -> None:
    rows = [
        ("BU1", "rapportcijfer_buurt", y, v)
        for y, v in zip((2022, 2023, 2024), values, strict=True)
    ]
    assert warnings_for(rows).empty, why


def test_a_suppressed_measurement_is_skipped_as_if_never_made() -> None:
    rows = [
        ("BU1", "rapportcijfer_buurt", 2021, 6.4),
        ("BU1", "rapportcijfer_buurt", 2022, 9.9, 10, NAN, NAN, True),  # suppressed
        ("BU1", "rapportcijfer_buurt", 2023, 6.1),
        ("BU1", "rapportcijfer_buurt", 2024, 5.8),
    ]
    out = warnings_for(rows)
    assert out["reason"].iloc[0].endswith("6,4 (2021) → 6,1 (2023) → 5,8 (2024).")


@pytest.mark.parametrize(
    ("indicator", "value", "threshold", "reason"),
    [
        (
            "onveilig_buurt",
            37.2,
            35,
            "Voelt zich weleens onveilig in de buurt: 37,2% (2024), boven de signaalwaarde van 35%.",
        ),
        (
            "tevreden_woonomgeving",
            58.0,
            60,
            "Tevreden met de woonomgeving: 58,0% (2024), onder de signaalwaarde van 60%.",
        ),
        (
            "rapportcijfer_buurt",
            6.4,
            6.5,
            "Rapportcijfer leefbaarheid buurt: 6,4 (2024), onder de signaalwaarde van 6,5.",
        ),
    ],
)
def test_a_value_beyond_the_signal_value_on_the_bad_side_is_a_warning(
    indicator: str, value: float, threshold: float, reason: str
) -> None:
    out = warnings_for([("BU1", indicator, 2024, value)], {indicator: threshold})
    assert out["rule"].tolist() == ["drempel"]
    assert out["severity"].tolist() == ["middel"]
    assert out["reason"].iloc[0] == reason


@pytest.mark.parametrize(
    ("indicator", "value", "threshold"),
    [
        ("onveilig_buurt", 35.0, 35),  # on the threshold is not beyond it
        ("onveilig_buurt", 30.0, 35),  # on the good side
        ("onveilig_buurt", NAN, 35),  # missing
    ],
)
def test_a_value_on_or_inside_the_signal_value_is_no_warning(
    indicator: str, value: float, threshold: float
) -> None:
    assert warnings_for([("BU1", indicator, 2024, value)], {indicator: threshold}).empty


def test_outputs_and_context_never_give_a_warning() -> None:
    rows = [
        ("BU1", "bewonersinitiatieven", 2022, 9),
        ("BU1", "bewonersinitiatieven", 2023, 6),
        ("BU1", "bewonersinitiatieven", 2024, 3),  # an output, falling twice
        ("BU1", "laag_inkomen", 2022, 10),
        ("BU1", "laag_inkomen", 2023, 12),
        ("BU1", "laag_inkomen", 2024, 14),  # context, rising twice
    ]
    assert warnings_for(rows, {"bewonersinitiatieven": 5, "laag_inkomen": 12}).empty


def test_warnings_are_sorted_by_severity() -> None:
    rows = [
        ("BU1", "rapportcijfer_buurt", 2022, 6.4),
        ("BU1", "rapportcijfer_buurt", 2023, 6.1),
        ("BU1", "rapportcijfer_buurt", 2024, 5.8),
        ("BU2", "onveilig_buurt", 2022, 28.0, 1000),
        ("BU2", "onveilig_buurt", 2024, 36.5, 1000),
    ]
    out = warnings_for(rows, {"rapportcijfer_buurt": 6.0})
    assert out["severity"].tolist() == ["hoog", "middel", "laag"]
    assert out["rule"].tolist() == ["significant_slechter", "drempel", "twee_keer_slechter"]


def test_a_significant_improvement_is_listed_as_an_improvement_with_its_reason() -> None:
    rows = [("BU1", "onveilig_buurt", 2022, 36.5, 1000), ("BU1", "onveilig_buurt", 2024, 28.0, 1000),
            # Untested (no n, no margins): never an improvement, however large.
            ("BU2", "rapportcijfer_buurt", 2022, 6.0), ("BU2", "rapportcijfer_buurt", 2024, 7.5),
            # Context is no goal: not listed either way.
            ("BU1", "laag_inkomen", 2022, 30.0, 1000), ("BU1", "laag_inkomen", 2024, 20.0, 1000)]
    out = improvements(obs(rows), catalogue(), 2024)
    assert list(out.columns) == COLUMNS
    assert out["area_code"].tolist() == ["BU1"]
    assert out["rule"].tolist() == ["significant_beter"]
    assert out["reason"].iloc[0] == (
        "Voelt zich weleens onveilig in de buurt: gedaald van 36,5% (2022) naar 28,0% (2024); "
        "dat is een statistisch betekenisvolle verbetering."
    )


def test_a_worsening_is_no_improvement() -> None:
    rows = [("BU1", "onveilig_buurt", 2022, 28.0, 1000), ("BU1", "onveilig_buurt", 2024, 36.5, 1000)]
    assert improvements(obs(rows), catalogue(), 2024).empty
