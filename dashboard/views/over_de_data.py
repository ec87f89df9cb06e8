"""Over de data: the indicator catalogue, the sources, the buurttype rule; for a beheerder also the
load log (who loaded what) and loading data."""

from __future__ import annotations

import streamlit as st

from dashboard import access, components, state, uploads
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
rules = ctx.rules.rename(
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
loads = ctx.loads().rename(
    columns={
        "id": "Nr",
        "file": "Bestand",
        "checksum": "Controlegetal (SHA-256)",
        "source": "Bron",
        "format": "Formaat",
        "rows": "Regels",
        "periods": "Jaren",
        "loaded_at": "Geladen op",
        "how": "Hoe",
        "by_user": "Door",
        "status": "Status",
        "message": "Melding",
    }
)
components.table_with_downloads(loads, "laadlog")
access.role_overview(ctx.options.organisations)

st.subheader(t("Gegevens laden"))
st.markdown(t(
    "Laad een bestand zoals u het downloadt: een CBS-export (StatLine CSV, open-datatabel of "
    "kwb-bestand), Leefbaarometer 3.0, grenzen (GeoJSON of TopoJSON, WGS84 of RD New) of een "
    "eigen sjabloon. Het bestand wordt eerst gecontroleerd; u ziet wat er verandert voordat het "
    "wordt geladen. Een afgekeurd bestand verandert niets."
))
kind = st.selectbox(
    t("Sjabloon voor eigen gegevens"), list(uploads.TEMPLATE_LABELS),
    # Labels made now, in this run's language (a format_func is also called after the run).
    format_func={kind: t(label) for kind, label in uploads.TEMPLATE_LABELS.items()}.get,
)
st.download_button(
    t("Download sjabloon (CSV)"),
    uploads.template_csv(kind),
    file_name=f"sjabloon_{kind}.csv",
    mime="text/csv",
    icon=":material/download:",
)
LOADABLE = ["csv", "txt", "xlsx", "geojson", "json", "topojson", "gpkg", "zip"]
uploaded = st.file_uploader(
    t("Bestand om te laden"),
    type=LOADABLE,
    accept_multiple_files=True,
    help=t("Maximaal 200 MB per bestand. Meerdere bestanden worden samen geladen: alle of geen."),
)
components.upload_box_words(LOADABLE, several=True)
left, right = st.columns(2)
indeling = left.number_input(t("Indelingsjaar (alleen voor grenzen)"), 1990, 2100, value=None,
                             step=1)
jaar = right.number_input(t("Jaar (voor een CBS-export zonder jaar)"), 1990, 2100, value=None,
                          step=1)
gemeente = left.text_input(t("Alleen deze gemeenten uit een landelijk grenzenbestand"),
                           placeholder="GM0202,GM0203")
codekolom = right.text_input(t("Eigenschap met de CBS-code (grenzen)"), placeholder="cbsCode")
if uploaded:
    files = [(f.name, f.getvalue()) for f in uploaded]
    options = {k: int(v) for k, v in {"indeling": indeling, "jaar": jaar}.items() if v}
    options |= {k: v.strip() for k, v in {"gemeente": gemeente, "codekolom": codekolom}.items()
                if v and v.strip()}
    checked = uploads.check_files(files, options, user=ctx.user)
    if checked.error:
        st.error(checked.error, icon=":material/block:")
    else:
        for info in checked.results:
            # The same words as the command line's dry run, and its table per gemeente.
            head = uploads.describe(info)[0]
            st.markdown(f"**{head}**")
            if info.indicators:
                st.caption(t("Indicatoren: {namen}", namen=", ".join(info.indicators)))
            if not info.changes.empty:
                st.dataframe(info.changes, hide_index=True)
            for warning in info.warnings:
                st.warning(warning)
        if st.button(t("Laden"), type="primary", icon=":material/upload:"):
            with st.status(t("Bezig met laden…"), expanded=True) as status:
                bar = st.progress(0.0, text=t("Voorbereiden"))
                results, error = uploads.commit_files(
                    files, options, progress=lambda fraction, text: bar.progress(fraction, text=text),
                    user=ctx.user,
                )
                status.update(label=t("Klaar") if results else t("Geweigerd"),
                              state="complete" if results else "error")
            if results:
                for result in results:
                    st.success(t("{bestand} is {status} ({n} regels).", bestand=result.file,
                                 status=t(result.status), n=result.rows))
                    st.text("\n".join(uploads.describe(result)[1:]))
                st.caption(t("De app toont de nieuwe gegevens vanaf de volgende klik."))
            else:
                st.error(error, icon=":material/block:")
