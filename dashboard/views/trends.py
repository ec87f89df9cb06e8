"""Trends: an indicator over the years for chosen areas, the gemeente and each buurttype."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, i18n, signals, state, tables
from dashboard.context import TYPE_PLURAL
from metrics import references

ctx = state.context()
t = state.t
view, indicator = ctx.view, ctx.indicator
st.title(t("Trends: {naam}", naam=indicator["name"]))

# Labels built once per gemeente and language: a national list has over 14.000 areas.
labels = ctx.area_labels("{naam} (" + t("wijk") + ")", "{naam} (" + t("buurt") + ")")
st.multiselect(
    t("Gebieden (maximaal 5)"),
    ctx.area_codes(),  # plain text: 14.000 options nationally
    format_func=labels.get,
    max_selections=5,
    placeholder=t("Kies buurten of wijken"),
    **state.bind("gebieden"),
)
# Everything that does not depend on the filter is cached per gemeente and indicator (data.py).
ranks_in_filter = view.referentie in tables.SELECTION_REFERENCES
with st.spinner(t("Trends berekenen…")):  # in the page's language (not in data.py's cache)
    averages, legend = ctx.trend_averages()
lines = [("gemeente", t("Gemeente {naam}", naam=ctx.gemeente_name), "gemeente")] + [
    (b, t("Gemiddelde {typen}", typen=t(TYPE_PLURAL[b])), "buurttype") for b in view.buurttype
]
series = [averages[key].assign(reeks=label, soort=kind)
          for key, label, kind in lines if key in averages]
# The chosen areas on their own, or among all areas of their level where the reference ranks.
chosen, chosen_legend = ctx.trend_areas(view.buurttype if ranks_in_filter else None)
legend = legend if chosen_legend is None else chosen_legend
for code in view.gebieden:
    done = chosen[code]
    # Labelled with the level: a wijk and a buurt often share a name but are two lines.
    series.append(done.reset_index(drop=True).assign(reeks=labels.get(code, code),
                                                     soort="gebied"))
shown = (pd.concat(series, ignore_index=True) if series
         else ctx.trend_rows().iloc[0:0].assign(shown=None))
if legend is None:
    legend = references.reference_legend(view.referentie, indicator, view.nulmeting)
# The legend's words come from metrics in Dutch: on screen in the page's language (the table's
# header is translated with the table; its download stays Dutch).
title_shown = i18n.translate_title(legend.title, view.taal)
unit_shown = i18n.translate_unit(legend.unit, view.taal)
shown = shown.reindex(columns=list(dict.fromkeys([*shown.columns, "n", "ci_low", "ci_high"])))
shown = shown.assign(
    waarde_tekst=[references.format_shown(v, view.referentie, indicator) for v in shown["shown"]],
    bron_tekst=tables.source_text(shown["source"], ctx.sources).fillna(""),
)
if view.referentie != "waarde":
    shown[["ci_low", "ci_high"]] = float("nan")  # margins belong to raw values only
bands = corporations.project_bands(ctx.projects(), list(view.gebieden), view.taal)
# Each band names the signals that started its project (they are listed under the chart).
bands, origins = signals.project_origins(ctx, bands)
if shown["shown"].notna().any():
    components.chart(
        "trend_chart", shown, title=title_shown, y_title=unit_shown,
        decimals=int(indicator["decimals"]), nulmeting=view.nulmeting, projects=bands,
        taal=view.taal, width="stretch",
    )
    st.caption(
        t("Lijnen per jaar: de gekozen gebieden, de gemeente en het gemiddelde per buurttype "
          "(gewogen naar inwoners).") + f" {i18n.translate_sentences(legend.caption, view.taal)} "
        + t("Banden tonen de 95%-marge waar bekend.")
        + (" " + t("Driehoekjes boven in de grafiek, met een dunne stippellijn: de start van {n} "
                   "projecten in de gekozen gebieden (wijs ze aan voor de naam; zie de tabel "
                   "eronder).", n=len(bands))
           if len(bands) > 1 else
           " " + t("Een driehoekje boven in de grafiek, met een dunne stippellijn: de start van 1 "
                   "project in de gekozen gebieden (wijs het aan voor de naam; zie de tabel "
                   "eronder).") if len(bands) == 1 else "")
    )
    if not bands.empty:
        rows = corporations.project_rows(ctx.scope(), ctx.projects(), list(view.gebieden))
        components.table_with_downloads(rows.rename(columns=lambda c: t(c)),
                                        "projecten in de gekozen gebieden")
    if not origins.empty:
        st.markdown(f"**{t('Signalen die tot deze projecten leidden')}**")
        st.caption(t("{bron}, stand {datum}.", bron=t(signals.SOURCE_LINE),
                     datum=f"{pd.Timestamp.today():%d-%m-%Y}"))
        register = ctx.projects()
        components.dataframe(signals.origins_table(
            origins, labels, dict(zip(register["project_id"], register["name"], strict=True))))
else:
    st.info(t("Voor deze keuze zijn geen waarden beschikbaar."))
components.synthetic_banner(bool(shown["synthetic"].eq(True).any()))
shown = shown.reindex(columns=list(dict.fromkeys([*shown.columns, "suppressed", "value"])))
# The measured value keeps its own column; a derived number (difference, index, z-score,
# percentile) gets a column named for what it is, never "Waarde".
derived = view.referentie != "waarde"
yes_no = {True: t("ja"), False: t("nee")}
table = shown.assign(
    eenheid=str(indicator["unit"]),
    gemeten=shown["value"] if derived else shown["shown"],
    synthetisch=shown["synthetic"].eq(True).map(yes_no),
    onderdrukt=shown["suppressed"].eq(True).map(yes_no),
)
names = {"reeks": t("Reeks"), "period": t("Jaar"), "gemeten": t("Waarde"),
         "eenheid": t("Eenheid"), "n": "n", "ci_low": t("Ondergrens"), "ci_high": t("Bovengrens")}
if derived:
    names |= {"shown": f"{legend.title}" + (f" ({legend.unit})" if legend.unit and legend.unit
                                            not in legend.title else ""),
              "waarde_tekst": t("Weergave")}
names |= {"synthetisch": t("Synthetisch"), "onderdrukt": t("Onderdrukt"), "bron_tekst": t("Bron")}
components.table_with_downloads(table[list(names)].rename(columns=names),
                                f"trend-{view.indicator}")
