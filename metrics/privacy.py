"""Small numbers: suppressing values that rest on too few people, and grading reliability.

Never drops a row (a suppressed value must stay visible as 'onderdrukt', not vanish), never
reads settings: thresholds come in as arguments. Pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from metrics._frames import catalogue_column, nearest_period_lookup, prepared_obs, usable

POPULATION_INDICATOR = "inwoners"

# Reliability grades, from the number of respondents n ...
RELIABLE_N = 100  # n >= 100: goed
FAIR_N = 50  # 50 <= n < 100: matig; n < 50: laag
# ... or, without n, from the relative margin: half the 95% interval divided by |value|.
RELIABLE_MARGIN = 0.10  # <= 10%: goed
FAIR_MARGIN = 0.25  # <= 25%: matig; wider: laag
RELIABILITY_LEVELS = ("goed", "matig", "laag", "onbekend")


def apply_suppression(
    obs: pd.DataFrame,
    min_respondents: int = 30,
    min_inhabitants: int = 50,
    population: pd.DataFrame | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """obs with value, ci_low and ci_high set to NaN and suppressed=True where numbers are small.

    Unit and direction: unchanged (values are removed, never altered). Reference: none.
    Suppressed when any of:
    - the row was already suppressed (secret in the source);
    - n < min_respondents: the value rests on too few answers. With `catalogue`, only for
      subjective (survey) indicators, as the database query does, because for registrations n is
      a population base; without it, for every row that has an n;
    - the area has fewer than min_inhabitants inhabitants. Inhabitants per area and period come
      from `population` (area_code, period, weight: the same frame as the weights for averages)
      or, when None, from obs rows with indicator_id 'inwoners'; a year without a count uses the
      nearest counted year. The inhabitants count itself is never suppressed: CBS publishes it and
      every other rule needs it. An area with no count at all is not suppressed by this rule.
    Missing values stay missing; n is kept (a number of respondents identifies no one and tells
    the reader why the value is gone). Rows are never dropped; the order and index are kept.
    """
    o = prepared_obs(obs)
    hide = o["suppressed"].copy()

    survey = pd.Series(True, index=o.index)
    if catalogue is not None and "kind" in catalogue.columns:
        survey = catalogue_column(catalogue, o["indicator_id"], "kind").eq("subjectief")
    hide |= survey & o["n"].notna() & (o["n"] < min_respondents)

    if population is None:
        counts = o.loc[o["indicator_id"] == POPULATION_INDICATOR, ["area_code", "period", "value"]]
        counts = counts.rename(columns={"value": "weight"})
    else:
        counts = population
    inhabitants = pd.to_numeric(nearest_period_lookup(o, counts, "weight"), errors="coerce").astype(
        "float64"
    )
    small_area = inhabitants.notna() & (inhabitants < min_inhabitants)
    hide |= small_area & (o["indicator_id"] != POPULATION_INDICATOR)

    out = obs.copy()
    hidden = hide.to_numpy()
    for column in ("value", "ci_low", "ci_high"):
        if column in out.columns:
            out[column] = o[column].where(~hide).to_numpy()
    out["suppressed"] = hidden
    return out


def reliability(obs: pd.DataFrame) -> pd.DataFrame:
    """obs plus a column `reliability` in {'goed', 'matig', 'laag', 'onbekend'}.

    Unit: a grade, not a number. Direction: 'goed' is most reliable. Reference: none.
    With n (respondents): n >= 100 goed, 50-99 matig, < 50 laag. Without n but with a 95% margin:
    half its width divided by |value|: <= 10% goed, <= 25% matig, wider laag (a value of 0 with a
    margin is laag). Without either, and for missing or suppressed values: onbekend. For
    registrations n is the population base, so they mostly grade goed: their uncertainty is
    random year-to-year variation, which change.py tests separately.
    """
    o = prepared_obs(obs)
    n = o["n"]
    half_width = (o["ci_high"] - o["ci_low"]) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = (half_width / o["value"].abs()).where(o["value"] != 0, np.inf)
    has_margin = half_width.notna()
    grade = np.select(
        [
            ~usable(o),
            n.notna() & (n >= RELIABLE_N),
            n.notna() & (n >= FAIR_N),
            n.notna(),
            has_margin & (relative <= RELIABLE_MARGIN),
            has_margin & (relative <= FAIR_MARGIN),
            has_margin,
        ],
        ["onbekend", "goed", "matig", "laag", "goed", "matig", "laag"],
        default="onbekend",
    )
    out = obs.copy()
    out["reliability"] = grade
    return out
