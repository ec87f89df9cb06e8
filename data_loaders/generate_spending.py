"""Seeded generator of SYNTHETIC leefbaarheid spending, projects and goals for the Arnhem demo set.

Two clearly fictional housing corporations and a fictional municipal budget: invented figures are
never attached to a real organisation's name. Writes the own-data templates (uitgaven, projecten,
doelen) into sample_data/synthetic/, which the demo build loads through the normal importers.
Spending carries the source 'synthetisch_uitgaven', which is marked confidential, so the demo
also shows how confidential data stay hidden unless the app is configured to show them.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from data_loaders import generate_demo
from data_loaders.settings import SAMPLE_DATA

DEFAULT_SEED = generate_demo.DEFAULT_SEED
FOLDER = SAMPLE_DATA / "synthetic"
FILES = {
    "uitgaven": "arnhem_uitgaven_2016_2024.csv",
    "projecten": "arnhem_projecten_2016_2024.csv",
    "doelen": "arnhem_doelen.csv",
}
CORPORATIONS = ("Woonstichting Voorbeeld (fictief)", "Corporatie Demohuis (fictief)")
GEMEENTE = "Gemeente (fictief demobudget)"
YEARS = tuple(range(2016, 2025))
CATEGORIES = ("schoon-heel-veilig", "wijkbeheer", "sociale activiteiten", "fysieke ingrepen")
SPENDING_SOURCE = "synthetisch_uitgaven"  # confidential and synthetic (catalogue/sources.csv)
DEMO_SOURCE = "synthetisch_demo"
# Footprint: how many buurten each corporation works in, and how strongly it leans to buurten of
# low status (probability proportional to exp(-lean * status)).
FOOTPRINT = {CORPORATIONS[0]: (22, 1.2), CORPORATIONS[1]: (16, 0.6)}
EURO_PER_DWELLING = {CORPORATIONS[0]: 70.0, CORPORATIONS[1]: 45.0}  # per year, on average
GEMEENTE_EURO_PER_INHABITANT = 9.0  # wijkbudget in the buurten of lowest status
GEMEENTE_STATUS_BELOW = -0.8
PROJECT_NAMES = {
    "leefbaarheid": ("Buurttuin", "Groen in de straat", "Opknapbeurt speelplek", "Geveltuinen"),
    "veiligheid": ("Achterpaden verlichten", "Buurtpreventie-app", "Veilige portieken",
                   "Schoon-heel-veilig-schouw"),
    "contact": ("Huiskamer van de buurt", "Portiekgesprekken", "Burendag", "Buurtkookclub"),
    "participatie": ("Bewonerscommissie versterken", "Klussen voor elkaar",
                     "Vrijwilligerspunt", "Buurtbudget door bewoners"),
}
OVERLAP_BUURT = "BU02021053"  # Geitenkamp: three organisations at once, so the flag has a case
# Goals of the (fictional) municipal programme: buurt, indicator, nulmeting year, target year,
# relative improvement aimed for. Only generated indicators: a synthetic goal on a real series
# would mix invented and measured values.
GOALS = (
    ("BU02021053", "onveilig_buurt", 2018, 2024, 0.15),
    ("BU02020733", "onveilig_buurt", 2018, 2026, 0.15),
    ("BU02020425", "rapportcijfer_buurt", 2018, 2026, 0.05),
    ("BU02021682", "overlast_score", 2018, 2024, 0.10),
    ("BU02021990", "onveilig_buurt", 2020, 2026, 0.10),
    ("BU02022318", "sociale_cohesie", 2020, 2026, 0.05),
    ("BU02021993", "tevreden_onderhoud_groen", 2020, 2024, 0.05),
    ("BU02020526", "kennen_elkaar_nauwelijks", 2020, 2026, 0.10),
)


def _rng(seed: int, name: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def spending(buurten: pd.DataFrame, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Yearly amounts per organisation, buurt and category (template columns, Dutch names)."""
    rows: list[dict[str, object]] = []
    status = buurten["status"].to_numpy()
    for org, (count, lean) in FOOTPRINT.items():
        rng = _rng(seed, f"footprint:{org}")
        weight = np.exp(-lean * status)
        chosen = set(rng.choice(len(buurten), size=count, replace=False, p=weight / weight.sum()))
        if org == CORPORATIONS[0]:  # the programme buurten are its own
            chosen |= set(buurten.index[buurten["gebiedscode"].isin(generate_demo.IMPROVING)])
        for i in sorted(chosen):
            b = buurten.loc[i]
            share = rng.uniform(0.2, 0.6)
            dwellings = max(10, int(round(b["inwoners"] / generate_demo.PERSONS_PER_DWELLING
                                          * share)))
            level = EURO_PER_DWELLING[org] * rng.lognormal(0.0, 0.3)
            boost = 1.8 if b["gebiedscode"] in generate_demo.IMPROVING else 1.0
            for year in YEARS:
                total = dwellings * level * rng.lognormal(0.0, 0.15) * (boost if year >= 2019
                                                                       else 1.0)
                parts = rng.dirichlet([4, 3, 2, 1])
                for category, part in zip(CATEGORIES, parts, strict=True):
                    if category == "fysieke ingrepen" and rng.random() > 0.3:
                        continue  # physical works come in some years only
                    amount = round(total * part * (3 if category == "fysieke ingrepen" else 1),
                                   -2)
                    if amount > 0:
                        rows.append({"organisatie": org, "gebiedscode": b["gebiedscode"],
                                     "jaar": year, "categorie": category,
                                     "bedrag_euro": int(amount), "woningen": dwellings,
                                     "bron": SPENDING_SOURCE})
    rng = _rng(seed, "gemeente")
    for _, b in buurten[buurten["status"] < GEMEENTE_STATUS_BELOW].iterrows():
        for year in YEARS:
            amount = round(b["inwoners"] * GEMEENTE_EURO_PER_INHABITANT * rng.lognormal(0, 0.2),
                           -2)
            rows.append({"organisatie": GEMEENTE, "gebiedscode": b["gebiedscode"], "jaar": year,
                         "categorie": "sociale activiteiten", "bedrag_euro": int(amount),
                         "woningen": "", "bron": SPENDING_SOURCE})
    return pd.DataFrame(rows)


def projects(buurten: pd.DataFrame, spent: pd.DataFrame, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """About thirty projects of the three organisations in their own buurten."""
    rng = _rng(seed, "projecten")
    names = buurten.set_index("gebiedscode")["naam"]
    rows: list[dict[str, object]] = []
    plan = [(org, 10) for org in CORPORATIONS] + [(GEMEENTE, 8)]
    number = 0
    for org, count in plan:
        own = sorted(spent.loc[spent["organisatie"] == org, "gebiedscode"].unique())
        for _ in range(count):
            number += 1
            theme = str(rng.choice(list(PROJECT_NAMES)))
            where = list(rng.choice(own, size=min(len(own), int(rng.integers(1, 4))),
                                    replace=False))
            start = pd.Timestamp(year=int(rng.integers(2016, 2025)), month=int(rng.integers(1, 13)),
                                 day=1)
            rows.append(_project(rng, number, org, theme, where, start, names))
    # One buurt where all three organisations work at the same time.
    for k, org in enumerate((*CORPORATIONS, GEMEENTE)):
        number += 1
        theme = list(PROJECT_NAMES)[k]
        rows.append(_project(rng, number, org, theme, [OVERLAP_BUURT],
                             pd.Timestamp(year=2021, month=3 + 2 * k, day=1), names, months=24))
    return pd.DataFrame(rows)


def _project(rng: np.random.Generator, number: int, org: str, theme: str, where: list[str],
             start: pd.Timestamp, names: pd.Series, months: int | None = None) -> dict[str, object]:
    months = months or int(rng.integers(6, 37))
    end = start + pd.DateOffset(months=months) - pd.DateOffset(days=1)
    title = f"{rng.choice(PROJECT_NAMES[theme])} {names.get(where[0], where[0])}"
    meetings, people = int(rng.integers(4, 40)), int(rng.integers(20, 400))
    return {
        "project_id": f"P-{start.year}-{number:03d}", "naam": title, "organisatie": org,
        "gebiedscodes": " ".join(sorted(where)), "start": f"{start:%Y-%m-%d}",
        "eind": f"{end:%Y-%m-%d}", "budget_euro": int(round(rng.uniform(5, 150), 0) * 1000),
        "thema": theme, "output": f"{meetings} activiteiten; {people} deelnemers",
        "bron": DEMO_SOURCE,
    }


def goals(observations: pd.DataFrame) -> pd.DataFrame:
    """The programme's goals, their nulmeting taken from the (synthetic) survey values."""
    catalogue = generate_demo._catalogue()
    values = observations.set_index(["gebiedscode", "indicator", "jaar"])["waarde"]
    rows = []
    for code, indicator, base_year, target_year, aim in GOALS:
        base = float(values[(code, indicator, base_year)])
        better_high = catalogue.loc[indicator, "direction"] == "hoger_beter"
        decimals = int(catalogue.loc[indicator, "decimals"])
        target = base * (1 + aim) if better_high else base * (1 - aim)
        rows.append({"gebiedscode": code, "indicator": indicator, "nulmeting_jaar": base_year,
                     "nulmeting_waarde": round(base, decimals),
                     "streefwaarde": round(target, decimals), "streefjaar": target_year,
                     "organisatie": GEMEENTE, "bron": DEMO_SOURCE})
    return pd.DataFrame(rows)


def generate(seed: int = DEFAULT_SEED, *, sample_dir: Path = SAMPLE_DATA) -> dict[str, pd.DataFrame]:
    buurten = generate_demo.buurt_frame(sample_dir)
    spent = spending(buurten, seed)
    survey = pd.read_csv(generate_demo.OUTPUT_FILE if sample_dir == SAMPLE_DATA
                         else Path(sample_dir) / "synthetic" / generate_demo.OUTPUT_FILE.name)
    return {"uitgaven": spent, "projecten": projects(buurten, spent, seed),
            "doelen": goals(survey)}


def to_csv_text(frame: pd.DataFrame) -> str:
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return out.getvalue()


def write(folder: Path = FOLDER, seed: int = DEFAULT_SEED) -> list[Path]:
    """Generate and write the three template files atomically."""
    written = []
    for kind, frame in generate(seed).items():
        path = Path(folder) / FILES[kind]
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(to_csv_text(frame), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_loaders.generate_spending",
        description="Schrijf SYNTHETISCHE uitgaven, projecten en doelen van fictieve organisaties.",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    for path in write(seed=args.seed):
        print(f"Geschreven: {path}. Let op: synthetische demogegevens van fictieve organisaties.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
