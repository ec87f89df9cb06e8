"""Overzicht: per theme the selection's headline figures against the gemeente, and early warnings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, state, tables
from dashboard.context import THEME_LABELS, TYPE_PLURAL
from metrics import aggregate, early_warning, references

ctx = state.context()
t = state.t
view = ctx.view
cat = ctx.catalogue
headline = tuple(cat.index[cat["headline"].astype(bool)])
scope = tables.Scope(
    obs=ctx.observations(tuple(dict.fromkeys([*headline, "inwoners"]))),
    areas=ctx.areas.reset_index(drop=True),
    types=ctx.types,
    catalogue=cat,
    sources=ctx.sources,
)
chosen = ", ".join(t(TYPE_PLURAL[b]) for b in view.buurttype)
st.title(t("Overzicht {naam}", naam=ctx.gemeente_name))
st.caption(t("Selectie: {keuze}.", keuze=chosen) + f" {ctx.rule_caption()}")
state.link_to("views/briefing.py", t("Briefing (PDF) voor deze selectie"),
              icon=":material/description:", buurt="")
if view.referentie in tables.PER_AREA_REFERENCES:
    st.info(
        t("'{keuze}' vergelijkt gebieden onderling; voor de selectie als geheel toont het "
          "overzicht daarom de waarde zelf. Zie de Kaart voor deze vergelijking.",
          keuze=t(references.REFERENCES[view.referentie]))
    )
inside = tables.in_filter(scope, "buurt", view.buurttype)
members = [c for c, ok in inside.items() if ok]
weights = tables.weights(scope.obs)
sel = aggregate.weighted_mean(
    scope.obs[scope.obs["area_code"].isin(members)], weights,
    pd.Series("selectie", index=members), cat,
)
gem = aggregate.gemeente_reference(scope.obs, scope.areas, weights, cat)

for theme, label in THEME_LABELS.items():
    ids = [i for i in headline if cat.loc[i, "theme"] == theme and i != "inwoners"]
    if not ids:
        continue
    st.subheader(t(label))
    cols = st.columns(len(ids))
    for col, ind in zip(cols, ids, strict=True):
        row = cat.loc[ind]
        mine = sel[sel["indicator_id"] == ind].sort_values("period")
        if mine.empty or mine["value"].isna().all():
            col.metric(row["name"], "–")
            continue
        present = mine.dropna(subset=["value"])
        last = present.iloc[-1]
        base = present[present["period"] == view.nulmeting]
        first = base.iloc[0] if not base.empty else present.iloc[0]
        ref = gem[(gem["indicator_id"] == ind) & (gem["period"] == last["period"])]["value"]
        gem_value = float(ref.iloc[0]) if len(ref) else None
        ref_text = references.format_shown(gem_value, "waarde", row)
        shown, kind = tables.headline_value(
            float(last["value"]), gem_value, float(first["value"]), view.referentie
        )
        one_year = int(first["period"]) == int(last["period"])
        col.metric(
            f"{row['name']} ({int(last['period'])})",
            references.format_shown(shown, kind, row),
            delta=None if one_year else
            references.format_shown(last["value"] - first["value"], "verschil_gemeente", row)
            + " " + t("sinds {jaar}", jaar=int(first["period"])),
            delta_color="normal" if row["direction"] == "hoger_beter"
            else "inverse" if row["direction"] == "lager_beter" else "off",
            help=tables.HEADLINE_HELP[kind],
        )
        # The source of the values shown, not the indicator's usual source: demo values are
        # synthetic even where the catalogue names a real survey.
        col.caption(t("Gemeente: {waarde}.", waarde=ref_text) + f" {ctx.source_line(str(last['source']))}.")

st.subheader(t("Vroegsignalering"))
all_outcomes = tuple(cat.index[cat["result"] == "outcome"])
obs = ctx.observations(all_outcomes)
period = int(obs["period"].max()) if not obs.empty else None
warnings = early_warning.early_warnings(obs[obs["area_code"].isin(members)], cat, period) \
    if period else pd.DataFrame()
warnings = warnings[warnings["severity"] != "laag"] if not warnings.empty else warnings
if warnings.empty:
    st.success(t("Geen buurten met een signaal in de selectie."))
else:
    st.caption(t("Buurten waar een outcome-indicator statistisch betekenisvol verslechterde of "
                 "een signaalwaarde overschreed. Een signaal is een reden om te kijken, geen "
                 "oordeel."))
    # Value, unit, source and marker per row, so the download stands on its own.
    meta = obs.set_index(["area_code", "indicator_id", "period"])[["source", "synthetic"]]
    meta = meta[~meta.index.duplicated()]
    keys = list(zip(warnings["area_code"], warnings["indicator_id"], warnings["period"],
                    strict=True))
    table = warnings.assign(
        Buurt=warnings["area_code"].map(ctx.areas["name"]),
        Indicator=warnings["indicator_id"].map(cat["name"]),
        Eenheid=warnings["indicator_id"].map(cat["unit"]),
        Waarde=warnings["value"],
        Synthetisch=["ja" if meta["synthetic"].get(k, False) else "nee" for k in keys],
        Bron=tables.source_text(pd.Series([meta["source"].get(k) for k in keys]),
                                ctx.sources).to_numpy(),
    )
    for buurt, rows in list(table.groupby("Buurt", sort=False))[:12]:
        reasons = "\n".join(f"- {components.plain(r)}" for r in rows["reason"])
        st.markdown(f"**{components.plain(str(buurt))}**\n{reasons}")
    if table["Buurt"].nunique() > 12:
        st.caption(t("En nog {n} buurten: zie de tabel.", n=table["Buurt"].nunique() - 12))
    components.table_with_downloads(
        table[["Buurt", "Indicator", "reason", "severity", "period", "Waarde", "Eenheid",
               "Synthetisch", "Bron"]].rename(
            columns={"reason": "Reden", "severity": "Ernst", "period": "Jaar"}),
        "vroegsignalering",
    )

st.subheader(t("Doelen"))
scope_all = ctx.scope()
goal_table = corporations.goal_rows(scope_all, ctx.goals())
if goal_table.empty:
    st.caption(t("Er zijn geen doelen geladen. Download het sjabloon 'doelen' op 'Over de data'."))
else:
    in_selection = goal_table["Code"].isin(members) | ~goal_table["Code"].isin(
        scope_all.areas.loc[scope_all.areas["level"] == "buurt", "code"])
    shown = goal_table[in_selection]
    counts = shown["Status"].value_counts()
    st.caption(
        t("Doel tegenover wat sinds de nulmeting is gerealiseerd, voor de gebieden in de selectie: "
          "{telling}. Op koers: minstens zo ver als een rechte lijn van nulmeting naar doel op dit "
          "moment zou zijn.", telling=", ".join(f"{n} {t(status)}" for status, n in counts.items()))
    )
    components.table_with_downloads(shown, "doelen")
