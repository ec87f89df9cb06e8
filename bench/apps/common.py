"""What both baseline apps share: reading the benchmark database the way a newcomer would.

Plain SQL through DuckDB into pandas, cached with Streamlit's own decorators, and the GeoJSON of a
scope built once as Python dicts. Kept apart from the app's packages on purpose: the baselines
must not profit from the app's own work.
"""

from __future__ import annotations

import json
import os

import duckdb
import numpy as np
import pandas as pd
import streamlit as st

DB = os.environ.get("BUURTMONITOR_DB", "var/bench/bench.duckdb")
RULE = "inkomen_gemeente_kwintiel"
TYPES = ["achterstand", "midden", "voorstand"]
COLOURS = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]


@st.cache_resource
def connection():
    return duckdb.connect(DB, read_only=True)


@st.cache_data
def geojson(gemeente: str) -> dict:
    """Every buurt of the gemeente ('NL': of the country) as a GeoJSON FeatureCollection."""
    rows = connection().execute(
        "SELECT a.code, a.name, g.geometry_display FROM areas a "
        "JOIN geometries g ON g.area_code = a.code "
        "WHERE a.level = 'buurt' AND (a.gemeente_code = ? OR ? = 'NL')",
        [gemeente, gemeente],
    ).df()
    features = [
        {"type": "Feature", "geometry": json.loads(r.geometry_display),
         "properties": {"code": r.code, "naam": r.name}}
        for r in rows.itertuples() if r.geometry_display
    ]
    return {"type": "FeatureCollection", "features": features}


@st.cache_data
def bounds(gemeente: str) -> list[list[float]]:
    """[[south, west], [north, east]] of the gemeente's buurten."""
    row = connection().execute(
        "SELECT min(g.centroid_lat), min(g.centroid_lon), max(g.centroid_lat), "
        "max(g.centroid_lon) FROM areas a JOIN geometries g ON g.area_code = a.code "
        "WHERE a.level = 'buurt' AND (a.gemeente_code = ? OR ? = 'NL')",
        [gemeente, gemeente],
    ).fetchone()
    return [[row[0], row[1]], [row[2], row[3]]]


@st.cache_data
def values(gemeente: str, indicator: str) -> pd.DataFrame:
    """Value and buurttype of each buurt in the latest year."""
    return connection().execute(
        "WITH y AS (SELECT max(period) AS p FROM observations WHERE indicator_id = ?) "
        "SELECT a.code, o.value, t.type FROM areas a "
        "LEFT JOIN observations o ON o.area_code = a.code AND o.indicator_id = ? "
        "  AND o.period = (SELECT p FROM y) "
        "LEFT JOIN buurttypes t ON t.area_code = a.code AND t.rule = ? "
        "  AND t.period = (SELECT p FROM y) "
        "WHERE a.level = 'buurt' AND (a.gemeente_code = ? OR ? = 'NL')",
        [indicator, indicator, RULE, gemeente, gemeente],
    ).df().set_index("code")


def colour_of(value: float, breaks: np.ndarray) -> str:
    if value is None or pd.isna(value):
        return "#ffffff"
    return COLOURS[int(np.searchsorted(breaks, value, side="right"))]


def breaks_of(series: pd.Series) -> np.ndarray:
    clean = series.dropna()
    if clean.empty:
        return np.array([])
    return np.quantile(clean, np.linspace(0, 1, 7)[1:-1])


def sidebar() -> tuple[str, list[str]]:
    gemeente = st.query_params.get("gemeente", "NL")
    chosen = st.sidebar.multiselect("Buurttype", TYPES, default=TYPES)
    return gemeente, chosen
