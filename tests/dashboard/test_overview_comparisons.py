"""The overview compares a selection with something other than itself, colours only real changes,
and lists improvements beside worsenings, once."""

from __future__ import annotations

import pandas as pd
import pytest
from app_walk import record_downloads, run, seen

from dashboard import tables
from metrics import change


@pytest.mark.usefixtures("app_env")
def test_the_whole_gemeente_is_compared_with_its_nulmeting_not_with_itself() -> None:
    at = run("overzicht")
    captions = [c.value for c in at.caption]
    assert not [c for c in captions if c.startswith("Gemeente:")], captions
    assert any(c.startswith("Nulmeting 2014:") for c in captions)


@pytest.mark.usefixtures("app_env")
def test_a_buurttype_is_compared_with_the_rest_of_the_gemeente() -> None:
    at = run("overzicht", buurttype="achterstand")
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Overige buurten (middenstandsbuurten, voorstandsbuurten):")
               for c in captions), captions


@pytest.mark.usefixtures("app_env")
def test_the_difference_with_the_gemeente_of_the_whole_gemeente_is_not_shown_as_zero() -> None:
    at = run("overzicht", referentie="verschil_gemeente")
    assert "hele gemeente" in at.info[0].value
    assert not [m for m in at.metric if m.value.startswith(("0,0", "+0,0", "-0,0"))]


@pytest.mark.usefixtures("app_env")
def test_only_a_real_change_gets_an_arrow_and_a_colour() -> None:
    at = run("overzicht")
    for metric in at.metric:
        delta = metric.proto.delta
        if not delta:
            continue
        grey = "geen wezenlijke verandering" in delta
        # delta_color 'off' is colour 2 in the element; no arrow is direction 2 ('none').
        assert (metric.proto.color == 2) == grey, (metric.label, delta)
        assert (metric.proto.direction == 2) == grey, (metric.label, delta)
        if delta.startswith(("0,0", "+0,0", "-0,0")):
            assert grey, (metric.label, delta)


def test_a_change_without_a_real_difference_is_grey_and_an_untested_one_says_indicatief() -> None:
    none = pd.Series({"verdict": "geen wezenlijke verandering", "indicatief": False})
    assert tables.delta_style(none, "hoger_beter") == ("geen wezenlijke verandering", "off", "off")
    assert tables.delta_style(None, "lager_beter") == ("geen wezenlijke verandering", "off", "off")
    rough = pd.Series({"verdict": "verbeterd", "indicatief": True})
    assert tables.delta_style(rough, "lager_beter") == ("indicatief", "inverse", "auto")
    tested = pd.Series({"verdict": "verslechterd", "indicatief": False})
    assert tables.delta_style(tested, "hoger_beter") == ("statistisch betekenisvol", "normal",
                                                         "auto")


@pytest.mark.usefixtures("app_env")
def test_the_early_warning_lists_improvements_beside_worsenings_once_with_a_download(
        monkeypatch) -> None:
    record_downloads(monkeypatch)
    at = run("overzicht")
    listed = "\n".join(m.value for m in at.markdown)
    assert "verslechterd:" in listed and "verbeterd:" in listed
    assert "statistisch betekenisvolle verbetering" in listed
    # One presentation: the list, and the same rows as files rather than a second table.
    assert not [d for d in at.dataframe if "Reden" in d.value.columns]
    files = seen(at).downloads
    csv = next(data for name, data in files.items() if name.startswith("Download CSV"))
    text = csv.decode("utf-8-sig")
    assert "verbeterd" in text and "verslechterd" in text


def test_the_changes_under_the_figures_are_each_figures_own_change_from_its_nulmeting(
        demo_db) -> None:
    """tables.selection_changes (computed once per selection) gives for every figure what
    selection_change gives for that figure alone: from its first year at or after the nulmeting
    (metrics.change.nulmeting_period) to its last year."""
    from data_loaders import db, reads, settings
    from metrics import aggregate

    con = db.connect(demo_db, read_only=True)
    try:
        found = reads.gemeente_frames(con, "GM0202", "", settings.privacy())
    finally:
        con.close()
    cat = found.catalogue
    ids = [i for i in cat.index[cat["headline"].astype(bool)] if i != "inwoners"]
    buurten = found.areas.loc[found.areas["level"] == "buurt", "code"].tolist()[:40]
    obs = found.obs[found.obs["area_code"].isin(buurten)]
    weights = aggregate.population_weights(obs[obs["indicator_id"] == "inwoners"])
    values = aggregate.weighted_mean(obs[obs["indicator_id"].isin(ids)], weights,
                                     pd.Series("selectie", index=buurten), cat)
    changes = tables.selection_changes(values, cat, 2014)
    assert set(changes) == set(values.dropna(subset=["value"])["indicator_id"])
    tested = 0
    for ind, found_change in changes.items():
        years = sorted(values.loc[(values["indicator_id"] == ind) & values["value"].notna(),
                                  "period"].astype(int).unique())
        first = change.nulmeting_period(years, 2014)
        alone = tables.selection_change(values, cat, ind, first, years[-1])
        if alone is None:
            assert found_change is None
            continue
        tested += 1
        pd.testing.assert_series_equal(found_change, alone)
    assert tested >= 5  # not vacuous: most figures have two years
