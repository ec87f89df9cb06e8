"""Small Streamlit building blocks shared by pages: downloads, legends, source lines, captions.

Everything text-like that comes from data is escaped before it reaches HTML.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import data, exports, i18n, state
from dashboard.drawn import altair_chart, comparison_tables, styled_dataframe  # noqa: F401

if TYPE_CHECKING:  # dashboard.maps loads pydeck: only the pages with a map need it
    from dashboard.maps import LegendItem


def plain(text: str) -> str:
    """Text from data shown through markdown as literal text (no links, emphasis, HTML or $math$)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~$])", r"\\\1", text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "tabel"


def table_with_downloads(frame: pd.DataFrame, name: str, *, caption: str | None = None,
                         height: int | None = None, key: tuple | None = None) -> None:
    """Show a table and offer it as CSV and XLSX (same columns, Dutch names).

    key: for a frame a shared resource hands out (the same object, never changed, on every
    rerun), a tuple that names its content (the resource's arguments and which table); the
    table is then found by that name instead of by hashing the frame.
    """
    if caption:
        st.caption(caption)
    taal = state.context().view.taal
    if taal == "nl":
        dataframe(frame, height=height, key=key)
    else:  # headers and short words on screen in the chosen language; the files stay Dutch
        dataframe(translated_headers(frame, taal), height=height,
                  key=None if key is None else (*key, taal))
        st.caption(state.t("De tabel toont kolomnamen in het Engels; de downloads houden de "
                           "Nederlandse kolomnamen."))
    download_buttons(frame, name, note=False)  # the caption above says it already


def translated_headers(frame: pd.DataFrame, taal: str) -> pd.DataFrame:
    """The frame with its column names (and the yes/no and unit words in its text cells) in the
    chosen language, for the table on screen; downloads keep the Dutch names."""
    if taal != "en":
        return frame
    out = frame.rename(columns={c: _header(str(c), taal) for c in frame.columns})
    return translated_cells(out, taal)


def translated_cells(frame: pd.DataFrame, taal: str) -> pd.DataFrame:
    """The frame's short text cells ('verbeterd', '2,1 · beter') in the chosen language."""
    if taal != "en":
        return frame
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: i18n.translate_cell(v, taal))
    return out


def _header(column: str, taal: str) -> str:
    year = re.fullmatch(r"Waarde (\d{4})", column)
    if year:
        return i18n.translate("Waarde {jaar}", taal, jaar=year[1])
    if column.startswith("Gemeten: "):
        return i18n.translate("Gemeten: {naam}", taal,
                              naam=i18n.translate_title(column.removeprefix("Gemeten: "), taal))
    return i18n.translate_title(column, taal)


def download_buttons(frame: pd.DataFrame, name: str, note: bool = True) -> None:
    """CSV and XLSX of a frame (for a table shown in another form, e.g. with small charts). In
    another language than Dutch a note says the files are Dutch (note=False where a caption
    says so already)."""
    slug = _slug(name)
    if note and state.context().view.taal != "nl":
        st.caption(state.t("De downloads zijn in het Nederlands (kolomnamen en woorden), zoals "
                           "de monitor ze vastlegt."))
    # One row holding both buttons (fewer elements per rerun than columns). Each file is written
    # when its button is clicked, not on every page's first opening or filter change: an Excel
    # file cost its library's import (about half a second) and tens of milliseconds per table,
    # and a national table seconds, for downloads most visits never make. A click does not
    # rerun the page: a rerun would replace the other button's file while a quick second click
    # still asked for the old one.
    row = st.container(horizontal=True)
    row.download_button(
        "Download CSV",
        lambda: exports.to_csv_bytes(frame),
        file_name=f"{slug}.csv",
        mime="text/csv",
        key=f"csv_{slug}",
        icon=":material/download:",
        on_click="ignore",
    )
    row.download_button(
        "Download Excel",
        lambda: exports.to_xlsx_bytes(frame),
        file_name=f"{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{slug}",
        icon=":material/download:",
        on_click="ignore",
    )


def dataframe(frame: pd.DataFrame, *, height: int | None = None,
              column_config: dict | None = None, key: tuple | None = None) -> None:
    """A table on screen with numbers in Dutch notation (the data itself stays numeric).

    The grid draws an empty cell as the English word 'None' whatever the display text says, so a
    text column with gaps, or a column that is empty throughout, is shown with a dash for the
    gaps. A numeric column with some gaps keeps its numbers, so it still sorts as numbers (its
    gaps then show greyed out; a 'Weergave' column beside it says why a value is missing).
    """
    # Dutch notation costs about 0,3 ms per cell (a national map table: seconds). A table is
    # drawn once per distinct content and replayed from the cache on later reruns (a filter
    # change that leaves a table as it was then costs only the hash of its rows).
    options = (("height", height), ("column_config", column_config))
    taal = state.language()
    if taal != "nl":  # the months of dates in the page's language (the Dutch key unchanged)
        options = (*options, ("taal", taal))
    if key is not None:  # a shared resource's frame, named by key (see table_with_downloads)
        data.replayed_as("styled_dataframe", key, options, frame)
    else:
        data.replayed("styled_dataframe", frame, options)


def chart(kind: str, frame: pd.DataFrame, **options: object) -> None:
    """An Altair chart from dashboard.charts (`kind` names the function), drawn once per distinct
    data and options and replayed from the cache after that: building and validating a chart
    specification takes tens of milliseconds on every rerun otherwise."""
    data.replayed("altair_chart", frame, (("kind", kind), *sorted(options.items())))


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


def upload_box_words(kinds: list[str], *, several: bool) -> None:
    """The words inside an upload box in Dutch when the page is Dutch: Streamlit writes them
    ('Upload', '200MB per file') in English and has no setting for them, so they are replaced
    through the page's style (one upload box per page; in English they stay as they are)."""
    if state.context().view.taal != "nl":
        return
    limit = st.get_option("server.maxUploadSize")
    listed = ", ".join(kind.upper() for kind in kinds)
    button = "Bestanden kiezen" if several else "Bestand kiezen"
    box = "[data-testid='stFileUploaderDropzone']"
    st.html(
        "<style>"
        f"{box} [data-testid='stFileUploaderDropzoneInstructions'] span {{display: none}}"
        f"{box} [data-testid='stFileUploaderDropzoneInstructions'] > div::after {{"
        f"content: 'Maximaal {limit} MB per bestand • {listed}'; font-size: 0.875rem; "
        "opacity: 0.6}"
        f"{box} button [data-testid='stMarkdownContainer'] p {{display: none}}"
        f"{box} button [data-testid='stMarkdownContainer']::after {{content: '{button}'}}"
        "</style>"
    )


def synthetic_banner(has_synthetic: bool) -> None:
    if has_synthetic:
        st.warning(
            state.t("Deze weergave bevat **synthetische demogegevens**: gegenereerde waarden, geen "
                    "echte metingen. Ze zijn gemarkeerd met 'synthetisch' in tabellen, tooltips en "
                    "downloads."),
            icon=":material/science:",
        )


def sources_footer(lines: list[str]) -> None:
    unique = list(dict.fromkeys(line for line in lines if line))
    if unique:
        st.caption(state.t("Bronnen") + ": " + "; ".join(unique) + ".")
