"""Spending per buurt over a period, set against change and against need.

Pure functions on tidy frames (spending rows as metrics.spending describes them; observations as
area_code, period, indicator_id, value[, n, ci_low, ci_high]). The rules: which period, per
dwelling or per inhabitant, the change with its margin, and a need score. None of this says what
the money caused: it sets spending beside change and need, it does not isolate an effect.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from metrics import change, spending
from metrics._frames import Z95

PER_DWELLING = "woning"  # per dwelling of the organisation (its own count in the buurt)
PER_INHABITANT = "inwoner"  # per inhabitant of the buurt
# Fixed class boundaries (euro per year) for the spending map: the same colour means the same
# amount for every organisation and period. Demo corporations spend 20-140 euro per dwelling.
BREAKS = {PER_DWELLING: [25.0, 50.0, 75.0, 100.0, 125.0],
          PER_INHABITANT: [2.5, 5.0, 10.0, 20.0, 40.0]}
# 'High need': the fifth of buurten with the highest need score (as the achterstand rule's 20%).
HIGH_NEED = 80.0

RATE_COLUMNS = ["area_code", "amount_eur", "years", "dwellings", "inhabitants", "basis", "rate"]


def spending_period(spend_years: Iterable[int], nulmeting: int | None,
                    jaar: int | None) -> tuple[int, int] | None:
    """First and last year of the period to sum: the years with spending from the nulmeting
    (or the first year with spending, if later) to `jaar` (or the last year with spending, if
    earlier). None when no year with spending falls in between."""
    years = sorted({int(y) for y in spend_years})
    if not years:
        return None
    start = max(years[0], nulmeting if nulmeting is not None else years[0])
    end = min(years[-1], jaar if jaar is not None else years[-1])
    return (start, end) if start <= end else None


def from_period(measured: Iterable[int], nulmeting: int | None, first_spending: int) -> int | None:
    """The year the change is measured from: the nulmeting, or when that lies before the first
    year with spending, the last measurement up to that year (the situation as spending began).
    None when no measurement lies at or before it."""
    limit = max(first_spending, nulmeting if nulmeting is not None else first_spending)
    before = [int(p) for p in measured if int(p) <= limit]
    return max(before) if before else None


def spending_rates(spend: pd.DataFrame, inhabitants: pd.DataFrame, organisation: str,
                   start: int, end: int) -> pd.DataFrame:
    """Per buurt where `organisation` spent in start..end: euro per year per dwelling or per
    inhabitant, on average over the period.

    amount_eur: the total over the period; years: end - start + 1 (calendar years, a year
    without spending counts as 0). basis is PER_DWELLING when the organisation's dwellings are
    known in every buurt of the period (rate = amount / years / its latest dwelling count in the
    period), else PER_INHABITANT for all (rate = amount / years / inhabitants of the buurt in
    `end`): one map never mixes the two. rate NaN without a count. Unit: euro per year.
    """
    own = spend[(spend["organisation"] == organisation) & spend["year"].between(start, end)]
    if own.empty:
        return pd.DataFrame(columns=RATE_COLUMNS)
    known = own.dropna(subset=["dwellings"])
    known = known[pd.to_numeric(known["dwellings"], errors="coerce") > 0]
    latest = (known.sort_values("year").groupby("area_code")["dwellings"].last()
              if not known.empty else pd.Series(dtype=float))
    out = own.groupby("area_code", as_index=False)["amount_eur"].sum()
    years = end - start + 1
    out["years"] = years
    out["dwellings"] = out["area_code"].map(latest).astype(float)
    out["inhabitants"] = spending.inhabitants_in(inhabitants, out["area_code"], end).to_numpy()
    by_dwelling = bool(out["dwellings"].notna().all())
    out["basis"] = PER_DWELLING if by_dwelling else PER_INHABITANT
    count = out["dwellings"] if by_dwelling else out["inhabitants"]
    out["rate"] = out["amount_eur"] / years / count.where(count > 0)
    return out[RATE_COLUMNS].sort_values("area_code").reset_index(drop=True)


def change_with_margin(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator: str,
                       from_period: int, to_period: int) -> pd.DataFrame:
    """Per area: the change of `indicator` from from_period to to_period (metrics.change rules)
    and its 95% margin where the test had one.

    Columns: area_code, value_from, value_to, difference (unit of the indicator; procentpunt for
    %), margin (half the width of the 95% interval of the difference: 1.96 * |difference / z|,
    the standard error the change test used; NaN when the change was not tested, e.g. without n
    or margins), verdict, better (True when the change is in the good direction, NA for neutral
    or no change). Areas without both values are left out.
    """
    rows = obs[obs["indicator_id"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=["area_code", "value_from", "value_to", "difference",
                                     "margin", "verdict"])
    moved = change.change_between(rows, catalogue, from_period, to_period)
    moved = moved.dropna(subset=["difference"])
    z = pd.to_numeric(moved["z"], errors="coerce").abs()
    margin = Z95 * moved["difference"].abs() / z.where(z > 0)
    return pd.DataFrame({
        "area_code": moved["area_code"].to_numpy(),
        "value_from": moved["value_from"].to_numpy(dtype=float),
        "value_to": moved["value_to"].to_numpy(dtype=float),
        "difference": moved["difference"].to_numpy(dtype=float),
        "margin": margin.to_numpy(dtype=float),
        "verdict": moved["verdict"].to_numpy(),
    }).sort_values("area_code").reset_index(drop=True)


def need_score(values: pd.Series, direction: str) -> pd.Series:
    """Need per area on 0-100: the share of areas (mid-rank) that are better off, so 100 is the
    highest need. values: a status score or indicator per area (index area_code); direction
    from the catalogue: for 'hoger_beter' (income, a status score) a low value means need, for
    'lager_beter' a high value. Missing values get no score. Reference: the other areas given
    (the buurten of the gemeente in the same year), as the buurttype quantile rule.
    """
    clean = pd.to_numeric(values, errors="coerce").astype(float)
    unfavourable = -clean if direction != "lager_beter" else clean
    rank = unfavourable.rank(method="average")
    return ((rank - 0.5) / clean.notna().sum() * 100).where(clean.notna())


def high_need_low_spending(frame: pd.DataFrame, threshold: float,
                           need_min: float = HIGH_NEED) -> pd.DataFrame:
    """The rows (area_code, need, rate) with need >= need_min and rate below `threshold` (no
    spending counts as 0), highest need first."""
    rate = frame["rate"].fillna(0.0)
    found = frame[(frame["need"] >= need_min) & (rate < threshold)]
    return found.sort_values(["need", "area_code"], ascending=[False, True]).reset_index(drop=True)

