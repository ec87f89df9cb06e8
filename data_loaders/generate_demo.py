"""Seeded generator of SYNTHETIC survey and registration values for the Arnhem demo set.

Reads only sample_data/ and the catalogue and writes the own-data "waarnemingen" template; never
touches the database. The values are invented: never present them as real measurements. Only
indicators that no real file in sample_data/ offers are generated (see GENERATED_SOURCES).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from data_loaders.settings import CATALOGUE_FILE, SAMPLE_DATA

DEFAULT_SEED = 20260101
OUTPUT_FILE = SAMPLE_DATA / "synthetic" / "arnhem_enquete_2014_2024.csv"
GEOMETRY_NAME = "arnhem_GM0202_buurten_wgs84.geojson"
GEMEENTE_PREFIX = "BU0202"
BRON = "synthetisch_demo"
COLUMNS = ["gebiedscode", "indicator", "jaar", "waarde", "n", "ondergrens", "bovengrens", "bron"]

YEARS = tuple(range(2014, 2025))
CENTRE_YEAR = 2019  # levels hold in this middle year; linear terms are centred on it
MIN_INHABITANTS = 50  # the product's own suppression threshold for areas
# Catalogue sources without a real file in sample_data/. The Leefbaarometer (leefbaarometer_3) and
# the RIVM estimates (rivm_50150NED: loneliness, mantelzorg, satisfaction with the woonomgeving)
# are real in the demo and never generated, so no series mixes real and generated values.
GENERATED_SOURCES = (
    "cbs_veiligheidsmonitor",
    "gezondheidsmonitor",
    "gemeentelijke_enquete",
    "politie_registratie",
    "gemeentelijke_registratie",
)
EXTRA_INDICATORS = ("woningen_corporatie",)  # no real source for it in the project

PERSONS_PER_DWELLING = 2.1
Z95 = 1.96

# Sample design of the synthetic municipal survey (15+): net response 4-8% of the adults, higher in
# better-off buurten, bounded softly at about 300 per buurt; 4% item non-response per question.
RESPONSE_RATE = (0.06, 0.008, 0.008, 0.04, 0.08)  # mean, per SD status, noise SD, min, max
SOFT_CAP = 300
ITEM_RESPONSE = 0.96

# Buurt effect = spread * (LOADING_DOMAIN * domain factor + LOADING_OWN * own factor), so parts of
# one theme move together but not in lockstep. Trends and scenarios are in the same spread units.
LOADING_DOMAIN = 0.7
LOADING_OWN = math.sqrt(1 - LOADING_DOMAIN**2)
TREND_SD = 0.08  # buurt-specific slope per year, per domain
YEAR_SD = 0.15  # gemeente-wide year shock per domain
DOMAINS = ("leefbaarheid", "veiligheid", "contact", "participatie")

# Built-in storylines, so the trend and early-warning views have something real to find.
# Decline: none up to 2022, then linearly to DECLINE_SIZE spread units worse in 2024, the pattern
# an early warning must catch. Improvement: from 2019 on, linearly to IMPROVE_SIZE better in 2024.
DECLINE_SIZE = 3.5
IMPROVE_SIZE = 2.5
DECLINING: dict[str, tuple[str, ...]] = {
    "BU02020526": ("veiligheid",),  # Over het Lange Water: overlast and unsafety rise
    "BU02021990": ("veiligheid",),  # Kronenburg: overlast and unsafety rise
    "BU02022318": ("contact",),  # Rijkerswoerd-West: cohesion erodes, safety does not
    "BU02021993": ("leefbaarheid",),  # Vredenburg: report mark and green maintenance fall
}
IMPROVING: dict[str, tuple[str, ...]] = {
    # Nationaal Programma Arnhem-Oost buurten: safety and leefbaarheid improve, contact does not.
    "BU02021053": ("veiligheid", "leefbaarheid"),  # Geitenkamp
    "BU02020733": ("veiligheid", "leefbaarheid"),  # Klarendal-Noord
    "BU02020425": ("veiligheid", "leefbaarheid"),  # Presikhaaf III
    "BU02021682": ("veiligheid", "leefbaarheid"),  # Malburgen-West
}


@dataclass(frozen=True)
class Spec:
    """How one indicator is generated.

    kind: "aandeel" (a survey share in %, logit link, Binomial sampling), "schaal" (a survey mean,
    identity link, normal sampling with respondent SD `sd`), "registratie" (a rate per 1,000, log
    link, Poisson counts).
    level: the Arnhem level at average status in CENTRE_YEAR, in the indicator's unit.
    gradient: change per SD of the status score, on the link scale (logit, points or log), signed.
    spread: SD of the buurt effect on the link scale; also the unit of trends and scenarios.
    domain: the buurt factor, trend and scenario the indicator shares with its theme.
    yearly: gemeente-wide change per year on the link scale (e.g. the national fall in burglary).
    Registrations take half of a storyline's shift: police figures react less than perception.
    """

    kind: str
    level: float
    gradient: float
    spread: float
    domain: str
    reference: str
    sd: float = 0.0
    yearly: float = 0.0

    @property
    def scenario_weight(self) -> float:
        return 0.5 if self.kind == "registratie" else 1.0


VM23 = "Veiligheidsmonitor 2023 (CBS 85146NED), landelijk"
IVM = "Integrale Veiligheidsmonitor 2008-2011 (CBS), NL en Gelderland-Midden"

SPECS: dict[str, Spec] = {
    "rapportcijfer_buurt": Spec(
        "schaal", 7.4, 0.25, 0.20, "leefbaarheid", f"{IVM}: 7,3-7,5", sd=1.2
    ),
    "tevreden_onderhoud_groen": Spec("aandeel", 65.0, 0.15, 0.20, "leefbaarheid", f"{VM23}: 65,0%"),
    "onveilig_buurt": Spec(
        "aandeel", 20.0, -0.35, 0.25, "veiligheid", f"{IVM}: in eigen buurt 15-18%; stad hoger"
    ),
    "overlast_score": Spec(
        "schaal", 1.9, -0.30, 0.35, "veiligheid", f"{IVM}: sociale overlast 1,7; stad hoger", sd=1.5
    ),
    "verloedering_score": Spec(
        "schaal", 3.0, -0.35, 0.40, "veiligheid", "aanname: VM-schaal verloedering rond 3", sd=1.5
    ),
    "woninginbraak": Spec(
        "registratie",
        3.5,
        -0.15,
        0.30,
        "veiligheid",
        "aanname: politie, 2-6 per 1.000 woningen, landelijk dalend",
        yearly=-0.06,
    ),
    "geweld": Spec(
        "registratie", 6.0, -0.30, 0.30, "veiligheid", "aanname: politie, 4-10 per 1.000 inwoners"
    ),
    "vernieling": Spec(
        "registratie",
        7.0,
        -0.25,
        0.30,
        "veiligheid",
        "aanname: politie, 5-12 per 1.000 inwoners",
        yearly=-0.02,
    ),
    "sociale_cohesie": Spec(
        "schaal", 6.3, 0.20, 0.20, "contact", "Veiligheidsmonitor: schaalscore circa 6,3", sd=1.5
    ),
    "kennen_elkaar_nauwelijks": Spec("aandeel", 26.1, -0.25, 0.20, "contact", f"{VM23}: 26,1%"),
    "prettig_omgaan": Spec("aandeel", 75.3, 0.25, 0.20, "contact", f"{VM23}: 75,3%"),
    "contact_buren": Spec("aandeel", 60.0, 0.15, 0.20, "contact", "aanname: 60% wekelijks"),
    "helpen_buren": Spec("aandeel", 60.5, 0.25, 0.20, "contact", f"{VM23}: 60,5%"),
    "thuis_voelen": Spec("aandeel", 62.1, 0.25, 0.20, "contact", f"{VM23}: 62,1%"),
    "vertrouwen_buurtbewoners": Spec(
        "aandeel", 50.0, 0.30, 0.20, "contact", "enquêtes: ongeveer de helft vertrouwt"
    ),
    "vrijwilligerswerk": Spec(
        "aandeel", 47.0, 0.25, 0.15, "participatie", "aanname: 45-50% doet vrijwilligerswerk"
    ),
    "buurtactiviteiten": Spec(
        "aandeel", 20.0, 0.15, 0.25, "participatie", "aanname: een op de vijf doet mee"
    ),
    "inzet_buurt": Spec(
        "aandeel", 33.0, 0.15, 0.20, "participatie", "enquêtes: ongeveer een derde is bereid"
    ),
}
# Centrum: nightlife raises registered violence and vandalism per inhabitant.
CENTRE_WIJK = "WK020201"
CENTRE_FACTOR = {"geweld": 2.5, "vernieling": 1.8}
# bewonersinitiatieven (output): Poisson, 0.6 per 1,000 inhabitants a year at average status,
# ×exp(-0.25) per SD status (more support where the need is), ×1.5 from 2020 in improving buurten.
INITIATIVES_PER_1000 = 0.6
INITIATIVES_GRADIENT = -0.25
# woningen_corporatie: 5 + 70 * logistic(-1.2 * status + 0.5 * own effect + drift); drift per year
# N(-0.01, 0.015) on the logit scale (corporations sell a little stock), so 5-75%, slowly moving.
CORPORATIE_GRADIENT = -1.2


def generate(seed: int = DEFAULT_SEED, *, sample_dir: Path = SAMPLE_DATA) -> pd.DataFrame:
    """The synthetic observations for every Arnhem buurt with at least 50 inhabitants.

    Columns as in the waarnemingen template: gebiedscode, indicator, jaar, waarde, n (respondents,
    or the population base of a registration; empty where not meaningful), ondergrens/bovengrens
    (95% margin of survey values only), bron (always "synthetisch_demo").

    Model per buurt b, indicator i, year t on the link scale (logit for shares, points for scale
    scores, log for rates):
        level_i + gradient_i * status_b
        + direction_i * spread_i * (0.7 * domain factor + 0.71 * own factor
                                    + buurt slope * (t - 2019) + scenario_b(t) + year shock_t)
        + yearly_i * (t - 2019)
    status_b is the standardised mean of z(log income per inhabitant) and -z(share of low-income
    households) from the real CBS figures (missing buurten: wijk mean, else gemeente median).
    Gradients are moderate, per SD of status: shares 0.15-0.35 logit,
    scale scores 0.20-0.35 points, registrations 0.15-0.30 on the log scale; all point to worse
    outcomes in achterstandsbuurten. Shares are drawn Binomial(n, p)/n with a Wilson 95% interval; scale means
    with SE = sd/sqrt(n) and margin ±1.96 SE; registrations as Poisson counts on the real
    population (dwellings = inhabitants / 2.1). Values are clipped to the catalogue range and
    rounded to its decimals (margins one more).

    Same seed, same frame: the buurt-level factors come from default_rng(seed), the respondent
    counts and each indicator from their own default_rng([seed, crc32(name)]).
    """
    catalogue = _catalogue()
    wanted = _generated_indicators(catalogue)
    buurten = buurt_frame(sample_dir)
    rng = np.random.default_rng(seed)  # the buurt-level latent variables

    nb, years = len(buurten), np.array(YEARS)
    t = (years - CENTRE_YEAR).astype(float)
    status = buurten["status"].to_numpy()
    domain_factor = {d: rng.standard_normal(nb) for d in DOMAINS}
    slope = {d: rng.normal(0.0, TREND_SD, nb) for d in DOMAINS}
    year_shock = {d: rng.normal(0.0, YEAR_SD, len(years)) for d in DOMAINS}
    codes = buurten["gebiedscode"].to_numpy()
    scenario = {d: _scenario(codes, d, years) for d in DOMAINS}
    respondents = _respondents(_stream(seed, "respondenten"), buurten, len(years))

    frames = []
    for indicator in wanted:
        rng = _stream(seed, indicator)
        if indicator == "bewonersinitiatieven":
            block = _initiatives(rng, buurten, years, domain_factor["participatie"])
        elif indicator == "woningen_corporatie":
            block = _corporatie(rng, buurten, years)
        else:
            spec = SPECS[indicator]
            sign = -1.0 if catalogue.loc[indicator, "direction"] == "lager_beter" else 1.0
            d = spec.domain
            own = rng.standard_normal(nb)
            effect = (
                LOADING_DOMAIN * domain_factor[d][:, None]
                + LOADING_OWN * own[:, None]
                + slope[d][:, None] * t[None, :]
                + spec.scenario_weight * scenario[d]
                + year_shock[d][None, :]
            )
            eta = (
                spec.gradient * status[:, None]
                + sign * spec.spread * effect
                + spec.yearly * t[None, :]
            )
            block = _draw(rng, spec, indicator, eta, buurten, respondents)
        frames.append(_long(block, codes, indicator, years))
    frame = pd.concat(frames, ignore_index=True)
    frame = _finish(frame, catalogue)
    return frame


def write(
    path: Path | str = OUTPUT_FILE, seed: int = DEFAULT_SEED, *, sample_dir: Path = SAMPLE_DATA
) -> Path:
    """Generate and write the template CSV atomically (UTF-8, comma, "." decimal, LF)."""
    path = Path(path)
    text = to_csv_text(generate(seed, sample_dir=sample_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    tmp.replace(path)
    return path


def to_csv_text(frame: pd.DataFrame) -> str:
    """The template text, with each value printed at its catalogue precision (byte-stable)."""
    decimals = _catalogue()["decimals"].astype(int)
    lines = [",".join(COLUMNS)]
    for row in frame.itertuples(index=False):
        d = int(decimals[row.indicator])
        lines.append(
            ",".join(
                [
                    row.gebiedscode,
                    row.indicator,
                    str(row.jaar),
                    _fmt(row.waarde, d),
                    "" if pd.isna(row.n) else str(int(row.n)),
                    _fmt(row.ondergrens, d + 1),
                    _fmt(row.bovengrens, d + 1),
                    row.bron,
                ]
            )
        )
    return "\n".join(lines) + "\n"


# --- inputs (sample_data only) -------------------------------------------------------------------


def buurt_frame(sample_dir: Path = SAMPLE_DATA) -> pd.DataFrame:
    """Arnhem's buurten with >= 50 inhabitants: code, name, wijk, inhabitants (all, 15+), status.

    `income` and `low_income` are the real CBS values or, where CBS has no row, the wijk mean
    (else the gemeente median); `imputed` says which. `status` is standardised within this set.
    """
    geo = _geometry(sample_dir)
    population = _population(sample_dir)
    income = _income(sample_dir)
    frame = geo.merge(population, on="gebiedscode", how="left")
    missing = frame.loc[frame["inwoners"].isna(), "gebiedscode"].tolist()
    if missing:
        raise ValueError(
            f"Geen inwonertal voor {len(missing)} buurten uit de geometrie (bijv. {missing[0]}). "
            "Wat te doen: zet een StatLine-uittreksel van 85984NED met alle Arnhemse buurten in "
            "sample_data/cbs/."
        )
    frame = frame[frame["inwoners"] >= MIN_INHABITANTS].copy()
    frame = frame.merge(income, on="gebiedscode", how="left")
    frame["imputed"] = frame["income"].isna() | frame["low_income"].isna()
    for column in ["income", "low_income"]:
        wijk_mean = frame.groupby("wijkcode")[column].transform("mean")
        frame[column] = frame[column].fillna(wijk_mean).fillna(frame[column].median())
    z_income = _standardise(np.log(frame["income"].to_numpy()))
    z_low = _standardise(frame["low_income"].to_numpy())
    frame["status"] = _standardise(z_income - z_low)
    return frame.sort_values("gebiedscode").reset_index(drop=True)


def find_sample_file(
    sample_dir: Path, subdir: str, required: Iterable[str], what: str, suffix: str = ".csv"
) -> Path:
    """The first file (by name) in sample_data/<subdir> whose header has all `required` columns.

    Looking by content, not by name, keeps this generator independent of how the excerpts are
    named. Raises FileNotFoundError with a Dutch message that says what to put where.
    """
    folder = Path(sample_dir) / subdir
    required = list(required)
    candidates = sorted(folder.glob(f"*{suffix}")) if folder.is_dir() else []
    for path in candidates:
        if all(column in _header(path) for column in required):
            return path
    raise FileNotFoundError(
        f"Geen bestand met {what} gevonden in {folder}. Wat te doen: zet daar een CSV met de "
        f"kolommen {', '.join(repr(c) for c in required)} neer (zie sample_data/README.md)."
    )


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    return [field.strip() for field in next(csv.reader([first], delimiter=_delimiter(first)))]


def _delimiter(line: str) -> str:
    return ";" if line.count(";") > line.count(",") else ","


def _read_text_csv(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sep = _delimiter(handle.readline())
    frame = pd.read_csv(path, sep=sep, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    return frame.apply(lambda column: column.str.strip())


def _number(column: pd.Series) -> pd.Series:
    # StatLine writes "." for "not applicable"; coercion turns it (and blanks) into NaN.
    return pd.to_numeric(column, errors="coerce")


def _geometry(sample_dir: Path) -> pd.DataFrame:
    path = Path(sample_dir) / "geo" / GEOMETRY_NAME
    if not path.exists():
        raise FileNotFoundError(
            f"Buurtgeometrie ontbreekt: {path}. Wat te doen: kopieer de Arnhemse buurtkaart "
            f"(CBS/Kadaster, WGS84) naar sample_data/geo/{GEOMETRY_NAME}."
        )
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    rows = []
    for feature in features:
        code = feature["properties"]["statcode"]
        if not code.startswith(GEMEENTE_PREFIX):
            continue
        rows.append((code, feature["properties"]["statnaam"], "WK" + code[2:8]))
    return pd.DataFrame(rows, columns=["gebiedscode", "naam", "wijkcode"])


POP_CODE = "Regioaanduiding/Codering (code)"
POP_TOTAL = "Bevolking/Aantal inwoners (aantal)"
POP_0_15 = "Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)"
ADULT_SHARE_FALLBACK = 0.85  # national share aged 15+ (85984NED 2024), if age groups are absent


def _population(sample_dir: Path) -> pd.DataFrame:
    path = find_sample_file(
        sample_dir, "cbs", [POP_CODE, POP_TOTAL], "inwoners per buurt (CBS 85984NED)"
    )
    raw = _read_text_csv(path)
    raw = raw[raw[POP_CODE].str.startswith(GEMEENTE_PREFIX)]
    total = _number(raw[POP_TOTAL])
    young = _number(raw[POP_0_15]) if POP_0_15 in raw else total * (1 - ADULT_SHARE_FALLBACK)
    return pd.DataFrame(
        {
            "gebiedscode": raw[POP_CODE].to_numpy(),
            "inwoners": total.to_numpy(),
            "inwoners_15plus": (
                total - young.fillna(total * (1 - ADULT_SHARE_FALLBACK))
            ).to_numpy(),
        }
    )


def _income(sample_dir: Path) -> pd.DataFrame:
    columns = ["gwb_code_10", "gm_naam", "avg_income_per_capital", "p_low_income_household"]
    path = find_sample_file(sample_dir, "cbs", columns, "inkomen per buurt (CBS kwb, Engels)")
    raw = _read_text_csv(path)
    raw = raw[raw["gm_naam"] == "Arnhem"]
    return pd.DataFrame(
        {
            "gebiedscode": "BU" + raw["gwb_code_10"].str.zfill(8),
            "income": _number(raw["avg_income_per_capital"]),
            "low_income": _number(raw["p_low_income_household"]),
        }
    )


def _catalogue() -> pd.DataFrame:
    return pd.read_csv(CATALOGUE_FILE, dtype={"id": str}).set_index("id")


def _generated_indicators(catalogue: pd.DataFrame) -> list[str]:
    chosen = [
        i
        for i, row in catalogue.iterrows()
        if row["source"] in GENERATED_SOURCES or i in EXTRA_INDICATORS
    ]
    special = {"bewonersinitiatieven", "woningen_corporatie"}
    unknown = [i for i in chosen if i not in SPECS and i not in special]
    if unknown:
        raise ValueError(
            f"Geen generatormodel voor indicator(en) {', '.join(unknown)}. Wat te doen: voeg een "
            "Spec toe aan SPECS in data_loaders/generate_demo.py en documenteer niveau en gradiënt."
        )
    return chosen


# --- the model -----------------------------------------------------------------------------------


def _stream(seed: int, name: str) -> np.random.Generator:
    """A random stream of its own per indicator.

    Changing one indicator's model then leaves the other values alone (a sampler such as Poisson
    takes a variable amount of numbers from its stream).
    """
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def _standardise(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return (values - values.mean()) / values.std()


def _scenario(codes: np.ndarray, domain: str, years: np.ndarray) -> np.ndarray:
    """Scenario shift in spread units (positive = better), per buurt and year."""
    shift = np.zeros((len(codes), len(years)))
    decline = -DECLINE_SIZE * np.clip((years - 2022) / 2, 0, 1)
    improve = IMPROVE_SIZE * np.clip((years - 2019) / 5, 0, 1)
    for row, code in enumerate(codes):
        if domain in DECLINING.get(code, ()):
            shift[row] += decline
        if domain in IMPROVING.get(code, ()):
            shift[row] += improve
    return shift


def _respondents(rng: np.random.Generator, buurten: pd.DataFrame, n_years: int) -> np.ndarray:
    mean, per_sd, noise, low, high = RESPONSE_RATE
    status = buurten["status"].to_numpy()[:, None]
    rate = np.clip(rng.normal(mean + per_sd * status, noise, (len(buurten), n_years)), low, high)
    gross = buurten["inwoners_15plus"].to_numpy()[:, None] * rate
    return np.maximum(np.rint(SOFT_CAP * np.tanh(gross / SOFT_CAP)), 2).astype(np.int64)


def _draw(
    rng: np.random.Generator,
    spec: Spec,
    indicator: str,
    eta: np.ndarray,
    buurten: pd.DataFrame,
    respondents: np.ndarray,
) -> dict[str, np.ndarray]:
    """Observed values, n and 95% margins from the linear predictor `eta` (without the level)."""
    shape = eta.shape
    nothing = np.full(shape, np.nan)
    if spec.kind == "aandeel":
        n = np.maximum(rng.binomial(respondents, ITEM_RESPONSE), 1)
        p = _expit(_logit(spec.level / 100) + eta)
        share = rng.binomial(n, p) / n
        low, high = _wilson(share, n)
        return {"waarde": 100 * share, "n": n, "ondergrens": 100 * low, "bovengrens": 100 * high}
    if spec.kind == "schaal":
        n = np.maximum(rng.binomial(respondents, ITEM_RESPONSE), 2)
        mean = spec.level + eta + rng.standard_normal(shape) * spec.sd / np.sqrt(n)
        sample_sd = spec.sd * np.sqrt(rng.chisquare(n - 1) / (n - 1))
        half = Z95 * sample_sd / np.sqrt(n)
        return {"waarde": mean, "n": n, "ondergrens": mean - half, "bovengrens": mean + half}
    if spec.kind == "registratie":
        inwoners = buurten["inwoners"].to_numpy()
        base = (
            np.rint(inwoners / PERSONS_PER_DWELLING) if indicator == "woninginbraak" else inwoners
        )
        base = np.repeat(base[:, None], shape[1], axis=1)
        factor = np.where(buurten["wijkcode"] == CENTRE_WIJK, CENTRE_FACTOR.get(indicator, 1.0), 1)
        rate = spec.level * factor[:, None] * np.exp(eta)
        counts = rng.poisson(rate * base / 1000)
        return {
            "waarde": counts * 1000 / base,
            "n": base,
            "ondergrens": nothing,
            "bovengrens": nothing,
        }
    raise ValueError(f"Onbekend soort model '{spec.kind}' voor {indicator}.")


def _initiatives(
    rng: np.random.Generator, buurten: pd.DataFrame, years: np.ndarray, participatie: np.ndarray
) -> dict[str, np.ndarray]:
    status = buurten["status"].to_numpy()
    programme = np.array([c in IMPROVING for c in buurten["gebiedscode"]])
    mean = (
        INITIATIVES_PER_1000
        * buurten["inwoners"].to_numpy()
        / 1000
        * np.exp(INITIATIVES_GRADIENT * status + 0.3 * participatie)
    )
    boost = np.where(programme[:, None] & (years[None, :] >= 2020), 1.5, 1.0)
    counts = rng.poisson(mean[:, None] * boost).astype(float)
    nothing = np.full(counts.shape, np.nan)
    return {"waarde": counts, "n": nothing, "ondergrens": nothing, "bovengrens": nothing}


def _corporatie(
    rng: np.random.Generator, buurten: pd.DataFrame, years: np.ndarray
) -> dict[str, np.ndarray]:
    nb = len(buurten)
    own = rng.standard_normal(nb)
    drift = rng.normal(-0.01, 0.015, nb)
    t = (years - years[0]).astype(float)
    eta = (
        CORPORATIE_GRADIENT * buurten["status"].to_numpy()[:, None]
        + 0.5 * own[:, None]
        + drift[:, None] * t[None, :]
        + rng.normal(0.0, 0.01, (nb, len(years)))
    )
    share = 5 + 70 * _expit(eta)
    nothing = np.full(share.shape, np.nan)
    return {"waarde": share, "n": nothing, "ondergrens": nothing, "bovengrens": nothing}


def _logit(p: float | np.ndarray) -> np.ndarray:
    return np.log(p) - np.log1p(-np.asarray(p))


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _wilson(share: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    z2 = Z95**2
    denom = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / denom
    half = Z95 * np.sqrt(share * (1 - share) / n + z2 / (4 * n**2)) / denom
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


# --- shaping and rounding ------------------------------------------------------------------------


def _long(block: dict[str, np.ndarray], codes: np.ndarray, indicator: str, years: np.ndarray):
    nb, ny = block["waarde"].shape
    return pd.DataFrame(
        {
            "gebiedscode": np.repeat(codes, ny),
            "indicator": indicator,
            "jaar": np.tile(years, nb),
            **{key: np.asarray(block[key], dtype=float).ravel() for key in block},
        }
    )


def _finish(frame: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Clip to the catalogue range and round; sort in catalogue order."""
    meta = catalogue.loc[frame["indicator"]]
    low, high = meta["min_value"].to_numpy(float), meta["max_value"].to_numpy(float)
    decimals = meta["decimals"].to_numpy(int)
    value = np.clip(frame["waarde"].to_numpy(), low, high)
    lower = np.clip(frame["ondergrens"].to_numpy(), low, high)
    upper = np.clip(frame["bovengrens"].to_numpy(), low, high)
    value = _round(value, decimals)
    # Rounding must never push the value outside its own margin; no margin stays no margin.
    lower = np.where(np.isnan(lower), np.nan, np.minimum(_round(lower, decimals + 1), value))
    upper = np.where(np.isnan(upper), np.nan, np.maximum(_round(upper, decimals + 1), value))
    frame = frame.assign(waarde=value, ondergrens=lower, bovengrens=upper)

    order = {indicator: rank for rank, indicator in enumerate(catalogue.index)}
    frame = frame.assign(_order=frame["indicator"].map(order))
    frame = frame.sort_values(["gebiedscode", "_order", "jaar"], kind="stable").drop(
        columns="_order"
    )
    return pd.DataFrame(
        {
            "gebiedscode": frame["gebiedscode"].astype(str).to_numpy(),
            "indicator": frame["indicator"].astype(str).to_numpy(),
            "jaar": frame["jaar"].astype(int).to_numpy(),
            "waarde": frame["waarde"].to_numpy(float),
            "n": pd.array(np.rint(frame["n"].to_numpy()), dtype="Int64"),
            "ondergrens": frame["ondergrens"].to_numpy(float),
            "bovengrens": frame["bovengrens"].to_numpy(float),
            "bron": BRON,
        }
    )


def _round(values: np.ndarray, decimals: np.ndarray | int) -> np.ndarray:
    scale = np.power(10.0, decimals)
    # + 0.0 turns -0.0 into 0.0, so "-0.000" never reaches the file.
    return np.round(np.asarray(values, dtype=float) * scale) / scale + 0.0


def _fmt(value: float, decimals: int) -> str:
    if value is None or pd.isna(value):
        return ""
    return f"{value:.{decimals}f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_loaders.generate_demo",
        description="Schrijf de SYNTHETISCHE demowaarnemingen voor Arnhem (geen echte metingen).",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="startwaarde (standaard %(default)s)"
    )
    parser.add_argument("--uit", type=Path, default=OUTPUT_FILE, help="doelbestand")
    args = parser.parse_args(argv)
    try:
        path = write(args.uit, args.seed)
    except (FileNotFoundError, ValueError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
    print(
        f"Geschreven: {path} ({rows} rijen, seed {args.seed}). Let op: synthetische demogegevens."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
