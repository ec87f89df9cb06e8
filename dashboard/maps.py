"""Pure map specs: a frame of areas with values in, a pydeck Deck and its legend out. No streamlit.

The map has no basemap (map_provider=None), so it draws with no internet connection. Colours come
from colour-blind-safe ColorBrewer schemes; classes are named in the legend so colour is never the
only carrier of meaning. Tooltips use pydeck's text mode, which shows names as text, never as HTML.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk
import shapely

# ColorBrewer PuOr, 6 classes (diverging, colour-blind safe): unfavourable orange -> favourable
# purple. An even number of classes leaves out the grey middle, which would look like "no data".
FAVOURABLE_SCALE = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
# ColorBrewer Blues (sequential) for neutral indicators such as inhabitants.
NEUTRAL_SCALE = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
OUTSIDE_FILTER = [215, 215, 215]  # shown, but greyed
NO_DATA = [255, 255, 255]
OPACITY = 0.92  # for every fill at once: a colour per area then needs no alpha of its own
LINE = [90, 90, 90, 200]
# Open signals (issue 24): a white dot with a dark ring at the area's label point, in no palette
# colour, so it reads on every fill; its size grows with the number of open signals.
SIGNAL_RING = [27, 27, 27, 255]
SIGNAL_FILL = [255, 255, 255, 235]



@dataclass(frozen=True)
class LegendItem:
    colour: str  # hex
    label: str


def _rgb(hex_colour: str, alpha: int = 235) -> list[int]:
    hex_colour = hex_colour.lstrip("#")
    return [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def class_breaks(values: pd.Series, diverging: bool, k: int = 6) -> list[float]:
    """Inner class boundaries: quantiles, or symmetric around 0 for a diverging reference."""
    clean = values.dropna().astype(float)
    clean = clean[np.isfinite(clean)]
    if clean.empty:
        return []
    if diverging:
        spread = float(np.quantile(clean.abs(), 0.8)) or float(clean.abs().max()) or 1.0
        return [-spread, -spread / 2, 0.0, spread / 2, spread]
    qs = np.quantile(clean, np.linspace(0, 1, k + 1)[1:-1])
    return sorted({round(float(q), 10) for q in qs})


# References on a scale of their own: the same classes for every indicator, year and filter.
FIXED_BREAKS = {"zscore": [-2.0, -1.0, 0.0, 1.0, 2.0],
                "percentiel": [10.0, 30.0, 50.0, 70.0, 90.0]}


def map_classes(values: pd.Series, reference: str, diverging: bool,
                midpoint: float | None) -> list[float]:
    """The class boundaries of one map: computed over every area of the level in the gemeente
    (or the country), never over the areas a filter leaves, so a filter cannot change what a
    colour means; fixed for references that rank within the filter (z-score, percentile)."""
    if reference in FIXED_BREAKS:
        return list(FIXED_BREAKS[reference])
    if diverging and midpoint not in (None, 0):
        return [b + midpoint for b in class_breaks(values - midpoint, True)]
    return class_breaks(values, diverging)


def class_index(value: float, breaks: list[float]) -> int:
    """0-based class of a value given the inner breaks (a value on a break goes up)."""
    return int(np.searchsorted(np.asarray(breaks), value, side="right"))


def palette(direction: str, n_classes: int, better_when_high: bool | None) -> list[str]:
    """Colours from low class to high class, so that the favourable end is always purple."""
    if direction == "neutraal" or better_when_high is None:
        base = NEUTRAL_SCALE
    else:
        base = FAVOURABLE_SCALE if better_when_high else list(reversed(FAVOURABLE_SCALE))
    if n_classes >= len(base):
        return base
    # Fewer classes than colours: spread evenly over the scale.
    idx = np.linspace(0, len(base) - 1, n_classes).round().astype(int)
    return [base[i] for i in idx]


# The words of a legend class; the map page passes them through its language switch.
LEGEND_WORDS = {"below": "lager dan {a}", "above": "{a} of hoger", "between": "{a} tot {b}",
                "good": "gunstig", "bad": "ongunstig"}


def legend_items(
    breaks: list[float],
    colours: list[str],
    fmt,
    better_when_high: bool | None,
    words: dict[str, str] | None = None,
) -> list[LegendItem]:
    """Name every class with its range, and the ends with 'gunstig'/'ongunstig'."""
    w = {**LEGEND_WORDS, **(words or {})}
    items: list[LegendItem] = []
    if not breaks:  # no area has a value: there are no classes to name
        return items
    bounds = [-math.inf, *breaks, math.inf]
    for i, colour in enumerate(colours):
        lo, hi = bounds[i], bounds[i + 1]
        if math.isinf(lo):
            label = w["below"].format(a=fmt(hi))
        elif math.isinf(hi):
            label = w["above"].format(a=fmt(lo))
        else:
            label = w["between"].format(a=fmt(lo), b=fmt(hi))
        if better_when_high is not None and len(colours) > 1:
            good, bad = f" ({w['good']})", f" ({w['bad']})"
            if i == 0:
                label += bad if better_when_high else good
            elif i == len(colours) - 1:
                label += good if better_when_high else bad
        items.append(LegendItem(colour, label))
    return items


# The map's size on the page (kaart.py draws it 560 px high in the wider of two columns); the
# view is fitted to this, so the chosen areas fill it with a margin whatever the screen.
MAP_WIDTH, MAP_HEIGHT = 820, 560
MARGIN = 0.08  # of the extent on every side
_TILE = 512  # deck.gl's world is 512 px wide at zoom 0


def _mercator_y(lat: np.ndarray | float) -> np.ndarray | float:
    return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def view_state(geo: pd.DataFrame, width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> pdk.ViewState:
    """Centre and zoom that fit the areas inside the filter (all areas when none is), with a margin.

    Uses each area's bounds (min_lon, min_lat, max_lon, max_lat) where present, else its label
    point: fitting label points alone cut off the outer half of the outermost areas.
    """
    rows = geo
    if "in_filter" in geo and geo["in_filter"].any():
        rows = geo[geo["in_filter"].astype(bool)]
    if {"min_lon", "min_lat", "max_lon", "max_lat"} <= set(rows.columns) and rows["min_lon"].notna().any():
        west, east = float(rows["min_lon"].min()), float(rows["max_lon"].max())
        south, north = float(rows["min_lat"].min()), float(rows["max_lat"].max())
    else:
        lon, lat = rows["centroid_lon"].astype(float), rows["centroid_lat"].astype(float)
        west, east, south, north = lon.min(), lon.max(), lat.min(), lat.max()
    top, bottom = float(_mercator_y(north)), float(_mercator_y(south))
    span_x = max(math.radians(east - west), 1e-4) * (1 + 2 * MARGIN)
    span_y = max(top - bottom, 1e-4) * (1 + 2 * MARGIN)
    # Pixels per radian at zoom z are TILE * 2^z / (2 pi): the zoom at which both spans fit.
    zoom = min(math.log2(width * 2 * math.pi / (_TILE * span_x)),
               math.log2(height * 2 * math.pi / (_TILE * span_y)))
    centre_lat = math.degrees(2 * math.atan(math.exp((top + bottom) / 2)) - math.pi / 2)
    return pdk.ViewState(longitude=(west + east) / 2, latitude=centre_lat,
                         zoom=float(np.clip(zoom, 4, 16)), pitch=0, bearing=0)


def bounds(geometry_text: pd.Series) -> pd.DataFrame:
    """min_lon, min_lat, max_lon, max_lat of each GeoJSON geometry (NaN where there is none)."""
    geoms = shapely.from_geojson(geometry_text.fillna("null").tolist(), on_invalid="ignore")
    box = shapely.bounds(geoms)
    return pd.DataFrame(box, columns=["min_lon", "min_lat", "max_lon", "max_lat"],
                        index=geometry_text.index)


_FEATURES = "__gebieden__"
_CONTROL = r"[\x00-\x1f]"


def json_strings(values: pd.Series) -> pd.Series:
    """Each text as a JSON string literal, column-wise (json.dumps only for rare control chars)."""
    text = values.fillna("").astype(str)
    if text.str.contains(_CONTROL, regex=True).any():
        return text.map(lambda v: json.dumps(v, ensure_ascii=False))
    escaped = text.str.replace("\\", "\\\\", regex=False).str.replace('"', '\\"', regex=False)
    return '"' + escaped + '"'


LARGE_MAP = 2_000  # areas; above this the map is of a whole province or country


def coarser(geometry_text: pd.Series, decimals: int = 4) -> pd.Series:
    """Display geometry with `decimals` decimals (4: about 10 m, invisible at national zoom)."""
    geoms = shapely.from_geojson(geometry_text.fillna("null").tolist(), on_invalid="ignore")
    rounded = shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    return pd.Series(shapely.to_geojson(rounded), index=geometry_text.index).where(
        geometry_text.notna())


# Short property names keep a national map (over 10.000 features) small: code, naam, waarde,
# buurttype, bron; the fill colour and line width are added per rerun as "f" and "l".
TEXT_PROPERTIES = {"area_code": "c", "naam": "n", "waarde_tekst": "w", "buurttype_tekst": "t"}


def feature_heads(frame: pd.DataFrame) -> pd.Series:
    """Each feature's JSON up to its colour: geometry and the texts that a filter leaves alone."""
    properties = {short: json_strings(frame[name]) for name, short in TEXT_PROPERTIES.items()}
    if len(_sources(frame)) > 1:
        properties["b"] = json_strings(frame["bron_tekst"])
    # No "type":"Feature" member: deck.gl reads only geometry and properties of a feature, and
    # leaving it out saves about 180 kB on a national map.
    parts = '{"geometry":' + frame["geometry_display"].fillna("null").astype(str)
    parts = parts + ',"properties":{'
    for i, (name, literal) in enumerate(properties.items()):
        parts = parts + ("," if i else "") + json.dumps(name) + ":" + literal.to_numpy()
    return parts


def _sources(frame: pd.DataFrame) -> list[str]:
    """The distinct source texts of the areas that have one."""
    return [t for t in frame["bron_tekst"].dropna().unique() if t]


class CompactDeck(pdk.Deck):
    """A Deck whose JSON is compact and whose GeoJSON is assembled column-wise from stored text.

    pydeck writes its JSON indented and would need every geometry parsed into Python objects; at
    national scale (over 10.000 buurten) that made the payload several times larger than the
    geometry and its serialisation the slowest step of a rerun.
    """

    def __init__(self, *, features: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._features = features

    def to_json(self) -> str:
        # Written once: a deck kept in the cache is drawn again on later reruns unchanged.
        if "_json" not in self.__dict__:
            features = self.__dict__.pop("_features")  # pydeck would write every attribute
            try:
                spec = json.loads(super().to_json())
            finally:
                self._features = features
            text = json.dumps(spec, separators=(",", ":"), ensure_ascii=False)
            self.__dict__["_json"] = text.replace(json.dumps(_FEATURES),
                                                  "[" + self._features + "]", 1)
        return self.__dict__["_json"]


def choropleth(
    frame: pd.DataFrame,
    *,
    breaks: list[float],
    colours: list[str],
    selected: str = "",
    heads: Sequence[str] | None = None,
    note: str = "",
    labels: bool = False,
    signal_layer: bool = False,
) -> pdk.Deck:
    """A choropleth of `frame` (one row per area).

    Required columns: area_code, geometry_display, centroid_lon, centroid_lat, shown (the number to
    colour by, NaN = no data), in_filter (bool), and the text columns naam, waarde_tekst,
    buurttype_tekst, bron_tekst used by the tooltip. `heads`: feature_heads(frame), when already
    made (a filter change recolours the map without rebuilding them). `labels`: the names of the
    areas inside the filter written on the map (a text layer; the tooltip names every area).
    With the optional columns open_signalen (int) and signalen_tekst, the tooltip has a line on
    the area's open signals, and `signal_layer` marks the areas that have any (signal_points).
    """
    shown = pd.to_numeric(frame["shown"], errors="coerce").to_numpy(dtype=float)
    in_filter = frame["in_filter"].to_numpy(dtype=bool)
    fill_literals = np.array([json.dumps(_rgb(c)[:3]) for c in colours] or ["null"], dtype=object)
    classes = np.minimum(np.searchsorted(np.asarray(breaks, dtype=float), shown, side="right"),
                         max(len(colours) - 1, 0))
    fill = np.where(
        ~in_filter, json.dumps(OUTSIDE_FILTER),
        np.where(np.isnan(shown) | (not colours), json.dumps(NO_DATA), fill_literals[classes]),
    )
    if heads is None:
        heads = feature_heads(frame).tolist()
    line_width = np.where(frame["area_code"].to_numpy() == selected, "40", "1")
    # Signals change between reruns, the cached heads do not: their line goes with f and l.
    has_signals = "signalen_tekst" in frame.columns
    tails = (',"s":' + json_strings(frame["signalen_tekst"]) + "}}").tolist() if has_signals \
        else ["}}"] * len(frame)
    features = ",".join(
        head + ',"f":' + f + ',"l":' + width + tail
        for head, f, width, tail in zip(heads, fill.tolist(), line_width.tolist(), tails,
                                        strict=True)
    )
    sources = _sources(frame)
    # One source for every area: named once in the tooltip rather than in every feature.
    source_line = (str(sources[0]).replace("{", "(").replace("}", ")") if len(sources) == 1
                   else "{b}" if len(sources) > 1 else "")
    layer = pdk.Layer(
        "GeoJsonLayer",
        data={"type": "FeatureCollection", "features": _FEATURES},
        id="gebieden",
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.f",
        opacity=OPACITY,
        get_line_color=LINE,
        # Widths in metres with a pixel floor: an accessor in pixel units drew every area in
        # the line colour.
        get_line_width="properties.l",
        line_width_min_pixels=1,
        auto_highlight=True,
        highlight_color=[255, 215, 0, 160],
    )
    layers = [layer]
    if signal_layer and has_signals:
        layers.append(signal_points(frame))
    if labels:
        layers.append(name_layer(frame))
    return CompactDeck(
        features=features,
        layers=layers,
        initial_view_state=view_state(frame),
        # No basemap and no map_style: the chart then asks no tile server (works offline).
        map_provider=None,
        tooltip={
            "text": "{n}\n{w}\n{t}\n" + source_line + (f"\n{note}" if note else "")
            + ("\n{s}" if has_signals else ""),
            "style": {"fontSize": "13px", "whiteSpace": "pre-line"},
        },
    )


def with_signals(frame: pd.DataFrame, marks: Sequence[tuple[str, int, str]]) -> pd.DataFrame:
    """The map's rows with open_signalen (0 where none) and signalen_tekst (the tooltip's line,
    '' where none) from `marks`: (area_code, open signals, text) of the areas that have any."""
    numbers = {code: n for code, n, _ in marks}
    texts = {code: text for code, _, text in marks}
    codes = frame["area_code"]
    return frame.assign(open_signalen=codes.map(numbers).fillna(0).astype(int),
                        signalen_tekst=codes.map(texts).fillna(""))


def signal_points(frame: pd.DataFrame) -> pdk.Layer:
    """A dot at the label point of every area with open signals (open_signalen > 0), larger with
    more of them; not pickable, so the area's own tooltip (with its signal line) shows."""
    rows = frame[pd.to_numeric(frame["open_signalen"], errors="coerce").fillna(0) > 0]
    points = [
        {"p": [round(float(lon), 5), round(float(lat), 5)], "r": round(5 + 2 * math.sqrt(n), 1)}
        for lon, lat, n in zip(rows["centroid_lon"], rows["centroid_lat"], rows["open_signalen"],
                               strict=True)
        if pd.notna(lon) and pd.notna(lat)
    ]
    # Quoted: pydeck turns a bare string into an accessor function ('pixels' would be one).
    return pdk.Layer(
        "ScatterplotLayer", data=points, id="signalen", pickable=False, get_position="p",
        get_radius="r", radius_units="'pixels'", stroked=True, filled=True,
        get_fill_color=SIGNAL_FILL, get_line_color=SIGNAL_RING, line_width_units="'pixels'",
        get_line_width=3,
    )


def name_layer(frame: pd.DataFrame) -> pdk.Layer:
    """The names of the areas inside the filter at their label points, dark on a light halo."""
    rows = frame[frame["in_filter"].astype(bool)] if frame["in_filter"].any() else frame
    points = [
        {"p": [round(float(lon), 5), round(float(lat), 5)], "n": str(name)}
        for lon, lat, name in zip(rows["centroid_lon"], rows["centroid_lat"], rows["naam"],
                                  strict=True)
        if pd.notna(lon) and pd.notna(lat) and pd.notna(name)
    ]
    return pdk.Layer(
        "TextLayer", data=points, id="namen", pickable=False, get_position="p", get_text="n",
        get_size=12, size_units="'pixels'", get_color=[20, 20, 20, 255],
        # Any letter a name holds (é, ë, ij): the default set is ASCII only.
        character_set="'auto'", font_family="'sans-serif'", font_weight=600,
        outline_width=3, outline_color=[255, 255, 255, 230],
        font_settings={"sdf": True},
    )


def svg_map(features: dict, width: int = 340, height: int = 270,
            focus: frozenset[str] | set[str] = frozenset(),
            labels: dict[str, str] | None = None) -> str:
    """A static map as SVG: each feature's polygons filled with its `fill` property.

    `labels` (area code -> text, a name or a key number) are written at the middle of the
    area's largest ring, white-haloed to stay readable on any fill; labels outside the frame are
    left out.

    Web Mercator (the projection of the map page), fitted to the features' extent, or with
    `focus` (area codes) to those areas with their surroundings; for a printed page, drawn in a
    few milliseconds and needing nothing online.
    """
    def project(lon: float, lat: float) -> tuple[float, float]:
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    shapes = []
    for feature in features.get("features", []):
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]] if geometry["type"] == "Polygon" else [])
        rings = [[project(lon, lat) for lon, lat, *_ in ring] for poly in polygons for ring in poly]
        shapes.append((feature["properties"].get("fill", "#ffffff"), rings,
                       feature["properties"].get("area_code") in focus,
                       feature["properties"].get("area_code")))
    points = [p for _, rings, _, _ in shapes for ring in rings for p in ring]
    if not points:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"/>'
    framed = [p for _, rings, inside, _ in shapes if inside for ring in rings for p in ring]
    xs, ys = [p[0] for p in framed or points], [p[1] for p in framed or points]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    if framed:  # the chosen areas with their surroundings around them
        mx, my = (x1 - x0) * 0.6 or 0.001, (y1 - y0) * 0.6 or 0.001
        x0, x1, y0, y1 = x0 - mx, x1 + mx, y0 - my, y1 + my
    scale = min((width - 4) / ((x1 - x0) or 1), (height - 4) / ((y1 - y0) or 1))
    dx = (width - (x1 - x0) * scale) / 2
    dy = (height - (y1 - y0) * scale) / 2
    paths = []
    texts = []
    for fill, rings, _, code in shapes:
        d = " ".join(
            "M" + " L".join(f"{dx + (x - x0) * scale:.1f},{height - dy - (y - y0) * scale:.1f}"
                            for x, y in ring) + " Z"
            for ring in rings
        )
        paths.append(f'<path d="{d}" fill="{fill}" fill-rule="evenodd" stroke="#5a5a5a" '
                     'stroke-width="0.4"/>')
        text = (labels or {}).get(code)
        if text and rings:
            ring = max(rings, key=len)
            cx = dx + (sum(x for x, _ in ring) / len(ring) - x0) * scale
            cy = height - dy - (sum(y for _, y in ring) / len(ring) - y0) * scale
            half = 2.2 * len(text)  # about half the text's width at this size
            if half <= cx <= width - half and 6 <= cy <= height - 4:
                texts.append(
                    f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" '
                    'dominant-baseline="middle" font-family="DejaVu Sans, sans-serif" '
                    'font-size="8" font-weight="bold" fill="#1a1a1a" stroke="#ffffff" '
                    f'stroke-width="2" paint-order="stroke">{html.escape(text)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(paths)}{"".join(texts)}</svg>')
