"""Trends: an indicator over the years for chosen areas, the gemeente and each buurttype."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, components, state, tables
from dashboard.context import TYPE_PLURAL
from metrics import aggregate, references

ctx = state.context()
view, indicator = ctx.view, ctx.indicator
st.title(f"Trends: {indicator['name']}")

choices = ctx.areas[ctx.areas["level"].isin(["buurt", "wijk"])]
st.multiselect(
    "Gebieden (maximaal 5)",
    list(choices.index),
    format_func=lambda c: f"{choices.loc[c, 'name']} ({choices.loc[c, 'level']})",
    max_selections=5,
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
series = []
gem = aggregate.gemeente_reference(ind, scope.areas, weights, scope.catalogue)
series.append(gem.assign(reeks=f"Gemeente {ctx.gemeente_name}", soort="gemeente",
                         source=dominant))
peers = aggregate.buurttype_reference(ind, scope.areas, scope.types, weights, scope.catalogue)
for t in view.buurttype:
    part = peers[peers["type"] == t]
    if not part.empty:
        series.append(part.assign(reeks=f"Gemiddelde {TYPE_PLURAL[t]}", soort="buurttype",
                                      source=dominant))
for code in view.gebieden:
    part = ind[ind["area_code"] == code]
    series.append(part.assign(reeks=str(ctx.areas.loc[code, "name"]), soort="gebied"))
frame = pd.concat(series, ignore_index=True)
frame = frame.assign(area_code=frame.get("area_code", pd.Series(dtype=str)).fillna(frame["reeks"]))
shown, legend = references.apply_reference(
    frame, view.referentie, areas=scope.areas, buurttypes=scope.types, weights=weights,
    catalogue=scope.catalogue, base_period=view.nulmeting,
    selection=[c for c, ok in inside.items() if ok], reference_obs=obs,
)
shown = shown.reindex(columns=list(dict.fromkeys([*shown.columns, "n", "ci_low", "ci_high"])))
shown = shown.assign(
    waarde_tekst=[references.format_shown(v, view.referentie, indicator) for v in shown["shown"]],
    bron_tekst=tables.source_text(shown["source"], ctx.sources).fillna(""),
)
if view.referentie != "waarde":
    shown[["ci_low", "ci_high"]] = float("nan")  # margins belong to raw values only
if shown["shown"].notna().any():
    st.altair_chart(
        charts.trend_chart(
            shown, title=legend.title, y_title=legend.unit,
            decimals=int(indicator["decimals"]), nulmeting=view.nulmeting,
        ),
        width="stretch",
    )
    st.caption(
        f"Lijnen per jaar: de gekozen gebieden, de gemeente en het gemiddelde per buurttype "
        f"(gewogen naar inwoners). {legend.caption} Banden tonen de 95%-marge waar bekend."
    )
else:
    st.info("Voor deze keuze zijn geen waarden beschikbaar.")
components.synthetic_banner(bool(shown["synthetic"].fillna(False).astype(bool).any()))
table = shown[["reeks", "period", "waarde_tekst", "shown", "n", "ci_low", "ci_high", "bron_tekst"]]
components.table_with_downloads(
    table.rename(columns={"reeks": "Reeks", "period": "Jaar", "waarde_tekst": "Weergave",
                          "shown": "Waarde", "ci_low": "Ondergrens", "ci_high": "Bovengrens",
                          "bron_tekst": "Bron"}),
    f"trend-{view.indicator}",
)
