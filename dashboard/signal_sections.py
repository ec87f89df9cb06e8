"""The Signalen page's working tabs: following a signal up step by step (with its history) and
importing a spreadsheet of signals. Layout and words only; rules and storage are in werkdb.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import components, exports, signals, state
from werkdb import importer, rules, store


def in_language(labels: dict[str, str]) -> dict[str, str]:
    """The option labels in this run's language, made now: a picker formats its options again
    between runs, when the page's language is no longer known."""
    return {key: state.t(label) for key, label in labels.items()}


def import_tab(opened, who: str, codes: list[str], projects: dict[str, str]) -> None:
    """The template to fill and the upload: every row checked, nothing imported on one error."""
    t = state.t
    st.caption(t("Voor organisaties die signalen in een spreadsheet bijhouden: vul het sjabloon "
                 "(CSV of Excel) en laad het hier. Alle regels worden gecontroleerd, ook op "
                 "persoonsgegevens; bij één fout wordt niets geïmporteerd."))
    blank = importer.template_frame()
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(t("Sjabloon (CSV)"), exports.to_csv_bytes(blank),
                         file_name="sjabloon-signalen.csv", mime="text/csv")
    right.download_button(t("Sjabloon (Excel)"), exports.to_xlsx_bytes(blank, "Signalen"),
                          file_name="sjabloon-signalen.xlsx")
    upload = st.file_uploader(t("Bestand met signalen"), type=["csv", "xlsx"],
                              key="signalen_bestand")
    components.upload_box_words(["csv", "xlsx"], several=False)
    if upload is not None and st.button(t("Importeren"), type="primary", disabled=not who):
        count, problem = signals.import_file(opened, upload.name, upload.getvalue(), who,
                                             set(codes), set(projects))
        if problem:
            st.error(problem, icon=":material/block:")
        else:
            st.success(t("{n} signalen geïmporteerd.", n=count), icon=":material/check:")



def follow_up_tab(opened, stored, labels: dict[str, str], projects: dict[str, str], who: str,
                  today: dt.date) -> None:
    """One signal: its next step (refused when someone changed it since it was opened), a link to
    a project, and its history."""
    t = state.t
    if stored.empty:
        st.caption(t("Nog geen signalen om op te volgen."))
    else:
        rows = stored.set_index("id")
        chosen = st.selectbox(
            t("Signaal"), list(rows.index), key="signaal_kies",
            format_func=lambda i: f"{i} · {labels.get(rows.at[i, 'area_code'], '')} · "
            f"{t(signals.THEMES[rows.at[i, 'theme']])} · {t(signals.STEPS[rows.at[i, 'step']])}")
        current = rows.loc[chosen]
        seen = state.seen_version(int(chosen), int(current["version"]))
        if seen != current["version"]:
            st.warning(t("Dit signaal is gewijzigd sinds u het opende (nu versie {v}). Wat u "
                         "nu opslaat, wordt geweigerd tot u de nieuwe versie laadt.",
                         v=int(current["version"])), icon=":material/sync_problem:")
            if st.button(t("Nieuwste versie laden")):
                state.seen_version(int(chosen), int(current["version"]), forget=True)
                st.rerun()
        st.markdown(f"**{current['description']}**")
        next_steps = rules.NEXT_STEPS[current["step"]]
        if next_steps:
            with st.form("opvolgen"):
                step = st.radio(t("Volgende stap"), list(next_steps), horizontal=True,
                                format_func=in_language(signals.STEPS).get)
                left, right = st.columns(2)
                step_date = left.date_input(t("Datum van de stap"), value=today, max_value=today,
                                            format="DD-MM-YYYY")
                responsible = right.text_input(t("Verantwoordelijke"), max_chars=rules.MAX_NAME,
                                              key="stap_verantwoordelijke")
                decision = project = None
                if "afgerond" in next_steps:  # a decision (and its project) belongs to closing
                    decision = left.selectbox(
                        t("Besluit (bij afronden)"), list(signals.DECISIONS), index=None,
                        placeholder=t("Kies een besluit"),
                        format_func=in_language(signals.DECISIONS).get)
                    project = right.selectbox(
                        t("Project (bij besluit 'project')"), list(projects), index=None,
                        placeholder=t("Kies een project"),
                        format_func=lambda p: f"{p} · {projects[p]}")
                reason = st.text_area(t("Reden"), max_chars=rules.MAX_TEXT,
                                      help=t(rules.PRIVACY_HINT))
                if st.form_submit_button(t("Stap opslaan"), type="primary"):
                    try:
                        store.follow_up(opened, int(chosen), seen, who, step=step,
                                        step_date=step_date, responsible=responsible,
                                        decision=decision if step == "afgerond" else None,
                                        reason=reason, project_id=project,
                                        known_projects=set(projects), today=today)
                        state.seen_version(int(chosen), seen, forget=True)
                        st.rerun()
                    except (rules.SignalRefused, store.StoreError) as exc:
                        st.error(str(exc), icon=":material/block:")
        else:
            st.caption(t("Dit signaal is afgerond."))
        if projects and current["decision"] != "project":
            with st.form("koppelen"):
                project = st.selectbox(t("Koppel aan een project uit het projectregister"),
                                       list(projects), format_func=lambda p: f"{p} · {projects[p]}")
                if st.form_submit_button(t("Koppelen")):
                    try:
                        store.link_project(opened, int(chosen), seen, project, who,
                                           known_projects=set(projects))
                        state.seen_version(int(chosen), seen, forget=True)
                        st.rerun()
                    except (rules.SignalRefused, store.StoreError) as exc:
                        st.error(str(exc), icon=":material/block:")
        st.markdown(f"**{t('Geschiedenis')}**")
        components.dataframe(signals.history_table(store.history(opened, int(chosen))))

