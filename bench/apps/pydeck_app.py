"""Baseline: the map as a competent newcomer writes it with pydeck (GeoJSON cached, GeoJsonLayer).

streamlit run bench/apps/pydeck_app.py -- with BUURTMONITOR_DB set; ?gemeente=GM0363 or NL.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pydeck as pdk
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bounds, breaks_of, colour_of, geojson, sidebar, values  # noqa: E402

st.set_page_config(page_title="Buurten", layout="wide")
gemeente, chosen = sidebar()
st.title("Leefbaarheid per buurt")
data = values(gemeente, "lbm_score")
collection = copy.deepcopy(geojson(gemeente))
breaks = breaks_of(data["value"])
for feature in collection["features"]:
    row = data.loc[feature["properties"]["code"]]
    inside = row["type"] in chosen
    hex_colour = colour_of(row["value"], breaks) if inside else "#d7d7d7"
    feature["properties"]["kleur"] = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    feature["properties"]["waarde"] = "" if row["value"] != row["value"] else f"{row['value']:.1f}"
    feature["properties"]["type"] = row["type"] or ""
(south, west), (north, east) = bounds(gemeente)
layer = pdk.Layer("GeoJsonLayer", collection, pickable=True, stroked=True, filled=True,
                  get_fill_color="properties.kleur", get_line_color=[90, 90, 90],
                  line_width_min_pixels=1, opacity=0.9)
deck = pdk.Deck(layers=[layer], map_provider=None,
                initial_view_state=pdk.ViewState(longitude=(west + east) / 2,
                                                 latitude=(south + north) / 2,
                                                 zoom=6.5 if gemeente == "NL" else 11),
                tooltip={"text": "{naam}\n{waarde}\n{type}"})
st.pydeck_chart(deck, height=560)
st.caption(f"{sum(data['type'].isin(chosen))} buurten in het filter.")
