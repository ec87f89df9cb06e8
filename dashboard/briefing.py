"""The wethouder briefing: one or two A4 pages about a gemeente, a wijk, a buurttype or a buurt.

Pure: `build` turns a Scope (one gemeente's data) and a Brief into a Briefing (plain sentences
in the brief's language, numbers already written in Dutch notation), opening with a
kernboodschap; `to_pdf` typesets it offline with Typst, the map drawn as SVG.
`generate_pdf(db_path, brief)` does both from a database file, for the command line and the
benchmark. No streamlit here; the page shows the same Briefing.

Text from data (area names, indicator names) reaches Typst as JSON data, never as markup, so a
name cannot change the document.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import html
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import corporations, i18n, maps, tables
from metrics import aggregate, change, early_warning, references, summary
from metrics import selection as selection_rules
from metrics import signals as signal_counts
from metrics.formatting import format_change, format_date, format_number

BUURTTYPES = ("achterstand", "midden", "voorstand")
TYPE_PLURAL = tables.TYPE_PLURAL
THEME_LABELS = {k: v for k, v in tables.THEME_LABELS.items() if k != "context"}  # 4 themes
TEMPLATE = Path(__file__).with_name("briefing.typ")
MAX_WARNINGS = 6
MAX_PROJECTS = 4  # the briefing stays within two pages; the monitor lists them all
MAX_MOVERS = 3
# Verdicts in plain words: whether a change is real is said, how it was tested goes to the note.
VERDICT_WORD = {
    change.IMPROVED: "verbeterd",
    change.WORSENED: "verslechterd",
    change.NO_CHANGE: "geen aantoonbare verandering",
    change.CHANGED: "veranderd",
    change.UNKNOWN: "verandering onbekend",
}
# The method in plain words, once, at the end (the table and sentences carry only the verdict).
METHOD_NOTE = (
    "Verbeterd of verslechterd staat er alleen als een verandering groter is dan toeval kan "
    "verklaren: we kijken daarvoor naar het aantal ondervraagden of inwoners achter een cijfer of "
    "naar de foutmarge van de enquête (minder dan 5% kans dat het toeval is). Waar die niet bekend "
    "zijn, heet een verandering van minstens 5% 'indicatief'. Een verandering zegt niets over de "
    "oorzaak."
)
# Phrases from shared sentences (early warnings) that name the test rather than the finding.
_PLAIN = (
    ("; dat is een statistisch betekenisvolle verslechtering", ", duidelijk meer dan toeval"),
    ("; dat is een statistisch betekenisvolle verbetering", ", duidelijk meer dan toeval"),
    ("statistisch betekenisvolle ", "aantoonbare "),
    ("statistisch betekenisvol", "aantoonbaar"),
    (" (twee-proportietoets)", ""), (" (poissontoets op aantallen)", ""),
    (" (z-toets op marges)", ""), (" (indicatief (geen marges))", " (indicatief)"),
)


@dataclass(frozen=True)
class Brief:
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
    taal: str = "nl"
    organisatie: str = ""  # issue 25: a corporation's briefing adds its spending pictures


@dataclass(frozen=True)
class Figure:
    """One headline indicator of the selection."""

    theme: str
    indicator_id: str
    name: str
    period: int
    value: str  # '84,1%' (Dutch, with unit)
    reference: str  # 'gemeente 83,0%' (or the nulmeting for the whole gemeente)
    change: str  # '+1,2 procentpunt sinds 2014: verbeterd'
    verdict: str  # change verdict (metrics.change) or ''
    trend: tuple[tuple[int, float], ...]  # the selection's values per year
    trend_gemeente: tuple[tuple[int, float], ...]
    synthetic: bool
    indicative: bool = False
    value_number: float | None = None
    gemeente_number: float | None = None
    first: tuple[int, float] | None = None  # the nulmeting (first usable year) and its value


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
    key_messages: tuple[str, ...] = ()  # the kernboodschap: three to five plain sentences
    context: tuple[str, ...] = ()  # a buurt's type (rule, year) and socio-economic context
    map_labels: dict = field(repr=False, default_factory=dict)  # code -> name or key number
    map_key: tuple[tuple[str, str], ...] = ()  # (number, name) when the map is numbered
    # Signals of residents and professionals per theme, as counts only (never their texts); empty
    # when the user sees no signals.
    signal_lines: tuple[str, ...] = ()
    signal_note: str = ""
    reference_label: str = "Referentie"
    texts: dict = field(default_factory=dict)  # the fixed texts of the page in its language
    taal: str = "nl"
    # An organisation's spending map and spending-against-change picture
    # (spending_views.briefing_section); empty unless the selection names an organisation whose
    # spending this user may see.
    spending: dict = field(repr=False, default_factory=dict)

    def to_json(self) -> dict:
        out = dataclasses.asdict(self)
        for key in ("map_features", "map_focus", "map_labels"):
            out.pop(key)
        out["spending"] = {k: v for k, v in self.spending.items()
                           if k not in ("features", "focus", "chart")}
        return out


def _tr(taal: str):
    """The translator for one briefing's language (dashboard.i18n; Dutch without an entry)."""
    def t(text: str, **values: object) -> str:
        return i18n.translate(text, taal, **values)
    return t


def plain(text: str) -> str:
    """A shared sentence with the name of a statistical test replaced by what it found."""
    for jargon, words in _PLAIN:
        text = text.replace(jargon, words)
    return text


def whole_gemeente(brief: Brief) -> bool:
    """A briefing of the gemeente with every buurttype: the gemeente is no reference for itself."""
    return not brief.area and set(brief.buurttype) == set(BUURTTYPES)


# --- What the briefing is about -------------------------------------------------------------


def members(scope: tables.Scope, brief: Brief) -> list[str]:
    """The buurten the briefing is about (codes), in the order of the areas frame."""
    areas = scope.areas
    buurten = areas[areas["level"] == "buurt"]
    if brief.area:
        level = areas.set_index("code")["level"].get(brief.area)
        if level == "buurt":
            return [brief.area]
        if level == "wijk":
            buurten = buurten[buurten["parent_code"] == brief.area]
    inside = tables.in_filter(scope, "buurt", brief.buurttype)
    return [c for c in buurten["code"] if bool(inside.get(c, False))]


def _names(scope: tables.Scope) -> pd.Series:
    return scope.areas.set_index("code")["name"]


def _title(scope: tables.Scope, brief: Brief) -> tuple[str, str, str]:
    t = _tr(brief.taal)
    names = _names(scope)
    gemeente = str(names.get(brief.gemeente, brief.gemeente))
    levels = scope.areas.set_index("code")["level"]
    all_types = set(brief.buurttype) == set(BUURTTYPES)
    types = ", ".join(t(TYPE_PLURAL[kind]) for kind in brief.buurttype)
    if brief.area and levels.get(brief.area) == "buurt":
        parent = scope.areas.set_index("code")["parent_code"].get(brief.area)
        wijk = names.get(parent, "")
        return (
            t("Buurt {naam}", naam=names[brief.area]),
            (t("Wijk {wijk}, gemeente {gemeente}", wijk=wijk, gemeente=gemeente) if wijk
             else t("Gemeente {naam}", naam=gemeente)),
            t("Eén buurt; het buurttypefilter geldt hier niet."),
        )
    if brief.area and levels.get(brief.area) == "wijk":
        title = t("Wijk {naam}", naam=names[brief.area])
        return (
            title if all_types else f"{title}: {types}",
            t("Gemeente {naam}", naam=gemeente),
            t("Alle buurten van de wijk.") if all_types
            else t("Buurten van de wijk: {typen}.", typen=types),
        )
    title = t("Gemeente {naam}", naam=gemeente)
    return (
        title if all_types else f"{gemeente}: {types}",
        t("Alle buurten") if all_types else t("Gemeente {naam}", naam=gemeente),
        t("Alle buurten van de gemeente.") if all_types else t("Alleen de {typen}.", typen=types),
    )


# --- Figures -----------------------------------------------------------------------------------


def _series(frame: pd.DataFrame) -> tuple[tuple[int, float], ...]:
    clean = frame.dropna(subset=["value"]).sort_values("period")
    return tuple((int(p), float(v)) for p, v in zip(clean["period"], clean["value"], strict=True))


def reference_text(value: float, gemeente: float | None, nulmeting: float, nulmeting_year: int,
                   reference: str, row: pd.Series, taal: str = "nl") -> str:
    """The reference column under the sidebar's switch, as the overview shows it for a selection.

    'waarde' and the references that place one area among others (peers, z-score, percentile;
    they have no single number for a selection) show the gemeente's figure; 'verschil_gemeente'
    the difference from it; 'index_nulmeting' the index with the nulmeting at 100.
    """
    t = _tr(taal)
    shown, kind = selection_rules.headline_value(value, gemeente, nulmeting, reference)

    def number(figure: float, how: str) -> str:  # its unit words in the briefing's language
        return i18n.translate_number_text(references.format_shown(figure, how, row), taal)

    if gemeente is None and kind != "index_nulmeting":
        return t("gemeente: geen cijfer")
    if kind == "verschil_gemeente":
        return t("{verschil} t.o.v. de gemeente ({waarde})",
                  verschil=number(shown, kind), waarde=number(gemeente, "waarde"))
    if kind == "index_nulmeting":
        return t("index {index} ({jaar} = 100)", index=number(shown, kind), jaar=nulmeting_year)
    return t("gemeente {waarde}", waarde=number(gemeente, "waarde"))


def nulmeting_text(value: float, year: int, row: pd.Series, taal: str = "nl") -> str:
    """The reference of a whole-gemeente briefing: its own nulmeting, '3,98 (2014)'."""
    return f"{i18n.translate_number_text(references.format_shown(value, 'waarde', row), taal)} ({year})"


def figures(scope: tables.Scope, brief: Brief, codes: list[str]) -> list[Figure]:
    """Per theme the headline indicators: the selection's value, its reference, change, trend.

    The reference is the gemeente in the same year (or as the reference switch says), except for
    the whole gemeente: it is compared with its own nulmeting, never with itself.
    """
    t = _tr(brief.taal)
    cat = scope.catalogue
    headline = [i for i in cat.index[cat["headline"].astype(bool)]
                if cat.loc[i, "theme"] in THEME_LABELS]
    obs = scope.obs
    weights = aggregate.population_weights(obs)
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
        first = mine[mine["period"] == change.nulmeting_period(mine["period"], brief.nulmeting)
                     ].iloc[0]
        g = gem[gem["indicator_id"] == ind]
        g_now = g.loc[g["period"] == period, "value"]
        gem_value = float(g_now.iloc[0]) if len(g_now) and pd.notna(g_now.iloc[0]) else None
        if whole_gemeente(brief):
            reference = nulmeting_text(float(first["value"]), int(first["period"]), row, brief.taal)
        else:
            reference = reference_text(float(last["value"]), gem_value, float(first["value"]),
                                       int(first["period"]), brief.referentie, row, brief.taal)
        verdict, change_text, indicative = "", t("één meting; nog geen verandering"), False
        if int(first["period"]) != period:
            pair = mine.assign(area_code="selectie")[
                ["area_code", "indicator_id", "period", "value", "n", "ci_low", "ci_high",
                 "suppressed"]
            ]
            moved = change.change_between(pair, cat, int(first["period"]), period)
            verdict = str(moved["verdict"].iloc[0]) if not moved.empty else change.UNKNOWN
            indicative = bool(moved["indicatief"].iloc[0]) if not moved.empty else False
            shown_as = t(VERDICT_WORD.get(verdict, verdict))
            if indicative and verdict in (change.IMPROVED, change.WORSENED, change.CHANGED):
                shown_as += " (" + t("indicatief") + ")"
            change_text = t(
                "{verschil} sinds {jaar}: {oordeel}",
                verschil=format_change(last["value"] - first["value"], int(row["decimals"]),
                                       row["unit"]).replace(" procentpunt", t(" procentpunt")),
                jaar=int(first["period"]), oordeel=shown_as,
            )
        out.append(Figure(
            theme=str(row["theme"]),
            indicator_id=ind,
            name=str(row["name"]),
            period=period,
            value=i18n.translate_number_text(
                references.format_shown(float(last["value"]), "waarde", row), brief.taal)
            + (" (synth.)" if bool(last["synthetic"]) else ""),
            reference=reference,
            change=change_text,
            verdict=verdict,
            trend=_series(mine),
            # The whole gemeente's own line is the selection's: drawn once, not twice.
            trend_gemeente=() if whole_gemeente(brief) else _series(g),
            synthetic=bool(last["synthetic"]),
            indicative=indicative,
            value_number=float(last["value"]),
            gemeente_number=gem_value,
            first=(int(first["period"]), float(first["value"])),
        ))
    return out


def _outcomes(cat: pd.DataFrame) -> list[str]:
    return [i for i in cat.index
            if cat.loc[i, "result"] == "outcome" and cat.loc[i, "theme"] in THEME_LABELS
            and cat.loc[i, "direction"] in ("hoger_beter", "lager_beter")]


def movers(scope: tables.Scope, brief: Brief,
           codes: list[str]) -> tuple[list[str], list[str], list[str], pd.DataFrame]:
    """The three largest real improvements and declines in the selection, as sentences, the
    buurten they name (for the map's key) and the changes themselves (metrics.change columns
    plus size).

    Over every buurt of the selection and every outcome indicator: the change since the
    nulmeting (metrics.change.change_since), made comparable between indicators as a
    standardised change (metrics.summary.standardised_changes); only changes judged
    'verbeterd' or 'verslechterd' are listed, tested ones before indicative ones
    (metrics.summary.notable_changes).
    """
    t = _tr(brief.taal)
    cat = scope.catalogue
    obs = scope.obs
    names = _names(scope)
    outcomes = _outcomes(cat)
    mine = obs[obs["indicator_id"].isin(outcomes) & obs["area_code"].isin(codes)
               & obs["value"].notna() & ~obs["suppressed"].astype(bool)]
    if mine.empty:
        return [], [], [], pd.DataFrame()
    moved = change.change_since(mine, cat, brief.nulmeting)
    moved = moved[moved["verdict"].isin([change.IMPROVED, change.WORSENED])]
    frame = summary.standardised_changes(moved, obs, cat)
    if frame.empty:
        return [], [], [], pd.DataFrame()
    flagged = mine[mine["synthetic"].astype(bool)]
    synthetic = set(zip(flagged["area_code"], flagged["indicator_id"], flagged["period"],
                        strict=True))

    def sentence(r: pd.Series) -> str:
        row = cat.loc[r["indicator_id"]]
        d = int(row["decimals"])
        unit = str(row["unit"])
        where = f"{names.get(r['area_code'], r['area_code'])}: " if len(codes) > 1 else ""
        def number(value: float) -> str:  # its unit words in the briefing's language
            return i18n.translate_number_text(format_number(value, d, unit), brief.taal)

        # A generated value is marked where it is read, as in the table above.
        generated = (r["area_code"], r["indicator_id"], r["to_period"]) in synthetic
        return t("{waar}{naam} van {van} ({jaar_van}) naar {naar} ({jaar_naar}){indicatief}.",
                  waar=where, naam=row["name"], van=number(r["value_from"]),
                  jaar_van=int(r["from_period"]),
                  naar=number(r["value_to"]) + (" (synth.)" if generated else ""),
                  jaar_naar=int(r["to_period"]),
                  indicatief=" (" + t("indicatief") + ")" if bool(r["indicatief"]) else "")

    chosen = summary.notable_changes(frame, MAX_MOVERS)
    best = chosen[chosen["verdict"] == change.IMPROVED]
    worst = chosen[chosen["verdict"] == change.WORSENED]
    return ([sentence(r) for _, r in best.iterrows()],
            [sentence(r) for _, r in worst.iterrows()],
            list(dict.fromkeys(chosen["area_code"])) if len(codes) > 1 else [],
            chosen)


def warning_frame(scope: tables.Scope, codes: list[str]) -> pd.DataFrame:
    """Early warnings of getting worse (severity hoog and middel) in the latest year."""
    cat = scope.catalogue
    obs = scope.obs[scope.obs["area_code"].isin(codes)
                    & scope.obs["indicator_id"].isin(_outcomes(cat))]
    if obs.empty:
        return pd.DataFrame(columns=early_warning.COLUMNS)
    found = early_warning.early_warnings(obs, cat, int(obs["period"].max()))
    # Only declines are signals to act on here, should the warnings also list improvements.
    found = found[~found["reason"].astype(str).str.contains("verbeter")]
    return found[found["severity"] != "laag"].reset_index(drop=True)


def warnings(scope: tables.Scope, codes: list[str],
             found: pd.DataFrame | None = None, taal: str = "nl") -> tuple[list[str], int]:
    """Early warnings in the latest year as 'Buurt: reason' (the reason in plain words, in the
    briefing's language; the indicator's name is already in it, from the scope's catalogue)."""
    found = warning_frame(scope, codes) if found is None else found
    names = _names(scope)
    obs = scope.obs
    flagged = obs[obs["synthetic"].astype(bool)] if not obs.empty else obs
    synthetic = set(zip(flagged["area_code"], flagged["indicator_id"], flagged["period"],
                        strict=True))
    # A signal on a generated value says so, as every figure of the briefing does.
    lines = [f"{names.get(r.area_code, r.area_code)}: "
             f"{i18n.translate_signal(plain(str(r.reason)), taal)}"
             + (" (synth.)" if (r.area_code, r.indicator_id, r.period) in synthetic else "")
             for r in found.itertuples()]
    return lines[:MAX_WARNINGS], max(0, len(lines) - MAX_WARNINGS)


def notes(scope: tables.Scope, codes: list[str], year: int | None, taal: str = "nl") -> list[str]:
    """Plain notes on what the numbers rest on: synthetic, suppressed and uncertain values, and
    how a change is judged (the method, in plain words, once)."""
    t = _tr(taal)
    obs = scope.obs[scope.obs["area_code"].isin(codes)]
    if year is not None:
        obs = obs[obs["period"] == year]
    out: list[str] = []
    if obs["synthetic"].astype(bool).any():
        out.append(t("Deze briefing bevat synthetische demogegevens: gegenereerde waarden, geen "
                      "echte metingen. Gebruik ze niet voor besluiten."))
    hidden = int(obs["suppressed"].astype(bool).sum())
    if hidden:
        out.append(t("{n} cijfers in {jaar} zijn niet getoond omdat ze op te weinig inwoners of "
                      "respondenten rusten.", n=format_number(hidden, 0), jaar=year))
    with_margin = obs.dropna(subset=["ci_low", "ci_high", "value"])
    wide = with_margin[(with_margin["ci_high"] - with_margin["ci_low"])
                       > 0.5 * with_margin["value"].abs()]
    if len(wide):
        out.append(t("{n} enquêtecijfers hebben een brede marge: lees kleine verschillen daar "
                      "niet als echte verschillen.", n=format_number(len(wide), 0)))
    out.append(t(METHOD_NOTE))
    return out


def source_line(row: pd.Series, taal: str = "nl") -> str:
    """One source in one line: its name and licence; generated data said to be generated."""
    t = _tr(taal)
    if bool(row.get("synthetic", False)):
        return t("Gegenereerde demowaarden (geen echte metingen).")
    licence = str(row.get("licence") or "").strip()
    return f"{row['label']}" + (f"; {t('licentie')}: {licence}." if licence else ".")


def source_lines(scope: tables.Scope, codes: list[str], taal: str = "nl",
                 extra: tuple[str, ...] = ()) -> list[str]:
    """The sources of the figures about `codes` (and `extra` source keys, e.g. the map's), one
    line each, the same line only once."""
    used = {*scope.obs[scope.obs["area_code"].isin(codes)]["source"].dropna().unique(), *extra}
    src = scope.sources
    lines = [source_line(src.loc[key], taal) if key in src.index else str(key)
             for key in sorted(used)]
    return list(dict.fromkeys(sorted(lines, key=lambda line: (line.startswith(
        _tr(taal)("Gegenereerde demowaarden")), line))))


def _latest(scope: tables.Scope, code: str, indicator: str) -> pd.Series | None:
    obs = scope.obs
    rows = obs[(obs["area_code"] == code) & (obs["indicator_id"] == indicator)
               & obs["value"].notna() & ~obs["suppressed"].astype(bool)]
    return None if rows.empty else rows.sort_values("period").iloc[-1]


def _source_name(scope: tables.Scope, key: object, taal: str = "nl") -> str:
    src = scope.sources
    if key in getattr(src, "index", ()):
        row = src.loc[key]
        if bool(row.get("synthetic", False)):
            return _tr(taal)("gegenereerde demowaarden")
        return str(row["attribution"]).removeprefix("Bron: ")
    return str(key)


def buurt_context(scope: tables.Scope, code: str, taal: str = "nl") -> list[str]:
    """A buurt's context: its buurttype with the rule and year that made it, its inwoners and its
    income, each with year and source (as far as loaded)."""
    t = _tr(taal)
    out = []
    types = scope.types[scope.types["area_code"] == code] if not scope.types.empty else None
    if types is not None and not types.empty:
        now = types.sort_values("period").iloc[-1]
        label = t(tables.TYPE_LABELS.get(str(now["type"]), str(now["type"])))
        rule = i18n.translate_rule(str(now.get("rule_label", "") or "").strip(), taal)
        basis = now.get("basis_period", now["period"])
        source = _source_name(scope, now.get("source", ""), taal) if now.get("source") else ""
        out.append(t("Buurttype: {type}", type=label)
                   + (f" ({t('regel')}: {rule.rstrip('.')}; {t('gegevensjaar')} {int(basis)}"
                      + (f"; {source}" if source else "") + ")" if rule else "") + ".")
    cat = scope.catalogue
    parts = []
    for ind in ("inwoners", "inkomen_per_inwoner", "laag_inkomen"):
        if ind not in cat.index:
            continue
        last = _latest(scope, code, ind)
        if last is None:
            continue
        row = cat.loc[ind]
        name = str(row["name"]) if not parts else _lower_first(str(row["name"]))
        number = i18n.translate_number_text(
            format_number(last["value"], int(row["decimals"]), row["unit"]), taal)
        parts.append(f"{name}: {number}"
                     + (" (synth.)" if bool(last.get("synthetic", False)) else "")
                     + f" ({int(last['period'])}, {_source_name(scope, last['source'], taal)})")
    if parts:
        out.append("; ".join(parts) + ".")
    return out


def _lower_first(name: str) -> str:
    # 'Tevreden met…' reads as 'tevreden met…' inside a sentence; 'SES-WOA' stays as it is.
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _joined(items: list[str], taal: str) -> str:
    word = _tr(taal)("en")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def key_messages(figs: list[Figure], brief: Brief, scope: tables.Scope, subject: str,
                 found: pd.DataFrame, goal_status: list[str],
                 nulmeting: int | None, moved: pd.DataFrame | None = None) -> list[str]:
    """The kernboodschap: three to five plain sentences from the data.

    What improved and what declined since the nulmeting (the headline figures of the selection
    and, for one buurt, its largest changes on any outcome (`moved`, from movers); tested changes
    first; metrics.summary), how the selection stands against the gemeente (not
    for the whole gemeente: it is not compared with itself), where attention is needed (early
    warnings per buurt) and, when goals are set, how many are reached.
    """
    t = _tr(brief.taal)
    cat = scope.catalogue
    obs = scope.obs
    flagged = obs[obs["synthetic"].astype(bool)] if not obs.empty else obs
    synthetic = set(zip(flagged["area_code"], flagged["indicator_id"], flagged["period"],
                        strict=True))

    def number(value: float | None, d: int, unit: str) -> str:  # unit words in the language
        return i18n.translate_number_text(format_number(value, d, unit), brief.taal)

    def item(f: Figure) -> str:
        row = cat.loc[f.indicator_id]
        d, unit = int(row["decimals"]), str(row["unit"])
        start = f.first[1] if f.first else None
        # Each figure with its own first year: not every indicator starts in the nulmeting year.
        # A generated value is marked where it is read, as in the table below.
        return t("{naam}, van {van} ({jaar}) naar {naar}", naam=_lower_first(f.name),
                  van=number(start, d, unit), jaar=f.first[0] if f.first else "–",
                  naar=number(f.value_number, d, unit) + (" (synth.)" if f.synthetic else "")
                  ) + (" (" + t("indicatief") + ")" if f.indicative else "")

    def moved_item(r: pd.Series) -> str:
        row = cat.loc[r["indicator_id"]]
        d, unit = int(row["decimals"]), str(row["unit"])
        generated = (r.get("area_code"), r["indicator_id"], r["to_period"]) in synthetic
        return t("{naam}, van {van} ({jaar}) naar {naar}", naam=_lower_first(str(row["name"])),
                 van=number(r["value_from"], d, unit), jaar=int(r["from_period"]),
                 naar=number(r["value_to"], d, unit) + (" (synth.)" if generated else "")
                 ) + (" (" + t("indicatief") + ")" if bool(r["indicatief"]) else "")

    by_id = {f.indicator_id: f for f in figs}
    frame = pd.DataFrame({
        "indicator_id": [f.indicator_id for f in figs],
        "verdict": [f.verdict for f in figs],
        "indicatief": [f.indicative for f in figs],
        "size": [0.0 for _ in figs],
        "text": [item(f) for f in figs],
    })
    if moved is not None and not moved.empty:
        extra = moved[~moved["indicator_id"].isin(by_id)]
        frame = pd.concat([frame, pd.DataFrame({
            "indicator_id": extra["indicator_id"], "verdict": extra["verdict"],
            "indicatief": extra["indicatief"], "size": extra["size"].abs(),
            "text": [moved_item(r) for _, r in extra.iterrows()],
        })], ignore_index=True)
    # Declines rank by how large they are too: notable_changes puts the most negative first.
    frame.loc[frame["verdict"] == change.WORSENED, "size"] *= -1
    chosen = summary.notable_changes(frame, 3) if len(frame) else frame
    better = list(chosen.loc[chosen["verdict"] == change.IMPROVED, "text"])
    worse = list(chosen.loc[chosen["verdict"] == change.WORSENED, "text"])
    out = []
    since_text = t("sinds de nulmeting")  # the year stands with each figure
    if better:
        out.append(t("Verbeterd {sinds}: {lijst}.", sinds=since_text, lijst="; ".join(better)))
    else:
        out.append(t("Geen van de kerncijfers van {wie} is {sinds} aantoonbaar verbeterd.",
                      wie=subject, sinds=since_text))
    if worse:
        out.append(t("Verslechterd {sinds}: {lijst}.", sinds=since_text, lijst="; ".join(worse)))
    else:
        out.append(t("Geen van de kerncijfers is aantoonbaar verslechterd."))
    if not whole_gemeente(brief):
        gaps = [(f, summary.gap_verdict(f.value_number, f.gemeente_number,
                                        str(cat.loc[f.indicator_id, "direction"])))
                for f in figs]
        low = [_lower_first(f.name) for f, v in gaps if v == summary.UNFAVOURABLE]
        high = [_lower_first(f.name) for f, v in gaps if v == summary.FAVOURABLE]
        if low or high:
            parts = []
            if low:
                parts.append(t("ongunstiger: {lijst}", lijst=_joined(low[:3], brief.taal)))
            if high:
                parts.append(t("gunstiger: {lijst}", lijst=_joined(high[:3], brief.taal)))
            out.append(t("Vergeleken met de gemeente is {wie} {delen}.", wie=subject,
                          delen="; ".join(parts)))
        else:
            out.append(t("Op de kerncijfers wijkt {wie} niet duidelijk af van de gemeente.",
                          wie=subject))
    if not found.empty:
        names = _names(scope)
        counts = found["area_code"].map(names).fillna(found["area_code"]).value_counts()
        where = list(counts.index[:3])
        out.append(t("Aandacht nodig: {n} signalen van verslechtering in het laatste jaar, de "
                      "meeste in {waar}.", n=format_number(len(found), 0),
                      waar=_joined(where, brief.taal)) if len(counts) > 1 else
                   t("Aandacht nodig: {n} signalen van verslechtering in het laatste jaar.",
                      n=format_number(len(found), 0)) if len(found) > 1 else
                   t("Aandacht nodig: één signaal van verslechtering in het laatste jaar ({wat}).",
                      wat=_lower_first(str(cat.loc[found["indicator_id"].iloc[0], "name"]))
                      if found["indicator_id"].iloc[0] in cat.index else ""))
    else:
        out.append(t("Er zijn geen signalen van verslechtering in het laatste jaar."))
    if goal_status:
        counts = pd.Series(goal_status).value_counts()
        out.append(t("Van de {n} doelen zijn er {behaald} behaald, {koers} op koers en {achter} "
                      "achter.", n=len(goal_status), behaald=int(counts.get("behaald", 0)),
                      koers=int(counts.get("op koers", 0)), achter=int(counts.get("achter", 0))))
    return out[:5]


# --- Map ---------------------------------------------------------------------------------------


def map_layer(
    scope: tables.Scope, geo: pd.DataFrame, brief: Brief, codes: list[str]
) -> tuple[dict, list[tuple[str, str]], str]:
    """GeoJSON with a fill colour per buurt, the legend, and the caption (what the map shows)."""
    cat = scope.catalogue
    ind = brief.indicator if brief.indicator in cat.index else "lbm_score"
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
    t = _tr(brief.taal)
    legend = [(c, _legend_label(lab, t)) for c, lab in legend]
    legend += [("#d7d7d7", t("buiten de selectie")),
               ("#ffffff", t("geen gegevens of onderdrukt"))]
    caption = t("Kaart: {naam} ({eenheid}) per buurt, {jaar}. Gekleurd: de buurten van deze "
                 "briefing; grijs: de andere buurten van de gemeente.", naam=row["name"],
                 eenheid=row["unit"], jaar=year)
    return features, legend, caption


def _legend_label(label: str, t) -> str:
    # maps.legend_items words a class in Dutch: 'lager dan 3,8 (ongunstig)', '3,8 tot 3,9'.
    for word in ("(ongunstig)", "(gunstig)", "lager dan", " tot ", " of hoger"):
        label = label.replace(word, t(word))
    return label


def map_labels(scope: tables.Scope, brief: Brief, codes: list[str],
               named: list[str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """What the map is labelled with, so a reader can find the places the text names.

    A wijk or buurt briefing zooms in: every buurt carries its name. A gemeente map is too
    small for 80 names: the buurten the briefing names (signals, changes) get a number, and a
    key lists number and name.
    """
    names = _names(scope)
    if brief.area:
        buurten = scope.areas.loc[scope.areas["level"] == "buurt", "code"]
        return {c: str(names.get(c, c)) for c in buurten}, []
    chosen = set(codes)
    numbered = [c for c in dict.fromkeys(named) if c in chosen][:MAX_WARNINGS + 2 * MAX_MOVERS]
    return ({c: str(i) for i, c in enumerate(numbered, start=1)},
            [(str(i), str(names.get(c, c))) for i, c in enumerate(numbered, start=1)])


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


def figures_html(figures: tuple[Figure, ...] | list[Figure], taal: str = "nl",
                 reference_label: str = "Referentie") -> str:
    """The per-theme table as HTML for the printable page (every text escaped; trends as SVG)."""
    t = _tr(taal)
    cell = "padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:middle"
    head = "".join(f"<th style='{cell};text-align:left'>{html.escape(h)}</th>" for h in (
        t("Indicator (jaar)"), t("Waarde"), reference_label, t("Verandering sinds de nulmeting"),
        t("Verloop")))
    rows = []
    for theme, label in THEME_LABELS.items():
        mine = [f for f in figures if f.theme == theme]
        if not mine:
            continue
        rows.append(f"<tr><td colspan='5' style='{cell};font-weight:600;color:#4b2991'>"
                    f"{html.escape(t(label))}</td></tr>")
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


def _goal_rows(scope: tables.Scope, goal_frame: pd.DataFrame | None, brief: Brief,
               codes: list[str]) -> pd.DataFrame:
    """corporations.goal_rows of the selection's buurten and of its wijk (or, for the whole
    gemeente, of the gemeente and every wijk); empty without goals."""
    if goal_frame is None or goal_frame.empty:
        return pd.DataFrame()
    wanted = [*codes, brief.area or brief.gemeente]
    if not brief.area:
        wanted += list(scope.areas.loc[scope.areas["level"] == "wijk", "code"])
    return corporations.goal_rows(scope, goal_frame, wanted)


def goal_lines(scope: tables.Scope, goal_frame: pd.DataFrame, brief: Brief,
               codes: list[str]) -> list[str]:
    """The goals of the selection's buurten (and of its wijk or the gemeente) with their status."""
    rows = _goal_rows(scope, goal_frame, brief, codes)
    if rows.empty:
        return []
    if brief.taal == "nl":
        return [corporations.goal_sentence(r, scope.catalogue) for _, r in rows.iterrows()]
    return [_goal_sentence(r, scope.catalogue, brief.taal) for _, r in rows.iterrows()]


def _goal_sentence(row: pd.Series, catalogue: pd.DataFrame, taal: str) -> str:
    """corporations.goal_sentence in the briefing's language."""
    t = _tr(taal)
    ind = catalogue[catalogue["name"] == row["Indicator"]].iloc[0]
    d, unit = int(ind["decimals"]), str(ind["unit"])
    now = (t("nog niet gemeten") if pd.isna(row["Laatste waarde"]) else
           t("nu {waarde} ({jaar})", waarde=format_number(row["Laatste waarde"], d, unit),
             jaar=int(row["Laatst gemeten (jaar)"])))
    return t("{gebied}, {indicator}: van {van} ({jaar_van}) naar {doel} in {streefjaar}; {nu}: "
             "{status}.", gebied=row["Gebied"], indicator=row["Indicator"],
             van=format_number(row["Nulmeting"], d, unit), jaar_van=row["Nulmeting (jaar)"],
             doel=format_number(row["Doel"], d, unit), streefjaar=row["Streefjaar"], nu=now,
             status=t(str(row["Status"])))


def project_lines(scope: tables.Scope, project_frame: pd.DataFrame, codes: list[str],
                  since: dt.date, taal: str = "nl") -> list[str]:
    """Projects in the selection's buurten that ran on or after `since` (running or recent)."""
    if project_frame is None or project_frame.empty:
        return []
    rows = corporations.project_rows(scope, project_frame, codes)
    if rows.empty:
        return []
    recent = rows[rows["Eind"].isna() | (rows["Eind"] >= pd.Timestamp(since))]
    t = _tr(taal)
    more = ([t("En nog {n} projecten: zie de monitor.", n=len(recent) - MAX_PROJECTS)]
            if len(recent) > MAX_PROJECTS else [])
    recent = recent.head(MAX_PROJECTS)
    if taal == "nl":
        return [corporations.project_sentence(r) for _, r in recent.iterrows()] + more
    return [t("{project} ({organisatie}; {gebieden}): vanaf {start}, {eind}.",
              project=r["Project"], organisatie=r["Organisatie"], gebieden=r["Gebieden"],
              start=format_date(r["Start"], taal),
              eind=t("loopt door") if pd.isna(r["Eind"]) else
              t("tot {datum}", datum=format_date(r["Eind"], taal)))
            for _, r in recent.iterrows()] + more


SIGNAL_THEMES = {**THEME_LABELS, "anders": "Anders"}
SIGNAL_SOURCE = "Bron: eigen registratie van signalen in de Buurtmonitor"


def signal_lines(counts: pd.DataFrame | None, brief: Brief, codes: list[str],
                 today: dt.date) -> tuple[list[str], str]:
    """Open and followed-up signals per theme for the briefing's area, and the note under them.

    `counts`: werkdb.store.open_counts of the gemeente (None: the user sees no signals, and the
    briefing says nothing about them). The whole gemeente counts every signal; a selection the
    signals of its buurten and of the chosen wijk or buurt itself.
    """
    if counts is None:
        return [], ""
    t = _tr(brief.taal)
    if not whole_gemeente(brief):
        counts = counts[counts["area_code"].isin({*codes, brief.area} - {""})]
    themes = signal_counts.per_theme(counts)
    note = t("Aantallen signalen van bewoners en professionals, geen teksten; 'afgerond': "
             "besproken en opgevolgd met een besluit. {bron}, stand {datum}.",
             bron=t(SIGNAL_SOURCE), datum=format_date(today, brief.taal))
    if themes.empty:
        return [t("Geen open of afgeronde signalen in deze selectie.")], note
    return [t("{thema}: {open} open, {afgerond} afgerond.",
              thema=t(SIGNAL_THEMES.get(r.theme, r.theme)), open=format_number(r.open, 0),
              afgerond=format_number(r.afgerond, 0))
            for r in themes.itertuples(index=False)], note


def build(
    scope: tables.Scope,
    geo: pd.DataFrame,
    brief: Brief,
    today: dt.date,
    *,
    goal_frame: pd.DataFrame | None = None,
    project_frame: pd.DataFrame | None = None,
    signal_frame: pd.DataFrame | None = None,
    spend_frame: pd.DataFrame | None = None,
) -> Briefing:
    """Everything the briefing says, from one gemeente's data (see module docstring).

    Goals and projects are included when their frames are given (and loaded); projects are those
    running in or after the latest data year. Signals are counted per theme when `signal_frame`
    (werkdb.store.open_counts) is given: only for a user who may see them. With `brief.organisatie`
    and `spend_frame` (only the spending this user may see), the organisation's spending map and
    spending against change.
    """
    t = _tr(brief.taal)
    codes = members(scope, brief)
    title, subtitle, selection_text = _title(scope, brief)
    figs = figures(scope, brief, codes)
    year = max((f.period for f in figs), default=None)
    better, worse, moved_in, moved = movers(scope, brief, codes)
    found = warning_frame(scope, codes)
    warn, more = warnings(scope, codes, found, brief.taal)
    features, legend, caption = map_layer(scope, geo, brief, codes)
    labels, key = map_labels(scope, brief, codes,
                             [*found["area_code"].head(MAX_WARNINGS), *moved_in])
    n = len(codes)
    selection_text += " " + (t("1 buurt.") if n == 1
                             else t("{n} buurten.", n=format_number(n, 0)))
    goals = goal_lines(scope, goal_frame, brief, codes)
    statuses = goal_statuses(scope, goal_frame, brief, codes)
    levels = scope.areas.set_index("code")["level"]
    is_buurt = bool(brief.area) and levels.get(brief.area) == "buurt"
    reported, reported_note = signal_lines(signal_frame, brief, codes, today)
    map_source = ("cbs_wijkbuurtkaart",) if features and "cbs_wijkbuurtkaart" in getattr(
        scope.sources, "index", ()) else ()
    return Briefing(
        title=title,
        subtitle=subtitle,
        selection_text=selection_text,
        data_year=year,
        made_on=format_date(today, brief.taal),
        figures=tuple(figs),
        improvements=tuple(better),
        declines=tuple(worse),
        warnings=tuple(warn),
        warnings_more=more,
        goals=tuple(goals),
        projects=tuple(project_lines(scope, project_frame, codes,
                                     dt.date(year or today.year, 1, 1), brief.taal)),
        notes=tuple(notes(scope, codes, year, brief.taal)),
        sources=tuple(source_lines(scope, codes, brief.taal, map_source)),
        map_caption=caption + (" " + t("De nummers staan in de lijst onder de legenda.")
                               if key else ""),
        legend=tuple(legend),
        map_features=features,
        map_focus=tuple(codes) if brief.area else (),
        synthetic=any(f.synthetic for f in figs),
        key_messages=tuple(key_messages(figs, brief, scope, _subject(scope, brief), found, statuses,
                                        brief.nulmeting, moved if is_buurt else None)),
        context=tuple(buurt_context(scope, brief.area, brief.taal)) if is_buurt else (),
        map_labels=labels,
        map_key=tuple(key),
        signal_lines=tuple(reported),
        signal_note=reported_note,
        reference_label=t("Nulmeting") if whole_gemeente(brief) else t("Referentie"),
        texts=page_texts(brief.taal) | ({"table_note": t(GEMEENTE_TABLE_NOTE)}
                                      if whole_gemeente(brief) else {}),
        taal=brief.taal,
        spending=_spending(scope, geo, brief, spend_frame, project_frame),
    )


def _spending(scope: tables.Scope, geo: pd.DataFrame, brief: Brief,
              spend_frame: pd.DataFrame | None, project_frame: pd.DataFrame | None) -> dict:
    """The organisation's section (spending_views.briefing_section), {} without one."""
    from dashboard import spending_views

    if not brief.organisatie or spend_frame is None or spend_frame.empty:
        return {}
    cat = scope.catalogue
    indicator = brief.indicator if brief.indicator in cat.index and \
        cat.loc[brief.indicator, "result"] == "outcome" else "lbm_score"
    pic = spending_views.build(
        scope, spend_frame, project_frame if project_frame is not None else pd.DataFrame(),
        brief.organisatie, indicator, brief.nulmeting, None, tables.types_in(scope.types, None))
    return {} if pic is None else spending_views.briefing_section(pic, geo, cat, _tr(brief.taal))


def _subject(scope: tables.Scope, brief: Brief) -> str:
    """How the kernboodschap names the selection: 'Arnhem', 'wijk Klarendal', 'de
    achterstandsbuurten van Arnhem'."""
    t = _tr(brief.taal)
    names = _names(scope)
    gemeente = str(names.get(brief.gemeente, brief.gemeente))
    level = scope.areas.set_index("code")["level"].get(brief.area) if brief.area else None
    if level == "buurt":
        return t("buurt {naam}", naam=names[brief.area])
    if level == "wijk":
        return t("wijk {naam}", naam=names[brief.area])
    if whole_gemeente(brief):
        return gemeente
    types = _joined([t(TYPE_PLURAL[kind]) for kind in brief.buurttype], brief.taal)
    return t("de {typen} van {gemeente}", typen=types, gemeente=gemeente)


def goal_statuses(scope: tables.Scope, goal_frame: pd.DataFrame | None, brief: Brief,
                  codes: list[str]) -> list[str]:
    """The status of each goal goal_lines lists ('behaald', 'op koers', 'achter', ...)."""
    rows = _goal_rows(scope, goal_frame, brief, codes)
    return [] if rows.empty else [str(v) for v in rows["Status"]]


# The fixed texts of the PDF, in Dutch; page_texts gives them in the briefing's language.
PAGE_TEXTS = {
    "briefing": "BRIEFING",
    "kernboodschap": "Kernboodschap",
    "context": "De buurt",
    "latest": "Meest recente gegevens",
    "made_on": "gemaakt op",
    "page": "pagina",
    "of": "van",
    "synthetic_title": "Let op: synthetische demogegevens.",
    "synthetic_text": "Cijfers met (synth.) zijn gegenereerd om de monitor te laten zien; het "
                      "zijn geen echte metingen.",
    "no_map": "Voor deze gemeente zijn geen buurtgrenzen geladen; daarom geen kaart.",
    "signals": "Signalen",
    "no_signals": "Geen buurten met een signaal in deze selectie.",
    "signals_intro": "Buurten waar een uitkomst duidelijk slechter werd of een signaalwaarde "
                     "passeerde. Een signaal is een reden om te kijken, geen oordeel.",
    "signals_more": "En nog {n} signalen: zie de monitor.",
    "per_theme": "Per thema",
    "indicator": "Indicator (jaar)",
    "value": "Waarde",
    "change": "Verandering sinds de nulmeting",
    "trend": "Verloop",
    "table_note": "Waarde: het gemiddelde van de buurten van deze briefing, gewogen naar "
                  "inwoners waar het om een aandeel of een cijfer per inwoner gaat. Verloop: "
                  "paars de selectie, grijs gestreept de gemeente.",
    "better": "Grootste verbeteringen",
    "worse": "Grootste achteruitgang",
    "no_better": "Geen wezenlijke verbeteringen sinds de nulmeting.",
    "no_worse": "Geen wezenlijke achteruitgang sinds de nulmeting.",
    "goals": "Doelen",
    "projects": "Lopende en recente projecten",
    "notes": "Over deze cijfers",
    "sources": "Bronnen",
    "key": "Op de kaart",
    "reported": "Signalen van bewoners en professionals",
}


# The table's note when the gemeente is compared with its own nulmeting (no gemeente line).
GEMEENTE_TABLE_NOTE = (
    "Waarde: het gemiddelde van de buurten, gewogen naar inwoners bij aandelen en cijfers per "
    "inwoner. Nulmeting: de gemeente zelf in dat jaar (niet met zichzelf vergeleken)."
)


def page_texts(taal: str) -> dict[str, str]:
    t = _tr(taal)
    return {key: t(text) for key, text in PAGE_TEXTS.items()}


def to_pdf(briefing: Briefing, *, png: bool = False) -> bytes | list[bytes]:
    """Typeset the briefing as A4 PDF (or PNG pages at 110 ppi, to look at) with Typst."""
    import typst

    content = briefing.to_json()
    t = _tr(briefing.taal)
    content["themes"] = [
        {"label": t(label),
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
                                                             focus=set(briefing.map_focus),
                                                             labels=briefing.map_labels))
            content["map"] = "kaart.svg"
        spent = briefing.spending
        if spent.get("features"):
            (folder / "uitgaven.svg").write_text(maps.svg_map(spent["features"],
                                                              focus=set(spent["focus"])))
            content["spending"]["map"] = "uitgaven.svg"
            content["spending"]["chart"] = ""
            if spent.get("chart"):
                (folder / "uitgaven_verandering.svg").write_text(spent["chart"])
                content["spending"]["chart"] = "uitgaven_verandering.svg"
        (folder / "briefing.typ").write_text(TEMPLATE.read_text(encoding="utf-8"))
        pdf = b""
        # Two pages at most: a briefing whose lists run over (English words are longer, a
        # gemeente may have many goals) is set once more a little tighter.
        for compact in (False, True):
            content["compact"] = compact
            (folder / "briefing.json").write_text(json.dumps(content, ensure_ascii=False))
            pdf = typst.compile(str(folder / "briefing.typ"), root=str(folder))
            if _page_count(pdf) <= 2:
                break
        if png:
            pages = typst.compile(str(folder / "briefing.typ"), root=str(folder), format="png",
                                  ppi=110)
            return [pages] if isinstance(pages, bytes) else list(pages)
        return pdf


def _page_count(pdf: bytes) -> int:
    """Pages in a PDF as Typst writes it (each page object carries '/Type /Page')."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def generate_pdf(db_path: Path | str, brief: Brief, today: dt.date | None = None,
                 privacy=None) -> bytes:
    """The briefing PDF straight from a database file (read-only), e.g. for the benchmark: read
    through the app's own door (data_loaders.reads) with `privacy` (default: the configured
    thresholds, no confidential rights, every value; real_only=True leaves generated ones out)."""
    from data_loaders import reads, settings

    found = reads.gemeente_frames_in(Path(db_path), brief.gemeente, brief.regel,
                                     privacy or settings.privacy(), brief.taal)
    scope = tables.Scope(obs=found.obs, areas=found.areas, types=found.types,
                         catalogue=found.catalogue, sources=found.sources)
    briefing = build(scope, found.geometries, dataclasses.replace(brief, regel=found.rule),
                     today or dt.date.today(), goal_frame=found.goals,
                     project_frame=found.projects,
                     spend_frame=found.spending if brief.organisatie else None)
    return to_pdf(briefing)  # type: ignore[return-value]
