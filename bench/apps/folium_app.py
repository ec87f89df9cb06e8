"""Baseline: the same map with folium and streamlit-folium, as the best-known Dutch housing
explorer does it (GeoJSON cached, a choropleth with a style function and a tooltip).

streamlit run bench/apps/folium_app.py -- with BUURTMONITOR_DB set; ?gemeente=GM0363 or NL.
"""

from __future__ import annotations

import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bounds, breaks_of, colour_of, geojson, sidebar, values  # noqa: E402

st.set_page_config(page_title="Buurten", layout="wide")
gemeente, chosen = sidebar()
st.title("Leefbaarheid per buurt")
data = values(gemeente, "lbm_score")
breaks = breaks_of(data["value"])
colours = {code: (colour_of(v, breaks) if t in chosen else "#d7d7d7")
           for code, v, t in zip(data.index, data["value"], data["type"], strict=True)}
collection = geojson(gemeente)
m = folium.Map(tiles=None, prefer_canvas=True)
folium.GeoJson(
    collection,
    style_function=lambda f: {"fillColor": colours.get(f["properties"]["code"], "#ffffff"),
                              "color": "#5a5a5a", "weight": 0.5, "fillOpacity": 0.9},
    tooltip=folium.GeoJsonTooltip(fields=["naam"], aliases=["Buurt"]),
).add_to(m)
m.fit_bounds(bounds(gemeente))
st_folium(m, height=560, use_container_width=True, returned_objects=[], key="kaart")
st.caption(f"{sum(data['type'].isin(chosen))} buurten in het filter.")
