"""The buurt profile: every indicator of one area per theme, against the gemeente and its peers.

The parts always come first; theme_summary counts them but never replaces them (sociale samenhang
is never one grade). Pure: takes the output of references.with_reference_values.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from metrics._frames import (
    Z95,
    catalogue_by_id,
    is_deviation,
    is_percentage,
    margin_from_n,
    prepared_obs,
    require_columns,
    usable,
)

THEMES = ("leefbaarheid", "veiligheid", "contact", "participatie", "context")
TOLERANCE = 0.05  # without a margin or n: within 5% of the reference counts as 'gelijk'

# EQUAL means the test found no difference, not that the values are equal: it is worded
# 'geen aantoonbaar verschil' with its margin wherever it is shown (EQUAL_TEXT).
BETTER, EQUAL, WORSE, UNKNOWN = "beter", "gelijk", "slechter", "onbekend"
EQUAL_TEXT = "geen aantoonbaar verschil"
HIGHER, LOWER = "hoger", "lager"  # neutraal indicators

SUMMARY_NOTE = (
    "Deze samenvatting telt alleen hoeveel indicatoren beter of slechter zijn dan de gemeente, "
    "of er niet aantoonbaar van verschillen. Ze vervangt de onderdelen niet: onderdelen van een thema kunnen tegengesteld "
    "bewegen, en een telling weegt een klein verschil even zwaar als een groot. Lees altijd de "
    "indicatoren zelf."
)

PROFILE_COLUMNS = [
    "theme",
    "indicator_id",
    "name",
    "unit",
    "direction",
    "kind",
    "result",
    "period",
    "value",
    "n",
    "ci_low",
    "ci_high",
    "suppressed",
    "gemeente_value",
    "difference_gemeente",
    "standing_gemeente",
    "buurttype",
    "buurttype_value",
    "difference_buurttype",
    "standing_buurttype",
    "standing_basis",
    "margin_gemeente",
    "margin_buurttype",
]


def _standing(
    value: float,
    reference: float,
    direction: str,
    *,
    unit: object,
    aggregation: object,
    n: float,
    ci_low: float,
    ci_high: float,
    tolerance: float,
    half_range: float,
) -> tuple[str, str, float]:
    """(standing, basis, margin) of a value against a reference; see theme_profile."""
    if aggregation == "aantal":
        return UNKNOWN, "aantal", math.nan
    if math.isnan(value) or math.isnan(reference):
        return UNKNOWN, "", math.nan
    difference = value - reference
    if not math.isnan(ci_low) and not math.isnan(ci_high):
        # The published interval around the value; the margin on the reference's side.
        margin = (value - ci_low) if reference < value else (ci_high - value)
        equal, basis = ci_low <= reference <= ci_high, "marge"
    elif is_percentage(unit) and n > 0:
        margin = margin_from_n(value, n)
        equal, basis = abs(difference) <= margin, "n"
    elif aggregation == "per_inwoners" and n > 0:
        # Registered counts vary like Poisson counts: margin 1.96 * sqrt(count) per base.
        count = max(value, 0.0) * n / 1000
        margin = Z95 * math.sqrt(count) / n * 1000
        equal, basis = abs(difference) <= margin, "n"
    else:
        scale = half_range if is_deviation(unit) else abs(reference)
        margin = tolerance * scale
        equal = abs(difference) <= margin if scale > 0 else difference == 0
        basis = "tolerantie"
    if equal or difference == 0:
        return EQUAL, basis, margin
    if direction == "neutraal":
        return (HIGHER if difference > 0 else LOWER), basis, margin
    good = (difference > 0) == (direction == "hoger_beter")
    return (BETTER if good else WORSE), basis, margin


def theme_profile(
    obs_with_reference: pd.DataFrame,
    catalogue: pd.DataFrame,
    *,
    area_code: str | None = None,
    period: int | None = None,
    tolerance: float = TOLERANCE,
) -> pd.DataFrame:
    """Per theme, the indicators of one area: value, gemeente and peer reference, and standing.

    obs_with_reference: references.with_reference_values output (gemeente_value, buurttype,
    buurttype_value), for one area or with `area_code` to pick one.
    - period: the year to show; None takes, per indicator, the latest year with a usable value
      (sources differ: the Leefbaarometer is two-yearly). Without any usable value the latest
      row is shown, suppressed or missing, with standing 'onbekend'.
    - standing_gemeente / standing_buurttype: 'gelijk' when the difference is within the
      uncertainty of the area's value — its published 95% margin contains the reference
      (basis 'marge'); for a % with n but no margin, |difference| <= 1.96 * sqrt(p(1-p)/n)
      (basis 'n'); for a rate per 1.000 with n (the population base), the Poisson margin
      1.96 * sqrt(count) / n * 1000 (basis 'n'); otherwise |difference| <= tolerance *
      |reference|, for 'afwijking' units tolerance * half the plausible range (basis
      'tolerantie'). Beyond that 'beter' / 'slechter' by the catalogue direction (lager_beter
      flips), 'hoger' / 'lager' for neutraal, 'onbekend' when the value or reference is missing
      or suppressed. Counts (aggregation 'aantal') are never compared: a buurt's count against
      the gemeente total means nothing (standing 'onbekend', basis 'aantal').
    - margin_*: the half-width that decided 'gelijk' (in the indicator's unit): values that
      differ by less are 'geen aantoonbaar verschil', not equal; NaN when not compared.
    - difference_*: value - reference (procentpunt for %); NaN for counts.
    Columns: see PROFILE_COLUMNS; themes in THEMES order, indicators in catalogue order, output
    and outcome labelled in `result`, objective and subjective in `kind`, side by side.
    """
    require_columns(obs_with_reference, ["gemeente_value", "buurttype_value"], "obs_with_reference")
    o = prepared_obs(obs_with_reference)
    if area_code is not None:
        o = o[o["area_code"] == area_code]
    if o["area_code"].nunique() > 1:
        raise ValueError("Een profiel gaat over één gebied: geef area_code op.")
    if period is not None:
        o = o[o["period"] == period]
    o = o.assign(_usable=usable(o)).sort_values(["indicator_id", "_usable", "period"])
    # Per indicator the latest usable row, or the latest row when none is usable.
    chosen = o.drop_duplicates("indicator_id", keep="last")

    cat = catalogue_by_id(catalogue)
    chosen = chosen[chosen["indicator_id"].isin(cat.index)]
    info = cat.reindex(chosen["indicator_id"].to_numpy())
    out = pd.DataFrame(
        {
            "theme": info["theme"].to_numpy() if "theme" in info else "",
            "indicator_id": chosen["indicator_id"].to_numpy(),
            "name": info["name"].to_numpy()
            if "name" in info
            else chosen["indicator_id"].to_numpy(),
            "unit": info["unit"].to_numpy(),
            "direction": info["direction"].to_numpy(),
            "kind": info["kind"].to_numpy() if "kind" in info else None,
            "result": info["result"].to_numpy() if "result" in info else None,
            "period": chosen["period"].to_numpy(),
            "value": chosen["value"].where(chosen["_usable"]).to_numpy(),
            "n": chosen["n"].to_numpy(),
            "ci_low": chosen["ci_low"].to_numpy(),
            "ci_high": chosen["ci_high"].to_numpy(),
            "suppressed": chosen["suppressed"].to_numpy(),
            "gemeente_value": pd.to_numeric(chosen["gemeente_value"]).to_numpy(float),
            "buurttype": chosen["buurttype"].to_numpy() if "buurttype" in chosen else None,
            "buurttype_value": pd.to_numeric(chosen["buurttype_value"]).to_numpy(float),
        }
    )
    low = pd.to_numeric(info.get("min_value", pd.Series(np.nan, index=info.index)), errors="coerce")
    high = pd.to_numeric(
        info.get("max_value", pd.Series(np.nan, index=info.index)), errors="coerce"
    )
    half_range = ((high - low) / 2).fillna(0).to_numpy(float)
    aggregation = info.get("aggregation", pd.Series(None, index=info.index)).to_numpy(dtype=object)
    for which in ("gemeente", "buurttype"):
        difference = out["value"] - out[f"{which}_value"]
        out[f"difference_{which}"] = difference.where(aggregation != "aantal")
        standings = [
            _standing(
                row.value,
                getattr(row, f"{which}_value"),
                str(row.direction),
                unit=row.unit,
                aggregation=agg,
                n=float(row.n),
                ci_low=row.ci_low,
                ci_high=row.ci_high,
                tolerance=tolerance,
                half_range=float(half),
            )
            for row, half, agg in zip(
                out.itertuples(index=False), half_range, aggregation, strict=True
            )
        ]
        out[f"standing_{which}"] = [s for s, _, _ in standings]
        out[f"margin_{which}"] = [m for _, _, m in standings]
        if which == "gemeente":
            out["standing_basis"] = [b for _, b, _ in standings]

    theme_order = {t: i for i, t in enumerate(THEMES)}
    catalogue_order = {i: k for k, i in enumerate(cat.index)}
    out = out.assign(
        _t=out["theme"].map(theme_order).fillna(len(THEMES)),
        _i=out["indicator_id"].map(catalogue_order),
    ).sort_values(["_t", "_i"])
    return out[PROFILE_COLUMNS].reset_index(drop=True)


def theme_summary(profile: pd.DataFrame, *, against: str = "gemeente") -> pd.DataFrame:
    """Per theme: how many outcome indicators are beter, gelijk, slechter (or onbekend).

    A summary that never replaces the parts (see SUMMARY_NOTE); show it next to theme_profile.
    Counts only indicators with result 'outcome' and a direction: outputs say what was done,
    context is no goal, and neutraal ones are neither better nor worse. against: 'gemeente' or
    'buurttype'. share_better = beter / (beter + gelijk + slechter), NaN when none is known.
    Columns: theme, outcome_indicators, beter, gelijk, slechter, onbekend, share_better.
    """
    if against not in {"gemeente", "buurttype"}:
        raise ValueError("against is 'gemeente' of 'buurttype'.")
    column = f"standing_{against}"
    counted = profile[
        (profile["result"] == "outcome") & profile["direction"].isin(["hoger_beter", "lager_beter"])
    ]
    rows = []
    for theme in [t for t in THEMES if t in set(counted["theme"])]:
        standings = counted.loc[counted["theme"] == theme, column]
        counts = {s: int((standings == s).sum()) for s in (BETTER, EQUAL, WORSE, UNKNOWN)}
        known = counts[BETTER] + counts[EQUAL] + counts[WORSE]
        rows.append(
            {
                "theme": theme,
                "outcome_indicators": len(standings),
                **counts,
                "share_better": counts[BETTER] / known if known else math.nan,
            }
        )
    columns = ["theme", "outcome_indicators", BETTER, EQUAL, WORSE, UNKNOWN, "share_better"]
    return pd.DataFrame(rows, columns=columns)
