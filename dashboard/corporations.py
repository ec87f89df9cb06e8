"""Pure glue for spending, projects and goals: the frames the pages, downloads and briefing show.

No streamlit; the computations are metrics.spending, metrics.goals and metrics.projects. Every
frame has Dutch column names, the unit in the name or a column, the year, the source and a
synthetic marker, so a download stands on its own.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import i18n, profiles, tables
from metrics import goals, projects, spending
from metrics.formatting import format_change, format_date, format_number

GOAL_STATUS_TEXT = {
    goals.REACHED: "behaald",
    goals.ON_TRACK: "op koers",
    goals.BEHIND: "achter",
    goals.NO_DATA: "geen gegevens",
}
COMPARISON_NOTE = (
    "Dit is een vergelijking, geen bewijs van effect: buurten met en zonder uitgaven kunnen ook op "
    "andere punten verschillen, en andere organisaties en ontwikkelingen spelen mee."
)


def _yes(flag: object) -> str:
    return "ja" if bool(flag) else "nee"


def _names(scope: tables.Scope) -> pd.Series:
    return scope.areas.set_index("code")["name"]


def inhabitants(scope: tables.Scope) -> pd.DataFrame:
    obs = scope.obs
    return obs[obs["indicator_id"] == "inwoners"][["area_code", "period", "value"]]


# --- Goals -------------------------------------------------------------------------------------


def goal_rows(scope: tables.Scope, goal_frame: pd.DataFrame,
              codes: list[str] | None = None) -> pd.DataFrame:
    """Goals (of `codes`, or all) with their status, as a Dutch table; empty when none."""
    g = goal_frame if codes is None else goal_frame[goal_frame["area_code"].isin(codes)]
    g = g[g["indicator_id"].isin(scope.catalogue.index)]
    if g.empty:
        return pd.DataFrame()
    obs = profiles.area_obs(scope, sorted(set(g["area_code"])))
    status = goals.goal_status(g.reset_index(drop=True), obs)
    cat = scope.catalogue
    names = _names(scope)
    table = pd.DataFrame({
        "Gebied": status["area_code"].map(names).fillna(status["area_code"]),
        "Code": status["area_code"],
        "Indicator": status["indicator_id"].map(cat["name"]),
        "Eenheid": status["indicator_id"].map(cat["unit"]),
        "Nulmeting (jaar)": status["nulmeting_period"].astype(int),
        "Nulmeting": status["nulmeting_value"],
        "Doel": status["target_value"],
        "Streefjaar": status["target_period"].astype(int),
        "Laatst gemeten (jaar)": status["latest_period"],
        "Laatste waarde": status["latest_value"],
        "Gerealiseerd (% van de beoogde verandering)": (status["progress"] * 100).round(0),
        "Status": status["status"].map(GOAL_STATUS_TEXT),
        "Organisatie": status["organisation"],
        "Synthetisch": status["synthetic"].map(_yes),
        "Bron": tables.source_text(status["source"], scope.sources),
    })
    # What a reader looks for first: which goal, and how it stands.
    first = ["Gebied", "Indicator", "Status", "Laatste waarde", "Laatst gemeten (jaar)", "Doel",
             "Streefjaar", "Nulmeting", "Nulmeting (jaar)"]
    return table[first + [c for c in table.columns if c not in first]]


def goal_sentence(row: pd.Series, catalogue: pd.DataFrame) -> str:
    """'Presikhaaf III, Tevreden met de woonomgeving: van 68,4% (2018) naar 73,9% in 2026; nu
    70,1% (2024): op koers.'"""
    ind = catalogue[catalogue["name"] == row["Indicator"]].iloc[0]
    d, unit = int(ind["decimals"]), str(ind["unit"])
    now = ("nog niet gemeten" if pd.isna(row["Laatste waarde"]) else
           f"nu {format_number(row['Laatste waarde'], d, unit)} ({int(row['Laatst gemeten (jaar)'])})")
    return (f"{row['Gebied']}, {row['Indicator']}: van {format_number(row['Nulmeting'], d, unit)} "
            f"({row['Nulmeting (jaar)']}) naar {format_number(row['Doel'], d, unit)} in "
            f"{row['Streefjaar']}; {now}: {row['Status']}.")


# --- Projects ----------------------------------------------------------------------------------


def project_rows(scope: tables.Scope, project_frame: pd.DataFrame,
                 codes: list[str] | None = None) -> pd.DataFrame:
    """Projects (touching `codes`, or all) as a Dutch table, newest first."""
    p = project_frame
    if codes is not None:
        wanted = set(codes)
        p = p[p["area_codes"].map(lambda v: bool(wanted & set(str(v).split())))]
    if p.empty:
        return pd.DataFrame()
    names = _names(scope)
    return pd.DataFrame({
        "Project": p["name"],
        "Organisatie": p["organisation"],
        "Gebieden": p["area_codes"].map(
            lambda v: ", ".join(str(names.get(c, c)) for c in str(v).split())),
        "Start": pd.to_datetime(p["start_date"]),
        "Eind": pd.to_datetime(p["end_date"]),
        "Budget (euro)": p["budget_eur"],
        "Thema": p["theme"],
        "Output": p["output"],
        "Synthetisch": p["synthetic"].map(_yes),
        "Bron": tables.source_text(p["source"], scope.sources),
    }).sort_values("Start", ascending=False).reset_index(drop=True)


def project_sentence(row: pd.Series) -> str:
    end = "loopt door" if pd.isna(row["Eind"]) else f"tot {format_date(row['Eind'])}"
    return (f"{row['Project']} ({row['Organisatie']}; {row['Gebieden']}): "
            f"vanaf {format_date(row['Start'])}, {end}.")


def overlap_rows(scope: tables.Scope, project_frame: pd.DataFrame) -> pd.DataFrame:
    """Buurten where many projects of several organisations ran at once (flagged only)."""
    found = projects.overlaps(project_frame)
    found = found[found["flagged"]] if not found.empty else found
    if found.empty:
        return pd.DataFrame()
    names = _names(scope)
    return pd.DataFrame({
        "Buurt": found["area_code"].map(names).fillna(found["area_code"]),
        "Tegelijk lopende projecten": found["most_at_once"],
        "Organisaties": found["organisations"],
        "Vanaf": pd.to_datetime(found["since"]),
    })


def project_bands(project_frame: pd.DataFrame, codes: list[str], taal: str = "nl"
                  ) -> pd.DataFrame:
    """Projects in `codes` as bands for a trend chart: project, organisatie, van and tot (dates;
    a project without an end runs to today), a tooltip text (its dates in `taal`) and project_id
    (to find the signals that started it)."""
    p = project_rows_raw(project_frame, codes)
    if p.empty:
        return pd.DataFrame(columns=["project", "organisatie", "van", "tot", "tekst", "project_id"])
    start = pd.to_datetime(p["start_date"])
    end = pd.to_datetime(p["end_date"])
    ongoing = i18n.translate("loopt nog", taal)
    return pd.DataFrame({
        "project": p["name"].to_numpy(),
        "organisatie": p["organisation"].to_numpy(),
        "van": start.to_numpy(),
        "tot": end.fillna(pd.Timestamp(dt.date.today())).to_numpy(),
        "tekst": [f"{n} ({o}): {format_date(s.date(), taal)} – "
                  f"{ongoing if pd.isna(e) else format_date(e.date(), taal)}"
                  for n, o, s, e in zip(p["name"], p["organisation"], start, end, strict=True)],
        "project_id": p["project_id"].to_numpy(),
    })


def project_rows_raw(project_frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    wanted = set(codes)
    return project_frame[project_frame["area_codes"].map(
        lambda v: bool(wanted & set(str(v).split())))]


# --- Spending ----------------------------------------------------------------------------------


def organisation_years(scope: tables.Scope, spend: pd.DataFrame, organisation: str,
                       per_area: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per year: amount, buurten, euro per dwelling and per inhabitant for one organisation.
    `per_area`: metrics.spending.per_area of its rows, when the caller has it already."""
    own = spend[spend["organisation"] == organisation]
    out = spending.per_year(own, inhabitants(scope), per_area)
    if out.empty:
        return pd.DataFrame()
    return pd.DataFrame({
        "Jaar": out["year"].astype(int),
        "Uitgaven (euro)": out["amount_eur"],
        "Buurten": out["areas"],
        "Woningen van de organisatie": out["dwellings"].where(out["dwellings"] > 0),
        "Euro per woning": out["per_dwelling"].round(2),
        "Euro per inwoner": out["per_inhabitant"].round(2),
        "Synthetisch": _yes(own["synthetic"].any()),
        "Bron": ", ".join(tables.source_text(pd.Series(own["source"].unique()), scope.sources)),
    })


def organisation_areas(scope: tables.Scope, spend: pd.DataFrame, organisation: str,
                       per_area: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per buurt over all years: total, years with spending, and the latest year's per-dwelling
    and per-inhabitant amounts. `per_area` as in organisation_years."""
    own = spend[spend["organisation"] == organisation]
    areas = spending.per_area(own, inhabitants(scope)) if per_area is None else per_area
    if areas.empty:
        return pd.DataFrame()
    names = _names(scope)
    latest = areas.sort_values("year").groupby("area_code").tail(1).set_index("area_code")
    total = areas.groupby("area_code").agg(total=("amount_eur", "sum"),
                                           first=("year", "min"), last=("year", "max"))
    return pd.DataFrame({
        "Buurt": total.index.map(names),
        "Code": total.index,
        "Totaal (euro)": total["total"].to_numpy(),
        "Eerste jaar": total["first"].astype(int).to_numpy(),
        "Laatste jaar": total["last"].astype(int).to_numpy(),
        "Euro per woning (laatste jaar)": latest["per_dwelling"].reindex(total.index).round(2)
        .to_numpy(),
        "Euro per inwoner (laatste jaar)": latest["per_inhabitant"].reindex(total.index).round(2)
        .to_numpy(),
        "Synthetisch": _yes(own["synthetic"].any()),
    }).sort_values("Totaal (euro)", ascending=False).reset_index(drop=True)


def by_category(spend: pd.DataFrame, organisation: str) -> pd.DataFrame:
    own = spend[spend["organisation"] == organisation]
    return own.groupby(["year", "category"], as_index=False)["amount_eur"].sum().rename(
        columns={"year": "jaar", "category": "categorie", "amount_eur": "bedrag"})


def development(scope: tables.Scope, spend: pd.DataFrame, organisation: str,
                types_now: pd.Series) -> tuple[pd.DataFrame, dict]:
    """The organisation's buurten next to comparable buurten with little or no spending.

    Group: buurten where the organisation spent in any year. Comparison: buurten of the same
    buurttype(s) where all organisations together spent under
    metrics.spending.LOW_SPENDING_PER_INHABITANT euro per inhabitant per year. Per outcome
    headline indicator: the change from the first year of spending (or the first measurement
    after it) to the latest measurement, averaged per group (the rule:
    metrics.spending.development); here only the words.
    """
    own = spend[spend["organisation"] == organisation]
    if own.empty:
        return pd.DataFrame(), {}
    cat = scope.catalogue
    group = sorted(set(own["area_code"]))
    years = sorted(set(own["year"].astype(int)))
    buurten = scope.areas.loc[scope.areas["level"] == "buurt", "code"]
    rate = spending.intensity(spend, inhabitants(scope), years, buurten)
    comparison = spending.comparison_buurten(group, types_now, rate)
    headline = [i for i in cat.index[cat["headline"].astype(bool)]
                if cat.loc[i, "result"] == "outcome"]
    found = spending.development(scope.obs[scope.obs["indicator_id"].isin(headline)], cat,
                                 group, comparison, years[0]).set_index("indicator_id")
    rows = []
    for ind in [i for i in headline if i in found.index]:
        r, row = found.loc[ind], cat.loc[ind]
        d, unit = int(row["decimals"]), str(row["unit"])
        verdict = "–" if pd.isna(r["group_better"]) else (
            "gunstiger in de buurten met uitgaven" if r["group_better"]
            else "gunstiger in de vergelijkingsbuurten")
        rows.append({
            "Indicator": row["name"],
            "Eenheid": unit,
            "Periode": f"{int(r['from_period'])}–{int(r['to_period'])}",
            "Verandering, buurten met uitgaven": format_change(r["group_change"], d, unit),
            "Aantal buurten met uitgaven": int(r["group_n"]),
            "Verandering, vergelijkbare buurten": format_change(r["comparison_change"], d, unit),
            "Aantal vergelijkbare buurten": int(r["comparison_n"]),
            "Verschil": format_change(r["gap"], d, unit),
            "Lezing": verdict,
            "Synthetisch": _yes(bool(r["synthetic"])),
        })
    info = {"group": group, "comparison": comparison, "years": (years[0], years[-1]),
            "threshold": spending.LOW_SPENDING_PER_INHABITANT}
    return pd.DataFrame(rows), info


# --- The page's frames, computed once per organisation and view (issue 25) -----------------------


def page_frames(scope: tables.Scope, spend: pd.DataFrame, project_frame: pd.DataFrame,
                organisation: str, types_now: pd.Series) -> dict:
    """Everything the Corporaties page shows of one organisation: its years, categories, buurten
    and development (when it has spending this user may see), its projects and the overlaps.
    Computed once, so a filter change only redraws; the page holds no computation."""
    own = spend[spend["organisation"] == organisation]
    # Per buurt and year once, for the years and the buurten alike.
    own_areas = spending.per_area(own, inhabitants(scope)) if not own.empty else None
    years = (organisation_years(scope, spend, organisation, own_areas) if not own.empty
             else pd.DataFrame())
    out: dict = {"years": years, "synthetic": bool(own["synthetic"].any()),
                 "confidential": bool(own["confidential"].any())}
    if not years.empty:
        cats = by_category(spend, organisation)
        wide = cats.pivot_table(index="jaar", columns="categorie", values="bedrag",
                                aggfunc="sum", fill_value=0).reset_index()
        wide.columns.name = None
        last = years.iloc[-1]
        out.update(
            cats=cats,
            per_category=wide.rename(columns={"jaar": "Jaar"}).assign(
                Eenheid="euro", Synthetisch=_yes(out["synthetic"]), Bron=last["Bron"]),
            areas=organisation_areas(scope, spend, organisation, own_areas),
            development=development(scope, spend, organisation, types_now),
        )
    out["projects"] = project_rows(scope, project_frame[project_frame["organisation"]
                                                        == organisation])
    out["overlap"] = overlap_rows(scope, project_frame)
    return out
