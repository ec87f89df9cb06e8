"""Briefing: the wethouder's page for the current selection, on screen and as an A4 PDF."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import briefing, components, maps, signals, state
from dashboard.maps import LegendItem

ctx = state.context()
t = state.t
view = ctx.view
areas = ctx.areas
_, labels = ctx.area_choices()


def label(code: str | None) -> str:
    return labels[code] if code else t("De hele gemeente ({naam})", naam=ctx.gemeente_name)


st.title(t("Briefing"))
st.caption(t("Eén of twee A4-pagina's in gewone taal voor een wethouder: kerncijfers per thema, een "
             "kaart, de grootste veranderingen, signalen en de bronnen. Voor de gekozen gemeente, "
             "wijk of buurt en het buurttypefilter in de zijbalk."))
st.selectbox(
    t("Waarover gaat de briefing?"),
    [None, *ctx.area_codes()],
    format_func=label,
    placeholder=label(None),
    **state.bind("buurt"),
)
brief = briefing.Brief(
    gemeente=view.gemeente,
    area=view.buurt,
    buurttype=view.buurttype,
    regel=view.regel,
    nulmeting=view.nulmeting,
    indicator=view.indicator,
    referentie=view.referentie,
    taal=view.taal,
)
today = dt.date.today()
reported = signals.count_rows(ctx)  # None: this user sees no signals, the briefing neither
with st.spinner(t("Briefing samenstellen…")):  # in the page's language (not in data.py)
    content = ctx.briefing_content(brief, today, reported)
with st.spinner(t("PDF opmaken…")):
    pdf = ctx.briefing_pdf(brief, today, reported)
slug = "-".join(content.title.lower().replace(":", "").split())[:60]
st.download_button(
    t("Download de briefing (PDF)"),
    pdf,
    file_name=f"briefing-{slug}.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    type="primary",
)
st.caption(t("Of druk deze pagina af (Ctrl+P): de zijbalk en knoppen vallen dan weg."))
# On paper only the briefing itself: no sidebar, no navigation, no buttons.
st.html("<style>@media print {[data-testid='stSidebar'], [data-testid='stHeader'], "
        "[data-testid='stDownloadButton'], [data-testid='stSelectbox'] {display: none !important}"
        "}</style>")

st.divider()
st.header(content.title)
st.markdown(f"**{components.plain(content.subtitle)}**  \n"
            + components.plain(content.selection_text)
            + (f" {t('Meest recente gegevens')}: {content.data_year}." if content.data_year else "")
            + f" {t('Gemaakt op')} {content.made_on}.")
if content.synthetic:
    st.warning(t("Let op: synthetische demogegevens. Cijfers met (synth.) zijn gegenereerd om de "
                 "monitor te laten zien; het zijn geen echte metingen."), icon=":material/science:")
with st.container(border=True):
    st.subheader(t("Kernboodschap"))
    st.markdown("\n".join(f"- {components.plain(m)}" for m in content.key_messages))
if content.context:
    st.markdown(f"**{t('De buurt')}:** " + " ".join(components.plain(c) for c in content.context))

left, right = st.columns([1.1, 1])
with left:
    if content.map_features:
        st.image(maps.svg_map(content.map_features, width=420, height=330,
                              focus=set(content.map_focus), labels=content.map_labels),
                 caption=content.map_caption)
        components.legend([LegendItem(c, lab) for c, lab in content.legend], t("Legenda"))
        if content.map_key:
            st.caption(f"{t('Op de kaart')}: "
                       + " · ".join(f"{n} {components.plain(name)}" for n, name in content.map_key))
    else:
        st.info(t("Voor deze gemeente zijn geen buurtgrenzen geladen; daarom geen kaart."))
with right:
    st.subheader(t("Signalen"))
    if not content.warnings:
        st.success(t("Geen buurten met een signaal in deze selectie."))
    else:
        st.caption(t("Buurten waar een uitkomst duidelijk slechter werd of een signaalwaarde "
                     "passeerde. Een signaal is een reden om te kijken, geen oordeel."))
        st.markdown("\n".join(f"- {components.plain(w)}" for w in content.warnings))
        if content.warnings_more:
            st.caption(t("En nog {n} signalen: zie het Overzicht.", n=content.warnings_more))

st.subheader(t("Per thema"))
if not content.figures:
    st.info(t("Voor deze selectie zijn geen kerncijfers beschikbaar."))
else:
    st.html(briefing.figures_html(content.figures, view.taal, content.reference_label))
    st.caption(t("Waarde: het gemiddelde van de buurten van deze briefing, gewogen naar inwoners "
                 "waar het om een aandeel of een cijfer per inwoner gaat. Referentie: de gemeente "
                 "in hetzelfde jaar. Verloop: paars de selectie, grijs gestreept de gemeente.")
               if not briefing.whole_gemeente(brief) else
               t("Waarde: het gemiddelde van de buurten, gewogen naar inwoners bij aandelen en "
                 "cijfers per inwoner. Nulmeting: de gemeente zelf in dat jaar (niet met zichzelf "
                 "vergeleken)."))

better, worse = st.columns(2)
with better:
    st.subheader(t("Grootste verbeteringen"))
    st.markdown("\n".join(f"- {components.plain(s)}" for s in content.improvements)
                or t("Geen wezenlijke verbeteringen sinds de nulmeting."))
with worse:
    st.subheader(t("Grootste achteruitgang"))
    st.markdown("\n".join(f"- {components.plain(s)}" for s in content.declines)
                or t("Geen wezenlijke achteruitgang sinds de nulmeting."))
if content.goals:
    st.subheader(t("Doelen"))
    st.markdown("\n".join(f"- {components.plain(s)}" for s in content.goals))
if content.projects:
    st.subheader(t("Lopende en recente projecten"))
    st.markdown("\n".join(f"- {components.plain(s)}" for s in content.projects))
if content.signal_lines:
    st.subheader(t("Signalen van bewoners en professionals"))
    st.markdown("\n".join(f"- {components.plain(s)}" for s in content.signal_lines))
    st.caption(components.plain(content.signal_note))
st.subheader(t("Over deze cijfers"))
st.markdown("\n".join(f"- {components.plain(s)}" for s in content.notes))
st.subheader(t("Bronnen"))
st.caption("  \n".join(components.plain(s) for s in content.sources))
