"""Corporaties en uitgaven: an organisation's leefbaarheid spending, its buurten's development
next to comparable buurten, and the projects register with its timeline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, corporations, spending_sections, spending_views, state
from dashboard.context import THEME_LABELS
from metrics.formatting import format_number

ctx = state.context()
t = state.t
view = ctx.view
spend = ctx.spending()

st.title(t("Corporaties en uitgaven"))
st.caption(t("Wat woningcorporaties en de gemeente aan leefbaarheid uitgeven, in welke buurten, "
             "en hoe die buurten zich ontwikkelden naast vergelijkbare buurten.") + " "
           + t(corporations.COMPARISON_NOTE))

organisations = list(ctx.options.organisations)
if not organisations and ctx.privacy.real_only:
    st.info(t("Alle uitgaven en projecten zijn gegenereerd (synthetisch); 'Alleen echte cijfers' "
              "verbergt ze. Zet die schakelaar in de zijbalk uit om ze te zien."))
    st.stop()
if not organisations:
    st.info(t("Er zijn nog geen uitgaven of projecten geladen. Download op 'Over de data' de "
              "sjablonen 'uitgaven' en 'projecten', vul ze in en laad ze daar."))
    st.stop()
st.selectbox(t("Organisatie"), organisations, placeholder=t("Kies een organisatie"),
             **state.bind("organisatie"))
organisation = view.organisatie or organisations[0]

st.header(t("Uitgaven"))
# Everything below is computed once per organisation (data.corporation_frames); a rerun draws.
with st.spinner(t("Uitgaven en projecten berekenen…")):  # in the page's language
    frames = ctx.corporation_frames(organisation)
key = ctx.table_key("corporaties", organisation)
if spend.empty:
    st.info(t("Uitgaven zijn vertrouwelijk. U ziet alleen de uitgaven die uw rol toestaat: na "
              "inloggen die van uw eigen organisatie (of, voor de gemeente, alle uitgaven in de "
              "gemeente)."), icon=":material/lock:")
else:
    years = frames["years"]
    if years.empty:
        st.info(t("Van {organisatie} zijn geen uitgaven geladen die u mag zien.",
                  organisatie=organisation))
    else:
        components.synthetic_banner(frames["synthetic"])
        if frames["confidential"]:
            st.warning(t("Vertrouwelijke gegevens: deel deze pagina en haar downloads alleen "
                         "binnen de afspraken over deze bron."), icon=":material/lock_open:")
        last = years.iloc[-1]
        year = int(last["Jaar"])
        c1, c2, c3, c4 = st.columns(4)
        c1.metric(t("Uitgaven {jaar}", jaar=year), format_number(last["Uitgaven (euro)"], 0, "euro"))
        c2.metric(t("Per woning {jaar}", jaar=year), format_number(last["Euro per woning"], 0, "euro")
                  if last["Euro per woning"] == last["Euro per woning"] else "–",
                  help=t("Uitgaven in de buurten waar het aantal woningen van de organisatie "
                         "bekend is, gedeeld door die woningen."))
        c3.metric(t("Per inwoner {jaar}", jaar=year), format_number(last["Euro per inwoner"], 2, "euro"),
                  help=t("Uitgaven gedeeld door de inwoners van de buurten waar is uitgegeven."))
        c4.metric(t("Buurten {jaar}", jaar=year), format_number(last["Buurten"], 0))
        st.caption(f"{last['Bron']}. "
                   + t("Bedragen in euro, nominaal (niet voor inflatie gecorrigeerd)."))

        st.vega_lite_chart(ctx.chart_spec(
            (*key, "categorieen"), lambda: spending_views.category_chart(frames["cats"], t)),
            width="stretch")
        st.caption(t("Uitgaven van {organisatie} per jaar en categorie, in euro. Bron: {bron}. De "
                     "tabellen eronder geven dezelfde cijfers per jaar en per categorie.",
                     organisatie=organisation, bron=last["Bron"]))
        components.table_with_downloads(years, f"uitgaven per jaar {organisation}",
                                        key=(*key, "jaren"))
        components.table_with_downloads(frames["per_category"],
                                        f"uitgaven per categorie {organisation}",
                                        key=(*key, "categorieen"))
        st.subheader(t("Per buurt"))
        components.table_with_downloads(frames["areas"], f"uitgaven per buurt {organisation}",
                                        key=(*key, "buurten"))

        st.header(t("Hoe ontwikkelden deze buurten zich?"))
        table, info = frames["development"]
        if table.empty:
            st.info(t("Te weinig metingen om de ontwikkeling te vergelijken."))
        else:
            st.markdown(t(
                "Verandering van de kernindicatoren in de **{n} buurten** waar {organisatie} "
                "uitgaf ({van}–{tot}), naast **{m} buurten van hetzelfde buurttype** waar alle "
                "organisaties samen minder dan {drempel} euro per inwoner per jaar uitgaven. Elke "
                "buurt telt één keer mee.", n=len(info["group"]),
                organisatie=components.plain(organisation), van=info["years"][0],
                tot=info["years"][1], m=len(info["comparison"]),
                drempel=format_number(info["threshold"], 0)))
            components.table_with_downloads(table, f"ontwikkeling {organisation}",
                                            key=(*key, "ontwikkeling"))
            st.info(t(corporations.COMPARISON_NOTE), icon=":material/info:")
        spending_sections.render(ctx, organisation)

st.header(t("Projecten"))
rows = frames["projects"]
if rows.empty:
    st.info(t("Van {organisatie} zijn geen projecten geladen.", organisatie=organisation))
else:
    components.synthetic_banner(bool((rows["Synthetisch"] == "ja").any()))
    # The theme by its name on the page (the register holds its key, 'leefbaarheid').
    themes = {key: t(label) for key, label in THEME_LABELS.items()}

    # Keyed on today too: a project without an end runs to today.
    today = pd.Timestamp.today().normalize()
    st.vega_lite_chart(ctx.chart_spec((*key, "tijdlijn", str(today.date())),
                                      lambda: spending_views.timeline_chart(rows, themes, t, today)),
                       width="stretch")
    st.caption(t("Tijdlijn van de projecten van {organisatie}: een balk per project van start "
                 "tot eind, kleur naar thema. De tabel eronder noemt dezelfde projecten.",
                 organisatie=organisation))
    components.table_with_downloads(rows, f"projecten {organisation}", key=(*key, "projecten"))

overlap = frames["overlap"]
st.subheader(t("Buurten met veel gelijktijdige projecten"))
if overlap.empty:
    st.success(t("Nergens lopen drie of meer projecten van verschillende organisaties tegelijk."))
else:
    st.caption(t("Buurten waar drie of meer projecten van minstens twee organisaties tegelijk "
                 "liepen: een reden om af te stemmen, geen oordeel."))
    components.table_with_downloads(overlap, "overlappende projecten", key=(*key, "overlap"))
