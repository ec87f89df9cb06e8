"""What the cache puts together from the frames it read, for every page: lookups, the overview's
selection and the choices a gemeente allows. Pure: frames in, frames out.

No streamlit and no database here (tests/test_layers.py): dashboard/data.py reads and caches,
these functions only assemble, so a test calls them on small frames. Rules stay in metrics/.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard import i18n, tables
from metrics import aggregate, references
from metrics import selection as selection_rules
from metrics.selection import most_data


def stacked(parts: list) -> pd.DataFrame:
    """The parts one below the other (the empty ones left out; an empty frame if all are)."""
    full = [p for p in parts if p is not None and not p.empty]
    if full:
        return pd.concat(full, ignore_index=True)
    return next((p for p in parts if p is not None), pd.DataFrame())


NO_RULE = ("Er is geen buurttype-indeling geladen. Laad cijfers met het inkomen per inwoner (de "
           "lader deelt de buurten dan in naar inkomen) of de eigen lijst van de gemeente "
           "(sjabloon 'buurttypen' op 'Over de data').")


def rule_caption(found: pd.DataFrame, attribution: pd.Series, rule: str, taal: str) -> str:
    """Which rule and which years made the buurttype labels, with its source (a sentence).
    `found`: the rules of the gemeente; `attribution`: each source's attribution by key."""
    found = found[found["rule"] == rule]
    if found.empty:
        return i18n.translate(NO_RULE, taal)
    row = found.iloc[0]
    first, last = int(row["first_basis"]), int(row["last_basis"])
    years = f"{first}" if first == last else f"{first}–{last}"
    source = (str(attribution[row["source"]]) if row["source"] in attribution.index
              else str(row["source"]))
    return i18n.translate("Buurttype volgens: {regel} Gegevensjaar: {jaren}. {bron}.", taal,
                          regel=i18n.translate_rule(row["rule_label"], taal), jaren=years,
                          bron=i18n.translate_source(source, taal))


def gemeente_names(found: pd.DataFrame) -> dict[str, str]:
    """Name per gemeente code, in the order of the picker's list."""
    return dict(zip(found["code"].tolist(), found["name"].tolist(), strict=True))


def catalogue_in(catalogue: pd.DataFrame, taal: str) -> pd.DataFrame:
    """The catalogue indexed by id, with CBS's English names where it has them when taal is
    'en' (ids and units stay as they are)."""
    cat = catalogue.set_index("id", drop=False)
    if taal == "en":
        cat = cat.assign(name=cat["name_en"].fillna(cat["name"]))
    return cat


def with_buurten(area_rows: pd.DataFrame, codes: tuple[str, ...]) -> tuple[str, ...]:
    """These areas and the buurten of any wijk among them, sorted."""
    buurten = area_rows.loc[(area_rows["level"] == "buurt") & area_rows["parent_code"].isin(codes),
                            "code"]
    return tuple(sorted({*codes, *buurten}))


def area_types(found: pd.DataFrame) -> tuple[pd.DataFrame, int | None]:
    """The buurttype rows of some areas (app_area_buurttypes) without their 'latest_period'
    column, and that latest year of the rule in the whole gemeente (None without one)."""
    latest = found["latest_period"].max() if not found.empty else None
    return (found.drop(columns="latest_period"),
            None if latest is None or pd.isna(latest) else int(latest))


def types_now(types: pd.DataFrame, latest: int | None) -> pd.Series:
    """Buurttype per area code in the rule's latest year."""
    return types[types["period"] == latest].set_index("area_code")["type"]


def in_filter(area_frame: pd.DataFrame, latest_types: pd.DataFrame, level: str,
              buurttype: tuple[str, ...]) -> pd.Series:
    """Which areas of a level fall inside the buurttype filter (tables.in_filter), from the areas
    indexed by code and each buurt's latest buurttype row."""
    scope = tables.Scope(obs=pd.DataFrame(), areas=area_frame.reset_index(drop=True),
                         types=latest_types, catalogue=pd.DataFrame(), sources=pd.DataFrame())
    return tables.in_filter(scope, level, buurttype)


def buurt_groups(area_rows: pd.DataFrame, latest_types: pd.DataFrame,
                 unlabelled: str) -> pd.Series:
    """The group of each buurt for the overview's parts: its latest buurttype, `unlabelled` for a
    buurt without a label (a group of its own: it counts when the filter holds every type, then
    there is no filter: selection.in_filter, never under a narrower choice)."""
    buurten = area_rows.loc[area_rows["level"] == "buurt", "code"]
    type_of = latest_types.set_index("area_code")["type"]
    return pd.Series(buurten.map(type_of).fillna(unlabelled).to_numpy(), index=buurten.to_numpy())


def selection_parts(obs_parts: Iterable[pd.DataFrame], weights: pd.DataFrame,
                    type_of: pd.Series, cat: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """aggregate.group_parts of each part of the observations (one indicator at a time
    nationally), stacked."""
    found = [aggregate.group_parts(obs, weights, type_of, cat) for obs in obs_parts]
    return stacked([f[0] for f in found]), stacked([f[1] for f in found])


def selection_values(inside: pd.Series, parts: pd.DataFrame, sources: pd.DataFrame,
                     buurttype: tuple[str, ...], unlabelled: str
                     ) -> tuple[pd.DataFrame, list[str]]:
    """The selection's population-weighted values per year (aggregate.union_mean of the groups
    the filter holds: the buurttypes, and the unlabelled buurten when it holds every type) and
    its buurten (`inside`: in_filter of the buurten)."""
    members = inside.index[inside.to_numpy(dtype=bool)].tolist()
    groups = [*buurttype, *([unlabelled] if set(buurttype) == set(selection_rules.BUURTTYPES)
                            else [])]
    return aggregate.union_mean(parts, sources, groups, len(members)), members


def gemeente_values(obs_parts: Iterable[pd.DataFrame], area_rows: pd.DataFrame,
                    weights: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """aggregate.gemeente_reference of each part of the observations (one indicator at a time),
    stacked: the gemeente's figures per indicator and year."""
    return stacked([aggregate.gemeente_reference(obs, area_rows, weights, cat)
                    for obs in obs_parts])


def in_headline_order(found: pd.DataFrame, wanted: tuple[str, ...]) -> pd.DataFrame:
    """The rows of the wanted indicators, in their order (stable within one indicator)."""
    found = found[found["indicator_id"].isin(wanted)]
    order = {ind: i for i, ind in enumerate(wanted)}
    return found.sort_values("indicator_id", key=lambda c: c.map(order),
                             kind="stable").reset_index(drop=True)


def option_fields(names: pd.DataFrame, cat: pd.DataFrame, found_periods: pd.DataFrame,
                  organisations: Iterable[str], rules: pd.DataFrame,
                  area_codes: frozenset[str]) -> dict:
    """The fields of state.Options: what the loaded data of one gemeente allows."""
    period_map = {
        row.indicator_id: tuple(int(p) for p in row.periods) for row in found_periods.itertuples()
    }
    usable = [i for i in cat.index if i in period_map]
    return {
        "gemeenten": tuple(names["code"]),
        "indicators": {i: str(cat.loc[i, "theme"]) for i in usable},
        "periods": period_map,
        "rules": tuple(rules["rule"]),
        "areas": area_codes,
        "references": tuple(references.REFERENCES),
        "default_gemeente": most_data(names),
        "default_indicator": ("lbm_score" if "lbm_score" in usable
                              else (usable[0] if usable else "")),
        "organisations": tuple(sorted(set(organisations))),
    }


def area_choices(area_frame: pd.DataFrame) -> pd.DataFrame:
    """The buurten and wijken to pick from, wijken first, each by name (indexed by code)."""
    return area_frame[area_frame["level"].isin(["buurt", "wijk"])].sort_values(["level", "name"])


def indicator_refs(found: pd.DataFrame, peers: pd.DataFrame, indicator: str, has_rule: bool
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The gemeente figure and the buurttype averages of one indicator out of the stored
    reference tables (no averages when the rule labelled no buurt)."""
    return (found[found["indicator_id"] == indicator].reset_index(drop=True),
            peers[peers["indicator_id"] == indicator].reset_index(drop=True)
            if has_rule else pd.DataFrame(columns=aggregate.BUURTTYPE_REFERENCE_COLUMNS))


def signal_frame(signals: tuple[tuple[str, str, int, int], ...] | None) -> pd.DataFrame | None:
    """dashboard.signals.count_rows as a frame for the briefing (None: the user sees none)."""
    return None if signals is None else pd.DataFrame(
        list(signals), columns=["area_code", "theme", "open", "afgerond"])
