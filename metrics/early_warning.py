"""Early warnings: outcome indicators of a buurt that are getting worse, in plain Dutch; and,
beside them, those that clearly got better (improvements), so a signal list never only looks down.

Three documented rules for warnings, one for improvements; each carries the sentence a wethouder
reads. Only outcomes (outputs say what was done, context is not a goal), never a suppressed value.
Pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from metrics._frames import (
    catalogue_by_id,
    decimals_of,
    is_deviation,
    prepared_obs,
    require_columns,
    text_of,
    usable,
)
from metrics.change import IMPROVED, MIN_RELATIVE_CHANGE, WORSENED, change_since_previous
from metrics.formatting import format_number

RULE_SIGNIFICANT = "significant_slechter"
RULE_TWICE = "twee_keer_slechter"
RULE_THRESHOLD = "drempel"
RULES = (RULE_SIGNIFICANT, RULE_TWICE, RULE_THRESHOLD)
RULE_BETTER = "significant_beter"  # an improvement, not a warning (see improvements)

# Severity says how strong the evidence is, not how bad the buurt is: a tested worsening is
# the firmest; a threshold the gemeente itself set comes next; two small steps down may be noise.
SEVERITY = {RULE_SIGNIFICANT: "hoog", RULE_THRESHOLD: "middel", RULE_TWICE: "laag",
            RULE_BETTER: "hoog"}
SEVERITY_ORDER = ("hoog", "middel", "laag")

COLUMNS = ["area_code", "indicator_id", "period", "rule", "severity", "reason", "value"]


def _tested_change(info: pd.Series, row, what: str) -> str:
    """The reason of a tested change: name, direction, from and to with their years, and
    `what` ('verslechtering' or 'verbetering')."""
    unit, decimals = text_of(info, "unit"), decimals_of(info)
    return (
        f"{text_of(info, 'name', row.indicator_id)}: {_moved(row.value_from, row.value_to)} "
        f"van {format_number(row.value_from, decimals, unit)} ({row.from_period}) naar "
        f"{format_number(row.value_to, decimals, unit)} ({row.to_period}); dat is een "
        f"statistisch betekenisvolle {what}."
    )


def _moved(before: float, after: float) -> str:
    return "gestegen" if after > before else "gedaald"


def _threshold_text(threshold: float, decimals: int, unit: str) -> str:
    # A round threshold reads as the gemeente set it: '35%', not '35,0%'.
    places = 0 if float(threshold).is_integer() else decimals
    return format_number(threshold, places, unit)


def early_warnings(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    period: int,
    thresholds: dict[str, float] | None = None,
    *,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """Warnings for `period`: area_code, indicator_id, period, rule, severity, reason, value.

    Only indicators with result 'outcome' and a direction (neutraal ones cannot get worse);
    suppressed and missing values are ignored as if never measured. Rules:
    - significant_slechter (severity hoog): change_since_previous (the latest earlier usable
      measurement of the same area) is 'verslechterd' by a test, not indicatively.
    - twee_keer_slechter (laag): the last three usable measurements up to and including
      `period` got worse twice in a row, compared at the catalogue's decimals (so a step that
      does not show in the rounded numbers does not count), and the decline over both steps is
      at least min_relative_change (5%) of the first value (for 'afwijking' units: of half the
      plausible range), as for indicative changes: two tiny steps are noise, not a signal.
    - drempel (middel): thresholds maps indicator_id -> signal value in the indicator's unit;
      warns when the value is beyond it on the bad side (above for lager_beter, below for
      hoger_beter; equal is not beyond).
    Reason: one Dutch sentence with the indicator's name, the values formatted Dutch and years.
    value: the value in `period`. Sorted by severity, then area and indicator.
    """
    o = prepared_obs(obs)
    cat = catalogue_by_id(catalogue)
    require_columns(cat, ["name", "unit", "direction", "result", "decimals"], "catalogue")
    outcomes = cat[
        (cat["result"] == "outcome") & cat["direction"].isin(["hoger_beter", "lager_beter"])
    ]
    o = o[o["indicator_id"].isin(outcomes.index) & usable(o) & (o["period"] <= period)]
    warnings: list[dict[str, object]] = []

    changes = change_since_previous(o, catalogue, period)
    worse = changes[(changes["verdict"] == WORSENED) & changes["significant"].fillna(False)]
    for row in worse.itertuples(index=False):
        reason = _tested_change(outcomes.loc[row.indicator_id], row, "verslechtering")
        warnings.append(
            _warning(
                row.area_code, row.indicator_id, period, RULE_SIGNIFICANT, reason, row.value_to
            )
        )

    now = o[o["period"] == period]
    for row in _twice_worse(o, outcomes, period, min_relative_change).itertuples(index=False):
        info = outcomes.loc[row.indicator_id]
        unit, decimals = text_of(info, "unit"), decimals_of(info)
        steps = " → ".join(
            f"{format_number(v, decimals, unit)} ({p})"
            for v, p in ((row.v0, row.p0), (row.v1, row.p1), (row.v2, row.p2))
        )
        reason = (
            f"{text_of(info, 'name', row.indicator_id)}: twee metingen op rij slechter, {steps}."
        )
        warnings.append(
            _warning(row.area_code, row.indicator_id, period, RULE_TWICE, reason, row.v2)
        )

    for indicator, threshold in (thresholds or {}).items():
        if indicator not in outcomes.index:
            continue
        info = outcomes.loc[indicator]
        unit, decimals = text_of(info, "unit"), decimals_of(info)
        lower_is_better = info["direction"] == "lager_beter"
        rows = now[now["indicator_id"] == indicator]
        beyond = rows["value"] > threshold if lower_is_better else rows["value"] < threshold
        side = "boven" if lower_is_better else "onder"
        for row in rows[beyond].itertuples(index=False):
            reason = (
                f"{text_of(info, 'name', indicator)}: {format_number(row.value, decimals, unit)} "
                f"({period}), {side} de signaalwaarde van "
                f"{_threshold_text(threshold, decimals, unit)}."
            )
            warnings.append(
                _warning(row.area_code, indicator, period, RULE_THRESHOLD, reason, row.value)
            )

    out = pd.DataFrame(warnings, columns=COLUMNS)
    if out.empty:
        return out.astype({"period": "int64", "value": "float64"})
    return in_order(out)


def improvements(obs: pd.DataFrame, catalogue: pd.DataFrame, period: int) -> pd.DataFrame:
    """Outcomes that got better in `period`, by the same test as the firmest warning: the mirror
    of significant_slechter. Same columns as early_warnings (rule significant_beter, severity
    hoog: a tested change). Only outcomes with a direction; suppressed and missing values are
    ignored; an untested (indicative) change never counts. Reference: the same area's latest
    earlier usable measurement (change_since_previous). Sorted by area and indicator.
    """
    o = prepared_obs(obs)
    cat = catalogue_by_id(catalogue)
    require_columns(cat, ["name", "unit", "direction", "result", "decimals"], "catalogue")
    outcomes = cat[
        (cat["result"] == "outcome") & cat["direction"].isin(["hoger_beter", "lager_beter"])
    ]
    o = o[o["indicator_id"].isin(outcomes.index) & usable(o) & (o["period"] <= period)]
    changes = change_since_previous(o, catalogue, period)
    better = changes[(changes["verdict"] == IMPROVED) & changes["significant"].fillna(False)]
    found = []
    for row in better.itertuples(index=False):
        reason = _tested_change(outcomes.loc[row.indicator_id], row, "verbetering")
        found.append(_warning(row.area_code, row.indicator_id, period, RULE_BETTER, reason,
                              row.value_to))
    out = pd.DataFrame(found, columns=COLUMNS)
    if out.empty:
        return out.astype({"period": "int64", "value": "float64"})
    return out.sort_values(["area_code", "indicator_id"], kind="stable").reset_index(drop=True)


def in_order(warnings: pd.DataFrame) -> pd.DataFrame:
    """Warnings by severity, then area, indicator and rule (as early_warnings returns them; for
    warnings of several indicators computed one at a time and put together)."""
    order = warnings["severity"].map({s: i for i, s in enumerate(SEVERITY_ORDER)})
    out = warnings.assign(_order=order).sort_values(
        ["_order", "area_code", "indicator_id", "rule"], kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def _twice_worse(
    o: pd.DataFrame, outcomes: pd.DataFrame, period: int, min_relative_change: float
) -> pd.DataFrame:
    """Series whose last three usable values, ending in `period`, got worse twice in a row.

    One row per series: area_code, indicator_id, v0, v1, v2 (values), p0, p1, p2 (periods).
    """
    o = o.drop_duplicates(["area_code", "indicator_id", "period"], keep="last")
    o = o.sort_values(["area_code", "indicator_id", "period"])
    last = o.groupby(["area_code", "indicator_id"]).tail(3)
    last = last.assign(_pos=last.groupby(["area_code", "indicator_id"]).cumcount(ascending=False))
    wide = last.pivot_table(
        index=["area_code", "indicator_id"],
        columns="_pos",
        values=["value", "period"],
        aggfunc="first",
    )
    if wide.empty or 2 not in wide["value"].columns:
        return pd.DataFrame(
            columns=["area_code", "indicator_id", "v0", "v1", "v2", "p0", "p1", "p2"]
        )
    series = (
        pd.DataFrame(
            {
                "v0": wide[("value", 2)],
                "v1": wide[("value", 1)],
                "v2": wide[("value", 0)],
                "p0": wide[("period", 2)],
                "p1": wide[("period", 1)],
                "p2": wide[("period", 0)],
            }
        )
        .dropna()
        .reset_index()
    )
    series = series[series["p2"] == period]
    info = outcomes.reindex(series["indicator_id"].to_numpy())
    sign = np.where(info["direction"].to_numpy() == "hoger_beter", 1.0, -1.0)
    # The decimals column, not a row of the catalogue per indicator (a row is a new Series of
    # every column: most of this function's time for one area's few series).
    column = outcomes["decimals"] if "decimals" in outcomes.columns else pd.Series(dtype=object)
    per_indicator = {i: decimals_of({"decimals": column.get(i)})
                     for i in series["indicator_id"].unique()}
    decimals = series["indicator_id"].map(per_indicator).to_numpy(dtype=int)
    rounded = [
        np.array([round(float(v), int(d)) for v, d in zip(series[c], decimals, strict=True)])
        for c in ("v0", "v1", "v2")
    ]
    worse_twice = (sign * (rounded[1] - rounded[0]) < 0) & (sign * (rounded[2] - rounded[1]) < 0)
    # Two tiny steps are noise: the decline over both must reach the indicative minimum.
    scale = np.abs(series["v0"].to_numpy(float))
    deviation = np.array([is_deviation(u) for u in info["unit"]], dtype=bool)
    if deviation.any() and {"min_value", "max_value"} <= set(info.columns):
        half = (
            (pd.to_numeric(info["max_value"]) - pd.to_numeric(info["min_value"])) / 2
        ).to_numpy()
        scale = np.where(deviation, np.nan_to_num(half), scale)
    total = np.abs(series["v2"].to_numpy(float) - series["v0"].to_numpy(float))
    big_enough = total >= min_relative_change * scale
    out = series[worse_twice & big_enough].copy()
    out[["p0", "p1", "p2"]] = out[["p0", "p1", "p2"]].astype("int64")
    return out


def _warning(
    area: str, indicator: str, period: int, rule: str, reason: str, value: float
) -> dict[str, object]:
    return {
        "area_code": area,
        "indicator_id": indicator,
        "period": int(period),
        "rule": rule,
        "severity": SEVERITY[rule],
        "reason": reason,
        "value": float(value),
    }
