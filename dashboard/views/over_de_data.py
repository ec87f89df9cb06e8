"""Over de data: the indicator catalogue, the sources, the buurttype rule; for a beheerder also the
load log (who loaded what) and loading data."""

from __future__ import annotations

import streamlit as st

from dashboard import access, components, data, state, uploads
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

st.subheader(t("Bronnen"))
sources = ctx.sources[["label", "publisher", "licence", "attribution", "synthetic", "confidential"]]
sources = sources.assign(
    synthetic=sources["synthetic"].map({True: "ja: gegenereerd, geen echte metingen", False: "nee"}),
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
components.dataframe(rules)
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
loads = data.loads(ctx.version).rename(
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
    t("Sjabloon voor eigen gegevens"), list(uploads.TEMPLATE_LABELS), format_func=uploads.TEMPLATE_LABELS.get
)
st.download_button(
    t("Download sjabloon (CSV)"),
    uploads.template_csv(kind),
    file_name=f"sjabloon_{kind}.csv",
    mime="text/csv",
    icon=":material/download:",
)
upload = st.file_uploader(
    t("Bestand om te laden"),
    type=["csv", "txt", "xlsx", "geojson", "json", "topojson"],
    help="Maximaal 200 MB.",
)
left, right = st.columns(2)
indeling = left.number_input("Indelingsjaar (alleen voor grenzen)", 2000, 2100, value=None, step=1)
jaar = right.number_input("Jaar (alleen voor een kwb-bestand zonder jaar)", 2000, 2100, value=None, step=1)
if upload is not None:
    options = {k: int(v) for k, v in {"indeling": indeling, "jaar": jaar}.items() if v}
    checked = uploads.check(upload.name, upload.getvalue(), options, user=ctx.user)
    if checked.error:
        st.error(checked.error, icon=":material/block:")
    else:
        info = checked.preview
        st.markdown(
            f"**{info['bestand']}**: {info['regels']} regels, {info['gebieden']} gebieden, "
            f"jaren {', '.join(map(str, info['jaren']))}, bron `{info['bron']}`. "
            f"Vervangt {info['vervangt']} bestaande regels van deze bron in deze jaren."
        )
        if info["indicatoren"]:
            st.caption("Indicatoren: " + ", ".join(info["indicatoren"]))
        for warning in info["waarschuwingen"]:
            st.warning(warning)
        if st.button("Laden", type="primary", icon=":material/upload:"):
            with st.status("Bezig met laden…", expanded=True) as status:
                bar = st.progress(0.0, text="Voorbereiden")
                result, error = uploads.commit(
                    upload.name, upload.getvalue(), options,
                    progress=lambda fraction, text: bar.progress(fraction, text=text),
                    user=ctx.user,
                )
                status.update(label="Klaar" if result else "Geweigerd",
                              state="complete" if result else "error")
            if result:
                st.success(f"{result.file} is {result.status} ({result.rows} regels). De app toont "
                           "de nieuwe gegevens vanaf de volgende klik.")
            else:
                st.error(error, icon=":material/block:")
