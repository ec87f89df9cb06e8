"""Entry point: page config, the st.navigation router and the shared sidebar. Layout only.

Run with `make run` (streamlit run dashboard/app.py). Problems with the database become a plain
Dutch message that says what to do, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
import streamlit.delta_generator as _streamlit_elements

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the project root.
ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from dashboard import access, context, i18n, share, state  # noqa: E402
from dashboard.context import THEME_LABELS, TYPE_PLURAL  # noqa: E402
from dashboard.i18n import LANGUAGES  # noqa: E402
from data_loaders import db  # noqa: E402
from metrics import references  # noqa: E402

# Not named pages/: Streamlit would then also serve each file as a page of its own, without
# the router and sidebar, whenever a page address is opened directly.
PAGES = Path(__file__).resolve().parent / "views"
FAVICON = Path(__file__).resolve().parent / "favicon.svg"


def sidebar(ctx: context.Context) -> None:
    view, catalogue = ctx.view, ctx.catalogue
    t = state.t
    with st.sidebar:
        st.radio(
            "Taal / Language", list(LANGUAGES), format_func=LANGUAGES.get, horizontal=True,
            **state.bind("taal"),
        )
        st.selectbox(
            t("Gemeente"),
            list(ctx.options.gemeenten),
            format_func=lambda code: f"{ctx.gemeente_names.get(code, code)} ({code})",
            **state.bind("gemeente"),
        )
        st.toggle(
            t("Alleen echte cijfers"),
            help=t("Verbergt alle gegenereerde (synthetische) waarden, uitgaven, projecten en "
                   "doelen: op elke pagina, in downloads en in de briefing."),
            **state.bind("echt"),
        )
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
        if len(ctx.options.rules) > 1:
            rule_labels = dict(zip(ctx.rules["rule"], ctx.rules["rule_label"], strict=True))
            st.selectbox(
                t("Indeling in buurttypen"),
                list(ctx.options.rules),
                format_func=lambda r: _short_rule(rule_labels.get(r, r)),
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
        # One element with a copy button (a code block loaded a syntax highlighter) and its own
        # rule above it, not a divider element: fewer elements on every rerun (issue 22).
        st.html(share.share_html(
            state.share_link(view, state.page_url()), title=t("Deel deze weergave"),
            label=t("Kopieer"), done=t("Gekopieerd"),
            caption=t("Wie deze link opent, ziet precies deze pagina met deze keuzes.")),
            unsafe_allow_javascript=True)


def _short_rule(label: str) -> str:
    return label.split(":")[0] if ":" in label else label


def run() -> None:
    # No material-icon favicon: the browser would fetch it from a font server. The emoji in a
    # small SVG file, not as text: Streamlit checks a text icon against its list of every emoji,
    # a regular expression that took 0,1 to 0,3 s to build on each server's first page.
    st.set_page_config(page_title="Buurtmonitor", page_icon=FAVICON, layout="wide")
    # On its first element in a process Streamlit asks whether it runs in an interactive
    # interpreter, to print a hint to use 'streamlit run': inspect.stack() then resolves the path
    # of every loaded module, about 0,1 s CPU of each server's first page. This app runs under
    # 'streamlit run' (or AppTest), so the hint is marked as given (a private flag of Streamlit:
    # if it is ever renamed, this only sets an unused attribute).
    if hasattr(_streamlit_elements, "_use_warning_has_been_displayed"):
        _streamlit_elements._use_warning_has_been_displayed = True
    # The language is read before the view is parsed: the navigation is built first. From the
    # address, not the previous rerun's view: a switch of language then renames the menu at once.
    chosen = state.raw_param("taal")
    taal = chosen if chosen in LANGUAGES else "nl"

    def t(text: str, **values: object) -> str:
        return i18n.translate(text, taal, **values)

    pages = [
        st.Page(PAGES / "overzicht.py", title=t("Overzicht"), icon=":material/dashboard:", default=True),
        st.Page(PAGES / "kaart.py", title=t("Kaart"), icon=":material/map:", url_path="kaart"),
        st.Page(
            PAGES / "buurtprofiel.py", title=t("Buurtprofiel"), icon=":material/location_city:",
            url_path="buurtprofiel",
        ),
        st.Page(
            PAGES / "vergelijken.py", title=t("Vergelijken"), icon=":material/compare_arrows:",
            url_path="vergelijken",
        ),
        st.Page(PAGES / "trends.py", title=t("Trends"), icon=":material/show_chart:", url_path="trends"),
        st.Page(
            PAGES / "corporaties.py", title=t("Corporaties en uitgaven"),
            icon=":material/apartment:", url_path="corporaties",
        ),
        st.Page(
            PAGES / "briefing.py", title=t("Briefing"), icon=":material/description:",
            url_path="briefing",
        ),
        st.Page(PAGES / "signalen.py", title=t("Signalen"), icon=":material/campaign:", url_path="signalen"),
        st.Page(
            PAGES / "over_de_data.py", title=t("Over de data"), icon=":material/info:", url_path="data"
        ),
    ]
    navigation = st.navigation(pages)
    user, problem = access.current_user()
    access.gate(user, problem)
    try:
        ctx = context.build(user)
    except db.DatabaseError as exc:
        st.title(t("Buurtmonitor"))
        st.error(str(exc), icon=":material/error:")
        if not isinstance(exc, db.DatabaseLocked):  # a lock passes by itself: no rebuild needed
            st.info(
                "De app leest een database die wordt gebouwd uit de bestanden in sample_data/. "
                "Voer in de projectmap 'make db' uit en laad deze pagina opnieuw."
            )
        return
    state.set_context(ctx)
    for notice in ctx.view.notices:
        st.warning(notice, icon=":material/warning:")
    sidebar(ctx)
    access.sidebar(user, problem)
    navigation.run()


run()
