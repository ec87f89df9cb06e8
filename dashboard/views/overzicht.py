"""Overzicht: per theme the selection's headline figures against the gemeente, early warnings and
goals. The outline only: each section is drawn by dashboard/overview_sections.py."""

from __future__ import annotations

import streamlit as st

from dashboard import overview_sections, state, tables
from dashboard.context import TYPE_PLURAL
from dashboard.signals import overview_panel
from metrics import references

ctx = state.context()
t = state.t
view = ctx.view
chosen = ", ".join(t(TYPE_PLURAL[b]) for b in view.buurttype)
st.title(t("Overzicht {naam}", naam=ctx.gemeente_name))
st.caption(t("Selectie: {keuze}.", keuze=chosen) + f" {ctx.rule_caption()}")
state.link_to("views/briefing.py", t("Briefing (PDF) voor deze selectie"),
              icon=":material/description:", buurt="")
if view.referentie in tables.PER_AREA_REFERENCES:
    st.info(
        t("'{keuze}' vergelijkt gebieden onderling; voor de selectie als geheel toont het "
          "overzicht daarom de waarde zelf. Zie de Kaart voor deze vergelijking.",
          keuze=t(references.REFERENCES[view.referentie]))
    )
with st.spinner(t("Overzicht berekenen…")):  # in the page's language (not in data.py's cache)
    sel, members = ctx.selection_values(view.buurttype)
    gem = ctx.gemeente_values()
# A selection is compared with something other than itself: the rest of the gemeente, or, when
# the selection is the whole gemeente, its own nulmeting.
whole = set(view.buurttype) == set(state.BUURTTYPES)
rest_types = tuple(b for b in state.BUURTTYPES if b not in view.buurttype)
with st.spinner(t("Overzicht berekenen…")):
    rest = None if whole else ctx.selection_values(rest_types)[0]
reference = view.referentie
if whole and reference == "verschil_gemeente":
    st.info(t("De selectie is de hele gemeente: een verschil met de gemeente is altijd nul. Het "
              "overzicht toont daarom de waarde en de verandering sinds de nulmeting."))
    reference = "waarde"
rest_label = t("Overige buurten ({typen})", typen=", ".join(t(TYPE_PLURAL[b]) for b in rest_types))
overview_sections.headline_figures(ctx, sel, gem, rest, reference, rest_label)

st.subheader(t("Vroegsignalering"))
signals = overview_sections.early_warnings(ctx)
# Where the figures and what residents and professionals signal point at the same buurt.
overview_panel(ctx, signals[signals["signaal"] == "verslechterd"])

st.subheader(t("Doelen"))
overview_sections.goals(ctx, members)
