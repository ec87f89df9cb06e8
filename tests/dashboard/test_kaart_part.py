"""The kaart page's map part is a fragment: a filter choice that changes nothing else in the
sidebar reruns only that part, and still moves the URL, the share link and the map along.

A full run is recognised by the sidebar's filters being drawn (dashboard.filters.draw, called
from app.py only in a full run). The niveau and buurttype filters are the fragment's own widgets
there: the browser then reruns the fragment alone (one run; tests/e2e counts the runs), while
AppTest always runs the whole script, so here it is checked that the fragment draws them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from map_args import codes_of, fills, map_args
from streamlit.testing.v1 import AppTest

from dashboard import filters

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
RULE = "inkomen_gemeente_kwintiel"  # the demo rule with all three buurttypes
GREY = "#d7d7d7"  # outside the buurttype filter (dashboard/maps.py)


@pytest.fixture
def full_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per full run of the app from here on."""
    runs: list[int] = []
    drawn = filters.draw

    def counted(ctx, **options) -> None:  # noqa: ANN001 - a Context
        runs.append(1)
        drawn(ctx, **options)

    monkeypatch.setattr(filters, "draw", counted)
    return runs


def kaart(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"regel": RULE, **params}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("views/kaart.py").run()
    assert not at.exception, at.exception
    return at


def share_html(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if "Deel deze weergave" in h.proto.body)


def param(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value[-1] if isinstance(value, list) else value


@pytest.fixture
def types_drawn_in(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Per drawing of the niveau and buurttype filters: the fragment drawing them (None: the
    main run). Streamlit's own record of the running fragment, as its widgets are tagged with."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

    where: list[str | None] = []
    drawn = filters.draw_types

    def recorded(ctx) -> None:  # noqa: ANN001 - a Context
        where.append(ThreadState.get().fragment_id)
        drawn(ctx)

    monkeypatch.setattr(filters, "draw_types", recorded)
    return where


@pytest.mark.usefixtures("app_env")
def test_the_map_part_draws_the_niveau_and_buurttype_filters_itself(
    types_drawn_in: list[str | None],
) -> None:
    # A widget drawn by the fragment reruns the fragment alone: one run per change, where a
    # widget of the main run starts a full run that its callback could only replace.
    at = kaart()
    assert types_drawn_in and types_drawn_in[-1] is not None
    sidebar = at.sidebar
    assert [w.key for w in sidebar.radio][-1] == "w_niveau"
    assert [w.key for w in sidebar.multiselect] == ["w_buurttype"]
    # Still at their place in the sidebar: after the choice of language and gemeente, before
    # the indeling in buurttypen.
    keys = [n.key for n in sidebar if getattr(n, "key", None)]
    assert keys.index("w_niveau") < keys.index("w_buurttype") < keys.index("w_regel")
    types_drawn_in.clear()
    at.switch_page("views/overzicht.py").run()
    assert not at.exception, at.exception
    assert types_drawn_in == [None]  # a page without a filter part: the main run draws them


@pytest.mark.usefixtures("app_env")
def test_a_buurttype_choice_moves_url_link_and_map() -> None:
    at = kaart()
    args = map_args(at)
    codes = codes_of(args)
    grey_before = sum(c == GREY for c in fills(args, codes).values())
    assert "buurttype=achterstand%2Cmidden%2Cvoorstand" in share_html(at)

    at.multiselect(key="w_buurttype").set_value(["achterstand", "midden"]).run()
    assert not at.exception, at.exception
    assert param(at, "buurttype") == "achterstand,midden"
    link = share_html(at)
    assert "buurttype=achterstand%2Cmidden" in link and "voorstand" not in link
    grey_after = sum(c == GREY for c in fills(map_args(at), codes).values())
    assert grey_after > grey_before  # the voorstandsbuurten turn grey


@pytest.mark.usefixtures("app_env")
def test_a_buurttype_added_back_comes_first_in_the_address() -> None:
    at = kaart(buurttype="midden,voorstand")
    # Added back, the type comes last in the widget and first in the address.
    at.multiselect(key="w_buurttype").set_value(["midden", "voorstand", "achterstand"]).run()
    assert not at.exception, at.exception
    assert param(at, "buurttype") == "achterstand,midden,voorstand"


@pytest.mark.usefixtures("app_env")
def test_a_year_choice_reruns_only_the_map_part(full_runs: list[int]) -> None:
    at = kaart()
    before = len(full_runs)
    years = at.selectbox(key="w_jaar").options
    at.selectbox(key="w_jaar").set_value(int(years[-1])).run()  # the oldest year
    assert not at.exception, at.exception
    assert len(full_runs) == before  # the fragment alone
    assert param(at, "jaar") == years[-1]
    assert f"jaar={years[-1]}" in share_html(at)


@pytest.mark.usefixtures("app_env")
def test_a_choice_that_changes_other_widgets_reruns_the_whole_page(
    full_runs: list[int],
) -> None:
    at = kaart()
    before, was = len(full_runs), param(at, "indicator")
    at.selectbox(key="w_thema").set_value("veiligheid").run()
    assert not at.exception, at.exception
    assert len(full_runs) == before + 1  # the indicators to choose from are another theme's
    assert param(at, "indicator") != was
    assert at.selectbox(key="w_indicator").value == param(at, "indicator")


@pytest.mark.usefixtures("app_env")
def test_an_emptied_buurttype_filter_shows_all_types_again() -> None:
    at = kaart()
    at.multiselect(key="w_buurttype").set_value([]).run()
    assert not at.exception, at.exception
    # The address falls back to every type: the widget is drawn again to show that.
    assert at.multiselect(key="w_buurttype").value == ["achterstand", "midden", "voorstand"]


@pytest.mark.usefixtures("app_env")
def test_the_notice_about_a_wrong_address_goes_with_the_next_choice(
    full_runs: list[int],
) -> None:
    at = kaart()
    at.query_params["referentie"] = "onzin"  # as typed into the address of the open map
    at.run()
    assert any("onzin" in w.value for w in at.warning)
    before = len(full_runs)
    years = at.selectbox(key="w_jaar").options
    at.selectbox(key="w_jaar").set_value(int(years[-1])).run()
    assert not at.exception, at.exception
    assert len(full_runs) == before  # the fragment alone, which shows the notices itself
    assert not any("onzin" in w.value for w in at.warning)
    assert param(at, "jaar") == years[-1]


@pytest.mark.usefixtures("app_env")
def test_a_database_that_cannot_be_read_in_the_map_part_gives_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dashboard import context
    from data_loaders import db

    at = kaart()

    def locked(user) -> None:  # noqa: ANN001 - as context.build
        raise db.DatabaseLocked("De database wordt net bijgewerkt; probeer het zo opnieuw.")

    monkeypatch.setattr(context, "build", locked)
    years = at.selectbox(key="w_jaar").options
    at.selectbox(key="w_jaar").set_value(int(years[-1])).run()  # reruns the fragment alone
    assert not at.exception, at.exception
    assert any("net bijgewerkt" in e.value for e in at.error)
