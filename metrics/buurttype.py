"""Assigning a buurttype from a socio-economic status score by a documented quantile rule.

The research gives no threshold, so the cut-off is a parameter and the rule is described in words
(quantile_rule_label) wherever a label shows. Pure: the loaders store the result with its year.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from metrics._frames import require_columns

MIN_GROUP = 5  # fewer buurten with a score than this in a group: everyone 'midden'
TYPES = ("achterstand", "midden", "voorstand")


def assign_by_quantile(
    status: pd.DataFrame,
    low: float = 0.2,
    high: float = 0.2,
    within: Literal["gemeente", "all"] = "gemeente",
    min_group: int = MIN_GROUP,
) -> pd.DataFrame:
    """Buurttype per area: achterstand for the lowest `low` share, voorstand for the highest.

    status: area_code, gemeente_code, value — a status score where higher means better off
    (SES-WOA, income per inhabitant; negate a deprivation score first).
    Returns area_code, gemeente_code, value, quantile, type.
    - Groups: per gemeente (within='gemeente') or all areas together (within='all', e.g. a
      national rule).
    - quantile: the mid-rank (average rank for ties, minus 0.5) divided by the number of
      scored buurten in the group, so it lies strictly between 0 and 1 and tied buurten share it.
      type: 'achterstand' when quantile < low, 'voorstand' when quantile > 1 - high, else
      'midden'. With 10 buurten and low = high = 0.2: the lowest two and the highest two.
    - Ties at a boundary: tied buurten get the same type; a tie straddling the boundary has a
      quantile on or beyond it and goes to 'midden' (a label is given only when it is clear).
    - Small groups: with fewer than `min_group` (5) scored buurten a fifth is less than one
      buurt and the lowest of three is not meaningfully 'achterstand', so all get 'midden';
      quantile is still reported.
    - Missing status: type missing (NA: not labelled), left out of the counts.
    Unit: none (a label). Reference: the other buurten of the group in the same data year.
    """
    require_columns(status, ["area_code", "value"], "status")
    if not (0 <= low < 1 and 0 <= high < 1 and low + high <= 1):
        raise ValueError("low en high liggen tussen 0 en 1 en samen hooguit 1.")
    if within not in {"gemeente", "all"}:
        raise ValueError("within is 'gemeente' of 'all'.")
    out = status.reset_index(drop=True).copy()
    if "gemeente_code" not in out.columns:
        if within == "gemeente":
            raise ValueError("Voor within='gemeente' is de kolom gemeente_code nodig.")
        out["gemeente_code"] = None
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype("float64")
    group = (
        out["gemeente_code"].astype(str) if within == "gemeente" else pd.Series("", index=out.index)
    )
    scored = out["value"].notna()
    rank = out["value"].where(scored).groupby(group).rank(method="average")
    size = scored.groupby(group).transform("sum")
    out["quantile"] = (rank - 0.5) / size.where(size > 0)
    label = np.select(
        [size < min_group, out["quantile"] < low, out["quantile"] > 1 - high],
        ["midden", "achterstand", "voorstand"],
        "midden",
    )
    out["type"] = pd.Series(label, index=out.index).where(scored)
    return out[["area_code", "gemeente_code", "value", "quantile", "type"]]


def quantile_rule_label(
    low: float = 0.2,
    high: float = 0.2,
    within: Literal["gemeente", "all"] = "gemeente",
    score: str = "sociaal-economische status",
) -> str:
    """The rule in words, for wherever a buurttype shows (PRODUCT: always say which rule)."""
    scope = "binnen de eigen gemeente" if within == "gemeente" else "over alle buurten samen"
    return (
        f"Achterstandsbuurt: de laagste {round(low * 100)}% van de buurten op {score}, "
        f"voorstandsbuurt: de hoogste {round(high * 100)}%, middenstandsbuurt: de rest; "
        f"{scope}. Groepen met minder dan {MIN_GROUP} buurten: alle middenstand."
    )
