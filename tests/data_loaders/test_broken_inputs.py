"""Every importer rejects broken input with a Dutch message naming the file (and row and column
where they are known), and a rejection leaves the database file byte for byte as it was."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from loader_testdata import (
    BUURTEN_GEO,
    DECIMALCOMMA,
    LEEFBAAROMETER,
    MULTICITY,
    SES_WOA,
    STATLINE,
    TYPED,
    sha256,
)

from data_loaders import pipeline, settings, templates
from data_loaders.batch import LoadError

FIXTURES = STATLINE.parent
TOPO = FIXTURES / "geo" / "arnhem_wijken_2014_q1e3.topojson"
# The corpus runs with a file limit of 2 MB, so the oversized file and the zip bomb stay cheap to
# make; the default limit is checked on its own below.
LIMIT_MB = 2

OBS_HEADER = "gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"


def _text(name: str, content: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content.encode(encoding))
        return path
    return make


def _edited(fixture: Path, name: str, old: bytes, new: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        raw = fixture.read_bytes()
        assert old in raw, f"{old!r} staat niet in {fixture.name}"
        path = folder / name
        path.write_bytes(raw.replace(old, new, 1))
        return path
    return make


def _recoded(fixture: Path, name: str, encoding: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(fixture.read_bytes().decode("utf-8-sig").encode(encoding))
        return path
    return make


def _duplicated_line(fixture: Path, name: str, number: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        lines = fixture.read_bytes().splitlines(keepends=True)
        path = folder / name
        path.write_bytes(b"".join(lines + [lines[number - 1]]))
        return path
    return make


def _long_line(folder: Path) -> Path:
    path = folder / "lange_regel.csv"
    path.write_text(OBS_HEADER + "BU02020100,onveilig_buurt,2024,20,100,,,\n"
                    + "BU02020100,onveilig_buurt,2023," + "9" * 1_100_000 + ",,,,\n",
                    encoding="utf-8")
    return path


def _template(kind: str, name: str, **changes: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        frame = templates.template_frame(kind)
        for column, value in changes.items():
            frame[column] = value
        path = folder / name
        frame.to_csv(path, index=False)
        return path
    return make


def _template_rows(kind: str, name: str, rows: list[dict[str, str]]) -> Callable[[Path], Path]:
    """A template with the example row changed once per dict (one file row per dict)."""
    def make(folder: Path) -> Path:
        example = templates.template_frame(kind)
        frame = pd.concat([example.assign(**row) for row in rows], ignore_index=True)
        path = folder / name
        frame.to_csv(path, index=False)
        return path
    return make


def _json_edited(fixture: Path, name: str, edit: Callable[[dict], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        document = json.loads(fixture.read_text(encoding="utf-8"))
        edit(document)
        path = folder / name
        path.write_text(json.dumps(document), encoding="utf-8")
        return path
    return make


def _ring(document: dict, feature: int) -> list:
    return document["features"][feature]["geometry"]["coordinates"][0][0]


def _swap_lon_lat(document: dict) -> None:
    for feature in document["features"]:
        feature["geometry"]["coordinates"] = [[[[y, x] for x, y in ring] for ring in polygon]
                                              for polygon in feature["geometry"]["coordinates"]]


def _kwb_xlsx(name: str, row: int, column: str, value: str) -> Callable[[Path], Path]:
    """The multicity kwb excerpt saved as XLSX, one cell changed (row as a spreadsheet counts)."""
    def make(folder: Path) -> Path:
        frame = pd.read_csv(MULTICITY, dtype=str, keep_default_na=False)
        frame.loc[row - 2, column] = value
        path = folder / name
        frame.to_excel(path, index=False)
        return path
    return make


def _zip_bomb(folder: Path) -> Path:
    """An .xlsx that is a zip of a few kB unpacking to 64 MB of zeros (32 times the limit)."""
    path = folder / "kwb_2024.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for _ in range(64):
                sheet.write(bytes(2**20))
    return path


def _oversized(fixture: Path, name: str) -> Callable[[Path], Path]:
    """A real file grown past the limit with a sparse tail (costs no disk and no time)."""
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(fixture.read_bytes())
        with open(path, "r+b") as handle:
            handle.truncate(LIMIT_MB * 2**20 + 1)
        return path
    return make


# (case, make the file, words the message must contain, expected row, expected column)
CASES = [
    ("utf16_statline", _recoded(STATLINE, "kwb_utf16_2024.csv", "utf-16"), "UTF-16", 1, None),
    ("utf16_kwb", _recoded(MULTICITY, "kwb_utf16.csv", "utf-16"), "UTF-16", 1, None),
    ("pipe_separated", _text("pijp.csv", "gebiedscode|indicator|jaar|waarde\n"
                             "BU02020100|onveilig_buurt|2024|20\n"), "'|'", 1, None),
    ("missing_column_statline", _edited(
        STATLINE, "zonder_kolom.csv", b'"Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)"',
        b'"Bevolking/Leeftijdsgroepen/0-15 (aantal)"'), "ontbreken", 1, None),
    ("missing_column_leefbaarometer", _edited(LEEFBAAROMETER, "lbm.csv", b",won\n", b",wonen\n"),
     "niet herkend", 1, None),
    ("missing_column_typed", _edited(TYPED, "typed.csv", b"k_65JaarOfOuder_12",
                                     b"k_65JaarOfOuder"), "ontbreken", 1, None),
    ("unknown_code_statline", _edited(STATLINE, "codes_2024.csv", b'"BU02020100"', b'"BU02X20100"'),
     "geen geldige gebiedscode", 8, "Regioaanduiding/Codering (code)"),
    ("unknown_code_multicity", _edited(MULTICITY, "codes.csv", b'"02020100"', b'"2020100"'),
     "geen geldige gebiedscode", 2, "gwb_code_10"),
    ("unknown_gemeente_name", _edited(DECIMALCOMMA, "namen_2024.csv", b'"Aalten"', b'"Aaltenn"'),
     "geen gemeentenaam", 4, "Wijken en buurten"),
    ("unknown_indicator", _template("waarnemingen", "ind.csv", indicator="geluk"),
     "geen bekende indicator", 2, "indicator"),
    ("duplicate_statline", _duplicated_line(STATLINE, "dubbel_2024.csv", 8), "dubbel", 21, None),
    ("duplicate_leefbaarometer", _duplicated_line(LEEFBAAROMETER, "dubbel.csv", 2), "dubbel", 58,
     None),
    ("duplicate_ses_woa", _duplicated_line(SES_WOA, "dubbel.csv", 3), "dubbel", 23, None),
    ("text_in_number_ses_woa", _edited(SES_WOA, "tekst.csv", b'"  -0.100"', b'"  laag"'),
     "geen getal", 2, "SES-WOA/Totaalscore/Gemiddelde score (Getal)"),
    ("text_in_number_leefbaarometer", _edited(LEEFBAAROMETER, "tekst.csv", b"4.270599604867483",
                                              b"hoog"), "geen getal", 2, "lbm"),
    ("text_in_number_decimalcomma", _edited(DECIMALCOMMA, "tekst_2024.csv", b"167632", b"veel"),
     "geen getal", 14, "Bevolking/Aantal inwoners (aantal)"),
    ("text_in_number_spending", _template("uitgaven", "uitgaven.csv", bedrag_euro="duizend"),
     "geen getal", 2, "bedrag_euro"),
    ("empty_file", _text("leeg.csv", ""), "leeg", None, None),
    ("header_only", _text("kop.csv", OBS_HEADER), "geen regels", None, None),
    ("percentage_140", _template("waarnemingen", "procent.csv", waarde="140", ondergrens="",
                                 bovengrens=""), "buiten het mogelijke bereik", 2, "waarde"),
    ("leefbaarometer_out_of_range", _edited(LEEFBAAROMETER, "bereik.csv", b"4.270599604867483",
                                            b"42.70599604867483"), "buiten", 2, "lbm"),
    ("negative_n", _template("waarnemingen", "n.csv", n="-5"), "geen geldig aantal", 2, "n"),
    ("future_year_template", _template("waarnemingen", "toekomst.csv", jaar="2031"),
     "toekomst", 2, "jaar"),
    ("future_year_ses_woa", _edited(SES_WOA, "toekomst.csv", b'"2019";"Amsterdam"',
                                    b'"2031";"Amsterdam"'), "toekomst", 2, "Perioden"),
    ("future_year_leefbaarometer", _edited(LEEFBAAROMETER, "toekomst.csv", b",2014,", b",2031,"),
     "toekomst", 2, "jaar"),
    ("line_over_1_mb", _long_line, "te lang", 3, None),
    ("truncated_geojson", lambda folder: _truncated(folder), "", None, None),
    ("fake_xlsx", _text("sjabloon.xlsx", "gebiedscode;indicator;jaar;waarde\n"),
     "geen geldig Excel-bestand", None, None),
    # Encodings and sizes
    ("undecodable_byte_statline", _edited(STATLINE, "teken_2024.csv", b'"BU02020100"',
                                          b'"BU0202\x81100"'), "tekencodering", 8, None),
    ("oversized_csv", _oversized(STATLINE, "groot_2024.csv"), "te groot", None, None),
    ("oversized_geojson", _oversized(BUURTEN_GEO, "buurten_2024.geojson"), "te groot", None, None),
    ("zip_bomb_as_xlsx", _zip_bomb, "onredelijke omvang", None, None),
    # CBS tables read through a mapping (StatLine CSV, typed table, kwb XLSX)
    ("negative_count_statline", _edited(STATLINE, "negatief_2024.csv", b";1605;", b";-1605;"),
     "buiten het mogelijke bereik", 8, "Bevolking/Aantal inwoners (aantal)"),
    ("negative_count_typed", _edited(TYPED, "negatief.csv", b",25845,", b",-25845,"),
     "buiten het mogelijke bereik", 3, "AantalInwoners_5"),
    ("percentage_140_kwb_xlsx", _kwb_xlsx("kwb.xlsx", 2, "p_low_income_household", "140"),
     "buiten het mogelijke bereik", 2, "p_low_income_household"),
    ("unknown_code_kwb_xlsx", _kwb_xlsx("kwb.xlsx", 3, "gwb_code_10", "2020100"),
     "geen geldige gebiedscode", 3, "gwb_code_10"),
    # Leefbaarometer
    ("mixed_levels_leefbaarometer", _edited(LEEFBAAROMETER, "niveaus.csv", b"WK036201",
                                            b"BU03620100"), "geen wijkcode", 2, "wk_code"),
    # Geometry: GeoJSON and TopoJSON
    ("unclosed_ring_geojson", _json_edited(BUURTEN_GEO, "buurten_2024.geojson",
                                           lambda d: _ring(d, 2).pop()), "niet sluit", None, None),
    ("coordinates_out_of_range_geojson", _json_edited(
        BUURTEN_GEO, "buurten_2024.geojson", lambda d: _ring(d, 2).__setitem__(3, [5.9, 151.97])),
     "buiten Nederland", None, None),
    ("swapped_lon_lat_geojson", _json_edited(BUURTEN_GEO, "buurten_2024.geojson", _swap_lon_lat),
     "verwisseld", None, None),
    ("web_mercator_crs_geojson", _json_edited(
        BUURTEN_GEO, "buurten_2024.geojson", lambda d: d.__setitem__(
            "crs", {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}})),
     "EPSG::3857 wordt niet ondersteund", None, None),
    ("duplicate_code_geojson", _json_edited(
        BUURTEN_GEO, "buurten_2024.geojson", lambda d: d["features"].append(d["features"][3])),
     "BU02020103 komt meer dan eens voor", None, None),
    ("mixed_levels_geojson", _json_edited(
        BUURTEN_GEO, "buurten_2024.geojson",
        lambda d: d["features"][0]["properties"].__setitem__("statcode", "WK020201")),
     "mengt niveaus", None, None),
    ("broken_arcs_topojson", _json_edited(TOPO, "wijken_2014.topojson",
                                          lambda d: d["arcs"].__setitem__(3, [[1, "a"]])),
     "getallenparen", None, None),
    ("unclosed_ring_topojson", _json_edited(
        TOPO, "wijken_2014.topojson",
        lambda d: d["objects"]["layer"]["geometries"][0].__setitem__("arcs", [[0, 1]])),
     "niet sluit", None, None),
    # Own templates: buurttypes, uitgaven, projecten, doelen
    ("unknown_buurttype", _template("buurttypes", "types.csv", buurttype="superbuurt"),
     "geen buurttype", 2, "buurttype"),
    ("year_as_text_buurttypes", _template("buurttypes", "types.csv", jaar_van="twintig"),
     "geen getal", 2, "jaar_van"),
    ("years_reversed_buurttypes", _template("buurttypes", "types.csv", jaar_van="2024",
                                            jaar_tot="2020"), "ligt na jaar_tot", 2, "jaar_tot"),
    ("far_future_buurttypes", _template("buurttypes", "types.csv", jaar_tot="3000"),
     "geen geldig jaar", 2, "jaar_tot"),
    ("negative_amount_spending", _template("uitgaven", "uitgaven.csv", bedrag_euro="-12500"),
     "negatief", 2, "bedrag_euro"),
    ("negative_dwellings_spending", _template("uitgaven", "uitgaven.csv", woningen="-420"),
     "geen geldig aantal", 2, "woningen"),
    ("bad_date_projects", _template("projecten", "projecten.csv", start="01-03-2023"),
     "geen datum", 2, "start"),
    ("duplicate_id_projects", _template_rows("projecten", "projecten.csv",
                                             [{"naam": "Buurttuin"}, {"naam": "Speeltuin"}]),
     "staat dubbel", 3, "project_id"),
    ("negative_budget_projects", _template("projecten", "projecten.csv", budget_euro="-40000"),
     "negatief", 2, "budget_euro"),
    ("unknown_code_projects", _template("projecten", "projecten.csv",
                                        gebiedscodes="BU02020700 BU0202"),
     "geen geldige gebiedscode", 2, "gebiedscodes"),
    ("unknown_indicator_goals", _template("doelen", "doelen.csv", indicator="geluk"),
     "geen bekende indicator", 2, "indicator"),
    ("percentage_140_goals", _template("doelen", "doelen.csv", streefwaarde="140"),
     "buiten het mogelijke bereik", 2, "streefwaarde"),
    ("target_before_nulmeting_goals", _template("doelen", "doelen.csv", streefjaar="2019"),
     "vóór het jaar van de nulmeting", 2, "streefjaar"),
    ("duplicate_goals", _template_rows("doelen", "doelen.csv",
                                       [{"streefwaarde": "25"}, {"streefwaarde": "20"}]),
     "dubbel", 3, None),
    ("mixed_sources_template", _template_rows("waarnemingen", "bronnen.csv",
                                              [{"bron": "a"}, {"jaar": "2023", "bron": "b"}]),
     "meer dan één bron", None, "bron"),
]


def _truncated(folder: Path) -> Path:
    path = folder / "buurten_2024.geojson"
    raw = BUURTEN_GEO.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    return path


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with one good load in it, copied fresh for every case."""
    target = tmp_path_factory.mktemp("goed") / "db.duckdb"
    pipeline.load_paths(target, [STATLINE], how="test")
    return target


@pytest.mark.parametrize(("make", "words", "row", "column"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_broken_file_is_rejected_in_dutch_and_leaves_the_database_unchanged(
        tmp_path, loaded_db, monkeypatch, make, words, row, column):
    monkeypatch.setenv("BUURTMONITOR_MAX_BESTAND_MB", str(LIMIT_MB))
    target = tmp_path / "db.duckdb"
    target.write_bytes(loaded_db.read_bytes())
    before = sha256(target)
    path = make(tmp_path)
    with pytest.raises(LoadError) as caught:
        pipeline.load_paths(target, [path], how="test")
    message = str(caught.value)
    assert message.startswith(f"Bestand '{path.name}'")
    assert words in message
    if row is not None:
        assert caught.value.row == row, message
        assert f"regel {row}" in message
    if column is not None:
        assert caught.value.column == column, message
        assert f"kolom '{column}'" in message
    assert "Wat te doen:" in message or path.suffix in {".geojson", ".topojson"}
    assert sha256(target) == before
    assert sorted(p.name for p in tmp_path.glob("db.duckdb*")) in (["db.duckdb"],
                                                                    ["db.duckdb", "db.duckdb.lock"])


def test_the_corpus_covers_every_importer_with_at_least_thirty_hostile_files():
    assert len(CASES) >= 30
    assert len({c[0] for c in CASES}) == len(CASES)


def test_the_file_limit_is_200_mb_like_the_upload_widget_and_can_be_set(monkeypatch):
    config = (Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text()
    monkeypatch.delenv("BUURTMONITOR_MAX_BESTAND_MB", raising=False)
    assert settings.max_file_mb() == 200
    assert "maxUploadSize = 200" in config
    monkeypatch.setenv("BUURTMONITOR_MAX_BESTAND_MB", "5")
    assert settings.max_file_mb() == 5


def test_a_file_just_over_the_default_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.delenv("BUURTMONITOR_MAX_BESTAND_MB", raising=False)
    path = _oversized(STATLINE, "groot_2024.csv")(tmp_path)
    with open(path, "r+b") as handle:
        handle.truncate(200 * 2**20 + 1)
    with pytest.raises(LoadError, match=r"te groot \(201 MB; maximaal 200 MB\)"):
        pipeline.read_file(path)
