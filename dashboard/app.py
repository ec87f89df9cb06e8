"""Entry point: page config, the st.navigation router and the shared sidebar. Layout only.

Run with `make run` (streamlit run dashboard/app.py). Problems with the database become a plain
Dutch message that says what to do, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the project root.
ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from dashboard import context, state  # noqa: E402
from dashboard.context import THEME_LABELS, TYPE_PLURAL  # noqa: E402
from data_loaders import db  # noqa: E402
from metrics import references  # noqa: E402

# Not named pages/: Streamlit would then also serve each file as a page of its own, without
# the router and sidebar, whenever a page address is opened directly.
PAGES = Path(__file__).resolve().parent / "views"


def sidebar(ctx: context.Context) -> None:
    view, catalogue = ctx.view, ctx.catalogue
    with st.sidebar:
        st.selectbox(
            "Gemeente",
            list(ctx.options.gemeenten),
            format_func=lambda code: f"{ctx.gemeente_names.get(code, code)} ({code})",
            **state.bind("gemeente"),
        )
        st.radio(
            "Niveau",
            ["buurt", "wijk"],
            format_func=lambda v: {"buurt": "Buurten", "wijk": "Wijken"}[v],
            horizontal=True,
            **state.bind("niveau"),
        )
        st.multiselect(
            "Buurttype",
            list(state.BUURTTYPES),
            format_func=lambda t: TYPE_PLURAL[t],
            help="Toon alleen buurten van deze typen. Gebieden buiten het filter blijven grijs "
            "zichtbaar op de kaart.",
            **state.bind("buurttype"),
        )
        if len(ctx.options.rules) > 1:
            rule_labels = dict(zip(ctx.rules["rule"], ctx.rules["rule_label"], strict=True))
            st.selectbox(
                "Indeling in buurttypen",
                list(ctx.options.rules),
                format_func=lambda r: _short_rule(rule_labels.get(r, r)),
                **state.bind("regel"),
            )
        st.caption(ctx.rule_caption())
        themes = [t for t in THEME_LABELS if t in set(ctx.options.indicators.values())]
        st.selectbox("Thema", themes, format_func=THEME_LABELS.get, **state.bind("thema"))
        in_theme = [i for i, t in ctx.options.indicators.items() if t == view.thema]
        st.selectbox(
            "Indicator",
            in_theme,
            format_func=lambda i: f"{catalogue.loc[i, 'name']} ({catalogue.loc[i, 'unit']})",
            **state.bind("indicator"),
        )
        years = list(ctx.options.periods.get(view.indicator, ()))
        if years:
            st.selectbox("Jaar", list(reversed(years)), **state.bind("jaar"))
            st.selectbox(
                "Nulmeting (basisjaar)",
                years,
                help="Het jaar waartegen veranderingen en de index worden afgezet.",
                **state.bind("nulmeting"),
            )
        st.selectbox(
            "Vergelijk met",
            list(references.REFERENCES),
            format_func=references.REFERENCES.get,
            help="Bepaalt wat de kaart, de trends en het overzicht tonen: de waarde zelf, "
            "het verschil met de gemeente of met buurten van hetzelfde type, een index ten "
            "opzichte van de nulmeting, een z-score of een percentielrang.",
            **state.bind("referentie"),
        )
        st.divider()
        st.markdown("**Deel deze weergave**")
        st.code(state.share_link(view, state.page_url()), language=None)
        st.caption("Wie deze link opent, ziet precies deze pagina met deze keuzes.")


def _short_rule(label: str) -> str:
    return label.split(":")[0] if ":" in label else label


def run() -> None:
    # No material-icon favicon: the browser would fetch it from a font server.
    st.set_page_config(page_title="Buurtmonitor", page_icon="🏘️", layout="wide")
    pages = [
        st.Page(PAGES / "overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "kaart.py", title="Kaart", icon=":material/map:", url_path="kaart"),
        st.Page(
            PAGES / "buurtprofiel.py", title="Buurtprofiel", icon=":material/location_city:",
            url_path="buurtprofiel",
        ),
        st.Page(
            PAGES / "vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:",
            url_path="vergelijken",
        ),
        st.Page(PAGES / "trends.py", title="Trends", icon=":material/show_chart:", url_path="trends"),
        st.Page(
            PAGES / "over_de_data.py", title="Over de data", icon=":material/info:", url_path="data"
        ),
    ]
    navigation = st.navigation(pages)
    try:
        ctx = context.build()
    except db.DatabaseError as exc:
        st.title("Buurtmonitor")
        st.error(str(exc), icon=":material/error:")
        st.info(
            "De app leest een database die wordt gebouwd uit de bestanden in sample_data/. "
            "Voer in de projectmap 'make db' uit en laad deze pagina opnieuw."
        )
        return
    state.set_context(ctx)
    for notice in ctx.view.notices:
        st.warning(notice, icon=":material/warning:")
    sidebar(ctx)
    navigation.run()


run()
