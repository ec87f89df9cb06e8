"""What a summary of a selection leads with: which changes and which gaps are worth a sentence.

Pure rules for the briefing's kernboodschap and the profile comparison; the wording lives with
the page. No I/O.
"""

from __future__ import annotations

import pandas as pd

from metrics import change
from metrics._frames import catalogue_by_id, prepared_obs, usable
from metrics.change import IMPROVED, WORSENED

# A gap with the reference worth a sentence: at least a tenth of the reference's value. Smaller
# gaps between averages of many buurten are within what survey margins and yearly noise give.
MIN_RELATIVE_GAP = 0.10
FAVOURABLE = "gunstiger"
UNFAVOURABLE = "ongunstiger"


def notable_changes(changes: pd.DataFrame, max_items: int = 3) -> pd.DataFrame:
    """The changes to lead with: improvements and declines, tested ones before indicative ones.

    changes: indicator_id, verdict (metrics.change verdicts), indicatief (bool), size (the
    change in the favourable direction made comparable between indicators, e.g. divided by the
    spread over buurten; larger is better). Only 'verbeterd' and 'verslechterd' count; 'geen
    wezenlijke verandering', 'veranderd' (neutral indicators) and 'onbekend' never lead.
    Returns the same columns, at most `max_items` per verdict: tested changes first, then by
    size (largest improvement, largest decline).
    """
    moved = changes[changes["verdict"].isin([IMPROVED, WORSENED])]
    parts = []
    for verdict, ascending in ((IMPROVED, False), (WORSENED, True)):
        part = moved[moved["verdict"] == verdict].assign(
            _tested=lambda f: ~f["indicatief"].astype(bool),
            _size=lambda f: pd.to_numeric(f["size"], errors="coerce").fillna(0.0),
        )
        part = part.sort_values(["_tested", "_size"], ascending=[False, ascending], kind="stable")
        parts.append(part.head(max_items).drop(columns=["_tested", "_size"]))
    return pd.concat(parts, ignore_index=True)


def gap_verdict(value: float | None, reference: float | None, direction: str,
                min_relative_gap: float = MIN_RELATIVE_GAP) -> str:
    """'gunstiger' / 'ongunstiger' when `value` differs from `reference` by at least
    `min_relative_gap` of the reference, in the indicator's good / bad direction; '' otherwise.

    direction: 'hoger_beter' or 'lager_beter' (anything else, e.g. 'neutraal', gives ''). A
    missing value or reference, or a reference of 0 (no relative size), gives ''.
    """
    if value is None or reference is None or pd.isna(value) or pd.isna(reference):
        return ""
    if reference == 0 or direction not in ("hoger_beter", "lager_beter"):
        return ""
    gap = (float(value) - float(reference)) / abs(float(reference))
    if abs(gap) < min_relative_gap:
        return ""
    higher = gap > 0
    return FAVOURABLE if higher == (direction == "hoger_beter") else UNFAVOURABLE


def standardised_changes(changes: pd.DataFrame, obs: pd.DataFrame,
                         catalogue: pd.DataFrame) -> pd.DataFrame:
    """changes (metrics.change columns) plus `size`: the change in the favourable direction
    divided by the indicator's spread over the areas of obs in the change's first year
    (standard deviation, ddof=1), so changes of different indicators compare.

    Unit: standard deviations; larger is better ('lager_beter' flips the sign, a neutral
    indicator keeps it). Missing and suppressed values of obs take no part in the spread. Rows
    without a spread (fewer than two values, none in that year) are left out.
    """
    if changes.empty:
        return changes.assign(size=pd.Series(dtype=float))
    o = prepared_obs(obs)
    o = o[usable(o) & o["indicator_id"].isin(set(changes["indicator_id"]))]
    spread = o.groupby(["indicator_id", "period"])["value"].std()
    direction = changes["indicator_id"].map(catalogue_by_id(catalogue)["direction"])
    sign = direction.map(lambda d: -1.0 if d == "lager_beter" else 1.0)
    scale = pd.Series([spread.get((i, p)) for i, p in zip(changes["indicator_id"],
                                                           changes["from_period"], strict=True)],
                      index=changes.index, dtype=float)
    sized = changes.assign(size=sign * pd.to_numeric(changes["difference"]) / scale)
    return sized.dropna(subset=["size"])


def real_gaps(values: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Per indicator the highest and the lowest area, where the gap between them is real.

    values: one row per area and indicator (area_code, indicator_id, value[, n, ci_low,
    ci_high, suppressed]) in one year. Uses the tests of a change over time
    (metrics.change.change_between): the lowest value stands in for the first measurement and
    the highest for the second, so margins and n decide whether the gap is larger than chance;
    without them the 5% rule applies and the verdict is indicative. Missing and suppressed
    values take no part; an indicator needs two different values.
    Returns, indexed by indicator_id: high, low (area codes), indicatief (bool), direction (the
    catalogue's: which of high and low is best). Only indicators whose gap is real.
    """
    o = prepared_obs(values)
    ok = o[usable(o)]
    spread = ok.groupby("indicator_id")["value"].nunique()
    ok = ok[ok["indicator_id"].isin(spread.index[spread >= 2])]
    columns = ["high", "low", "indicatief", "direction"]
    if ok.empty:
        return pd.DataFrame(columns=columns)
    lows = ok.loc[ok.groupby("indicator_id")["value"].idxmin()]
    highs = ok.loc[ok.groupby("indicator_id")["value"].idxmax()]
    pairs = pd.concat([lows.assign(period=0), highs.assign(period=1)]).assign(area_code="paar")
    result = change.change_between(pairs, catalogue, 0, 1).set_index("indicator_id")
    result = result[~result["verdict"].isin([change.NO_CHANGE, change.UNKNOWN])]
    out = pd.DataFrame({
        "high": highs.set_index("indicator_id")["area_code"],
        "low": lows.set_index("indicator_id")["area_code"],
    }).reindex(result.index)
    out["indicatief"] = result["indicatief"].astype(bool)
    out["direction"] = out.index.map(catalogue_by_id(catalogue)["direction"])
    return out[columns]
