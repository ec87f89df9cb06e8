"""Signalen: record what residents and professionals notice about a buurt, follow it up step by
step, link it to a project, import a spreadsheet. Layout only: rules and storage are in werkdb."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import components, signal_sections, signals, state
from werkdb import rules, store

ctx = state.context()
t = state.t


in_language = signal_sections.in_language
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
    signal_sections.import_tab(opened, who, codes, projects)

# Read after the forms above, so the lists show what they saved in this run.
stored = store.signals(opened, view.gemeente)

with tab_follow:
    signal_sections.follow_up_tab(opened, stored, labels, projects, who, today)

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
