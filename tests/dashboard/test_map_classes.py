"""Map classes mean the same with and without the buurttype filter; the view fits the selection;
names on request."""

from __future__ import annotations

import pandas as pd
import pytest
from app_walk import run
from map_args import codes_of, fills, legend_text, map_args

from dashboard import maps
from dashboard.map_component import spec


def fills_and_legend(**params: str) -> tuple[dict[str, str], list[str], dict]:
    at = run("kaart", **params)
    assert not at.exception, at.exception
    args = map_args(at)  # a fresh session: the shapes come with the first run
    legend = [legend_text(args)]  # drawn inside the map's frame
    return fills(args, codes_of(args)), legend, args


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("referentie", ["waarde", "verschil_gemeente", "percentiel"])
def test_a_buurt_keeps_its_class_and_the_legend_its_classes_under_a_filter(referentie) -> None:
    everything, legend_all, _ = fills_and_legend(referentie=referentie)
    filtered, legend_some, _ = fills_and_legend(referentie=referentie, buurttype="achterstand")
    grey = spec.OUTSIDE_HEX
    inside = [code for code, fill in filtered.items() if fill != grey]
    assert 0 < len(inside) < len(filtered)  # the filter greys some buurten out
    if referentie != "percentiel":  # a rank within the selection is another number, same scale
        assert {c: filtered[c] for c in inside} == {c: everything[c] for c in inside}
    assert legend_all and " tot " in legend_all[0]
    assert legend_some == legend_all


@pytest.mark.usefixtures("app_env")
def test_the_map_fits_the_selected_areas_not_the_whole_gemeente() -> None:
    _, _, whole = fills_and_legend()
    # The demo's default rule (the gemeente's own list) names achterstandsbuurten only.
    _, _, some = fills_and_legend(buurttype="achterstand")
    w_west, w_south, w_east, w_north = whole["paint"]["fit"]
    west, south, east, north = some["paint"]["fit"]
    assert w_west <= west and w_south <= south and east <= w_east and north <= w_north
    assert some["paint"]["fit"] != whole["paint"]["fit"]


def test_the_view_holds_every_area_with_a_margin() -> None:
    frame = pd.DataFrame({"min_lon": [5.85, 5.90], "max_lon": [5.88, 5.97],
                          "min_lat": [51.95, 51.97], "max_lat": [51.98, 52.03],
                          "centroid_lon": [5.86, 5.93], "centroid_lat": [51.96, 52.0],
                          "in_filter": [True, True]})
    view = maps.view_state(frame, width=800, height=560)
    assert view.longitude == pytest.approx(5.91)
    # At this zoom the whole extent plus the margin fits in 800 x 560 pixels.
    pixels_per_degree = 512 * 2 ** view.zoom / 360
    assert (5.97 - 5.85) * pixels_per_degree * (1 + 2 * maps.MARGIN) <= 800 + 1e-6
    assert 51.95 < view.latitude < 52.03


@pytest.mark.usefixtures("app_env")
def test_names_appear_on_the_map_when_asked() -> None:
    at = run("kaart")
    first = map_args(at)
    assert first["paint"]["labels"] is False
    at.toggle(key="kaart_namen").set_value(True).run()
    again = map_args(at)
    assert again["paint"]["labels"] is True
    # The names are the tooltip texts the browser holds since the first run: neither they nor
    # the shapes are sent again, only what is painted.
    assert "texts" not in again and again["texts_key"] == first["texts_key"]
    assert "shapes" not in again and again["shapes_key"] == first["shapes_key"]
    names = [line[0] for line in first["texts"]["lines"]]
    assert "Markt" in names
