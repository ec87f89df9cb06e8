"""What pages that only show signals read from the signal store, with Python's own sqlite3.

The store (store.py, SQLAlchemy) loads about 0,2 s of imports, which every page showing signals
paid on its first opening. A SQLite store already at the newest schema is read here directly;
any other store (PostgreSQL, a new file, an older schema) is read through store.py, which creates
or migrates it first. Writing always goes through store.py. Never imports streamlit or SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from werkdb.schema import (  # noqa: F401 (StoreError and store_url: for the pages)
    HEAD,
    SIGNAL_COLUMNS,
    SQLITE,
    VERSION_TABLE,
    StoreError,
    store_url,
)

_DATES = ("signal_date", "step_date")
_TIMES = ("archived_at", "created_at", "updated_at")


def _connect(url: str) -> sqlite3.Connection | None:
    """A connection to the SQLite store at `url` if it exists at HEAD, else None (read it
    through store.py)."""
    if not url.startswith(SQLITE) or "?" in url:
        return None
    path = Path(url[len(SQLITE):])
    if not path.is_file():
        return None
    try:
        # mode=rw: never creates a file; only SELECTs are run, so nothing is written.
        con = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, timeout=15)
    except sqlite3.Error:
        return None
    try:
        found = [v for (v,) in con.execute(f"SELECT version_num FROM {VERSION_TABLE}")]  # noqa: S608 (a constant)
    except sqlite3.Error:
        found = []
    if found != [HEAD]:
        con.close()
        return None
    return con


def _rows(url: str, sql: str, params: list) -> list[tuple] | None:
    """The rows of a query on the SQLite store, or None when store.py must read it (not at
    HEAD, not SQLite, or the read failed: store.py then says why in Dutch)."""
    con = _connect(url)
    if con is None:
        return None
    try:
        return con.execute(sql, params).fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()


def change_mark(url: str) -> int:
    """The newest history row's id: changes whenever anything was written (a cache key)."""
    rows = _rows(url, "SELECT MAX(id) FROM signal_history", [])
    if rows is None:
        from werkdb import store

        return store.change_mark(store.open_store(url))
    return int(rows[0][0] or 0)


def open_counts(url: str, gemeente: str | None) -> pd.DataFrame:
    """Per area and theme: how many signals are open and how many were followed up (counts only);
    of one gemeente, or of every gemeente (None). As store.open_counts."""
    sql = (
        "SELECT area_code, theme, "
        "SUM(CASE WHEN step != ? THEN 1 ELSE 0 END) AS open, "
        "SUM(1 - CASE WHEN step != ? THEN 1 ELSE 0 END) AS afgerond "
        "FROM signals WHERE archived_at IS NULL"
        + (" AND gemeente_code = ?" if gemeente else "")
        + " GROUP BY area_code, theme"
    )
    rows = _rows(url, sql, ["afgerond", "afgerond", *([gemeente] if gemeente else [])])
    if rows is None:
        from werkdb import store

        return store.open_counts(store.open_store(url), gemeente)
    return pd.DataFrame(rows, columns=["area_code", "theme", "open", "afgerond"])


def signals(
    url: str,
    gemeente: str | None = None,
    *,
    areas: Collection[str] | None = None,
    projects: Collection[str] | None = None,
) -> pd.DataFrame:
    """Signals that are not archived of a gemeente (or of some areas, or of some projects), newest
    first. As store.signals."""
    where, params = ["archived_at IS NULL"], []
    if gemeente:
        where.append("gemeente_code = ?")
        params.append(gemeente)
    for column, values in (("area_code", areas), ("project_id", projects)):
        if values is not None:
            values = list(values)
            # One placeholder per value; the values themselves are bound.
            where.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
            params.extend(values)
    sql = (f"SELECT {', '.join(SIGNAL_COLUMNS)} FROM signals WHERE {' AND '.join(where)} "  # noqa: S608 (names of the schema, values bound)
           "ORDER BY signal_date DESC, id DESC")
    rows = _rows(url, sql, params)
    if rows is None:
        from werkdb import store

        return store.signals(store.open_store(url), gemeente, areas=areas, projects=projects)
    return pd.DataFrame([_typed(row) for row in rows], columns=SIGNAL_COLUMNS)


def _typed(row: tuple) -> dict:
    """A row with its dates and times as Python objects, as SQLAlchemy hands them out (it stores
    them in SQLite as ISO text)."""
    found = dict(zip(SIGNAL_COLUMNS, row, strict=True))
    for column in _DATES:
        if found[column] is not None:
            found[column] = dt.date.fromisoformat(found[column])
    for column in _TIMES:
        if found[column] is not None:
            found[column] = dt.datetime.fromisoformat(found[column])
    return found
