"""The beheerder's part of 'Over de data': what has been loaded (the load log and the roles) and
loading files: checked first, a preview of what changes, then loaded all or nothing.
Layout and words only; checking and loading are in dashboard/uploads.py (the loaders' pipeline).
"""

from __future__ import annotations

import streamlit as st

from dashboard import access, components, state

LOADABLE = ["csv", "txt", "xlsx", "geojson", "json", "topojson", "gpkg", "zip"]


def load_log(ctx) -> None:  # ctx: dashboard.context.Context
    """Every load with its file, checksum, rows and who loaded it; the roles beside it."""
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



def load_files(ctx) -> None:
    """A template to fill, the upload, the check with its preview, and the load."""
    # Imported here: the loaders' pipeline (GDAL, pyproj: about 0,3 s) only for a beheerder.
    from dashboard import uploads

    t = state.t
    st.markdown(t(
        "Laad een bestand zoals u het downloadt: een CBS-export (StatLine CSV, open-datatabel of "
        "kwb-bestand), Leefbaarometer 3.0, grenzen (GeoJSON of TopoJSON, WGS84 of RD New) of een "
        "eigen sjabloon. Het bestand wordt eerst gecontroleerd; u ziet wat er verandert voordat "
        "het "
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
    uploaded = st.file_uploader(
        t("Bestand om te laden"),
        type=LOADABLE,
        accept_multiple_files=True,
        help=t("Maximaal 200 MB per bestand. Meerdere bestanden worden samen geladen: alle of "
               "geen."),
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
                        files, options,
                        progress=lambda fraction, text: bar.progress(fraction, text=text),
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
