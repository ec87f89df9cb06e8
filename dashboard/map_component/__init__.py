"""The map page's choropleth as a small Streamlit component (Leaflet and one canvas layer).

Only this module and its frontend/ know how the map reaches the browser: the shapes and texts
are sent once per session (state.once), a filter change sends `paint`; a browser frame that lost
its store asks again (`need`). Leaflet's script and style come from its PyPI package
(requirements.txt) and are served with frontend/ from a local directory: nothing is fetched from
outside. What it draws is built by spec.py (pure).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import shutil
import tempfile
from pathlib import Path

import streamlit.components.v1 as components

from dashboard import state

LEAFLET_FILES = ("leaflet.js", "leaflet.css")


def leaflet_file(name: str) -> bytes:
    """One of Leaflet's files (LEAFLET_FILES) from its installed package."""
    return (importlib.resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"
            / name).read_bytes()


def _frontend() -> Path:
    """frontend/ with Leaflet's files beside it in vendor/, gathered once per version of these
    files in a directory of their own (made under another name and renamed: several app
    processes may start at once)."""
    own = Path(__file__).resolve().parent / "frontend"
    files = {p.name: p.read_bytes() for p in sorted(own.iterdir()) if p.is_file()}
    files |= {f"vendor/{name}": leaflet_file(name) for name in LEAFLET_FILES}
    # One request instead of four: the frame's scripts and styles written into its page. The
    # server that answers them is the one running the page's script at that moment (issue 22).
    page = files["index.html"]
    for tag, name, inline in ((b'<link rel="stylesheet" href="vendor/leaflet.css">',
                               "vendor/leaflet.css", b"style"),
                              (b'<script src="vendor/leaflet.js"></script>', "vendor/leaflet.js",
                               b"script"),
                              (b'<script src="main.js"></script>', "main.js", b"script")):
        page = page.replace(tag, b"<" + inline + b">\n" + files[name] + b"\n</" + inline + b">")
    files["index.html"] = page
    digest = hashlib.blake2b(digest_size=8)
    for name, body in files.items():
        digest.update(name.encode() + b"\0" + body)
    target = Path(tempfile.gettempdir()) / f"buurtmonitor-kaart-{digest.hexdigest()}"
    if not (target / "index.html").is_file():
        partial = Path(tempfile.mkdtemp(prefix=target.name + "."))
        (partial / "vendor").mkdir()
        for name, body in files.items():
            (partial / name).write_bytes(body)
        partial.chmod(0o755)
        try:
            os.rename(partial, target)
        except OSError:  # another process was first: its copy is the same
            shutil.rmtree(partial, ignore_errors=True)
    return target


_component = components.declare_component("buurtkaart", path=str(_frontend()))


def draw(layers: dict, *, key: str, height: int, label: str,
         legend: dict | None = None) -> dict | None:
    """Draw the map; returns the browser's last message ({'click': area code} after a click).

    layers: shapes_key, shapes, texts_key, texts, paint (see spec.py). legend: {'title': text,
    'items': [[hex colour, label], ...]}, shown beside the map inside its frame (as text).
    """
    asked = state.widget_value(key) or {}
    need = set(asked.get("need") or []) if state.once(f"{key}:need:{asked.get('n')}") else set()
    args = {"shapes_key": layers["shapes_key"], "texts_key": layers["texts_key"],
            "paint": layers["paint"], "height": height, "label": label, "legend": legend}
    for part in ("shapes", "texts"):
        name = layers[f"{part}_key"]
        if state.once(f"{key}:{name}") or name in need:
            args[part] = layers[part]
    return _component(**args, key=key, default=None)
