"""The corporation's pictures as specs: the spending map (fixed classes, white where nothing was
spent, grey outside the filter, projects in the tooltip), the spending-against-change scatter and
the spending-against-need chart, tested as JSON on a small hand-made gemeente."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import maps, spending_views, tables
from metrics import spending_areas

ROOT = Path(__file__).resolve().parents[2]
SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[5.9, 51.9], [5.91, 51.9],
                                                         [5.91, 51.91], [5.9, 51.9]]]})
# CBS-shaped codes: the gemeente (0001) is the four digits after BU.
BUURTEN = ["BU00010101", "BU00010102", "BU00010103", "BU00010104"]


OTHER = "BU00020101"


def t(text: str, **values: object) -> str:
    return text.format(**values) if values else text


def scope() -> tables.Scope:
    cat = pd.read_csv(ROOT / "data_loaders" / "catalogue" / "indicators.csv").set_index(
        "id", drop=False)
    obs = []
    for code, people, income, unsafe in [("BU00010101", 1000, 20.0, (30, 22)), ("BU00010102", 500, 25.0, (20, 21)),
                                         ("BU00010103", 800, 30.0, (25, 24)), ("BU00010104", 900, 40.0, (10, 9)),
                                         # Another gemeente (0002), where nobody spent.
                                         (OTHER, 700, 10.0, (40, 30))]:
        obs += [(code, "inwoners", 2024, people, None), (code, "inkomen_per_inwoner", 2021, income, None),
                (code, "onveilig_buurt", 2020, unsafe[0], 400), (code, "onveilig_buurt", 2024, unsafe[1], 400)]
    frame = pd.DataFrame(obs, columns=["area_code", "indicator_id", "period", "value", "n"])
    frame = frame.assign(suppressed=False, synthetic=False, source="s", ci_low=None, ci_high=None)
    areas = pd.DataFrame({"code": [*BUURTEN, OTHER], "name": ["Een", "Twee", "Drie", "Vier", "Ver"],
                          "level": "buurt", "parent_code": "WK1", "gemeente_code": "GM1"})
    return tables.Scope(obs=frame, areas=areas, types=pd.DataFrame(), catalogue=cat,
                        sources=pd.DataFrame({"label": ["Eigen uitgaven"]}, index=["eigen"]))


SPEND = pd.DataFrame({
    "organisation": ["Corporatie", "Corporatie", "Gemeente"],
    "area_code": ["BU00010101", "BU00010102", "BU00010103"], "year": [2022, 2024, 2023],
    "category": ["wijkbeheer"] * 3, "amount_eur": [3000.0, 600.0, 9000.0],
    "dwellings": [100, 50, None], "source": "eigen", "synthetic": False, "confidential": True})
PROJECTS = pd.DataFrame({
    "name": ["Buurttuin"], "organisation": ["Corporatie"], "area_codes": ["BU00010101 BU00010103"],
    "start_date": [pd.Timestamp("2022-03-01")], "end_date": [pd.NaT]})
TYPES = pd.Series({OTHER: "achterstand", "BU00010101": "achterstand", "BU00010102": "achterstand", "BU00010103": "midden",
                   "BU00010104": "achterstand"})


@pytest.fixture()
def picture() -> spending_views.Picture:
    pic = spending_views.build(scope(), SPEND, PROJECTS, "Corporatie", "onveilig_buurt", 2020,
                               2024, TYPES)
    assert pic is not None
    return pic


def geo() -> pd.DataFrame:
    return pd.DataFrame({"area_code": BUURTEN, "geometry_display": [SQUARE] * 4,
                         "centroid_lon": [5.9] * 4, "centroid_lat": [51.9] * 4})


def test_the_picture_holds_rate_change_need_and_projects_per_buurt(picture) -> None:
    a = picture.areas.set_index("area_code")
    assert picture.period == (2022, 2024) and picture.basis == spending_areas.PER_DWELLING
    assert a.loc["BU00010101", "rate"] == pytest.approx(3000 / 3 / 100)  # 10 euro per dwelling a year
    assert a.loc["BU00010102", "rate"] == pytest.approx(600 / 3 / 50)
    # BU00010104: same type, nobody spent there: the comparison buurt. BU00010103: another type.
    assert list(a["groep"]) == [spending_views.GROUP_SPENT, spending_views.GROUP_SPENT, "",
                                spending_views.GROUP_COMPARISON]
    assert picture.change_years == (2020, 2024)
    assert a.loc["BU00010101", "difference"] == pytest.approx(-8.0)
    # Lowest income of the four buurten of its gemeente; the other gemeente's buurt (income 10)
    # is no part of this organisation's picture.
    assert a.loc["BU00010101", "need"] == pytest.approx(87.5)
    assert OTHER not in a.index
    assert a.loc["BU00010103", "projecten"] == "Buurttuin (Corporatie, 2022–)"


def test_the_spending_map_has_fixed_classes_white_for_none_and_projects_in_the_tooltip(
        picture) -> None:
    inside = pd.Series({"BU00010101": True, "BU00010102": True, "BU00010103": True, "BU00010104": False})
    rows = spending_views.map_frame(picture, geo(), inside, t)
    deck, legend = spending_views.spending_map(picture, rows, t)
    spec = json.loads(deck.to_json())
    features = {f["properties"]["c"]: f["properties"] for f in spec["layers"][0]["data"]["features"]}
    blues = maps.palette("neutraal", 6, None)
    # 10 euro: below the first fixed break (25), the lightest blue; 4 euro the same.
    assert features["BU00010101"]["f"] == [int(blues[0][i:i + 2], 16) for i in (1, 3, 5)]
    assert features["BU00010103"]["f"] == maps.NO_DATA  # the organisation spent nothing there
    assert features["BU00010104"]["f"] == maps.OUTSIDE_FILTER
    assert features["BU00010101"]["w"] == "10,00 euro per woning per jaar (2022–2024)"
    assert "Projecten: Buurttuin (Corporatie, 2022–)" in features["BU00010101"]["t"]
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
    assert deck._tooltip["text"].endswith("Een vergelijking, geen bewijs van effect.")
    assert [i.label for i in legend][:2] == ["lager dan 25", "25 tot 50"]
    assert legend[-2].colour == "#ffffff" and legend[-1].colour == "#d7d7d7"


def test_the_change_scatter_puts_comparison_buurten_at_zero_with_margins_and_a_click(
        picture) -> None:
    spec = spending_views.change_chart(picture, scope().catalogue, t).to_dict()
    rows = next(r for r in spec["datasets"].values() if "area_code" in r[0])
    by_code = {r["area_code"]: r for r in rows}
    assert set(by_code) == {"BU00010101", "BU00010102", "BU00010104"}
    assert by_code["BU00010104"]["x"] == 0 and by_code["BU00010104"]["groep"] == spending_views.GROUP_COMPARISON
    # 30% -> 22% of 400 each: pooled 0,26, se = sqrt(0,26 * 0,74 * 2/400) = 3,1016 procentpunt,
    # margin 1,96 * 3,1016 = 6,079.
    assert by_code["BU00010101"]["high"] - by_code["BU00010101"]["difference"] == pytest.approx(6.079, abs=0.001)
    layers = spec["layer"]
    assert any(m.get("mark", {}).get("type") == "rule" and "y2" in m.get("encoding", {})
               for m in layers)
    points = next(m for m in layers if m.get("mark", {}).get("type") == "point")
    # Altair lifts a layer's selection to the top, bound to the points' view.
    pick = next(p for p in spec["params"] if p["name"] == "buurt")
    assert pick["select"] == {"type": "point", "fields": ["area_code"], "on": "click"}
    assert pick["views"] == [points["name"]]
    assert points["encoding"]["color"]["scale"]["domain"] == list(tables.TYPE_LABELS.values())
    assert {tip["title"] for tip in points["encoding"]["tooltip"]} >= {"Projecten", "Marge (95%)"}


def test_the_need_chart_shades_the_high_need_band_and_the_list_finds_it(picture) -> None:
    spec = spending_views.need_chart(picture, t).to_dict()
    band = spec["layer"][0]
    assert band["mark"]["type"] == "rect"
    band_data = spec["datasets"][band["data"]["name"]]
    assert band_data == [{"a": spending_areas.HIGH_NEED, "b": 100.0}]
    table = spending_views.need_table(picture, "Gemiddeld inkomen per inwoner")
    # BU00010101 (need 87,5): 3.000 / 3 years / 1.000 inhabitants = 1 euro, under 5: listed. BU00010102 (62,5)
    # and BU00010104 (12,5) are not high need.
    assert list(table["Code"]) == ["BU00010101"]
    assert table["Behoefte (0-100)"].iloc[0] == 87.5
