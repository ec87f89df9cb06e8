"""Pure export helpers: a frame in, CSV or XLSX bytes out. No streamlit.

CSV is written the way Dutch spreadsheet programs open it directly: UTF-8 with BOM, semicolon
separator, decimal comma. Text cells that a spreadsheet would run as a formula (starting with =, +,
-, @, tab or carriage return) get a leading apostrophe, so a hostile name can never execute.
"""

from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed number as the app words it ("-0,8", "-2,1%", "-2,6 per 1.000 woningen sinds 2014",
# "+9,2 procentpunt (synthetisch)") is no formula: after the number come only words, digits,
# separators and brackets. A formula needs an operator, a reference sign or a function call
# (a letter directly before a bracket), and any of those gets the apostrophe. A bare "+1" too.
_SIGNED_NUMBER = re.compile(r"(-\d[\d.,]*|\+\d[\d.,]*(?=\s*[%a-z(±]))(?P<rest>.*)", re.DOTALL)
_FORMULA_SIGNS = re.compile(r"[=+\-*/^&|!\"'@;$<>\t\r\n:]|[A-Za-z]\(")


def neutralise(value: object) -> object:
    """Make a text cell inert in a spreadsheet; numbers and missing values pass unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    worded = _SIGNED_NUMBER.fullmatch(value)
    if worded and not _FORMULA_SIGNS.search(worded["rest"]):
        return value
    return "'" + value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    text = _safe(frame).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "Gegevens") -> bytes:
    buffer = io.BytesIO()
    safe = _safe(frame)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31])
        worksheet = writer.sheets[sheet[:31]]
        # Strings that start with "'" would otherwise be stored as formulas by nothing; force text.
        for row in worksheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for index, column in enumerate(safe.columns, start=1):
            width = min(60, max(10, len(str(column)) + 2))
            worksheet.column_dimensions[worksheet.cell(1, index).column_letter].width = width
    return buffer.getvalue()
