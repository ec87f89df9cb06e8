"""Pure glue between metrics and pages: one frame per view, with names, types and Dutch text.

Builds the rows a page shows (values at buurt or wijk level for the selection, with the chosen
reference applied) and their tooltip and table text. No streamlit; computations live in metrics.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics import aggregate, change, privacy, references
from metrics import selection as selection_rules
from metrics.formatting import format_date, format_number

TYPE_LABELS = {
    "achterstand": "achterstandsbuurt",
    "midden": "middenstandsbuurt",
    "voorstand": "voorstandsbuurt",
}
TYPE_PLURAL = {
    "achterstand": "achterstandsbuurten",
    "midden": "middenstandsbuurten",
    "voorstand": "voorstandsbuurten",
}
THEME_LABELS = {
    "leefbaarheid": "Leefbaarheid",
    "veiligheid": "Veiligheid",
    "contact": "Contact (sociale samenhang)",
    "participatie": "Participatie",
    "context": "Context (sociaal-economisch)",
}


@dataclass(frozen=True)
class Scope:
    """The data one rerun works on (all frames already limited to one gemeente)."""

    obs: pd.DataFrame  # tidy observations incl. inwoners
    areas: pd.DataFrame  # code, name, level, parent_code, gemeente_code
    types: pd.DataFrame  # area_code, period, type (one rule)
    catalogue: pd.DataFrame  # indexed by id
    sources: pd.DataFrame  # indexed by key



def value_text(value: float | None, row: pd.Series, synthetic: bool, suppressed: bool) -> str:
    if suppressed:
        return "onderdrukt (te weinig waarnemingen)"
    if value is None or pd.isna(value):
        return "geen gegevens"
    text = format_number(float(value), int(row["decimals"]), str(row["unit"]))
    return text + (" (synthetisch)" if synthetic else "")


def source_text(source_keys: pd.Series, sources: pd.DataFrame) -> pd.Series:
    # Column-wise: a national map looks up over 10.000 keys per rerun.
    labels = source_keys.map(sources["label"])
    return labels.where(labels.notna(), source_keys).fillna("").astype(str)


def source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """Label per source key, for source_text one key at a time (`labels.get(key, key)`): a
    Series per row cost more than the rest of a profile's row."""
    if "label" not in sources.columns:
        return {}
    return {str(k): str(v) for k, v in sources["label"].items() if pd.notna(v)}


def level_frame(
    scope: Scope, indicator: str, level: str, reference: str, nulmeting: int | None,
    buurttype: tuple[str, ...], refs: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> tuple[pd.DataFrame, references.ReferenceLegend]:
    """All areas of a level for one indicator, every year in scope.obs, with the reference
    applied. `refs`: the gemeente figures and buurttype averages computed beforehand (as the
    load stored them), else computed from scope.obs."""
    obs = scope.obs
    if level == "wijk":
        obs = selection_rules.wijk_values(obs, scope.areas, scope.catalogue)
    level_codes = scope.areas.loc[scope.areas["level"] == level, "code"]
    ind_obs = obs[(obs["indicator_id"] == indicator) & selection_rules.among(obs["area_code"],
                                                                        level_codes)]
    # Only the references that rank within the filter read it (nationally a pass over every
    # buurt's type).
    ranks = reference in SELECTION_REFERENCES
    inside = in_filter(scope, level, buurttype) if ranks else pd.Series(dtype=bool)
    shown, legend = references.apply_reference(
        ind_obs,
        reference,
        areas=scope.areas,
        buurttypes=scope.types,
        weights=aggregate.population_weights(scope.obs),
        catalogue=scope.catalogue,
        nulmeting=nulmeting,
        selection=[c for c, ok in inside.items() if ok] if ranks else None,
        reference_obs=scope.obs,
        tables=refs,
    )
    return shown, legend


def types_in(types: pd.DataFrame, period: int | None) -> pd.Series:
    """Buurttype per buurt code in a year (the nearest labelled year if that one is missing)."""
    if types.empty:
        return pd.Series(dtype=str)
    if period is None:
        period = int(types["period"].max())
    years = types["period"].unique()
    nearest = min(years, key=lambda y: (abs(int(y) - period), -int(y)))
    chosen = types[types["period"] == nearest]
    return chosen.set_index("area_code")["type"]


# References whose values depend on which areas are selected (they rank within the selection).
SELECTION_REFERENCES = {"zscore", "percentiel"}


def map_table(geo: pd.DataFrame, indicator: pd.Series, legend: references.ReferenceLegend,
              reference: str, year: int | None) -> pd.DataFrame:
    """The table under the map: the areas inside the filter, by name.

    The measured value is always in a column named for the indicator and its unit; a derived
    value (difference, index, z-score, percentile) gets a column of its own named by the legend,
    so a column never holds a difference under the name of a value. Numbers stay numbers.
    """
    decimals = int(indicator["decimals"])
    measured = references.reference_legend("waarde", indicator).title
    inside = geo[geo["in_filter"]]
    columns = {
        "Code": inside["area_code"],
        "Naam": inside["naam"],
        "Buurttype": inside["buurttype_tekst"],
        "Jaar": year,
        f"Gemeten: {measured}": inside["value"].round(decimals + 2),
    }
    if reference != "waarde":
        columns[legend.title] = inside["shown"].round(decimals + 2 if reference.startswith(
            "verschil") else 2)
    columns.update({
        "Weergave": inside["waarde_tekst"],
        "Respondenten (n)": inside["n"] if indicator["kind"] == "subjectief" else float("nan"),
        "Betrouwbaarheid": inside["reliability"],
        "Synthetisch": inside["synthetic"].map({True: "ja", False: "nee"}),
        "Onderdrukt": inside["suppressed"].map({True: "ja", False: "nee"}),
        "Bron": inside["bron_tekst"],
    })
    return pd.DataFrame(columns).sort_values("Naam").reset_index(drop=True)


def map_rows(
    scope: Scope, geo: pd.DataFrame, indicator_id: str, level: str, reference: str,
    nulmeting: int | None, year: int | None, buurttype: tuple[str, ...] | None,
    types_now: pd.Series, refs: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> tuple[pd.DataFrame, references.ReferenceLegend, str]:
    """One row per area with a geometry: the value shown in `year` and the tooltip texts.

    Also returns a note for the whole map ('alle waarden synthetisch' when every value is).

    Column-wise, each distinct value formatted once (a national map has over 10.000 areas).
    `buurttype` is the filter for references that rank within it, None for the others. Only
    the rows of `year` are shown: scope.obs may hold only the years the reference needs (with
    `refs`, see level_frame).
    """
    indicator = scope.catalogue.loc[indicator_id]
    frame, legend = level_frame(scope, indicator_id, level, reference, nulmeting,
                                buurttype or tuple(TYPE_LABELS), refs)
    year_rows = privacy.reliability(frame[frame["period"] == year]).set_index("area_code")
    codes = geo["area_code"]
    names = scope.areas.set_index("code")["name"]
    out = geo.assign(
        naam=codes.map(names),
        shown=codes.map(year_rows["shown"]),
        # The measured value itself, whatever the reference: a table and its download keep it.
        value=codes.map(year_rows["value"].where(~year_rows["suppressed"].fillna(False).astype(bool))),
        suppressed=codes.map(year_rows["suppressed"]).fillna(False).astype(bool),
        synthetic=codes.map(year_rows["synthetic"]).fillna(False).astype(bool),
        reliability=codes.map(year_rows["reliability"]).fillna("onbekend"),
        n=codes.map(year_rows["n"]),
    )
    ind = indicator.to_dict()
    distinct = {v: references.format_shown(v, reference, ind) for v in out["shown"].dropna().unique()}
    text = out["shown"].map(distinct).fillna(references.format_shown(None, reference, ind))
    has_value = out["shown"].notna()
    # When every value is synthetic the map says so once (tooltip_note), not in every area.
    every_synthetic = bool(has_value.any() and out.loc[has_value, "synthetic"].all())
    if not every_synthetic:
        text = text.where(~(out["synthetic"] & has_value), text + " (synthetisch)")
    text = text.where(~out["suppressed"], "onderdrukt (te weinig waarnemingen)")
    if indicator["kind"] == "subjectief":
        graded = out["reliability"] != "onbekend"
        grade = text + " · betrouwbaarheid " + out["reliability"]
        counted = grade + " (n = " + out["n"].fillna(0).astype(int).astype(str) + ")"
        text = text.where(~graded, counted.where(out["n"].notna(), grade))
    out["waarde_tekst"] = text
    if level == "buurt":
        out["buurttype_tekst"] = codes.map(types_now).map(TYPE_LABELS).fillna("buurttype onbekend")
    else:
        out["buurttype_tekst"] = "wijk"
    source = source_text(codes.map(year_rows["source"]), scope.sources)
    out["bron_tekst"] = (f"{year} · " + source).where(source != "", "")
    return out, legend, "alle waarden synthetisch" if every_synthetic else ""


def in_filter(scope: Scope, level: str, buurttype: tuple[str, ...]) -> pd.Series:
    """Which areas fall inside the buurttype filter (the rule: metrics.selection.in_filter)."""
    return selection_rules.in_filter(scope.areas, scope.types, level, buurttype)


# References that place one area among others; for a whole selection they have no single number.
PER_AREA_REFERENCES = {"verschil_buurttype", "zscore", "percentiel"}
HEADLINE_HELP = {
    "waarde": "Gemiddelde van de gekozen buurten, gewogen naar inwoners.",
    "verschil_gemeente": "Gemiddelde van de gekozen buurten min het cijfer van de gemeente.",
    "index_nulmeting": "Gemiddelde van de gekozen buurten als index: nulmeting = 100.",
}



def selection_change(values: pd.DataFrame, catalogue: pd.DataFrame, indicator: str,
                     first: int, last: int) -> pd.Series | None:
    """metrics.change.change_between for a selection's (or the gemeente's) averaged values of one
    indicator (a frame as aggregate.weighted_mean returns it), or None without both years."""
    rows = values[(values["indicator_id"] == indicator) & values["period"].isin([first, last])]
    if first == last or rows["period"].nunique() < 2:
        return None
    tidy = rows.rename(columns={"group": "area_code"}).assign(area_code="selectie")
    found = change.change_between(tidy, catalogue, first, last)
    return found.iloc[0] if len(found) else None


def selection_changes(values: pd.DataFrame, catalogue: pd.DataFrame, nulmeting: int | None
                      ) -> dict[str, pd.Series | None]:
    """selection_change of every indicator in `values` (a selection's averaged values), from
    its nulmeting year (metrics.change.nulmeting_period) to the last year with a value: what
    the overview shows under each headline figure, computed once per selection instead of on
    every rerun."""
    present = values.dropna(subset=["value"])
    spans: dict[tuple[int, int], list[str]] = {}
    out: dict[str, pd.Series | None] = {}
    for ind, rows in present.groupby("indicator_id", sort=False):
        periods = sorted(int(p) for p in rows["period"].unique())
        first = change.nulmeting_period(periods, nulmeting)
        out[str(ind)] = None
        spans.setdefault((first, periods[-1]), []).append(str(ind))
    # One test per span of years for all its indicators (each pair is tested on its own, so
    # the same result as one call per indicator; a first use of a filter choice took seconds).
    for (first, last), ids in spans.items():
        if first == last:
            continue
        rows = present[present["indicator_id"].isin(ids) & present["period"].isin([first, last])]
        found = change.change_between(
            rows.rename(columns={"group": "area_code"}).assign(area_code="selectie"),
            catalogue, first, last)
        for ind, part in found.groupby("indicator_id", sort=False):
            out[str(ind)] = part.reset_index(drop=True).iloc[0]
    return out


def delta_style(found: pd.Series | None, direction: str) -> tuple[str, str, str]:
    """How st.metric shows a change: (words after the number, delta_color, delta_arrow).

    Colour and arrow only for a change the test calls real: a tested significant change in full
    colour, an untested one that is large enough (metrics.change: 5% of the starting value)
    marked 'indicatief'; anything else grey without an arrow, so 0,0 never gets an arrow.
    """
    if found is None or found["verdict"] in (change.NO_CHANGE, change.UNKNOWN):
        return "geen wezenlijke verandering", "off", "off"
    colour = ("normal" if direction == "hoger_beter" else "inverse" if direction == "lager_beter"
              else "off")
    if bool(found["indicatief"]):
        return "indicatief", colour, "auto"
    return "statistisch betekenisvol", colour, "auto"


def column_decimals(values: pd.Series, most: int = 4) -> int:
    """The fewest decimals (up to `most`) that show every value in a column without rounding."""
    clean = values.dropna().astype(float)
    for decimals in range(most + 1):
        if ((clean - clean.round(decimals)).abs() < 1e-9).all():
            return decimals
    return most


def display_formats(frame: pd.DataFrame, taal: str = "nl") -> dict[str, object]:
    """Per numeric column a formatter writing Dutch notation (1.234,5), for a table on screen.

    The frame keeps its numbers (so columns still sort as numbers); only the text shown changes.
    Year columns stay bare (2024, not 2.024); dates read '23 november 2026 14:05'; missing values
    show as a dash.
    """
    formats: dict[str, object] = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            clean = series.dropna()
            if len(clean) and (clean == clean.dt.normalize()).all():  # dates without a time
                formats[column] = lambda v: "–" if pd.isna(v) else format_date(v, taal)
            else:
                formats[column] = (lambda v: "–" if pd.isna(v)
                                   else f"{format_date(v, taal)} {v:%H:%M}")
            continue
        if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
            continue
        name = str(column).lower()
        # The headers of an English table are translated: "Year" is a year too.
        if "jaar" in name or "year" in name or name in {"period", "nr"}:
            formats[column] = lambda v: "–" if pd.isna(v) else str(int(v))
        else:
            decimals = column_decimals(series)
            formats[column] = lambda v, d=decimals: format_number(v, d)
    return formats


def area_labels(areas: pd.DataFrame, wijk_template: str, buurt_template: str) -> dict[str, str]:
    """Selectbox text per buurt and wijk code, built once (a national list has 14.000 areas).

    `areas` is indexed by code with name, level and parent_code; the templates take {naam} and,
    for a buurt, {wijk} (the name of its wijk).
    """
    chosen = areas[areas["level"].isin(["buurt", "wijk"])]
    names = areas["name"].astype(str)
    parents = chosen["parent_code"].map(names).fillna("?")
    # Column-wise where the templates allow it (plain {naam} and {wijk} fields): formatting one
    # label at a time cost about 0,05 s per national list, on every first opening of a page.
    own = chosen["name"].astype(str).to_numpy(dtype=object)
    wijk = _filled(wijk_template, {"naam": own})
    buurt = _filled(buurt_template, {"naam": own, "wijk": parents.to_numpy(dtype=object)})
    if wijk is not None and buurt is not None:
        shown = np.where((chosen["level"] == "wijk").to_numpy(), wijk, buurt)
        return dict(zip(chosen.index.tolist(), shown.tolist(), strict=True))
    return {
        code: (wijk_template.format(naam=name) if level == "wijk"
               else buurt_template.format(naam=name, wijk=parent))
        for code, name, level, parent in zip(
            chosen.index, chosen["name"].astype(str), chosen["level"], parents, strict=True)
    }


def _filled(template: str, values: dict[str, np.ndarray]) -> np.ndarray | None:
    """template.format(**row) for every row of the equally long text arrays in `values` at
    once; None for a template with anything but plain fields among them (format it row by row)."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return None
    size = len(next(iter(values.values())))
    out = np.full(size, "", dtype=object)
    for literal, field, spec, conversion in parts:
        if literal:
            out = out + literal
        if field is not None:
            if spec or conversion or field not in values:
                return None
            out = out + values[field]
    return out
