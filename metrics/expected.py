"""Expected versus observed: how a buurt scores compared with buurten of similar status.

A straight line (OLS) of an indicator on a socio-economic status score across the buurten in the
selection; the residual says 'better or worse than buurten like it'. A comparison, not a cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from metrics._frames import (
    codes_in,
    direction_of,
    indicator_row,
    nearest_period_lookup,
    prepared_obs,
    require_columns,
    usable,
)

MIN_BUURTEN = 5
BAND = 1.0  # within one residual standard deviation: 'zoals verwacht' (about two in three buurten)

BETTER = "beter dan verwacht"
AS_EXPECTED = "zoals verwacht"
WORSE = "slechter dan verwacht"
HIGHER = "hoger dan verwacht"  # neutraal indicators: no better or worse
LOWER = "lager dan verwacht"

NOTE = (
    "De verwachte waarde is wat buurten met een vergelijkbare sociaal-economische status in de "
    "selectie gemiddeld scoren (een rechte lijn door alle buurten). Beter of slechter dan "
    "verwacht betekent: anders dan vergelijkbare buurten. Het is geen bewijs van oorzaak of "
    "effect: een buurt kan om veel redenen afwijken, en kleine steekproeven schommelen."
)

COLUMNS = ["area_code", "status", "observed", "expected", "residual", "residual_se", "verdict"]


@dataclass(frozen=True)
class ExpectedVsObserved:
    """The per-buurt table plus the fitted line; `reason` says why the table is empty."""

    table: pd.DataFrame
    reason: str | None = None
    intercept: float = math.nan
    slope: float = math.nan
    r_squared: float = math.nan
    residual_sd: float = math.nan
    buurten_used: int = 0
    note: str = field(default=NOTE)


def expected_vs_observed(
    obs: pd.DataFrame,
    status: pd.DataFrame,
    indicator_id: str,
    period: int,
    *,
    catalogue: pd.DataFrame,
    weights: pd.DataFrame | None = None,
    selection: Iterable[str] | None = None,
    band: float = BAND,
) -> ExpectedVsObserved:
    """Per buurt: observed, expected (from the status score), residual and a verdict.

    table columns: area_code, status, observed, expected, residual (observed - expected, in the
    indicator's unit; procentpunt for %), residual_se (residual / residual standard deviation),
    verdict.
    - status: area_code, value[, period] — a socio-economic status score where higher means
      better off (SES-WOA, income). With a period column, the status of the nearest year.
    - Fit: y = intercept + slope * status over the buurten in `selection` (None: all in obs)
      with both a usable value in `period` and a status. weights (area_code, period, weight =
      inhabitants) make it weighted least squares; the residual standard deviation is then
      sqrt(sum(w e^2) / sum(w) * k / (k - 2)), which is the usual sqrt(sum(e^2) / (k - 2))
      without weights (k = number of buurten).
    - verdict: |residual_se| <= band: 'zoals verwacht'; beyond it 'beter dan verwacht' /
      'slechter dan verwacht' by the catalogue direction (lager_beter flips), or 'hoger/lager
      dan verwacht' for neutraal.
    Sorted best first. Missing and suppressed values are left out of the fit and the table. Fewer than 5 buurten,
    or no spread in status: an empty table and a Dutch `reason`. The reference is the line
    through similar buurten, not the gemeente; see NOTE.
    """
    require_columns(status, ["area_code", "value"], "status")
    info = indicator_row(catalogue, indicator_id)
    direction = direction_of(info)
    o = prepared_obs(obs)
    rows = o[(o["indicator_id"] == indicator_id) & (o["period"] == period) & usable(o)]
    rows = rows.drop_duplicates("area_code", keep="last")
    if selection is not None:
        rows = rows[codes_in(rows["area_code"], selection)]
    rows = rows[["area_code", "period", "value"]].reset_index(drop=True)

    if "period" in status.columns:
        scores = pd.to_numeric(nearest_period_lookup(rows, status, "value"), errors="coerce")
    else:
        by_area = status.dropna(subset=["value"]).drop_duplicates("area_code", keep="last")
        scores = rows["area_code"].map(by_area.set_index("area_code")["value"])
    rows["status"] = scores.astype("float64")
    if weights is not None and not weights.empty:
        w = pd.to_numeric(nearest_period_lookup(rows, weights, "weight"), errors="coerce")
        rows["_w"] = w.astype("float64")
        rows = rows[rows["_w"] > 0]
    else:
        rows["_w"] = 1.0
    rows = rows.dropna(subset=["status", "value"]).reset_index(drop=True)

    empty = pd.DataFrame(columns=COLUMNS)
    k = len(rows)
    if k < MIN_BUURTEN:
        return ExpectedVsObserved(
            empty,
            reason=(
                f"Te weinig buurten om te vergelijken: {k} met zowel een waarde als een "
                f"statusscore in {period}; er zijn er minstens {MIN_BUURTEN} nodig."
            ),
            buurten_used=k,
        )
    x, y, w = rows["status"].to_numpy(), rows["value"].to_numpy(), rows["_w"].to_numpy()
    w = w / w.sum()
    x_mean, y_mean = float(np.sum(w * x)), float(np.sum(w * y))
    sxx = float(np.sum(w * (x - x_mean) ** 2))
    if sxx <= 0:
        return ExpectedVsObserved(
            empty,
            reason="Alle buurten hebben dezelfde statusscore; een verwachte waarde is niet te berekenen.",
            buurten_used=k,
        )
    slope = float(np.sum(w * (x - x_mean) * (y - y_mean)) / sxx)
    intercept = y_mean - slope * x_mean
    expected = intercept + slope * x
    residual = y - expected
    sd = math.sqrt(float(np.sum(w * residual**2)) * k / (k - 2))
    syy = float(np.sum(w * (y - y_mean) ** 2))
    r_squared = 1 - float(np.sum(w * residual**2)) / syy if syy > 0 else math.nan
    in_sd = residual / sd if sd > 0 else np.zeros_like(residual)

    if direction == "neutraal":
        above, below = HIGHER, LOWER
    elif direction == "lager_beter":
        above, below = WORSE, BETTER
    else:
        above, below = BETTER, WORSE
    verdict = np.where(in_sd > band, above, np.where(in_sd < -band, below, AS_EXPECTED))
    table = pd.DataFrame(
        {
            "area_code": rows["area_code"],
            "status": x,
            "observed": y,
            "expected": expected,
            "residual": residual,
            "residual_se": in_sd,
            "verdict": verdict,
        }
    )
    # Best first: the largest residual on the good side (the smallest for lager_beter).
    better_first = direction != "lager_beter"
    return ExpectedVsObserved(
        table.sort_values("residual_se", ascending=not better_first).reset_index(drop=True),
        intercept=intercept,
        slope=slope,
        r_squared=r_squared,
        residual_sd=sd,
        buurten_used=k,
    )


# The socio-economic status scores a fit can take, in order of preference.
STATUS_INDICATORS = ("ses_woa", "inkomen_per_inwoner")


def expected_all(
    obs: pd.DataFrame,
    *,
    areas: pd.DataFrame,
    catalogue: pd.DataFrame,
    weights: pd.DataFrame,
) -> tuple[pd.DataFrame, str | None]:
    """For every buurt and outcome indicator: observed, expected from similar status, verdict.

    The status score is the first of STATUS_INDICATORS with rows in obs; per indicator the fit
    runs over all buurten of the gemeente in the indicator's latest year with values (one fit
    serves every buurt). Returns the long table (area_code, status, observed, expected, residual,
    residual_se, verdict, indicator_id, period, buurten_used) in the indicator's own unit, and
    the status indicator's id (None when no status score is loaded: then an empty table).
    Missing and suppressed values take no part in a fit. `weights`: inhabitants per area and year
    (aggregate.population_weights). The reference: buurten of similar status in the gemeente.
    """
    status_id = next((s for s in STATUS_INDICATORS if (obs["indicator_id"] == s).any()), None)
    if status_id is None:
        return pd.DataFrame(), None
    # The latest status per buurt: a status score changes slowly and is published less often
    # than the outcomes (income: circa 2020), so the nearest year is the latest one.
    status = obs.loc[
        (obs["indicator_id"] == status_id) & obs["value"].notna(),
        ["area_code", "period", "value"],
    ].sort_values("period").drop_duplicates("area_code", keep="last")[["area_code", "value"]]
    buurten = areas.loc[areas["level"] == "buurt", "code"]
    parts = []
    for ind in catalogue.index[catalogue["result"] == "outcome"]:
        of_ind = obs[obs["indicator_id"] == ind]
        present = of_ind[of_ind["value"].notna() & ~of_ind["suppressed"].astype(bool)]
        if present.empty:
            continue
        period = int(present["period"].max())
        fit = expected_vs_observed(
            of_ind, status, ind, period, catalogue=catalogue, weights=weights, selection=buurten
        )
        parts.append(fit.table.assign(indicator_id=ind, period=period,
                                      buurten_used=fit.buurten_used))
    return (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()), status_id
