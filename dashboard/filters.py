"""The filter part of the sidebar (niveau, buurttype, indicator, jaar, vergelijking, share link)
and the notices about the address. Layout only.

app.py draws the filters in the main run. A page with a filter part of its own (the kaart) is a
fragment that draws the notices, the niveau and buurttype filters and the share link itself: a
change of those reruns only that fragment, and so does another choice that changes nothing else
in the sidebar (state.bind; issue 22).
"""

from __future__ import annotations

import streamlit as st

from dashboard import context, i18n, share, state
from dashboard.context import THEME_LABELS, TYPE_PLURAL
from data_loaders import db
from metrics import references


def notices(ctx: context.Context) -> None:
    """What was wrong with the address and what is shown instead."""
    for notice in ctx.view.notices:
        st.warning(i18n.translate_notice(notice, ctx.view.taal), icon=":material/warning:")


def part() -> context.Context | None:
    """What a page with a filter part does first in its fragment: this rerun's Context (None,
    with a message, when the database cannot be read). Then part_top(ctx)."""
    try:
        return context.current()
    except db.DatabaseError as exc:  # e.g. locked by a reload since the page opened
        st.error(str(exc), icon=":material/error:")
        return None


def part_top(ctx: context.Context) -> None:
    """The notices above the page and the share link in the sidebar slot app.py left for it
    (both follow every choice), and the niveau and buurttype filters in theirs (draw_types)."""
    notices(ctx)
    with state.slot("types"):
        draw_types(ctx)
    with state.slot("share"):
        share_link(ctx)


def draw(ctx: context.Context, fragment: bool = False) -> None:
    """The filters, bound to the URL. With `fragment` (a page with a filter part) the niveau and
    buurttype are left to the page's fragment (draw_types), in a slot at their place."""
    view, catalogue = ctx.view, ctx.catalogue
    t = state.t
    if fragment:
        state.set_slot("types", st.container())
    else:
        draw_types(ctx)
    if len(ctx.options.rules) > 1:
        rule_labels = dict(zip(ctx.rules["rule"], ctx.rules["rule_label"], strict=True))
        st.selectbox(
            t("Indeling in buurttypen"),
            list(ctx.options.rules),
            # Labels made now, in this run's language.
            format_func={r: _short_rule(i18n.translate_rule(rule_labels.get(r, r), view.taal))
                         for r in ctx.options.rules}.get,
            **state.bind("regel"),
        )
    st.caption(ctx.rule_caption())
    themes = [t for t in THEME_LABELS if t in set(ctx.options.indicators.values())]
    st.selectbox(
        t("Thema"), themes, format_func={x: t(THEME_LABELS[x]) for x in themes}.get,
        **state.bind("thema"),
    )
    in_theme = [i for i, t in ctx.options.indicators.items() if t == view.thema]
    st.selectbox(
        t("Indicator"),
        in_theme,
        # Labels made now, in this run's language (the unit words too: 'per 1.000 inwoners').
        format_func={i: f"{catalogue.loc[i, 'name']} "
                     f"({i18n.translate_number_text(catalogue.loc[i, 'unit'], view.taal)})"
                     for i in in_theme}.get,
        **state.bind("indicator"),
    )
    years = list(ctx.options.periods.get(view.indicator, ()))
    if years:
        st.selectbox(t("Jaar"), list(reversed(years)), **state.bind("jaar"))
        st.selectbox(
            t("Nulmeting (basisjaar)"),
            years,
            help=t("Het jaar waartegen veranderingen en de index worden afgezet."),
            **state.bind("nulmeting"),
        )
    st.selectbox(
        t("Vergelijk met"),
        list(references.REFERENCES),
        format_func={r: t(label) for r, label in references.REFERENCES.items()}.get,
        help=t("Bepaalt wat de kaart, de trends en het overzicht tonen: de waarde zelf, "
               "het verschil met de gemeente of met buurten van hetzelfde type, een index ten "
               "opzichte van de nulmeting, een z-score of een percentielrang."),
        **state.bind("referentie"),
    )


def draw_types(ctx: context.Context) -> None:
    """The niveau and buurttype filters. On a page with a filter part its fragment draws them
    (into the slot draw left for them): a change of either then reruns that fragment alone, in
    one run, where a widget of the main run started a full run that its callback could only
    stop and replace (issue 22)."""
    t = state.t
    st.radio(
        t("Niveau"),
        ["buurt", "wijk"],
        # Labels made now, in this run's language (a format_func is also called after the
        # run, when the language may no longer be known).
        format_func={"buurt": t("Buurten"), "wijk": t("Wijken")}.get,
        horizontal=True,
        **state.bind("niveau"),
    )
    st.multiselect(
        t("Buurttype"),
        list(state.BUURTTYPES),
        format_func={b: t(TYPE_PLURAL[b]) for b in state.BUURTTYPES}.get,
        help=t("Toon alleen buurten van deze typen. Gebieden buiten het filter blijven grijs "
               "zichtbaar op de kaart."),
        placeholder=t("Kies buurttypen"),
        **state.bind("buurttype"),
    )


def share_link(ctx: context.Context) -> None:
    """The address of this view, to copy."""
    t = state.t
    # One element with a copy button (a code block loaded a syntax highlighter) and its own
    # rule above it, not a divider element: fewer elements on every rerun (issue 22).
    st.html(share.share_html(
        state.share_link(ctx.view, state.page_url()), title=t("Deel deze weergave"),
        label=t("Kopieer"), done=t("Gekopieerd"),
        caption=t("Wie deze link opent, ziet precies deze pagina met deze keuzes.")),
        unsafe_allow_javascript=True)


def _short_rule(label: str) -> str:
    return label.split(":")[0] if ":" in label else label
