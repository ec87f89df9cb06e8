"""What the cache puts together for the Corporaties page from the frames it read: which areas
and indicators one organisation's page needs, and its spending map and tables. Pure: frames in,
frames out.

No streamlit and no database here (tests/test_layers.py); dashboard/data.py reads and caches.
"""

from __future__ import annotations

import pandas as pd

from dashboard import i18n, maps, profiles, spending_views, tables
from metrics import selection as selection_rules
from metrics.selection import among


def corporation_indicators(cat: pd.DataFrame) -> tuple[str, ...]:
    """What the Corporaties page reads whatever the chosen indicator: the inhabitants, the
    outcome headline indicators (the development table) and the status scores (the need)."""
    return tuple(dict.fromkeys(("inwoners", *cat.index[cat["headline"].astype(bool)
                                                       & (cat["result"] == "outcome")],
                                *profiles.STATUS_INDICATORS)))


def national_areas(area_rows: pd.DataFrame, spending: pd.DataFrame, organisation: str
                   ) -> pd.DataFrame:
    """At national scale, the areas of the gemeenten the organisation spent in (the four digits
    after 'BU' or 'WK' of a CBS code name its gemeente) and every gemeente."""
    worked = set(spending.loc[spending["organisation"] == organisation, "area_code"].str[2:6])
    return area_rows[(area_rows["level"] == "gemeente") | area_rows["code"].str[2:6].isin(worked)]


def area_codes(scope_areas: pd.DataFrame) -> tuple[str, ...]:
    """The codes of the buurten and wijken whose observations are read. No area where it spent
    (it has projects only, or this user sees none of its spending): nothing is computed from
    observations then, so none are read (an empty list would mean the whole country)."""
    return tuple(scope_areas.loc[scope_areas["level"] != "gemeente", "code"]) or ("",)


def types_now(types: pd.DataFrame, latest: int | None) -> pd.Series:
    """Each area's buurttype in the rule's latest year (empty without one)."""
    return (types[types["period"] == latest].set_index("area_code")["type"]
            if latest is not None else pd.Series(dtype=str))


def _words(taal: str):
    return lambda text, **v: i18n.translate(text, taal, **v)


def spending_map_rows(pic, geo: pd.DataFrame, taal: str) -> tuple[object, pd.DataFrame, list[str]]:
    """The spending map's areas with tooltip texts and the start of each feature's JSON, of the
    picture's buurten only (`geo`: the boundaries), with coarser coordinates above
    maps.LARGE_MAP areas."""
    geo = geo[among(geo["area_code"], pic.areas["area_code"])].reset_index(drop=True)
    if len(geo) > maps.LARGE_MAP:
        geo = geo.assign(geometry_display=maps.coarser(geo["geometry_display"]))
    rows = spending_views.map_frame(pic, geo, pd.Series(dtype=bool), _words(taal))
    return pic, rows, maps.feature_heads(rows).tolist()


def spending_map(pic, rows: pd.DataFrame, heads: list[str], scope: tables.Scope,
                 buurttype: tuple[str, ...], taal: str) -> tuple[object, list]:
    """The spending map's deck (its JSON written once) and legend for one buurttype filter."""
    # The filter over the picture's buurten alone (at national scale not every buurttype of
    # the country): the same rule as in_filter, per buurt.
    inside = selection_rules.in_filter(scope.areas, scope.types, "buurt", buurttype)
    deck, legend = spending_views.spending_map(
        pic, rows.assign(in_filter=rows["area_code"].map(inside).fillna(False).astype(bool)),
        _words(taal), heads=heads)
    deck.to_json()
    return deck, legend


def spending_tables(pic, cat: pd.DataFrame, indicator: str) -> dict:
    """The three pictures' tables (spending_views.map_table, change_table, need_table)."""
    out = {"map": spending_views.map_table(pic)}
    if pic.change_years is not None and indicator in cat.index:
        out["change"] = spending_views.change_table(pic, cat)
    if pic.need_indicator is not None:
        out["need"] = spending_views.need_table(pic, str(cat.loc[pic.need_indicator, "name"]))
    return out
