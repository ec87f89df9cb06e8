"""Averages over groups of areas: wijk and gemeente figures from buurten, and buurttype peers.

Weighted by inhabitants as the catalogue says; suppressed and missing values never count. Never
invents a margin for an average (see weighted_mean). Pure: frames in, frames out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from metrics._frames import (
    WEIGHTED_AGGREGATIONS,
    area_frame,
    catalogue_column,
    codes_in,
    nearest_period_lookup,
    prepared_obs,
    require_columns,
    usable,
)

BASIS_OWN = "gemeentecijfer uit de bron"
BASIS_DERIVED = "gewogen gemiddelde van de buurten"

_RESULT_COLUMNS = [
    "value",
    "n",
    "ci_low",
    "ci_high",
    "areas_used",
    "areas_total",
    "weighted",
    "suppressed",
    "synthetic",
    "source",
]


BUURTTYPE_REFERENCE_COLUMNS = [
    "gemeente_code", "type", "indicator_id", "period", "value", "n",
    "areas_used", "areas_total", "weighted", "synthetic",
]  # fmt: skip

def population_weights(obs: pd.DataFrame) -> pd.DataFrame:
    """Inhabitants per area and year (area_code, period, weight) from the 'inwoners' rows of obs.

    Unit: inhabitants. Missing counts are left out (no weight, so the area does not count in a
    weighted mean of that year). The weight every gemeente, wijk and buurttype average uses.
    """
    pop = obs[obs["indicator_id"] == "inwoners"][["area_code", "period", "value"]]
    return pop.rename(columns={"value": "weight"}).dropna()


def weighted_mean(
    obs: pd.DataFrame,
    weights: pd.DataFrame,
    group_map: pd.Series | Mapping[str, str] | pd.DataFrame,
    catalogue: pd.DataFrame,
) -> pd.DataFrame:
    """One value per group, indicator and period, from the values of the group's areas.

    Columns: group, indicator_id, period, value, n, ci_low, ci_high, areas_used, areas_total,
    weighted, suppressed, synthetic, source.

    - group_map: area_code -> group (a Series or dict, the same in every period), or a frame
      with area_code, period, group when membership changes over time (buurttypes).
    - Unit: the indicator's own; direction: the indicator's own. Reference: none.
    - aggregation aandeel / gemiddelde / per_inwoners: mean weighted by `weights` (area_code,
      period, weight = inhabitants; a year without a count takes the nearest counted year) when
      the catalogue names a weight; areas without a positive weight are left out. When no area of
      a group has a weight, or the catalogue names none, the plain mean is used and `weighted` is
      False.
    - aggregation aantal: the sum. A sum over fewer areas than the group has understates the
      total: compare areas_used with areas_total before showing it.
    - Missing and suppressed values are left out; areas_used counts the areas that did count
      (a group with one usable member returns that member's value). A group with none gets NaN,
      and suppressed=True when at least one member's value was suppressed.
    - n: the sum of the used areas' n (respondents add up across areas); NaN when none has n.
    - ci_low / ci_high: always NaN. A margin for an average needs the survey design (strata,
      weighting, clustering) that the tidy frame does not carry; propagating the buurt margins
      as if independent would look exact and be wrong, so the average carries none.
    - synthetic: True when any used value is synthetic; source: the most common used source.
    """
    o = prepared_obs(obs)
    if isinstance(group_map, pd.DataFrame):
        require_columns(group_map, ["area_code", "period", "group"], "group_map")
        members = group_map[["area_code", "period", "group"]].dropna()
    else:
        mapping = pd.Series(group_map, dtype=object).dropna()
        periods = pd.DataFrame({"period": sorted(o["period"].unique())})
        members = pd.DataFrame(
            {"area_code": mapping.index.astype(str), "group": mapping.to_numpy()}
        ).merge(periods, how="cross")
    return _aggregate_groups(o, members, ["group"], weights, catalogue)


def _row_flags(rows: pd.DataFrame, weights: pd.DataFrame | None, catalogue: pd.DataFrame
               ) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Per row of prepared obs: whether its indicator is a count (summed), whether the row is
    usable, its inhabitants weight (nearest counted year; NaN without one) and whether it is a
    usable row with a positive weight of an indicator that is weighted: the flags weighted_mean
    and group_parts both go by."""
    aggregation = catalogue_column(catalogue, rows["indicator_id"], "aggregation")
    weight_id = catalogue_column(catalogue, rows["indicator_id"], "weight")
    named = weight_id.notna() & weight_id.astype(str).str.strip().ne("")
    wants_weight = aggregation.isin(WEIGHTED_AGGREGATIONS) & named
    ok = usable(rows)
    if weights is not None and not weights.empty:
        weight = pd.to_numeric(nearest_period_lookup(rows, weights, "weight"), errors="coerce")
    else:
        weight = pd.Series(np.nan, index=rows.index)
    weight = weight.astype("float64")
    return aggregation.eq("aantal"), ok, weight, ok & wants_weight & weight.gt(0)


def _aggregate_groups(
    o: pd.DataFrame,
    members: pd.DataFrame,
    group_cols: list[str],
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
) -> pd.DataFrame:
    """weighted_mean on prepared obs with members (area_code, period, *group_cols) per period."""
    require_columns(catalogue, ["aggregation"], "catalogue")
    keys = [*group_cols, "indicator_id", "period"]
    empty = pd.DataFrame(columns=keys + _RESULT_COLUMNS)
    members = members.assign(
        area_code=members["area_code"].astype(str),
        period=pd.to_numeric(members["period"]).astype("int64"),
    ).drop_duplicates(["area_code", "period"])
    rows = o.merge(members, on=["area_code", "period"], how="inner")
    if rows.empty:
        return empty

    is_sum, ok, weight, has_weight = _row_flags(rows, weights, catalogue)

    # A group is weighted when at least one of its usable areas has a weight; then only areas
    # with a weight count. Otherwise every usable area counts equally.
    group_weighted = has_weight.groupby([rows[k] for k in keys]).transform("any")
    used = np.where(is_sum, ok, np.where(group_weighted, has_weight, ok))
    rows = rows.assign(
        _used=used,
        _v=rows["value"].where(used),
        _w=weight.where(used & group_weighted.to_numpy() & ~is_sum.to_numpy()),
        _n=rows["n"].where(used),
        _syn=rows["synthetic"] & used,
        _sup=rows["suppressed"],
        _sum=is_sum.to_numpy(),
    )
    rows["_wv"] = rows["_v"] * rows["_w"]
    grouped = rows.groupby(keys, sort=True)
    out = grouped.agg(
        areas_used=("_used", "sum"),
        _value_sum=("_v", "sum"),
        _value_mean=("_v", "mean"),
        _wv=("_wv", "sum"),
        _w=("_w", "sum"),
        n=("_n", "sum"),
        _n_count=("_n", "count"),
        synthetic=("_syn", "any"),
        _any_suppressed=("_sup", "any"),
        _sum=("_sum", "first"),
    ).reset_index()
    out["n"] = out["n"].where(out["_n_count"] > 0)
    weighted = out["_w"] > 0
    out["value"] = np.where(
        out["_sum"],
        out["_value_sum"],
        np.where(weighted, out["_wv"] / out["_w"].where(weighted), out["_value_mean"]),
    )
    out.loc[out["areas_used"] == 0, "value"] = np.nan
    out["weighted"] = weighted & ~out["_sum"]
    out["suppressed"] = (out["areas_used"] == 0) & out["_any_suppressed"]
    out["ci_low"] = np.nan
    out["ci_high"] = np.nan
    out["areas_used"] = out["areas_used"].astype("int64")

    totals = members.groupby([*group_cols, "period"]).size().rename("areas_total").reset_index()
    out = out.merge(totals, on=[*group_cols, "period"], how="left")
    out["areas_total"] = out["areas_total"].fillna(0).astype("int64")
    out = out.merge(_dominant_source(rows, keys), on=keys, how="left")
    out["source"] = out["source"].fillna("")
    return out[keys + _RESULT_COLUMNS].reset_index(drop=True)


_PART_SUMS = ["rows", "ok", "ok_v", "ok_n", "ok_n_count", "hw", "hw_wv", "hw_w", "hw_n",
              "hw_n_count"]
_PART_ANY = ["ok_syn", "hw_syn", "any_suppressed"]


def group_parts(
    obs: pd.DataFrame,
    weights: pd.DataFrame,
    group_map: pd.Series | Mapping[str, str],
    catalogue: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What weighted_mean adds up, per group, indicator and period, so that the mean of any union
    of groups follows from these without the rows (union_mean): the counts and sums over the
    usable rows and over the rows with a weight, whether any was synthetic or suppressed, and the
    number of used rows per source (for the dominant source). Same rules as weighted_mean.
    Returns (parts, sources); group_map: area_code -> group, the same in every period.
    """
    o = prepared_obs(obs)
    mapping = pd.Series(group_map, dtype=object).dropna()
    members = pd.DataFrame({"area_code": mapping.index.astype(str), "group": mapping.to_numpy()})
    rows = o.merge(members.drop_duplicates("area_code"), on="area_code", how="inner")
    keys = ["group", "indicator_id", "period"]
    if rows.empty:
        return (pd.DataFrame(columns=[*keys, "is_sum", *_PART_SUMS, *_PART_ANY]),
                pd.DataFrame(columns=[*keys, "source", "regime", "count"]))
    is_sum, ok, weight, hw = _row_flags(rows, weights, catalogue)
    value, n = rows["value"], rows["n"]
    rows = rows.assign(
        is_sum=is_sum.to_numpy(), rows=1, ok=ok, ok_v=value.where(ok),
        ok_n=n.where(ok), ok_n_count=(n.notna() & ok), hw=hw,
        hw_wv=(value * weight).where(hw), hw_w=weight.where(hw), hw_n=n.where(hw),
        hw_n_count=(n.notna() & hw), ok_syn=rows["synthetic"] & ok,
        hw_syn=rows["synthetic"] & hw, any_suppressed=rows["suppressed"],
    )
    grouped = rows.groupby(keys, sort=True)
    parts = grouped[_PART_SUMS].sum().join(grouped[_PART_ANY].any()).join(
        grouped["is_sum"].first()).reset_index()
    sources = pd.concat([
        rows[rows[regime] & rows["source"].notna()].groupby([*keys, "source"]).size()
        .rename("count").reset_index().assign(regime=regime)
        for regime in ("ok", "hw")], ignore_index=True)
    return parts, sources


def union_mean(parts: pd.DataFrame, sources: pd.DataFrame, groups: Sequence[str],
               areas_total: int, label: str = "selectie") -> pd.DataFrame:
    """weighted_mean over the areas of these groups together, from their group_parts: the same
    columns and values (group = label; areas_total: how many areas the union has).

    In numpy over the few rows of the chosen groups (a first filter choice runs it twice; the
    same sums by pandas cost about 45 ms each nationally)."""
    keys = ["group", "indicator_id", "period"]
    chosen = parts[parts["group"].isin(list(groups))]
    if chosen.empty:
        return pd.DataFrame(columns=keys + _RESULT_COLUMNS)
    ids = chosen["indicator_id"].to_numpy(dtype=object)
    periods = chosen["period"].to_numpy(dtype="int64")
    id_names, id_code = np.unique(ids, return_inverse=True)
    period_values, period_code = np.unique(periods, return_inverse=True)
    pair_key = id_code.astype("int64") * len(period_values) + period_code
    # one row per (indicator, period), sorted by indicator then period (as groupby sorts)
    found, first, inverse = np.unique(pair_key, return_index=True, return_inverse=True)
    size = len(found)

    def total(column: str) -> np.ndarray:
        return np.bincount(inverse, weights=chosen[column].to_numpy(dtype="float64"),
                           minlength=size)

    def any_of(column: str) -> np.ndarray:
        return np.bincount(inverse, weights=chosen[column].to_numpy(dtype=bool), minlength=size) > 0

    is_sum = chosen["is_sum"].to_numpy(dtype=bool)[first]
    ok, hw = total("ok"), total("hw")
    weighted = ~is_sum & (hw > 0)
    used = np.where(weighted, hw, ok).astype("int64")
    n_sum = np.where(weighted, total("hw_n"), total("ok_n"))
    n_count = np.where(weighted, total("hw_n_count"), total("ok_n_count"))
    ok_v, hw_wv, hw_w = total("ok_v"), total("hw_wv"), total("hw_w")
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(is_sum, ok_v, np.where(weighted, hw_wv / np.where(weighted, hw_w, np.nan),
                                                ok_v / np.where(ok > 0, ok, np.nan)))
    pair_ids = id_names[found // len(period_values)]
    pair_periods = period_values[found % len(period_values)]
    source = _union_sources(sources, groups, weighted, pair_ids, pair_periods)
    source = np.where(used == 0, "", source)
    result = pd.DataFrame({
        "group": label,
        "indicator_id": pd.array(pair_ids, dtype=chosen["indicator_id"].dtype),
        "period": pair_periods,
        "value": np.where(used == 0, np.nan, value).astype("float64"),
        "n": np.where(n_count > 0, n_sum, np.nan).astype("float64"),
        "ci_low": np.nan, "ci_high": np.nan, "areas_used": used,
        "areas_total": int(areas_total), "weighted": weighted,
        "suppressed": (used == 0) & any_of("any_suppressed"),
        "synthetic": np.where(weighted, any_of("hw_syn"), any_of("ok_syn")).astype(bool),
        "source": pd.array(source, dtype="str"),
    })
    return result[keys + _RESULT_COLUMNS]


def _union_sources(sources: pd.DataFrame, groups: Sequence[str], weighted: np.ndarray,
                   ids: np.ndarray, periods: np.ndarray) -> np.ndarray:
    """The most common source of each (indicator, period) over the chosen groups' used rows
    (those with a weight where the mean is weighted), alphabetically first on a tie; '' for
    none."""
    chosen = sources[sources["group"].isin(list(groups))]
    counts: dict[tuple, int] = {}
    for ind, period, regime, source, count in zip(
            chosen["indicator_id"].tolist(), chosen["period"].tolist(),
            chosen["regime"].tolist(), chosen["source"].tolist(), chosen["count"].tolist(),
            strict=True):
        key = (ind, int(period), regime, source)
        counts[key] = counts.get(key, 0) + int(count)
    best: dict[tuple, tuple[int, str]] = {}
    for (ind, period, regime, source), count in counts.items():
        here = best.get((ind, period, regime))
        if here is None or count > here[0] or (count == here[0] and source < here[1]):
            best[(ind, period, regime)] = (count, source)
    return np.array([best.get((ind, int(period), "hw" if w else "ok"), (0, ""))[1]
                     for ind, period, w in zip(ids.tolist(), periods.tolist(), weighted.tolist(),
                                               strict=True)], dtype=object)


def _dominant_source(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The most common source among the used rows per group (alphabetically first on a tie)."""
    used = rows[rows["_used"] & rows["source"].notna()]
    if used.empty:
        return pd.DataFrame(columns=[*keys, "source"])
    counts = used.groupby([*keys, "source"]).size().rename("_count").reset_index()
    counts = counts.sort_values(
        [*keys, "_count", "source"], ascending=[True] * len(keys) + [False, True]
    )
    return counts.drop_duplicates(keys)[[*keys, "source"]]


def gemeente_reference(
    obs: pd.DataFrame,
    areas: pd.DataFrame,
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
) -> pd.DataFrame:
    """The gemeente figure per gemeente, indicator and period: what 'the gemeente' means here.

    Columns: gemeente_code, indicator_id, period, value, n, areas_used, areas_total, basis,
    synthetic.
    - Where obs holds a usable value for the gemeente itself (area_code = the gemeente's code),
      that figure is used (basis 'gemeentecijfer uit de bron'): the source computed it from all
      respondents, including those in buurten that are suppressed here.
    - Otherwise the weighted_mean of the gemeente's buurten (level 'buurt' in areas), with the
      catalogue's aggregation (basis 'gewogen gemiddelde van de buurten').
    Unit and direction: the indicator's own. Missing and suppressed buurt values are left out;
    a suppressed gemeente figure falls back to the buurten. areas_used / areas_total are NaN for
    a figure from the source.
    """
    a = area_frame(areas)
    o = prepared_obs(obs)
    buurten = a[a["level"] == "buurt"]
    derived = weighted_mean(
        o[codes_in(o["area_code"], buurten["code"])],
        weights,
        buurten.set_index("code")["gemeente_code"],
        catalogue,
    ).rename(columns={"group": "gemeente_code"})
    derived["basis"] = BASIS_DERIVED

    gemeenten = set(a.loc[a["level"] == "gemeente", "code"]) | set(a["gemeente_code"].dropna())
    own = o[codes_in(o["area_code"], gemeenten) & usable(o)]
    own = own.rename(columns={"area_code": "gemeente_code"}).assign(
        areas_used=np.nan, areas_total=np.nan, basis=BASIS_OWN
    )
    columns = [
        "gemeente_code",
        "indicator_id",
        "period",
        "value",
        "n",
        "areas_used",
        "areas_total",
        "basis",
        "synthetic",
    ]
    if own.empty:
        out = derived[columns]
    else:
        keys = ["gemeente_code", "indicator_id", "period"]
        have = pd.MultiIndex.from_frame(own[keys])
        derived = derived[~pd.MultiIndex.from_frame(derived[keys]).isin(have)]
        out = pd.concat([own[columns], derived[columns]], ignore_index=True)
    out = out.astype({"areas_used": "Float64", "areas_total": "Float64"}).astype(
        {"areas_used": "Int64", "areas_total": "Int64"}
    )
    return out.sort_values(["gemeente_code", "indicator_id", "period"]).reset_index(drop=True)


def _buurttype_members(
    areas: pd.DataFrame, buurttypes: pd.DataFrame, periods: list[int] | np.ndarray
) -> pd.DataFrame:
    """Buurttype of every buurt in each period: area_code, period, gemeente_code, type.

    The label of that period; where the rule has no label for a year, the label of the nearest
    labelled year (the earlier one on a tie). Buurten without any label are left out.
    """
    a = area_frame(areas)
    require_columns(buurttypes, ["area_code", "period", "type"], "buurttypes")
    buurten = a.loc[a["level"] == "buurt", ["code", "gemeente_code"]].rename(
        columns={"code": "area_code"}
    )
    keys = buurten.merge(pd.DataFrame({"period": sorted({int(p) for p in periods})}), how="cross")
    if keys.empty or buurttypes.empty:
        return pd.DataFrame(columns=["area_code", "period", "gemeente_code", "type"])
    keys["type"] = nearest_period_lookup(keys, buurttypes, "type")
    return keys.dropna(subset=["type"]).reset_index(drop=True)


def buurttype_reference(
    obs: pd.DataFrame,
    areas: pd.DataFrame,
    buurttypes: pd.DataFrame,
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
) -> pd.DataFrame:
    """The peer average: per gemeente, buurttype, indicator and period, over buurten of that type.

    Columns: gemeente_code, type, indicator_id, period, value, n, areas_used, areas_total,
    weighted, synthetic.
    - Peers are the buurten of the same gemeente with the same buurttype *in that period*
      (_buurttype_members: a buurt can change type; a year without a label takes the nearest
      labelled year). buurttypes is already filtered to one rule.
    - Averaged as weighted_mean (inhabitants, catalogue aggregation). The buurt itself counts
      among its peers, as it counts in the gemeente; a type with one member returns that
      member's value, so its difference is 0.
    - Counts (aggregation aantal) are the mean per buurt (the sum over the used buurten divided
      by areas_used), never the sum: a buurt's inhabitants set beside the total of all its
      peers compares one buurt with dozens. (The gemeente figure of a count stays the total.)
    Unit and direction: the indicator's own. Missing and suppressed values are left out.
    """
    o = prepared_obs(obs)
    members = _buurttype_members(areas, buurttypes, o["period"].unique())
    if members.empty:
        return pd.DataFrame(columns=BUURTTYPE_REFERENCE_COLUMNS)
    out = _aggregate_groups(o, members, ["gemeente_code", "type"], weights, catalogue)
    counts = catalogue_column(catalogue, out["indicator_id"], "aggregation").eq("aantal")
    per_buurt = out["value"] / out["areas_used"].where(out["areas_used"] > 0)
    out["value"] = per_buurt.where(counts.to_numpy(), out["value"])
    return out[BUURTTYPE_REFERENCE_COLUMNS]
