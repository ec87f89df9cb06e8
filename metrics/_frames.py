"""Shared plumbing for the metrics modules: column checks, catalogue look-ups, usable values.

Private to metrics/: pages call the public modules. Pure functions on frames, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# The 95% margins the sources publish are +-1.96 standard errors (Veiligheidsmonitor, CBS).
Z95 = 1.96

OBS_KEYS = ["area_code", "indicator_id", "period"]
WEIGHTED_AGGREGATIONS = frozenset({"aandeel", "gemiddelde", "per_inwoners"})


def require_columns(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"De tabel '{name}' mist de kolom(men): {', '.join(missing)}.")


def float_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as float64 with NaN for anything missing (Int64 <NA>, None, text)."""
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype="float64")
    numbers = pd.to_numeric(frame[column], errors="coerce")
    return pd.Series(numbers.to_numpy(dtype="float64", na_value=np.nan), index=frame.index)


def bool_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as plain bool; missing counts as False."""
    if column not in frame.columns:
        return pd.Series(False, index=frame.index, dtype=bool)
    return frame[column].astype("boolean").fillna(False).astype(bool)


def prepared_obs(obs: pd.DataFrame) -> pd.DataFrame:
    """A typed copy of tidy observations with a fresh index and every optional column present.

    value, n, ci_low and ci_high become float64 (NaN = missing); suppressed and synthetic become
    bool (missing = False); source becomes text. The caller's frame is never changed.
    """
    require_columns(obs, OBS_KEYS + ["value"], "obs")
    out = obs.reset_index(drop=True).copy()
    out["area_code"] = out["area_code"].astype(str)
    out["indicator_id"] = out["indicator_id"].astype(str)
    out["period"] = pd.to_numeric(out["period"]).astype("int64")
    for column in ("value", "n", "ci_low", "ci_high"):
        out[column] = float_column(out, column)
    for column in ("suppressed", "synthetic"):
        out[column] = bool_column(out, column)
    if "source" not in out.columns:
        out["source"] = ""
    return out


def usable(obs: pd.DataFrame) -> pd.Series:
    """Rows whose value may be used: present and not suppressed (a suppressed value is missing)."""
    return obs["value"].notna() & ~obs["suppressed"]


def catalogue_by_id(catalogue: pd.DataFrame) -> pd.DataFrame:
    """The catalogue indexed by indicator id, whether it came with an `id` column or index."""
    if "id" in catalogue.columns:
        cat = catalogue.reset_index(drop=True)
        return cat.set_index(cat["id"].astype(str), drop=False).rename_axis(None)
    cat = catalogue.copy()
    cat["id"] = cat.index.astype(str)
    return cat.set_index("id", drop=False).rename_axis(None)


def indicator_row(catalogue: pd.DataFrame, indicator_id: str) -> pd.Series:
    cat = catalogue_by_id(catalogue)
    if indicator_id not in cat.index:
        raise ValueError(f"De indicator '{indicator_id}' staat niet in de catalogus.")
    return cat.loc[indicator_id]


def catalogue_column(
    catalogue: pd.DataFrame, indicator_ids: pd.Series, column: str, default: Any = None
) -> pd.Series:
    """One catalogue column looked up for every row's indicator id (unknown ids raise)."""
    cat = catalogue_by_id(catalogue)
    unknown = sorted(set(indicator_ids.unique()) - set(cat.index))
    if unknown:
        raise ValueError(f"Deze indicatoren staan niet in de catalogus: {', '.join(unknown)}.")
    if column not in cat.columns:
        return pd.Series(default, index=indicator_ids.index, dtype=object)
    return indicator_ids.map(cat[column])


def area_frame(areas: pd.DataFrame) -> pd.DataFrame:
    """areas with a fresh index (the dashboard indexes it by code and keeps the column)."""
    require_columns(areas, ["code", "level", "gemeente_code"], "areas")
    out = areas.reset_index(drop=True).copy()
    out["code"] = out["code"].astype(str)
    return out


def is_percentage(unit: object) -> bool:
    """Units such as '%' and '% van de woningen': differences are in percentage points."""
    return isinstance(unit, str) and unit.strip().startswith("%")


def is_deviation(unit: object) -> bool:
    """Units such as 'afwijking (score)': centred on zero, so relative change means nothing."""
    return isinstance(unit, str) and unit.strip().lower().startswith("afwijking")


def direction_of(row: Mapping[str, Any] | pd.Series) -> str:
    direction = row.get("direction") if hasattr(row, "get") else None
    return direction if direction in {"hoger_beter", "lager_beter", "neutraal"} else "neutraal"


def decimals_of(row: Mapping[str, Any] | pd.Series, default: int = 1) -> int:
    raw = row.get("decimals") if hasattr(row, "get") else None
    try:
        number = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(number) else int(number)


def text_of(row: Mapping[str, Any] | pd.Series, column: str, default: str = "") -> str:
    raw = row.get(column) if hasattr(row, "get") else None
    return raw if isinstance(raw, str) else default


def codes_in(column: pd.Series, allowed: Iterable[object]) -> pd.Series:
    """column.isin(allowed) (missing values never match), fast for text backed by Arrow: pandas
    makes one Arrow scalar per allowed value there (0,2 to 0,7 s for the 11.000 buurt codes of
    the country against 0,02 s here, and a national page asks this tens of times)."""
    if not isinstance(column.dtype, pd.StringDtype) or column.dtype.storage != "pyarrow":
        return column.isin(list(allowed) if not isinstance(allowed, (pd.Series, pd.Index))
                           else allowed)
    texts = pa.array(column.array)
    if isinstance(allowed, (pd.Series, pd.Index)):  # one conversion, not a scalar per value
        allowed = allowed.tolist()
    wanted = pa.array([v for v in allowed if isinstance(v, str)], type=pa.string())
    found = pc.is_in(texts, value_set=wanted.cast(texts.type)).fill_null(False)
    return pd.Series(np.asarray(found, dtype=bool), index=column.index, name=column.name)


def nearest_period_lookup(
    keys: pd.DataFrame, table: pd.DataFrame, column: str, *, by: str = "area_code"
) -> pd.Series:
    """For each key row (by, period): table's `column` for that `by` in the nearest period.

    Exact period first; otherwise the nearest period either side, the earlier one on a tie (a
    figure known at the time beats one from the future). Rows with no match get NaN. Returns a
    Series aligned on keys.index.
    """
    result = pd.Series(np.nan, index=keys.index, dtype=object)
    right = table[[by, "period", column]].dropna()
    if keys.empty or right.empty:
        return result
    right = right.assign(
        **{by: right[by].astype(str), "period": pd.to_numeric(right["period"]).astype("int64")}
    )
    right = right.drop_duplicates([by, "period"], keep="last").sort_values("period")
    right = right.assign(_found=right["period"])
    left = keys[[by, "period"]].assign(
        **{by: keys[by].astype(str), "period": pd.to_numeric(keys["period"]).astype("int64")}
    )
    unique = left.drop_duplicates().sort_values("period").reset_index(drop=True)
    back = pd.merge_asof(unique, right, on="period", by=by, direction="backward")
    ahead = pd.merge_asof(unique, right, on="period", by=by, direction="forward")
    back_gap = unique["period"] - back["_found"]
    ahead_gap = ahead["_found"] - unique["period"]
    take_back = back["_found"].notna() & (ahead["_found"].isna() | (back_gap <= ahead_gap))
    unique["_value"] = back[column].where(take_back, ahead[column])
    merged = left.merge(unique, on=[by, "period"], how="left")
    return pd.Series(merged["_value"].to_numpy(), index=keys.index)


def two_sided_p(z: float) -> float:
    """Two-sided p-value of a standard normal z (erfc keeps precision in the tails)."""
    return math.erfc(abs(z) / math.sqrt(2.0))


def normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def margin_from_n(value: float, n: float) -> float:
    """Half-width of the 95% interval of a percentage from n (normal approximation), in points.

    For a survey percentage that comes with n but without a published margin.
    """
    if not (n > 0) or not (0 <= value <= 100):
        return float("nan")
    p = value / 100
    return Z95 * math.sqrt(p * (1 - p) / n) * 100
