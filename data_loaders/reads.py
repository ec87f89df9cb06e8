"""The one reading door: every frame the app and the briefing show is read here, with privacy applied.

dashboard.data wraps these in its caches; the briefing PDF built straight from a database file
(briefing.generate_pdf) reads through the same functions, so both apply the same thresholds,
rights and 'Alleen echte cijfers'. Reads only: no computation, no streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from data_loaders import db, settings, stored_views


def real(frame: pd.DataFrame, privacy: settings.Privacy) -> pd.DataFrame:
    """Without its generated rows when the user asked for real figures only."""
    if not privacy.real_only or frame.empty:
        return frame
    return frame[~frame["synthetic"].astype(bool)].reset_index(drop=True)


def observations(con, gemeente: str, indicators: Iterable[str], privacy: settings.Privacy,
                 area_codes: Iterable[str] = (), *, cursor: bool = True,
                 periods: Iterable[int] = ()) -> pd.DataFrame:
    """Observations of a gemeente (or 'NL'), suppression applied in the query, generated rows
    dropped when privacy.real_only. `area_codes`: only these areas (every area when empty);
    `periods`: only these years (every year when empty)."""
    frame = db.query(con, "app_observations", {
        "gemeente": gemeente, "indicators": list(indicators), "areas": list(area_codes),
        "periods": [int(p) for p in periods],
        "min_respondents": privacy.min_respondents, "min_inhabitants": privacy.min_inhabitants,
    }, cursor=cursor)
    frame["period"] = frame["period"].astype(int)
    return real(frame, privacy)


def gemeenten(con) -> pd.DataFrame:
    """The gemeente picker's list (code, name, observations) as the last load stored it
    (data_loaders.stored_views), else counted now."""
    found = stored_views.stored_gemeente_choices(con)
    return found if found is not None else stored_views.gemeente_choices(con)


def periods(con, gemeente: str, real_only: bool = False) -> pd.DataFrame:
    """Years with observations per indicator of a gemeente (or 'NL') as the last load stored
    them (data_loaders.stored_views), else counted now."""
    found = stored_views.stored_periods(con, gemeente, real_only)
    return found if found is not None else stored_views.periods(con, gemeente, real_only)


def catalogue(con, taal: str = "nl") -> pd.DataFrame:
    """The catalogue indexed by id, with CBS's English names where it has them for 'en'."""
    cat = db.query(con, "app_catalogue").set_index("id", drop=False)
    if taal == "en":
        cat = cat.assign(name=cat["name_en"].fillna(cat["name"]))
    return cat


def confidential(con, name: str, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """Spending, projects or goals ('app_spending', ...): of a confidential source only what the
    privacy's rights allow (filtered in the query), generated rows dropped when real_only."""
    return real(db.query(con, name, {"gemeente": gemeente, **privacy.confidential_params()}),
                privacy)


def default_rule(con, gemeente: str) -> str:
    """The gemeente's first buurttype rule (its own list before the others), or ''."""
    rules = db.query(con, "app_rules", {"gemeente": gemeente})
    return str(rules["rule"].iloc[0]) if not rules.empty else ""


@dataclass(frozen=True)
class GemeenteFrames:
    """Everything of one gemeente a briefing rests on, read with one privacy setting."""

    obs: pd.DataFrame
    areas: pd.DataFrame
    types: pd.DataFrame
    catalogue: pd.DataFrame
    sources: pd.DataFrame  # indexed by key
    geometries: pd.DataFrame  # buurt boundaries
    goals: pd.DataFrame
    projects: pd.DataFrame
    spending: pd.DataFrame  # only what these rights may see (none of a confidential source)
    rule: str


def gemeente_frames(con, gemeente: str, rule: str, privacy: settings.Privacy,
                    taal: str = "nl") -> GemeenteFrames:
    """Every indicator of one gemeente (only for a gemeente, never the country: memory) with its
    areas, buurttypes of `rule` (default: the first), catalogue, sources, boundaries, goals and
    projects."""
    rule = rule or default_rule(con, gemeente)
    cat = catalogue(con, taal)
    return GemeenteFrames(
        obs=observations(con, gemeente, cat.index, privacy),
        areas=db.query(con, "app_areas", {"gemeente": gemeente}),
        types=db.query(con, "app_buurttypes", {"gemeente": gemeente, "rule": rule}),
        catalogue=cat,
        sources=db.query(con, "app_sources").set_index("key", drop=False),
        geometries=db.query(con, "app_geometries", {"gemeente": gemeente, "level": "buurt"}),
        goals=confidential(con, "app_goals", gemeente, privacy),
        projects=confidential(con, "app_projects", gemeente, privacy),
        spending=confidential(con, "app_spending", gemeente, privacy),
        rule=rule,
    )


def gemeente_frames_in(path, gemeente: str, rule: str, privacy: settings.Privacy,
                       taal: str = "nl") -> GemeenteFrames:
    """gemeente_frames from a database file, opened read-only for just this read."""
    con = db.connect(path, read_only=True)
    try:
        return gemeente_frames(con, gemeente, rule, privacy, taal)
    finally:
        con.close()
