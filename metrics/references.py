"""The one reference switch: what a map, trend or table shows next to (or instead of) the value.

Every view calls apply_reference with the user's choice, so 'verschil met de gemeente' means the
same thing everywhere. Returns numbers and a legend; never formats for a page, never reads state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from metrics import aggregate
from metrics._frames import (
    area_frame,
    catalogue_by_id,
    catalogue_column,
    codes_in,
    decimals_of,
    direction_of,
    is_percentage,
    nearest_period_lookup,
    prepared_obs,
    text_of,
    usable,
)
from metrics.formatting import MISSING, format_change, format_number

REFERENCES: dict[str, str] = {
    "waarde": "Waarde",
    "verschil_gemeente": "Verschil met de gemeente",
    "verschil_buurttype": "Verschil met vergelijkbare buurten (zelfde buurttype)",
    "index_nulmeting": "Index, nulmeting = 100",
    "zscore": "Z-score binnen de selectie",
    "percentiel": "Percentielrang binnen de selectie",
}

Reference = Literal[
    "waarde", "verschil_gemeente", "verschil_buurttype", "index_nulmeting", "zscore", "percentiel"
]

_BETTER_SENTENCE = {
    "hoger_beter": "Hoger is beter.",
    "lager_beter": "Lager is beter.",
    "neutraal": "Hoger of lager is op zich niet beter of slechter.",
}


@dataclass(frozen=True)
class ReferenceLegend:
    """How to read the `shown` column: for the legend title, axis, colour scale and caption.

    diverging: a colour scale around `midpoint` (0 for differences and z-scores, 100 for the
    index, 50 for the percentile rank) rather than a sequential one. better_when: which side is
    good ('hoger'/'lager'), None for neutral indicators; the numbers themselves are never flipped.
    """

    title: str
    unit: str
    caption: str
    diverging: bool
    better_when: Literal["hoger", "lager"] | None
    midpoint: float | None = None
    reference: str = "waarde"


def _titled(label: str, unit: str) -> str:
    if not unit:
        return label
    return f"{label}, {unit}" if "(" in unit else f"{label} ({unit})"


def reference_legend(
    reference: str, indicator: Mapping[str, Any] | pd.Series, nulmeting: int | None = None
) -> ReferenceLegend:
    """The legend for one reference choice and one indicator (a catalogue row).

    Differences of a percentage are in procentpunt; of anything else in the indicator's unit.
    better_when follows the catalogue direction for every reference, because every shown number
    rises with the value (a z-score of +2 on 'voelt zich onveilig' is bad: the caption says so).
    """
    if reference not in REFERENCES:
        raise ValueError(f"Onbekende vergelijking '{reference}'; kies uit {', '.join(REFERENCES)}.")
    unit = text_of(indicator, "unit")
    direction = direction_of(indicator)
    better: Literal["hoger", "lager"] | None = {"hoger_beter": "hoger", "lager_beter": "lager"}.get(
        direction
    )  # type: ignore[assignment]
    good = _BETTER_SENTENCE[direction]
    label = REFERENCES[reference]
    difference_unit = "procentpunt" if is_percentage(unit) else unit
    percent_note = " Bij percentages in procentpunten." if is_percentage(unit) else ""
    if text_of(indicator, "aggregation") == "aantal":
        percent_note = (
            " Dit is een aantal: dat hangt af van de grootte van het gebied, dus er wordt geen "
            "verschil getoond."
        )

    if reference == "waarde":
        return ReferenceLegend(
            title=_titled(text_of(indicator, "name", label), unit),
            unit=unit,
            caption=f"De gemeten waarde. {good}",
            diverging=False,
            better_when=better,
            reference=reference,
        )
    if reference == "verschil_gemeente":
        return ReferenceLegend(
            title=_titled(label, difference_unit),
            unit=difference_unit,
            caption=(
                "Waarde min het cijfer van de gemeente in hetzelfde jaar; boven nul is hoger dan "
                "de gemeente." + percent_note + " Het gemeentecijfer komt uit de bron als dat er "
                "is, anders is het het naar inwoners gewogen gemiddelde van de buurten. " + good
            ),
            diverging=True,
            better_when=better,
            midpoint=0.0,
            reference=reference,
        )
    if reference == "verschil_buurttype":
        return ReferenceLegend(
            title=_titled("Verschil met vergelijkbare buurten", difference_unit),
            unit=difference_unit,
            caption=(
                "Waarde min het naar inwoners gewogen gemiddelde van de buurten met hetzelfde "
                "buurttype in de gemeente, in hetzelfde jaar (de buurt telt zelf mee); boven nul is "
                "hoger dan die buurten." + percent_note + " Alleen buurten hebben een buurttype; "
                "voor andere gebieden is er geen verschil. " + good
            ),
            diverging=True,
            better_when=better,
            midpoint=0.0,
            reference=reference,
        )
    if reference == "index_nulmeting":
        year = str(nulmeting) if nulmeting is not None else "nulmeting"
        return ReferenceLegend(
            title=f"Index ({year} = 100)",
            unit="index",
            caption=(
                f"Waarde gedeeld door de waarde van hetzelfde gebied in {year}, maal 100: 110 is "
                "10% hoger dan bij de nulmeting. Geen index waar de nulmeting ontbreekt, onderdrukt "
                "is of nul of negatief is (dan zegt een verhouding niets). " + good
            ),
            diverging=True,
            better_when=better,
            midpoint=100.0,
            reference=reference,
        )
    if reference == "zscore":
        return ReferenceLegend(
            title=label,
            unit="standaarddeviaties",
            caption=(
                "Aantal standaarddeviaties boven (+) of onder (-) het gemiddelde van de gebieden "
                "in de selectie, per jaar; elk gebied telt één keer mee, ongeacht het aantal "
                "inwoners. Gebieden buiten de selectie krijgen geen waarde. " + good
            ),
            diverging=True,
            better_when=better,
            midpoint=0.0,
            reference=reference,
        )
    return ReferenceLegend(
        title=f"{label} (0-100)",
        unit="percentielrang",
        caption=(
            "Aandeel van de andere gebieden in de selectie met een lagere waarde, per jaar "
            "(gelijke waarden tellen half): 0 is de laagste, 100 de hoogste. Gebieden buiten de "
            "selectie krijgen geen waarde. " + good
        ),
        diverging=True,
        better_when=better,
        midpoint=50.0,
        reference=reference,
    )


def reference_tables(
    reference_obs: pd.DataFrame,
    *,
    areas: pd.DataFrame,
    buurttypes: pd.DataFrame | None,
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The gemeente figures (aggregate.gemeente_reference) and the buurttype averages
    (aggregate.buurttype_reference, None without buurttypes) that with_reference_values joins.

    Both are per indicator, gemeente and period, so the tables of several indicators computed
    one at a time and concatenated equal those computed over all of them at once.
    """
    ref_obs = prepared_obs(reference_obs)
    a = area_frame(areas)
    gemeente = aggregate.gemeente_reference(ref_obs, a, weights, catalogue)
    if buurttypes is None or buurttypes.empty:
        return gemeente, None
    return gemeente, aggregate.buurttype_reference(ref_obs, a, buurttypes, weights, catalogue)


def with_reference_values(
    obs: pd.DataFrame,
    *,
    areas: pd.DataFrame,
    buurttypes: pd.DataFrame,
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
    reference_obs: pd.DataFrame | None = None,
    tables: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> pd.DataFrame:
    """obs plus gemeente_value, buurttype and buurttype_value for every row.

    gemeente_value: aggregate.gemeente_reference of the area's gemeente in the same period.
    buurttype: the buurt's type in that period (nearest labelled year if that year has none);
    NA for wijken, gemeenten and unlabelled buurten. buurttype_value: the peer average
    (aggregate.buurttype_reference) of that type, gemeente and period.
    The references are computed from `reference_obs` (default: obs), which should hold every
    buurt of the gemeente, not only the selection: 'the gemeente' is all of it.
    Unit: the indicator's own. Missing and suppressed values never enter a reference; the row's
    own value is left as it is.
    `tables`: the (gemeente, peers) pair of reference_tables, computed beforehand (for example
    one indicator at a time, so that a national set never sits in memory at once); then
    reference_obs is not used.
    """
    o = prepared_obs(obs)
    a = area_frame(areas)
    if tables is None:
        ref_obs = obs if reference_obs is None else reference_obs
        ref_obs = ref_obs[ref_obs["indicator_id"].isin(o["indicator_id"].unique())]
        tables = reference_tables(ref_obs, areas=areas, buurttypes=buurttypes, weights=weights,
                                  catalogue=catalogue)
    gemeente, peers = tables
    gemeente_of = a.set_index("code")["gemeente_code"]
    o["gemeente_code"] = o["area_code"].map(gemeente_of)

    o = o.merge(
        gemeente[["gemeente_code", "indicator_id", "period", "value"]].rename(
            columns={"value": "gemeente_value"}
        ),
        on=["gemeente_code", "indicator_id", "period"],
        how="left",
    )
    is_buurt = codes_in(o["area_code"], a.loc[a["level"] == "buurt", "code"])
    if buurttypes is not None and not buurttypes.empty and peers is not None:
        found = nearest_period_lookup(o, buurttypes, "type")
        o["buurttype"] = found.where(is_buurt)
        o = o.merge(
            peers[["gemeente_code", "type", "indicator_id", "period", "value"]].rename(
                columns={"type": "buurttype", "value": "buurttype_value"}
            ),
            on=["gemeente_code", "buurttype", "indicator_id", "period"],
            how="left",
        )
    else:
        o["buurttype"] = None
        o["buurttype_value"] = np.nan

    out = obs.copy()
    out["gemeente_value"] = o["gemeente_value"].astype("float64").to_numpy()
    out["buurttype"] = o["buurttype"].astype(object).where(o["buurttype"].notna(), None).to_numpy()
    out["buurttype_value"] = o["buurttype_value"].astype("float64").to_numpy()
    return out


def apply_reference(
    obs: pd.DataFrame,
    reference: str,
    *,
    areas: pd.DataFrame,
    buurttypes: pd.DataFrame,
    weights: pd.DataFrame,
    catalogue: pd.DataFrame,
    nulmeting: int | None = None,
    selection: Iterable[str] | None = None,
    reference_obs: pd.DataFrame | None = None,
    tables: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> tuple[pd.DataFrame, ReferenceLegend]:
    """obs plus `shown` (the number to display) and `reference_value`, and the legend.

    Per choice (unit of `shown` in brackets; per indicator and period throughout):
    - waarde: shown = value; reference_value NaN. [indicator unit]
    - verschil_gemeente: shown = value - gemeente figure (see with_reference_values).
      [procentpunt for % units, else the indicator's unit]
    - verschil_buurttype: shown = value - peer average of the buurt's type in that period;
      NaN for areas without a buurttype (wijken, unlabelled buurten). [as above]
      Both differences are NaN for aggregation 'aantal' (a count grows with the area, so a
      buurt's count minus the gemeente total means nothing); reference_value is still filled.
    - index_nulmeting: shown = value / value of the same area in the nulmeting year * 100;
      reference_value = that nulmeting value. NaN when the nulmeting value is missing,
      suppressed, zero or negative (a ratio to a negative deviation score is meaningless).
      nulmeting None: the earliest period in obs with a usable value for the indicator. [index]
    - zscore: (value - mean) / standard deviation (population, ddof=0) over the usable values
      of the areas in `selection` (None: every area in obs); reference_value = that mean. Each
      area counts once, unweighted: it places an area among areas, not among people. NaN
      outside the selection and when fewer than two values or no spread. [standaarddeviaties]
    - percentiel: 100 * (areas in the selection with a lower value + half those with an equal
      one) / (number of other areas): 0 lowest, 100 highest; reference_value = the selection's
      median. NaN outside the selection and for a selection of one. [0-100]
    Direction: shown rises with the value for every choice; the legend's better_when says
    whether that is good. Missing and suppressed values give NaN in shown (and never enter a
    reference). The legend describes the indicator when obs holds exactly one; with several,
    unit and better_when are left empty and each indicator needs reference_legend().
    reference_obs: where the gemeente and peer references come from (default obs).
    tables: those references computed beforehand (the (gemeente, peers) pair of
    reference_tables, e.g. as the load stored them); then reference_obs is not used.
    """
    if reference not in REFERENCES:
        raise ValueError(f"Onbekende vergelijking '{reference}'; kies uit {', '.join(REFERENCES)}.")
    o = prepared_obs(obs)
    value = o["value"].where(usable(o))
    reference_value = pd.Series(np.nan, index=o.index)
    shown = value.copy()
    keys = [o["indicator_id"], o["period"]]

    if reference in {"verschil_gemeente", "verschil_buurttype"}:
        refs = with_reference_values(
            o,
            areas=areas,
            buurttypes=buurttypes,
            weights=weights,
            catalogue=catalogue,
            reference_obs=reference_obs,
            tables=tables,
        )
        column = "gemeente_value" if reference == "verschil_gemeente" else "buurttype_value"
        reference_value = refs[column].astype("float64")
        # A count grows with the area: a buurt's 3 against the gemeente's 102 is no comparison.
        counts = catalogue_column(catalogue, o["indicator_id"], "aggregation").eq("aantal")
        shown = (value - reference_value).where(~counts)
    elif reference == "index_nulmeting":
        if nulmeting is None:
            usable_periods = o.loc[value.notna(), ["indicator_id", "period"]]
            first = usable_periods.groupby("indicator_id")["period"].min()
            nulmeting_of = o["indicator_id"].map(first)
            nulmeting = int(first.min()) if not first.empty else None
        else:
            nulmeting_of = pd.Series(int(nulmeting), index=o.index)
        measured = o[usable(o)].set_index(["area_code", "indicator_id", "period"])["value"]
        lookup = pd.MultiIndex.from_arrays(
            [o["area_code"], o["indicator_id"], nulmeting_of.fillna(-1).astype("int64")]
        )
        reference_value = pd.Series(measured.reindex(lookup).to_numpy(), index=o.index)
        positive = reference_value.where(reference_value > 0)
        shown = value / positive * 100
    elif reference in {"zscore", "percentiel"}:
        chosen = (
            codes_in(o["area_code"], selection)
            if selection is not None
            else pd.Series(True, index=o.index)
        )
        inside = value.where(chosen)
        grouped = inside.groupby(keys)
        if reference == "zscore":
            mean = grouped.transform("mean")
            spread = grouped.transform(lambda s: s.std(ddof=0))
            count = grouped.transform("count")
            valid = (count >= 2) & (spread > 0)
            reference_value = mean.where(chosen)
            shown = ((inside - mean) / spread.where(valid)).where(chosen)
        else:
            rank = grouped.rank(method="average")
            count = grouped.transform("count")
            reference_value = grouped.transform("median").where(chosen)
            shown = (100 * (rank - 1) / (count - 1).where(count > 1)).where(chosen)

    out = obs.copy()
    out["reference_value"] = reference_value.astype("float64").to_numpy()
    out["shown"] = shown.astype("float64").to_numpy()

    indicators = o["indicator_id"].unique()
    if len(indicators) == 1:
        row = catalogue_by_id(catalogue).loc[indicators[0]]
        legend = reference_legend(reference, row, nulmeting)
    else:
        legend = reference_legend(reference, {"name": "Waarde"}, nulmeting)
        legend = ReferenceLegend(
            title=legend.title,
            unit="",
            caption=legend.caption + " (Meerdere indicatoren: zie de eenheid per indicator.)",
            diverging=legend.diverging,
            better_when=None,
            midpoint=legend.midpoint,
            reference=reference,
        )
    return out, legend


def format_shown(
    value: float | None, reference: str, indicator: Mapping[str, Any] | pd.Series
) -> str:
    """`shown` as text for a tooltip or table, matching the legend of the same choice.

    waarde: '36,5%'; differences: '+4,2 procentpunt' (with sign); index: '112'; z-score:
    '+1,3'; percentile: '85'. Missing gives formatting.MISSING.
    """
    if value is None or pd.isna(value):
        return MISSING
    unit = text_of(indicator, "unit")
    decimals = decimals_of(indicator)
    if reference == "waarde":
        return format_number(value, decimals, unit)
    if reference in {"verschil_gemeente", "verschil_buurttype"}:
        return format_change(value, decimals, unit)
    if reference == "index_nulmeting":
        return format_number(value, 0)
    if reference == "zscore":
        return format_change(value, 1)
    return format_number(value, 0)
