"""Projects per buurt: which run in a year, and where many of different organisations overlap.

Pure. Projects: project_id, name, organisation, area_codes (space-separated), start_date,
end_date (missing = still running).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

# Many projects at once, from several organisations: worth a conversation about coordination.
OVERLAP_PROJECTS = 3
OVERLAP_ORGANISATIONS = 2


def per_area(projects: pd.DataFrame) -> pd.DataFrame:
    """One row per project and area (the project's columns plus area_code)."""
    if projects.empty:
        return projects.assign(area_code=pd.Series(dtype=str))
    out = projects.assign(area_code=projects["area_codes"].str.split()).explode("area_code")
    return out.reset_index(drop=True)


def running(projects: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    """Projects running on a date (started, and not yet ended or without an end)."""
    start = pd.to_datetime(projects["start_date"])
    end = pd.to_datetime(projects["end_date"])
    day = pd.Timestamp(on)
    return projects[(start <= day) & (end.isna() | (end >= day))]


def overlaps(projects: pd.DataFrame, *, min_projects: int = OVERLAP_PROJECTS,
             min_organisations: int = OVERLAP_ORGANISATIONS) -> pd.DataFrame:
    """Per area: the most projects running at the same time, and how many organisations ran them.

    Columns: area_code, most_at_once, organisations (distinct organisations among those projects),
    since (the first day that many ran), flagged (most_at_once >= min_projects and organisations
    >= min_organisations). A project without an end counts as running on.
    """
    rows = []
    for area, part in per_area(projects).groupby("area_code"):
        starts = pd.to_datetime(part["start_date"])
        ends = pd.to_datetime(part["end_date"]).fillna(pd.Timestamp.max)
        best, orgs, since = 0, 0, None
        for day in sorted(starts.unique()):
            on = part[(starts <= day) & (ends >= day)]
            count, distinct = len(on), on["organisation"].nunique()
            if (count, distinct) > (best, orgs):
                best, orgs, since = count, distinct, pd.Timestamp(day).date()
        rows.append({"area_code": area, "most_at_once": best, "organisations": orgs,
                     "since": since,
                     "flagged": best >= min_projects and orgs >= min_organisations})
    return pd.DataFrame(rows, columns=["area_code", "most_at_once", "organisations", "since",
                                       "flagged"])
