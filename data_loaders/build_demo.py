"""Build the demo database from sample_data/ through the importers, into a fresh file.

The new database is built beside the target and swapped in only when complete, so an app that is
reading the old one never sees a half-built database.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from data_loaders import aggregates, db, pipeline
from data_loaders.settings import MAPPINGS_DIR, SAMPLE_DATA

# Below this many inhabitants a crime rate per 1.000 inwoners is not shown (see the SQL).
CRIME_RATE_FLOOR = 200


def build(target: Path, say=print) -> None:
    manifest = tomllib.loads((SAMPLE_DATA / "manifest.toml").read_text(encoding="utf-8"))
    target = Path(target)
    fresh = target.with_name(target.name + ".nieuw")
    for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
        leftover.unlink(missing_ok=True)
    with db.write_session(fresh) as con:
        pipeline.ensure_catalogue(con)
    for entry in manifest["load"]:
        path = SAMPLE_DATA / entry["path"]
        options = dict(entry.get("options", {}))
        if "mapping" in options:
            options["mapping"] = str(MAPPINGS_DIR / options["mapping"])
        # The aggregates once, at the end, not after every file.
        [result] = pipeline.load_paths(fresh, [path], "build", options, aggregates=False)
        say(f"{result.file}: {result.rows} regels ({result.source}), {result.status}")
        for warning in result.warnings:
            say(f"  let op: {warning}")
    with db.write_session(fresh) as con:
        gemeenten = db.query(con, "app_gemeenten", cursor=False)["code"]
        gemeenten = gemeenten[gemeenten != "NL"].tolist()
        pipeline.derive_buurttypes(con, gemeenten)  # as every later load of a gemeente does
        db.execute(con, "build_misdrijven_per_1000", {"floor": CRIME_RATE_FLOOR})
        aggregates.refresh(con, gemeenten)
    os.replace(fresh, target)
    say(f"Database gebouwd: {target}")
