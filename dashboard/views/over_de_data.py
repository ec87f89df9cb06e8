"""Over de data: the indicator catalogue, the sources, the buurttype rule; for a beheerder also the
load log (who loaded what) and loading data."""

from __future__ import annotations

import streamlit as st

from dashboard import components, i18n, load_sections, state
from dashboard.context import THEME_LABELS

ctx = state.context()
t = state.t
st.title(t("Over de data"))
st.markdown(t(
    "Elke indicator hieronder heeft een definitie, een eenheid, een richting (is hoger beter?), "
    "een bron en een licentie. **Objectief** betekent geregistreerd of gemeten, **subjectief** "
    "gaat over de beleving van bewoners. **Output** is wat er gedaan is (activiteiten, "
    "initiatieven), **outcome** is wat het oplevert voor bewoners. Cijfers zijn geen oorzaken."
))

catalogue = ctx.catalogue.assign(
    thema=ctx.catalogue["theme"].map(THEME_LABELS),
    richting=ctx.catalogue["direction"].map(
        {"hoger_beter": "hoger is beter", "lager_beter": "lager is beter", "neutraal": "neutraal"}
    ),
    bron=ctx.catalogue["source"].map(lambda key: ctx.sources["label"].get(key, key)),
)
table = catalogue[
    ["id", "name", "thema", "unit", "richting", "kind", "result", "bron", "licence", "definition",
     "question"]
].rename(
    columns={
        "id": "Code",
        "name": "Indicator",
        "thema": "Thema",
        "unit": "Eenheid",
        "richting": "Richting",
        "kind": "Objectief/subjectief",
        "result": "Output/outcome",
        "bron": "Gebruikelijke bron",
        "licence": "Licentie",
        "definition": "Definitie",
        "question": "Enquêtevraag",
    }
)
st.subheader(t("Indicatoren"))
components.table_with_downloads(table, "indicatoren", height=420)
if ctx.view.taal != "nl":
    # Definitions and survey questions are the sources' own words; no translation of them exists.
    st.caption(t("Definities en enquêtevragen staan er in het Nederlands, zoals de bronnen ze "
                 "publiceren."))

st.subheader(t("Bronnen"))
sources = ctx.sources[["label", "publisher", "licence", "attribution", "synthetic", "confidential"]]
sources = sources.assign(
    synthetic=sources["synthetic"].map({True: "ja: gegenereerd, geen echte metingen",
                                        False: "nee"}),
    confidential=sources["confidential"].map({True: "ja", False: "nee"}),
).rename(
    columns={
        "label": "Bron",
        "publisher": "Uitgever",
        "licence": "Licentie",
        "attribution": "Bronvermelding",
        "synthetic": "Synthetisch",
        "confidential": "Vertrouwelijk",
    }
)
components.table_with_downloads(sources, "bronnen")

st.subheader(t("Buurttypen"))
st.markdown(t(
    "Het buurttype is een oordeel met een bron. Er bestaat geen vaste drempel: elke grens is "
    "een keuze. Standaard deelt de monitor buurten in naar sociaal-economische status "
    "(inkomen per inwoner, binnen de gemeente): de laagste 20% van de buurten heet "
    "**achterstandsbuurt**, de hoogste 20% **voorstandsbuurt**, de rest **middenstandsbuurt**. "
    "Een gemeente kan haar eigen lijst laden; kies de indeling in de zijbalk."
))
rules = ctx.rules.assign(
    rule_label=[i18n.translate_rule(label, ctx.view.taal) for label in ctx.rules["rule_label"]]
).rename(
    columns={
        "rule": "Regel",
        "rule_label": "Omschrijving",
        "source": "Bron",
        "first_basis": "Eerste gegevensjaar",
        "last_basis": "Laatste gegevensjaar",
        "labels": "Aantal labels",
    }
)
components.dataframe(components.translated_headers(rules, ctx.view.taal))
st.caption(ctx.rule_caption())

st.caption(t(
    "Privacy: waarden op minder dan {respondenten} respondenten of voor gebieden met minder dan "
    "{inwoners} inwoners worden niet getoond en niet gedownload.",
    respondenten=ctx.privacy.min_respondents, inwoners=ctx.privacy.min_inhabitants,
))

if not ctx.user.beheerder:
    # Loading, deleting and the load log are the beheerder's (uploads.commit refuses others too).
    st.subheader(t("Gegevens laden"))
    st.info(t("Gegevens laden en verwijderen, en het overzicht van wat er geladen is, zijn er "
              "alleen voor beheerders van de buurtmonitor."), icon=":material/lock:")
    st.stop()

st.subheader(t("Wat is er geladen"))
load_sections.load_log(ctx)

st.subheader(t("Gegevens laden"))
load_sections.load_files(ctx)
