"""What the cache puts together for the map page from the frames it read: the areas with values
and tooltip texts, and one view's classes, colours, deck and table. Pure: frames in, frames out.

No streamlit and no database here (tests/test_layers.py); dashboard/data.py reads and caches.
"""

from __future__ import annotations

import pandas as pd

from dashboard import i18n, maps, tables


def map_periods(has_refs: bool, indicator: str, reference: str, year: int | None,
                nulmeting: int | None) -> tuple[int, ...]:
    """The years of the indicator the map reads when the load stored the references: `year`, and
    the nulmeting as well for the index. () means every year (and the inhabitants), from which
    the references are computed: without stored references, without a year, for the
    inhabitants themselves, or for the index without a nulmeting."""
    if not has_refs or year is None or indicator == "inwoners":
        return ()
    if reference != "index_nulmeting":
        return (int(year),)
    if nulmeting is not None:
        return tuple(sorted({int(year), int(nulmeting)}))
    return ()


def map_geometry(geo: pd.DataFrame) -> pd.DataFrame:
    """The boundaries as the pydeck map draws them: coarser coordinates above maps.LARGE_MAP
    areas, and each area's bounds (to fit the view to the selection)."""
    if len(geo) > maps.LARGE_MAP:
        geo = geo.assign(geometry_display=maps.coarser(geo["geometry_display"]))
    return geo.join(maps.bounds(geo["geometry_display"]))


def map_rows(
    scope: tables.Scope, geo: pd.DataFrame, indicator: str, level: str, reference: str,
    nulmeting: int | None, year: int | None, buurttype: tuple[str, ...] | None,
    types_in: pd.Series, refs: tuple[pd.DataFrame, pd.DataFrame] | None, taal: str,
) -> tuple[pd.DataFrame, object, str]:
    """tables.map_rows of these areas, with the tooltip's words in the language (numbers keep
    their notation)."""
    rows, legend, note = tables.map_rows(scope, geo, indicator, level, reference, nulmeting,
                                         year, buurttype, types_in, refs)
    if taal != "nl":
        rows = rows.assign(
            waarde_tekst=rows["waarde_tekst"].map(lambda v: i18n.translate_number_text(v, taal)),
            buurttype_tekst=rows["buurttype_tekst"].map(lambda v: i18n.translate(v, taal)),
            bron_tekst=rows["bron_tekst"].map(lambda v: i18n.translate_source(v, taal)))
        note = i18n.translate(note, taal) if note else note
    return rows, legend, note


def map_view(
    geo: pd.DataFrame, legend, note: str, heads: list[str] | None, inside: pd.Series,
    info: pd.Series, reference: str, year: int | None, selected: str | None, labels: bool,
    signals: tuple[tuple[str, int, str], ...] | None, signal_layer: bool, deck: bool,
) -> dict:
    """One map view from the map's rows (`geo`, never empty): the areas with `in_filter`, the
    class breaks and colours, the pydeck deck when `deck` (its JSON written once; `heads`: the
    start of each feature's JSON) and the table under the map. `info`: the indicator's
    catalogue row; `signals`: the open signals per area, None when the user sees none."""
    geo = geo.assign(in_filter=geo["area_code"].map(inside).fillna(False).astype(bool))
    if signals is not None:
        geo = maps.with_signals(geo, signals)
    better_high = {"hoger": True, "lager": False}.get(legend.better_when)
    # Over every area of the level, not the filtered ones: a filter greys areas out but never
    # changes what a colour means (map_rows does not depend on the filter for these references).
    breaks = maps.map_classes(geo["shown"], reference, legend.diverging, legend.midpoint)
    colours = maps.palette(info["direction"], len(breaks) + 1, better_high)
    drawn_deck = None
    if deck:  # the pydeck spec; the map page draws the map component instead (map_layers)
        drawn_deck = maps.choropleth(geo, breaks=breaks, colours=colours, selected=selected,
                                     heads=heads, note=note, labels=labels,
                                     signal_layer=signal_layer)
        drawn_deck.to_json()  # written now, once
    table = tables.map_table(geo, info, legend, reference, year)
    return {"geo": geo, "legend": legend, "breaks": breaks, "colours": colours,
            "better_high": better_high, "deck": drawn_deck if deck else deck, "table": table,
            "note": note}
