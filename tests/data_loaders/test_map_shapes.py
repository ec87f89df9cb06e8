"""The map's shapes as the load stores them equal the encoding of the boundaries from scratch.

The map page draws each area from rings of delta-coded whole numbers (data_loaders.map_shapes);
the load encodes every boundary once and the app assembles a scope's shapes from the stored
rows. Both must give what encoding the scope's boundaries on a first opening gives: on the demo,
on a database of two gemeenten (each gemeente and the country, buurten and wijken, at both
scales), after a reload of one boundary, and on a database without the stored shapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from loader_testdata import FIXTURES
from pandas.testing import assert_frame_equal

from dashboard import maps
from data_loaders import db, map_shapes, pipeline

GEO = FIXTURES / "geo"
BOUNDARIES = {"GM0202": [GEO / "arnhem_buurten_2014_q1e3.topojson",
                         GEO / "arnhem_wijken_2014_q1e3.topojson"],
              "GM0274": [GEO / "renkum_buurten_2014_q1e3.topojson",
                         GEO / "renkum_wijken_2014_q1e3.topojson"]}
SCALES = (maps.LARGE_MAP, 0)  # a gemeente's own map (fine), and as if a country's (coarse)


def ring_by_ring(text: str | None, coarse: bool) -> list[list[int]]:
    """The encoding written out one ring at a time (as the map component's first version did):
    the reference the column-wise encoder must equal."""
    scale = map_shapes.COARSE if coarse else map_shapes.FINE
    geom = shapely.from_geojson(text) if isinstance(text, str) else None
    if geom is None or geom.is_empty:
        return []
    if coarse:
        geom = shapely.simplify(geom, map_shapes.SIMPLIFY_DEGREES, preserve_topology=True)
    rings = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon":
            continue
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.round(np.asarray(ring.coords)[:, :2] * scale).astype(np.int64)
            deltas = np.vstack([xy[:1], np.diff(xy, axis=0)])
            keep = np.ones(len(deltas), dtype=bool)
            keep[1:] = deltas[1:].any(axis=1)
            rings.append(deltas[keep].ravel().tolist())
    return rings


def from_scratch(con, gemeente: str, level: str, large_map: int) -> tuple[pd.DataFrame, dict]:
    """The scope's boundaries encoded now, and their bounds as the map page computed them
    (of the coarser text on a map of more than large_map areas)."""
    geo = db.query(con, "app_geometries", {"gemeente": gemeente, "level": level})
    coarse = len(geo) > large_map
    scale = map_shapes.COARSE if coarse else map_shapes.FINE
    text = maps.coarser(geo["geometry_display"]) if coarse else geo["geometry_display"]
    places = geo[["area_code", "centroid_lon", "centroid_lat"]].join(maps.bounds(text))
    centres = []
    for lon, lat in zip(geo["centroid_lon"], geo["centroid_lat"], strict=True):
        centres += [round(lon * scale), round(lat * scale)] if pd.notna(lon) and pd.notna(lat) \
            else [0, 0]
    shapes = {"codes": geo["area_code"].tolist(), "scale": scale,
              "parts": [ring_by_ring(t, coarse) for t in geo["geometry_display"]],
              "centres": centres}
    return places, shapes


def assert_stored_equals_scratch(path: Path, gemeenten: list[str]) -> int:
    """read() equals from_scratch for each scope, level and scale; returns the areas compared."""
    con = db.connect(path, read_only=True)
    compared = 0
    try:
        for gemeente in gemeenten:
            for level in ("buurt", "wijk"):
                for large_map in SCALES:
                    got_places, got = map_shapes.read(con, gemeente, level, large_map)
                    want_places, want = from_scratch(con, gemeente, level, large_map)
                    what = f"{gemeente} {level} {large_map}"
                    assert got == want, what
                    assert_frame_equal(got_places, want_places, obj=what)
                    compared += len(want["codes"])
    finally:
        con.close()
    return compared


def stored_rows(path: Path) -> pd.DataFrame:
    con = db.connect(path, read_only=True)
    try:
        return con.execute("SELECT * FROM map_shapes ORDER BY area_code, indeling").df()
    finally:
        con.close()


def test_the_encoder_equals_the_ring_by_ring_encoding(demo_db: Path) -> None:
    con = db.connect(demo_db, read_only=True)
    try:
        text = pd.concat([db.query(con, "app_geometries", {"gemeente": "GM0202", "level": level})
                          ["geometry_display"] for level in ("buurt", "wijk")],
                         ignore_index=True)
    finally:
        con.close()
    holed = shapely.Polygon([(5.9, 51.9), (5.95, 51.9), (5.95, 51.95), (5.9, 51.95)],
                            [[(5.91, 51.91), (5.92, 51.91), (5.92, 51.92)]])
    odd = [None,  # an area without boundary
           shapely.to_geojson(shapely.MultiPolygon([holed, shapely.box(6.0, 52.0, 6.01, 52.01)])),
           shapely.to_geojson(shapely.GeometryCollection([shapely.Point(5.9, 51.9), holed])),
           '{"type":"Polygon","coordinates":[]}']
    text = pd.concat([text, pd.Series(odd)], ignore_index=True)
    for coarse in (False, True):
        assert map_shapes.encode(text, coarse) == [ring_by_ring(t, coarse) for t in text]
    encoded = map_shapes.encode(text, False)
    assert [len(rings) for rings in encoded[-4:]] == [0, 3, 2, 0]
    assert len(text) > 100 and all(len(rings) >= 1 for rings in encoded[:-4])


def test_the_demos_stored_shapes_equal_the_encoding_from_scratch(demo_db: Path) -> None:
    assert assert_stored_equals_scratch(demo_db, ["GM0202"]) > 100
    con = db.connect(demo_db, read_only=True)
    try:  # not vacuous: every boundary read from the stored encodings, none encoded again
        found = db.query(con, "app_map_shapes", {"gemeente": "GM0202", "level": "buurt"})
        assert len(found) > 50 and found["geometry_display"].isna().all()
        assert found["fine"].notna().all() and found["coarse"].notna().all()
    finally:
        con.close()


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("twee_kaarten") / "twee.duckdb"
    for files in BOUNDARIES.values():
        pipeline.load_paths(target, files, how="test")
    return target


def test_each_gemeente_and_the_country_read_the_stored_shapes(two: Path) -> None:
    compared = assert_stored_equals_scratch(two, [*BOUNDARIES, "NL"])
    assert compared > 300
    rows = stored_rows(two)
    con = db.connect(two, read_only=True)
    try:
        boundaries = con.execute("SELECT count(*) FROM geometries").fetchone()[0]
    finally:
        con.close()
    assert len(rows) == boundaries  # one stored row per boundary, each gemeente's included
    assert set(rows["area_code"].str[2:6]) == {"0202", "0274"}


def _moved(path: Path, code: str, folder: Path) -> Path:
    """A GeoJSON of one buurt whose boundary is its stored one moved about 100 m east."""
    con = db.connect(path, read_only=True)
    try:
        text, name = con.execute(
            "SELECT g.geometry_display, a.name FROM geometries g JOIN areas a "
            "ON a.code = g.area_code WHERE g.area_code = ?", [code]).fetchone()
    finally:
        con.close()
    moved = shapely.transform(shapely.from_geojson(text), lambda xy: xy + [0.0015, 0.0])
    target = folder / "grens_2014.geojson"
    target.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"statcode": code, "statnaam": name},
         "geometry": json.loads(shapely.to_geojson(moved))}]}), encoding="utf-8")
    return target


def test_a_reload_of_one_boundary_encodes_it_again_and_leaves_the_others(
        two: Path, tmp_path: Path) -> None:
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    before = stored_rows(copy)
    code = sorted(c for c in before["area_code"] if c.startswith("BU0274"))[0]
    pipeline.load_paths(copy, [_moved(copy, code, tmp_path)], how="test",
                        options={"indeling": 2014})
    after = stored_rows(copy)
    changed = after.merge(before, how="outer", indicator=True)
    changed = changed[changed["_merge"] != "both"]
    # Only that boundary's row changed (its old encoding gone, the new one stored).
    assert sorted(changed["area_code"]) == [code, code]
    assert before.loc[before["area_code"] == code, "min_lon"].iloc[0] < \
        after.loc[after["area_code"] == code, "min_lon"].iloc[0]
    assert_stored_equals_scratch(copy, [*BOUNDARIES, "NL"])
    with db.write_session(copy) as con:  # nothing changed since: nothing to encode
        assert map_shapes.refresh(con) == 0


def test_without_stored_shapes_the_app_encodes_them_itself(demo_db: Path,
                                                             tmp_path: Path) -> None:
    copy = tmp_path / "oud.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    with db.write_session(copy) as con:  # a database from before map_shapes
        con.execute("DROP TABLE map_shapes")
    con = db.connect(copy, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM duckdb_tables() "
                           "WHERE table_name = 'map_shapes'").fetchone()[0] == 0
    finally:
        con.close()
    assert assert_stored_equals_scratch(copy, ["GM0202"]) > 100
    # A stored table that lacks some boundaries (loaded without a refresh): those are encoded.
    with db.write_session(copy) as con:
        con.execute("DELETE FROM map_shapes")  # created again, empty, by the session's schema
        assert con.execute("SELECT count(*) FROM map_shapes").fetchone()[0] == 0
    assert assert_stored_equals_scratch(copy, ["GM0202"]) > 100


def test_the_countrys_map_holds_a_gemeente_whose_boundaries_are_of_an_older_indeling(
        two: Path, tmp_path: Path) -> None:
    """Each gemeente's newest indeling, not the newest of all: with Renkum's boundaries loaded in
    an older indeling than Arnhem's the country's map still draws Renkum (it dropped it)."""
    import shutil

    copy = tmp_path / "oudere_indeling.duckdb"
    shutil.copy(two, copy)
    import duckdb

    raw = duckdb.connect(str(copy))  # the tables themselves (db.connect reads through views)
    newest = raw.execute("SELECT max(indeling) FROM geometries").fetchone()[0]
    for table in ("geometries", "map_shapes"):
        raw.execute(f"UPDATE {table} SET indeling = ? WHERE area_code LIKE '%0274%'",
                    [newest - 10])
    raw.close()
    con = db.connect(copy, read_only=True)
    try:
        for query in ("app_geometries", "app_map_shapes"):
            for level in ("buurt", "wijk"):
                country = db.query(con, query, {"gemeente": "NL", "level": level})
                each = [db.query(con, query, {"gemeente": g, "level": level})
                        for g in ("GM0202", "GM0274")]
                assert set(country["area_code"].str[2:6]) == {"0202", "0274"}
                assert sorted(country["area_code"]) == sorted(
                    pd.concat(each)["area_code"].tolist())
    finally:
        con.close()
