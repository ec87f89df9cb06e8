"""The map component's data as specs: shapes once (exact to a metre, or simplified for a whole
country), tooltip texts in the shapes' order, and per filter change one colour class per area."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely

from dashboard import maps
from dashboard.map_component import spec

SQUARE = '{"type":"Polygon","coordinates":[[[5.9,51.98],[5.91,51.98],[5.91,51.99],[5.9,51.99],[5.9,51.98]]]}'  # noqa: E501
TWO = ('{"type":"MultiPolygon","coordinates":[[[[5.92,51.98],[5.93,51.98],[5.93,51.99],'
       '[5.92,51.98]]],[[[5.95,51.98],[5.96,51.98],[5.96,51.99],[5.95,51.98]]]]}')


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "area_code": ["BU01", "BU02", "BU03"],
        "geometry_display": [SQUARE, TWO, None],
        "centroid_lon": [5.905, 5.94, np.nan], "centroid_lat": [51.985, 51.985, np.nan],
        "shown": [1.0, 5.0, np.nan], "in_filter": [True, False, True],
        "naam": ["Markt", "Spijkerkwartier", "Leeg"], "waarde_tekst": ["1,0", "5,0", "–"],
        "buurttype_tekst": ["achterstandsbuurt", "middenstandsbuurt", ""],
        "bron_tekst": ["2024 · bron", "2024 · bron", None],
        "min_lon": [5.9, 5.92, np.nan], "min_lat": [51.98, 51.98, np.nan],
        "max_lon": [5.91, 5.96, np.nan], "max_lat": [51.99, 51.99, np.nan],
    })


def _decode(ring: list[int], scale: int) -> np.ndarray:
    return np.cumsum(np.asarray(ring).reshape(-1, 2), axis=0) / scale


def test_shapes_come_back_to_the_metre_with_every_part_of_a_multipolygon() -> None:
    shapes = spec.shapes(_frame())
    assert shapes["codes"] == ["BU01", "BU02", "BU03"]
    assert shapes["scale"] == spec.FINE
    square = _decode(shapes["parts"][0][0], shapes["scale"])
    assert np.allclose(square, json.loads(SQUARE)["coordinates"][0], atol=1e-5)
    assert len(shapes["parts"][1]) == 2  # both parts of the multipolygon
    assert shapes["parts"][2] == []  # no boundary: nothing to draw, the area still has its place
    assert shapes["centres"][:2] == [590500, 5198500]


def test_a_country_of_shapes_is_simplified_and_coarser(monkeypatch: pytest.MonkeyPatch) -> None:
    # A ring with many points on a wiggly edge: at national scale a 50 m wiggle is invisible.
    lon = np.linspace(5.0, 5.2, 400)
    lat = 52.0 + 0.0001 * np.sin(np.arange(400))
    ring = [*zip(lon, lat, strict=True), (5.2, 52.2), (5.0, 52.2), (lon[0], lat[0])]
    wiggly = shapely.to_geojson(shapely.Polygon(ring))
    frame = pd.DataFrame({"area_code": ["BU01"], "geometry_display": [wiggly],
                          "centroid_lon": [5.1], "centroid_lat": [52.1]})
    fine = spec.shapes(frame)
    monkeypatch.setattr(maps, "LARGE_MAP", 0)
    coarse = spec.shapes(frame)
    assert coarse["scale"] == spec.COARSE
    assert len(coarse["parts"][0][0]) < len(fine["parts"][0][0]) / 10


def test_paint_gives_each_area_its_class_grey_outside_the_filter_and_white_without_value() -> None:
    frame = _frame()
    colours = ["#aa0000", "#00aa00", "#0000aa"]
    paint = spec.paint(frame, ["BU03", "BU01", "BU02", "BU99"], breaks=[2.0, 4.0],
                       colours=colours)
    fills = spec.fills_by_code(paint, ["BU03", "BU01", "BU02", "BU99"])
    assert fills == {"BU03": spec.NO_DATA_HEX, "BU01": "#aa0000", "BU02": spec.OUTSIDE_HEX,
                     "BU99": spec.NO_DATA_HEX}
    # Fitted to the areas inside the filter that have a boundary (BU01), not to BU02.
    assert paint["fit"] == [5.9, 51.98, 5.91, 51.99]
    assert paint["outside"] == chr(48 + len(colours) + 1)


def test_a_value_on_a_break_goes_up_as_in_the_legend() -> None:
    frame = _frame().assign(shown=[2.0, 5.0, np.nan], in_filter=True)
    paint = spec.paint(frame, ["BU01"], breaks=[2.0, 4.0], colours=["#1", "#2", "#3"])
    assert paint["fill"] == "1"
    assert maps.class_index(2.0, [2.0, 4.0]) == 1


def test_texts_follow_the_shapes_order_and_name_one_source_once() -> None:
    texts = spec.texts(_frame(), ["BU02", "BU01"], note="Let op: synthetisch")
    assert texts["lines"] == [["Spijkerkwartier", "5,0", "middenstandsbuurt"],
                              ["Markt", "1,0", "achterstandsbuurt"]]
    assert texts["tail"] == "2024 · bron\nLet op: synthetisch"


def test_a_national_filter_change_sends_a_few_kilobytes() -> None:
    n = 12_000
    frame = pd.DataFrame({"area_code": [f"BU{i:08d}" for i in range(n)],
                          "shown": np.linspace(0, 10, n), "in_filter": np.arange(n) % 3 == 0,
                          "centroid_lon": 5.0, "centroid_lat": 52.0})
    paint = spec.paint(frame, frame["area_code"].tolist(), breaks=[2.0, 4.0, 6.0, 8.0],
                       colours=maps.FAVOURABLE_SCALE[:5])
    assert len(json.dumps(paint)) < 20_000  # the target is at most 200 kB per change


def test_the_key_names_what_it_identifies() -> None:
    assert spec.key_of("v1", "GM0202", "buurt") == spec.key_of("v1", "GM0202", "buurt")
    assert spec.key_of("v1", "GM0202", "buurt") != spec.key_of("v1", "GM0202", "wijk")


def test_open_signals_add_a_tooltip_line_and_on_request_a_dot_growing_with_their_number() -> None:
    frame = maps.with_signals(_frame(), [("BU02", 4, "Open signalen: 4 (contact)")])
    codes = ["BU03", "BU02", "BU01"]
    texts = spec.texts(frame, codes)
    assert [line[-1] for line in texts["lines"]] == ["", "Open signalen: 4 (contact)", ""]
    kw = {"breaks": [3.0], "colours": ["#111111", "#222222"]}
    assert spec.paint(frame, codes, **kw)["marks"] == []
    assert spec.paint(frame, codes, marks=True, **kw)["marks"] == [[1, 9.0]]
    assert spec.paint(_frame(), codes, marks=True, **kw)["marks"] == []  # no signals column
