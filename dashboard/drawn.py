"""What data.replayed draws: tables and charts from plain st elements, no widgets, no data reads.

A module of its own so that the cache (dashboard.data) can call these without importing
dashboard.components, which calls the cache (no import loop). components re-exports them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import tables


def styled_dataframe(frame: pd.DataFrame, height: int | None = None,
                     column_config: dict | None = None, taal: str = "nl") -> None:
    """The table itself, drawn (components.dataframe replays it through data.replayed); dates
    with their month in the page's language."""
    formats = tables.display_formats(frame, taal)
    gaps = [c for c in frame.columns if frame[c].isna().all() or (
        frame[c].isna().any() and not pd.api.types.is_numeric_dtype(frame[c]))]
    if gaps:
        frame = frame.copy()
        for column in gaps:
            show = formats.get(column, str)
            frame[column] = [
                "–" if pd.isna(value) else show(value) for value in frame[column]
            ]
    styled = frame.style.format(na_rep="–").format(
        {c: f for c, f in formats.items() if c not in gaps}, na_rep="–"
    )
    st.dataframe(styled, hide_index=True, width="stretch", height=height or "auto",
                 column_config=column_config)


def altair_chart(frame: pd.DataFrame, kind: str, width: str | None = None,
                 height: int | None = None, **options: object) -> None:
    """The chart itself, drawn (components.chart replays it through data.replayed)."""
    from dashboard import charts

    size = {k: v for k, v in (("width", width), ("height", height)) if v is not None}
    chart = getattr(charts, kind)(frame, **options)
    if isinstance(chart, charts.Spec):  # written as Vega-Lite already: no Altair needed
        st.vega_lite_chart(chart.to_dict(), **size)
    else:
        st.altair_chart(chart, **size)


def comparison_tables(wide: pd.DataFrame, marks: dict, columns: dict, direction_of: dict,
                      headings: dict, labels: dict | None = None) -> None:
    """The comparison page's tables, one per theme, with the notable cells shaded (the
    'Opvallend' column says the same in words). Replayed through data.replayed.

    labels: the fixed columns' headers in the page's language (the columns keep their Dutch
    names, which the shading looks up)."""
    labels = labels or {}

    def highlight(row):  # background per notable cell; 'Opvallend' says the same in words
        out = []
        for column in row.index:
            code = next((c for c, label in columns.items() if label == column), None)
            mark = marks.get((row["Indicator"], code), "") if code else ""
            best = {"hoger_beter": "hoog", "lager_beter": "laag"}.get(
                direction_of.get(row["Indicator"]))
            colour = "" if not mark or not best else (
                "background-color: #d8daeb" if mark == best else "background-color: #fee0b6")
            out.append(colour)
        return out

    for key, heading in headings.items():
        rows = wide[wide["Thema"] == key].drop(columns=["Thema"])
        if rows.empty:
            continue
        st.subheader(heading)
        st.dataframe(rows.style.apply(highlight, axis=1), hide_index=True, width="stretch",
                     column_config={
                         **{c: st.column_config.TextColumn(label=lab) for c, lab in labels.items()},
                         "Indicator": st.column_config.TextColumn(
                             labels.get("Indicator", "Indicator"), width=280),
                         "Jaar": st.column_config.NumberColumn(
                             labels.get("Jaar", "Jaar"), format="%d", width=50)})
