"""Projects per buurt: running on a day, and overlaps of several organisations (hand-checked)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from metrics.projects import overlaps, per_area, running

PROJECTS = pd.DataFrame(
    [
        ("P1", "Buurttuin", "A", "BU1", "2021-01-01", "2022-12-31"),
        ("P2", "Portiekgesprekken", "B", "BU1", "2021-06-01", "2021-12-31"),
        ("P3", "Huiskamer", "C", "BU1", "2021-09-01", None),  # still running
        ("P4", "Schouw", "A", "BU2", "2020-01-01", "2020-12-31"),
        ("P5", "Burendag", "A", "BU2", "2020-06-01", "2021-06-01"),
        ("P6", "Verlichting", "A", "BU2 BU3", "2020-07-01", "2020-08-01"),
    ],
    columns=["project_id", "name", "organisation", "area_codes", "start_date", "end_date"],
)


def test_a_project_in_two_buurten_counts_in_both() -> None:
    out = per_area(PROJECTS)
    assert sorted(out.loc[out["project_id"] == "P6", "area_code"]) == ["BU2", "BU3"]
    assert len(out) == 7


def test_running_on_a_day() -> None:
    assert set(running(PROJECTS, dt.date(2021, 12, 15))["project_id"]) == {"P1", "P2", "P3"}
    assert set(running(PROJECTS, dt.date(2030, 1, 1))["project_id"]) == {"P3"}
    assert set(running(PROJECTS, dt.date(2020, 7, 15))["project_id"]) == {"P4", "P5", "P6"}


def test_overlaps_flag_many_projects_of_several_organisations() -> None:
    out = overlaps(PROJECTS).set_index("area_code")
    # BU1: from 1 September 2021 three projects of three organisations at once.
    assert out.loc["BU1", "most_at_once"] == 3
    assert out.loc["BU1", "organisations"] == 3
    assert out.loc["BU1", "since"] == dt.date(2021, 9, 1)
    assert bool(out.loc["BU1", "flagged"])
    # BU2: three at once too, but all of one organisation: not flagged.
    assert out.loc["BU2", "most_at_once"] == 3 and out.loc["BU2", "organisations"] == 1
    assert not bool(out.loc["BU2", "flagged"])
    assert out.loc["BU3", "most_at_once"] == 1


def test_no_projects_no_overlaps() -> None:
    assert overlaps(PROJECTS.iloc[:0]).empty
