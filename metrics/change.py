"""Change between two periods per area and indicator, and whether it is real.

Tests what can be tested (two-proportion test, z-test on margins, Poisson test on registered
counts) and says 'indicatief' where it cannot. Direction-aware verdicts; pure, no formatting.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from metrics._frames import (
    Z95,
    catalogue_by_id,
    is_deviation,
    is_percentage,
    prepared_obs,
    require_columns,
    two_sided_p,
    usable,
)

ALPHA = 0.05
# Without n or margins there is nothing to test; a change counts as 'wezenlijk' (indicatively)
# from 5% of the starting value: smaller moves are within what yearly noise and rounding give.
MIN_RELATIVE_CHANGE = 0.05

TEST_PROPORTIONS = "twee-proportietoets"
TEST_MARGINS = "z-toets op marges"
TEST_RATES = "poissontoets op aantallen"
TEST_INDICATIVE = "indicatief (geen marges)"
TESTS = (TEST_PROPORTIONS, TEST_MARGINS, TEST_RATES, TEST_INDICATIVE)

IMPROVED = "verbeterd"
NO_CHANGE = "geen wezenlijke verandering"
WORSENED = "verslechterd"
CHANGED = "veranderd"  # neutral indicators: a real change, but not better or worse
UNKNOWN = "onbekend"
VERDICTS = (IMPROVED, NO_CHANGE, WORSENED, CHANGED, UNKNOWN)

SIGNIFICANCE_HELP = (
    "Of een verandering wezenlijk is, toetsen we per gebied en indicator. Percentages uit een "
    "enquête met een bekend aantal respondenten: de twee-proportietoets. Cijfers met een "
    "95%-marge, zoals schaalscores: de z-toets op marges (het verschil gedeeld door de "
    "gecombineerde standaardfout van beide jaren). Geregistreerde aantallen per 1.000 inwoners of "
    "woningen: de poissontoets op aantallen. Een verandering heet statistisch betekenisvol als de "
    "kans dat ze alleen door toeval ontstaat kleiner is dan 5% (p < 0,05). Zonder aantallen of "
    "marges valt er niets te toetsen: dan is het oordeel indicatief (geen marges) en noemen we een "
    "verandering pas wezenlijk vanaf 5% van de beginwaarde. Een betekenisvolle verandering zegt "
    "niets over de oorzaak ervan."
)

_COLUMNS = [
    "area_code",
    "indicator_id",
    "from_period",
    "to_period",
    "value_from",
    "value_to",
    "difference",
    "verdict",
    "significant",
    "indicatief",
    "test",
    "z",
    "p_value",
    "direction",
]


def _compare_pairs(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    pairs: pd.DataFrame,
    alpha: float = ALPHA,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """The change for explicit pairs (area_code, indicator_id, from_period, to_period).

    The engine behind change_between and change_since_previous; see change_between for the
    rules. A pair with a missing from_period is 'onbekend'.
    """
    o = prepared_obs(obs)
    o = o.assign(value=o["value"].where(usable(o)))
    o = o.drop_duplicates(["area_code", "indicator_id", "period"], keep="last")
    measured = o[["area_code", "indicator_id", "period", "value", "n", "ci_low", "ci_high"]]
    p = pairs[["area_code", "indicator_id", "from_period", "to_period"]].reset_index(drop=True)
    p = p.assign(
        area_code=p["area_code"].astype(str),
        indicator_id=p["indicator_id"].astype(str),
        from_period=pd.to_numeric(p["from_period"]).astype("Int64"),
        to_period=pd.to_numeric(p["to_period"]).astype("int64"),
    )
    start = measured.rename(columns={"period": "from_period"}).astype({"from_period": "Int64"})
    end = measured.rename(columns={"period": "to_period"})
    p = p.merge(start, on=["area_code", "indicator_id", "from_period"], how="left")
    p = p.merge(
        end, on=["area_code", "indicator_id", "to_period"], how="left", suffixes=("_1", "_2")
    )

    cat = catalogue_by_id(catalogue)
    require_columns(cat, ["unit", "direction", "aggregation"], "catalogue")
    unknown = sorted(set(p["indicator_id"]) - set(cat.index))
    if unknown:
        raise ValueError(f"Deze indicatoren staan niet in de catalogus: {', '.join(unknown)}.")
    info = cat.reindex(p["indicator_id"].to_numpy())
    direction = info["direction"].fillna("neutraal").to_numpy(dtype=object)
    unit = info["unit"].to_numpy(dtype=object)
    pct = np.array([is_percentage(u) for u in unit], dtype=bool)
    deviation = np.array([is_deviation(u) for u in unit], dtype=bool)
    rate = (info["aggregation"] == "per_inwoners").to_numpy()
    low = pd.to_numeric(info.get("min_value"), errors="coerce") if "min_value" in info else None
    high = pd.to_numeric(info.get("max_value"), errors="coerce") if "max_value" in info else None

    v1, v2 = p["value_1"].to_numpy(float), p["value_2"].to_numpy(float)
    n1, n2 = p["n_1"].to_numpy(float), p["n_2"].to_numpy(float)
    lo1, hi1 = p["ci_low_1"].to_numpy(float), p["ci_high_1"].to_numpy(float)
    lo2, hi2 = p["ci_low_2"].to_numpy(float), p["ci_high_2"].to_numpy(float)
    known = ~np.isnan(v1) & ~np.isnan(v2)
    difference = v2 - v1
    with np.errstate(divide="ignore", invalid="ignore"):
        has_n = (n1 > 0) & (n2 > 0)
        use_prop = known & pct & has_n
        use_rate = known & ~use_prop & rate & has_n
        has_margins = (hi1 >= lo1) & (hi2 >= lo2)  # False when any margin is NaN
        se_margins = np.sqrt(((hi1 - lo1) / (2 * Z95)) ** 2 + ((hi2 - lo2) / (2 * Z95)) ** 2)
        use_margins = known & ~use_prop & ~use_rate & has_margins & (se_margins > 0)

        # Two proportions: pooled under 'no change'.
        q1, q2 = v1 / 100, v2 / 100
        pooled = (q1 * n1 + q2 * n2) / (n1 + n2)
        se_prop = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z_prop = np.where(se_prop > 0, (q2 - q1) / se_prop, 0.0)
        # Rates per 1.000 back to counts; under 'no change' both share the pooled rate.
        c1, c2 = v1 * n1 / 1000, v2 * n2 / 1000
        pooled_rate = (c1 + c2) / (n1 + n2)
        se_rate = np.sqrt(pooled_rate * (1 / n1 + 1 / n2))
        z_rate = np.where(se_rate > 0, (c2 / n2 - c1 / n1) / se_rate, 0.0)
        z_margins = difference / se_margins

    z = np.select([use_prop, use_rate, use_margins], [z_prop, z_rate, z_margins], np.nan)
    tested = use_prop | use_rate | use_margins
    indicative = known & ~tested
    test = np.select(
        [use_prop, use_rate, use_margins, indicative],
        [TEST_PROPORTIONS, TEST_RATES, TEST_MARGINS, TEST_INDICATIVE],
        "",
    ).astype(object)
    test[test == ""] = None
    p_value = np.array([two_sided_p(v) if not math.isnan(v) else math.nan for v in z])

    scale = np.abs(v1)
    if low is not None and high is not None:
        half_range = ((high - low) / 2).to_numpy(float)
        scale = np.where(deviation, np.nan_to_num(half_range, nan=0.0), scale)
    with np.errstate(invalid="ignore"):
        real_indicative = np.where(
            scale > 0, np.abs(difference) >= min_relative_change * scale, difference != 0
        )
        significant = tested & (p_value < alpha)
    real = np.where(tested, significant, real_indicative) & (difference != 0)
    up_is_good = direction == "hoger_beter"
    verdict = np.select(
        [
            ~known,
            ~real,
            direction == "neutraal",
            (difference > 0) == up_is_good,
        ],
        [UNKNOWN, NO_CHANGE, CHANGED, IMPROVED],
        WORSENED,
    )

    out = pd.DataFrame(
        {
            "area_code": p["area_code"],
            "indicator_id": p["indicator_id"],
            "from_period": p["from_period"].astype("Int64"),
            "to_period": p["to_period"].astype("int64"),
            "value_from": v1,
            "value_to": v2,
            "difference": difference,
            "verdict": verdict,
            "significant": pd.array(
                [bool(s) if t else pd.NA for s, t in zip(significant, tested, strict=True)],
                dtype="boolean",
            ),
            "indicatief": indicative,
            "test": test,
            "z": z,
            "p_value": p_value,
            "direction": direction,
        }
    )
    return out[_COLUMNS]


def change_between(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    from_period: int,
    to_period: int,
    *,
    alpha: float = ALPHA,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """Per area and indicator: the change from from_period to to_period and whether it is real.

    Columns: area_code, indicator_id, from_period, to_period, value_from, value_to, difference
    (value_to - value_from, in the indicator's unit; procentpunt for %), verdict, significant
    (boolean, NA when not tested), indicatief (bool), test, z, p_value, direction.
    Tests, first that applies (two-sided, significant when p < alpha):
    - twee-proportietoets: % units with n in both years; pooled proportion,
      z = (p2 - p1) / sqrt(p(1-p)(1/n1 + 1/n2)). Published margins are not used then.
    - poissontoets op aantallen: per_inwoners rates with n (the population base) in both
      years; counts c = rate * n / 1000, z = (c2/n2 - c1/n1) / sqrt(pooled rate * (1/n1 + 1/n2)).
      Assumes Poisson variation; real registrations vary a little more, so read p near 0.05
      with care.
    - z-toets op marges: both years have ci_low and ci_high; se = (ci_high - ci_low) / (2 * 1.96),
      z = difference / sqrt(se1^2 + se2^2).
    - indicatief (geen marges): otherwise. significant is NA and indicatief True; the change is
      'wezenlijk' when |difference| >= min_relative_change * |value_from| (any change when
      value_from is 0); for 'afwijking' units (centred on zero) against half the plausible range
      (max_value - min_value) / 2 from the catalogue.
    verdict: 'verbeterd' / 'verslechterd' for a real change in the good / bad direction
    (lager_beter flips the sign), 'veranderd' for a real change of a neutraal indicator,
    'geen wezenlijke verandering' otherwise, 'onbekend' when either value is missing or
    suppressed (suppressed values count as missing). Reference: the same area in from_period.
    Rows: every area and indicator with a row in either period.
    """
    o = prepared_obs(obs)
    o = o[o["period"].isin([from_period, to_period])]
    pairs = (
        o[["area_code", "indicator_id"]]
        .drop_duplicates()
        .assign(from_period=int(from_period), to_period=int(to_period))
    )
    return _compare_pairs(o, catalogue, pairs, alpha, min_relative_change)


def change_since_nulmeting(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    nulmeting_period: int,
    period: int,
    *,
    alpha: float = ALPHA,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """change_between from the nulmeting (baseline) year to `period`; same columns and rules."""
    return change_between(
        obs,
        catalogue,
        nulmeting_period,
        period,
        alpha=alpha,
        min_relative_change=min_relative_change,
    )


def nulmeting_period(periods: Iterable[int], nulmeting: int | None) -> int | None:
    """The year a change 'since the nulmeting' starts from, among `periods` (the years with a
    usable value): the first at or after the nulmeting; the earliest when there is no nulmeting
    or none lies at or after it (an indicator first measured later still shows its change).
    None without periods."""
    years = sorted({int(p) for p in periods})
    if not years:
        return None
    later = [p for p in years if nulmeting is None or p >= nulmeting]
    return later[0] if later else years[0]


def change_since(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    since: int | None,
    *,
    alpha: float = ALPHA,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """Per area and indicator: change_between from the indicator's first usable year at or after
    `since` (None: its earliest) to its latest usable year, both taken over all areas in obs, so
    the areas of one indicator are compared over the same years.

    Indicators measured in the same two years are tested together; an indicator with fewer than
    two such years gives no rows. Missing and suppressed values do not count as measured. Same
    columns, units, direction and tests as change_between. Reference: the same area in the
    first year.
    """
    o = prepared_obs(obs)
    measured = o[usable(o)]
    if since is not None:
        measured = measured[measured["period"] >= since]
    years = measured.groupby("indicator_id")["period"].agg(["min", "max"])
    years = years[years["min"] < years["max"]]
    if years.empty:
        return pd.DataFrame(columns=_COLUMNS)
    # The pairs of every group of indicators (those measured in the same two years), in the
    # order change_between gives them group by group, tested in one pass: a pass per group cost
    # most of a profile's time.
    pairs = pd.concat([
        o.loc[o["indicator_id"].isin(group.index) & o["period"].isin([first, last]),
              ["area_code", "indicator_id"]].drop_duplicates().assign(
                  from_period=int(first), to_period=int(last))
        for (first, last), group in years.groupby(["min", "max"])
    ], ignore_index=True)
    return _compare_pairs(o[o["indicator_id"].isin(years.index)], catalogue, pairs, alpha,
                          min_relative_change)


def change_since_previous(
    obs: pd.DataFrame,
    catalogue: pd.DataFrame,
    period: int,
    *,
    alpha: float = ALPHA,
    min_relative_change: float = MIN_RELATIVE_CHANGE,
) -> pd.DataFrame:
    """Per area and indicator with a row in `period`: the change since the previous measurement.

    'Previous' is the latest earlier period with a usable (present, unsuppressed) value for that
    area and indicator, so a two-yearly Leefbaarometer compares 2024 with 2022 and a suppressed
    2023 survey value is skipped. from_period is NA (verdict 'onbekend') when there is none.
    Same columns and rules as change_between.
    """
    o = prepared_obs(obs)
    current = o.loc[o["period"] == period, ["area_code", "indicator_id"]].drop_duplicates()
    earlier = o[(o["period"] < period) & usable(o)]
    previous = earlier.groupby(["area_code", "indicator_id"])["period"].max().rename("from_period")
    pairs = current.merge(previous.reset_index(), on=["area_code", "indicator_id"], how="left")
    pairs["to_period"] = int(period)
    if pairs.empty:
        return pd.DataFrame(columns=_COLUMNS)
    return _compare_pairs(o, catalogue, pairs, alpha, min_relative_change)
