"""Signals next to the figures, as counts: open signals per area of a map level, open and
followed-up signals per theme, and where early warnings and open signals point at the same buurt
and theme. Pure: frames in, frames out; the texts of signals never pass through here.

`counts` is what werkdb.store.open_counts returns: area_code, theme, open, afgerond (numbers of
signals that are not archived; 'afgerond' = followed up to the last step).
"""

from __future__ import annotations

import pandas as pd

from metrics._frames import require_columns

COUNT_COLUMNS = ["area_code", "theme", "open", "afgerond"]
THEME_ORDER = ("leefbaarheid", "veiligheid", "contact", "participatie", "anders")


def _theme_rank(themes: pd.Series) -> pd.Series:
    order = {theme: i for i, theme in enumerate(THEME_ORDER)}
    return themes.map(order).fillna(len(order))


def _at_level(counts: pd.DataFrame, areas: pd.DataFrame, level: str) -> pd.DataFrame:
    """The counts with area_code moved to the area of `level` they fall in: a buurt's signals
    also count for its wijk; a wijk's own signal belongs to no single buurt, so not to one."""
    parents = areas.set_index("code")["parent_code"]
    kinds = areas.set_index("code")["level"]
    frame = counts.assign(level=counts["area_code"].map(kinds))
    if level == "wijk":
        frame = frame.assign(area_code=frame["area_code"].where(
            frame["level"] == "wijk", frame["area_code"].map(parents)))
        return frame[frame["area_code"].map(kinds) == "wijk"]
    return frame[frame["level"] == level]


def open_per_area(counts: pd.DataFrame, areas: pd.DataFrame, level: str) -> pd.DataFrame:
    """Per area of `level` ('buurt' or 'wijk') with at least one open signal: area_code, open
    (number of open signals; a wijk counts its own and its buurten's) and themes (the themes of
    those signals, in the catalogue's order, as a tuple). Areas outside `areas` are left out."""
    require_columns(counts, COUNT_COLUMNS, "signalen")
    require_columns(areas, ["code", "level", "parent_code"], "gebieden")
    frame = _at_level(counts, areas, level)
    frame = frame[frame["open"] > 0]
    if frame.empty:
        return pd.DataFrame({"area_code": pd.Series(dtype=str), "open": pd.Series(dtype=int),
                             "themes": pd.Series(dtype=object)})
    frame = frame.assign(rank=_theme_rank(frame["theme"])).sort_values(["area_code", "rank"])
    grouped = frame.groupby("area_code", sort=True)
    return pd.DataFrame({
        "open": grouped["open"].sum().astype(int),
        "themes": grouped["theme"].agg(lambda t: tuple(dict.fromkeys(t))),
    }).reset_index()


def per_theme(counts: pd.DataFrame) -> pd.DataFrame:
    """Open and followed-up ('afgerond') signals per theme, summed over areas, in the catalogue's
    theme order; themes without any signal are left out."""
    require_columns(counts, COUNT_COLUMNS, "signalen")
    if counts.empty:
        return pd.DataFrame({"theme": pd.Series(dtype=str), "open": pd.Series(dtype=int),
                             "afgerond": pd.Series(dtype=int)})
    summed = counts.groupby("theme")[["open", "afgerond"]].sum().astype(int).reset_index()
    summed = summed[(summed["open"] + summed["afgerond"]) > 0]
    return (summed.assign(rank=_theme_rank(summed["theme"])).sort_values(["rank", "theme"])
            .drop(columns="rank").reset_index(drop=True))


def warnings_with_signals(
    warnings: pd.DataFrame, catalogue: pd.DataFrame, counts: pd.DataFrame, areas: pd.DataFrame
) -> pd.DataFrame:
    """Where an early warning and open signals point at the same buurt and theme.

    `warnings`: early_warning.early_warnings rows (area_code = a buurt, indicator_id); the theme
    of a warning is its indicator's theme in `catalogue` (indexed by id, column theme). A buurt's
    open signals count, and so do those recorded for its wijk as a whole (they concern the buurt
    too). One row per buurt and theme: area_code, theme, indicators (the warned indicator ids,
    a tuple), warnings (their number), open (open signals: of the buurt plus of its wijk),
    sorted by most open signals first.
    """
    require_columns(counts, COUNT_COLUMNS, "signalen")
    columns = ["area_code", "theme", "indicators", "warnings", "open"]
    if warnings.empty or counts.empty:
        return pd.DataFrame(columns=columns)
    themes = catalogue["theme"]
    warned = warnings.assign(theme=warnings["indicator_id"].map(themes)).dropna(subset=["theme"])
    kinds = areas.set_index("code")["level"]
    parents = areas.set_index("code")["parent_code"]
    is_open = counts[counts["open"] > 0]
    own = is_open[is_open["area_code"].map(kinds) == "buurt"][["area_code", "theme", "open"]]
    by_wijk = (is_open[is_open["area_code"].map(kinds) == "wijk"]
               .rename(columns={"area_code": "wijk", "open": "open_wijk"})[
                   ["wijk", "theme", "open_wijk"]])
    grouped = warned.groupby(["area_code", "theme"], sort=False)["indicator_id"]
    found = pd.DataFrame({
        "indicators": grouped.agg(lambda ids: tuple(dict.fromkeys(ids))),
        "warnings": grouped.size(),
    }).reset_index()
    found = found.assign(wijk=found["area_code"].map(parents))
    found = found.merge(own.groupby(["area_code", "theme"], as_index=False)["open"].sum(),
                        on=["area_code", "theme"], how="left")
    found = found.merge(by_wijk.groupby(["wijk", "theme"], as_index=False)["open_wijk"].sum(),
                        on=["wijk", "theme"], how="left")
    found["open"] = (found["open"].fillna(0) + found["open_wijk"].fillna(0)).astype(int)
    found = found[found["open"] > 0]
    found = found.assign(rank=_theme_rank(found["theme"]))
    return (found.sort_values(["open", "warnings", "area_code", "rank"],
                              ascending=[False, False, True, True])[columns]
            .reset_index(drop=True))
