"""Trends: an indicator over the years for chosen areas, the gemeente and each buurttype."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, components, corporations, state, tables
from dashboard.context import TYPE_PLURAL
from metrics import aggregate, references

ctx = state.context()
t = state.t
view, indicator = ctx.view, ctx.indicator
st.title(t("Trends: {naam}", naam=indicator["name"]))

choices = ctx.areas[ctx.areas["level"].isin(["buurt", "wijk"])]
st.multiselect(
    t("Gebieden (maximaal 5)"),
    list(choices.index),
    format_func=lambda c: f"{choices.loc[c, 'name']} ({t(choices.loc[c, 'level'])})",
    max_selections=5,
    placeholder=t("Kies buurten of wijken"),
    **state.bind("gebieden"),
)
scope = tables.Scope(
    obs=ctx.observations(tuple(dict.fromkeys([view.indicator, "inwoners"]))),
    areas=ctx.areas.reset_index(drop=True),
    types=ctx.types,
    catalogue=ctx.catalogue,
    sources=ctx.sources,
)
# Buurt rows plus wijk rows (a wijk can be chosen too); wijk_values gives only the wijk rows.
wijk_rows = tables.wijk_values(scope.obs, scope.areas, scope.catalogue)
obs = pd.concat(
    [scope.obs[~scope.obs["area_code"].isin(wijk_rows["area_code"])], wijk_rows], ignore_index=True
)
ind = obs[obs["indicator_id"] == view.indicator]
inside = tables.in_filter(scope, "buurt", view.buurttype)
weights = tables.weights(scope.obs)

dominant = ind["source"].mode().iloc[0] if not ind.empty else ""
selection = [c for c, ok in inside.items() if ok]


def with_reference(part: pd.DataFrame, among: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    """Apply the reference to `part`, computed among `among` (so ranks see every area)."""
    result, legend = references.apply_reference(
        among, view.referentie, areas=scope.areas, buurttypes=scope.types, weights=weights,
        catalogue=scope.catalogue, base_period=view.nulmeting, selection=selection,
        reference_obs=obs,
    )
    keep = result.merge(part[["area_code", "period"]].drop_duplicates(), on=["area_code", "period"])
    return keep, legend


series = []
gem = aggregate.gemeente_reference(ind, scope.areas, weights, scope.catalogue)
peers = aggregate.buurttype_reference(ind, scope.areas, scope.types, weights, scope.catalogue)
averages = [(gem, t("Gemeente {naam}", naam=ctx.gemeente_name), "gemeente")] + [
    (peers[peers["type"] == b], t("Gemiddelde {typen}", typen=t(TYPE_PLURAL[b])), "buurttype")
    for b in view.buurttype
]
legend = None
for part, label, kind in averages:
    if part.empty:
        continue
    # An average stands in for the gemeente as a whole: compared with the gemeente's figure.
    part = part.assign(area_code=view.gemeente, source=dominant)
    done, legend = with_reference(part, part)
    series.append(done.assign(reeks=label, soort=kind))
for code in view.gebieden:
    level_rows = ind[ind["area_code"].str[:2] == code[:2]]
    done, legend = with_reference(ind[ind["area_code"] == code], level_rows)
    series.append(done.assign(reeks=str(ctx.areas.loc[code, "name"]), soort="gebied"))
shown = pd.concat(series, ignore_index=True) if series else ind.iloc[0:0].assign(shown=None)
if legend is None:
    legend = references.reference_legend(view.referentie, indicator, view.nulmeting)
shown = shown.reindex(columns=list(dict.fromkeys([*shown.columns, "n", "ci_low", "ci_high"])))
shown = shown.assign(
    waarde_tekst=[references.format_shown(v, view.referentie, indicator) for v in shown["shown"]],
    bron_tekst=tables.source_text(shown["source"], ctx.sources).fillna(""),
)
if view.referentie != "waarde":
    shown[["ci_low", "ci_high"]] = float("nan")  # margins belong to raw values only
bands = corporations.project_bands(ctx.projects(), list(view.gebieden))
if shown["shown"].notna().any():
    st.altair_chart(
        charts.trend_chart(
            shown, title=legend.title, y_title=legend.unit,
            decimals=int(indicator["decimals"]), nulmeting=view.nulmeting, projects=bands,
        ),
        width="stretch",
    )
    st.caption(
        t("Lijnen per jaar: de gekozen gebieden, de gemeente en het gemiddelde per buurttype "
          "(gewogen naar inwoners).") + f" {legend.caption} "
        + t("Banden tonen de 95%-marge waar bekend.")
        + (" " + t("Grijze vlakken: de looptijd van {n} projecten in de gekozen gebieden, met een "
                   "lijn bij de start (zie de tabel eronder).", n=len(bands))
           if not bands.empty else "")
    )
    if not bands.empty:
        components.table_with_downloads(
            corporations.project_rows(ctx.scope(), ctx.projects(), list(view.gebieden)),
            "projecten in de gekozen gebieden")
else:
    st.info(t("Voor deze keuze zijn geen waarden beschikbaar."))
components.synthetic_banner(bool(shown["synthetic"].eq(True).any()))
shown = shown.reindex(columns=list(dict.fromkeys([*shown.columns, "suppressed"])))
table = shown.assign(
    eenheid=legend.unit,
    synthetisch=shown["synthetic"].eq(True).map({True: "ja", False: "nee"}),
    onderdrukt=shown["suppressed"].eq(True).map({True: "ja", False: "nee"}),
)[["reeks", "period", "waarde_tekst", "shown", "eenheid", "n", "ci_low", "ci_high", "synthetisch",
   "onderdrukt", "bron_tekst"]]
components.table_with_downloads(
    table.rename(columns={"reeks": "Reeks", "period": "Jaar", "waarde_tekst": "Weergave",
                          "shown": "Waarde", "eenheid": "Eenheid", "ci_low": "Ondergrens",
                          "ci_high": "Bovengrens", "synthetisch": "Synthetisch",
                          "onderdrukt": "Onderdrukt", "bron_tekst": "Bron"}),
    f"trend-{view.indicator}",
)
