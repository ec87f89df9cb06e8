"""The overview's parts per buurttype, stored by the load, equal group_parts from scratch.

The overview adds up the parts of the buurttypes a filter holds (metrics.aggregate.union_mean).
The load stores those parts (data_loaders.aggregates.parts_together) for every gemeente, the
country and buurttype rule: each buurt counts in the group of its LATEST label under the rule
(as the filter takes it), a buurt without a label in the group 'zonder buurttype'. Both must
equal group_parts over the rows, on the demo and on a database of two gemeenten, for 'NL' too,
after a first load and after a partial reload; and the overview's figures built from the stored
parts must equal the weighted mean over the selection's buurten for every filter choice.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from test_aggregates import BOUNDARIES, _codes, survey, two  # noqa: F401  (the fixture)

from data_loaders import aggregates, db, pipeline, settings
from metrics import aggregate
from metrics.selection import BUURTTYPES

PART_KEYS = ["group", "indicator_id", "period"]
SOURCE_KEYS = [*PART_KEYS, "regime", "source"]
RULE = "wisselend"  # the test's own rule: labels that change over the years, some buurten none


def from_scratch(con, gemeente: str, rule: str, privacy: settings.Privacy, *,
                 first: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """group_parts of the overview's indicators over the rows, each buurt grouped by its latest
    label under the rule (with `first`: its earliest, which the stored parts must NOT follow)."""
    catalogue = db.query(con, "app_catalogue").set_index("id", drop=False)
    areas = db.query(con, "app_areas", {"gemeente": gemeente})
    buurten = areas.loc[areas["level"] == "buurt", "code"]
    types = db.query(con, "app_buurttypes", {"gemeente": gemeente, "rule": rule})
    pick = types.groupby("area_code")["period"].idxmin() if first else \
        types.groupby("area_code")["period"].idxmax()
    label = types.loc[pick].set_index("area_code")["type"]
    group_of = pd.Series(buurten.map(label).fillna(aggregates.UNLABELLED).to_numpy(),
                         index=buurten.to_numpy())
    obs = aggregates.observations(con, gemeente, aggregates.headline_ids(catalogue), privacy)
    weights = aggregate.population_weights(
        aggregates.observations(con, gemeente, ("inwoners",), privacy))
    return aggregate.group_parts(obs, weights, group_of, catalogue)


def assert_parts_stored(path: Path, gemeenten: list[str]) -> dict:
    """Under every stored privacy, every gemeente's (and the country's) stored parts of each of
    its rules equal from_scratch. Returns the groups found per (gemeente, rule)."""
    groups = {}
    con = db.connect(path)
    try:
        for privacy, code in itertools.product(aggregates.stored_privacies(), gemeenten):
            rules = db.query(con, "app_rules", {"gemeente": code})["rule"].tolist()
            for rule in rules or [""]:
                label = f"{code} {rule} echt={privacy.real_only}"
                want_parts, want_sources = from_scratch(con, code, rule, privacy)
                found = aggregates.stored_parts(con, code, rule, privacy)
                assert found is not None, f"geen opgeslagen delen: {label}"
                got_parts, got_sources = found
                assert len(got_parts) == len(want_parts) > 0, label
                assert_frame_equal(got_parts, want_parts, check_exact=False, rtol=1e-12,
                                   obj=f"delen {label}")
                assert_frame_equal(
                    got_sources.sort_values(SOURCE_KEYS).reset_index(drop=True),
                    want_sources.sort_values(SOURCE_KEYS).reset_index(drop=True),
                    obj=f"bronnen {label}")
                groups[code, rule] = set(want_parts["group"])
    finally:
        con.close()
    return groups


def changing_types(folder: Path, gemeente: str) -> Path:
    """A rule of the test's own: a quarter of the buurten unlabelled, the others' label changing
    in 2022 (so a buurt's latest label differs from its label in the earlier years)."""
    kinds = ["achterstand", "midden", "voorstand"]
    lines = []
    for i, code in enumerate(_codes(gemeente)):
        if i % 4 == 3:
            continue
        lines.append(f"{code},{kinds[i % 3]},eigen_indeling,2020,2021,{RULE},Wisselend\n")
        lines.append(f"{code},{kinds[(i + 2) % 3]},eigen_indeling,2022,2024,{RULE},Wisselend\n")
    path = folder / f"wisselend_{gemeente}.csv"
    path.write_text("gebiedscode,buurttype,bron,jaar_van,jaar_tot,regel,omschrijving\n"
                    + "".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def changed(two: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The two-gemeente database, then a partial reload: Arnhem's survey again with other
    values and a rule of its own whose labels change over the years."""
    folder = tmp_path_factory.mktemp("delen")
    copy = folder / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    pipeline.load_paths(copy, [survey(folder, "GM0202", seed=99),
                               changing_types(folder, "GM0202")], how="test")
    return copy


def test_the_demos_stored_parts_equal_group_parts_from_scratch(demo_db: Path) -> None:
    groups = assert_parts_stored(demo_db, ["GM0202", "NL"])
    # Not vacuous: the demo's income rule leaves buurten without a label.
    assert aggregates.UNLABELLED in groups["GM0202", "inkomen_gemeente_kwintiel"]
    assert aggregates.UNLABELLED in groups["NL", "inkomen_gemeente_kwintiel"]


def test_both_gemeentes_stored_parts_equal_group_parts_from_scratch(two: Path) -> None:  # noqa: F811
    groups = assert_parts_stored(two, [*BOUNDARIES, "NL"])
    for code in [*BOUNDARIES, "NL"]:
        assert set(BUURTTYPES) <= groups[code, "gemeentelijke_lijst"]


def test_after_a_partial_reload_the_parts_follow_each_buurts_latest_label(changed: Path) -> None:
    groups = assert_parts_stored(changed, [*BOUNDARIES, "NL"])
    # The new rule is Arnhem's (and the country's, where Renkum's buurten have no label).
    assert groups["GM0202", RULE] == {*BUURTTYPES, aggregates.UNLABELLED}
    assert (("GM0274", RULE)) not in groups
    con = db.connect(changed)
    try:
        privacy = aggregates.stored_privacies()[0]
        stored, _ = aggregates.stored_parts(con, "GM0202", RULE, privacy)
        earliest, _ = from_scratch(con, "GM0202", RULE, privacy, first=True)
        # Not vacuous: grouped by each buurt's earliest label the parts differ.
        assert not stored[["group", "rows"]].equals(earliest[["group", "rows"]])
        # Renkum was not recomputed, and still has its parts.
        assert aggregates.stored_parts(con, "GM0274", "gemeentelijke_lijst", privacy) is not None
    finally:
        con.close()


def test_a_database_without_the_parts_reads_none(two: Path, tmp_path: Path) -> None:  # noqa: F811
    """A database built before these tables (or another privacy setting): nothing stored, so
    the app computes the parts itself."""
    copy = tmp_path / "oud.duckdb"
    copy.write_bytes(two.read_bytes())
    with db.write_session(copy) as con:
        con.execute("DROP TABLE agg_parts")
        con.execute("DROP TABLE agg_part_sources")
    con = db.connect(copy)
    try:
        privacy = aggregates.stored_privacies()[0]
        assert aggregates.stored_parts(con, "GM0202", "gemeentelijke_lijst", privacy) is None
        other = settings.Privacy(min_respondents=privacy.min_respondents + 1,
                                 min_inhabitants=privacy.min_inhabitants)
    finally:
        con.close()
    con = db.connect(two)
    try:
        assert aggregates.stored_parts(con, "GM0202", "gemeentelijke_lijst", other) is None
        assert aggregates.stored_parts(con, "GM0202", "gemeentelijke_lijst", privacy) is not None
    finally:
        con.close()


@pytest.mark.parametrize("gemeente", ["GM0202", "NL"])
def test_the_overview_from_stored_parts_equals_the_mean_over_the_selection(
        changed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gemeente: str) -> None:
    """data.selection_values read from the stored parts (group_parts is never called) equals
    the weighted mean over the selection's buurten, for all seven filter choices."""
    from dashboard import data  # the app's own path (streamlit caches, outside a server)

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    monkeypatch.setenv("BUURTMONITOR_DB", str(changed))
    monkeypatch.setenv("BUURTMONITOR_WERKDB", str(tmp_path / "werkdb.sqlite"))

    def refuse(*args, **kwargs):
        raise AssertionError("group_parts called although the parts are stored")

    version = data.database_version()
    privacy = settings.privacy()
    con = db.connect(changed)
    try:
        catalogue = db.query(con, "app_catalogue").set_index("id", drop=False)
        obs = aggregates.observations(con, gemeente, aggregates.headline_ids(catalogue), privacy)
        types = db.query(con, "app_buurttypes", {"gemeente": gemeente, "rule": RULE})
    finally:
        con.close()
    weights = aggregate.population_weights(obs)
    keys = ["indicator_id", "period"]
    # latest_types (picked by the database): each buurt's row of its last labelled year
    want_types = types.loc[types.groupby("area_code")["period"].idxmax()]
    got_types = data.latest_types(version, gemeente, RULE)
    assert len(got_types) == len(want_types) > 0
    assert_frame_equal(got_types.sort_values("area_code").reset_index(drop=True),
                       want_types.sort_values("area_code").reset_index(drop=True))
    with monkeypatch.context() as patch:
        patch.setattr(data.aggregate, "group_parts", refuse)
        for size in (1, 2, 3):
            for choice in itertools.combinations(BUURTTYPES, size):
                got, members = data.selection_values(version, gemeente, RULE, privacy, choice)
                want = aggregate.weighted_mean(obs[obs["area_code"].isin(members)], weights,
                                               pd.Series("selectie", index=members), catalogue)
                assert len(members) > 0 and len(got) > 0, choice
                assert_frame_equal(got.sort_values(keys).reset_index(drop=True),
                                   want.sort_values(keys).reset_index(drop=True),
                                   check_like=True, check_exact=False, rtol=1e-12,
                                   obj=f"{gemeente} {choice}")
