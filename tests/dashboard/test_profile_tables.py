"""The buurtprofiel's tables per theme and its one download (profiles.theme_tables,
profiles.profile_download), on the profile rows of a demo buurt."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from dashboard import data, profiles, tables
from data_loaders import settings

GEMEENTE = "GM0202"
BUURT = "BU02020100"  # Markt

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.fixture()
def rows() -> pd.DataFrame:
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of the caches
    version = data.database_version()
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[0])
    found = data.profile(version, GEMEENTE, rule, settings.privacy(), BUURT, 2014)
    assert len(found) >= 30
    return found


def results() -> pd.Series:
    return data.catalogue(data.database_version()).set_index("id")["result"]


def test_every_indicator_lands_in_the_table_of_its_theme_in_theme_order(rows) -> None:
    found = profiles.theme_tables(rows, results(), 2024, 2014)
    assert [t.theme for t in found] == [t for t in tables.THEME_LABELS if t in set(rows["theme"])]
    assert sum(len(t.shown) for t in found) == len(rows)
    assert list(found[0].shown.columns) == profiles.SHOWN
    first = found[0]
    assert list(first.shown["label"]) == list(rows.loc[rows["theme"] == first.theme, "label"])


def test_outcome_counts_match_the_standings_against_the_gemeente(rows) -> None:
    kinds = results()
    for table in profiles.theme_tables(rows, kinds, 2024, 2014):
        part = rows[(rows["theme"] == table.theme) & (rows["indicator_id"].map(kinds) == "outcome")]
        assert table.outcomes == len(part)
        for word in ("beter", "slechter"):
            assert table.counts[word] == int((part["Stand t.o.v. gemeente"] == word).sum())
        # No demonstrable difference is worded so, with its margin, never 'gelijk'.
        not_shown = part["Stand t.o.v. gemeente"].str.startswith("geen aantoonbaar verschil")
        assert table.counts["gelijk"] == int(not_shown.sum())
        assert not (part["Stand t.o.v. gemeente"] == "gelijk").any()


def test_a_year_is_named_only_where_it_differs_from_the_latest(rows) -> None:
    # Pretend the profile's latest year is 2023: every 2024 value then names its year.
    shown = pd.concat([t.shown for t in profiles.theme_tables(rows, results(), 2023, 2014)])
    years = pd.concat([rows[rows["theme"] == t]["Jaar"] for t in tables.THEME_LABELS])
    texts = pd.concat([rows[rows["theme"] == t]["kort"] for t in tables.THEME_LABELS])
    for text, year, short in zip(shown["kort"], years, texts, strict=True):
        assert text == (short if year == 2023 else f"{short} ({year})")


def test_the_reference_column_comes_after_the_value(rows) -> None:
    switch = pd.Series({"lbm_score": "112"})
    table = profiles.theme_tables(rows, results(), 2024, 2014, switch)[0]
    assert list(table.shown.columns[:3]) == ["label", "kort", "switch"]
    by_label = dict(zip(table.shown["label"], table.shown["switch"], strict=True))
    assert by_label["Leefbaarometerscore"] == "112"
    assert set(by_label.values()) == {"112", "–"}


def test_the_download_has_every_indicator_with_its_theme_and_full_wording(rows) -> None:
    frame = profiles.profile_download(rows)
    assert list(frame.columns) == ["Thema", *profiles.DOWNLOAD]
    assert len(frame) == len(rows)
    assert list(frame["Thema"]) == [tables.THEME_LABELS[t] for t in rows["theme"]]
    assert list(frame["Oordeel"]) == list(rows["Oordeel"])  # the full verdict, not the short word
    assert profiles.profile_download(pd.DataFrame()).empty


def test_the_respondents_in_the_download_are_whole_numbers_only_for_survey_indicators(rows) -> None:
    frame = profiles.profile_download(rows)
    kinds = data.catalogue(data.database_version()).set_index("id")["kind"]
    counted = frame["Respondenten (n)"].notna().to_numpy()
    assert counted.any()
    assert set(rows.loc[counted, "indicator_id"].map(kinds)) == {"subjectief"}
    # As text (the CSV download) '82', never '82.0'.
    assert all(text.isdigit() for text in frame.loc[counted, "Respondenten (n)"].astype(str))


def test_a_large_difference_the_test_cannot_show_is_no_difference_with_its_margin() -> None:
    # Woninginbraak 5,6 per 1.000 woningen in a buurt of 180 woningen (one burglary) against
    # the gemeente's 2,1: within the Poisson margin, so not demonstrable, and never 'gelijk'.
    from metrics import profile
    from tests.metrics.metrics_testdata import catalogue, obs

    rows = obs([("BU1", "woninginbraak", 2024, 5.6, 180)]).assign(
        gemeente_value=2.1, buurttype=None, buurttype_value=float("nan"))
    found = profile.theme_profile(rows, catalogue()).iloc[0]
    assert found["standing_gemeente"] == profile.EQUAL
    assert found["margin_gemeente"] == pytest.approx(1.96 * (5.6 * 180 / 1000) ** 0.5 / 180 * 1000)
    text = profiles.standing_text(found["standing_gemeente"], found["margin_gemeente"], 1,
                                  "per 1.000 woningen")
    assert text == "geen aantoonbaar verschil (marge ±10,9)"


def test_the_peer_figure_of_a_count_says_it_is_a_mean_per_buurt_and_the_gemeente_a_total() -> None:
    assert profiles.reference_text(2310.5, 0, "aantal", "aantal", peer=True) == (
        "2.311 (gemiddeld per buurt)")
    assert profiles.reference_text(110070, 0, "aantal", "aantal", peer=False) == "110.070 (totaal)"
    assert profiles.reference_text(3.2, 1, "score", "gemiddelde", peer=True) == "3,2"
