"""Pure glue for the corporation's pictures: where the money went (a map), spending against change
and spending against need, with the projects of each buurt. No streamlit.

The rules are metrics.spending_areas and metrics.spending; this module names them in Dutch, joins
them per buurt, and builds the pydeck and Vega-Lite specs (tested as JSON). Words pass through a
translator `t` (dashboard.i18n) so the same specs serve both languages.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard import charts, maps, profiles, tables
from metrics import spending, spending_areas
from metrics.formatting import format_change, format_number

Translate = Callable[..., str]
GROUP_SPENT = "met uitgaven"
GROUP_COMPARISON = "vergelijkbaar, (bijna) zonder uitgaven"
CAVEAT = "Een vergelijking, geen bewijs van effect."
BASIS_UNIT = {spending_areas.PER_DWELLING: "euro per woning per jaar",
              spending_areas.PER_INHABITANT: "euro per inwoner per jaar"}
BASIS_NOTE = {
    spending_areas.PER_DWELLING: "Per woning van de organisatie in de buurt (haar laatst "
                                 "opgegeven aantal in de periode), gemiddeld per jaar.",
    spending_areas.PER_INHABITANT: "Per inwoner van de buurt: het aantal woningen van de "
                                   "organisatie is niet overal bekend. Gemiddeld per jaar.",
}
# Buurttype colours (colour-blind safe, Tableau 10), in the order of tables.TYPE_LABELS.
TYPE_COLOURS = ["#e15759", "#4e79a7", "#59a14f"]


@dataclass(frozen=True)
class Picture:
    """One organisation's spending per buurt over a period, beside change and need.

    `areas`: one row per buurt of the gemeente: area_code, naam, buurttype (text), groep
    (GROUP_SPENT, GROUP_COMPARISON or ''), amount_eur, rate (in `basis` units), difference and
    margin of the change, need, rate_inhabitant (the organisation's euro per inhabitant per
    year, 0 where it spent nothing), projecten (text) and n_projecten.
    """

    organisation: str
    period: tuple[int, int]
    basis: str
    indicator: str
    change_years: tuple[int, int] | None
    need_indicator: str | None
    areas: pd.DataFrame = field(repr=False)
    source: str = ""
    synthetic: bool = False

    @property
    def unit(self) -> str:
        return BASIS_UNIT[self.basis]

    @property
    def period_text(self) -> str:
        a, b = self.period
        return str(a) if a == b else f"{a}–{b}"


def _project_texts(project_frame: pd.DataFrame, period: tuple[int, int]) -> pd.DataFrame:
    """Per buurt: the projects that ran in the period, as one text, and their number."""
    if project_frame.empty:
        return pd.DataFrame(columns=["projecten", "n_projecten"])
    start = pd.to_datetime(project_frame["start_date"]).dt.year
    end = pd.to_datetime(project_frame["end_date"]).dt.year.fillna(period[1])
    running = project_frame[(start <= period[1]) & (end >= period[0])]
    rows = []
    for _, p in running.iterrows():
        years = pd.to_datetime(p["start_date"]).year
        last = "" if pd.isna(p["end_date"]) else pd.to_datetime(p["end_date"]).year
        text = f"{p['name']} ({p['organisation']}, {years}–{last})"
        rows += [(code, text) for code in str(p["area_codes"]).split()]
    if not rows:
        return pd.DataFrame(columns=["projecten", "n_projecten"])
    found = pd.DataFrame(rows, columns=["area_code", "tekst"]).groupby("area_code")["tekst"]
    return pd.DataFrame({"projecten": found.agg("; ".join), "n_projecten": found.size()})


def need_values(scope: tables.Scope, buurten: list[str],
                indicator: str | None = None) -> tuple[pd.Series, str | None]:
    """The need score per buurt (metrics.spending_areas.need_score) from the status score of the
    buurttype rule (its latest year per buurt), or from `indicator` when no status score is
    loaded; and which indicator it came from (None: neither)."""
    obs = scope.obs
    loaded = set(obs["indicator_id"].unique())
    chosen = next((s for s in profiles.STATUS_INDICATORS if s in loaded), None) or (
        indicator if indicator in loaded else None)
    if chosen is None or chosen not in scope.catalogue.index:
        return pd.Series(np.nan, index=buurten), None
    rows = obs[(obs["indicator_id"] == chosen) & obs["area_code"].isin(buurten)
               & obs["value"].notna() & ~obs["suppressed"].astype(bool)]
    latest = rows.sort_values("period").drop_duplicates("area_code", keep="last")
    values = latest.set_index("area_code")["value"].reindex(buurten)
    direction = str(scope.catalogue.loc[chosen, "direction"])
    return spending_areas.need_score(values, direction), chosen


def build(scope: tables.Scope, spend: pd.DataFrame, project_frame: pd.DataFrame,
          organisation: str, indicator: str, nulmeting: int | None, jaar: int | None,
          types_now: pd.Series) -> Picture | None:
    """The picture of one organisation (None when it spent nothing in the period).

    `spend` and `project_frame` hold only what this user may see (data.spending, data.projects):
    nothing here widens it. Comparison buurten: of the same buurttype as a buurt with spending,
    where all visible organisations together spent under metrics.spending's threshold per
    inhabitant per year in the period (metrics.spending.comparison_buurten).
    """
    own = spend[spend["organisation"] == organisation]
    period = spending_areas.spending_period(own["year"], nulmeting, jaar)
    if period is None:
        return None
    people = scope.obs[scope.obs["indicator_id"] == "inwoners"][["area_code", "period", "value"]]
    rates = spending_areas.spending_rates(spend, people, organisation, *period)
    if rates.empty:
        return None
    areas = scope.areas
    # The buurten of the gemeenten the organisation spent in (all of them for one gemeente; at
    # national scale not the whole country). The gemeente is the code's four digits after 'BU'
    # (CBS codes: BU + gemeente + wijk + buurt), which holds also where the scope renamed it.
    worked_in = {str(c)[2:6] for c in rates["area_code"]}
    buurt_rows = areas[(areas["level"] == "buurt")
                       & areas["code"].astype(str).str[2:6].isin(worked_in)]
    buurten = sorted(buurt_rows["code"])
    years = list(range(period[0], period[1] + 1))
    all_orgs = spending.intensity(spend, people, years, buurten)
    comparison = spending.comparison_buurten(rates["area_code"], types_now, all_orgs)
    frame = pd.DataFrame({"area_code": buurten})
    frame["naam"] = frame["area_code"].map(areas.set_index("code")["name"])
    frame["buurttype"] = frame["area_code"].map(types_now).map(tables.TYPE_LABELS).fillna("")
    spent = set(rates["area_code"])
    frame["groep"] = np.where(frame["area_code"].isin(spent), GROUP_SPENT,
                              np.where(frame["area_code"].isin(comparison), GROUP_COMPARISON, ""))
    frame = frame.merge(rates[["area_code", "amount_eur", "rate"]], on="area_code", how="left")
    frame["rate_inhabitant"] = spending.intensity(own, people, years, buurten).to_numpy()

    change_years = None
    frame["difference"], frame["margin"] = np.nan, np.nan
    obs = scope.obs[scope.obs["indicator_id"] == indicator]
    measured = obs.loc[obs["value"].notna(), "period"].unique()
    if indicator in scope.catalogue.index and len(measured):
        start = spending_areas.from_period(measured, nulmeting, period[0])
        if start is not None and start < period[1]:
            moved = spending_areas.change_with_margin(obs, scope.catalogue, indicator, start,
                                                      period[1])
            frame = frame.drop(columns=["difference", "margin"]).merge(
                moved[["area_code", "difference", "margin"]], on="area_code", how="left")
            change_years = (start, period[1])
    need, need_indicator = need_values(scope, buurten, indicator)
    frame["need"] = frame["area_code"].map(need)
    # The organisation's own projects: its page and downloads show its own register, as the
    # projects table does (another organisation's project names stay on that one's page).
    mine = project_frame[project_frame["organisation"] == organisation] \
        if not project_frame.empty else project_frame
    projects = _project_texts(mine, period)
    frame["projecten"] = frame["area_code"].map(projects["projecten"]).fillna("")
    frame["n_projecten"] = frame["area_code"].map(projects["n_projecten"]).fillna(0).astype(int)
    source = ", ".join(tables.source_text(pd.Series(own["source"].unique()), scope.sources))
    return Picture(organisation=organisation, period=period,
                   basis=str(rates["basis"].iloc[0]), indicator=indicator,
                   change_years=change_years, need_indicator=need_indicator, areas=frame,
                   source=source, synthetic=bool(own["synthetic"].any()))


# --- Where the money went: the map -------------------------------------------------------------


def map_frame(pic: Picture, geo: pd.DataFrame, inside: pd.Series, t: Translate) -> pd.DataFrame:
    """The map's rows (maps.choropleth's columns): shown = the rate, NaN where nothing was spent;
    in_filter from the buurttype filter; tooltip texts with the projects of each buurt."""
    rows = geo.merge(pic.areas, on="area_code", how="left")
    rows = rows.join(maps.bounds(rows["geometry_display"]))
    unit = t(pic.unit)
    synthetic = f" ({t('synthetisch')})" if pic.synthetic else ""
    value = [t("geen uitgaven van deze organisatie in {periode}", periode=pic.period_text)
             if pd.isna(r) else f"{format_number(r, 2)} {unit} ({pic.period_text}){synthetic}"
             for r in rows["rate"]]
    types = [t(b) if b else t("geen buurttype") for b in rows["buurttype"].fillna("")]
    projects = [f"{ty}\n{t('Projecten')}: {p}" if p else ty
                for ty, p in zip(types, rows["projecten"].fillna(""), strict=True)]
    return rows.assign(
        shown=rows["rate"], naam=rows["naam"].fillna(rows["area_code"]),
        in_filter=rows["area_code"].map(inside).fillna(False).astype(bool),
        waarde_tekst=value,
        buurttype_tekst=projects, bron_tekst=pic.source)


def colours() -> list[str]:
    return maps.palette("neutraal", 6, None)


def spending_map(pic: Picture, rows: pd.DataFrame, t: Translate, *,
                 heads: list[str] | None = None) -> tuple[object, list[maps.LegendItem]]:
    """The deck of map_frame's `rows` (fixed classes of metrics.spending_areas.BREAKS,
    ColorBrewer Blues: spending is neither good nor bad) and its legend, with grey for outside
    the filter and white for no spending. `heads`: maps.feature_heads(rows), when made before."""
    breaks = spending_areas.BREAKS[pic.basis]
    deck = maps.choropleth(rows, breaks=breaks, colours=colours(), heads=heads,
                           note=t(CAVEAT))
    legend = maps.legend_items(breaks, colours(), lambda v: format_number(v, 1 if v % 1 else 0),
                               None, {k: t(v) for k, v in maps.LEGEND_WORDS.items()})
    legend += [maps.LegendItem("#ffffff", t("geen uitgaven van deze organisatie")),
               maps.LegendItem("#d7d7d7", t("buiten het buurttypefilter"))]
    return deck, legend


def map_table(pic: Picture) -> pd.DataFrame:
    """The map as a table (the buurten with spending), Dutch headers, unit and period named."""
    a = pic.areas[pic.areas["groep"] == GROUP_SPENT].sort_values("rate", ascending=False)
    return pd.DataFrame({
        "Buurt": a["naam"].to_numpy(),
        "Code": a["area_code"].to_numpy(),
        "Buurttype": a["buurttype"].to_numpy(),
        "Periode": pic.period_text,
        "Uitgaven in de periode (euro)": a["amount_eur"].to_numpy(),
        f"Uitgaven ({pic.unit})": a["rate"].round(2).to_numpy(),
        "Projecten": a["projecten"].to_numpy(),
        "Synthetisch": "ja" if pic.synthetic else "nee",
        "Bron": pic.source,
    })


# --- Spending against change --------------------------------------------------------------------


def change_frame(pic: Picture) -> pd.DataFrame:
    """The points: buurten with spending at their rate, comparison buurten at 0; only buurten
    with a change."""
    a = pic.areas[(pic.areas["groep"] != "") & pic.areas["difference"].notna()].copy()
    a["x"] = np.where(a["groep"] == GROUP_SPENT, a["rate"], 0.0)
    a["low"] = a["difference"] - a["margin"]
    a["high"] = a["difference"] + a["margin"]
    a["projecten_teken"] = np.where(a["n_projecten"] > 0, a["n_projecten"].astype(str) + " p", "")
    return a.reset_index(drop=True)


def _colour_by_type(t: Translate) -> dict:
    """The buurttype colours of both scatter charts (tables.TYPE_LABELS' order)."""
    return {"field": "buurttype", "type": "nominal", "title": t("Buurttype"),
            "scale": {"domain": [t(v) for v in tables.TYPE_LABELS.values()],
                      "range": TYPE_COLOURS},
            "legend": {"labelLimit": 320}}


def _tip(field: str, title: str, kind: str = "nominal", **more: object) -> dict:
    return {"field": field, "type": kind, "title": title, **more}


def _spec(datasets: dict, **parts: object) -> charts.Spec:
    """A Vega-Lite spec as a plain dict (charts.Spec: no Altair objects to build, copy and
    validate on a page's first opening), with the Dutch config of charts.dutch."""
    return charts.Spec({"$schema": charts.SCHEMA, "config": charts.CONFIG, **parts,
                        "datasets": datasets})


def _named(datasets: dict, frame: pd.DataFrame) -> dict:
    name, rows = charts._dataset(frame)
    datasets[name] = rows
    return {"name": name}


def change_chart(pic: Picture, catalogue: pd.DataFrame, t: Translate) -> charts.Spec:
    """Spending (x) against the change since the base year (y): a point per buurt coloured by
    buurttype, comparison buurten as open points at x = 0, error bars for the margin, the number
    of projects beside a point; a click selects a buurt (selection 'buurt', field area_code, on
    the points' layer)."""
    ind = catalogue.loc[pic.indicator]
    a, b = pic.change_years or (0, 0)
    frame = change_frame(pic)
    frame = frame.assign(
        buurttype=frame["buurttype"].map(lambda v: t(v) if v else t("geen buurttype")),
        groep=frame["groep"].map(t),
        uitgaven=[format_number(v, 2) for v in frame["x"]],
        verandering=[format_change(v, int(ind["decimals"]), str(ind["unit"]))
                     for v in frame["difference"]],
        marge=[format_number(v, int(ind["decimals"]) + 1) if pd.notna(v) else t("onbekend")
               for v in frame["margin"]],
        projecten=frame["projecten"].replace("", "–"),
    )[["area_code", "naam", "buurttype", "groep", "x", "difference", "low", "high",
       "uitgaven", "verandering", "marge", "projecten", "projecten_teken"]]
    colour = _colour_by_type(t)
    # A little room left of 0, so the comparison buurten stand clear of the axis (no tick
    # below 0: spending is never negative).
    top = float(frame["x"].max()) or 1.0
    x = {"field": "x", "type": "quantitative",
         "title": t("Uitgaven ({eenheid}), {periode}", eenheid=t(pic.unit),
                    periode=pic.period_text),
         "scale": {"domain": [-top * 0.03, top * 1.03], "nice": False}}
    y = {"field": "difference", "type": "quantitative",
         "title": t("Verandering {van}–{tot} ({eenheid})", van=a, tot=b,
                    eenheid=t(str(ind["unit"])))}
    datasets: dict = {}
    zero = _named(datasets, pd.DataFrame({"y": [0.0]}))
    points = _named(datasets, frame)
    layers = [
        {"data": zero, "mark": {"type": "rule", "color": "#888", "strokeDash": [3, 3]},
         "encoding": {"y": {"field": "y", "type": "quantitative"}}},
        {"data": points, "mark": {"type": "rule", "opacity": 0.5},
         "encoding": {"x": x, "y": {"field": "low", "type": "quantitative"},
                      "y2": {"field": "high"}, "color": colour}},
        {"data": points, "name": "uitgaven_punten",
         "mark": {"type": "point", "filled": True, "size": 70},
         "encoding": {
             "x": x, "y": y, "color": colour,
             "shape": {"field": "groep", "type": "nominal", "title": t("Groep"),
                       "legend": {"labelLimit": 320},
                       "scale": {"domain": [t(GROUP_SPENT), t(GROUP_COMPARISON)],
                                 "range": ["circle", "diamond"]}},
             "opacity": {"condition": {"param": "buurt", "value": 0.95}, "value": 0.35},
             "tooltip": [_tip("naam", t("Buurt")), _tip("buurttype", t("Buurttype")),
                         _tip("groep", t("Groep")), _tip("uitgaven", t(pic.unit)),
                         _tip("verandering", t("Verandering")),
                         _tip("marge", t("Marge (95%)")), _tip("projecten", t("Projecten"))]}},
        {"data": points, "mark": {"type": "text", "align": "left", "color": "#444", "dx": 7,
                                  "dy": -7, "fontSize": 10},
         "encoding": {"x": x, "y": y, "text": {"field": "projecten_teken", "type": "nominal"}}},
    ]
    return _spec(datasets, layer=layers, height=360, title=str(ind["name"]),
                 params=[{"name": "buurt",
                          "select": {"type": "point", "fields": ["area_code"], "on": "click"},
                          "views": ["uitgaven_punten"]}])


def change_table(pic: Picture, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The points of the chart as a table (Dutch headers, each buurt once), with a link to its
    profile."""
    ind = catalogue.loc[pic.indicator]
    a, b = pic.change_years or (0, 0)
    f = change_frame(pic).sort_values(["groep", "x"], ascending=[False, False])
    return pd.DataFrame({
        "Buurt": f["naam"].to_numpy(),
        "Code": f["area_code"].to_numpy(),
        "Buurttype": f["buurttype"].to_numpy(),
        "Groep": f["groep"].to_numpy(),
        f"Uitgaven ({pic.unit}), {pic.period_text}": f["x"].round(2).to_numpy(),
        "Indicator": ind["name"],
        "Eenheid": ind["unit"],
        "Periode van de verandering": f"{a}–{b}",
        "Verandering": f["difference"].round(int(ind["decimals"]) + 1).to_numpy(),
        "Marge (95%)": f["margin"].round(int(ind["decimals"]) + 1).to_numpy(),
        "Projecten": f["projecten"].to_numpy(),
        "Profiel": ("buurtprofiel?buurt=" + f["area_code"]).to_numpy(),
        "Synthetisch": "ja" if pic.synthetic else "nee",
    })


# --- Spending against need ----------------------------------------------------------------------


def need_chart(pic: Picture, t: Translate) -> charts.Spec:
    """Need score (x, 0-100) against the organisation's euro per inhabitant per year (y), every
    buurt with a score; the high-need band shaded."""
    f = pic.areas[pic.areas["need"].notna()].assign(
        buurttype=lambda d: d["buurttype"].map(lambda v: t(v) if v else t("geen buurttype")),
        uitgaven=lambda d: [format_number(v, 2) for v in d["rate_inhabitant"]],
        behoefte=lambda d: [format_number(v, 0) for v in d["need"]],
        projecten=lambda d: d["projecten"].replace("", "–"),
    )[["area_code", "naam", "buurttype", "need", "rate_inhabitant", "uitgaven", "behoefte",
       "projecten"]]
    datasets: dict = {}
    band = _named(datasets, pd.DataFrame({"a": [spending_areas.HIGH_NEED], "b": [100.0]}))
    layers = [
        {"data": band, "mark": {"type": "rect", "color": "#f3e6d6", "opacity": 0.6},
         "encoding": {"x": {"field": "a", "type": "quantitative"}, "x2": {"field": "b"}}},
        {"data": _named(datasets, f), "mark": {"type": "circle", "opacity": 0.85, "size": 60},
         "encoding": {
             "x": {"field": "need", "type": "quantitative",
                   "title": t("Behoefte (0-100, hoger is meer behoefte)"),
                   "scale": {"domain": [0, 100]}},
             "y": {"field": "rate_inhabitant", "type": "quantitative",
                   "title": t("Uitgaven (euro per inwoner per jaar), {periode}",
                              periode=pic.period_text)},
             "color": _colour_by_type(t),
             "tooltip": [_tip("naam", t("Buurt")), _tip("buurttype", t("Buurttype")),
                         _tip("behoefte", t("Behoefte")),
                         _tip("uitgaven", t("euro per inwoner per jaar")),
                         _tip("projecten", t("Projecten"))]}},
    ]
    return _spec(datasets, layer=layers, height=320)


# --- The page's two other charts: spending per year and category, the projects' timeline -------


def category_chart(cats: pd.DataFrame, t: Translate) -> charts.Spec:
    """Bars per year stacked by category (cats: jaar, categorie, bedrag in euro)."""
    datasets: dict = {}
    return _spec(datasets, data=_named(datasets, cats), mark={"type": "bar"}, encoding={
        "x": {"field": "jaar", "type": "ordinal", "title": t("Jaar")},
        "y": {"field": "bedrag", "type": "quantitative", "title": t("Uitgaven (euro)"),
              "axis": {"format": ",.0f"}},
        "color": {"field": "categorie", "type": "nominal", "title": t("Categorie"),
                  "scale": {"scheme": "tableau10"}},
        "tooltip": [_tip("jaar", t("Jaar"), "ordinal"), _tip("categorie", t("Categorie")),
                    _tip("bedrag", t("Euro"), "quantitative", format=",.0f")],
    }, height=280)


def timeline_chart(rows: pd.DataFrame, themes: dict[str, str], t: Translate,
                   today: pd.Timestamp) -> charts.Spec:
    """A bar per project from start to end (a project without an end runs to `today`), coloured
    by theme (`themes`: key -> name on the page). rows: corporations.project_rows."""
    frame = rows.assign(Eind=rows["Eind"].fillna(today),
                        Thema=rows["Thema"].map(lambda k: themes.get(k, k)))
    # Dates as local date-times without a zone, as Vega-Lite reads them for a temporal field.
    frame = frame.assign(**{c: frame[c].dt.strftime("%Y-%m-%dT%H:%M:%S") for c in
                            ("Start", "Eind")})
    datasets: dict = {}
    date = {"type": "temporal", "format": "%-d %B %Y"}
    return _spec(datasets, data=_named(datasets, frame), mark={"type": "bar", "height": 12},
                 encoding={
        "x": {"field": "Start", "type": "temporal", "title": t("Looptijd"),
              "axis": {"format": "%Y"}},
        "x2": {"field": "Eind"},
        "y": {"field": "Project", "type": "nominal", "title": None, "sort": {"field": "Start"},
              "axis": {"labelLimit": 320, "labelOverlap": False}},
        "color": {"field": "Thema", "type": "nominal", "title": t("Thema"),
                  "scale": {"scheme": "tableau10"}},
        "tooltip": [{"field": "Project", "type": "nominal"},
                    {"field": "Gebieden", "type": "nominal"},
                    {"field": "Thema", "type": "nominal"},
                    {"field": "Start", **date}, {"field": "Eind", **date},
                    {"field": "Output", "type": "nominal"}],
    }, height=max(160, 26 * rows["Project"].nunique()))


def need_table(pic: Picture, need_name: str) -> pd.DataFrame:
    """Buurten with high need and little spending (metrics.spending_areas.high_need_low_spending,
    below metrics.spending's threshold per inhabitant per year), highest need first."""
    found = spending_areas.high_need_low_spending(
        pic.areas.dropna(subset=["need"]).assign(rate=pic.areas["rate_inhabitant"]),
        spending.LOW_SPENDING_PER_INHABITANT)
    return pd.DataFrame({
        "Buurt": found["naam"].to_numpy(),
        "Code": found["area_code"].to_numpy(),
        "Buurttype": found["buurttype"].to_numpy(),
        "Behoefte (0-100)": found["need"].round(1).to_numpy(),
        "Behoefte gemeten met": need_name,
        f"Uitgaven (euro per inwoner per jaar), {pic.period_text}":
            found["rate"].fillna(0).round(2).to_numpy(),
        "Projecten": found["projecten"].to_numpy(),
        "Synthetisch": "ja" if pic.synthetic else "nee",
    })


# --- The briefing: the map and the scatter as static SVG ----------------------------------------


def _svg_text(x: float, y: float, text: str, anchor: str = "middle", size: int = 8) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'font-family="DejaVu Sans, sans-serif" fill="#333">{html.escape(text)}</text>')


def scatter_svg(pic: Picture, t: Translate, width: int = 340, height: int = 250) -> str:
    """Spending against change as a static SVG: purple points (buurten with spending), grey
    diamonds at 0 (comparison buurten), margins as thin lines, a dashed line at no change."""
    f = change_frame(pic)
    if f.empty:
        return ""
    left, right, top, bottom = 40, 10, 10, 34
    ys = pd.concat([f["difference"], f["low"].dropna(), f["high"].dropna(), pd.Series([0.0])])
    y0, y1 = float(ys.min()), float(ys.max())
    y0, y1 = (y0 - 1, y1 + 1) if y0 == y1 else (y0 - (y1 - y0) * 0.05, y1 + (y1 - y0) * 0.05)
    x1 = float(f["x"].max()) * 1.05 or 1.0
    x0 = -x1 * 0.04

    def sx(v: float) -> float:
        return left + (v - x0) / (x1 - x0) * (width - left - right)

    def sy(v: float) -> float:
        return top + (y1 - v) / (y1 - y0) * (height - top - bottom)

    parts = [f'<line x1="{left}" y1="{sy(0):.1f}" x2="{width - right}" y2="{sy(0):.1f}" '
             'stroke="#888" stroke-dasharray="3,3" stroke-width="0.6"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#555" '
             'stroke-width="0.6"/>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" '
             f'y2="{height - bottom}" stroke="#555" stroke-width="0.6"/>']
    for v in (y0, 0.0, y1):
        parts.append(_svg_text(left - 3, sy(v) + 3, format_number(v, 1), "end", 7))
    for v in (0.0, x1 / 2, x1):
        parts.append(_svg_text(sx(v), height - bottom + 10, format_number(v, 0), "middle", 7))
    parts.append(_svg_text((left + width - right) / 2, height - 6,
                           t("Uitgaven ({eenheid}), {periode}", eenheid=t(pic.unit),
                             periode=pic.period_text), "middle", 7))
    for _, r in f.iterrows():
        x, y = sx(r["x"]), sy(r["difference"])
        spent = r["groep"] == GROUP_SPENT
        colour = "#542788" if spent else "#8c8c8c"
        if pd.notna(r["margin"]):
            parts.append(f'<line x1="{x:.1f}" y1="{sy(r["low"]):.1f}" x2="{x:.1f}" '
                         f'y2="{sy(r["high"]):.1f}" stroke="{colour}" stroke-opacity="0.35" '
                         'stroke-width="0.8"/>')
        if spent:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{colour}" '
                         'fill-opacity="0.85"/>')
        else:
            parts.append(f'<path d="M{x:.1f},{y - 3:.1f} L{x + 3:.1f},{y:.1f} L{x:.1f},'
                         f'{y + 3:.1f} L{x - 3:.1f},{y:.1f} Z" fill="{colour}" '
                         'fill-opacity="0.7"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg>')


def briefing_section(pic: Picture, geo: pd.DataFrame, catalogue: pd.DataFrame,
                     t: Translate) -> dict:
    """What the briefing shows of one organisation: the map's features with a fill per buurt
    (the fixed classes), its legend, the buurten to zoom to, the scatter as SVG, and the
    captions with the caveat. Empty when there are no boundaries."""
    if geo.empty:
        return {}
    rates = pic.areas.set_index("area_code")["rate"]
    breaks = spending_areas.BREAKS[pic.basis]
    fills = []
    for code in geo["area_code"]:
        value = rates.get(code)
        fills.append("#ffffff" if value is None or pd.isna(value) else
                     colours()[min(maps.class_index(float(value), breaks), 5)])
    features = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(shape),
         "properties": {"area_code": code, "fill": fill}}
        for code, shape, fill in zip(geo["area_code"], geo["geometry_display"], fills,
                                     strict=True)]}
    legend = [(i.colour, i.label) for i in maps.legend_items(
        breaks, colours(), lambda v: format_number(v, 1 if v % 1 else 0), None,
        {k: t(v) for k, v in maps.LEGEND_WORDS.items()})]
    legend.append(("#ffffff", t("geen uitgaven van deze organisatie")))
    spent = pic.areas.loc[pic.areas["groep"] == GROUP_SPENT, "area_code"].tolist()
    unit = t(pic.unit)
    out = {
        "title": t("Uitgaven van {organisatie}", organisatie=pic.organisation)
        + (f" ({t('synthetisch')})" if pic.synthetic else ""),
        "features": features,
        "focus": spent,
        "legend": legend,
        "map_caption": t("Leefbaarheidsuitgaven van {organisatie} per buurt, {periode}, in "
                         "{eenheid}.", organisatie=pic.organisation, periode=pic.period_text,
                         eenheid=unit) + " " + t(BASIS_NOTE[pic.basis])
                       + f" {t('Bron')}: {pic.source}.",
        "chart": "",
        "chart_caption": "",
        "caveat": t(CAVEAT) + " " + t("Buurten met en zonder uitgaven kunnen ook op andere "
                                      "punten verschillen, en andere organisaties en "
                                      "ontwikkelingen spelen mee."),
        "synthetic": pic.synthetic,
    }
    if pic.change_years is not None and pic.indicator in catalogue.index:
        a, b = pic.change_years
        out["chart"] = scatter_svg(pic, t)
        out["chart_caption"] = t(
            "Paars: de buurten met uitgaven van {organisatie}; grijs op 0: vergelijkbare "
            "buurten (hetzelfde buurttype) met (bijna) geen uitgaven. Omhoog: de verandering "
            "van {indicator} ({eenheid}) van {van} tot {tot}; lijnen: de marge (95%).",
            organisatie=pic.organisation, indicator=catalogue.loc[pic.indicator, "name"],
            eenheid=catalogue.loc[pic.indicator, "unit"], van=a, tot=b)
    return out
