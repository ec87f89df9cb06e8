"""Every importer rejects broken input with a Dutch message naming the file (and row and column
where they are known), and a rejection leaves the database file byte for byte as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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

from data_loaders import pipeline, templates
from data_loaders.batch import LoadError

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


# (case, make the file, words the message must contain, expected row, expected column)
CASES = [
    ("utf16_statline", _recoded(STATLINE, "kwb_utf16.csv", "utf-16"), "UTF-16", 1, None),
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
    ("unknown_code_statline", _edited(STATLINE, "codes.csv", b'"BU02020100"', b'"BU0202010X"'),
     "geen geldige gebiedscode", 8, "Regioaanduiding/Codering (code)"),
    ("unknown_code_multicity", _edited(MULTICITY, "codes.csv", b'"02020100"', b'"2020100"'),
     "geen geldige gebiedscode", 2, "gwb_code_10"),
    ("unknown_gemeente_name", _edited(DECIMALCOMMA, "namen.csv", b'"Aalten"', b'"Aaltenn"'),
     "geen gemeentenaam", 4, "Wijken en buurten"),
    ("unknown_indicator", _template("waarnemingen", "ind.csv", indicator="geluk"),
     "geen bekende indicator", 2, "indicator"),
    ("duplicate_statline", _duplicated_line(STATLINE, "dubbel.csv", 8), "dubbel", 21, None),
    ("duplicate_leefbaarometer", _duplicated_line(LEEFBAAROMETER, "dubbel.csv", 2), "dubbel", 58,
     None),
    ("duplicate_ses_woa", _duplicated_line(SES_WOA, "dubbel.csv", 3), "dubbel", 23, None),
    ("text_in_number_ses_woa", _edited(SES_WOA, "tekst.csv", b'"  -0.100"', b'"  laag"'),
     "geen getal", 2, "SES-WOA/Totaalscore/Gemiddelde score (Getal)"),
    ("text_in_number_leefbaarometer", _edited(LEEFBAAROMETER, "tekst.csv", b"4.270599604867483",
                                              b"hoog"), "geen getal", 2, "lbm"),
    ("text_in_number_decimalcomma", _edited(DECIMALCOMMA, "tekst.csv", b"167632", b"veel"),
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
        tmp_path, loaded_db, make, words, row, column):
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
    assert "Wat te doen:" in message or path.suffix == ".geojson"
    assert sha256(target) == before
    assert sorted(p.name for p in tmp_path.glob("db.duckdb*")) in (["db.duckdb"],
                                                                    ["db.duckdb", "db.duckdb.lock"])
