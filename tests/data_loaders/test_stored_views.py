"""The gemeente picker's list stored at load time (data_loaders.stored_views) equals the list
counted from scratch: on the demo, on a database of two gemeenten, and after a reload that changes
one of them; a database without the stored list is counted instead."""

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


def test_the_demos_stored_gemeente_list_equals_the_count(demo_db: Path) -> None:
    got, want = stored_and_counted(demo_db)
    assert_frame_equal(got, want, check_dtype=False)
    assert got["code"].tolist() == ["GM0202"] and got["observations"].iloc[0] > 10_000


def test_two_gemeenten_are_stored_by_name_with_the_country_last(two: Path) -> None:
    got, want = stored_and_counted(two)
    assert_frame_equal(got, want, check_dtype=False)
    assert got["code"].tolist() == ["GM0202", "GM0274", "NL"]
    assert got["observations"].iloc[-1] == got["observations"].iloc[:-1].sum()


def test_a_reload_of_one_gemeente_stores_the_list_counted_again(two: Path,
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


def test_without_a_stored_list_the_app_counts_it(two: Path, tmp_path: Path) -> None:
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    with db.write_session(copy) as con:
        db.execute(con, "agg_delete_gemeente_choices")
    con = db.connect(copy)
    try:
        assert stored_views.stored_gemeente_choices(con) is None
        assert_frame_equal(reads.gemeenten(con), stored_views.gemeente_choices(con))
    finally:
        con.close()
