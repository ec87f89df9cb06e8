"""Signals as counts next to the figures: per map area, per theme, and where they meet early
warnings. Areas are a real excerpt of Arnhem's codes (wijk 01 with two buurten, wijk 02)."""

from __future__ import annotations

import pandas as pd

from metrics import signals

AREAS = pd.DataFrame({
    "code": ["GM0202", "WK020201", "BU02020100", "BU02020101", "WK020202", "BU02020200"],
    "level": ["gemeente", "wijk", "buurt", "buurt", "wijk", "buurt"],
    "parent_code": [None, "GM0202", "WK020201", "WK020201", "GM0202", "WK020202"],
})


def counts(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=signals.COUNT_COLUMNS)


def test_open_signals_per_buurt_count_only_the_open_ones_with_their_themes_in_order() -> None:
    found = signals.open_per_area(counts(
        ("BU02020100", "veiligheid", 1, 0), ("BU02020100", "leefbaarheid", 2, 3),
        ("BU02020101", "contact", 0, 4), ("WK020201", "contact", 1, 0)), AREAS, "buurt")
    assert found.to_dict("records") == [
        {"area_code": "BU02020100", "open": 3, "themes": ("leefbaarheid", "veiligheid")}]


def test_a_wijk_counts_its_own_open_signals_and_those_of_its_buurten() -> None:
    found = signals.open_per_area(counts(
        ("BU02020100", "veiligheid", 1, 0), ("BU02020101", "veiligheid", 2, 0),
        ("WK020201", "contact", 1, 0), ("BU02020200", "anders", 0, 1)), AREAS, "wijk")
    assert found.to_dict("records") == [
        {"area_code": "WK020201", "open": 4, "themes": ("veiligheid", "contact")}]


def test_without_open_signals_no_area_is_marked() -> None:
    assert signals.open_per_area(counts(("BU02020100", "contact", 0, 2)), AREAS, "buurt").empty
    assert signals.open_per_area(counts(), AREAS, "buurt").empty


def test_per_theme_sums_open_and_followed_up_signals_in_the_catalogue_order() -> None:
    found = signals.per_theme(counts(
        ("BU02020100", "veiligheid", 1, 2), ("BU02020101", "veiligheid", 0, 1),
        ("BU02020100", "leefbaarheid", 3, 0), ("WK020202", "participatie", 0, 0)))
    assert found.to_dict("records") == [
        {"theme": "leefbaarheid", "open": 3, "afgerond": 0},
        {"theme": "veiligheid", "open": 1, "afgerond": 3}]


CATALOGUE = pd.DataFrame({"theme": ["veiligheid", "veiligheid", "contact"]},
                         index=["woninginbraak", "overlast_score", "eenzaamheid"])
WARNINGS = pd.DataFrame({
    "area_code": ["BU02020100", "BU02020100", "BU02020100", "BU02020200"],
    "indicator_id": ["woninginbraak", "overlast_score", "eenzaamheid", "woninginbraak"],
})


def test_a_warning_and_an_open_signal_on_the_same_buurt_and_theme_are_found_together() -> None:
    found = signals.warnings_with_signals(WARNINGS, CATALOGUE, counts(
        ("BU02020100", "veiligheid", 2, 0),    # same buurt, same theme: found
        ("BU02020100", "leefbaarheid", 1, 0),  # no warning on leefbaarheid
        ("BU02020200", "veiligheid", 0, 3),    # followed up, none open
        ("BU02020101", "contact", 1, 0)), AREAS)
    assert found.to_dict("records") == [{
        "area_code": "BU02020100", "theme": "veiligheid",
        "indicators": ("woninginbraak", "overlast_score"), "warnings": 2, "open": 2}]


def test_an_open_signal_for_the_whole_wijk_counts_for_each_of_its_buurten_with_a_warning() -> None:
    found = signals.warnings_with_signals(
        WARNINGS, CATALOGUE, counts(("WK020201", "contact", 1, 0), ("WK020202", "veiligheid", 2, 0),
                                    ("BU02020200", "veiligheid", 1, 0)), AREAS)
    assert found[["area_code", "theme", "open"]].to_dict("records") == [
        {"area_code": "BU02020200", "theme": "veiligheid", "open": 3},
        {"area_code": "BU02020100", "theme": "contact", "open": 1}]
