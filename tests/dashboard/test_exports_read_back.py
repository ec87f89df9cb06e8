"""Downloads read back as a spreadsheet reads them: numbers are numbers, worded numbers stay
readable text, and only a text that would run as a formula gets an apostrophe."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from app_walk import record_downloads, run, seen

from dashboard import exports

FRAME = pd.DataFrame({
    "Naam": ["Markt", "=HYPERLINK(\"http://x\",\"klik\")", "Klarendal"],
    "Gemeten: Geregistreerde woninginbraken (per 1.000 woningen)": [2.1, 5.6, float("nan")],
    "Verschil met de gemeente (per 1.000 woningen)": [-2.6, 3.5, float("nan")],
    "Sinds nulmeting": ["-2,6 per 1.000 woningen sinds 2014", "+0,4 per 1.000 woningen sinds 2014",
                        "-9,2 procentpunt (synthetisch)"],
    "Jaar": [2024, 2024, 2024],
})


def test_numbers_come_back_as_numbers_from_the_csv() -> None:
    back = pd.read_csv(io.BytesIO(exports.to_csv_bytes(FRAME)), sep=";", decimal=",",
                       encoding="utf-8-sig")
    difference = back["Verschil met de gemeente (per 1.000 woningen)"]
    assert pd.api.types.is_float_dtype(difference)
    assert difference.iloc[0] == pytest.approx(-2.6) and pd.isna(difference.iloc[2])
    assert back["Jaar"].tolist() == [2024, 2024, 2024]
    assert back["Sinds nulmeting"].tolist() == FRAME["Sinds nulmeting"].tolist()  # no apostrophe
    assert back["Naam"].iloc[1].startswith("'=")  # a formula stays inert


def test_numbers_come_back_as_numbers_from_the_xlsx() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(FRAME))).active
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    difference = row["Verschil met de gemeente (per 1.000 woningen)"]
    assert difference.data_type == "n" and difference.value == pytest.approx(-2.6)
    assert row["Jaar"].value == 2024
    assert row["Sinds nulmeting"].value == "-2,6 per 1.000 woningen sinds 2014"
    hostile = {h: c for h, c in zip(header, sheet[3], strict=True)}["Naam"]
    assert hostile.value.startswith("'=") and hostile.data_type == "s"


@pytest.mark.usefixtures("app_env")
def test_the_map_download_holds_the_measured_value_and_the_difference_as_numbers(
        monkeypatch) -> None:
    record_downloads(monkeypatch)
    at = run("kaart", indicator="woninginbraak", referentie="verschil_gemeente")
    files = seen(at).downloads
    csv = next(data for name, data in files.items() if name.endswith(".csv"))
    back = pd.read_csv(io.BytesIO(csv), sep=";", decimal=",", encoding="utf-8-sig")
    measured = "Gemeten: Geregistreerde woninginbraken (per 1.000 woningen)"
    difference = "Verschil met de gemeente (per 1.000 woningen)"
    assert "Waarde" not in back.columns
    assert pd.api.types.is_float_dtype(back[measured])
    assert pd.api.types.is_float_dtype(back[difference])
    assert back[measured].notna().sum() > 10
    xlsx = next(data for name, data in files.items() if name.endswith(".xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    header = [c.value for c in sheet[1]]
    cells = [row[header.index(difference)] for row in sheet.iter_rows(min_row=2)]
    assert any(c.data_type == "n" and isinstance(c.value, float) for c in cells)
    assert not [c for c in cells if isinstance(c.value, str) and c.value.startswith("'")]
