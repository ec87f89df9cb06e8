"""The English switch: every text passed to t() has an English entry, and pages follow the switch."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from map_args import legend_text, map_args
from streamlit.testing.v1 import AppTest

from dashboard import i18n

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
APP = str(DASHBOARD / "app.py")


def translated_literals() -> list[tuple[str, str]]:
    """(file, text) for every t("...") / state.t("...") call with a literal first argument."""
    found = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
                node.func, "id", "")
            first = node.args[0]
            if name == "t" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((path.name, first.value))
    return found


def test_the_pages_use_the_translation_function() -> None:
    assert len(translated_literals()) > 40


@pytest.mark.parametrize("where,text", translated_literals())
def test_every_translated_text_has_an_english_entry(where: str, text: str) -> None:
    assert text in i18n.EN, f"{where}: geen Engelse tekst voor {text!r}"


def test_a_template_keeps_its_placeholders_in_english() -> None:
    for dutch, english in i18n.EN.items():
        placeholders = {p.split("}")[0] for p in dutch.split("{")[1:]}
        assert placeholders == {p.split("}")[0] for p in english.split("{")[1:]}, dutch


def test_dutch_is_the_default_and_unknown_text_stays_dutch() -> None:
    assert i18n.translate("Kaart", "nl") == "Kaart"
    assert i18n.translate("Kaart", "en") == "Map"
    assert i18n.translate("iets zonder vertaling", "en") == "iets zonder vertaling"
    assert i18n.translate("Sinds {jaar}", "en", jaar=2018) == "Since 2018"


@pytest.mark.usefixtures("app_env")
def test_the_english_switch_translates_navigation_sidebar_and_indicator_names() -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["taal"] = "en"
    at.query_params["buurt"] = "BU02020100"
    at.switch_page("views/buurtprofiel.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Neighbourhood profile"
    labels = [s.label for s in at.selectbox]
    assert {"Municipality", "Theme", "Indicator", "Compare with"} <= set(labels)
    assert "Gemeente" not in labels
    table = at.dataframe[0].value
    assert "Leefbaarometer score" in set(table["label"])  # the catalogue's English name
    dutch = AppTest.from_file(APP, default_timeout=90)
    dutch.query_params["buurt"] = "BU02020100"
    dutch.switch_page("views/buurtprofiel.py").run()
    assert dutch.title[0].value == "Buurtprofiel"
    assert "Gemeente" in [s.label for s in dutch.selectbox]


@pytest.mark.usefixtures("app_env")
def test_the_map_page_follows_the_english_switch() -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["taal"] = "en"
    at.query_params["indicator"] = "onveilig_buurt"  # generated: the map warns in English
    at.switch_page("views/kaart.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Map: ")
    assert "Show the table for the map" in [w.label for w in at.toggle]
    captions = " ".join(c.value for c in at.caption)
    assert "areas in the filter." in captions
    assert "Map of Arnhem by neighbourhood" in captions
    assert "Grey: outside the neighbourhood type filter" in captions
    assert "Kaart van" not in captions and "Grijs:" not in captions
    legend = legend_text(map_args(at))  # drawn inside the map's frame
    assert "(favourable)" in legend and "(unfavourable)" in legend and " to " in legend
    assert "gunstig" not in legend and "lager dan" not in legend
    assert "synthetic demo data" in at.warning[0].value
