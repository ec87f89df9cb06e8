"""The indicator catalogue and the source list: read from their CSV files, checked for completeness.

These files are data, not code: adding an indicator means adding a row. Never touches the database.
"""

from __future__ import annotations

import functools

import pandas as pd

from data_loaders.settings import CATALOGUE_FILE, SOURCES_FILE

REQUIRED = ["id", "name", "theme", "unit", "direction", "kind", "result", "aggregation",
            "decimals", "source", "licence", "definition"]
ENUMS = {
    "theme": {"leefbaarheid", "veiligheid", "contact", "participatie", "context"},
    "direction": {"hoger_beter", "lager_beter", "neutraal"},
    "kind": {"objectief", "subjectief"},
    "result": {"output", "outcome", "context"},
    "aggregation": {"aandeel", "gemiddelde", "aantal", "per_inwoners"},
}


def _bool(column: pd.Series) -> pd.Series:
    return column.astype(str).str.strip().str.lower().isin({"true", "ja", "1"})


@functools.cache
def indicators() -> pd.DataFrame:
    frame = pd.read_csv(CATALOGUE_FILE, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["decimals"] = frame["decimals"].astype(int)
    for column in ("min_value", "max_value"):
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    frame["headline"] = _bool(frame["headline"])
    for column in ("weight", "question", "name_en"):
        frame[column] = frame[column].replace("", None)
    return frame


@functools.cache
def sources() -> pd.DataFrame:
    frame = pd.read_csv(SOURCES_FILE, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["synthetic"] = _bool(frame["synthetic"])
    frame["confidential"] = _bool(frame["confidential"])
    return frame


def problems() -> list[str]:
    """Every incomplete or inconsistent catalogue entry, in Dutch (empty when all is well)."""
    found: list[str] = []
    frame = indicators()
    known_sources = set(sources()["key"])
    for row in frame.to_dict("records"):
        for column in REQUIRED:
            if str(row[column]).strip() == "":
                found.append(f"{row['id']}: '{column}' is leeg")
        for column, allowed in ENUMS.items():
            if row[column] not in allowed:
                found.append(f"{row['id']}: '{column}' = '{row[column]}' is niet toegestaan")
        if row["source"] not in known_sources:
            found.append(f"{row['id']}: bron '{row['source']}' staat niet in sources.csv")
        if pd.notna(row["weight"]) and row["weight"] not in set(frame["id"]):
            found.append(f"{row['id']}: weging '{row['weight']}' is geen indicator")
    if frame["id"].duplicated().any():
        found.append("dubbele indicatorcodes: " + ", ".join(frame.loc[frame["id"].duplicated(), "id"]))
    return found


def source_flags(key: str) -> tuple[bool, bool]:
    """(synthetic, confidential) of a source key; unknown keys are neither."""
    match = sources()[sources()["key"] == key]
    if match.empty:
        return False, False
    return bool(match["synthetic"].iloc[0]), bool(match["confidential"].iloc[0])
