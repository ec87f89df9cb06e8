"""Pure chart specs: tidy frames in, Altair charts out. No streamlit.

Numbers and dates are formatted in Dutch through a Vega locale in every chart's config. Series are
told apart by colour and by dash and point shape, never by colour alone; colours are the
colour-blind-safe Tableau 10 scheme.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

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
    return chart.configure(
        locale={"number": DUTCH_NUMBERS, "time": DUTCH_TIME},
        font="sans-serif",
    ).configure_axis(labelFontSize=12, titleFontSize=12)


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
) -> alt.TopLevelMixin:
    """Lines over the years.

    frame columns: reeks (series label), soort (gebied/gemeente/buurttype), period (int), shown
    (float), ci_low, ci_high (float or NaN), tooltip text columns waarde_tekst and bron_tekst.
    A band shows the 95% margin where known; a vertical rule marks the nulmeting. projects
    (project, organisatie, van, tot as dates, tekst) become grey bands over their running time,
    each with a marker line at its start, cut to the years on the chart (to the end of
    the last one).
    """
    # Years sit on 1 January so that points line up with the year ticks.
    data = frame.assign(jaar=pd.to_datetime(frame["period"].astype(str) + "-01-01"))
    series = list(dict.fromkeys(data.sort_values("soort", key=_kind_key)["reeks"]))
    # One legend for lines and margin bands, drawn as solid strokes (not the bands' pale fill).
    colour = alt.Color("reeks:N", title="Reeks", sort=series, scale=alt.Scale(scheme="tableau10"),
                       legend=alt.Legend(symbolType="stroke", symbolOpacity=1,
                                         symbolStrokeWidth=3, labelLimit=220))
    x = alt.X("jaar:T", title="Jaar", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y(
        "shown:Q",
        title=y_title,
        scale=alt.Scale(zero=False),
        axis=alt.Axis(format=number_format(decimals)),
    )
    base = alt.Chart(data)
    band = (
        base.transform_filter("isValid(datum.ci_low) && isValid(datum.ci_high)")
        .mark_area(opacity=0.15)
        .encode(x=x, y="ci_low:Q", y2="ci_high:Q", color=colour)
    )
    lines = base.mark_line(point=True, strokeWidth=2.2).encode(
        x=x,
        y=y,
        color=colour,
        strokeDash=alt.StrokeDash(
            "soort:N",
            title="Soort",
            scale=alt.Scale(domain=KIND_ORDER, range=[KIND_DASH[k] for k in KIND_ORDER]),
        ),
        shape=alt.Shape("soort:N", title="Soort", scale=alt.Scale(domain=KIND_ORDER)),
        tooltip=[
            alt.Tooltip("reeks:N", title="Reeks"),
            alt.Tooltip("period:O", title="Jaar"),
            alt.Tooltip("waarde_tekst:N", title="Waarde"),
            alt.Tooltip("bron_tekst:N", title="Bron"),
        ],
    )
    layers = [band, lines]
    if projects is not None and not projects.empty:
        # Up to the end of the last measured year: a project started in it still shows.
        first, last = data["jaar"].min(), data["jaar"].max() + pd.DateOffset(years=1)
        bands = projects.assign(
            van=pd.to_datetime(projects["van"]).clip(first, last),
            tot=pd.to_datetime(projects["tot"]).clip(first, last),
        )
        bands = bands[bands["van"] < bands["tot"]]
        tip = [alt.Tooltip("tekst:N", title="Project")]
        layers.insert(0, alt.Chart(bands).mark_rect(color="#8c8c8c", opacity=0.12).encode(
            x="van:T", x2="tot:T", tooltip=tip))
        layers.insert(1, alt.Chart(bands).mark_rule(color="#6f6f6f", strokeWidth=1.5).encode(
            x="van:T", tooltip=tip))
    if nulmeting is not None:
        rule = pd.DataFrame({"jaar": [pd.Timestamp(f"{nulmeting}-01-01")], "tekst": ["nulmeting"]})
        layers.append(
            alt.Chart(rule).mark_rule(color="#555", strokeDash=[4, 4]).encode(x="jaar:T")
        )
        layers.append(
            alt.Chart(rule)
            .mark_text(align="left", dx=4, dy=-6, color="#333", baseline="top")
            .encode(x="jaar:T", y=alt.value(0), text="tekst:N")
        )
    chart = alt.layer(*layers).properties(title=title, height=height, width="container")
    return dutch(chart)


def _kind_key(values: pd.Series) -> pd.Series:
    return values.map({k: i for i, k in enumerate(KIND_ORDER)}).fillna(len(KIND_ORDER))


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
) -> alt.TopLevelMixin:
    """Horizontal bars (one per category), e.g. headline values against a reference."""
    encoding = {
        "y": alt.Y(f"{category}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=240)),
        "x": alt.X(f"{value}:Q", title=x_title, axis=alt.Axis(format=number_format(decimals))),
        "tooltip": [c for c in frame.columns if c.endswith("_tekst") or c == category],
    }
    if colour_field:
        encoding["color"] = alt.Color(f"{colour_field}:N", scale=alt.Scale(scheme="tableau10"))
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(**encoding)
        .properties(title=title, width="container", height=height or max(160, 34 * len(frame)))
    )
    return dutch(chart)


def comparison_chart(frame: pd.DataFrame, *, title: str, height_per_row: int = 22) -> alt.TopLevelMixin:
    """Areas side by side: one small bar chart per indicator, each on its own scale.

    frame columns: Indicator, Eenheid, Gebied, Waarde (float or NaN), Weergave (text), Jaar,
    and `gemeente_waarde` (the gemeente's figure, drawn as a dashed rule). Areas keep one colour
    and one order in every panel, and the value is written next to each bar, so colour is never
    the only carrier of the area or the number.
    """
    data = frame.assign(paneel=frame["Indicator"] + " (" + frame["Eenheid"] + ", "
                        + frame["Jaar"].astype(str) + ")")
    areas = list(dict.fromkeys(data["Gebied"]))
    y = alt.Y("Gebied:N", title=None, sort=areas, axis=alt.Axis(labelLimit=180))
    x = alt.X("Waarde:Q", title=None, axis=alt.Axis(format="~r", tickCount=4))
    bars = alt.Chart().mark_bar().encode(
        y=y, x=x,
        color=alt.Color("Gebied:N", sort=areas, scale=alt.Scale(scheme="tableau10"), legend=None),
        tooltip=[alt.Tooltip("Gebied:N"), alt.Tooltip("Weergave:N", title="Waarde"),
                 alt.Tooltip("Jaar:O")],
    )
    labels = alt.Chart().mark_text(align="left", dx=3, fontSize=11).encode(
        y=y, x=x, text="Weergave:N"
    )
    reference = alt.Chart().mark_rule(color="#333", strokeDash=[4, 3]).encode(
        x="gemeente_waarde:Q"
    )
    chart = (
        alt.layer(bars, labels, reference, data=data)
        .properties(width=260, height=height_per_row * len(areas))
        .facet(facet=alt.Facet("paneel:N", title=None, header=alt.Header(labelFontSize=12,
               labelLimit=320)), columns=2)
        .resolve_scale(x="independent")
        .properties(title=title)
    )
    return dutch(chart)
