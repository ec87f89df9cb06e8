"""The kaart page's map part is a fragment: a filter choice that changes nothing else in the
sidebar reruns only that part, and still moves the URL, the share link and the map along.

A full run is recognised by the sidebar's filters being drawn (dashboard.filters.draw, called
from app.py only in a full run).
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

    def counted(ctx) -> None:  # noqa: ANN001 - a Context
        runs.append(1)
        drawn(ctx)

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


@pytest.mark.usefixtures("app_env")
def test_a_buurttype_choice_reruns_only_the_map_part_and_moves_url_link_and_map(
    full_runs: list[int],
) -> None:
    at = kaart()
    before = len(full_runs)
    args = map_args(at)
    codes = codes_of(args)
    grey_before = sum(c == GREY for c in fills(args, codes).values())
    assert "buurttype=achterstand%2Cmidden%2Cvoorstand" in share_html(at)

    at.multiselect(key="w_buurttype").set_value(["achterstand", "midden"]).run()
    assert not at.exception, at.exception
    assert len(full_runs) == before  # the fragment alone
    assert param(at, "buurttype") == "achterstand,midden"
    link = share_html(at)
    assert "buurttype=achterstand%2Cmidden" in link and "voorstand" not in link
    grey_after = sum(c == GREY for c in fills(map_args(at), codes).values())
    assert grey_after > grey_before  # the voorstandsbuurten turn grey


@pytest.mark.usefixtures("app_env")
def test_a_buurttype_added_back_reruns_only_the_map_part_whatever_its_order(
    full_runs: list[int],
) -> None:
    at = kaart(buurttype="midden,voorstand")
    before = len(full_runs)
    # Added back, the type comes last in the widget and first in the address.
    at.multiselect(key="w_buurttype").set_value(["midden", "voorstand", "achterstand"]).run()
    assert not at.exception, at.exception
    assert len(full_runs) == before
    assert param(at, "buurttype") == "achterstand,midden,voorstand"


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
def test_an_emptied_buurttype_filter_reruns_the_page_and_shows_all_types_again(
    full_runs: list[int],
) -> None:
    at = kaart()
    before = len(full_runs)
    at.multiselect(key="w_buurttype").set_value([]).run()
    assert not at.exception, at.exception
    # The address falls back to every type: the widget is drawn again to show that.
    assert len(full_runs) == before + 1
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
    at.radio(key="w_niveau").set_value("wijk").run()
    assert not at.exception, at.exception
    assert len(full_runs) == before  # the fragment alone, which shows the notices itself
    assert not any("onzin" in w.value for w in at.warning)
    assert param(at, "niveau") == "wijk"


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
    at.multiselect(key="w_buurttype").set_value(["achterstand"]).run()
    assert not at.exception, at.exception
    assert any("net bijgewerkt" in e.value for e in at.error)
