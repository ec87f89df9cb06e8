"""The corporation page's three pictures: where the money went, spending against change and
spending against need. Layout and words only; the frames and specs come from spending_views
through data.py. Shows nothing the caller's spending frame (already limited to what this user may
see) does not hold."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import streamlit as st

from dashboard import briefing, components, spending_views, state
from metrics import spending
from metrics.formatting import format_number


def _params(view: state.View) -> dict[str, str]:
    """The view a profile link carries: all of it but the buurttype filter (a profile shows one
    buurt whatever the filter), so the table stays the same when only the filter changes."""
    return {k: v for k, v in view.to_params().items() if k != "buurttype"}


def _link(params: dict[str, str], code: str) -> str:
    return "buurtprofiel?" + urlencode({**params, "buurt": code})


def render(ctx, organisation: str) -> None:  # ctx: dashboard.context.Context
    t, view = state.t, ctx.view
    with st.spinner(t("Uitgaven per buurt berekenen…")):  # in the page's language
        pic = ctx.spending_picture(organisation)
        made = ctx.spending_tables(organisation)
    key = ctx.spending_key(organisation, "uitgavenbeelden")  # names the tables and charts
    st.header(t("Waar ging het geld heen?"))
    if pic is None:
        st.info(t("{organisatie} gaf tussen de nulmeting en het gekozen jaar niets uit dat u mag "
                  "zien. Kies in de zijbalk een ander jaar of een andere nulmeting.",
                  organisatie=organisation))
        return
    unit = t(pic.unit)
    drawn = ctx.spending_map(organisation)
    left, right = st.columns([3, 1])
    if drawn is not None:
        deck, legend = drawn
        with left:
            event = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object",
                                    key="uitgavenkaart", height=480)
        with right:
            components.legend(legend, t("Uitgaven ({eenheid})", eenheid=unit))
        picked = (event.selection.objects or {}).get("gebieden", []) if event else []
        code = picked[0].get("properties", picked[0]).get("c") if picked else None
        if code:
            state.go_to("views/buurtprofiel.py", buurt=code)
    st.caption(t("Leefbaarheidsuitgaven van {organisatie} per buurt, {periode}, in {eenheid}.",
                 organisatie=organisation, periode=pic.period_text, eenheid=unit) + " "
               + t(spending_views.BASIS_NOTE[pic.basis]) + " "
               + t("Vaste klassen: dezelfde kleur is hetzelfde bedrag voor elke organisatie en "
                   "periode. Grijs: buiten het buurttypefilter. Wit: geen uitgaven. Klik op een "
                   "buurt om haar profiel te openen.") + f" {t('Bron')}: {pic.source}.")
    components.table_with_downloads(made["map"], f"uitgaven per buurt op de kaart {organisation}",
                                    key=(*key, "kaart"))
    _briefing(ctx, organisation)

    st.header(t("Uitgaven naast verandering"))
    ind = ctx.catalogue.loc[view.indicator]
    if ind["result"] != "outcome" or pic.change_years is None:
        st.info(t("Kies in de zijbalk een uitkomstindicator die voor en na de uitgaven is "
                  "gemeten (bijvoorbeeld de Leefbaarometerscore)."))
    else:
        spec = ctx.chart_spec((*key, "verandering"),
                               lambda: spending_views.change_chart(pic, ctx.catalogue, t))
        event = st.vega_lite_chart(spec, width="stretch", on_select="rerun",
                                   selection_mode="buurt", key="uitgaven_verandering")
        chosen = (event.selection.get("buurt") or []) if event else []
        if chosen and chosen[0].get("area_code"):
            state.go_to("views/buurtprofiel.py", buurt=chosen[0]["area_code"])
        a, b = pic.change_years
        st.caption(t("Elk punt is een buurt: rechts de uitgaven van {organisatie} ({eenheid}, "
                     "{periode}), omhoog de verandering van {indicator} van {van} tot {tot}. "
                     "Ruiten op 0: buurten van hetzelfde buurttype waar alle organisaties samen "
                     "minder dan {drempel} euro per inwoner per jaar uitgaven. Lijnen: de marge "
                     "(95%) waar die bekend is. Het getal naast een punt: lopende projecten. Klik "
                     "op een punt om het buurtprofiel te openen.",
                     organisatie=organisation, eenheid=unit, periode=pic.period_text,
                     indicator=ind["name"], van=a, tot=b,
                     drempel=format_number(spending.LOW_SPENDING_PER_INHABITANT, 0)))
        st.info(t(spending_views.CAVEAT) + " " + t(
            "Buurten met en zonder uitgaven kunnen ook op andere punten verschillen, en andere "
            "organisaties en ontwikkelingen spelen mee."), icon=":material/info:")
        table = made["change"]
        params = _params(view)
        on_screen = components.translated_headers(
            table.assign(Profiel=[_link(params, c) for c in table["Code"]]), view.taal)
        components.dataframe(on_screen, column_config={
            on_screen.columns[-1]: st.column_config.LinkColumn(display_text=t("open profiel"))},
            key=(*key, "verandering", "scherm", tuple(sorted(params.items()))))
        components.download_buttons(table, f"uitgaven en verandering {organisation}")

    st.header(t("Uitgaven naast behoefte"))
    if pic.need_indicator is None:
        st.info(t("Er is geen statusscore geladen om de behoefte mee te meten."))
        return
    need_name = str(ctx.catalogue.loc[pic.need_indicator, "name"])
    st.vega_lite_chart(ctx.chart_spec((*key, "behoefte"),
                                       lambda: spending_views.need_chart(pic, t)),
                       width="stretch")
    st.caption(t("Elk punt is een buurt: rechts meer behoefte, omhoog meer uitgaven van "
                 "{organisatie} per inwoner per jaar ({periode}). Behoefte: de rangorde op "
                 "{maat} (de statusscore van de buurttype-regel), 100 is de buurt met de "
                 "meeste behoefte. Gearceerd: de vijfde van de buurten met de meeste behoefte.",
                 organisatie=organisation, periode=pic.period_text, maat=need_name))
    st.subheader(t("Veel behoefte, weinig uitgaven"))
    components.table_with_downloads(
        made["need"], f"veel behoefte weinig uitgaven {organisation}", key=(*key, "behoefte"),
        caption=t("Buurten met een behoefte van 80 of meer waar {organisatie} minder dan "
                  "{drempel} euro per inwoner per jaar uitgaf: een reden om te kijken, geen "
                  "oordeel.", organisatie=organisation,
                  drempel=format_number(spending.LOW_SPENDING_PER_INHABITANT, 0)))


def _briefing(ctx, organisation: str) -> None:
    """The briefing over the organisation's portfolio (the gemeente's briefing with its spending
    map and spending against change), made on request: typesetting takes a moment."""
    t, view = state.t, ctx.view
    if not st.toggle(t("Briefing over {organisatie} maken (PDF)", organisatie=organisation),
                     key="uitgaven_briefing",
                     help=t("De briefing van de gemeente met de kaart van de uitgaven en de "
                            "uitgaven naast verandering, met de kanttekening. Vertrouwelijk: "
                            "alleen binnen de afspraken over deze bron delen.")):
        return
    brief = briefing.Brief(
        gemeente=view.gemeente, buurttype=view.buurttype, regel=view.regel,
        nulmeting=view.nulmeting, indicator=view.indicator, referentie=view.referentie,
        taal=view.taal, organisatie=organisation)
    today = dt.date.today()
    with st.spinner(t("PDF opmaken…")):
        pdf = ctx.organisation_briefing_pdf(brief, today)
    st.download_button(t("Download de briefing (PDF)"), pdf,
                       file_name=f"briefing-uitgaven-{components._slug(organisation)}.pdf",
                       mime="application/pdf", icon=":material/picture_as_pdf:")
