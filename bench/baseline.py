"""The straightforward way to draw the map, as the yardstick for the app's figures.

Everything is read into pandas once (which flatters the baseline: a script without caching would
read it again on every rerun); then every rerun filters in pandas, joins the values and the
buurttypes to every buurt, rebuilds the GeoJSON of all buurten from the stored geometry text and
serialises it, as a plain Streamlit script would before handing it to the browser.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from data_loaders import db


@dataclass
class Baseline:
    observations: pd.DataFrame
    areas: pd.DataFrame
    buurttypes: pd.DataFrame
    geometries: pd.DataFrame

    @classmethod
    def read(cls, db_path: Path) -> Baseline:
        con = db.connect(db_path, read_only=True)
        try:

            def table(sql: str) -> pd.DataFrame:
                return con.execute(sql).df()

            return cls(
                observations=table("SELECT * FROM observations"),
                areas=table("SELECT * FROM areas"),
                buurttypes=table("SELECT * FROM buurttypes"),
                geometries=table(
                    "SELECT area_code, geometry_display, centroid_lon, centroid_lat FROM geometries"
                ),
            )
        finally:
            con.close()

    @staticmethod
    def read_areas(db_path: Path) -> pd.DataFrame:
        con = db.connect(db_path, read_only=True)
        try:
            return con.execute(
                "SELECT code, level, gemeente_code, "
                "EXISTS (SELECT 1 FROM observations o WHERE o.area_code = a.code) AS has_data "
                "FROM areas a"
            ).df()
        finally:
            con.close()

    def rerun(
        self, indicator: str, year: int, buurttypes: tuple[str, ...], gemeente: str | None = None
    ) -> str:
        """One rerun of the map after a filter change; returns the serialised GeoJSON."""
        areas = self.areas[self.areas["level"] == "buurt"]
        if gemeente:
            areas = areas[areas["gemeente_code"] == gemeente]
        obs = self.observations
        values = obs[(obs["indicator_id"] == indicator) & (obs["period"] == year)]
        types = self.buurttypes[
            (self.buurttypes["rule"] == "inkomen_gemeente_kwintiel")
            & (self.buurttypes["period"] == year)
        ]
        frame = (
            areas.merge(self.geometries, left_on="code", right_on="area_code")
            .merge(values[["area_code", "value"]], on="area_code", how="left")
            .merge(types[["area_code", "type"]], on="area_code", how="left")
        )
        frame["in_filter"] = frame["type"].isin(buurttypes)
        features = []
        for row in frame.itertuples(index=False):
            features.append(
                {
                    "type": "Feature",
                    "geometry": json.loads(row.geometry_display),
                    "properties": {
                        "code": row.code,
                        "naam": row.name,
                        "waarde": None if pd.isna(row.value) else float(row.value),
                        "buurttype": row.type if isinstance(row.type, str) else None,
                        "in_filter": bool(row.in_filter),
                    },
                }
            )
        return json.dumps({"type": "FeatureCollection", "features": features})
