"""What the cache puts together for the buurtprofiel from the frames it read: the values of every
indicator under the sidebar's reference, and an area's expected values. Pure: frames in, frames
out.

No streamlit and no database here (tests/test_layers.py); dashboard/data.py reads and caches.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard import profiles, tables


def _scope(obs: pd.DataFrame, area_rows: pd.DataFrame, types: pd.DataFrame,
           cat: pd.DataFrame) -> tables.Scope:
    return tables.Scope(obs=obs, areas=area_rows, types=types, catalogue=cat,
                        sources=pd.DataFrame())


def switched(
    obs: pd.DataFrame, area_rows: pd.DataFrame, types: pd.DataFrame, cat: pd.DataFrame,
    code: str, reference: str, nulmeting: int | None, buurttype: tuple[str, ...],
) -> pd.Series:
    """profiles.switched_values of every indicator in one pass (one gemeente's observations fit
    in memory; the wijk figures computed once), in catalogue order."""
    found = profiles.switched_values(_scope(obs, area_rows, types, cat), code, reference,
                                     nulmeting, buurttype)
    return found.reindex([i for i in cat.index if i in found.index])


def switched_one_by_one(
    parts: Iterable[tuple[str, pd.DataFrame]], area_rows: pd.DataFrame, types: pd.DataFrame,
    cat: pd.DataFrame, code: str, reference: str, nulmeting: int | None,
    buurttype: tuple[str, ...],
) -> pd.Series:
    """profiles.switched_values one indicator at a time (`parts`: each indicator with its
    observations and the inhabitants'): nationally each is ranked among all areas of its
    level, so every indicator's areas are needed, but never all indicators at once."""
    found_parts = []
    for ind, obs in parts:
        found = profiles.switched_values(_scope(obs, area_rows, types, cat), code, reference,
                                         nulmeting, buurttype)
        found_parts.append(found[found.index == ind])
    return pd.concat(found_parts) if found_parts else pd.Series(dtype=object)


def expected_rows(fits: pd.DataFrame, code: str, scope: tables.Scope) -> pd.DataFrame:
    """Expected against observed for one area (profiles.expected_rows) from the fits and the
    area's scope."""
    return profiles.expected_rows(fits, code, scope.catalogue, scope.obs, scope.sources)
