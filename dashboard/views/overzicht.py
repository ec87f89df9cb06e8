"""Overzicht: per theme the selection's headline figures against the gemeente, and early warnings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, data, state, tables
from dashboard.context import THEME_LABELS, TYPE_PLURAL
from metrics import references

ctx = state.context()
t = state.t
view = ctx.view
cat = ctx.catalogue
headline = tuple(cat.index[cat["headline"].astype(bool)])
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
sel, members = data.selection_values(ctx.version, view.gemeente, view.regel, ctx.privacy,
                                     view.buurttype)
gem = data.gemeente_values(ctx.version, view.gemeente, ctx.privacy)

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
warnings = data.early_warnings(ctx.version, view.gemeente, ctx.privacy)
# The cached filter (area code -> inside), not a list: a national selection has 12.000 buurten.
inside = data.in_filter(ctx.version, view.gemeente, view.regel, "buurt", view.buurttype)
warnings = warnings[warnings["area_code"].map(inside).fillna(False).astype(bool).to_numpy()]
if warnings.empty:
    st.success(t("Geen buurten met een signaal in de selectie."))
else:
    st.caption(t("Buurten waar een outcome-indicator statistisch betekenisvol verslechterde of "
                 "een signaalwaarde overschreed. Een signaal is een reden om te kijken, geen "
                 "oordeel."))
    # Value, unit, source and marker per row, so the download stands on its own.
    table = warnings.assign(
        Buurt=warnings["area_code"].map(ctx.areas["name"]),
        Indicator=warnings["indicator_id"].map(cat["name"]),
        Eenheid=warnings["indicator_id"].map(cat["unit"]),
        Waarde=warnings["value"],
        Synthetisch=warnings["synthetic"].eq(True).map({True: "ja", False: "nee"}),
        Bron=tables.source_text(warnings["source"], ctx.sources).to_numpy(),
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
goal_frame = ctx.goals()
scope_all = ctx.scope() if not goal_frame.empty else None  # every indicator: only when needed
goal_table = (corporations.goal_rows(scope_all, goal_frame) if scope_all is not None
              else pd.DataFrame())
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
