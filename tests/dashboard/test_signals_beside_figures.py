"""Signals beside the figures (issue 24): a signal recorded on the Signalen page shows on the
buurtprofiel, in the map's tooltip (and, on request, as a dot on the map), in the briefing's counts
and, where an early warning points at the same buurt and theme, on the overview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from werkdb import store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
BUURT = "BU02020100"


def _run(page: str, at: AppTest | None = None, **params: str) -> AppTest:
    at = at or AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _features(at: AppTest) -> dict[str, dict]:
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(layer for layer in deck["layers"] if layer["id"] == "gebieden")
    return {f["properties"]["c"]: f["properties"] for f in layer["data"]["features"]}


def _layers(at: AppTest) -> list[str]:
    return [layer["id"] for layer in json.loads(at.get("deck_gl_json_chart")[0].proto.json)
            ["layers"]]


def _record_on_page(text: str, theme: str = "veiligheid") -> AppTest:
    at = _run("signalen", buurt=BUURT)
    at.text_input[0].input("Wijkregisseur Oost")
    at.button[0].click().run()
    at.selectbox(key="signaal_gebied").select(BUURT)
    at.text_area(key="signaal_tekst").input(text)
    next(box for box in at.selectbox if box.label == "Thema").select(theme)
    next(b for b in at.button if b.label == "Signaal opslaan").click().run()
    assert not at.exception, at.exception
    assert any("is opgeslagen" in s.value for s in at.success)
    return at


@pytest.mark.usefixtures("app_env")
def test_a_signal_recorded_on_the_page_shows_in_the_map_tooltip_and_as_a_dot_on_request() -> None:
    before = _run("kaart", niveau="buurt")
    assert _features(before)[BUURT]["s"] == ""
    assert "{s}" in before.get("deck_gl_json_chart")[0].proto.tooltip
    _record_on_page("Meer woninginbraken in de donkere maanden")
    at = _run("kaart", niveau="buurt")
    features = _features(at)
    assert features[BUURT]["s"] == "Open signalen: 1 (veiligheid)"
    assert sum(1 for p in features.values() if p["s"]) == 1
    assert "signalen" not in _layers(at)
    at.toggle(key="kaart_signalen").set_value(True).run()
    assert not at.exception, at.exception
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    dots = next(layer for layer in deck["layers"] if layer["id"] == "signalen")
    assert len(dots["data"]) == 1
    wijk = _run("kaart", niveau="wijk")
    assert _features(wijk)["WK020201"]["s"] == "Open signalen: 1 (veiligheid)"


@pytest.mark.usefixtures("app_env")
def test_the_map_tooltip_line_follows_the_english_switch() -> None:
    opened = store.open_store(store.store_url())
    store.create(opened, {"area_code": BUURT, "signal_date": "2024-05-01", "theme": "contact",
                          "source_kind": "welzijn", "urgency": "middel",
                          "description": "Weinig aanloop bij het buurthuis"}, "Welzijn Oost")
    at = _run("kaart", niveau="buurt", taal="en")
    assert _features(at)[BUURT]["s"] == "Open signals: 1 (contact (social cohesion))"
