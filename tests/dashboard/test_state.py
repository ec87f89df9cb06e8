"""The URL is the state: parsing query parameters into a View, with defaults and notices."""

from __future__ import annotations

import pytest

from dashboard.state import BUURTTYPES, Options, View, parse

OPTIONS = Options(
    gemeenten=("GM0202", "GM0363"),
    indicators={"lbm_score": "leefbaarheid", "onveilig_buurt": "veiligheid", "inwoners": "context"},
    periods={"lbm_score": (2014, 2016, 2018), "onveilig_buurt": (2014, 2015), "inwoners": (2024,)},
    rules=("inkomen_gemeente_kwintiel", "gemeentelijke_lijst"),
    areas=frozenset({"GM0202", "WK020201", "BU02020100", "BU02020101"}),
    references=("waarde", "verschil_gemeente", "index_nulmeting"),
    default_gemeente="GM0202",
)


def test_empty_query_gives_the_defaults_without_notices() -> None:
    view = parse({}, OPTIONS)
    assert view.gemeente == "GM0202"
    assert view.buurttype == BUURTTYPES
    assert view.indicator == "lbm_score"
    assert view.jaar == 2018 and view.nulmeting == 2014
    assert view.regel == "inkomen_gemeente_kwintiel"
    assert view.notices == ()


def test_a_view_survives_the_round_trip_through_the_url() -> None:
    view = parse(
        {
            "gemeente": "GM0202",
            "buurttype": "achterstand,voorstand",
            "thema": "veiligheid",
            "indicator": "onveilig_buurt",
            "jaar": "2015",
            "referentie": "verschil_gemeente",
            "gebieden": "BU02020100,WK020201",
            "regel": "gemeentelijke_lijst",
        },
        OPTIONS,
    )
    assert view.notices == ()
    assert parse(view.to_params(), OPTIONS) == view
    assert view.buurttype == ("achterstand", "voorstand")
    assert view.gebieden == ("BU02020100", "WK020201")


@pytest.mark.parametrize(
    ("name", "raw", "field", "expected"),
    [
        ("gemeente", "GM9999", "gemeente", "GM0202"),
        ("indicator", "'; DROP TABLE observations; --", "indicator", "lbm_score"),
        ("jaar", "1999", "jaar", 2018),
        ("jaar", "<script>", "jaar", 2018),
        ("referentie", "raar", "referentie", "waarde"),
        ("niveau", "provincie", "niveau", "buurt"),
        ("buurttype", "rijk", "buurttype", BUURTTYPES),
        ("regel", "geheim", "regel", "inkomen_gemeente_kwintiel"),
        ("buurt", "BU99999999", "buurt", ""),
    ],
)
def test_an_invalid_parameter_falls_back_to_its_default_with_a_notice(
    name: str, raw: str, field: str, expected: object
) -> None:
    view = parse({name: raw}, OPTIONS)
    assert getattr(view, field) == expected
    assert len(view.notices) == 1
    assert "bestaat niet" in view.notices[0]


def test_a_nulmeting_after_the_chosen_year_falls_back_to_the_first_year() -> None:
    view = parse({"jaar": "2016", "nulmeting": "2018"}, OPTIONS)
    assert view.nulmeting == 2014


def test_switching_theme_picks_an_indicator_of_that_theme() -> None:
    view = parse({"thema": "veiligheid", "indicator": "lbm_score"}, OPTIONS)
    assert view.indicator == "onveilig_buurt"


def test_unknown_areas_are_dropped_from_the_selection_with_a_notice() -> None:
    view = parse({"gebieden": "BU02020100,BU00000000"}, OPTIONS)
    assert view.gebieden == ("BU02020100",)
    assert view.notices


def test_view_to_params_is_stable_and_skips_empty_fields() -> None:
    params = View(gemeente="GM0202", indicator="lbm_score", jaar=2018).to_params()
    assert "gebieden" not in params and "buurt" not in params
    assert params["jaar"] == "2018"
