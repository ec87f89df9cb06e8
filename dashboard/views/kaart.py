"""Kaart: a choropleth of the chosen indicator at buurt or wijk level, with legend and a table."""

from __future__ import annotations

import streamlit as st

from dashboard import components, i18n, maps, state
from metrics import references
from metrics.formatting import format_number

ctx = state.context()
t = state.t
view, indicator = ctx.view, ctx.indicator
st.title(t("Kaart: {naam}", naam=indicator["name"]))

labels = st.toggle(t("Namen op de kaart"), key="kaart_namen",
                   help=t("Schrijf de namen van de gebieden in het filter op de kaart. De naam "
                          "van elk gebied staat ook in de tooltip."))
drawn = ctx.map_view(labels)
if drawn is None:
    st.warning(t("Voor {naam} zijn op dit niveau geen grenzen geladen; de cijfers staan op de andere pagina's. Laad de CBS/PDOK wijk- en buurtkaart op de pagina 'Over de data' of met: python -m data_loaders load wijkenbuurten_2024.gpkg --gemeente {code}", naam=ctx.gemeente_name, code=view.gemeente))  # noqa: E501
    st.stop()
geo, legend, deck = drawn["geo"], drawn["legend"], drawn["deck"]
breaks, colours, better_high = drawn["breaks"], drawn["colours"], drawn["better_high"]
synthetic = geo["synthetic"]
if not breaks:
    # Nothing to colour (e.g. wijken have no buurttype, so no difference with similar buurten).
    st.info(t("Geen enkel gebied op dit niveau heeft een waarde voor '{keuze}' in {jaar}. Kies een "
              "andere vergelijking, een ander jaar of het niveau Buurten.",
              keuze=t(references.REFERENCES[view.referentie]), jaar=view.jaar),
            icon=":material/info:")

left, right = st.columns([3, 1])
with left:
    event = st.pydeck_chart(
        deck, on_select="rerun", selection_mode="single-object", key="kaart", height=560
    )
    st.caption(
        t("Kaart van {naam} per {niveau}: {titel}, {jaar}.", naam=ctx.gemeente_name,
          niveau=t(view.niveau), titel=i18n.translate_title(legend.title, view.taal), jaar=view.jaar)
        + f" {i18n.translate_sentences(legend.caption, view.taal)} "
        + t("Grijs: buiten het buurttypefilter. Wit: geen gegevens of onderdrukt. Klik op een "
            "gebied om zijn buurtprofiel te openen.")
    )
with right:
    fmt = lambda v: references.format_shown(v, view.referentie, indicator)  # noqa: E731
    components.legend(
        maps.legend_items(breaks, colours, fmt, better_high,
                          {k: t(v) for k, v in maps.LEGEND_WORDS.items()}),
        i18n.translate_title(legend.title, view.taal),
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
table = drawn["table"]
name = f"kaart-{view.indicator}-{view.jaar}"
# The table is map_view's (a shared resource), named by what it depends on: not hashed per rerun.
key = ctx.table_key("kaart", view.indicator, view.niveau, view.referentie, view.nulmeting,
                    view.jaar, tuple(view.buurttype))
# On screen the headers follow the language; the downloads keep the Dutch ones (and say so).
on_screen = components.translated_headers(table, view.taal)
if len(table) <= maps.LARGE_MAP:
    components.dataframe(on_screen, key=(*key, "scherm"))
else:
    # Thousands of rows (a province or the country) are megabytes for the browser on every
    # rerun and seconds to lay out per filter choice: shown on request, always downloadable.
    st.caption(t("{n} gebieden in het filter: zo'n grote tabel verschijnt alleen op verzoek. De "
                 "downloads bevatten ze allemaal.", n=format_number(len(table), 0)))
    if st.toggle(t("Toon de tabel"), key="kaart_tabel"):
        components.dataframe(on_screen, key=(*key, "scherm"))
components.download_buttons(table, name, key=key)
