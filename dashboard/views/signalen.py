"""Signalen: record what residents and professionals notice about a buurt, follow it up step by
step, link it to a project, import a spreadsheet. Layout only: rules and storage are in werkdb."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import components, exports, signals, state
from werkdb import importer, rules, store

ctx = state.context()
t = state.t


def in_language(labels: dict[str, str]) -> dict[str, str]:
    """The option labels in this run's language, made now: a picker formats its options again
    between runs, when the page's language is no longer known."""
    return {key: t(label) for key, label in labels.items()}


view = ctx.view
today = dt.date.today()
st.title(t("Signalen"))
st.caption(t("Wat bewoners en professionals opmerken over een buurt, naast wat de cijfers laten "
             "zien: besproken, opgevolgd of niet, soms een project."))
st.info(t(rules.PRIVACY_HINT), icon=":material/shield_person:")

opened = signals.open_store()
if opened is None:
    st.stop()
store.archive_due(opened, today=today)
choices, labels = ctx.area_choices()
codes = list(choices.index)
register = ctx.projects()
projects = dict(zip(register["project_id"], register["name"], strict=True))

# Who writes: the logged-in user; in local mode a name typed once per session.
who, mode = signals.author(ctx.user)
name_box = st.container()  # always drawn, so the tabs below keep their place (and the open tab)
if mode == "local" and not who:
    with name_box, st.form("naam"):
        name = st.text_input(t("Uw naam of functie"), max_chars=rules.MAX_NAME,
                             help=t("Komt in de geschiedenis van elk signaal dat u vastlegt of "
                                    "wijzigt."))
        if st.form_submit_button(t("Naam bewaren")) and name.strip():
            state.author(name)
            st.rerun()
elif mode == "anonymous":  # signals are for those who may write them (signals.may_see)
    name_box.info(t("Log in om signalen te zien, vast te leggen of op te volgen; uw inlog komt "
                    "dan in de geschiedenis van elk signaal dat u wijzigt."), icon=":material/login:")
    st.stop()
else:
    name_box.caption(t("U schrijft als {naam}.", naam=who))

tab_list, tab_new, tab_follow, tab_import = st.tabs(
    [t("Lijst"), t("Nieuw signaal"), t("Opvolgen"), t("Importeren")])

with tab_new, st.form("nieuw_signaal"):
    area = st.selectbox(t("Buurt of wijk"), codes, format_func=labels.get,
                        index=codes.index(view.buurt) if view.buurt in codes else None,
                        placeholder=t("Kies een buurt of wijk"), key="signaal_gebied")
    left, right = st.columns(2)
    when = left.date_input(t("Datum"), value=today, max_value=today, format="DD-MM-YYYY")
    theme = left.selectbox(t("Thema"), list(signals.THEMES),
                           format_func=in_language(signals.THEMES).get)
    kind = right.selectbox(t("Soort bron"), list(signals.SOURCE_KINDS),
                           format_func=in_language(signals.SOURCE_KINDS).get)
    urgency = right.radio(t("Urgentie"), list(signals.URGENCIES), index=1, horizontal=True,
                          format_func=in_language(signals.URGENCIES).get)
    text = st.text_area(t("Omschrijving"), max_chars=rules.MAX_TEXT, key="signaal_tekst",
                        help=t(rules.PRIVACY_HINT))
    if st.form_submit_button(t("Signaal opslaan"), type="primary"):
        try:
            if not who:
                raise rules.SignalRefused(t("Vul eerst uw naam in (boven de tabbladen)."))
            new_id = store.create(opened, {
                "area_code": area or "", "signal_date": when, "theme": theme,
                "source_kind": kind, "description": text, "urgency": urgency},
                who, today=today, known_areas=set(codes))
            st.success(t("Signaal {nr} is opgeslagen.", nr=new_id), icon=":material/check:")
        except (rules.SignalRefused, store.StoreError) as exc:
            st.error(str(exc), icon=":material/block:")

with tab_import:
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

# Read after the forms above, so the lists show what they saved in this run.
stored = store.signals(opened, view.gemeente)

with tab_follow:
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

with tab_list:
    scope = st.radio(t("Toon"), ["open", "alle"], horizontal=True, key="signalen_toon",
                     format_func=in_language({"open": "Open signalen", "alle": "Alle signalen"}).get)
    frame = stored
    if scope == "open":
        frame = frame[frame["step"] != "afgerond"]
    if frame.empty:
        st.caption(t("Nog geen signalen in deze selectie."))
    else:
        st.caption(t("Aantal signalen in {gemeente}: {n}. {bron}, stand {datum}.", n=len(frame),
                     gemeente=ctx.gemeente_name, bron=t(signals.SOURCE_LINE),
                     datum=f"{today:%d-%m-%Y}"))
        shown = signals.table(frame, labels)
        components.dataframe(shown)
        if ctx.privacy.show_confidential:
            components.download_buttons(shown, f"signalen-{view.gemeente}")
        else:
            st.caption(t("Signalen zijn vertrouwelijk: downloaden kan alleen waar deze installatie "
                         "vertrouwelijke gegevens toont."))
