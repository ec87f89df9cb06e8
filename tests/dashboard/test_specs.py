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


# --- Trends and Vergelijken: what the charts say, as specs ---------------------------------------


def trend_frame(years=(2014, 2016, 2018, 2020, 2022)) -> pd.DataFrame:
    rows = []
    for reeks, soort in (("Klarendal (wijk)", "gebied"), ("Klarendal (buurt)", "gebied"),
                         ("Gemeente Arnhem", "gemeente")):
        for i, year in enumerate(years):
            rows.append({"reeks": reeks, "soort": soort, "period": year, "shown": 3.9 + i / 50,
                         "ci_low": float("nan"), "ci_high": float("nan"),
                         "waarde_tekst": "3,9", "bron_tekst": "CBS"})
    return pd.DataFrame(rows)


def project_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "project": ["Oud", "Buurttuin", "Later"],
        "organisatie": ["x", "y", "z"],
        "van": pd.to_datetime(["2008-01-01", "2019-03-01", "2025-02-01"]),
        "tot": pd.to_datetime(["2010-12-31", "2026-12-31", "2026-12-31"]),
        "tekst": ["Oud (x)", "Buurttuin (y)", "Later (z)"],
    })


def layers_of(spec: dict) -> list[dict]:
    return spec["layer"]


def test_the_trend_axis_spans_the_years_with_data_and_no_year_more() -> None:
    spec = charts.trend_chart(trend_frame(), title="t", y_title="score", decimals=2,
                              projects=project_frame()).to_dict()
    domains = [layer["encoding"]["x"]["scale"]["domain"] for layer in layers_of(spec)
               if "scale" in layer.get("encoding", {}).get("x", {})]
    assert domains and all(d == [{"year": 2014, "month": 1, "date": 1},
                                 {"year": 2022, "month": 1, "date": 1}] for d in domains)


def test_projects_are_thin_markers_with_their_name_not_grey_bands_over_the_lines() -> None:
    spec = charts.trend_chart(trend_frame(), title="t", y_title="score", decimals=2,
                              projects=project_frame()).to_dict()
    marks = [layer["mark"] for layer in layers_of(spec)]
    assert not any(m.get("type") == "rect" for m in marks)
    rule = next(m for m in marks if m.get("type") == "rule" and m.get("color") == "#9a9a9a")
    assert rule["strokeWidth"] <= 1 and rule["opacity"] < 1
    marker = next(layer for layer in layers_of(spec) if layer["mark"].get("shape") == "triangle-down")
    assert marker["encoding"]["tooltip"][0]["field"] == "tekst"
    # Only the project running within 2014-2022 is marked: the older and the later one are not.
    shown = spec["datasets"][marker["data"]["name"]]
    assert [row["tekst"] for row in shown] == ["Buurttuin (y)"]


def test_a_wijk_and_a_buurt_of_the_same_name_are_two_series() -> None:
    spec = charts.trend_chart(trend_frame(), title="t", y_title="score", decimals=2).to_dict()
    line = next(layer for layer in layers_of(spec) if layer["mark"].get("type") == "line")
    assert line["encoding"]["color"]["sort"][:2] == ["Klarendal (wijk)", "Klarendal (buurt)"]


def test_the_trend_chart_speaks_english_when_asked() -> None:
    spec = charts.trend_chart(trend_frame(), title="t", y_title="score", decimals=2, nulmeting=2014,
                              taal="en").to_dict()
    line = next(layer for layer in layers_of(spec) if layer["mark"].get("type") == "line")
    assert line["encoding"]["x"]["title"] == "Year"
    assert line["encoding"]["color"]["title"] == "Series"
    assert line["encoding"]["strokeDash"]["title"] == "Kind"
    assert line["encoding"]["strokeDash"]["scale"]["domain"] == [
        "area", "municipality", "neighbourhood type"]
    assert [t["title"] for t in line["encoding"]["tooltip"]] == ["Series", "Year", "Value", "Source"]
    assert "baseline" in json.dumps(spec) and "nulmeting" not in json.dumps(spec["datasets"])


def comparison_frame(values=(-0.12, -0.05, 0.01)) -> pd.DataFrame:
    codes, names, levels = ["WK020207", "BU02020700", "BU02020701"], \
        ["Klarendal", "Klarendal", "Sint Marten"], ["wijk", "buurt", "buurt"]
    rows = []
    for indicator, unit in (("Geregistreerde geweldsmisdrijven per 1.000 inwoners in de buurt",
                             "per 1.000 inwoners"), ("Afwijking van het verwachte niveau", "score")):
        for code, name, level, value in zip(codes, names, levels, values, strict=True):
            rows.append({"Code": code, "Gebied": name, "Niveau": level, "Indicator": indicator,
                         "Eenheid": unit, "Jaar": 2024, "Waarde": value,
                         "Weergave": f"{value:.2f}".replace(".", ","),
                         "gemeente_waarde": -0.08 if min(values) < 0 else 4.0})
    return pd.DataFrame(rows)


def test_a_wijk_and_a_buurt_of_the_same_name_get_a_bar_each_labelled_with_the_level() -> None:
    spec = charts.comparison_chart(comparison_frame(), title="t").to_dict()
    panel = spec["concat"][0]
    bars = next(layer for layer in panel["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["y"]["sort"] == ["Klarendal (wijk)", "Klarendal", "Sint Marten"]
    assert charts.area_labels(comparison_frame(), "en")["WK020207"] == "Klarendal (district)"


def test_comparison_titles_are_whole_on_two_lines_and_the_panels_use_the_width() -> None:
    spec = charts.comparison_chart(comparison_frame(), title="t").to_dict()
    assert spec["columns"] == 2 and len(spec["concat"]) == 2
    first = spec["concat"][0]
    assert first["title"]["text"] == [
        "Geregistreerde geweldsmisdrijven per 1.000 inwoners in de buurt",
        "(per 1.000 inwoners, 2024)"]
    assert "labelLimit" not in first["title"]
    assert 2 * first["width"] >= 500


def test_value_labels_sit_past_the_bar_ends_inside_the_scale() -> None:
    frame = comparison_frame(values=(2.0, 9.2, 5.0))
    spec = charts.comparison_chart(frame, title="t").to_dict()
    panel = spec["concat"][0]
    texts = [layer for layer in panel["layer"] if layer["mark"]["type"] == "text"]
    assert {(t["mark"]["align"], t["mark"]["dx"] > 0) for t in texts} == {("left", True),
                                                                         ("right", False)}
    low, high = panel["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert low == 0 and high >= 9.2 * 1.15  # room for "9,2" past the longest bar


def test_comparison_ticks_never_repeat_a_label() -> None:
    import re

    import vl_convert

    frame = comparison_frame()
    frame = frame[frame["Indicator"] == frame["Indicator"].iloc[0]]
    spec = charts.comparison_chart(frame, title="t").to_dict()
    svg = vl_convert.vegalite_to_svg(spec)
    labels = set(frame["Weergave"])
    ticks = [t for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg)
             if re.fullmatch(r"[−\-]?[\d.,]+", t.strip()) and t not in labels]
    assert len(ticks) >= 3
    assert len(ticks) == len(set(ticks)), ticks


def test_only_accessors_are_expressions_in_every_map_layer() -> None:
    """A bare string prop (size units, font) is read as an expression and blanks a layer."""
    frame = area_frame().assign(open_signalen=[2, 0, 0], signalen_tekst=["", "", ""])
    colours = maps.palette("hoger_beter", 2, True)
    deck = maps.choropleth(frame, breaks=[5.0], colours=colours, labels=True, signal_layer=True)
    layers = json.loads(deck.to_json())["layers"]
    assert {layer["id"] for layer in layers} >= {"namen", "signalen"}
    for layer in layers:
        for key, value in layer.items():
            if isinstance(value, str) and value.startswith("@@="):
                assert key.startswith("get"), (layer["id"], key, value)
