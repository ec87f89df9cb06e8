"""The map page's choropleth as a small Streamlit component (Leaflet and one canvas layer).

Only this module and its frontend/ know how the map reaches the browser: the shapes and texts
are sent once per session (state.once), a filter change sends `paint`; a browser frame that lost
its store asks again (`need`). Leaflet's files are vendored in frontend/vendor/: nothing is
fetched from outside. What it draws is built by spec.py (pure).
"""

from __future__ import annotations

from pathlib import Path

import streamlit.components.v1 as components

from dashboard import state

_component = components.declare_component(
    "buurtkaart", path=str(Path(__file__).resolve().parent / "frontend"))


def draw(layers: dict, *, key: str, height: int, label: str) -> dict | None:
    """Draw the map; returns the browser's last message ({'click': area code} after a click).

    layers: shapes_key, shapes, texts_key, texts, paint (see spec.py).
    """
    asked = state.widget_value(key) or {}
    need = set(asked.get("need") or []) if state.once(f"{key}:need:{asked.get('n')}") else set()
    args = {"shapes_key": layers["shapes_key"], "texts_key": layers["texts_key"],
            "paint": layers["paint"], "height": height, "label": label}
    for part in ("shapes", "texts"):
        name = layers[f"{part}_key"]
        if state.once(f"{key}:{name}") or name in need:
            args[part] = layers[part]
    return _component(**args, key=key, default=None)
