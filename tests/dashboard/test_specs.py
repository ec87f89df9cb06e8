"""Charts and maps are specs: tested as JSON (colours, tooltips, locale), not as pixels."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import charts, exports, maps

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[5.9, 51.9], [5.91, 51.9], [5.91, 51.91], [5.9, 51.9]]]})


def area_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_code": ["BU1", "BU2", "BU3"],
            "geometry_display": [SQUARE] * 3,
            "centroid_lon": [5.9, 5.91, 5.92],
            "centroid_lat": [51.9, 51.91, 51.92],
            "shown": [1.0, 9.0, float("nan")],
            "in_filter": [True, True, False],
            "naam": ["<script>alert(1)</script>", "B", "C"],
            "waarde_tekst": ["1", "9", "–"],
            "buurttype_tekst": ["x", "y", "z"],
            "bron_tekst": ["s", "s", "s"],
        }
    )


def test_the_map_uses_no_tile_server_and_text_tooltips() -> None:
    colours = maps.palette("hoger_beter", 2, True)
    spec = json.loads(maps.choropleth(area_frame(), breaks=[5.0], colours=colours).to_json())
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")  # no basemap URL
    assert "carto" not in json.dumps(spec) and "mapbox" not in json.dumps(spec)


def test_areas_get_their_class_colour_outside_filter_is_outline_only() -> None:
    colours = maps.palette("hoger_beter", 2, True)
    spec = json.loads(maps.choropleth(area_frame(), breaks=[5.0], colours=colours).to_json())
    fills = [f["properties"]["f"] for f in spec["layers"][0]["data"]["features"]]
    assert fills[0][:3] != fills[1][:3]
    assert fills[1][:3] == [int(colours[1][i : i + 2], 16) for i in (1, 3, 5)]
    assert fills[2] == maps.OUTSIDE_FILTER


def test_the_favourable_end_is_purple_whatever_the_direction() -> None:
    assert maps.palette("hoger_beter", 6, True)[-1] == maps.palette("lager_beter", 6, False)[0]


def test_the_legend_names_every_class_and_its_favourable_end() -> None:
    items = maps.legend_items([1.0, 2.0], ["#a", "#b", "#c"], lambda v: f"{v:.1f}", True)
    assert [i.label for i in items] == [
        "lager dan 1.0 (ongunstig)", "1.0 tot 2.0", "2.0 of hoger (gunstig)"
    ]


def test_charts_format_numbers_the_dutch_way() -> None:
    frame = pd.DataFrame({"reeks": ["a"], "soort": ["gebied"], "period": [2020], "shown": [1.5],
                          "ci_low": [1.0], "ci_high": [2.0], "waarde_tekst": ["1,5"], "bron_tekst": ["s"]})
    spec = charts.trend_chart(frame, title="t", y_title="%", decimals=1).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert "november" in spec["config"]["locale"]["time"]["months"]


def test_downloads_neutralise_spreadsheet_formulas() -> None:
    frame = pd.DataFrame({"Naam": ["=SUM(A1)", "+1", "-2", "@x", "gewoon"], "Waarde": [1.5, 2, 3, 4, 5]})
    text = exports.to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=SUM(A1)" in text and "'+1" in text and "'@x" in text and ";gewoon" not in text
    assert "1,5" in text  # decimal comma


@pytest.mark.parametrize("text", ["-0,008 (synthetisch)", "-2,1%", "-9,2 procentpunt", "-1.234,5"])
def test_a_worded_negative_number_is_left_readable(text: str) -> None:
    assert exports.neutralise(text) == text


@pytest.mark.parametrize("text", [
    "-2+3+cmd|' /C calc'!A0", "-1 (HYPERLINK(\"http://x\"))", "-A1", "-1)+SUM(A1", "- 1",
])
def test_a_formula_that_starts_like_a_negative_number_is_neutralised(text: str) -> None:
    assert exports.neutralise(text) == "'" + text


def test_the_map_json_carries_every_name_exactly_and_a_shared_source_once() -> None:
    frame = area_frame().assign(naam=['Buurt "De Hoek"', "Back\\slash", "Ëindhoven-Oost"])
    colours = maps.palette("hoger_beter", 2, True)
    text = maps.choropleth(frame, breaks=[5.0], colours=colours, note="alle waarden synthetisch",
                           selected="BU2").to_json()
    spec = json.loads(text)
    features = spec["layers"][0]["data"]["features"]
    assert [f["properties"]["n"] for f in features] == list(frame["naam"])
    assert [f["properties"]["c"] for f in features] == ["BU1", "BU2", "BU3"]
    assert [f["properties"]["l"] for f in features] == [1, 40, 1]
    assert features[0]["geometry"] == json.loads(SQUARE)
    assert all("b" not in f["properties"] for f in features)  # the one source sits in the tooltip
    assert spec["layers"][0]["getFillColor"] == "@@=properties.f"
    assert "\n  " not in text  # compact, not indented


def test_a_map_with_several_sources_names_each_area_s_own() -> None:
    frame = area_frame().assign(bron_tekst=["2024 · CBS", "2024 · enquête", ""])
    deck = maps.choropleth(frame, breaks=[5.0], colours=maps.palette("hoger_beter", 2, True))
    features = json.loads(deck.to_json())["layers"][0]["data"]["features"]
    assert [f["properties"]["b"] for f in features] == ["2024 · CBS", "2024 · enquête", ""]
