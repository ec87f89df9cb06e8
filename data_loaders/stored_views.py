"""What the app opens every page with and no user choice changes, stored while loading.

The gemeente picker's list and the years with observations per gemeente and indicator: each
read every observation (0,2 to 0,5 s nationally) on the first page of every new server process
otherwise. `refresh` runs inside the load's transaction (from data_loaders.aggregates.refresh);
the app reads them through data_loaders.reads and counts them itself for a database stored
before these tables existed. No streamlit.
"""

from __future__ import annotations

import pandas as pd

from data_loaders import db


def gemeente_choices(con, *, cursor: bool = True) -> pd.DataFrame:
    """Every gemeente with data and its number of observations, counted from scratch
    (app_gemeenten: by name, the whole country last as 'NL' when there is more than one)."""
    return db.query(con, "app_gemeenten", cursor=cursor)


def periods(con, gemeente: str, real_only: bool, *, cursor: bool = True) -> pd.DataFrame:
    """The years with observations per indicator of a gemeente (or 'NL'), counted from scratch
    (app_periods: only real ones when real_only)."""
    return db.query(con, "app_periods", {"gemeente": gemeente, "real_only": real_only},
                    cursor=cursor)


def refresh(con, gemeenten: list[str]) -> None:
    """Count and store again, inside the open write session: the gemeente list (all of it: it
    holds the country's total too, which any load changes), and the years of these gemeenten
    and of the whole country."""
    db.execute(con, "agg_delete_gemeente_choices")
    found = gemeente_choices(con, cursor=False)
    db.insert_frame(con, "agg_gemeente_choices", found.assign(position=range(len(found))))
    codes = sorted(set(gemeenten))
    db.execute(con, "agg_delete_periods", {"gemeenten": codes})
    db.insert_frame(con, "agg_periods",
                    db.query(con, "agg_count_periods", {"gemeenten": codes}, cursor=False))


def stored_gemeente_choices(con) -> pd.DataFrame | None:
    """The stored gemeente list, or None when the database holds none (stored before it was)."""
    try:
        found = db.query(con, "app_gemeente_choices")
    except db.DatabaseError:  # a database built before this table existed
        return None
    return found if not found.empty else None


def stored_periods(con, gemeente: str, real_only: bool) -> pd.DataFrame | None:
    """The stored years of a gemeente (or 'NL'), or None when the last load stored none for it
    (a database stored before this table existed, or a gemeente without data)."""
    choices = stored_gemeente_choices(con)
    if choices is None or gemeente not in {*choices["code"], "NL"}:  # 'NL': stored by every load
        return None
    return db.query(con, "app_stored_periods", {"gemeente": gemeente, "real_only": real_only})
