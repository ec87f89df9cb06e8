"""The gemeente picker's list and the years per gemeente and indicator stored at load time
(data_loaders.stored_views) equal the same counted from scratch: on the demo, on a database of two
gemeenten, and after a reload that changes one of them; a database without them is counted
instead."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal
from test_aggregates import BOUNDARIES, survey, two  # noqa: F401  (two: the fixture)

from data_loaders import db, pipeline, reads, stored_views


def stored_and_counted(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    con = db.connect(path)
    try:
        return stored_views.stored_gemeente_choices(con), stored_views.gemeente_choices(con)
    finally:
        con.close()


def tidy_periods(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(periods=[[int(p) for p in ps] for ps in frame["periods"]]).sort_values(
        "indicator_id").reset_index(drop=True)


def assert_stored_periods_equal_the_count(path: Path, gemeenten: list[str]) -> int:
    """Every gemeente's (and the country's) stored years equal app_periods; how many rows."""
    con = db.connect(path)
    rows = 0
    try:
        for gemeente in [*gemeenten, "NL"]:
            for real_only in (False, True):
                got = stored_views.stored_periods(con, gemeente, real_only)
                want = stored_views.periods(con, gemeente, real_only)
                assert got is not None, f"geen opgeslagen jaren voor {gemeente}"
                assert_frame_equal(tidy_periods(got), tidy_periods(want), check_dtype=False,
                                   obj=f"jaren {gemeente} echt={real_only}")
                rows += len(want)
    finally:
        con.close()
    return rows


def test_the_demos_stored_gemeente_list_equals_the_count(demo_db: Path) -> None:
    got, want = stored_and_counted(demo_db)
    assert_frame_equal(got, want, check_dtype=False)
    assert got["code"].tolist() == ["GM0202"] and got["observations"].iloc[0] > 10_000
    assert assert_stored_periods_equal_the_count(demo_db, ["GM0202"]) > 40


def test_two_gemeenten_are_stored_by_name_with_the_country_last(two: Path) -> None:  # noqa: F811
    got, want = stored_and_counted(two)
    assert_frame_equal(got, want, check_dtype=False)
    assert got["code"].tolist() == ["GM0202", "GM0274", "NL"]
    assert got["observations"].iloc[-1] == got["observations"].iloc[:-1].sum()
    assert assert_stored_periods_equal_the_count(two, sorted(BOUNDARIES)) > 0


def test_a_reload_of_one_gemeente_stores_the_list_counted_again(two: Path,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    before, _ = stored_and_counted(copy)
    # One more year of Arnhem's survey, in a file of its own.
    with open(survey(tmp_path, "GM0202", seed=99), encoding="utf-8", newline="") as handle:
        rows = [{**r, "jaar": "2018"} for r in csv.DictReader(handle) if r["jaar"] == "2020"]
    path = tmp_path / "enquete_GM0202_2018.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    pipeline.load_paths(copy, [path], how="test")
    after, counted = stored_and_counted(copy)
    assert_frame_equal(after, counted, check_dtype=False)
    changed = after.set_index("code")["observations"] - before.set_index("code")["observations"]
    assert changed["GM0202"] == len(rows) and changed["GM0274"] == 0
    assert changed["NL"] == len(rows)
    assert_stored_periods_equal_the_count(copy, sorted(BOUNDARIES))
    con = db.connect(copy)
    try:  # the new year is stored for Arnhem and the country, not for Renkum
        for gemeente, has_2018 in (("GM0202", True), ("NL", True), ("GM0274", False)):
            found = stored_views.stored_periods(con, gemeente, False).set_index("indicator_id")
            assert (2018 in list(found.loc["rapportcijfer_buurt", "periods"])) is has_2018
    finally:
        con.close()


def test_without_a_stored_list_the_app_counts_it(two: Path, tmp_path: Path) -> None:  # noqa: F811
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    with db.write_session(copy) as con:
        db.execute(con, "agg_delete_gemeente_choices")
    con = db.connect(copy)
    try:
        assert stored_views.stored_gemeente_choices(con) is None
        assert_frame_equal(reads.gemeenten(con), stored_views.gemeente_choices(con))
        assert stored_views.stored_periods(con, "GM0202", False) is None
        assert_frame_equal(tidy_periods(reads.periods(con, "GM0202")),
                           tidy_periods(stored_views.periods(con, "GM0202", False)))
    finally:
        con.close()
