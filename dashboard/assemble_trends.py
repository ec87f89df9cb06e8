"""What the cache puts together for the trends page from the frames it read: an indicator's buurt
and wijk rows with their references, every area of a level under a reference, the gemeente and
buurttype lines, and the chosen areas' lines. Pure: frames in, frames out.

No streamlit and no database here (tests/test_layers.py); dashboard/data.py reads and caches.
"""

from __future__ import annotations

import pandas as pd

from dashboard import tables
from metrics import aggregate, references
from metrics import selection as selection_rules
from metrics.selection import among

# The references under which one area's line rests on its own rows and the stored references
# alone; the others (z-score, percentile) rank it among every area of its level (trend_level).
OWN_ROW_REFERENCES = ("waarde", "verschil_gemeente", "verschil_buurttype", "index_nulmeting")


def trend_base(
    obs_all: pd.DataFrame, area_rows: pd.DataFrame, types: pd.DataFrame, cat: pd.DataFrame,
    indicator: str, stored_refs: tuple[pd.DataFrame, pd.DataFrame | None] | None,
) -> dict:
    """Buurt and wijk rows of one indicator ('obs': every indicator of `obs_all` with the wijk
    figures, 'ind': the indicator's), the inhabitant weights, and the gemeente and buurttype
    averages ('gemeente', 'peers'): from `stored_refs` (the reference tables as the load stored
    them) when given, else computed from the rows."""
    # Buurt rows plus wijk rows (a wijk can be chosen too); wijk_values gives only the wijk rows.
    wijk_rows = selection_rules.wijk_values(obs_all, area_rows, cat)
    obs = pd.concat(
        [obs_all[~among(obs_all["area_code"], wijk_rows["area_code"].unique())], wijk_rows],
        ignore_index=True,
    )
    ind = obs[obs["indicator_id"] == indicator]
    weights = aggregate.population_weights(obs_all)
    if stored_refs is not None:
        # The same rules on the same rows (tests/dashboard/test_one_at_a_time.py); nationally a
        # third of a first opening otherwise.
        found, peers = stored_refs
        gemeente_rows = found[found["indicator_id"] == indicator].reset_index(drop=True)
        peer_rows = (pd.DataFrame(columns=aggregate.BUURTTYPE_REFERENCE_COLUMNS) if peers is None
                     else peers[peers["indicator_id"] == indicator].reset_index(drop=True))
    else:
        gemeente_rows = aggregate.gemeente_reference(ind, area_rows, weights, cat)
        peer_rows = aggregate.buurttype_reference(ind, area_rows, types, weights, cat)
    return {
        "obs": obs,
        "ind": ind,
        "weights": weights,
        "gemeente": gemeente_rows,
        "peers": peer_rows,
    }


def trend_level(
    base: dict, inside: pd.Series, area_rows: pd.DataFrame, types: pd.DataFrame,
    cat: pd.DataFrame, prefix: str, reference: str, nulmeting: int | None,
) -> tuple[pd.DataFrame, object]:
    """Every area of one level (code prefix BU or WK) of trend_base's rows under the reference,
    indexed by area code; `inside`: in_filter of the buurten (the selection a ranking reference
    ranks within)."""
    ind = base["ind"]
    level_rows = ind[ind["area_code"].str[:2] == prefix]
    result, legend = references.apply_reference(
        level_rows, reference, areas=area_rows, buurttypes=types, weights=base["weights"],
        catalogue=cat, nulmeting=nulmeting,
        selection=[c for c, ok in inside.items() if ok], reference_obs=base["obs"],
    )
    return result.set_index("area_code", drop=False).sort_index(), legend


def trend_averages(
    refs: dict, gemeente: str, area_rows: pd.DataFrame, types: pd.DataFrame, cat: pd.DataFrame,
    reference: str, nulmeting: int | None,
) -> tuple[dict[str, pd.DataFrame], object]:
    """The gemeente's line ('gemeente') and each buurttype's average line (keyed by type) under the reference, from `refs` (trend_refs: 'gemeente', 'peers',
    'source'). An average stands in for the gemeente as a whole."""
    peers = refs["peers"]
    parts = {"gemeente": refs["gemeente"],
             **{b: peers[peers["type"] == b] for b in tables.TYPE_LABELS}}
    out, legend = {}, None
    for key, part in parts.items():
        if part.empty:
            continue
        # The references are the lines themselves (refs), not computed again from every row.
        out[key], legend = references.apply_reference(
            part.assign(area_code=gemeente, source=refs["source"]), reference,
            areas=area_rows, buurttypes=types,
            weights=pd.DataFrame(columns=["area_code", "period", "weight"]), catalogue=cat,
            nulmeting=nulmeting, selection=[], tables=(refs["gemeente"], refs["peers"]),
        )
    return out, legend


def own_rows_wanted(area_rows: pd.DataFrame, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The areas whose rows the chosen areas' lines read: the areas and the buurten of the
    wijken among them, sorted."""
    wijken = [c for c in codes if c.startswith("WK")]
    wanted = {*codes, *area_rows.loc[(area_rows["level"] == "buurt")
                                     & area_rows["parent_code"].isin(wijken), "code"]}
    return tuple(sorted(wanted))


def trend_areas(
    obs: pd.DataFrame, codes: tuple[str, ...], area_rows: pd.DataFrame, cat: pd.DataFrame,
    refs: dict, types: pd.DataFrame, indicator: str, reference: str, nulmeting: int | None,
) -> tuple[dict[str, pd.DataFrame], object]:
    """Each chosen area's rows under the reference, by period, from its own rows (`obs`: of
    own_rows_wanted; a wijk: its own figure where loaded, else its buurten's average) and the
    stored references (`refs`), and the legend (None without codes)."""
    out, legend = {}, None
    if any(c.startswith("WK") for c in codes):
        values = selection_rules.wijk_values(obs, area_rows, cat)
        obs = pd.concat([obs[~among(obs["area_code"], values["area_code"].unique())], values],
                        ignore_index=True)
    weights = aggregate.population_weights(obs) if codes else None
    for code in codes:
        rows = obs[(obs["area_code"] == code) & (obs["indicator_id"] == indicator)]
        result, legend = references.apply_reference(
            rows.reset_index(drop=True), reference, areas=area_rows, buurttypes=types,
            weights=weights, catalogue=cat, nulmeting=nulmeting, selection=[],
            tables=(refs["gemeente"], refs["peers"]))
        out[code] = result.sort_values("period", kind="stable").set_index("area_code",
                                                                          drop=False)
    return out, legend
