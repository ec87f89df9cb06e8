"""Buurtprofiel: one buurt (or wijk) on one page, per theme against the gemeente and its peers.
The choice of area and the outline; each section is drawn by dashboard/profile_sections.py."""

from __future__ import annotations

import streamlit as st

from dashboard import components, profile_sections, state

ctx = state.context()
t = state.t
view = ctx.view
areas = ctx.areas
choices, labels = ctx.area_choices()
label = labels.__getitem__
codes = ctx.area_codes()  # plain text: 14.000 options nationally


st.title(t("Buurtprofiel"))
search = st.text_input(
    t("Zoek een buurt of wijk"),
    placeholder=t("Typ een deel van de naam, bijvoorbeeld 'Klarendal'"),
    help=t("Of klik op de Kaart op een buurt: dan opent hier haar profiel."),
)
found = [c for c in codes if search.strip().lower() in labels[c].lower()] \
    if search.strip() else codes
if view.buurt and view.buurt not in found:
    found = [view.buurt, *found]
if not found:
    st.warning(t("Geen buurt of wijk gevonden met '{zoek}'. Probeer een ander deel van de naam.",
                 zoek=search))
    st.stop()
st.selectbox(
    t("Buurt of wijk"), found, format_func=label, placeholder=t("Kies een buurt of wijk"),
    **state.bind("buurt"),
)
code = view.buurt if view.buurt in choices.index else None
if code is None:
    st.info(t("Kies hierboven een buurt of wijk, of klik op de Kaart op een buurt."))
    st.stop()

scope = ctx.area_scope(code)  # this area (and a wijk's buurten) only: see data.area_scope
head = ctx.area_header(code)
with st.spinner(t("Profiel berekenen…")):  # in the page's language (not in data.py's cache)
    rows = ctx.profile(code)

st.header(head.name)
where = t("Buurt in wijk {wijk}", wijk=head.wijk) if head.wijk else t("Wijk") \
    if head.level == "wijk" else ""
st.caption(f"{where} · {ctx.gemeente_name} · code {head.code}")
state.link_to("views/briefing.py", t("Briefing (PDF) voor dit gebied"),
              icon=":material/description:", buurt=code)
profile_sections.header(ctx, head, code)
profile_sections.attention(ctx, rows, code)
components.synthetic_banner(bool((rows["Synthetisch"] == "ja").any()) if not rows.empty else False)

if rows.empty:
    st.warning(t("Voor dit gebied zijn geen cijfers geladen."))
    st.stop()

profile_sections.theme_tables(ctx, head, code)
profile_sections.expected_and_measured(ctx, head, code)
profile_sections.leefbaarometer_parts(ctx, scope, code)
profile_sections.plans(ctx, scope, code)
