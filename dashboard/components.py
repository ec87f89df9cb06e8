"""Small Streamlit building blocks shared by pages: downloads, legends, source lines, captions.

Everything text-like that comes from data is escaped before it reaches HTML.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

from dashboard import data, exports
from dashboard.maps import LegendItem


def plain(text: str) -> str:
    """Text from data shown through markdown as literal text (no links, emphasis or HTML)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~])", r"\\\1", text)


LARGE_DOWNLOAD_ROWS = 2_000


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "tabel"


def table_with_downloads(frame: pd.DataFrame, name: str, *, caption: str | None = None,
                         height: int | None = None) -> None:
    """Show a table and offer it as CSV and XLSX (same columns, Dutch names)."""
    if caption:
        st.caption(caption)
    st.dataframe(frame, hide_index=True, width="stretch", height=height or "auto")
    download_buttons(frame, name)


def download_buttons(frame: pd.DataFrame, name: str) -> None:
    """CSV and XLSX of a frame (for a table shown in another form, e.g. with small charts)."""
    slug = _slug(name)
    left, right, _ = st.columns([1, 1, 4])
    # A large table (a national map has over 10.000 rows) is written only when its button is
    # clicked: building an Excel file of that size on every rerun took seconds.
    large = len(frame) > LARGE_DOWNLOAD_ROWS
    left.download_button(
        "Download CSV",
        (lambda: exports.to_csv_bytes(frame)) if large else data.csv_bytes(frame),
        file_name=f"{slug}.csv",
        mime="text/csv",
        key=f"csv_{slug}",
        icon=":material/download:",
    )
    right.download_button(
        "Download Excel",
        (lambda: exports.to_xlsx_bytes(frame)) if large else data.xlsx_bytes(frame),
        file_name=f"{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{slug}",
        icon=":material/download:",
    )


def legend(items: list[LegendItem], title: str, extra: list[LegendItem] | None = None) -> None:
    """A legend that names every class (colour is never the only carrier of meaning)."""
    rows = [f"<div style='font-weight:600;margin-bottom:4px'>{html.escape(title)}</div>"]
    for item in [*items, *(extra or [])]:
        rows.append(
            "<div style='display:flex;align-items:center;gap:8px;margin:2px 0'>"
            f"<span style='display:inline-block;width:22px;height:14px;background:{item.colour};"
            "border:1px solid #555'></span>"
            f"<span>{html.escape(item.label)}</span></div>"
        )
    st.html("<div role='list' aria-label='Legenda'>" + "".join(rows) + "</div>")


def synthetic_banner(has_synthetic: bool) -> None:
    if has_synthetic:
        st.warning(
            "Deze weergave bevat **synthetische demogegevens**: gegenereerde waarden, geen echte "
            "metingen. Ze zijn gemarkeerd met 'synthetisch' in tabellen, tooltips en downloads.",
            icon=":material/science:",
        )


def sources_footer(lines: list[str]) -> None:
    unique = list(dict.fromkeys(line for line in lines if line))
    if unique:
        st.caption("Bronnen: " + "; ".join(unique) + ".")
