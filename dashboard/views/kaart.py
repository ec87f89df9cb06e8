"""Kaart: a choropleth of the chosen indicator at buurt or wijk level, with legend and a table."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import components, filters, i18n, map_component, maps, signals, state
from metrics import references
from metrics.formatting import format_number


# The map, its legend and table are one fragment: a choice in the filters that changes nothing
# else in the sidebar (state.bind), or a map toggle, reruns this part alone, not the navigation
# and the sidebar (issue 22; figures in the README, "In de browser").
@st.fragment(key="kaart")
def kaart() -> None:
    ctx = filters.part()
    if ctx is None:
        return
    t = state.t
    view, indicator = ctx.view, ctx.indicator
    # Open signals per area in the tooltip, and on request a dot on each area that has any.
    marks = signals.map_marks(ctx, view.niveau)
    # The legend and table; the map itself is the component's (shapes once, colours per change).
    # Computed before the first element of the part is sent, with the toggles' values as they
    # stand (the toggles below return the same): elements sent earlier had the server's event
    # loop take the interpreter lock in turns with this computation. In a browser probe the
    # server's median per change went from 92-130 to 69-110 ms (three pairs of runs, load 2 to
    # 2,6); in two later pairs at load 3,5 to 4 the difference was within the noise.
    labels_wanted = bool(state.widget_value("kaart_namen"))
    marked_wanted = marks is not None and bool(state.widget_value("kaart_signalen"))
    drawn = ctx.map_view(marks)
    layers = ctx.map_layers(labels_wanted, marks, marked_wanted)
    filters.part_top(ctx)
    st.title(t("Kaart: {naam}", naam=indicator["name"]))

    labels = st.toggle(t("Namen op de kaart"), key="kaart_namen",
                       help=t("Schrijf de namen van de gebieden in het filter op de kaart. De naam "
                              "van elk gebied staat ook in de tooltip."))
    marked = marks is not None and st.toggle(
        t("Open signalen markeren"), key="kaart_signalen",
        help=t("Een stip op elk gebied met open signalen, groter bij meer signalen. Het aantal en de "
               "thema's staan in de tooltip. Bron: eigen registratie van signalen in de Buurtmonitor."))
    if (labels, marked) != (labels_wanted, marked_wanted):  # not expected: drawn as shown
        layers = ctx.map_layers(labels, marks, marked)
    if drawn is None:
        st.warning(t("Voor {naam} zijn op dit niveau geen grenzen geladen; de cijfers staan op de andere pagina's. Laad de CBS/PDOK wijk- en buurtkaart op de pagina 'Over de data' of met: python -m data_loaders load wijkenbuurten_2024.gpkg --gemeente {code}", naam=ctx.gemeente_name, code=view.gemeente))  # noqa: E501
        st.stop()
    geo, legend = drawn["geo"], drawn["legend"]
    breaks, colours, better_high = drawn["breaks"], drawn["colours"], drawn["better_high"]
    synthetic = geo["synthetic"]
    if not breaks:
        # Nothing to colour (e.g. wijken have no buurttype, so no difference with similar buurten).
        st.info(t("Geen enkel gebied op dit niveau heeft een waarde voor '{keuze}' in {jaar}. Kies een "
                  "andere vergelijking, een ander jaar of het niveau Buurten.",
                  keuze=t(references.REFERENCES[view.referentie]), jaar=view.jaar),
                icon=":material/info:")

    fmt = lambda v: references.format_shown(v, view.referentie, indicator)  # noqa: E731
    # The legend is drawn inside the map's frame, beside the map: no columns and no legend element
    # to send and lay out again on every rerun (issue 22).
    items = [
        *maps.legend_items(breaks, colours, fmt, better_high,
                           {k: t(v) for k, v in maps.LEGEND_WORDS.items()}),
            maps.LegendItem("#d7d7d7", t("buiten het buurttypefilter")),
            maps.LegendItem("#ffffff", t("geen gegevens of onderdrukt")),
            *([maps.LegendItem("#1b1b1b", t("stip: open signalen ({n} gebieden, stand {datum})",
                                            n=len(marks), datum=f"{dt.date.today():%d-%m-%Y}"))]
              if marked else []),
    ]
    event = map_component.draw(
        layers, key="kaart", height=560,
        legend={"title": i18n.translate_title(legend.title, view.taal),
                "items": [[item.colour, item.label] for item in items]},
        label=t("Kaart van {naam} per {niveau}: {titel}, {jaar}.", naam=ctx.gemeente_name,
                niveau=t(view.niveau), titel=i18n.translate_title(legend.title, view.taal),
                jaar=view.jaar))
    st.caption(
        t("Kaart van {naam} per {niveau}: {titel}, {jaar}.", naam=ctx.gemeente_name,
          niveau=t(view.niveau), titel=i18n.translate_title(legend.title, view.taal), jaar=view.jaar)
        + f" {i18n.translate_sentences(legend.caption, view.taal)} "
        + t("Grijs: buiten het buurttypefilter. Wit: geen gegevens of onderdrukt. Klik op een "
            "gebied om zijn buurtprofiel te openen.")
        + " " + t("{n} gebieden in het filter.", n=format_number(len(drawn["table"]), 0))
    )
    components.synthetic_banner(bool(synthetic.any()))

    if event and event.get("click") and state.once(f"kaart:klik:{event.get('n')}"):
        # A click opens the area's profile, with everything else of this view kept.
        state.go_to("views/buurtprofiel.py", buurt=str(event["click"]))

    table = drawn["table"]
    name = f"kaart-{view.indicator}-{view.jaar}"
    # The table is map_view's (a shared resource), named by what it depends on: not hashed per rerun.
    key = ctx.table_key("kaart", view.indicator, view.niveau, view.referentie, view.nulmeting,
                        view.jaar, tuple(view.buurttype))
    # The table on request, however short: a table grid loads about a megabyte of script in the
    # browser and is laid out again on every filter change (issue 22). The downloads hold every area.
    if st.toggle(t("Toon de tabel bij de kaart"), key="kaart_tabel",
                 help=t("De downloads bevatten altijd alle gebieden in het filter.")):
        # On screen the headers follow the language; the downloads keep the Dutch ones (and say so).
        components.dataframe(components.translated_headers(table, view.taal), key=(*key, "scherm"))
    components.download_buttons(table, name)


kaart()
