"""The geometry reader: real CBS/Kadaster excerpts in, areas and WGS84 geometries out, clear errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer

from data_loaders import geometry
from data_loaders.batch import AREA_COLUMNS, GEOMETRY_COLUMNS, LoadBatch, LoadError

GEO = Path(__file__).resolve().parents[1] / "fixtures" / "geo"
BUURTEN = GEO / "arnhem_buurten_2024_wgs84.geojson"
BUURTEN_RD = GEO / "arnhem_buurten_2024_rd.geojson"
WIJKEN = GEO / "arnhem_wijken_2024_wgs84.geojson"
WIJKEN_TOPO = GEO / "arnhem_wijken_2014_q1e3.topojson"
GRID_M = 300  # cell of the q1e3 quantisation around Arnhem: about 265 m by 312 m
GEOD = Geod(ellps="WGS84")
TO_RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)


def _read(path: Path, **options: object) -> LoadBatch:
    return geometry.read(path, "sha256-test", dict(options))


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(folder: Path, name: str, content: dict | str) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def _shapes(batch: LoadBatch, column: str = "geometry") -> dict[str, shapely.Geometry]:
    frame = batch.geometries
    return dict(
        zip(frame["area_code"], shapely.from_geojson(frame[column].to_numpy()), strict=True)
    )


def _in_rd(shape: shapely.Geometry) -> shapely.Geometry:
    return shapely.transform(shape, lambda xy: np.column_stack(TO_RD.transform(xy[:, 0], xy[:, 1])))


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2]


# --- detect --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("kaart.json", '{"type": "FeatureCollection", "features": [', True),
        ("kaart.json", '\ufeff {"type":"Topology","objects":{}', True),
        ("kaart.json", '{"arcs": [[[906, 845], [-16, 0]]', True),  # sorted keys: type comes last
        ("kaart.json", '{"features": [{"geometry": null', True),
        ("kaart.geojson", "kapot", True),  # claimed, so the reader can say what is wrong
        ("85984NED.json", '{"odata.metadata": "x", "value": [{"Key": "A"}]}', False),
        ("kwb.csv", "gebiedscode;naam\nBU02020100;Markt\n", False),
    ],
)
def test_detect_claims_geojson_and_topojson_and_nothing_else(
    name: str, head: str, expected: bool
) -> None:
    assert geometry.detect(Path(name), head) is expected


def test_detect_recognises_the_real_fixtures_by_content() -> None:
    for path in [BUURTEN, BUURTEN_RD, WIJKEN_TOPO]:
        head = path.read_text(encoding="utf-8")[:65536]
        assert geometry.detect(path.with_suffix(".json"), head), path.name


# --- GeoJSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "parent"),
    [
        ("BU02020100", "Markt", "WK020201"),
        ("BU02020104", "Stationsplein", "WK020201"),
        ("BU02020210", "Hommelstraat", "WK020202"),
        ("BU02020314", "Statenkwartier", "WK020203"),
    ],
)
def test_the_geojson_excerpt_loads_buurten_with_names_and_parent_wijken(
    code: str, name: str, parent: str
) -> None:
    areas = _read(BUURTEN).areas.set_index("code")
    assert areas.loc[code, "name"] == name
    assert areas.loc[code, "level"] == "buurt"
    assert areas.loc[code, "parent_code"] == parent
    assert areas.loc[code, "gemeente_code"] == "GM0202"


def test_the_geojson_excerpt_gives_one_area_and_one_geometry_per_buurt() -> None:
    batch = _read(BUURTEN)
    assert (batch.format, batch.source, batch.periods) == ("geojson", "cbs_wijkbuurtkaart", [2024])
    assert list(batch.areas.columns) == AREA_COLUMNS
    assert list(batch.geometries.columns) == GEOMETRY_COLUMNS
    assert len(batch.areas) == len(batch.geometries) == 10
    assert set(batch.areas["valid_from"]) == set(batch.areas["valid_to"]) == {2024}
    assert set(batch.geometries["indeling"]) == {2024}


def test_wijken_have_their_gemeente_as_parent() -> None:
    areas = _read(WIJKEN).areas
    assert set(areas["level"]) == {"wijk"}
    assert set(areas["parent_code"]) == set(areas["gemeente_code"]) == {"GM0202"}
    assert areas.set_index("code").loc["WK020217", "name"] == "Malburgen-Oost (Noord)"


def test_the_original_geometry_of_a_wgs84_file_is_kept_as_read() -> None:
    source = _json(BUURTEN)["features"][0]["geometry"]
    stored = json.loads(_read(BUURTEN).geometries.iloc[0]["geometry"])
    assert stored == source


@pytest.mark.parametrize(
    ("properties", "options", "code", "name"),
    [
        ({"BU_CODE": "BU02020100", "BU_NAAM": "Markt"}, {}, "BU02020100", "Markt"),
        ({"buurtcode": " bu02020100 ", "buurtnaam": " Markt "}, {}, "BU02020100", "Markt"),
        ({"Statcode": "02020100", "Statnaam": "Markt"}, {}, "BU02020100", "Markt"),
        ({"code": "020201", "naam": "Centrum"}, {}, "WK020201", "Centrum"),
        ({"wk_code": "WK020201", "wk_naam": "Centrum"}, {}, "WK020201", "Centrum"),
        ({"gemeentecode": 202, "gemeentenaam": "Arnhem"}, {}, "GM0202", "Arnhem"),
        ({"gm_code": "GM0202", "gm_naam": "Arnhem"}, {}, "GM0202", "Arnhem"),
        ({"code": 2020100, "naam": "Markt"}, {"level": "buurt"}, "BU02020100", "Markt"),
        ({"buurtcode": "BU02020100", "wijkcode": "WK020201"}, {}, "BU02020100", "BU02020100"),
    ],
)
def test_codes_are_read_from_any_known_property_and_normalised(
    tmp_path: Path, properties: dict, options: dict, code: str, name: str
) -> None:
    collection = _json(BUURTEN)
    collection["features"] = [{**collection["features"][0], "properties": properties}]
    batch = _read(_write(tmp_path, "grens_2024.geojson", collection), **options)
    assert batch.areas[["code", "name"]].values.tolist() == [[code, name]]


def test_a_feature_without_a_name_is_named_by_its_code_with_a_warning(tmp_path: Path) -> None:
    collection = _json(BUURTEN)
    collection["features"][0]["properties"] = {"statcode": "BU02020100"}
    batch = _read(_write(tmp_path, "grens_2024.geojson", collection))
    assert batch.areas.iloc[0]["name"] == "BU02020100"
    assert any("1 gebied zonder naam" in w for w in batch.warnings)


def test_the_indeling_option_wins_over_the_year_in_the_file_name() -> None:
    batch = _read(BUURTEN, indeling="2023")
    assert batch.periods == [2023]
    assert set(batch.areas["valid_from"]) == set(batch.geometries["indeling"]) == {2023}
    assert not any("bestandsnaam" in w for w in batch.warnings)


def test_a_year_taken_from_the_file_name_is_reported_as_a_warning() -> None:
    assert any("Indeling 2024 afgeleid uit de bestandsnaam" in w for w in _read(BUURTEN).warnings)


def test_the_bron_option_sets_the_source() -> None:
    assert _read(BUURTEN, bron="gemeente_arnhem_grenzen").source == "gemeente_arnhem_grenzen"


# --- RD New --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "crs_member", [True, False], ids=["named_in_crs", "from_coordinate_ranges"]
)
def test_rd_new_input_is_reprojected_to_within_a_metre_of_the_wgs84_original(
    tmp_path: Path, crs_member: bool
) -> None:
    collection = _json(BUURTEN_RD)
    if not crs_member:
        del collection["crs"]
    batch = _read(_write(tmp_path, "rd_2024.geojson", collection))
    originals = _shapes(_read(BUURTEN))
    for code, shape in _shapes(batch).items():
        got = shapely.get_coordinates(shape)
        want = shapely.get_coordinates(originals[code])
        assert got.shape == want.shape
        assert max(_metres(a, b) for a, b in zip(got, want, strict=True)) < 1.0, code


def test_markt_in_rd_new_lands_on_its_wgs84_corner() -> None:
    markt = _shapes(_read(BUURTEN_RD))["BU02020100"]
    assert _metres(tuple(shapely.get_coordinates(markt)[0]), (5.91403, 51.98327)) < 1.0


# --- TopoJSON ------------------------------------------------------------------------------------


def test_the_topojson_excerpt_matches_the_same_wijken_in_geojson_within_the_grid() -> None:
    """2014 quantised wijken against 2024 detailed ones: shape moves up to about one grid cell."""
    topo = _shapes(_read(WIJKEN_TOPO))
    detailed = _shapes(_read(WIJKEN))
    assert len(topo) == 23
    for code, shape in topo.items():
        got, want = _in_rd(shape), _in_rd(detailed[code])
        assert abs(got.area - want.area) <= want.length * GRID_M, code
        assert got.centroid.distance(want.centroid) <= 2 * GRID_M, code


def test_the_topojson_excerpt_reads_wijken_of_arnhem_in_2014() -> None:
    batch = _read(WIJKEN_TOPO)
    assert (batch.format, batch.periods) == ("topojson", [2014])
    assert len(batch.areas) == 24
    assert set(batch.areas["level"]) == {"wijk"}
    assert batch.areas.set_index("code").loc["WK020201", "name"] == "Wijk 01 Centrum"


def test_a_wijk_collapsed_by_quantisation_is_an_area_without_geometry_and_a_warning() -> None:
    batch = _read(WIJKEN_TOPO)
    assert "WK020210" in set(batch.areas["code"])
    assert "WK020210" not in set(batch.geometries["area_code"])
    assert any(
        "WK020210 Wijk 10 Geitenkamp" in w and "niet op de kaart" in w for w in batch.warnings
    )


def _two_squares() -> dict:
    """Two unit squares sharing one arc, quantised and delta-encoded, west one via arc ~0."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.001, 0.001], "translate": [5.9, 51.9]},
        "arcs": [
            [[0, 0], [0, 10]],
            [[0, 10], [10, 0], [0, -10], [-10, 0]],
            [[0, 0], [-10, 0], [0, 10], [10, 0]],
        ],
        "objects": {
            "buurten": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "BU02020001"}},
                    {
                        "type": "Polygon",
                        "arcs": [[-1, 2]],
                        "properties": {"statcode": "BU02020002"},
                    },
                ],
            }
        },
    }


def test_topojson_arcs_are_delta_decoded_and_negative_indexes_reversed(tmp_path: Path) -> None:
    shapes = _shapes(_read(_write(tmp_path, "twee_2024.topojson", _two_squares())))
    east = [[5.9, 51.9], [5.9, 51.91], [5.91, 51.91], [5.91, 51.9], [5.9, 51.9]]
    west = [[5.9, 51.91], [5.9, 51.9], [5.89, 51.9], [5.89, 51.91], [5.9, 51.91]]
    np.testing.assert_allclose(shapely.get_coordinates(shapes["BU02020001"]), east, atol=1e-9)
    np.testing.assert_allclose(shapely.get_coordinates(shapes["BU02020002"]), west, atol=1e-9)
    assert shapely.get_type_id(shapes["BU02020001"]) == shapely.GeometryType.POLYGON


def test_the_object_option_picks_one_of_several_topojson_objects(tmp_path: Path) -> None:
    topology = _two_squares()
    topology["objects"]["leeg"] = {"type": "GeometryCollection", "geometries": []}
    path = _write(tmp_path, "twee_2024.topojson", topology)
    with pytest.raises(LoadError, match="--object"):
        _read(path)
    assert len(_read(path, object="buurten").areas) == 2


# --- display geometry and label point ------------------------------------------------------------


@pytest.mark.parametrize("path", [BUURTEN, BUURTEN_RD, WIJKEN, WIJKEN_TOPO], ids=lambda p: p.name)
def test_the_display_geometry_is_valid_rounded_and_has_no_more_vertices(path: Path) -> None:
    batch = _read(path)
    originals, displays = _shapes(batch), _shapes(batch, "geometry_display")
    for code, display in displays.items():
        assert shapely.is_valid(display) and not display.is_empty, code
        assert display.geom_type in {"Polygon", "MultiPolygon"}, code
        assert shapely.get_num_coordinates(display) <= shapely.get_num_coordinates(
            originals[code]
        ), code
        xy = shapely.get_coordinates(display)
        np.testing.assert_array_equal(xy, np.round(xy, 5))


def test_a_larger_tolerance_removes_vertices_for_display() -> None:
    def vertices(batch: LoadBatch) -> int:
        return sum(
            shapely.get_num_coordinates(s) for s in _shapes(batch, "geometry_display").values()
        )

    assert vertices(_read(WIJKEN, tolerance=0.001)) < vertices(_read(WIJKEN))


@pytest.mark.parametrize("path", [BUURTEN, WIJKEN, WIJKEN_TOPO], ids=lambda p: p.name)
def test_the_label_point_lies_inside_its_area(path: Path) -> None:
    batch = _read(path)
    shapes = _shapes(batch)
    for row in batch.geometries.itertuples():
        point = shapely.Point(row.centroid_lon, row.centroid_lat)
        assert shapes[row.area_code].buffer(1e-6).contains(point), row.area_code


# --- broken inputs -------------------------------------------------------------------------------


def _buurten_with(change: Callable[[dict], None]) -> dict:
    collection = copy.deepcopy(_json(BUURTEN))
    change(collection)
    return collection


def _swap_lon_lat(collection: dict) -> None:
    rings = collection["features"][1]["geometry"]["coordinates"][0]
    rings[:] = [[[y, x] for x, y in ring] for ring in rings]


BROKEN: list[tuple[str, str, Callable[[], dict | str], dict, list[str]]] = [
    (
        "not_json",
        "buurten_2024.geojson",
        lambda: "gebiedscode;naam\nBU02020100;Markt\n",
        {},
        ["geen geldige JSON", "regel 1"],
    ),
    (
        "truncated_json",
        "buurten_2024.geojson",
        lambda: BUURTEN.read_text(encoding="utf-8")[:1500],
        {},
        ["houdt halverwege op", "opnieuw"],
    ),
    (
        "no_features",
        "buurten_2024.geojson",
        lambda: {"type": "FeatureCollection", "features": []},
        {},
        ["geen features"],
    ),
    (
        "not_a_feature_collection",
        "buurten_2024.geojson",
        lambda: _json(BUURTEN)["features"][0],
        {},
        ["geen GeoJSON FeatureCollection", "type 'Feature'"],
    ),
    (
        "features_without_code",
        "buurten_2024.geojson",
        lambda: _buurten_with(lambda c: [c["features"][i]["properties"].clear() for i in (2, 6)]),
        {},
        ["2 features zonder gebiedscode (feature 3 en 7)", "statcode"],
    ),
    (
        "code_that_is_no_cbs_code",
        "buurten_2024.geojson",
        lambda: _buurten_with(lambda c: c["features"][0]["properties"].update(statcode="X12")),
        {},
        ["feature 1", "'X12'", "geen CBS-gebiedscode"],
    ),
    (
        "duplicate_codes",
        "buurten_2024.geojson",
        lambda: _buurten_with(lambda c: c["features"].append(c["features"][0])),
        {},
        ["code BU02020100 komt meer dan eens voor: feature 1 en feature 11"],
    ),
    (
        "mixed_levels",
        "buurten_2024.geojson",
        lambda: _buurten_with(lambda c: c["features"].append(_json(WIJKEN)["features"][0])),
        {},
        ["mengt niveaus: 10 buurten en 1 wijk", "feature 11 (WK020201)", "één niveau"],
    ),
    (
        "level_option_that_does_not_match",
        "buurten_2024.geojson",
        lambda: _json(BUURTEN),
        {"level": "wijk"},
        ["niveau is wijk", "feature 1 (BU02020100) is een buurt"],
    ),
    (
        "feature_without_geometry",
        "buurten_2024.geojson",
        lambda: _buurten_with(lambda c: c["features"][3].update(geometry=None)),
        {},
        ["feature 4 (BU02020103) heeft geen geometrie"],
    ),
    (
        "coordinates_that_are_no_numbers",
        "buurten_2024.geojson",
        lambda: _buurten_with(
            lambda c: c["features"][4]["geometry"]["coordinates"][0][0].__setitem__(1, ["x", 5])
        ),
        {},
        ["feature 5 (BU02020104) heeft coördinaten die geen getallenparen zijn"],
    ),
    (
        "a_point_instead_of_a_polygon",
        "buurten_2024.geojson",
        lambda: _buurten_with(
            lambda c: c["features"][0].update(geometry={"type": "Point", "coordinates": [5.9, 52]})
        ),
        {},
        ["feature 1 (BU02020100) is een Point, geen vlak"],
    ),
    (
        "coordinates_outside_the_netherlands",
        "buurten_2024.geojson",
        lambda: _buurten_with(_swap_lon_lat),
        {},
        [
            "feature 2 (BU02020101) valt buiten Nederland; controleer het coördinatenstelsel",
            "verwisseld",
        ],
    ),
    (
        "an_unsupported_crs",
        "buurten_2024.geojson",
        lambda: _buurten_with(
            lambda c: c.update(crs={"type": "name", "properties": {"name": "EPSG:3857"}})
        ),
        {},
        ["EPSG:3857 wordt niet ondersteund", "RD New"],
    ),
    (
        "no_indeling_year",
        "arnhem_buurten.geojson",
        lambda: _json(BUURTEN),
        {},
        ["jaar van de wijk- en buurtindeling is onbekend", "--indeling"],
    ),
    (
        "two_years_in_the_file_name",
        "buurten_2014_2024.geojson",
        lambda: _json(BUURTEN),
        {},
        ["meerdere jaartallen", "--indeling"],
    ),
    (
        "an_arc_that_does_not_exist",
        "wijken_2014.topojson",
        lambda: {
            **_json(WIJKEN_TOPO),
            "arcs": _json(WIJKEN_TOPO)["arcs"][:10],
        },
        {},
        ["feature 2 (WK020223) verwijst naar boog -11, die niet bestaat"],
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "options", "fragments"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_a_broken_file_raises_a_dutch_load_error_naming_file_and_feature(
    tmp_path: Path,
    name: str,
    content: Callable[[], dict | str],
    options: dict,
    fragments: list[str],
) -> None:
    path = _write(tmp_path, name, content())
    with pytest.raises(LoadError) as caught:
        _read(path, **options)
    message = str(caught.value)
    assert message.startswith(f"Bestand '{name}'")
    for fragment in fragments:
        assert fragment in message
