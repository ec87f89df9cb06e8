"""What a reader hands to the loader: a validated batch of rows, or a LoadError saying what to fix.

Readers (one module per source format) turn one file into a LoadBatch and never touch the database;
data_loaders.pipeline writes a batch in one transaction. Frames use the schema's column names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

AREA_COLUMNS = ["code", "name", "level", "parent_code", "gemeente_code", "valid_from", "valid_to"]
OBSERVATION_COLUMNS = [
    "area_code",
    "indicator_id",
    "period",
    "value",
    "n",
    "ci_low",
    "ci_high",
    "suppressed",
]
GEOMETRY_COLUMNS = [
    "area_code",
    "indeling",
    "geometry",
    "geometry_display",
    "centroid_lon",
    "centroid_lat",
]
BUURTTYPE_COLUMNS = ["area_code", "period", "rule", "type", "basis_period", "rule_label"]
SPENDING_COLUMNS = ["organisation", "area_code", "year", "category", "amount_eur", "dwellings"]
PROJECT_COLUMNS = [
    "project_id",
    "name",
    "organisation",
    "area_codes",
    "start_date",
    "end_date",
    "budget_eur",
    "theme",
    "output",
]
GOAL_COLUMNS = [
    "area_code",
    "indicator_id",
    "nulmeting_period",
    "nulmeting_value",
    "target_value",
    "target_period",
    "organisation",
]


class LoadError(ValueError):
    """A rejected file: names the file, and where known the row and column, and what to fix.

    `row` is the line number in the file as a spreadsheet shows it (header = 1).
    """

    def __init__(
        self,
        file: str | Path,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.file = Path(file).name
        self.row = row
        self.column = column
        self.problem = message
        self.fix = fix
        self.batch_files: int | None = None  # set when the file was part of a batch load
        super().__init__(self.dutch())

    def in_batch(self, files: int) -> LoadError:
        """Say that the whole batch of `files` files was refused: nothing of it is loaded."""
        self.batch_files = files
        self.args = (self.dutch(),)
        return self

    def __str__(self) -> str:
        return self.dutch()

    def dutch(self) -> str:
        where = [f"Bestand '{self.file}'"]
        if self.row is not None:
            where.append(f"regel {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        text = ", ".join(where) + f": {self.problem}"
        if self.fix:
            text += f" Wat te doen: {self.fix}"
        if self.batch_files is not None:
            text += (" Er is niets geladen: de database is ongewijzigd." if self.batch_files == 1
                     else f" Er is niets geladen: geen van de {self.batch_files} bestanden, de "
                     "database is ongewijzigd.")
        return text


@dataclass
class LoadBatch:
    """Everything one file contributes, validated, in schema columns.

    `periods` are the years in the batch. On load it replaces exactly what it contains: the
    source's values of its areas, indicators and years, the boundaries of its area codes in its
    indeling; never another gemeente, indicator or year (data_loaders.pipeline).
    """

    file: Path
    checksum: str
    format: str  # reader name, e.g. statline_csv, leefbaarometer, geojson, survey_template
    source: str  # key in data_loaders/catalogue/sources.csv
    periods: list[int] = field(default_factory=list)
    areas: pd.DataFrame | None = None
    observations: pd.DataFrame | None = None
    geometries: pd.DataFrame | None = None
    buurttypes: pd.DataFrame | None = None
    spending: pd.DataFrame | None = None
    projects: pd.DataFrame | None = None
    goals: pd.DataFrame | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        frames = [
            self.observations,
            self.geometries,
            self.buurttypes,
            self.spending,
            self.projects,
            self.goals,
        ]
        counted = sum(len(f) for f in frames if f is not None)
        return counted or (len(self.areas) if self.areas is not None else 0)
