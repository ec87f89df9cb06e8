"""Kaart: a choropleth of the chosen indicator at buurt or wijk level, with legend and a table."""

from __future__ import annotations

import streamlit as st

from dashboard import components, data, maps, state, tables
from dashboard.context import TYPE_LABELS
from metrics import privacy, references

ctx = state.context()
view, indicator = ctx.view, ctx.indicator
st.title(f"Kaart: {indicator['name']}")

scope = tables.Scope(
    obs=ctx.observations(tuple(dict.fromkeys([view.indicator, "inwoners"]))),
    areas=ctx.areas.reset_index(drop=True),
    types=ctx.types,
    catalogue=ctx.catalogue,
    sources=ctx.sources,
)
frame, legend = tables.level_frame(
    scope, view.indicator, view.niveau, view.referentie, view.nulmeting, view.buurttype
)
year_rows = privacy.reliability(frame[frame["period"] == view.jaar]).set_index("area_code")
geo = data.geometries(ctx.version, view.gemeente, view.niveau)
if geo.empty:
    st.warning("Voor dit niveau zijn geen grenzen geladen. Laad een GeoJSON- of TopoJSON-bestand.")
    st.stop()

inside = tables.in_filter(scope, view.niveau, view.buurttype)
types_now = ctx.types_in(view.jaar)
codes = geo["area_code"]
geo = geo.assign(
    naam=codes.map(ctx.areas["name"]),
    shown=codes.map(year_rows["shown"]),
    in_filter=codes.map(inside).fillna(False).astype(bool),
)
suppressed = codes.map(year_rows["suppressed"]).fillna(False).astype(bool)
synthetic = codes.map(year_rows["synthetic"]).fillna(False).astype(bool)
# Column-wise, each distinct value formatted once: a national map has over 10.000 areas.
ind = indicator.to_dict()
distinct = {v: references.format_shown(v, view.referentie, ind) for v in geo["shown"].dropna().unique()}
value_text = geo["shown"].map(distinct).fillna(references.format_shown(None, view.referentie, ind))
value_text = value_text.where(~(synthetic & geo["shown"].notna()), value_text + " (synthetisch)")
value_text = value_text.where(~suppressed, "onderdrukt (te weinig waarnemingen)")
reliability = codes.map(year_rows["reliability"]).fillna("onbekend")
respondents = codes.map(year_rows["n"])
if indicator["kind"] == "subjectief":
    graded = reliability != "onbekend"
    with_n = value_text + " · betrouwbaarheid " + reliability + " (n = " + respondents.fillna(
        0).astype(int).astype(str) + ")"
    without_n = value_text + " · betrouwbaarheid " + reliability
    value_text = value_text.where(~graded, with_n.where(respondents.notna(), without_n))
geo["waarde_tekst"] = value_text
if view.niveau == "buurt":
    geo["buurttype_tekst"] = codes.map(types_now).map(TYPE_LABELS).fillna("buurttype onbekend")
else:
    geo["buurttype_tekst"] = "wijk"
geo["bron_tekst"] = (
    f"{view.jaar} · " + tables.source_text(codes.map(year_rows["source"]), ctx.sources)
)

better_high = {"hoger": True, "lager": False}.get(legend.better_when)
breaks = maps.class_breaks(geo.loc[geo["in_filter"], "shown"], legend.diverging)
if legend.diverging and legend.midpoint not in (None, 0):
    breaks = [b + legend.midpoint for b in maps.class_breaks(
        geo.loc[geo["in_filter"], "shown"] - legend.midpoint, True)]
colours = maps.palette(indicator["direction"], len(breaks) + 1, better_high)
deck = maps.choropleth(geo, breaks=breaks, colours=colours, selected=view.buurt)

left, right = st.columns([3, 1])
with left:
    event = st.pydeck_chart(
        deck, on_select="rerun", selection_mode="single-object", key="kaart", height=560
    )
    st.caption(
        f"Kaart van {ctx.gemeente_name} per {view.niveau}: {legend.title}, {view.jaar}. "
        f"{legend.caption} Grijs: buiten het buurttypefilter. Wit: geen gegevens of onderdrukt. "
        "Klik op een gebied om zijn buurtprofiel te openen."
    )
with right:
    fmt = lambda v: references.format_shown(v, view.referentie, indicator)  # noqa: E731
    components.legend(
        maps.legend_items(breaks, colours, fmt, better_high),
        legend.title,
        extra=[
            maps.LegendItem("#d7d7d7", "buiten het buurttypefilter"),
            maps.LegendItem("#ffffff", "geen gegevens of onderdrukt"),
        ],
    )
    components.synthetic_banner(bool(synthetic.any()))

picked = (event.selection.objects or {}).get("gebieden", []) if event else []
if picked:
    code = picked[0].get("properties", picked[0]).get("area_code")
    if code:
        # A click opens the area's profile, with everything else of this view kept.
        state.go_to("views/buurtprofiel.py", buurt=code)

st.subheader("Tabel bij de kaart")
table = geo[geo["in_filter"]][["area_code", "naam", "waarde_tekst", "buurttype_tekst"]].assign(
    waarde=geo["shown"].round(int(indicator["decimals"]) + 2), jaar=view.jaar, eenheid=legend.unit,
    respondenten=respondents if indicator["kind"] == "subjectief" else None,
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
