"""Pure glue for the buurtprofiel and the comparison: one area's rows per theme, areas side by side.

Builds the frames the two pages show and download (values with unit, year, source and markers,
references, change since the nulmeting, notable differences). No streamlit; every computation is
a metrics function, this module only selects, joins and words.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from dashboard import i18n, tables
from metrics import (
    aggregate,
    change,
    decomposition,
    early_warning,
    expected,
    privacy,
    profile,
    references,
    summary,
)
from metrics import selection as selection_rules
from metrics.formatting import format_change, format_number

# Verdicts in a word for the on-screen table (the download keeps the full wording).
VERDICT_SHORT = {
    change.IMPROVED: "verbeterd",
    change.WORSENED: "verslechterd",
    change.NO_CHANGE: "niet wezenlijk",
    change.CHANGED: "veranderd",
    change.UNKNOWN: "–",
}
STANDING_TEXT = {
    profile.BETTER: "beter",
    profile.EQUAL: profile.EQUAL_TEXT,
    profile.WORSE: "slechter",
    profile.HIGHER: "hoger",
    profile.LOWER: "lager",
    profile.UNKNOWN: "–",
}
# Status scores for 'expected versus observed', best first: CBS's own score, else income.
STATUS_INDICATORS = expected.STATUS_INDICATORS


def _short(value: object, decimals: int, unit: str, *, change_: bool = False) -> str:
    """A number for a table whose row label names the unit: only '%' stays with the number."""
    if value is None or pd.isna(value):
        return "–"
    if change_:
        text = format_change(float(value), decimals, None)
        return f"{text} %-punt" if unit.startswith("%") else text
    return format_number(float(value), decimals, unit if unit.startswith("%") else None)


def standing_text(standing: str, margin: float, decimals: int, unit: str) -> str:
    """A standing in words; 'geen aantoonbaar verschil' carries the margin the test allowed, so
    5,6 against 2,1 never reads as 'equal' (the margin says how uncertain the value is)."""
    text = STANDING_TEXT.get(standing, "–")
    if standing == profile.EQUAL and pd.notna(margin) and margin > 0:
        # In the unit of the row (procentpunt for a percentage): the row label names it.
        text += f" (marge ±{format_number(margin, decimals)})"
    return text


def reference_text(value: float, decimals: int, unit: str, aggregation: str, *, peer: bool) -> str:
    """A reference figure; for a count it says what it is: the gemeente's total, or the mean
    per buurt of the type (never a sum under the word 'gemiddelde')."""
    if value is None or pd.isna(value):
        return "–"
    text = format_number(value, decimals, unit)
    if aggregation == "aantal":
        text += " (gemiddeld per buurt)" if peer else " (totaal)"
    return text


def row_label(name: str, unit: str) -> str:
    """Indicator name with its unit, e.g. 'Geregistreerde woninginbraken (per 1.000 woningen)'."""
    # The name may be CBS's English one ('Social cohesion (scale score)'): it names its unit
    # when it holds the unit's first word in either language.
    words = {unit.split(" ")[0].lower(), i18n.translate_number_text(unit, "en").split(" ")[0].lower()}
    if unit.startswith("%") or any(word in name.lower() for word in words):
        return name
    if unit.startswith("afwijking"):
        return f"{name} (afwijking)"
    return f"{name} ({unit})"


def area_obs(scope: tables.Scope, codes: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Observations of buurten and wijken (a wijk: its own figure, else its buurten's average)."""
    levels = scope.areas.set_index("code")["level"]
    wanted = set(codes)
    own = scope.obs[scope.obs["area_code"].isin(wanted)]  # first the few rows, then the lookup
    rows = [own[own["area_code"].map(levels).ne("wijk").to_numpy()]]
    wijken = {c for c in codes if levels.get(c) == "wijk"}
    if wijken:
        # Only these wijken and their buurten: a national frame has millions of rows.
        areas = scope.areas[scope.areas["code"].isin(wijken)
                            | scope.areas["parent_code"].isin(wijken)]
        obs = scope.obs[scope.obs["area_code"].isin(set(areas["code"]))]
        wijk = selection_rules.wijk_values(obs, areas, scope.catalogue)
        rows.append(wijk[wijk["area_code"].isin(wanted)])
    out = pd.concat(rows, ignore_index=True)
    return out.reindex(columns=list(dict.fromkeys([*scope.obs.columns, "synthetic"])))


@dataclass(frozen=True)
class Header:
    code: str
    name: str
    level: str
    wijk: str | None
    buurttype: str | None
    inwoners: float | None
    inwoners_year: int | None
    latest_year: int | None


def header(scope: tables.Scope, code: str, types_now: pd.Series) -> Header:
    """Name, wijk, current buurttype, inhabitants and the latest data year of one area."""
    areas = scope.areas.set_index("code")
    row = areas.loc[code]
    parent = row["parent_code"]
    wijk = str(areas.loc[parent, "name"]) if row["level"] == "buurt" and parent in areas.index \
        else None
    own = area_obs(scope, [code])
    pop = own[(own["indicator_id"] == "inwoners") & own["value"].notna()].sort_values("period")
    return Header(
        code=code,
        name=str(row["name"]),
        level=str(row["level"]),
        wijk=wijk,
        buurttype=types_now.get(code) if row["level"] == "buurt" else None,
        inwoners=float(pop["value"].iloc[-1]) if not pop.empty else None,
        inwoners_year=int(pop["period"].iloc[-1]) if not pop.empty else None,
        latest_year=int(own["period"].max()) if not own.empty else None,
    )


def _areas_for(scope: tables.Scope, obs: pd.DataFrame,
               refs: tuple[pd.DataFrame, pd.DataFrame | None] | None) -> pd.DataFrame:
    """The areas references.with_reference_values needs for these rows: with the reference
    tables given it only looks up the rows' own areas (their gemeente and level), so not the
    country's 14.000; without them the references come from all of the scope's areas."""
    if refs is None:
        return scope.areas
    return scope.areas[scope.areas["code"].isin(obs["area_code"].unique())]


def _records(frame: pd.DataFrame, keys: list[str] | None) -> dict:
    """Each row of `frame` as a dict, by the value(s) of `keys` (a tuple for several; None: by
    the index); the last row of a key wins, as a unique index would hold one."""
    rows = frame.to_dict("records") if keys is not None else frame.to_dict("index")
    if keys is None:
        return rows
    if len(keys) == 1:
        return {row[keys[0]]: row for row in rows}
    return {tuple(row[k] for k in keys): row for row in rows}


def profile_rows(
    scope: tables.Scope, code: str, nulmeting: int | None,
    refs: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> pd.DataFrame:
    """Per theme every indicator of one area: value, gemeente and peers, change, reliability.

    One row per indicator (theme order, then catalogue order) with numbers and their Dutch text,
    the change from the nulmeting to the latest year with its verdict and test, the reliability
    grade, markers and source, and `trend`: the area's values per year (for a small chart).
    refs: the gemeente and buurttype figures (references.reference_tables) when computed
    beforehand; without them they come from every buurt in scope.obs.
    """
    cat = scope.catalogue
    own = area_obs(scope, [code])
    if own.empty:
        return pd.DataFrame()
    with_refs = references.with_reference_values(
        own, areas=_areas_for(scope, own, refs), buurttypes=scope.types,
        weights=aggregate.population_weights(scope.obs), catalogue=cat, reference_obs=scope.obs,
        tables=refs,
    )
    prof = profile.theme_profile(with_refs, cat, area_code=code)
    # Within a theme the headline indicators first (the Leefbaarometer score before its parts).
    headline = prof["indicator_id"].map(cat["headline"]).fillna(False).astype(bool)
    order = {t: i for i, t in enumerate(profile.THEMES)}
    prof = prof.assign(_t=prof["theme"].map(order), _h=~headline).sort_values(
        ["_t", "_h"], kind="stable").drop(columns=["_t", "_h"])
    # The change from the nulmeting to the latest year (prof's year: the latest usable one).
    # Plain dicts per indicator (and year): a frame lookup per row cost most of the loop below.
    changed = _records(change.change_since(own, cat, nulmeting), ["indicator_id"])
    graded = _records(privacy.reliability(own), ["indicator_id", "period"])
    cat_of = _records(cat.loc[cat.index.isin(set(prof["indicator_id"]))], None)
    labels = tables.source_labels(scope.sources)
    # Each indicator's values by year, for the small chart (one pass, not one filter per row).
    trends: dict[str, list] = {}
    ordered = own.sort_values(["indicator_id", "period"], kind="stable")
    for ind, v in zip(ordered["indicator_id"].tolist(), ordered["value"].tolist(), strict=True):
        trends.setdefault(ind, []).append(None if pd.isna(v) else float(v))
    rows = []
    for r in prof.itertuples(index=False):
        info = cat_of[r.indicator_id]
        decimals, unit = int(info["decimals"]), str(info["unit"])
        aggregation = str(info.get("aggregation", ""))
        meta = graded.get((r.indicator_id, r.period))
        synthetic = bool(meta["synthetic"]) if meta is not None else False
        source = str(meta["source"]) if meta is not None else ""
        ch = changed.get(r.indicator_id)
        rows.append({
            "theme": r.theme,
            "indicator_id": r.indicator_id,
            "Indicator": r.name,
            "Eenheid": unit,
            "Soort": f"{info['kind']}, {info['result']}",
            "Jaar": int(r.period),
            "Waarde": r.value,
            "Weergave": tables.value_text(r.value, info, synthetic, bool(r.suppressed)),
            "Gemeente": reference_text(r.gemeente_value, decimals, unit, aggregation, peer=False),
            "stand_gemeente": r.standing_gemeente,
            "Stand t.o.v. gemeente": standing_text(r.standing_gemeente, r.margin_gemeente,
                                                   decimals, unit),
            "Buurttype": reference_text(r.buurttype_value, decimals, unit, aggregation, peer=True),
            "Stand t.o.v. buurttype": standing_text(r.standing_buurttype, r.margin_buurttype,
                                                    decimals, unit),
            "Sinds nulmeting": "–" if ch is None else
            f"{format_change(ch['difference'], decimals, unit)} sinds {int(ch['from_period'])}",
            "Oordeel": "–" if ch is None else str(ch["verdict"]),
            "Toets": "" if ch is None else str(ch["test"]),
            "Betrouwbaarheid": str(meta["reliability"]) if meta is not None else "onbekend",
            "Respondenten (n)": meta["n"] if meta is not None and info["kind"] == "subjectief"
            else None,
            "Synthetisch": "ja" if synthetic else "nee",
            "Onderdrukt": "ja" if bool(r.suppressed) else "nee",
            "Bron": labels.get(source, source),
            "trend": trends.get(r.indicator_id, []),
            # Compact texts for the on-screen table, whose row label carries the unit.
            "label": row_label(str(r.name), unit),
            "kort": "onderdrukt" if bool(r.suppressed) else _short(r.value, decimals, unit)
            + (" (synth.)" if synthetic and pd.notna(r.value) else ""),
            "gemeente_kort": _short(r.gemeente_value, decimals, unit)
            + (" (totaal)" if aggregation == "aantal" and pd.notna(r.gemeente_value) else ""),
            "buurttype_kort": _short(r.buurttype_value, decimals, unit)
            + (" (per buurt)" if aggregation == "aantal" and pd.notna(r.buurttype_value) else ""),
            "verandering_kort": "–" if ch is None else
            _short(ch["difference"], decimals, unit, change_=True),
            "vanaf": None if ch is None else int(ch["from_period"]),
        })
    # Whole numbers, empty where unknown (not 82.0 in a download).
    return pd.DataFrame(rows).astype({"Respondenten (n)": "Int64"}) if rows else pd.DataFrame()


# The columns of a theme's table on screen (compact texts) and in its download (full wording).
SHOWN = ["label", "kort", "trend", "Gemeente", "Buurttype", "verandering_kort", "Oordeel",
         "Betrouwbaarheid"]
DOWNLOAD = ["Indicator", "Eenheid", "Soort", "Jaar", "Waarde", "Weergave", "Gemeente",
            "Stand t.o.v. gemeente", "Buurttype", "Stand t.o.v. buurttype", "Sinds nulmeting",
            "Oordeel", "Toets", "Betrouwbaarheid", "Respondenten (n)", "Synthetisch", "Onderdrukt",
            "Bron"]


@dataclass(frozen=True)
class ThemeTable:
    """One theme of a profile: the table on screen and the count of its outcomes."""

    theme: str
    shown: pd.DataFrame
    outcomes: int
    counts: dict[str, int]


def theme_tables(
    rows: pd.DataFrame, results: pd.Series, latest_year: int | None, nulmeting: int | None,
    switch: pd.Series | None = None,
) -> tuple[ThemeTable, ...]:
    """profile_rows split per theme (tables.THEME_LABELS order) into what the page shows.

    results: per indicator id 'outcome' or another result kind (the catalogue's `result`);
    switch: the area's value per indicator under another reference, as text (a column 'switch'
    after the value). A year is added to a value only where it differs from `latest_year`, and to
    a change only where it starts later than the nulmeting.
    """
    if rows.empty:
        return ()
    shown_columns = list(SHOWN)
    if switch is not None:
        shown_columns.insert(shown_columns.index("kort") + 1, "switch")
    found = []
    for theme in tables.THEME_LABELS:
        part = rows[rows["theme"] == theme]
        if part.empty:
            continue
        outcome = part[part["indicator_id"].map(results) == "outcome"]
        counts = outcome["stand_gemeente"].value_counts()
        extra = ({"switch": part["indicator_id"].map(switch).astype(object).fillna("–")}
                 if switch is not None else {})
        display = part.assign(**extra, **{
            "kort": [text if int(year) == latest_year else f"{text} ({int(year)})"
                     for text, year in zip(part["kort"], part["Jaar"], strict=True)],
            "Gemeente": part["gemeente_kort"] + " · " + part["Stand t.o.v. gemeente"],
            "Buurttype": part["buurttype_kort"] + " · " + part["Stand t.o.v. buurttype"],
            "Oordeel": part["Oordeel"].map(VERDICT_SHORT).fillna("–"),
            "verandering_kort": [
                text if pd.isna(start) or int(start) == nulmeting else f"{text} (vanaf {int(start)})"
                for text, start in zip(part["verandering_kort"], part["vanaf"], strict=True)
            ],
        })
        found.append(ThemeTable(
            theme=theme,
            shown=display[shown_columns].reset_index(drop=True),
            outcomes=len(outcome),
            counts={k: int(counts.get(v, 0))
                    for k, v in (("beter", profile.BETTER), ("gelijk", profile.EQUAL),
                                 ("slechter", profile.WORSE))},
        ))
    return tuple(found)


def profile_download(rows: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of a profile in one table to download: theme, then the DOWNLOAD columns."""
    if rows.empty:
        return pd.DataFrame(columns=["Thema", *DOWNLOAD])
    return rows[DOWNLOAD].assign(
        Thema=rows["theme"].map(tables.THEME_LABELS).fillna(rows["theme"])
    )[["Thema", *DOWNLOAD]].reset_index(drop=True)


def switched_values(
    scope: tables.Scope, code: str, reference: str, nulmeting: int | None,
    buurttype: tuple[str, ...],
) -> pd.Series:
    """Per indicator of one area, its latest value under the sidebar's reference, as text.

    The same references.apply_reference as the map and the trends: computed among all areas of
    the area's level (z-score and percentile among those inside the buurttype filter), then the
    area's row in its latest year with a value.
    """
    levels = scope.areas.set_index("code")["level"]
    level = str(levels.get(code, "buurt"))
    obs = scope.obs if level == "buurt" else selection_rules.wijk_values(
        scope.obs, scope.areas, scope.catalogue)
    obs = obs[obs["area_code"].map(levels) == level]
    inside = tables.in_filter(scope, level, buurttype)
    shown, _ = references.apply_reference(
        obs, reference, areas=scope.areas, buurttypes=scope.types,
        weights=aggregate.population_weights(scope.obs), catalogue=scope.catalogue,
        nulmeting=nulmeting,
        selection=[c for c, ok in inside.items() if ok], reference_obs=scope.obs,
    )
    mine = shown[(shown["area_code"] == code) & shown["shown"].notna()].sort_values("period")
    latest = mine.drop_duplicates("indicator_id", keep="last")
    return pd.Series(
        [references.format_shown(v, reference, scope.catalogue.loc[i])
         for i, v in zip(latest["indicator_id"], latest["shown"], strict=True)],
        index=latest["indicator_id"].to_numpy(), dtype=object,
    )


def warnings_for(scope: tables.Scope, code: str) -> pd.DataFrame:
    """Early warnings of one area in its latest year (see metrics.early_warning for the rules)."""
    cat = scope.catalogue
    own = area_obs(scope, [code])
    own = own[own["indicator_id"].isin(cat.index[cat["result"] == "outcome"])]
    if own.empty:
        return pd.DataFrame(columns=early_warning.COLUMNS)
    return early_warning.early_warnings(own, cat, int(own["period"].max()))


def expected_all(
    scope: tables.Scope, weights: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, str | None]:
    """metrics.expected.expected_all over the scope (weights from its 'inwoners' rows unless
    given)."""
    return expected.expected_all(
        scope.obs, areas=scope.areas, catalogue=scope.catalogue,
        weights=aggregate.population_weights(scope.obs) if weights is None else weights,
    )


def expected_rows(
    fits: pd.DataFrame, code: str, catalogue: pd.DataFrame, obs: pd.DataFrame,
    sources: pd.DataFrame,
) -> pd.DataFrame:
    """One area's rows of expected_all, worded for a table (unit in every number, the source)."""
    if fits.empty:
        return pd.DataFrame()
    meta = obs[obs["area_code"] == code].set_index(["indicator_id", "period"])
    # Plain dicts: a lookup in the frame's two-level index per row cost most of this table.
    synthetic_of = dict(zip(meta.index, meta["synthetic"].tolist(), strict=True))
    source_of = dict(zip(meta.index, meta["source"].tolist(), strict=True))
    mine = fits[fits["area_code"] == code]
    keys = list(zip(mine["indicator_id"], mine["period"], strict=True))
    mine = mine.assign(
        synthetic=[bool(synthetic_of.get(k, False)) for k in keys],
        bron=tables.source_text(pd.Series([source_of.get(k) for k in keys]),
                                sources).to_numpy(),
    )
    rows = []
    for h in mine.itertuples(index=False):
        info = catalogue.loc[h.indicator_id]
        decimals, unit = int(info["decimals"]), str(info["unit"])
        rows.append({
            "Indicator": info["name"],
            "Jaar": int(h.period),
            "Gemeten": format_number(h.observed, decimals, unit),
            "Verwacht": format_number(h.expected, decimals, unit),
            "Verschil": format_change(h.residual, decimals, unit),
            "Oordeel": h.verdict,
            "Buurten in de vergelijking": int(h.buurten_used),
            "Synthetisch": "ja" if h.synthetic else "nee",
            "Bron": h.bron,
        })
    return pd.DataFrame(rows)


def lbm_decomposition(
    scope: tables.Scope, code: str, nulmeting: int | None
) -> tuple[pd.DataFrame, int | None, int | None]:
    """The Leefbaarometer dimensions' changes from the nulmeting (or first) year to the latest."""
    own = area_obs(scope, [code])
    lbm = own[(own["indicator_id"] == decomposition.SCORE) & own["value"].notna()]
    if lbm["period"].nunique() < 2:
        return pd.DataFrame(), None, None
    years = sorted(int(p) for p in lbm["period"].unique())
    start = next((y for y in years if nulmeting is None or y >= nulmeting), years[0])
    end = years[-1]
    if start >= end:
        start = years[0]
    return decomposition.leefbaarometer_decomposition(own, code, start, end), start, end


# --- Vergelijken ------------------------------------------------------------------------------

COMPARE_COLUMNS = [
    "Code", "Gebied", "Niveau", "Thema", "Indicator", "Eenheid", "Jaar", "Waarde", "Weergave",
    "Gemeente", "Opvallend", "Synthetisch", "Onderdrukt", "Bron",
]


def _notable(rows: pd.DataFrame, cat: pd.DataFrame) -> pd.DataFrame:
    """Per indicator the highest and lowest area where their gap is real
    (metrics.summary.real_gaps), in words. rows: one row per area and indicator (one year),
    with `naam`. Returns per indicator_id: high, low (area codes) and text."""
    gaps = summary.real_gaps(rows, cat)
    names = rows.drop_duplicates("area_code").set_index("area_code")["naam"]
    out = {}
    for ind, gap in gaps.iterrows():
        high, low = names.get(gap["high"]), names.get(gap["low"])
        how = "indicatief" if bool(gap["indicatief"]) else "buiten de marges"
        if gap["direction"] == "neutraal":
            text = f"Hoogste: {high}; laagste: {low} ({how})."
        else:
            best, worst = (high, low) if gap["direction"] == "hoger_beter" else (low, high)
            text = f"Beste: {best}; minste: {worst} ({how})."
        out[ind] = {"high": gap["high"], "low": gap["low"], "text": text}
    return (pd.DataFrame.from_dict(out, orient="index") if out
            else pd.DataFrame(columns=["high", "low", "text"]))


def comparison(
    scope: tables.Scope, codes: list[str] | tuple[str, ...],
    refs: tuple[pd.DataFrame, pd.DataFrame | None] | None = None,
) -> pd.DataFrame:
    """Two to five areas side by side: per indicator the same year for all, long format.

    The year is the latest in which any of the areas has a value, so all areas are compared in
    the same year. `Opvallend` says which area is best and which least where the gap is real.
    Columns: COMPARE_COLUMNS plus theme, indicator_id, area_code, mark ('hoog'/'laag'/''), kort
    (the value without markers, for chart labels) and gemeente_waarde (number).
    refs: as for profile_rows.
    """
    cat = scope.catalogue
    obs = area_obs(scope, codes)
    if obs.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    names = scope.areas.set_index("code")
    gem = references.with_reference_values(
        obs, areas=_areas_for(scope, obs, refs), buurttypes=scope.types,
        weights=aggregate.population_weights(scope.obs), catalogue=cat, reference_obs=scope.obs,
        tables=refs,
    )
    gem = gem.set_index(["indicator_id", "period"])["gemeente_value"]
    gem = gem[~gem.index.duplicated()].to_dict()  # (indicator, year) -> the gemeente's value
    # Per indicator (theme order, then catalogue order) the latest year in which any of the
    # areas has a value (else the latest with a row), and each area's first row of that year;
    # an area without one gets an empty row. All indicators at once: per indicator this was
    # most of a comparison's time.
    order = {t: i for i, t in enumerate(profile.THEMES)}
    place = {ind: i for i, ind in enumerate(cat.index)}
    known = obs[obs["indicator_id"].isin(place)]
    theme_of = dict(zip(cat.index, cat["theme"], strict=True))
    inds = sorted(known["indicator_id"].unique(),
                  key=lambda i: (order.get(theme_of[i], 9), place[i]))
    latest = known.groupby("indicator_id")["period"].max()
    latest = known[known["value"].notna()].groupby("indicator_id")["period"].max().reindex(
        latest.index).fillna(latest).astype(int)
    at = known[known["period"].to_numpy() == known["indicator_id"].map(latest).to_numpy()]
    at = at.drop_duplicates(["indicator_id", "area_code"])
    grid = pd.MultiIndex.from_product([inds, list(codes)], names=["indicator_id", "area_code"])
    chosen = at.set_index(["indicator_id", "area_code"]).reindex(grid).reset_index()
    chosen["suppressed"] = chosen["suppressed"].fillna(False).astype(bool)
    chosen["naam"] = chosen["area_code"].map(names["name"])
    chosen["period"] = chosen["indicator_id"].map(latest).astype(int)
    notable = _notable(chosen, cat)
    labels = tables.source_labels(scope.sources)
    level_of = names["level"].reindex(list(codes)).to_dict()
    # Plain dicts per indicator: frame lookups per indicator cost most of the loop below.
    cat_of = _records(cat.loc[cat.index.isin(inds)], None)
    marks = _records(notable, None)
    out = []
    # chosen holds each indicator's rows together, in the order of inds.
    for ind, rows in itertools.groupby(chosen.itertuples(index=False), lambda r: r.indicator_id):
        info = cat_of[ind]
        rows = list(rows)
        year = int(rows[0].period)
        mark = marks.get(ind)
        high, low, text = (mark["high"], mark["low"], mark["text"]) if mark else (None, None, "")
        decimals, unit = int(info["decimals"]), str(info["unit"])
        reference = gem.get((ind, year), None)
        for r in rows:
            synthetic = bool(r.synthetic) if pd.notna(r.synthetic) else False
            out.append({
                "Code": r.area_code,
                "Gebied": r.naam,
                "Niveau": level_of[r.area_code],
                "Thema": info["theme"],
                "Indicator": info["name"],
                "Eenheid": unit,
                "Jaar": year,
                "Waarde": None if r.suppressed or pd.isna(r.value) else round(float(r.value),
                                                                              decimals + 2),
                "Weergave": tables.value_text(r.value, info, synthetic, r.suppressed),
                "Gemeente": None if pd.isna(reference) else round(float(reference), decimals + 2),
                "Opvallend": text,
                "Synthetisch": "ja" if synthetic else "nee",
                "Onderdrukt": "ja" if r.suppressed else "nee",
                "Bron": labels.get(r.source, r.source) if isinstance(r.source, str) else "",
                "theme": info["theme"],
                "indicator_id": ind,
                "area_code": r.area_code,
                "mark": "hoog" if r.area_code == high else "laag" if r.area_code == low else "",
                "kort": "onderdrukt" if r.suppressed else _short(r.value, decimals, unit),
                "gemeente_kort": _short(reference, decimals, unit),
                "gemeente_waarde": reference,
            })
    return pd.DataFrame(out)


def column_labels(long: pd.DataFrame) -> dict[str, str]:
    """Column name per area: its name, '(wijk)' for a wijk, and the code when names repeat."""
    first = long.drop_duplicates("Code")
    names = {c: n + (" (wijk)" if lvl == "wijk" else "")
             for c, n, lvl in zip(first["Code"], first["Gebied"], first["Niveau"], strict=True)}
    repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
    return {c: f"{n} ({c})" if n in repeated else n for c, n in names.items()}


def comparison_wide(long: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator (its unit in the label), one column per area, the gemeente, the note.

    Cells are compact: the number (with '%' where that is the unit), '(synth.)' for a synthetic
    value, 'onderdrukt' for a suppressed one and '–' for none.
    """
    if long.empty:
        return long
    labels = column_labels(long)
    cell = [
        text + (" (synth.)" if synth == "ja" and text not in ("–", "onderdrukt") else "")
        for text, synth in zip(long["kort"], long["Synthetisch"], strict=True)
    ]
    shown = long.assign(
        kolom=long["Code"].map(labels), cel=cell,
        Indicator=[row_label(n, u) for n, u in zip(long["Indicator"], long["Eenheid"], strict=True)],
    )
    wide = shown.pivot_table(
        index=["Thema", "Indicator", "Jaar"], columns="kolom", values="cel",
        aggfunc="first", sort=False,
    )
    wide = wide[[labels[c] for c in dict.fromkeys(long["Code"])]].reset_index()
    extra = shown.drop_duplicates("Indicator").set_index("Indicator")
    wide["Gemeente"] = wide["Indicator"].map(extra["gemeente_kort"])
    wide["Opvallend"] = wide["Indicator"].map(extra["Opvallend"])
    wide.columns.name = None
    return wide
