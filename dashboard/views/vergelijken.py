"""Vergelijken: two to five buurten or wijken side by side per theme, table and chart."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, data, profiles, state
from dashboard.context import THEME_LABELS

ctx = state.context()
t = state.t
view = ctx.view
areas = ctx.areas
choices = areas[areas["level"].isin(["buurt", "wijk"])].sort_values(["level", "name"])

st.title(t("Vergelijken"))
st.multiselect(
    t("Gebieden (2 tot 5 buurten of wijken)"),
    list(choices.index),
    format_func=data.area_labels(ctx.version, view.gemeente, "{naam} (" + t("Wijk").lower() + ")",
                                 "{naam} (" + t("buurt") + ")").get,
    max_selections=state.MAX_COMPARE,
    placeholder=t("Kies buurten of wijken"),
    **state.bind("gebieden"),
)
codes = [c for c in view.gebieden if c in choices.index]
if len(codes) < 2:
    st.info(t("Kies minstens twee gebieden om ze naast elkaar te zetten (bijvoorbeeld twee buurten "
              "en hun wijk)."))
    st.stop()

long = ctx.comparison(tuple(codes))
if long.empty:
    st.warning("Voor deze gebieden zijn geen cijfers geladen.")
    st.stop()
st.caption(
    f"{len(codes)} gebieden in {ctx.gemeente_name}, per indicator in hetzelfde jaar (het laatste "
    "jaar met cijfers). 'Opvallend' noemt het beste en het minste gebied als het verschil groter "
    "is dan toeval (getoetst met de marges of het aantal respondenten; anders indicatief, vanaf "
    "5%). Een verschil zegt niets over de oorzaak."
)
components.synthetic_banner(bool((long["Synthetisch"] == "ja").any()))

theme = view.thema if view.thema in set(long["theme"]) else str(long["theme"].iloc[0])
part = long[long["theme"] == theme]
st.subheader(t("Grafiek: {thema}", thema=t(THEME_LABELS[theme])))
components.chart(
    "comparison_chart", part.assign(Weergave=part["kort"]),
    title=t("{thema}: de gekozen gebieden naast elkaar", thema=t(THEME_LABELS[theme])),
)
st.caption(
    f"Per indicator van het thema {THEME_LABELS[theme].lower()} een balk per gebied, met de "
    "waarde erbij; de gestippelde lijn is de gemeente. Elke indicator heeft een eigen schaal. "
    "Kies een ander thema in de zijbalk."
)

wide = profiles.comparison_wide(long)
labelled = long.assign(Indicator=[profiles.row_label(n, u) for n, u in zip(
    long["Indicator"], long["Eenheid"], strict=True)])


@st.cache_data(max_entries=32, show_spinner=False)
def comparison_tables(wide: pd.DataFrame, marks: dict, columns: dict, direction_of: dict,
                      headings: dict) -> None:
    """One table per theme, drawn once per comparison and replayed from the cache after that."""

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
                     column_config={"Indicator": st.column_config.TextColumn(width=280),
                                    "Jaar": st.column_config.NumberColumn(format="%d", width=50)})


comparison_tables(
    wide,
    dict(zip(zip(labelled["Indicator"], labelled["Code"], strict=True), labelled["mark"],
             strict=True)),
    profiles.column_labels(long),
    dict(zip(labelled["Indicator"], labelled["indicator_id"].map(ctx.catalogue["direction"]),
             strict=True)),
    {key: t(label) for key, label in THEME_LABELS.items()},
)
st.caption("Paars: het beste gebied, oranje: het minste, alleen waar het verschil opvalt; "
           "de kolom 'Opvallend' zegt hetzelfde in woorden. (synth.): synthetisch demogegeven. "
           "De download bevat per waarde de eenheid, het jaar, de bron en of ze synthetisch of "
           "onderdrukt is.")
components.download_buttons(long[profiles.COMPARE_COLUMNS], "vergelijking")
