"""The wethouder briefing: one or two A4 pages about a gemeente, a wijk, a buurttype or a buurt.

Pure: `build` turns a Scope (one gemeente's data) and a Selection into a Briefing (plain Dutch
sentences and numbers already written in Dutch notation); `to_pdf` typesets it offline with Typst,
the map drawn with Vega-Lite to SVG. `generate_pdf(db_path, selection)` does both from a database
file, for the command line and the benchmark. No streamlit here; the page shows the same Briefing.

Text from data (area names, indicator names) reaches Typst as JSON data, never as markup, so a
name cannot change the document.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import html
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import corporations, maps, tables
from metrics import aggregate, change, early_warning, references
from metrics.formatting import format_change, format_date, format_number

BUURTTYPES = ("achterstand", "midden", "voorstand")
TYPE_PLURAL = tables.TYPE_PLURAL
THEME_LABELS = {k: v for k, v in tables.THEME_LABELS.items() if k != "context"}  # 4 themes
TEMPLATE = Path(__file__).with_name("briefing.typ")
MAX_WARNINGS = 8
MAX_MOVERS = 3
VERDICT_WORD = {
    change.IMPROVED: "verbeterd",
    change.WORSENED: "verslechterd",
    change.NO_CHANGE: "geen wezenlijke verandering",
    change.CHANGED: "veranderd",
    change.UNKNOWN: "verandering onbekend",
}


@dataclass(frozen=True)
class Selection:
    """What the briefing is about: a gemeente, optionally one wijk or buurt, and a buurttype filter.

    `area` empty means the whole gemeente. The buurttype filter applies to a gemeente or a wijk; a
    single buurt is always shown. `indicator` colours the map; `referentie` is the sidebar's
    reference switch (see reference_text).
    """

    gemeente: str
    area: str = ""
    buurttype: tuple[str, ...] = BUURTTYPES
    regel: str = ""
    nulmeting: int | None = None
    indicator: str = "lbm_score"
    referentie: str = "waarde"


@dataclass(frozen=True)
class Figure:
    """One headline indicator of the selection."""

    theme: str
    indicator_id: str
    name: str
    period: int
    value: str  # '84,1%' (Dutch, with unit)
    reference: str  # 'gemeente 83,0%'
    change: str  # '+1,2 procentpunt sinds 2014 (verbeterd, twee-proportietoets)'
    verdict: str  # change verdict (metrics.change) or ''
    trend: tuple[tuple[int, float], ...]  # the selection's values per year
    trend_gemeente: tuple[tuple[int, float], ...]
    synthetic: bool


@dataclass(frozen=True)
class Briefing:
    title: str
    subtitle: str
    selection_text: str
    data_year: int | None
    made_on: str  # '23 november 2026'
    figures: tuple[Figure, ...]
    improvements: tuple[str, ...]
    declines: tuple[str, ...]
    warnings: tuple[str, ...]
    warnings_more: int
    goals: tuple[str, ...]
    projects: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    map_caption: str
    legend: tuple[tuple[str, str], ...]  # (hex colour, label)
    map_features: dict = field(repr=False, default_factory=dict)
    map_focus: tuple[str, ...] = ()  # the codes the map zooms to (a wijk or buurt briefing)
    synthetic: bool = False

    def to_json(self) -> dict:
        out = dataclasses.asdict(self)
        out.pop("map_features")
        out.pop("map_focus")
        return out


# --- Selection ---------------------------------------------------------------------------------


def members(scope: tables.Scope, sel: Selection) -> list[str]:
    """The buurten the briefing is about (codes), in the order of the areas frame."""
    areas = scope.areas
    buurten = areas[areas["level"] == "buurt"]
    if sel.area:
        level = areas.set_index("code")["level"].get(sel.area)
        if level == "buurt":
            return [sel.area]
        if level == "wijk":
            buurten = buurten[buurten["parent_code"] == sel.area]
    inside = tables.in_filter(scope, "buurt", sel.buurttype)
    return [c for c in buurten["code"] if bool(inside.get(c, False))]


def _names(scope: tables.Scope) -> pd.Series:
    return scope.areas.set_index("code")["name"]


def _title(scope: tables.Scope, sel: Selection) -> tuple[str, str, str]:
    names = _names(scope)
    gemeente = str(names.get(sel.gemeente, sel.gemeente))
    levels = scope.areas.set_index("code")["level"]
    all_types = set(sel.buurttype) == set(BUURTTYPES)
    types = ", ".join(TYPE_PLURAL[t] for t in sel.buurttype)
    if sel.area and levels.get(sel.area) == "buurt":
        parent = scope.areas.set_index("code")["parent_code"].get(sel.area)
        wijk = names.get(parent, "")
        return (
            f"Buurt {names[sel.area]}",
            f"{'Wijk ' + wijk + ', ' if wijk else ''}gemeente {gemeente}",
            "Eén buurt; het buurttypefilter geldt hier niet.",
        )
    if sel.area and levels.get(sel.area) == "wijk":
        title = f"Wijk {names[sel.area]}"
        return (
            title if all_types else f"{title}: {types}",
            f"Gemeente {gemeente}",
            "Alle buurten van de wijk." if all_types else f"Buurten van de wijk: {types}.",
        )
    title = f"Gemeente {gemeente}"
    return (
        title if all_types else f"{gemeente}: {types}",
        "Alle buurten" if all_types else f"Gemeente {gemeente}",
        "Alle buurten van de gemeente." if all_types else f"Alleen de {types}.",
    )


# --- Figures -----------------------------------------------------------------------------------


def _test_text(test: str) -> str:
    return "indicatief, zonder marges" if test == change.TEST_INDICATIVE else test


def _series(frame: pd.DataFrame) -> tuple[tuple[int, float], ...]:
    clean = frame.dropna(subset=["value"]).sort_values("period")
    return tuple((int(p), float(v)) for p, v in zip(clean["period"], clean["value"], strict=True))


def reference_text(value: float, gemeente: float | None, nulmeting: float, nulmeting_year: int,
                   reference: str, row: pd.Series) -> str:
    """The reference column under the sidebar's switch, as the overview shows it for a selection.

    'waarde' and the references that place one area among others (peers, z-score, percentile;
    they have no single number for a selection) show the gemeente's figure; 'verschil_gemeente'
    the difference from it; 'index_nulmeting' the index with the nulmeting at 100.
    """
    shown, kind = tables.headline_value(value, gemeente, nulmeting, reference)
    if gemeente is None and kind != "index_nulmeting":
        return "gemeente: geen cijfer"
    if kind == "verschil_gemeente":
        return (f"{references.format_shown(shown, kind, row)} t.o.v. de gemeente "
                f"({references.format_shown(gemeente, 'waarde', row)})")
    if kind == "index_nulmeting":
        return f"index {references.format_shown(shown, kind, row)} ({nulmeting_year} = 100)"
    return f"gemeente {references.format_shown(gemeente, 'waarde', row)}"


def figures(scope: tables.Scope, sel: Selection, codes: list[str]) -> list[Figure]:
    """Per theme the headline indicators: the selection's value, the gemeente, change, trend."""
    cat = scope.catalogue
    headline = [i for i in cat.index[cat["headline"].astype(bool)]
                if cat.loc[i, "theme"] in THEME_LABELS]
    obs = scope.obs
    weights = tables.weights(obs)
    chosen = obs[obs["area_code"].isin(codes) & obs["indicator_id"].isin(headline)]
    if chosen.empty:
        return []
    own = aggregate.weighted_mean(chosen, weights, pd.Series("selectie", index=codes), cat)
    gem = aggregate.gemeente_reference(obs[obs["indicator_id"].isin(headline)], scope.areas,
                                       weights, cat)
    out: list[Figure] = []
    for ind in headline:
        row = cat.loc[ind]
        mine = own[(own["indicator_id"] == ind) & own["value"].notna()].sort_values("period")
        if mine.empty:
            continue
        last = mine.iloc[-1]
        period = int(last["period"])
        base = mine[mine["period"] >= (sel.nulmeting or 0)]
        first = base.iloc[0] if not base.empty else mine.iloc[0]
        g = gem[gem["indicator_id"] == ind]
        g_now = g.loc[g["period"] == period, "value"]
        gem_value = float(g_now.iloc[0]) if len(g_now) and pd.notna(g_now.iloc[0]) else None
        reference = reference_text(float(last["value"]), gem_value, float(first["value"]),
                                   int(first["period"]), sel.referentie, row)
        verdict, change_text = "", "één meting; nog geen verandering"
        if int(first["period"]) != period:
            pair = mine.assign(area_code="selectie")[
                ["area_code", "indicator_id", "period", "value", "n", "ci_low", "ci_high",
                 "suppressed"]
            ]
            moved = change.change_between(pair, cat, int(first["period"]), period)
            verdict = str(moved["verdict"].iloc[0]) if not moved.empty else change.UNKNOWN
            test = str(moved["test"].iloc[0]) if not moved.empty else ""
            change_text = (
                f"{format_change(last['value'] - first['value'], int(row['decimals']), row['unit'])}"
                f" sinds {int(first['period'])}: {VERDICT_WORD.get(verdict, verdict)}"
                + (f" ({_test_text(test)})" if test and verdict != change.UNKNOWN else "")
            )
        out.append(Figure(
            theme=str(row["theme"]),
            indicator_id=ind,
            name=str(row["name"]),
            period=period,
            value=references.format_shown(float(last["value"]), "waarde", row),
            reference=reference,
            change=change_text,
            verdict=verdict,
            trend=_series(mine),
            trend_gemeente=_series(g),
            synthetic=bool(last["synthetic"]),
        ))
    return out


def _outcomes(cat: pd.DataFrame) -> list[str]:
    return [i for i in cat.index
            if cat.loc[i, "result"] == "outcome" and cat.loc[i, "theme"] in THEME_LABELS
            and cat.loc[i, "direction"] in ("hoger_beter", "lager_beter")]


def movers(scope: tables.Scope, sel: Selection, codes: list[str]) -> tuple[list[str], list[str]]:
    """The three largest real improvements and declines in the selection, as sentences.

    Over every buurt of the selection and every outcome indicator: the change from the nulmeting
    (the first usable year at or after it) to the latest year, tested as on the other pages
    (metrics.change). Changes of different indicators are made comparable by dividing by the
    indicator's spread over the gemeente's buurten in the first year (a standardised change);
    only changes judged 'verbeterd' or 'verslechterd' are listed.
    """
    cat = scope.catalogue
    obs = scope.obs
    names = _names(scope)
    outcomes = _outcomes(cat)
    mine = obs[obs["indicator_id"].isin(outcomes) & obs["area_code"].isin(codes)
               & obs["value"].notna() & ~obs["suppressed"].astype(bool)]
    if mine.empty:
        return [], []
    # Per indicator its first year from the nulmeting and its latest year; indicators measured in
    # the same years are tested together.
    years = mine[mine["period"] >= (sel.nulmeting or 0)].groupby("indicator_id")["period"].agg(
        ["min", "max"])
    years = years[years["min"] < years["max"]]
    moved_parts = []
    for (first, last), group in years.groupby(["min", "max"]):
        part = mine[mine["indicator_id"].isin(group.index)]
        moved_parts.append(change.change_between(part, cat, int(first), int(last)))
    if not moved_parts:
        return [], []
    moved = pd.concat(moved_parts, ignore_index=True)
    moved = moved[moved["verdict"].isin([change.IMPROVED, change.WORSENED])]
    if moved.empty:
        return [], []
    start = obs[obs["indicator_id"].isin(moved["indicator_id"].unique())]
    spread = start.groupby(["indicator_id", "period"])["value"].std()
    sign = moved["indicator_id"].map(lambda i: 1 if cat.loc[i, "direction"] == "hoger_beter"
                                     else -1)
    scale = [spread.get((i, p)) for i, p in zip(moved["indicator_id"], moved["from_period"],
                                                  strict=True)]
    frame = moved.assign(size=sign * moved["difference"] / pd.Series(scale, index=moved.index,
                                                                        dtype=float))
    frame = frame.dropna(subset=["size"])

    def sentence(r: pd.Series) -> str:
        row = cat.loc[r["indicator_id"]]
        d = int(row["decimals"])
        unit = str(row["unit"])
        where = f"{names.get(r['area_code'], r['area_code'])}: " if len(codes) > 1 else ""
        return (f"{where}{row['name']} van {format_number(r['value_from'], d, unit)} "
                f"({int(r['from_period'])}) naar {format_number(r['value_to'], d, unit)} "
                f"({int(r['to_period'])}); {r['verdict']} ({_test_text(r['test'])}).")

    best = frame[frame["verdict"] == change.IMPROVED].nlargest(MAX_MOVERS, "size")
    worst = frame[frame["verdict"] == change.WORSENED].nsmallest(MAX_MOVERS, "size")
    return ([sentence(r) for _, r in best.iterrows()],
            [sentence(r) for _, r in worst.iterrows()])


def warnings(scope: tables.Scope, codes: list[str]) -> tuple[list[str], int]:
    """Early warnings (severity hoog and middel) in the latest year: 'Buurt: reason'."""
    cat = scope.catalogue
    obs = scope.obs[scope.obs["area_code"].isin(codes)
                    & scope.obs["indicator_id"].isin(_outcomes(cat))]
    if obs.empty:
        return [], 0
    found = early_warning.early_warnings(obs, cat, int(obs["period"].max()))
    found = found[found["severity"] != "laag"]
    names = _names(scope)
    lines = [f"{names.get(r.area_code, r.area_code)}: {r.reason}" for r in found.itertuples()]
    return lines[:MAX_WARNINGS], max(0, len(lines) - MAX_WARNINGS)


def notes(scope: tables.Scope, codes: list[str], year: int | None) -> list[str]:
    """Plain notes on what the numbers rest on: synthetic, suppressed and uncertain values."""
    obs = scope.obs[scope.obs["area_code"].isin(codes)]
    if year is not None:
        obs = obs[obs["period"] == year]
    out: list[str] = []
    if obs["synthetic"].astype(bool).any():
        out.append("Deze briefing bevat synthetische demogegevens: gegenereerde waarden, geen "
                   "echte metingen. Gebruik ze niet voor besluiten.")
    hidden = int(obs["suppressed"].astype(bool).sum())
    if hidden:
        out.append(f"{format_number(hidden, 0)} cijfers in {year} zijn niet getoond omdat ze op te "
                   "weinig inwoners of respondenten rusten.")
    with_margin = obs.dropna(subset=["ci_low", "ci_high", "value"])
    wide = with_margin[(with_margin["ci_high"] - with_margin["ci_low"])
                       > 0.5 * with_margin["value"].abs()]
    if len(wide):
        out.append(f"{format_number(len(wide), 0)} enquêtecijfers hebben een brede marge: lees "
                   "kleine verschillen daar niet als echte verschillen.")
    out.append("Veranderingen zijn getoetst waar aantallen of marges bekend zijn; anders zijn ze "
               "indicatief. Een verandering zegt niets over de oorzaak.")
    return out


def source_lines(scope: tables.Scope, codes: list[str]) -> list[str]:
    used = scope.obs[scope.obs["area_code"].isin(codes)]["source"].dropna().unique()
    src = scope.sources
    lines = []
    for key in sorted(used):
        if key in src.index:
            r = src.loc[key]
            lines.append(f"{r['attribution']}: {r['label']} (licentie: {r['licence']}).")
        else:
            lines.append(str(key))
    return sorted(set(lines))


# --- Map ---------------------------------------------------------------------------------------


def map_layer(
    scope: tables.Scope, geo: pd.DataFrame, sel: Selection, codes: list[str]
) -> tuple[dict, list[tuple[str, str]], str]:
    """GeoJSON with a fill colour per buurt, the legend, and the caption (what the map shows)."""
    cat = scope.catalogue
    ind = sel.indicator if sel.indicator in cat.index else "lbm_score"
    if geo.empty or ind not in cat.index:
        return {}, [], ""
    row = cat.loc[ind]
    obs = scope.obs[(scope.obs["indicator_id"] == ind) & scope.obs["value"].notna()]
    buurt_codes = set(scope.areas.loc[scope.areas["level"] == "buurt", "code"])
    obs = obs[obs["area_code"].isin(buurt_codes)]
    if obs.empty:
        return {}, [], ""
    year = int(obs["period"].max())
    values = obs[obs["period"] == year].set_index("area_code")["value"]
    better = {"hoger_beter": True, "lager_beter": False}.get(str(row["direction"]))
    breaks = maps.class_breaks(values, False)
    colours = maps.palette(str(row["direction"]), len(breaks) + 1, better)
    chosen = set(codes)
    fills = []
    for code in geo["area_code"]:
        value = values.get(code)
        if code not in chosen:
            fills.append("#d7d7d7")
        elif value is None or pd.isna(value):
            fills.append("#ffffff")
        else:
            fills.append(colours[min(maps.class_index(float(value), breaks), len(colours) - 1)])
    features = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(shape),
         "properties": {"area_code": code, "fill": fill}}
        for code, shape, fill in zip(geo["area_code"], geo["geometry_display"], fills,
                                     strict=True)
    ]}
    d = int(row["decimals"])
    legend = [(i.colour, i.label) for i in maps.legend_items(
        breaks, colours, lambda v: format_number(v, d), better)]
    legend += [("#d7d7d7", "buiten de selectie"), ("#ffffff", "geen gegevens of onderdrukt")]
    caption = (f"Kaart: {row['name']} ({row['unit']}) per buurt, {year}. Gekleurd: de buurten van "
               "deze briefing; grijs: de andere buurten van de gemeente.")
    return features, legend, caption


def sparkline_svg(trend: tuple[tuple[int, float], ...], gemeente: tuple[tuple[int, float], ...],
                  width: int = 120, height: int = 34) -> str:
    """A small trend: the selection (solid) and the gemeente (dashed) on one scale, no text."""
    series = [s for s in (trend, gemeente) if s]
    points = [p for s in series for p in s]
    if not points:
        return ""
    years = [p[0] for p in points]
    values = [p[1] for p in points]
    x0, x1 = min(years), max(years)
    y0, y1 = min(values), max(values)
    pad = 3

    def xy(year: int, value: float) -> str:
        x = pad + (width - 2 * pad) * ((year - x0) / (x1 - x0) if x1 > x0 else 0.5)
        y = height - pad - (height - 2 * pad) * ((value - y0) / (y1 - y0) if y1 > y0 else 0.5)
        return f"{x:.1f},{y:.1f}"

    lines = []
    for s, style in ((gemeente, 'stroke="#7f7f7f" stroke-dasharray="3,2"'),
                     (trend, 'stroke="#4b2991" stroke-width="1.8"')):
        if len(s) >= 2:
            pts = " ".join(xy(y, v) for y, v in s)
            lines.append(f'<polyline fill="none" {style} points="{pts}"/>')
        if s:
            cx, cy = xy(*s[-1]).split(",")
            lines.append(f'<circle cx="{cx}" cy="{cy}" r="2" fill="#4b2991"/>' if s is trend
                         else "")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(lines)}</svg>')


def _svg_img(svg: str) -> str:
    # As an image: the page's HTML sanitiser drops inline SVG elements.
    if not svg:
        return ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"<img alt='verloop' src='data:image/svg+xml;base64,{data}'/>"


def figures_html(figures: tuple[Figure, ...] | list[Figure]) -> str:
    """The per-theme table as HTML for the printable page (every text escaped; trends as SVG)."""
    cell = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:middle"
    head = "".join(f"<th style='{cell};text-align:left'>{h}</th>" for h in (
        "Indicator (jaar)", "Waarde", "Referentie", "Verandering sinds de nulmeting", "Verloop"))
    rows = []
    for theme, label in THEME_LABELS.items():
        mine = [f for f in figures if f.theme == theme]
        if not mine:
            continue
        rows.append(f"<tr><td colspan='5' style='{cell};font-weight:600;color:#4b2991'>"
                    f"{html.escape(label)}</td></tr>")
        for f in mine:
            rows.append(
                f"<tr><td style='{cell}'>{html.escape(f.name)} ({f.period})</td>"
                f"<td style='{cell};text-align:right;font-weight:600'>{html.escape(f.value)}</td>"
                f"<td style='{cell}'>{html.escape(f.reference)}</td>"
                f"<td style='{cell}'>{html.escape(f.change)}</td>"
                f"<td style='{cell}'>{_svg_img(sparkline_svg(f.trend, f.trend_gemeente))}</td></tr>"
            )
    return (f"<table style='border-collapse:collapse;width:100%;font-size:0.9rem'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


# --- Build and render --------------------------------------------------------------------------


def goal_lines(scope: tables.Scope, goal_frame: pd.DataFrame, sel: Selection,
               codes: list[str]) -> list[str]:
    """The goals of the selection's buurten (and of its wijk or the gemeente) with their status."""
    if goal_frame is None or goal_frame.empty:
        return []
    wanted = [*codes, sel.area or sel.gemeente]
    if not sel.area:
        wanted += list(scope.areas.loc[scope.areas["level"] == "wijk", "code"])
    rows = corporations.goal_rows(scope, goal_frame, wanted)
    return [corporations.goal_sentence(r, scope.catalogue) for _, r in rows.iterrows()]


def project_lines(scope: tables.Scope, project_frame: pd.DataFrame, codes: list[str],
                  since: dt.date) -> list[str]:
    """Projects in the selection's buurten that ran on or after `since` (running or recent)."""
    if project_frame is None or project_frame.empty:
        return []
    rows = corporations.project_rows(scope, project_frame, codes)
    if rows.empty:
        return []
    recent = rows[rows["Eind"].isna() | (rows["Eind"] >= pd.Timestamp(since))]
    return [corporations.project_sentence(r) for _, r in recent.iterrows()][:MAX_WARNINGS]


def build(
    scope: tables.Scope,
    geo: pd.DataFrame,
    sel: Selection,
    today: dt.date,
    *,
    goal_frame: pd.DataFrame | None = None,
    project_frame: pd.DataFrame | None = None,
) -> Briefing:
    """Everything the briefing says, from one gemeente's data (see module docstring).

    Goals and projects are included when their frames are given (and loaded); projects are those
    running in or after the latest data year.
    """
    codes = members(scope, sel)
    title, subtitle, selection_text = _title(scope, sel)
    figs = figures(scope, sel, codes)
    year = max((f.period for f in figs), default=None)
    better, worse = movers(scope, sel, codes)
    warn, more = warnings(scope, codes)
    features, legend, caption = map_layer(scope, geo, sel, codes)
    n = len(codes)
    selection_text += f" {format_number(n, 0)} {'buurt' if n == 1 else 'buurten'}."
    return Briefing(
        title=title,
        subtitle=subtitle,
        selection_text=selection_text,
        data_year=year,
        made_on=format_date(today),
        figures=tuple(figs),
        improvements=tuple(better),
        declines=tuple(worse),
        warnings=tuple(warn),
        warnings_more=more,
        goals=tuple(goal_lines(scope, goal_frame, sel, codes)),
        projects=tuple(project_lines(scope, project_frame, codes,
                                     dt.date(year or today.year, 1, 1))),
        notes=tuple(notes(scope, codes, year)),
        sources=tuple(source_lines(scope, codes)),
        map_caption=caption,
        legend=tuple(legend),
        map_features=features,
        map_focus=tuple(codes) if sel.area else (),
        synthetic=any(f.synthetic for f in figs),
    )


def to_pdf(briefing: Briefing, *, png: bool = False) -> bytes | list[bytes]:
    """Typeset the briefing as A4 PDF (or PNG pages at 110 ppi, to look at) with Typst."""
    import typst

    content = briefing.to_json()
    content["themes"] = [
        {"label": label,
         "figures": [dataclasses.asdict(f) | {"spark": f"spark_{i}.svg"}
                     for i, f in enumerate(briefing.figures) if f.theme == theme]}
        for theme, label in THEME_LABELS.items()
        if any(f.theme == theme for f in briefing.figures)
    ]
    with tempfile.TemporaryDirectory(prefix="briefing-") as tmp:
        folder = Path(tmp)
        for i, f in enumerate(briefing.figures):
            (folder / f"spark_{i}.svg").write_text(sparkline_svg(f.trend, f.trend_gemeente) or
                                                  '<svg xmlns="http://www.w3.org/2000/svg"/>')
        content["map"] = ""
        if briefing.map_features:
            (folder / "kaart.svg").write_text(maps.svg_map(briefing.map_features,
                                                             focus=set(briefing.map_focus)))
            content["map"] = "kaart.svg"
        (folder / "briefing.json").write_text(json.dumps(content, ensure_ascii=False))
        (folder / "briefing.typ").write_text(TEMPLATE.read_text(encoding="utf-8"))
        if png:
            pages = typst.compile(str(folder / "briefing.typ"), root=str(folder), format="png",
                                  ppi=110)
            return [pages] if isinstance(pages, bytes) else list(pages)
        return typst.compile(str(folder / "briefing.typ"), root=str(folder))


def generate_pdf(db_path: Path | str, selection: Selection, today: dt.date | None = None) -> bytes:
    """The briefing PDF straight from a database file (read-only), e.g. for the benchmark."""
    from data_loaders import db, settings

    con = db.connect(Path(db_path), read_only=True)
    try:
        privacy = settings.privacy()
        cat = db.query(con, "app_catalogue").set_index("id", drop=False)
        rules = db.query(con, "app_rules", {"gemeente": selection.gemeente})
        rule = selection.regel or (str(rules["rule"].iloc[0]) if not rules.empty else "")
        obs = db.query(con, "app_observations", {
            "gemeente": selection.gemeente, "indicators": list(cat.index), "areas": [],
            "min_respondents": privacy.min_respondents,
            "min_inhabitants": privacy.min_inhabitants,
        })
        obs["period"] = obs["period"].astype(int)
        scope = tables.Scope(
            obs=obs,
            areas=db.query(con, "app_areas", {"gemeente": selection.gemeente}),
            types=db.query(con, "app_buurttypes", {"gemeente": selection.gemeente, "rule": rule}),
            catalogue=cat,
            sources=db.query(con, "app_sources").set_index("key", drop=False),
        )
        geo = db.query(con, "app_geometries", {"gemeente": selection.gemeente, "level": "buurt"})
        goal_frame = db.query(con, "app_goals",
                              {"gemeente": selection.gemeente, **privacy.confidential_params()})
        project_frame = db.query(con, "app_projects",
                                 {"gemeente": selection.gemeente, **privacy.confidential_params()})
    finally:
        con.close()
    briefing = build(scope, geo, dataclasses.replace(selection, regel=rule),
                     today or dt.date.today(), goal_frame=goal_frame, project_frame=project_frame)
    return to_pdf(briefing)  # type: ignore[return-value]
