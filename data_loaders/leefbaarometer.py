"""Leefbaarometer 3.0 scores per buurt, wijk or gemeente (CSV/XLSX with the official column names).

Columns: bu_code | wk_code | gm_code, the matching *_naam, jaar, lbm, afw, fys, onv, soc, vrz, won;
a leading index column is ignored; `NA` is missing (the dimensions exist only from 2014). Reads one file into a LoadBatch; never touches the database.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_loaders import indicator_catalogue, mapped_table, textio
from data_loaders.batch import OBSERVATION_COLUMNS, LoadBatch, LoadError

SOURCE = "leefbaarometer_3"
CODE_COLUMNS = ("bu_code", "wk_code", "gm_code")  # the finest level present wins
LEVELS = {"bu_code": ("buurt", "buurten"), "wk_code": ("wijk", "wijken"),
          "gm_code": ("gemeente", "gemeenten")}
# File column -> catalogue indicator. `afw` (the sum of the dimensions) is checked, not stored.
INDICATORS = {"lbm": "lbm_score", "fys": "lbm_fys", "onv": "lbm_onv", "soc": "lbm_soc",
              "vrz": "lbm_vrz", "won": "lbm_won"}
NATIONAL_LEVEL = 4.1023  # Leefbaarometer 3.0: lbm = afw + the national level
TOLERANCE = 0.01
# The open-data files write R's NA where nothing is published (the dimensions before 2014, a buurt
# without a score); such a cell is left out, so the app shows a gap rather than a hidden value.
NOT_PUBLISHED = "NA"
# The earliest year Leefbaarometer 3.0 publishes (its history is recomputed back to 1998).
FIRST_YEAR = 1998


def _columns(head: str) -> set[str]:
    return {c.lower() for c in textio.header_names(head)}


def detect(path: Path, head: str) -> bool:
    columns = _columns(head)
    return (path.suffix.lower() in {".csv", ".txt", ".xlsx"}
            and {"jaar", *INDICATORS} <= columns and bool(columns & set(CODE_COLUMNS)))


def read(path: Path, checksum: str, options: dict) -> LoadBatch:
    frame = textio.read_table(path)
    frame.columns = [c.lower() for c in frame.columns]
    code_column = next((c for c in CODE_COLUMNS if c in frame.columns), CODE_COLUMNS[1])
    textio.require_columns(path, frame, [code_column, "jaar", *INDICATORS])
    name_column = code_column.replace("_code", "_naam")
    areas, rows, warnings = {}, [], []
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2  # header is line 1
        code = textio.normalise_code(path, record[code_column], line, code_column)
        if code[:2] != code_column[:2].upper():
            # A wk_code column holds wijken: a buurt or gemeente in it mixes levels.
            level, plural = LEVELS[code_column]
            raise LoadError(path, f"{code} is geen {level}code; de kolom {code_column} bevat "
                            f"alleen {plural}.", row=line, column=code_column,
                            fix="Lever buurten, wijken en gemeenten in aparte bestanden aan.")
        year = textio.parse_number(path, record["jaar"], line, "jaar")
        if year is None or year != int(year):
            raise LoadError(path, f"'{record['jaar']}' is geen geldig jaar.", row=line,
                            column="jaar", fix="Schrijf het jaar als vier cijfers.")
        if not FIRST_YEAR <= year <= pd.Timestamp.now().year + 1:
            raise LoadError(path, f"{int(year)} kan geen Leefbaarometerjaar zijn: de reeks begint "
                            f"in {FIRST_YEAR}.", row=line, column="jaar",
                            fix=f"Controleer de jaarkolom (jaren van {FIRST_YEAR} tot nu).")
        areas[code] = record.get(name_column, "").strip() or code
        values = {}
        for column, indicator_id in INDICATORS.items():
            if record[column].strip() == NOT_PUBLISHED:
                values[column] = None
                continue  # a gap, not a suppressed value
            values[column] = textio.parse_number(path, record[column], line, column)
            rows.append((code, indicator_id, int(year), values[column], line, column))
        afw = (textio.parse_number(path, record["afw"], line, "afw")
               if record.get("afw", NOT_PUBLISHED).strip() != NOT_PUBLISHED else None)
        if afw is not None and values["lbm"] is not None and \
                abs(values["lbm"] - afw - NATIONAL_LEVEL) > TOLERANCE and not warnings:
            warnings.append(f"regel {line}: lbm is niet afw + {NATIONAL_LEVEL} (is dit wel "
                            "Leefbaarometer 3.0?); de waarden zijn geladen zoals ze zijn.")
    if not rows:
        raise LoadError(path, "het bestand bevat geen gebieden met gegevens.")
    obs = pd.DataFrame(rows, columns=["area_code", "indicator_id", "period", "value", "line",
                                      "column"])
    catalogue = indicator_catalogue.indicators().set_index("id")
    mapped_table.check_observations(path, obs, catalogue, "jaar")
    obs = obs.assign(n=pd.NA, ci_low=None, ci_high=None, suppressed=obs["value"].isna())
    return LoadBatch(
        file=path, checksum=checksum, format="leefbaarometer", source=options.get("bron") or SOURCE,
        periods=sorted(obs["period"].unique().tolist()),
        areas=mapped_table.area_frame(areas, int(obs["period"].max())),
        observations=obs[OBSERVATION_COLUMNS], warnings=warnings,
    )
