"""Goals against what was realised since the nulmeting: behaald, op koers, achter, geen gegevens.

Pure. Goals: area_code, indicator_id, nulmeting_period, nulmeting_value, target_value,
target_period. Observations: area_code, indicator_id, period, value[, suppressed] for the same
areas (a wijk's own or aggregated values). Values in the indicator's unit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

REACHED = "behaald"
ON_TRACK = "op koers"
BEHIND = "achter"
NO_DATA = "geen gegevens"
STATUSES = (REACHED, ON_TRACK, BEHIND, NO_DATA)


def goal_status(goals: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """Each goal with latest_period, latest_value, progress, expected_progress and status.

    - latest: the area's latest usable value (present, not suppressed) after the nulmeting year
      and no later than the target year. None: status 'geen gegevens'.
    - progress = (latest - nulmeting) / (target - nulmeting): the share of the intended change
      realised (works for goals up or down; negative when it moved the wrong way). A goal whose
      target equals its nulmeting counts as reached when the latest value did not move away.
    - 'behaald' when progress >= 1. Otherwise, when the target year has been measured, 'achter'
      (the deadline passed). Otherwise expected_progress = (latest_period - nulmeting_period) /
      (target_period - nulmeting_period), a straight line from nulmeting to target: 'op koers'
      when progress >= expected_progress, else 'achter'.
    """
    o = obs
    if "suppressed" in o:
        o = o[~o["suppressed"].fillna(False).astype(bool)]
    o = o[o["value"].notna()]
    rows = []
    for goal in goals.itertuples(index=False):
        mine = o[(o["area_code"] == goal.area_code) & (o["indicator_id"] == goal.indicator_id)
                 & (o["period"] > goal.nulmeting_period) & (o["period"] <= goal.target_period)]
        record = goal._asdict() | {"latest_period": pd.NA, "latest_value": np.nan,
                                   "progress": np.nan, "expected_progress": np.nan,
                                   "status": NO_DATA}
        if not mine.empty:
            last = mine.loc[mine["period"].idxmax()]
            period, value = int(last["period"]), float(last["value"])
            gap = goal.target_value - goal.nulmeting_value
            if gap == 0:
                progress = 1.0 if value == goal.nulmeting_value else 0.0
            else:
                progress = (value - goal.nulmeting_value) / gap
            span = goal.target_period - goal.nulmeting_period
            expected = (period - goal.nulmeting_period) / span if span > 0 else 1.0
            if progress >= 1 - 1e-9:
                status = REACHED
            elif period >= goal.target_period:
                status = BEHIND
            else:
                status = ON_TRACK if progress >= expected - 1e-9 else BEHIND
            record |= {"latest_period": period, "latest_value": value, "progress": progress,
                       "expected_progress": expected, "status": status}
        rows.append(record)
    columns = [*goals.columns, "latest_period", "latest_value", "progress", "expected_progress",
               "status"]
    return pd.DataFrame(rows, columns=columns)
