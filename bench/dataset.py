"""The national benchmark data set: real CBS boundaries of all of the Netherlands (2014) plus
clearly synthetic values for every catalogue indicator over eleven years, loaded through the
project's own importers (data_loaders.pipeline, the code path of `python -m data_loaders load`).

The values are written as waarnemingen templates (one CSV per year, source `synthetisch_demo`, so
the app labels every one of them synthetic) and read back by the template reader; nothing is
inserted behind the importers' back. The model is deliberately simple: a latent status per buurt
(with a gemeente effect) pushes every indicator towards its favourable or unfavourable end, plus
noise and a small trend. It is a load for the software, not a picture of any real neighbourhood.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from bench import ORGANISATION
from data_loaders import aggregates, db, indicator_catalogue, pipeline

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GEOMETRY = [  # file, level; loaded in this order (a buurt needs its wijk and gemeente)
    ("cbs_gemeente_2015_wgs84_q1e3.topojson", "gemeente"),
    ("cbs_wijk_2014_wgs84_q1e3.topojson", "wijk"),
    ("cbs_buurt_2014_wgs84_q1e3.topojson", "buurt"),
]
INDELING = 2014
YEARS = tuple(range(2014, 2025))
SOURCE = "synthetisch_demo"
SEED = 20141


@dataclass(frozen=True)
class Timing:
    geometry_s: float
    observations_s: float
    buurttypes_s: float
    rows: int
    files: int
    cpu_s: float = float("nan")  # CPU time of the loading process (DuckDB's threads included)
    aggregates_s: float = 0.0  # the build-time aggregates of every gemeente and the country
    ratios: tuple[float, ...] = ()  # with against without aggregates, of every round (build)

    @property
    def without_aggregates_s(self) -> float:
        """The load as it was before aggregates were stored: the baseline of the same run."""
        return self.geometry_s + self.observations_s + self.buurttypes_s

    @property
    def total_s(self) -> float:
        return self.without_aggregates_s + self.aggregates_s


def buurt_codes(scale: float = 1.0) -> list[str]:
    """Buurt codes of the national boundary file; a scale below 1 keeps whole gemeenten only."""
    topology = json.loads((FIXTURES / GEOMETRY[2][0]).read_text(encoding="utf-8"))
    codes = sorted(g["properties"]["statcode"] for g in topology["objects"]["layer"]["geometries"])
    if scale >= 1:
        return codes
    gemeenten = sorted({c[2:6] for c in codes})
    keep = set(gemeenten[: max(1, round(len(gemeenten) * scale))])
    return [c for c in codes if c[2:6] in keep]


def observations(
    codes: list[str], years: tuple[int, ...] = YEARS, seed: int = SEED
) -> pd.DataFrame:
    """Synthetic waarnemingen rows (template columns) for every catalogue indicator and year."""
    rng = np.random.default_rng(seed)
    cat = indicator_catalogue.indicators().set_index("id")
    codes_arr = np.asarray(codes)
    gemeente = pd.factorize(pd.Series(codes_arr).str[2:6])[0]
    status = rng.normal(0, 0.6, gemeente.max() + 1)[gemeente] + rng.normal(0, 0.8, len(codes))
    # A few tiny buurten (under 50 inhabitants) so suppression has work to do.
    inhabitants = np.round(rng.lognormal(np.log(1200), 0.9, len(codes))).clip(5, 40_000)
    frames = []
    for indicator, row in cat.iterrows():
        lo = 0.0 if pd.isna(row["min_value"]) else float(row["min_value"])
        hi = lo + 100 if pd.isna(row["max_value"]) else float(row["max_value"])
        span = hi - lo
        sign = {"hoger_beter": 1.0, "lager_beter": -1.0}.get(row["direction"], 0.3)
        centre = lo + span * (0.5 if lo < 0 else 0.35)
        base = centre + sign * status * span * 0.08 + rng.normal(0, span * 0.03, len(codes))
        trend = rng.normal(0, span * 0.002)
        for year in years:
            if indicator == "inwoners":
                value = inhabitants * (1 + 0.004 * (year - years[0]))
            else:
                value = base + trend * (year - years[0]) + rng.normal(0, span * 0.01, len(codes))
            value = np.round(np.clip(value, lo, hi), int(row["decimals"]))
            frame = pd.DataFrame(
                {
                    "gebiedscode": codes_arr,
                    "indicator": indicator,
                    "jaar": year,
                    "waarde": value,
                }
            )
            if row["kind"] == "subjectief":
                frame["n"] = rng.integers(15, 260, len(codes))
            frames.append(frame)
    result = pd.concat(frames, ignore_index=True)
    result["n"] = result["n"].astype("Int64")
    result["bron"] = SOURCE
    return result


# The corporation of the benchmark (bench.ORGANISATION): its leefbaarheid spending per buurt and
# year, for the Corporaties page. Confidential and synthetic (the demo's source), like the demo's.
SPENDING_SOURCE = "synthetisch_uitgaven"
SPENDING_YEARS = tuple(range(2016, 2025))


def spending(codes: list[str], seed: int = SEED) -> pd.DataFrame:
    """Synthetic uitgaven rows (template columns): the corporation spends in about 40% of the
    buurten of the three gemeenten with the most buurten, every year, 20-140 euro per dwelling,
    with its dwellings in each buurt."""
    rng = np.random.default_rng(seed + 1)
    series = pd.Series(codes)
    largest = series.str[2:6].value_counts().index[:3]
    chosen = series[series.str[2:6].isin(largest)]
    chosen = chosen[rng.random(len(chosen)) < 0.4].to_numpy()
    dwellings = rng.integers(40, 900, len(chosen))
    return pd.concat([pd.DataFrame({
        "organisatie": ORGANISATION, "gebiedscode": chosen, "jaar": year,
        "categorie": "wijkbeheer",
        "bedrag_euro": np.round(dwellings * rng.uniform(20, 140, len(chosen)), -2),
        "woningen": dwellings, "bron": SPENDING_SOURCE,
    }) for year in SPENDING_YEARS], ignore_index=True)


def write_templates(frame: pd.DataFrame, folder: Path) -> list[Path]:
    """One waarnemingen template per year, as a municipality would deliver a yearly survey."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for year, part in frame.groupby("jaar", sort=True):
        path = folder / f"waarnemingen_synthetisch_{year}.csv"
        part.to_csv(path, index=False)
        paths.append(path)
    return paths


def build(target: Path, work: Path, scale: float = 1.0, say=print, rounds: int = 1) -> Timing:
    """Build the benchmark database at `target` from scratch; returns how long each step took.

    With several `rounds` the same templates are loaded that many times, each time from scratch
    into `target`, and the round with the median ratio of the load with and without its
    aggregates is returned with every round's ratio: on a shared machine of two cores one round
    varied from 1,5 to 1,8 within the same hour.
    """
    target = Path(target)
    codes = buurt_codes(scale)
    frame = observations(codes)
    paths = write_templates(frame, Path(work))
    say(
        f"{len(frame):_} synthetische waarnemingen in {len(paths)} sjablonen "
        f"({len(codes):_} buurten, {frame['indicator'].nunique()} indicatoren, "
        f"{frame['jaar'].nunique()} jaren)".replace("_", ".")
    )
    del frame
    timings = []
    for _ in range(max(1, rounds)):
        timings.append(_load(target, paths))
    ratios = tuple(t.total_s / t.without_aggregates_s for t in timings)
    median = sorted(range(len(timings)), key=ratios.__getitem__)[len(timings) // 2]
    chosen = dataclasses.replace(timings[median], ratios=ratios)
    # The corporation's spending, through the same importer (not part of the timed load).
    spent = Path(work) / "uitgaven_synthetisch_meetbank.csv"
    spending(codes).to_csv(spent, index=False)
    pipeline.load_paths(target, [spent], how="cli")
    spent.unlink()
    for path in paths:
        os.remove(path)
    return chosen


def _load(target: Path, paths: list[Path]) -> Timing:
    """One timed load of the templates into a new database at `target`."""
    for leftover in (target, target.with_name(target.name + ".wal")):
        leftover.unlink(missing_ok=True)
    start, start_cpu = time.perf_counter(), time.process_time()
    loaded = []
    for name, level in GEOMETRY:
        loaded += pipeline.load_paths(
            target, [FIXTURES / name], how="cli", options={"indeling": INDELING, "level": level},
            aggregates=False,
        )
    geometry_s = time.perf_counter() - start

    start = time.perf_counter()
    # The build-time aggregates once, after the buurttypes below (as the demo build does).
    results = pipeline.load_paths(target, paths, how="cli", aggregates=False)
    observations_s = time.perf_counter() - start

    start = time.perf_counter()
    with db.write_session(target) as con:
        # The gemeenten these loads changed, as a load with its aggregates passes them on
        # (pipeline.load_paths): known from the loads, not counted again from the database.
        changed = pipeline.changed_gemeenten([*loaded, *results])
        # The default income rule, exactly as the demo build and every load derive it.
        pipeline.derive_buurttypes(con, changed)
        buurttypes_s = time.perf_counter() - start
        start = time.perf_counter()
        aggregates.refresh(con, changed)
    aggregates_s = time.perf_counter() - start  # with the commit of the whole session
    return Timing(
        geometry_s,
        observations_s,
        buurttypes_s,
        rows=sum(r.rows for r in results),
        files=len(paths),
        cpu_s=time.process_time() - start_cpu,
        aggregates_s=aggregates_s,
    )
