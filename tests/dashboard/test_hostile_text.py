"""Hostile text stays text: area and indicator names with HTML or spreadsheet formulas are shown
literally in tables, the map and downloads, and every query parameter is bound, never pasted into
SQL: hostile addresses give a notice, no exception, and leave the database byte for byte as it was."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from pathlib import Path

import pandas as pd
import pytest
from app_walk import PAGES, copy_database, record_downloads, run, seen, xlsx_cells
from map_args import map_args

from dashboard import components, exports, share, state
from dashboard.map_component import spec

SCRIPT = "<script>alert('buurt')</script>Markt"
IMG = "<img src=x onerror=alert(1)>Weverstraat"
FORMULA = '=HYPERLINK("http://voorbeeld.invalid","klik")'
AT_SIGN = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+31 Stationsplein"
LINK = "[klik hier](javascript:alert(1)) **Centrum**"
LABEL = "<b onmouseover=alert(1)>Leefbaarometerscore</b>"
NAMES = {"BU02020100": SCRIPT, "BU02020101": IMG, "BU02020102": FORMULA, "BU02020103": AT_SIGN,
         "BU02020104": PLUS, "WK020201": LINK}
SELECTED = "BU02020100,BU02020101,BU02020102,BU02020103,BU02020104"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def hostile_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database as a careless or hostile source could leave it."""
    statements = [("UPDATE areas SET name = ? WHERE code = ?", [name, code])
                  for code, name in NAMES.items()]
    statements.append(("UPDATE indicators SET name = ? WHERE id = 'lbm_score'", [LABEL]))
    return copy_database(demo_db, tmp_path_factory.mktemp("vijandig") / "demo.duckdb", *statements)


@pytest.fixture()
def hostile_app(hostile_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BUURTMONITOR_DB", str(hostile_db))
    record_downloads(monkeypatch)
    return hostile_db


def _assert_inert(name: str, data: bytes) -> None:
    """No cell of a download would run as a spreadsheet formula (a PDF has no cells)."""
    if data.startswith(b"%PDF"):
        return
    if data.startswith(b"PK"):
        for cell in xlsx_cells(data):
            assert cell.data_type != "f", f"{name}: formule in {cell.coordinate}"
            if isinstance(cell.value, str):
                assert exports.neutralise(cell.value) == cell.value, f"{name}: {cell.value!r}"
        return
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"):
        for cell in row:
            assert exports.neutralise(cell) == cell, f"{name}: {cell!r}"


@pytest.mark.parametrize("page", list(PAGES))
def test_hostile_names_are_shown_as_text_and_downloads_never_run_a_formula(hostile_app, page):
    at = run(page, gebieden=SELECTED, buurt="BU02020100", indicator="lbm_score")
    assert not at.exception, at.exception
    shown = seen(at)
    for html_block in shown.of_type("html"):  # the only element that renders HTML
        # The page's own markup (e.g. the briefing's small trend images, the share link's copy
        # button and its script) may use tags; the hostile names may only arrive escaped.
        html_block = html_block.replace(share.COPY_SCRIPT, "")
        assert "<script" not in html_block and "onerror" not in html_block
        assert "<b onmouseover" not in html_block
    for name, data in shown.downloads.items():
        _assert_inert(name, data)
    tables = "\n".join(shown.of_type("dataframe"))
    if page in {"kaart", "vergelijken"}:
        # The names reach the tables as they are, where the grid shows them as plain text.
        assert SCRIPT in tables and IMG in tables and '=HYPERLINK(""http://' in tables
        # ... and reach the downloads neutralised.
        everything = "\n".join(shown.downloads[n].decode("utf-8-sig") for n in shown.downloads
                               if not shown.downloads[n].startswith(b"PK"))
        assert "'" + FORMULA.replace('"', '""') in everything or "'" + FORMULA in everything
        assert "'" + AT_SIGN in everything
    for markdown in shown.of_type("markdown"):
        assert "](javascript:" not in markdown, markdown


def test_the_map_tooltip_renders_names_as_text_not_html(hostile_app):
    at = run("kaart", indicator="lbm_score")
    assert not at.exception, at.exception
    # The component writes its tooltip with textContent (never as HTML): the names arrive as
    # they are, and the frontend has no innerHTML at all.
    args = map_args(at)
    names = [line[0] for line in args["texts"]["lines"]]
    assert SCRIPT in names and IMG in names
    script = (Path(spec.__file__).parent / "frontend" / "main.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "tip.textContent" in script


@pytest.mark.parametrize("value", [FORMULA, AT_SIGN, PLUS, "-2+3", "\t=1+1", "\r=1+1"])
def test_a_text_cell_that_a_spreadsheet_would_run_is_neutralised_in_csv_and_xlsx(value):
    frame = pd.DataFrame({"Gebied": [value], "Waarde": [-0.8], "Tekst": ["-2,1%"]})
    rows = list(csv.reader(io.StringIO(exports.to_csv_bytes(frame).decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1][0] == "'" + value
    assert rows[1][1] == "-0,8" and rows[1][2] == "-2,1%"  # numbers stay numbers
    cells = xlsx_cells(exports.to_xlsx_bytes(frame))
    gebied = next(c for c in cells if c.coordinate == "A2")
    # (openpyxl reads a stored carriage return back as a line feed)
    assert gebied.value.startswith("'") and gebied.data_type == "s"
    assert next(c for c in cells if c.coordinate == "B2").value == -0.8


def test_text_from_data_is_inert_in_markdown():
    assert components.plain("[klik](javascript:x) <b>*$x$*</b>") == (
        r"\[klik\]\(javascript:x\) \<b\>\*\$x\$\*\</b\>")


# --- Query parameters -------------------------------------------------------------------------

PARAMS = [f.name for f in dataclasses.fields(state.View) if f.name != "notices"]
HOSTILE = {
    "sql": "'; DROP TABLE observations; --",
    "html_en_unicode": "<script>alert(1)</script> Ĳsselmonde 🏘️ \u202egnirts\u0000",
    "lang": "x" * 5000,
}


@pytest.fixture(scope="module")
def param_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_database(demo_db, tmp_path_factory.mktemp("params") / "demo.duckdb")


@pytest.mark.parametrize("hostile", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("page", list(PAGES))
def test_hostile_query_params_fall_back_with_a_notice_and_leave_the_database_unchanged(
        param_db, monkeypatch, page, hostile):
    monkeypatch.setenv("BUURTMONITOR_DB", str(param_db))
    before = _sha(param_db)
    at = run(page, **{name: hostile for name in PARAMS})
    assert not at.exception, at.exception
    assert at.title, "de pagina toont haar titel"
    notices = "\n".join(w.value for w in at.warning)
    for name in PARAMS:
        if name == "gebieden":
            assert "Niet alle gekozen gebieden bestaan" in notices
        else:
            assert f"voor '{name}' bestaat niet" in notices, name
    assert hostile[:40] not in " ".join(at.query_params.values())
    assert _sha(param_db) == before
