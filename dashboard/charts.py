"""Pure chart specs: tidy frames in, Altair charts (or Vega-Lite specs as plain dicts) out.

Numbers and dates are formatted in Dutch through a Vega locale in every chart's config. Series are
told apart by colour and by dash and point shape, never by colour alone; colours are the
colour-blind-safe Tableau 10 scheme. No streamlit. Altair is imported only by the charts that use
it: the bars and the comparison are written as Vega-Lite directly (see Spec).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

import pandas as pd

from dashboard import i18n

if TYPE_CHECKING:
    import altair as alt

DUTCH_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
DUTCH_TIME = {
    "dateTime": "%A %e %B %Y %X",
    "date": "%d-%m-%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ],  # fmt: skip
    "shortMonths": [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],  # fmt: skip
}
# Series kinds in a fixed order, so legends and dashes are the same on every page.
KIND_ORDER = ["gebied", "gemeente", "buurttype"]
KIND_DASH = {"gebied": [1, 0], "gemeente": [6, 3], "buurttype": [2, 2]}


def dutch(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the Dutch number and time locale and readable defaults."""
    if isinstance(chart, Spec):
        return chart  # written with its config (CONFIG)
    return chart.configure(
        locale={"number": DUTCH_NUMBERS, "time": DUTCH_TIME},
        font="sans-serif",
    ).configure_axis(labelFontSize=12, titleFontSize=12)


# What dutch() configures, for the specs written as dicts.
CONFIG = {
    "view": {"continuousWidth": 300, "continuousHeight": 300},
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
    "font": "sans-serif",
    "locale": {"number": DUTCH_NUMBERS, "time": DUTCH_TIME},
}
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


class Spec(dict):
    """A Vega-Lite specification written as a plain dict, with `to_dict()` like an Altair chart.

    For charts whose Altair objects cost more than they give: the comparison's layers were
    deep-copied several times while building and validated against the schema when drawn
    (seconds for one theme of a comparison). The data is in `datasets`, as Altair puts it.
    """

    def to_dict(self) -> dict:
        return json.loads(json.dumps(self))


def _dataset(frame: pd.DataFrame) -> tuple[str, list[dict]]:
    """A frame as Vega-Lite rows (missing values as null) and a name for it by its content."""
    rows = json.loads(frame.to_json(orient="records", date_format="iso", double_precision=15))
    return "data-" + hashlib.md5(json.dumps(rows, sort_keys=True).encode()).hexdigest(), rows


def _field_type(values: pd.Series) -> str:
    return "quantitative" if pd.api.types.is_numeric_dtype(values) and not \
        pd.api.types.is_bool_dtype(values) else "nominal"


def number_format(decimals: int) -> str:
    return f",.{max(decimals, 0)}f"


def trend_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    y_title: str,
    decimals: int,
    nulmeting: int | None = None,
    height: int = 340,
    projects: pd.DataFrame | None = None,
    taal: str = "nl",
) -> Spec:
    """Lines over the years.

    frame columns: reeks (series label, unique per series: an area's label carries its level),
    soort (gebied/gemeente/buurttype), period (int), shown (float), ci_low, ci_high (float or
    NaN), tooltip text columns waarde_tekst and bron_tekst. The x-axis spans the years with a
    value, no more. A band shows the 95% margin where known; a vertical rule marks the
    nulmeting. projects (project, organisatie, van, tot as dates, tekst) are thin light rules at
    their start with a marker on top that names them on hover, so they never hide the lines;
    projects that ended before the first year or start after the last are left out.
    """
    def t(text: str) -> str:
        return i18n.translate(text, taal)

    kinds = [t(k) for k in KIND_ORDER]
    # Years sit on 1 January so that points line up with the year ticks.
    data = frame.assign(jaar=pd.to_datetime(frame["period"].astype(str) + "-01-01"),
                        soort=frame["soort"].map(lambda k: t(str(k))))
    measured = data.loc[data["shown"].notna(), "period"] if "shown" in data else data["period"]
    years = measured if len(measured) else data["period"]
    first_year, last_year = (int(years.min()), int(years.max())) if len(years) else (None, None)
    span = ({"scale": {"domain": [{"year": first_year, "month": 1, "date": 1},
                                  {"year": last_year, "month": 1, "date": 1}]}}
            if first_year is not None else {})
    series = list(dict.fromkeys(data.sort_values("soort", key=lambda v: _kind_key(v, kinds))
                                ["reeks"]))
    # One legend for lines and margin bands, drawn as solid strokes (not the bands' pale fill).
    colour = {"field": "reeks", "type": "nominal", "title": t("Reeks"), "sort": series,
              "scale": {"scheme": "tableau10"},
              "legend": {"symbolType": "stroke", "symbolOpacity": 1, "symbolStrokeWidth": 3,
                         "labelLimit": 260}}
    x = {"field": "jaar", "type": "temporal", "title": t("Jaar"), **span,
         "axis": {"format": "%Y", "tickCount": "year"}}
    y = {"field": "shown", "type": "quantitative", "title": y_title, "scale": {"zero": False},
         "axis": {"format": number_format(decimals)}}
    datasets = {}

    def named(rows: pd.DataFrame) -> dict:
        name, records = _dataset(rows)
        datasets[name] = records
        return {"name": name}

    source = named(data)
    band = {"data": source,
            "transform": [{"filter": "isValid(datum.ci_low) && isValid(datum.ci_high)"}],
            "mark": {"type": "area", "opacity": 0.15},
            "encoding": {"x": x, "y": {"field": "ci_low", "type": "quantitative"},
                         "y2": {"field": "ci_high"}, "color": colour}}
    lines = {"data": source, "mark": {"type": "line", "point": True, "strokeWidth": 2.2},
             "encoding": {
                 "x": x, "y": y, "color": colour,
                 "strokeDash": {"field": "soort", "type": "nominal", "title": t("Soort"),
                                "scale": {"domain": kinds,
                                          "range": [KIND_DASH[k] for k in KIND_ORDER]}},
                 "shape": {"field": "soort", "type": "nominal", "title": t("Soort"),
                           "scale": {"domain": kinds}},
                 "tooltip": [
                     {"field": "reeks", "type": "nominal", "title": t("Reeks")},
                     {"field": "period", "type": "ordinal", "title": t("Jaar")},
                     {"field": "waarde_tekst", "type": "nominal", "title": t("Waarde")},
                     {"field": "bron_tekst", "type": "nominal", "title": t("Bron")},
                 ]}}
    layers = [band, lines]
    if projects is not None and not projects.empty and first_year is not None:
        first = pd.Timestamp(f"{first_year}-01-01")
        last = pd.Timestamp(f"{last_year}-01-01")
        starts = projects.assign(van=pd.to_datetime(projects["van"]),
                                 tot=pd.to_datetime(projects["tot"]))
        starts = starts[(starts["tot"] >= first) & (starts["van"] <= last)]
        # A project that began before the first year is marked at the start of the axis.
        starts = starts.assign(van=starts["van"].clip(first, last))
        if not starts.empty:
            tip = [{"field": "tekst", "type": "nominal", "title": t("Project")}]
            at = {"field": "van", "type": "temporal", **span}
            own = named(starts)
            layers.insert(0, {"data": own, "mark": {
                "type": "rule", "color": "#9a9a9a", "strokeWidth": 1, "strokeDash": [2, 3],
                "opacity": 0.7}, "encoding": {"x": at, "tooltip": tip}})
            layers.append({"data": own, "mark": {
                "type": "point", "shape": "triangle-down", "filled": True, "size": 70,
                "color": "#6f6f6f", "yOffset": 4},
                "encoding": {"x": at, "y": {"value": 0}, "tooltip": tip}})
    if nulmeting is not None:
        rule = named(pd.DataFrame({"jaar": [pd.Timestamp(f"{nulmeting}-01-01")],
                                   "tekst": [t("nulmeting")]}))
        year = {"field": "jaar", "type": "temporal"}
        layers.append({"data": rule, "mark": {"type": "rule", "color": "#555",
                                              "strokeDash": [4, 4]}, "encoding": {"x": year}})
        layers.append({"data": rule, "mark": {"type": "text", "align": "left", "dx": 4, "dy": 10,
                                              "color": "#333", "baseline": "top"},
                       "encoding": {"x": year, "y": {"value": 0},
                                    "text": {"field": "tekst", "type": "nominal"}}})
    return Spec({"$schema": SCHEMA, "config": CONFIG, "layer": layers, "title": title,
                 "height": height, "width": "container", "datasets": datasets})


def _kind_key(values: pd.Series, kinds: list[str] = KIND_ORDER) -> pd.Series:
    return values.map({k: i for i, k in enumerate(kinds)}).fillna(len(kinds))


def bar_chart(
    frame: pd.DataFrame,
    *,
    category: str,
    value: str,
    title: str,
    x_title: str,
    decimals: int,
    colour_field: str | None = None,
    height: int | None = None,
) -> Spec:
    """Horizontal bars (one per category), e.g. headline values against a reference."""
    name, rows = _dataset(frame)
    encoding = {
        "y": {"field": category, "type": "nominal", "title": None, "sort": "-x",
              "axis": {"labelLimit": 240}},
        "x": {"field": value, "type": "quantitative", "title": x_title,
              "axis": {"format": number_format(decimals)}},
        "tooltip": [{"field": c, "type": _field_type(frame[c])} for c in frame.columns
                    if c.endswith("_tekst") or c == category],
    }
    if colour_field:
        encoding["color"] = {"field": colour_field, "type": "nominal",
                             "scale": {"scheme": "tableau10"}}
    return Spec({
        "$schema": SCHEMA, "config": CONFIG, "data": {"name": name}, "mark": {"type": "bar"},
        "encoding": encoding, "title": title, "width": "container",
        "height": height or max(160, 34 * len(frame)), "datasets": {name: rows},
    })


def area_labels(frame: pd.DataFrame, taal: str = "nl") -> dict[str, str]:
    """A label per area code: its name, with its level for a wijk, and the code when names still
    repeat (a wijk and a buurt often share a name; they must never become one bar or line)."""
    first = frame.drop_duplicates("Code")
    wijk = i18n.translate("wijk", taal)
    names = {c: f"{n} ({wijk})" if str(lvl) == "wijk" else str(n)
             for c, n, lvl in zip(first["Code"], first["Gebied"], first["Niveau"], strict=True)}
    counts = pd.Series(list(names.values())).value_counts()
    return {c: f"{n} ({c})" if counts[n] > 1 else n for c, n in names.items()}


def comparison_chart(frame: pd.DataFrame, *, title: str, height_per_row: int = 24,
                     taal: str = "nl", panel_width: int = 290) -> Spec:
    """Areas side by side: one small bar chart per indicator, each on its own scale, two a row.

    frame columns: Code, Gebied, Niveau, Indicator, Eenheid, Jaar, Waarde (float or NaN),
    Weergave (text) and `gemeente_waarde` (the gemeente's figure, drawn as a dashed rule). Areas
    keep one colour and one order in every panel and are labelled with their level, so a wijk
    and a buurt of the same name stay apart; the value is written just past the end of each bar
    (the scale leaves room for it), so colour is never the only carrier of the area or the
    number. Each panel's title names the indicator, its unit and year on two lines (never cut);
    ticks take their decimals from the tick step, so no two ticks read the same.
    """
    labels = area_labels(frame, taal)
    data = frame.assign(Gebied=frame["Code"].map(labels))
    areas = list(dict.fromkeys(data["Gebied"]))
    panels, datasets = [], {}
    for indicator, part in data.groupby("Indicator", sort=False):
        unit, year = str(part["Eenheid"].iloc[0]), part["Jaar"].iloc[0]
        values = pd.concat([part["Waarde"], part["gemeente_waarde"]]).astype(float).dropna()
        low, high = (min(0.0, values.min()), max(0.0, values.max())) if len(values) else (0, 1)
        # Room for the value written past the longest bar, on the side(s) where bars point.
        room = (high - low) * 0.22 or 1.0
        bars_down = bool((part["Waarde"].astype(float) < 0).any())
        bars_up = bool((part["Waarde"].astype(float) > 0).any())
        scale = {"domain": [float(low - (room if bars_down else 0)),
                            float(high + (room if bars_up else 0))], "nice": False, "zero": True}
        y = {"field": "Gebied", "type": "nominal", "title": None, "sort": areas,
             "axis": {"labelLimit": 150}}
        x = {"field": "Waarde", "type": "quantitative", "title": None, "scale": scale,
             "axis": {"tickCount": 4}}
        bars = {"mark": {"type": "bar"}, "encoding": {
            "y": y, "x": x,
            "color": {"field": "Gebied", "type": "nominal", "sort": areas,
                      "scale": {"scheme": "tableau10"}, "legend": None},
            "tooltip": [
                {"field": "Gebied", "type": "nominal", "title": i18n.translate("Gebied", taal)},
                {"field": "Weergave", "type": "nominal", "title": i18n.translate("Waarde", taal)},
                {"field": "Jaar", "type": "ordinal", "title": i18n.translate("Jaar", taal)}]}}
        texts = []
        # A white halo under each value keeps it readable where the gemeente's rule crosses it.
        for halo in ({"stroke": "white", "strokeWidth": 3, "strokeJoin": "round"}, {}):
            for test, align, dx in (("datum.Waarde >= 0", "left", 4),
                                    ("datum.Waarde < 0", "right", -4)):
                texts.append({
                    "transform": [{"filter": test}],
                    "mark": {"type": "text", "align": align, "dx": dx, "fontSize": 11, **halo},
                    "encoding": {"y": y, "x": x,
                                 "text": {"field": "Weergave", "type": "nominal"}}})
        reference = {"mark": {"type": "rule", "color": "#333", "strokeDash": [4, 3]},
                     "encoding": {"x": {"field": "gemeente_waarde", "type": "quantitative",
                                        "scale": scale}}}
        name, rows = _dataset(part)
        datasets[name] = rows
        panels.append({
            "layer": [bars, reference, *texts],  # labels over the rule
            "data": {"name": name},
            "width": panel_width, "height": height_per_row * len(areas),
            "title": {"text": [str(indicator),
                               f"({i18n.translate_number_text(unit, taal)}, {year})"],
                      "fontSize": 12, "fontWeight": "normal", "anchor": "start"},
        })
    return Spec({"$schema": SCHEMA, "config": CONFIG, "concat": panels, "columns": 2,
                 "spacing": 24, "title": title, "datasets": datasets})
