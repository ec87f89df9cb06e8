"""What the app computes one indicator at a time equals the same computation over all indicators.

At national scale the profile, the comparison, the expected values, the early warnings and the
overview go through the observations one indicator at a time (dashboard.data), so that never all
five million rows are in memory. Each must give exactly what the plain computation over the whole
gemeente at once gives (the way these figures were computed before), here on the demo database.
"""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from dashboard import data, profiles, tables
from data_loaders import settings
from metrics import aggregate, early_warning

GEMEENTE = "GM0202"
BUURT = "BU02020100"  # Markt, in wijk Centrum
THREE = ("BU02020100", "BU02020101", "WK020203")  # two buurten and a wijk

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.fixture()
def demo():
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of the caches
    version = data.database_version()
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[0])
    privacy = settings.privacy()
    scope = data._scope(version, GEMEENTE, rule, privacy)
    assert scope.obs["indicator_id"].nunique() >= 30  # the whole set, not a part of it
    return version, rule, privacy, scope


def test_the_profile_equals_the_profile_over_all_indicators(demo) -> None:
    version, rule, privacy, scope = demo
    for code in (BUURT, "WK020203"):
        got = data.profile(version, GEMEENTE, rule, privacy, code, 2014)
        assert len(got) >= 30
        assert_frame_equal(got, profiles.profile_rows(scope, code, 2014))


def test_the_comparison_equals_the_comparison_over_all_indicators(demo) -> None:
    version, rule, privacy, scope = demo
    got = data.comparison(version, GEMEENTE, rule, privacy, THREE)
    assert got["Gemeente"].notna().sum() > 50
    assert_frame_equal(got, profiles.comparison(scope, THREE))


@pytest.mark.parametrize("reference", ["zscore", "verschil_buurttype", "index_nulmeting"])
def test_switched_values_equal_those_over_all_indicators(demo, reference: str) -> None:
    version, rule, privacy, scope = demo
    for code in (BUURT, "WK020203"):
        got = data.switched(version, GEMEENTE, rule, privacy, code, reference, 2014,
                            ("achterstand", "midden"))
        want = profiles.switched_values(scope, code, reference, 2014, ("achterstand", "midden"))
        # A wijk has no buurttype of its own, so no difference with its type.
        assert len(got) >= (0 if code.startswith("WK") and reference == "verschil_buurttype"
                            else 20)
        assert_series_equal(got.sort_index(), want.sort_index())


def test_expected_values_equal_those_over_all_indicators(demo) -> None:
    version, rule, privacy, scope = demo
    got, status = data.expected_fits(version, GEMEENTE, rule, privacy)
    want, want_status = profiles.expected_all(scope)
    keys = ["indicator_id", "area_code"]
    assert status == want_status and status is not None
    assert got["indicator_id"].nunique() >= 10
    assert_frame_equal(got.sort_values(keys).reset_index(drop=True),
                       want.sort_values(keys).reset_index(drop=True))


def test_early_warnings_equal_those_over_all_outcomes(demo) -> None:
    version, _, privacy, scope = demo
    got = data.early_warnings(version, GEMEENTE, privacy)
    cat = scope.catalogue
    obs = scope.obs[scope.obs["indicator_id"].isin(cat.index[cat["result"] == "outcome"])]
    found = early_warning.early_warnings(obs, cat, int(obs["period"].max()))
    found = found[found["severity"] != "laag"]
    meta = obs.drop_duplicates(["area_code", "indicator_id", "period"])[
        ["area_code", "indicator_id", "period", "source", "synthetic"]]
    want = found.merge(meta, on=["area_code", "indicator_id", "period"], how="left")
    assert len(got) > 0
    assert_frame_equal(got, want)


def test_the_overview_equals_the_headline_figures_over_all_indicators(demo) -> None:
    version, rule, privacy, scope = demo
    cat = scope.catalogue
    wanted = [*cat.index[cat["headline"].astype(bool)], "inwoners"]
    obs = scope.obs[scope.obs["indicator_id"].isin(wanted)]
    buurttype = ("achterstand",)
    got, members = data.selection_values(version, GEMEENTE, rule, privacy, buurttype)
    inside = tables.in_filter(
        tables.Scope(obs=obs, areas=scope.areas, types=data.latest_types(version, GEMEENTE, rule),
                     catalogue=cat, sources=pd.DataFrame()), "buurt", buurttype)
    assert members == [c for c, ok in inside.items() if ok] and len(members) >= 5
    weights = aggregate.population_weights(obs)
    want = aggregate.weighted_mean(obs[obs["area_code"].isin(members)], weights,
                                   pd.Series("selectie", index=members), cat)
    keys = ["indicator_id", "period"]
    assert_frame_equal(got.sort_values(keys).reset_index(drop=True),
                       want.sort_values(keys).reset_index(drop=True), check_like=True)
    gem = data.gemeente_values(version, GEMEENTE, privacy)
    want_gem = aggregate.gemeente_reference(obs, scope.areas, weights, cat)
    assert_frame_equal(gem.sort_values(keys).reset_index(drop=True),
                       want_gem.sort_values(keys).reset_index(drop=True), check_like=True)


def test_without_buurttypes_every_type_chosen_keeps_every_buurt(demo) -> None:
    """A gemeente without a buurttype rule (here: a rule the demo does not have): with every
    type chosen there is no filter, so the overview averages all buurten, not none."""
    version, _, privacy, scope = demo
    cat = scope.catalogue
    wanted = [*cat.index[cat["headline"].astype(bool)], "inwoners"]
    obs = scope.obs[scope.obs["indicator_id"].isin(wanted)]
    buurttype = ("achterstand", "midden", "voorstand")
    got, members = data.selection_values(version, GEMEENTE, "geen_regel", privacy, buurttype)
    buurten = scope.areas.loc[scope.areas["level"] == "buurt", "code"]
    assert sorted(members) == sorted(buurten) and len(members) > 50
    want = aggregate.weighted_mean(obs[obs["area_code"].isin(members)],
                                   aggregate.population_weights(obs),
                                   pd.Series("selectie", index=members), cat)
    keys = ["indicator_id", "period"]
    assert len(got) > 0
    assert_frame_equal(got.sort_values(keys).reset_index(drop=True),
                       want.sort_values(keys).reset_index(drop=True), check_like=True)


@pytest.mark.parametrize("indicator", ["lbm_score", "rapportcijfer_buurt", "misdrijven_aantal"])
def test_the_trend_references_read_as_stored_equal_those_computed_from_the_rows(
        demo, indicator: str) -> None:
    """trend_base reads the gemeente figure and buurttype averages the load stored: the same as
    the rules over the rows it reads itself."""
    version, rule, privacy, scope = demo
    assert data.stored(version, GEMEENTE, privacy)[0]
    base = data.trend_base(version, GEMEENTE, rule, privacy, indicator)
    assert len(base["gemeente"]) > 0 and len(base["peers"]) > 0
    want_gemeente = aggregate.gemeente_reference(base["ind"], scope.areas, base["weights"],
                                                 scope.catalogue)
    want_peers = aggregate.buurttype_reference(base["ind"], scope.areas, scope.types,
                                               base["weights"], scope.catalogue)
    for got, want, keys in ((base["gemeente"], want_gemeente, ["indicator_id", "period"]),
                            (base["peers"], want_peers, ["type", "indicator_id", "period"])):
        got = got[list(want.columns)].sort_values(keys).reset_index(drop=True)
        want = want.sort_values(keys).reset_index(drop=True)
        assert_frame_equal(got, want, check_dtype=False, check_exact=False, rtol=1e-12)
