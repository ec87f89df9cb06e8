"""Shared helpers for the importer tests: fixture paths, a source-file reader and database peeks."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd

from data_loaders import db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STATLINE = FIXTURES / "statline_85984NED_2024_bevolking_excerpt.csv"
DECIMALCOMMA = FIXTURES / "statline_85984NED_2024_gemeenten_decimalcomma_excerpt.csv"
MULTICITY = FIXTURES / "kwb_buurten_multicity_en_excerpt.csv"
LEEFBAAROMETER = FIXTURES / "lbm3_amstelveen_wijken_2014_2022.csv"
TYPED = FIXTURES / "cbs_85984NED_2024_typed_excerpt.csv"
SES_WOA = FIXTURES / "ses_woa_2019_amsterdam_excerpt.csv"
BUURTEN_GEO = FIXTURES / "geo" / "arnhem_buurten_2024_wgs84.geojson"


def source_rows(path: Path, sep: str) -> list[dict[str, str]]:
    """The fixture as the csv module reads it, independent of the importer's own reading."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=sep))


def observation(batch, area: str, indicator: str, period: int) -> float:
    obs = batch.observations
    hit = obs[(obs["area_code"] == area) & (obs["indicator_id"] == indicator)
              & (obs["period"] == period)]
    assert len(hit) == 1, f"{area}/{indicator}/{period}: {len(hit)} rijen"
    return hit["value"].iloc[0]


def table(path: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    con = db.connect(path)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
