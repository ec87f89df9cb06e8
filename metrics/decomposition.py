"""Which Leefbaarometer dimensions drove a buurt's change in score between two years.

The Leefbaarometer 3.0 score is the national level plus five dimension scores, so a change in
the score is the sum of the dimensions' changes. Pure: reads only the frame it is given.
"""

from __future__ import annotations

import math

import pandas as pd

from metrics._frames import prepared_obs, usable

SCORE = "lbm_score"
DIMENSIONS: dict[str, str] = {
    "lbm_fys": "Fysieke omgeving",
    "lbm_onv": "Overlast en onveiligheid",
    "lbm_soc": "Sociale samenhang",
    "lbm_vrz": "Voorzieningen",
    "lbm_won": "Woningvoorraad",
}

COLUMNS = ["dimension", "label", "value_from", "value_to", "change", "share", "total_change"]


def leefbaarometer_decomposition(
    obs: pd.DataFrame, area_code: str, from_period: int, to_period: int
) -> pd.DataFrame:
    """Per dimension of one area: value_from, value_to, change and its share of the total change.

    Columns: dimension (indicator id), label (Dutch), value_from, value_to, change (in
    Leefbaarometer score points; higher is better for every dimension), share, total_change.
    - total_change: the change of lbm_score when both years have a usable score, else the sum
      of the dimensions' changes. The published score is rounded, so the dimensions may not add
      up to it exactly (a few thousandths).
    - share = change / total_change: 0.6 means the dimension accounts for 60% of the change. A
      dimension that moved against the total has a negative share, so shares can exceed 1. NaN
      when the total is 0 or unknown.
    - A dimension missing or suppressed in either year has NaN change and share and sorts last.
    Sorted by the absolute change, largest first. Reference: the same area in from_period.
    """
    o = prepared_obs(obs)
    o = o[(o["area_code"] == area_code) & usable(o)]
    values = o.drop_duplicates(["indicator_id", "period"], keep="last").set_index(
        ["indicator_id", "period"]
    )["value"]

    def value(indicator: str, period: int) -> float:
        return float(values.get((indicator, period), math.nan))

    rows = []
    for dimension, label in DIMENSIONS.items():
        start, end = value(dimension, from_period), value(dimension, to_period)
        rows.append(
            {
                "dimension": dimension,
                "label": label,
                "value_from": start,
                "value_to": end,
                "change": end - start,
            }
        )
    out = pd.DataFrame(rows)
    score_change = value(SCORE, to_period) - value(SCORE, from_period)
    if math.isnan(score_change):
        known = out["change"].dropna()
        score_change = float(known.sum()) if len(known) == len(out) else math.nan
    out["total_change"] = score_change
    out["share"] = out["change"] / score_change if score_change != 0 else math.nan
    out = out.assign(_size=out["change"].abs()).sort_values(
        "_size", ascending=False, na_position="last", kind="stable"
    )
    return out.drop(columns="_size")[COLUMNS].reset_index(drop=True)
