"""Vergelijken: two to five buurten or wijken side by side per theme, table and chart."""

from __future__ import annotations

import streamlit as st

from dashboard import components, data, i18n, profiles, state
from dashboard.context import THEME_LABELS

ctx = state.context()
t = state.t
view = ctx.view
choices = ctx.area_choices()[0]  # wijken first, by name; cached

st.title(t("Vergelijken"))
st.multiselect(
    t("Gebieden (2 tot 5 buurten of wijken)"),
    ctx.area_codes(),  # plain text: 14.000 options nationally
    format_func=ctx.area_labels("{naam} (" + t("Wijk").lower() + ")",
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

with st.spinner(t("Vergelijking berekenen…")):  # in the page's language (not in data.py)
    long = ctx.comparison(tuple(codes))
if long.empty:
    st.warning(t("Voor deze gebieden zijn geen cijfers geladen."))
    st.stop()
st.caption(t(
    "{n} gebieden in {gemeente}, per indicator in hetzelfde jaar (het laatste jaar met cijfers). "
    "'Opvallend' noemt het beste en het minste gebied als het verschil groter is dan toeval "
    "(getoetst met de marges of het aantal respondenten; anders indicatief, vanaf 5%). Een "
    "verschil zegt niets over de oorzaak.", n=len(codes), gemeente=ctx.gemeente_name,
))
components.synthetic_banner(bool((long["Synthetisch"] == "ja").any()))

theme = view.thema if view.thema in set(long["theme"]) else str(long["theme"].iloc[0])
part = long[long["theme"] == theme]
st.subheader(t("Grafiek: {thema}", thema=t(THEME_LABELS[theme])))
components.chart(
    "comparison_chart", part.assign(Weergave=part["kort"]),
    title=t("{thema}: de gekozen gebieden naast elkaar", thema=t(THEME_LABELS[theme])),
    taal=view.taal,
)
st.caption(t(
    "Per indicator van het thema {thema} een balk per gebied, met de waarde erbij; de "
    "gestippelde lijn is de gemeente. Elke indicator heeft een eigen schaal. Kies een ander "
    "thema in de zijbalk.", thema=t(THEME_LABELS[theme]).lower(),
))

wide = profiles.comparison_wide(long)
labelled = long.assign(Indicator=[profiles.row_label(n, u) for n, u in zip(
    long["Indicator"], long["Eenheid"], strict=True)])
columns = profiles.column_labels(long)
if view.taal != "nl":
    # On screen in the page's language: units, the 'Opvallend' words, '(wijk)', 'onderdrukt'.
    # Rows and columns are looked up by these labels for the shading, so both sides change
    # alike; the download stays Dutch.
    own = {label: label.replace(" (wijk)", f" ({t('wijk')})") for label in columns.values()}
    columns = {code: own[label] for code, label in columns.items()}
    wide = wide.rename(columns=own)
    words = [c for c in wide.columns if c != "Thema"]  # Thema holds the keys the tables split on
    wide[words] = components.translated_cells(wide[words], view.taal)
    labelled["Indicator"] = labelled["Indicator"].map(lambda s: i18n.translate_cell(s, view.taal))


# One table per theme, drawn once per comparison and replayed from the cache after that.
data.replayed("comparison_tables", wide, (
    ("marks", dict(zip(zip(labelled["Indicator"], labelled["Code"], strict=True),
                       labelled["mark"], strict=True))),
    ("columns", columns),
    ("direction_of", dict(zip(labelled["Indicator"],
                              labelled["indicator_id"].map(ctx.catalogue["direction"]),
                              strict=True))),
    ("headings", {key: t(label) for key, label in THEME_LABELS.items()}),
    ("labels", {c: t(c) for c in ("Indicator", "Jaar", "Gemeente", "Opvallend")}),
))
st.caption(t("Paars: het beste gebied, oranje: het minste, alleen waar het verschil opvalt; "
             "de kolom 'Opvallend' zegt hetzelfde in woorden. (synth.): synthetisch demogegeven. "
             "De download bevat per waarde de eenheid, het jaar, de bron en of ze synthetisch of "
             "onderdrukt is."))
components.download_buttons(long[profiles.COMPARE_COLUMNS], "vergelijking")
