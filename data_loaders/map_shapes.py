"""The map's shapes, encoded once per boundary at load time instead of on a map's first opening.

The map page draws each area as rings of delta-coded whole numbers (dashboard/map_component:
coordinates in 1e-5 degree, or for a map of the whole country simplified to about 50 m and in
1e-4 degree). Each area is encoded on its own, so the shapes of any scope (a gemeente, the
country) are its areas' encodings in code order: `refresh` stores both encodings and the bounds
of every boundary in `map_shapes`, inside the load's transaction, and encodes again only the
boundaries whose display text changed. `read` gives a scope's shapes from the stored rows and
encodes what is not stored (a database from before this table, or a boundary stored since
without a refresh) from the boundary itself: the same function either way. Encoding the country
on a map's first opening took 1,3 s of CPU. No streamlit.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import shapely

from data_loaders import db

# Coordinates as whole numbers of 1e-5 degree (about 1 m), or 1e-4 (about 10 m) for a map of a
# province or the country, where the shapes are also simplified to about 50 m: finer detail is
# below a pixel when the whole map is in view, and every vertex costs drawing time.
FINE, COARSE = 100_000, 10_000
SIMPLIFY_DEGREES = 0.0005
COARSE_DECIMALS = 4  # a coarse map's coordinates (and so its bounds) in decimals of a degree
BOUNDS = ["min_lon", "min_lat", "max_lon", "max_lat"]


def encode(geometry_text, coarse: bool) -> list[list[list[int]]]:
    """Each GeoJSON geometry's polygon rings (exterior first, then its holes, part by part) as
    delta-coded whole numbers: the first point in 1/scale degree, then the step to each next
    point, a point that rounds onto the previous one left out. `coarse`: simplified to
    SIMPLIFY_DEGREES (topology kept) and at COARSE scale, else at FINE. A missing or empty
    geometry gives no rings. Column-wise over all geometries at once."""
    return _encoded(_parsed(geometry_text), coarse)


def _parsed(geometry_text) -> np.ndarray:
    texts = pd.Series(geometry_text, dtype=object)
    return shapely.from_geojson(texts.fillna("null").tolist(), on_invalid="ignore")


def _encoded(geoms: np.ndarray, coarse: bool) -> list[list[list[int]]]:
    """encode() of parsed geometries (None where there is none)."""
    if coarse:
        geoms = shapely.simplify(geoms, SIMPLIFY_DEGREES, preserve_topology=True)
    scale = COARSE if coarse else FINE
    out: list[list[list[int]]] = [[] for _ in range(len(geoms))]
    present = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if not len(present):
        return out
    parts, owner = shapely.get_parts(geoms[present], return_index=True)
    polygon = shapely.get_type_id(parts) == 3
    parts, owner = parts[polygon], present[owner[polygon]]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    ring_owner = owner[ring_part]
    counts = shapely.get_num_coordinates(rings)
    xy = np.round(shapely.get_coordinates(rings) * scale).astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    deltas = np.empty_like(xy)
    deltas[1:] = xy[1:] - xy[:-1]
    filled = starts[counts > 0]
    deltas[filled] = xy[filled]  # each ring starts from its first point itself
    keep = deltas.any(axis=1)
    keep[filled] = True
    ring_of = np.repeat(np.arange(len(rings)), counts)
    kept = np.bincount(ring_of[keep], minlength=len(rings)) * 2
    flat = deltas[keep].ravel().tolist()
    ends = np.cumsum(kept).tolist()
    begin = 0
    for area, end in zip(ring_owner.tolist(), ends, strict=True):
        out[area].append(flat[begin:end])
        begin = end
    return out


def bounds(geometry_text) -> pd.DataFrame:
    """min_lon, min_lat, max_lon, max_lat of each GeoJSON geometry (NaN where there is none)."""
    texts = pd.Series(geometry_text, dtype=object)
    return pd.DataFrame(shapely.bounds(_parsed(texts)), columns=BOUNDS, index=texts.index)


# Compact JSON by one encoder made once (json.dumps with separators makes one per call: a third
# of the encoding time of 27.000 texts).
_JSON = json.JSONEncoder(separators=(",", ":")).encode


def _rows(geo: pd.DataFrame) -> pd.DataFrame:
    """The stored row of each boundary: both encodings as JSON text and its bounds (each
    boundary parsed once)."""
    geoms = _parsed(geo["geometry_display"])
    as_json = [_JSON(rings) for rings in _encoded(geoms, False)]
    coarse = [_JSON(rings) for rings in _encoded(geoms, True)]
    return pd.concat([
        geo[["area_code", "indeling", "digest"]].reset_index(drop=True),
        pd.DataFrame({"fine": as_json, "coarse": coarse}),
        pd.DataFrame(shapely.bounds(geoms), columns=BOUNDS),
    ], axis=1)


def refresh(con) -> int:
    """Store the shapes of every boundary whose display text has none stored (new or changed),
    and forget those of boundaries that are gone or changed, inside the open write session.
    Returns how many boundaries were encoded. Per boundary, not per gemeente: every scope's
    shapes are its areas' ones, and a load that changed no boundary encodes nothing."""
    db.execute(con, "agg_map_shapes_forget")
    stale = db.query(con, "agg_map_shapes_missing", cursor=False)
    if stale.empty:
        return 0
    db.insert_frame(con, "map_shapes", _rows(stale))
    return len(stale)


def read(con, gemeente: str, level: str, large_map: int) -> tuple[pd.DataFrame, dict]:
    """The areas of one level of a gemeente (or 'NL') that have a boundary in the newest
    indeling, and the map component's shapes of them.

    The frame: area_code, centroid_lon, centroid_lat and the bounds (of the coarse coordinates
    on a map of more than `large_map` areas, as the map shows them). The shapes: codes, scale,
    parts (each area's rings, see encode) and centres (label points at the same scale), in
    code order. From the stored encodings; what is not stored is encoded here."""
    try:
        found = db.query(con, "app_map_shapes", {"gemeente": gemeente, "level": level})
    except db.DatabaseError:  # a database from before map_shapes: every boundary encoded here
        found = db.query(con, "app_geometries", {"gemeente": gemeente, "level": level})
        found = found.assign(fine=None, coarse=None, **{c: np.nan for c in BOUNDS})
    coarse = len(found) > large_map
    scale = COARSE if coarse else FINE
    column = "coarse" if coarse else "fine"
    missing = found[column].isna().to_numpy()
    parts: list = [None] * len(found)
    if missing.any():
        text = found.loc[missing, "geometry_display"]
        made = encode(text, coarse)
        for i, rings in zip(np.flatnonzero(missing).tolist(), made, strict=True):
            parts[i] = rings
        found.loc[missing, BOUNDS] = bounds(text).to_numpy()
    stored_at = np.flatnonzero(~missing)
    if len(stored_at):  # one JSON text for all of them: a parse per area costs more
        decoded = json.loads("[" + ",".join(found[column].iloc[stored_at].tolist()) + "]")
        for i, rings in zip(stored_at.tolist(), decoded, strict=True):
            parts[i] = rings
    places = found[["area_code", "centroid_lon", "centroid_lat", *BOUNDS]].reset_index(drop=True)
    if coarse:  # the bounds of coordinates rounded to COARSE_DECIMALS are the bounds rounded
        places[BOUNDS] = places[BOUNDS].round(COARSE_DECIMALS)
    centres = []
    for lon, lat in zip(places["centroid_lon"], places["centroid_lat"], strict=True):
        ok = lon is not None and lat is not None and not (np.isnan(lon) or np.isnan(lat))
        centres += [round(lon * scale), round(lat * scale)] if ok else [0, 0]
    shapes = {"codes": places["area_code"].astype(str).tolist(), "scale": scale,
              "parts": parts, "centres": centres}
    return places, shapes
