"""What the map component draws, as plain data: shapes once, texts once, colours per change.

Pure (no streamlit): frames in, JSON-ready dicts out, tested as specs. The shapes of a level go
to the browser once per session; the tooltip texts once per indicator, year, reference and
language; a buurttype filter change sends only `paint`: one colour class per area, in the
shapes' order, a few kilobytes even for the whole country.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from dashboard import maps
from data_loaders import map_shapes

# The encoding (scales, simplification) is the load's: data_loaders/map_shapes.py stores it per
# boundary, and encodes here what a database does not store.
FINE, COARSE, SIMPLIFY_DEGREES = map_shapes.FINE, map_shapes.COARSE, map_shapes.SIMPLIFY_DEGREES
NO_DATA_HEX = "#ffffff"
OUTSIDE_HEX = "#d7d7d7"


def key_of(*parts: object) -> str:
    """A short, stable name for what the arguments identify (the browser stores by it)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def shapes(geo: pd.DataFrame) -> dict:
    """Every area's rings as delta-coded whole numbers, and its label point
    (data_loaders.map_shapes.encode; coarse above maps.LARGE_MAP areas).

    Columns: area_code, geometry_display (GeoJSON text), centroid_lon, centroid_lat.
    """
    large = len(geo) > maps.LARGE_MAP
    scale = COARSE if large else FINE
    parts = map_shapes.encode(geo["geometry_display"], coarse=large)
    centres = []
    for lon, lat in zip(geo["centroid_lon"], geo["centroid_lat"], strict=True):
        ok = lon is not None and lat is not None and not (math.isnan(lon) or math.isnan(lat))
        centres += [round(lon * scale), round(lat * scale)] if ok else [0, 0]
    return {"codes": geo["area_code"].astype(str).tolist(), "scale": scale, "parts": parts,
            "centres": centres}


def texts(geo: pd.DataFrame, codes: list[str], note: str = "") -> dict:
    """The tooltip lines of every area in the shapes' order: name, value, buurttype (and the
    source when the areas have several); one source and the note go once, in `tail`."""
    rows = geo.drop_duplicates("area_code").set_index("area_code").reindex(codes)
    columns = ["naam", "waarde_tekst", "buurttype_tekst"]
    sources = [s for s in rows["bron_tekst"].dropna().unique() if s]
    if len(sources) > 1:
        columns.append("bron_tekst")
    if "signalen_tekst" in rows.columns:  # open signals (issue 24): '' where an area has none
        columns.append("signalen_tekst")
    lines = rows[columns].fillna("").astype(str).to_numpy().tolist()
    tail = "\n".join(t for t in [str(sources[0]) if len(sources) == 1 else "", note] if t)
    return {"lines": lines, "tail": tail}


def paint(geo: pd.DataFrame, codes: list[str], *, breaks: list[float], colours: list[str],
          selected: str | None = None, labels: bool = False, marks: bool = False) -> dict:
    """One colour class per area (a digit in one string, in the shapes' order), the palette,
    and the extent to fit: the areas inside the filter (all areas when none is).

    Classes as maps.choropleth: a value on a break goes up; no value is white; outside the
    buurttype filter grey. `marks`: a dot at the label point of every area with open signals
    (`open_signalen` > 0), larger with more: [index in the shapes' order, radius in pixels].
    """
    palette = [*colours, NO_DATA_HEX, OUTSIDE_HEX]
    no_data, outside = len(colours), len(colours) + 1
    shown = pd.to_numeric(geo["shown"], errors="coerce").to_numpy(dtype=float)
    classes = np.minimum(np.searchsorted(np.asarray(breaks, dtype=float), shown, side="right"),
                         max(len(colours) - 1, 0))
    classes = np.where(np.isnan(shown) | (not colours), no_data, classes)
    classes = np.where(geo["in_filter"].to_numpy(dtype=bool), classes, outside)
    by_code = pd.Series(classes, index=geo["area_code"].astype(str).to_numpy())
    by_code = by_code[~by_code.index.duplicated()]
    ordered = by_code.reindex(codes).fillna(no_data).astype(int).to_numpy()
    fill = "".join(chr(48 + c) for c in ordered.tolist())
    rows = geo[geo["in_filter"].astype(bool)] if geo["in_filter"].any() else geo
    fit = None
    if {"min_lon", "max_lon"} <= set(rows.columns) and rows["min_lon"].notna().any():
        fit = [round(float(rows[c].min() if c.startswith("min") else rows[c].max()), 5)
               for c in ("min_lon", "min_lat", "max_lon", "max_lat")]
    elif rows["centroid_lon"].notna().any():
        fit = [round(float(v), 5) for v in (rows["centroid_lon"].min(), rows["centroid_lat"].min(),
                                            rows["centroid_lon"].max(), rows["centroid_lat"].max())]
    dots = []
    if marks and "open_signalen" in geo.columns:
        counts = pd.Series(pd.to_numeric(geo["open_signalen"], errors="coerce").fillna(0).to_numpy(),
                           index=geo["area_code"].astype(str).to_numpy())
        counts = counts[~counts.index.duplicated()].reindex(codes).fillna(0)
        dots = [[i, round(5 + 2 * math.sqrt(n), 1)] for i, n in enumerate(counts.tolist()) if n > 0]
    return {"fill": fill, "palette": palette, "outside": chr(48 + outside),
            "opacity": maps.OPACITY, "selected": selected or "", "labels": bool(labels),
            "fit": fit, "marks": dots}


def fills_by_code(args: dict, codes: list[str]) -> dict[str, str]:
    """The colour each area is painted (hex), from a paint dict: for tests and checks."""
    palette = args["palette"]
    return {code: palette[ord(ch) - 48] for code, ch in zip(codes, args["fill"], strict=True)}
