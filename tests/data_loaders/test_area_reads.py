"""Reads of a few areas for the profile and the comparison equal the whole read, filtered.

The profile and the comparison show one to five areas; nationally the whole set of stored
expected values and of buurttypes is hundreds of thousands of rows. agg_read_expected_of and
app_area_buurttypes read only the areas asked for: they must give exactly the rows of the whole
read for those areas, on the demo, on a database of two gemeenten and after a reload of one of
them (and for the country, 'NL').
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from test_aggregates import BOUNDARIES, buurttypes, figures, survey

from data_loaders import aggregates, db, pipeline


def some_areas(con, gemeente: str) -> list[tuple[str, ...]]:
    """Every area of the gemeente on its own, and a few together (a wijk with two buurten)."""
    areas = db.query(con, "app_areas", {"gemeente": gemeente})
    areas = areas[areas["level"] != "gemeente"]
    codes = sorted(areas["code"])
    together = [tuple(codes[:3]), tuple(codes[-2:]), ("BU_GEEN_GEBIED",)]
    return [(c,) for c in codes] + together


def assert_area_reads_equal_the_whole(path: Path, gemeenten: list[str]) -> dict[str, int]:
    counts = {"expected": 0, "types": 0}
    con = db.connect(path, read_only=True)
    try:
        for gemeente in gemeenten:
            chosen = some_areas(con, gemeente)
            for privacy in aggregates.stored_privacies():
                whole = aggregates.stored_expected(con, gemeente, privacy)
                assert not whole.empty, f"geen verwachte waarden opgeslagen voor {gemeente}"
                for codes in chosen:
                    got = aggregates.stored_expected_of(con, gemeente, privacy, codes)
                    want = whole[whole["area_code"].isin(codes)].reset_index(drop=True)
                    if want.empty:
                        assert got.empty
                        continue
                    assert_frame_equal(got, want)
                    counts["expected"] += len(got)
            rules = db.query(con, "app_rules", {"gemeente": gemeente})["rule"].tolist()
            assert rules, f"geen buurttypen voor {gemeente}"
            for rule in rules:
                whole = db.query(con, "app_buurttypes", {"gemeente": gemeente, "rule": rule})
                for codes in chosen:
                    got = db.query(con, "app_area_buurttypes",
                                   {"gemeente": gemeente, "rule": rule, "areas": list(codes)})
                    want = whole[whole["area_code"].isin(codes)].reset_index(drop=True)
                    if want.empty:
                        assert got.empty
                        continue
                    assert_frame_equal(got.drop(columns="latest_period"), want)
                    # The year tables.types_in(whole, None) takes: the rule's latest anywhere.
                    assert set(got["latest_period"]) <= {whole["period"].max()}
                    counts["types"] += len(got)
    finally:
        con.close()
    return counts


def test_the_demos_area_reads_equal_the_whole_read(demo_db: Path) -> None:
    counts = assert_area_reads_equal_the_whole(demo_db, ["GM0202", "NL"])
    assert counts["expected"] > 500 and counts["types"] > 100  # not vacuous


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("twee_gebieden")
    target = folder / "twee.duckdb"
    for seed, gemeente in enumerate(BOUNDARIES):
        pipeline.load_paths(target, [BOUNDARIES[gemeente], *figures(folder, gemeente, seed),
                                     buurttypes(folder, gemeente)], how="test")
    return target


def test_two_gemeenten_area_reads_equal_the_whole_read_also_after_a_reload(
        two: Path, tmp_path: Path) -> None:
    gemeenten = [*sorted(BOUNDARIES), "NL"]
    counts = assert_area_reads_equal_the_whole(two, gemeenten)
    assert counts["expected"] > 0 and counts["types"] > 0
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    con = db.connect(copy, read_only=True)
    before = aggregates.stored_expected(con, "GM0202", aggregates.stored_privacies()[0])
    con.close()
    # Arnhem's survey again with other values: Arnhem and the country are computed again.
    pipeline.load_paths(copy, [survey(tmp_path, "GM0202", seed=99)], how="test")
    con = db.connect(copy, read_only=True)
    after = aggregates.stored_expected(con, "GM0202", aggregates.stored_privacies()[0])
    con.close()
    assert not after.equals(before)  # the reload changed what is read
    again = assert_area_reads_equal_the_whole(copy, gemeenten)
    assert again["expected"] > 0 and again["types"] == counts["types"]


def test_without_stored_expected_values_an_area_reads_nothing(tmp_path: Path) -> None:
    """An area outside the stored set (or a gemeente without a status score) gives an empty
    frame, as stored_expected does, so the profile shows no table rather than failing."""
    target = tmp_path / "leeg.duckdb"
    pipeline.load_paths(target, [BOUNDARIES["GM0274"]], how="test")
    con = db.connect(target, read_only=True)
    try:
        privacy = aggregates.stored_privacies()[0]
        assert aggregates.stored_expected(con, "GM0274", privacy).empty
        found = aggregates.stored_expected_of(con, "GM0274", privacy, ["BU02740000"])
        assert isinstance(found, pd.DataFrame) and found.empty
    finally:
        con.close()
