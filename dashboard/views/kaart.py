"""Kaart: a choropleth of the chosen indicator at buurt or wijk level, with legend and a table."""

from __future__ import annotations

import streamlit as st

from dashboard import components, data, maps, state, tables
from metrics import references

ctx = state.context()
t = state.t
view, indicator = ctx.view, ctx.indicator
st.title(t("Kaart: {naam}", naam=indicator["name"]))

geo, legend, note, heads = data.map_rows(
    ctx.version, view.gemeente, view.regel, ctx.privacy, view.indicator, view.niveau,
    view.referentie, view.nulmeting, view.jaar,
    # The filter changes the values only for references that rank within the selection.
    view.buurttype if view.referentie in tables.SELECTION_REFERENCES else None, view.taal,
)
if geo.empty:
    st.warning(t("Voor dit niveau zijn geen grenzen geladen. Laad een GeoJSON- of TopoJSON-bestand."))
    st.stop()
inside = data.in_filter(ctx.version, view.gemeente, view.regel, view.niveau, view.buurttype)
geo = geo.assign(in_filter=geo["area_code"].map(inside).fillna(False).astype(bool))
suppressed, synthetic = geo["suppressed"], geo["synthetic"]
reliability, respondents = geo["reliability"], geo["n"]

better_high = {"hoger": True, "lager": False}.get(legend.better_when)
breaks = maps.class_breaks(geo.loc[geo["in_filter"], "shown"], legend.diverging)
if legend.diverging and legend.midpoint not in (None, 0):
    breaks = [b + legend.midpoint for b in maps.class_breaks(
        geo.loc[geo["in_filter"], "shown"] - legend.midpoint, True)]
colours = maps.palette(indicator["direction"], len(breaks) + 1, better_high)
deck = maps.choropleth(geo, breaks=breaks, colours=colours, selected=view.buurt,
                      heads=heads, note=note)

left, right = st.columns([3, 1])
with left:
    event = st.pydeck_chart(
        deck, on_select="rerun", selection_mode="single-object", key="kaart", height=560
    )
    st.caption(
        t("Kaart van {naam} per {niveau}: {titel}, {jaar}.", naam=ctx.gemeente_name,
          niveau=t(view.niveau), titel=legend.title, jaar=view.jaar)
        + f" {legend.caption} "
        + t("Grijs: buiten het buurttypefilter. Wit: geen gegevens of onderdrukt. Klik op een "
            "gebied om zijn buurtprofiel te openen.")
    )
with right:
    fmt = lambda v: references.format_shown(v, view.referentie, indicator)  # noqa: E731
    components.legend(
        maps.legend_items(breaks, colours, fmt, better_high,
                          {k: t(v) for k, v in maps.LEGEND_WORDS.items()}),
        legend.title,
        extra=[
            maps.LegendItem("#d7d7d7", t("buiten het buurttypefilter")),
            maps.LegendItem("#ffffff", t("geen gegevens of onderdrukt")),
        ],
    )
    components.synthetic_banner(bool(synthetic.any()))

picked = (event.selection.objects or {}).get("gebieden", []) if event else []
if picked:
    code = picked[0].get("properties", picked[0]).get("c")
    if code:
        # A click opens the area's profile, with everything else of this view kept.
        state.go_to("views/buurtprofiel.py", buurt=code)

st.subheader(t("Tabel bij de kaart"))
table = geo[geo["in_filter"]][["area_code", "naam", "waarde_tekst", "buurttype_tekst"]].assign(
    waarde=geo["shown"].round(int(indicator["decimals"]) + 2), jaar=view.jaar, eenheid=legend.unit,
    respondenten=respondents if indicator["kind"] == "subjectief" else float("nan"),
    betrouwbaarheid=reliability,
    synthetisch=synthetic.map({True: "ja", False: "nee"}),
    onderdrukt=suppressed.map({True: "ja", False: "nee"}),
    bron=geo["bron_tekst"],
).rename(columns={"area_code": "Code", "naam": "Naam", "waarde_tekst": "Weergave",
                  "buurttype_tekst": "Buurttype", "waarde": "Waarde", "jaar": "Jaar",
                  "eenheid": "Eenheid", "respondenten": "Respondenten (n)",
                  "betrouwbaarheid": "Betrouwbaarheid", "synthetisch": "Synthetisch", "onderdrukt": "Onderdrukt",
                  "bron": "Bron"})
components.table_with_downloads(table.sort_values("Naam"), f"kaart-{view.indicator}-{view.jaar}")
