"""Rules about which areas a view takes together: the buurttype filter, wijk figures from their
buurten, and the overview's one number for a whole selection. Pure: frames in, frames out."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from metrics import aggregate
from metrics._frames import codes_in

BUURTTYPES = ("achterstand", "midden", "voorstand")


def wijk_values(obs: pd.DataFrame, areas: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The wijk rows of obs: the source's own wijk figure where one is loaded, else the average
    of the wijk's buurten weighted by inhabitants (aggregate.weighted_mean, with the most common
    source of those buurt values). Unit and direction: the indicator's own. Missing and
    suppressed buurt values take no part in an average; a wijk without usable buurten gets none.
    """
    buurten = areas[areas["level"] == "buurt"]
    group_map = buurten.set_index("code")["parent_code"]
    own = obs[codes_in(obs["area_code"], areas.loc[areas["level"] == "wijk", "code"])]
    derived = aggregate.weighted_mean(
        obs[codes_in(obs["area_code"], group_map.index)], aggregate.population_weights(obs),
        group_map, catalogue,
    ).rename(columns={"group": "area_code"})
    have = set(zip(own["area_code"], own["indicator_id"], own["period"], strict=True))
    keep = [
        (a, i, p) not in have
        for a, i, p in zip(derived["area_code"], derived["indicator_id"], derived["period"],
                           strict=True)
    ]
    return pd.concat([own, derived[keep]], ignore_index=True)


def among(codes: pd.Series, chosen: Iterable[object]) -> pd.Series:
    """Which of these area codes are among the chosen ones: codes.isin(chosen), fast for a
    national set of codes (see metrics._frames.codes_in)."""
    return codes_in(codes, chosen)


def in_filter(areas: pd.DataFrame, types: pd.DataFrame, level: str,
              buurttype: tuple[str, ...]) -> pd.Series:
    """Which areas of a level (buurt or wijk) fall inside the buurttype filter, by area code.

    A buurt by its latest buurttype; with every buurttype chosen there is no filter, so buurten
    without a label stay in. A wijk is inside when one of its buurten is.
    """
    latest = types.sort_values("period").drop_duplicates("area_code", keep="last")
    type_of = latest.set_index("area_code")["type"]
    buurten = areas[areas["level"] == "buurt"]
    ok = buurten["code"].map(type_of).isin(buurttype)
    if set(buurttype) == set(BUURTTYPES):
        ok[:] = True  # no filter: buurten without a label stay in
    buurt_ok = pd.Series(ok.to_numpy(), index=buurten["code"])
    if level == "buurt":
        return buurt_ok
    wijken = areas.loc[areas["level"] == "wijk", "code"]
    parent = buurten.set_index("code")["parent_code"]
    wijk_ok = buurt_ok.groupby(parent).any()
    return pd.Series([bool(wijk_ok.get(w, False)) for w in wijken], index=wijken.to_numpy())


def headline_value(
    value: float, gemeente: float | None, nulmeting: float | None, reference: str
) -> tuple[float | None, str]:
    """The overview's number for a whole selection under the reference switch, and its kind.

    'verschil_gemeente': the selection's value minus the gemeente's (None without one);
    'index_nulmeting': the value as an index, nulmeting = 100 (None without a positive
    nulmeting); any other reference: the value itself ('waarde'). Unit: the indicator's own,
    or an index.
    """
    if reference == "verschil_gemeente":
        return (None if gemeente is None else value - gemeente), "verschil_gemeente"
    if reference == "index_nulmeting":
        return ((None if not nulmeting or nulmeting <= 0 else value / nulmeting * 100),
                "index_nulmeting")
    return value, "waarde"


def most_data(gemeenten: pd.DataFrame) -> str:
    """The gemeente the app opens on: the one with the most figures loaded (the monitor is mostly
    about it; a neighbour loaded for comparison should not open first because of its name), the
    first by name on a tie. Never the whole country ('NL'), which sums them all.

    gemeenten: code, name, observations (one row per gemeente, as app_gemeenten.sql)."""
    own = gemeenten[gemeenten["code"] != "NL"]
    ranked = own.sort_values(["observations", "name"], ascending=[False, True], kind="stable")
    return str(ranked["code"].iloc[0])
