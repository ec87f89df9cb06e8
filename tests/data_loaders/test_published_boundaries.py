"""Boundaries as CBS/PDOK publish them (GeoPackage, Shapefile, RD New, the whole country with water
parts) and as gemeenten export them (the CBS code in another property, alphanumeric codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from loader_testdata import BUURTEN_GEO, FIXTURES, table

from data_loaders import pipeline
from data_loaders.batch import LoadError

GEO = FIXTURES / "geo"
GPKG = GEO / "wijkbuurtkaart_2014_excerpt.gpkg"
SHAPEFILE = GEO / "buurt_2014_excerpt_shp.zip"
ARNHEM_2014 = GEO / "arnhem_buurten_2014_q1e3.topojson"
RENKUM_2014 = GEO / "renkum_buurten_2014_q1e3.topojson"
DOORWERTH = "BU02740202"  # cut in a land part and a water part in both fixtures


def shapes(batch) -> dict[str, object]:
    return dict(zip(batch.geometries["area_code"],
                    shapely.from_geojson(batch.geometries["geometry"].tolist()), strict=True))


def test_a_geopackage_loads_its_three_layers_only_for_the_gemeenten_asked_for(tmp_path):
    target = tmp_path / "db.duckdb"
    [result] = pipeline.load_paths(target, [GPKG], how="test",
                                   options={"gemeente": "GM0202,GM0203"})
    levels = table(target, "SELECT gemeente_code, level, count(*) AS n FROM areas "
                           "GROUP BY ALL ORDER BY ALL")
    assert sorted(set(levels["gemeente_code"])) == ["GM0202", "GM0203"]
    assert set(levels["level"]) == {"gemeente", "wijk", "buurt"}
    names = table(target, "SELECT code, name FROM areas WHERE level = 'gemeente' ORDER BY code")
    assert names.values.tolist() == [["GM0202", "Arnhem"], ["GM0203", "Barneveld"]]
    assert result.format == "gpkg" and result.periods == (2014,)


def test_geopackage_boundaries_in_rd_new_equal_the_national_wgs84_file_they_were_written_from():
    from_gpkg = shapes(pipeline.read_file(GPKG, {"gemeente": "GM0202", "level": "buurt"}))
    from_topo = shapes(pipeline.read_file(ARNHEM_2014))
    assert set(from_topo) <= set(from_gpkg)
    for code, shape in from_topo.items():
        # RD New to the millimetre and back: the same shape to within about a metre.
        assert shapely.hausdorff_distance(shape, from_gpkg[code]) < 1e-5, code


def test_water_parts_and_placeholders_are_left_out_instead_of_refused_as_duplicates():
    for path, options in ((GPKG, {"level": "buurt"}), (SHAPEFILE, {"indeling": 2014})):
        batch = pipeline.read_file(path, options)
        assert list(batch.areas["code"]).count(DOORWERTH) == 1
        assert "BU02749999" not in set(batch.areas["code"])
        assert "1 waterdeel (water = JA) weggelaten." in batch.warnings
        assert "1 plaatshouder (water, buitenland) weggelaten." in batch.warnings
        whole = shapes(pipeline.read_file(RENKUM_2014))[DOORWERTH]
        land = shapes(batch)[DOORWERTH]
        # Only the land half remains: the northern part of the real buurt.
        assert 0.2 < land.area / whole.area < 0.8
        assert land.centroid.y > whole.centroid.y


def test_an_older_shapefile_with_upper_case_cbs_columns_loads_from_its_zip(tmp_path):
    target = tmp_path / "db.duckdb"
    [result] = pipeline.load_paths(target, [SHAPEFILE], how="test",
                                   options={"indeling": 2014, "gemeente": "GM0274"})
    found = table(target, "SELECT a.code, a.name, g.centroid_lon, g.centroid_lat FROM areas a "
                          "JOIN geometries g ON g.area_code = a.code WHERE a.code = ?",
                  [DOORWERTH])
    assert found[["code", "name"]].values.tolist() == [[DOORWERTH, "Doorwerth"]]
    # Reprojected from RD New: Doorwerth lies west of Arnhem, north of the Rijn.
    assert 5.7 < found["centroid_lon"].iloc[0] < 5.85 and 51.9 < found["centroid_lat"].iloc[0] < 52
    assert result.format == "shapefile"
    # The gemeente is named as the file names it (GM_NAAM), even without a gemeente layer.
    assert table(target, "SELECT code, name FROM areas WHERE level = 'gemeente'").values.tolist(
    ) == [["GM0274", "Renkum"]]
    assert table(target, "SELECT DISTINCT gemeente_code FROM areas")["gemeente_code"].tolist() == [
        "GM0274"]


def test_an_unknown_gemeente_code_for_a_national_file_is_refused_naming_it():
    with pytest.raises(LoadError) as caught:
        pipeline.read_file(GPKG, {"gemeente": "GM0999"})
    assert "geen gebied van GM0999 in het bestand" in str(caught.value)


def gemeente_export(tmp_path: Path, code_of, name: str = "buurten_2024.geojson") -> Path:
    """Arnhem's real buurten as a gemeente's own system exports them: its own code in 'code',
    the CBS code in 'cbsCode'."""
    collection = json.loads(BUURTEN_GEO.read_text(encoding="utf-8"))
    for number, feature in enumerate(collection["features"], start=1):
        statcode = feature["properties"]["statcode"]
        feature["properties"] = {"code": f"AA{number:02d}", "cbsCode": code_of(statcode),
                                 "naam": feature["properties"]["statnaam"]}
    path = tmp_path / name
    path.write_text(json.dumps(collection), encoding="utf-8")
    return path


def test_the_property_holding_cbs_codes_is_found_in_a_gemeente_export(tmp_path):
    batch = pipeline.read_file(gemeente_export(tmp_path, lambda code: code))
    reference = pipeline.read_file(BUURTEN_GEO)
    assert batch.areas[["code", "name"]].equals(reference.areas[["code", "name"]])


def test_alphanumeric_cbs_codes_load_with_their_wijk_and_gemeente(tmp_path):
    # Codes as CBS writes them since 2022 where a gemeente re-coded: letters after the number.
    path = gemeente_export(tmp_path, lambda code: "BU0202AA" + code[-2:])
    batch = pipeline.read_file(path, {"codekolom": "cbsCode"})
    first = batch.areas.iloc[0]
    assert (first["code"], first["parent_code"], first["gemeente_code"]) == (
        "BU0202AA00", "WK0202AA", "GM0202")


def test_a_code_property_that_is_not_there_is_refused_listing_the_properties(tmp_path):
    path = gemeente_export(tmp_path, lambda code: code)
    with pytest.raises(LoadError) as caught:
        pipeline.read_file(path, {"codekolom": "buurtcode"})
    assert "eigenschap 'buurtcode' (--codekolom) staat niet in het bestand" in str(caught.value)
    assert "code, cbsCode en naam" in str(caught.value)


def test_a_national_file_read_in_small_chunks_gives_the_same_boundaries(monkeypatch):
    from data_loaders import geometry

    options = {"gemeente": "GM0202,GM0274"}
    whole = pipeline.read_file(GPKG, options)
    seen = []
    monkeypatch.setattr(geometry, "CHUNK", 7)
    chunked = pipeline.read_file(GPKG, {**options, "progress": lambda f, text: seen.append(text)})
    assert chunked.areas.equals(whole.areas)
    assert chunked.geometries.equals(whole.geometries)
    assert "laag buurten: 7 gebieden gelezen" in seen and len(seen) > 10


def test_a_shapefile_without_its_prj_is_read_as_rd_new_by_its_coordinates(tmp_path):
    import zipfile

    with zipfile.ZipFile(SHAPEFILE) as archive:
        archive.extractall(tmp_path)
    (tmp_path / "buurt_2014.prj").unlink()
    bare = pipeline.read_file(tmp_path / "buurt_2014.shp", {"indeling": 2014})
    zipped = pipeline.read_file(SHAPEFILE, {"indeling": 2014})
    assert bare.geometries.equals(zipped.geometries)
