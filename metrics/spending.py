"""Leefbaarheid spending: per year, per dwelling and per inhabitant, and a two-group comparison.

Pure functions on tidy frames. Spending rows: organisation, area_code, year, category, amount_eur
(euro, nominal), dwellings (the organisation's dwellings in the area, may be missing). Inhabitants:
area_code, period, value (inwoners). None of this says what the money caused: the two-group
comparison sets buurten side by side, it does not isolate an effect.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from metrics import change
from metrics._frames import prepared_obs, usable

# 'Little or no spending': below this many euro per inhabitant per year, all organisations together.
LOW_SPENDING_PER_INHABITANT = 5.0

_PER_YEAR = ["organisation", "year", "amount_eur", "areas", "dwellings", "amount_with_dwellings",
             "per_dwelling", "inhabitants", "per_inhabitant"]


def inhabitants_at(inhabitants: pd.DataFrame, areas: Iterable[str],
                   years: Iterable[int]) -> np.ndarray:
    """Inhabitants of each (area, year) pair, in the order given (float, NaN without a count):
    that year's count, else the latest earlier one, else the earliest later one (counts move
    slowly; a missing year should not drop an area). Of two rows of the same area and year the
    first counts. One sorted search over all pairs, not a pass per area or year."""
    codes = np.asarray(list(areas), dtype=object)
    wanted = np.asarray(list(years), dtype="int64")
    out = np.full(len(codes), np.nan)
    pop = inhabitants.loc[inhabitants["value"].notna(), ["area_code", "period", "value"]]
    if not len(codes) or pop.empty:
        return out
    # Areas as numbers shared by counts and pairs; a count's key is area * SPAN + year.
    span = 1 << 20
    keys, _ = pd.factorize(np.concatenate([pop["area_code"].to_numpy(dtype=object), codes]))
    area_of_count, area_of_pair = keys[:len(pop)], keys[len(pop):]
    key = area_of_count * span + np.clip(pop["period"].to_numpy(dtype="int64"), 0, span - 1)
    order = np.argsort(key, kind="stable")  # equal keys keep their order: the first counts
    key, values = key[order], pop["value"].to_numpy(dtype=float)[order]
    first = np.r_[True, key[1:] != key[:-1]]
    key, values = key[first], values[first]
    area_sorted = key // span
    # At or before the year: the last count whose key is at most area * SPAN + year.
    at = np.searchsorted(key, area_of_pair * span + np.clip(wanted, -1, span - 1),
                         side="right") - 1
    found = (at >= 0) & (area_sorted[np.maximum(at, 0)] == area_of_pair) & (area_of_pair >= 0)
    # Else the area's earliest count.
    start = np.searchsorted(area_sorted, area_of_pair, side="left")
    inside = start < len(key)
    later = (~found & inside & (area_of_pair >= 0)
             & (area_sorted[np.minimum(start, len(key) - 1)] == area_of_pair))
    out[found] = values[at[found]]
    out[later] = values[start[later]]
    return out


def inhabitants_in(inhabitants: pd.DataFrame, areas: Iterable[str], year: int) -> pd.Series:
    """Inhabitants per area in `year` (inhabitants_at's rule), indexed by area."""
    wanted = list(dict.fromkeys(areas))
    return pd.Series(inhabitants_at(inhabitants, wanted, [int(year)] * len(wanted)),
                     index=wanted, dtype=float)


def per_area(spending: pd.DataFrame, inhabitants: pd.DataFrame) -> pd.DataFrame:
    """Per organisation, area and year: amount (euro), dwellings, euro per dwelling and per
    inhabitant. Dwellings: the largest count given on that area-year's rows (each category row
    repeats it); per_dwelling is NaN where no count is known; per_inhabitant NaN without
    inhabitants."""
    if spending.empty:
        return pd.DataFrame(columns=["organisation", "area_code", "year", "amount_eur",
                                     "dwellings", "per_dwelling", "inhabitants",
                                     "per_inhabitant"])
    grouped = spending.groupby(["organisation", "area_code", "year"], as_index=False).agg(
        amount_eur=("amount_eur", "sum"), dwellings=("dwellings", "max"))
    grouped["dwellings"] = pd.to_numeric(grouped["dwellings"], errors="coerce").astype(float)
    grouped["per_dwelling"] = grouped["amount_eur"] / grouped["dwellings"].where(
        grouped["dwellings"] > 0)
    grouped["inhabitants"] = inhabitants_at(inhabitants, grouped["area_code"],
                                            grouped["year"].astype(int))
    grouped["per_inhabitant"] = grouped["amount_eur"] / grouped["inhabitants"].where(
        grouped["inhabitants"] > 0)
    return grouped


def per_year(spending: pd.DataFrame, inhabitants: pd.DataFrame,
             areas: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per organisation and year, over all its areas: amount, areas, euro per dwelling (over the
    areas whose dwellings are known: their amount / their dwellings) and euro per inhabitant
    (amount / inhabitants of the areas it spent in). `areas`: per_area of the same rows, when
    the caller has it already."""
    areas = per_area(spending, inhabitants) if areas is None else areas
    if areas.empty:
        return pd.DataFrame(columns=_PER_YEAR)
    known = areas["dwellings"].notna() & (areas["dwellings"] > 0)
    out = areas.assign(
        amount_with_dwellings=areas["amount_eur"].where(known, 0.0),
        dwellings=areas["dwellings"].where(known, 0.0),
    ).groupby(["organisation", "year"], as_index=False).agg(
        amount_eur=("amount_eur", "sum"), areas=("area_code", "nunique"),
        dwellings=("dwellings", "sum"), amount_with_dwellings=("amount_with_dwellings", "sum"),
        inhabitants=("inhabitants", "sum"),
    )
    out["per_dwelling"] = out["amount_with_dwellings"] / out["dwellings"].where(out["dwellings"] > 0)
    out["per_inhabitant"] = out["amount_eur"] / out["inhabitants"].where(out["inhabitants"] > 0)
    return out[_PER_YEAR]


def intensity(spending: pd.DataFrame, inhabitants: pd.DataFrame, years: Iterable[int],
              areas: Iterable[str]) -> pd.Series:
    """Per area: euro per inhabitant per year over `years`, all organisations together (0 where
    nothing was spent; NaN without inhabitants)."""
    years = list(years)
    areas = list(dict.fromkeys(areas))
    spent = spending[spending["year"].isin(years)].groupby("area_code")["amount_eur"].sum()
    people = inhabitants_in(inhabitants, areas, max(years) if years else 0)
    total = spent.reindex(areas).fillna(0.0)
    return total / len(years or [1]) / people.where(people > 0)


def comparison_buurten(
    own: Iterable[str], types: pd.Series, intensity_per_area: pd.Series,
    threshold: float = LOW_SPENDING_PER_INHABITANT,
) -> list[str]:
    """Buurten of the same buurttype(s) as `own` where all organisations together spent less than
    `threshold` euro per inhabitant per year: the comparison group. types: area_code -> type."""
    own = set(own)
    wanted = set(types.reindex(list(own)).dropna())
    low = intensity_per_area[intensity_per_area < threshold].index
    return sorted(c for c in low if c not in own and types.get(c) in wanted)


def compare_groups(changes: pd.DataFrame, group: Iterable[str], comparison: Iterable[str],
                   catalogue: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: the mean change in the spending buurten and in the comparison buurten.

    changes: area_code, indicator_id, difference (value_to - value_from in the indicator's unit,
    e.g. from metrics.change.change_between). Each buurt counts once (unweighted mean); buurten
    without a change are left out and counted in neither n. gap = group mean - comparison mean;
    `group_better` says whether that gap is in the good direction (lager_beter flips it), NA for
    neutral indicators or a missing side. A comparison, not an effect: the groups may differ in
    more than spending.
    """
    changes = changes.dropna(subset=["difference"])
    # Which side each row is on, looked up once for all indicators.
    in_group = changes["area_code"].isin(set(group)).to_numpy()
    in_comparison = changes["area_code"].isin(set(comparison)).to_numpy()
    difference = changes["difference"].reset_index(drop=True)
    rows = []
    for indicator, at in changes.groupby("indicator_id", sort=False).indices.items():
        a = difference.iloc[at[in_group[at]]]
        b = difference.iloc[at[in_comparison[at]]]
        gap = a.mean() - b.mean() if len(a) and len(b) else np.nan
        direction = str(catalogue.loc[indicator, "direction"]) if indicator in catalogue.index \
            else "neutraal"
        better = pd.NA
        if not np.isnan(gap) and direction in ("hoger_beter", "lager_beter"):
            better = bool(gap > 0) if direction == "hoger_beter" else bool(gap < 0)
        rows.append({"indicator_id": indicator, "group_change": a.mean() if len(a) else np.nan,
                     "group_n": len(a), "comparison_change": b.mean() if len(b) else np.nan,
                     "comparison_n": len(b), "gap": gap, "group_better": better})
    return pd.DataFrame(rows, columns=["indicator_id", "group_change", "group_n",
                                       "comparison_change", "comparison_n", "gap",
                                       "group_better"])


def development(obs: pd.DataFrame, catalogue: pd.DataFrame, group: Iterable[str],
                comparison: Iterable[str], since: int) -> pd.DataFrame:
    """Per indicator of obs: the change in the spending buurten (`group`) next to the change in
    the comparison buurten, from the first year of spending `since` (or the first measurement
    after it) to the latest measurement (metrics.change.change_since over both groups, so both
    cover the same years), averaged per group by compare_groups (each buurt once, unweighted).

    Units: the indicator's own (procentpunt for a percentage); direction: group_better as in
    compare_groups. Missing and suppressed values do not count as measured. Columns:
    indicator_id, from_period, to_period, compare_groups' columns and synthetic (any generated
    value among the indicator's usable rows). Indicators without two years or without a
    group left out. A comparison, not an effect.
    """
    areas = set(group) | set(comparison)
    o = prepared_obs(obs)
    o = o[o["area_code"].isin(areas)]
    moved = change.change_since(o[usable(o)], catalogue, since)
    columns = ["indicator_id", "from_period", "to_period", "group_change", "group_n",
               "comparison_change", "comparison_n", "gap", "group_better", "synthetic"]
    if moved.empty:
        return pd.DataFrame(columns=columns)
    sides = compare_groups(moved, group, comparison, catalogue)
    years = moved.groupby("indicator_id")[["from_period", "to_period"]].first()
    synthetic = o[usable(o)].groupby("indicator_id")["synthetic"].any()
    out = sides.join(years, on="indicator_id").assign(
        synthetic=lambda f: f["indicator_id"].map(synthetic).fillna(False).astype(bool))
    return out[columns].reset_index(drop=True)
