"""What the app opens every page with and no user choice changes, stored while loading.

The gemeente picker's list: counting it reads every observation (half a second nationally), on
the first page of every new server process otherwise. `refresh` runs inside the load's
transaction (from data_loaders.aggregates.refresh); the app reads the stored list through
data_loaders.reads and counts it itself for a database stored before this table existed.
No streamlit.
"""

from __future__ import annotations

import pandas as pd

from data_loaders import db


def gemeente_choices(con, *, cursor: bool = True) -> pd.DataFrame:
    """Every gemeente with data and its number of observations, counted from scratch
    (app_gemeenten: by name, the whole country last as 'NL' when there is more than one)."""
    return db.query(con, "app_gemeenten", cursor=cursor)


def refresh(con) -> None:
    """Count and store the gemeente list again, inside the open write session. Every gemeente
    counts: the list holds the country's total too, which any load changes."""
    db.execute(con, "agg_delete_gemeente_choices")
    found = gemeente_choices(con, cursor=False)
    db.insert_frame(con, "agg_gemeente_choices", found.assign(position=range(len(found))))


def stored_gemeente_choices(con) -> pd.DataFrame | None:
    """The stored gemeente list, or None when the database holds none (stored before it was)."""
    try:
        found = db.query(con, "app_gemeente_choices")
    except db.DatabaseError:  # a database built before this table existed
        return None
    return found if not found.empty else None
