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

from dashboard import access, context, filters, i18n, state  # noqa: E402
from dashboard.i18n import LANGUAGES  # noqa: E402
from data_loaders import db  # noqa: E402

# Not named pages/: Streamlit would then also serve each file as a page of its own, without
# the router and sidebar, whenever a page address is opened directly.
PAGES = Path(__file__).resolve().parent / "views"
FAVICON = Path(__file__).resolve().parent / "favicon.svg"
# Pages whose map and legend are a fragment (by its key): a choice in the filters that changes
# nothing else in the sidebar reruns that fragment alone (state.bind; issue 22).
FILTER_PARTS = {"kaart": "kaart"}


def sidebar(ctx: context.Context, filter_part: bool) -> None:
    """The shared sidebar; with filter_part, the page draws the niveau and buurttype filters and
    the share link into slots itself."""
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
        filters.draw(ctx, fragment=filter_part)
        # A page with a filter part (a fragment) fills this slot itself, so that the link also
        # follows a choice that reruns only that fragment (issue 22).
        slot = st.container()
    if filter_part:
        state.set_slot("share", slot)
    else:
        with slot:
            filters.share_link(ctx)


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
    # A page with a filter part shows the notices about the address itself, inside that part:
    # they then go away with the choice that corrects the address.
    filter_part = navigation.url_path in FILTER_PARTS
    state.set_part(FILTER_PARTS.get(navigation.url_path))
    if not filter_part:
        filters.notices(ctx)
    sidebar(ctx, filter_part)
    access.sidebar(user, problem)
    navigation.run()


run()
