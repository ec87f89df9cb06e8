"""One code path for every load (command line, upload, demo build): detect, read, preview, commit.

A commit writes one file's batch in one transaction through db.write_session and records it in the
loads table. Loading the same file again changes nothing; a newer file replaces only its own
source's rows for its own years. A rejected file leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from data_loaders import (
    db,
    geometry,
    indicator_catalogue,
    leefbaarometer,
    mapped_table,
    templates,
    textio,
)
from data_loaders.batch import LoadBatch, LoadError

# Tried in this order; the first whose detect() accepts the file's head reads it.
READERS = {"geometrie": geometry, "leefbaarometer": leefbaarometer, "cbs_tabel": mapped_table,
           "sjabloon": templates}
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class LoadResult:
    file: str
    source: str
    format: str
    rows: int
    status: str  # geladen, ongewijzigd
    replaced: int
    warnings: tuple[str, ...]


def checksum_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_format(path: Path) -> str:
    if not path.is_file():
        raise LoadError(path, "het bestand bestaat niet.", fix="Controleer het pad.")
    textio.check_size(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        head = textio.xlsx_header(path)
    else:
        with open(path, "rb") as handle:
            raw = handle.read(64 * 1024)
        # Cut at the last line break so a multi-byte character is never split.
        cut = raw.rfind(b"\n")
        head = textio.decode(path, raw[: cut + 1] if 0 < cut and len(raw) == 64 * 1024 else raw)
    for name, reader in READERS.items():
        if reader.detect(path, head):
            return name
    if path.suffix.lower() not in {".xlsx", ".xlsm", ".json", ".geojson", ".topojson"}:
        textio.sniff_separator(path, head)  # says so when the separator is the problem
    raise LoadError(
        path,
        "het formaat is niet herkend (geen CBS-tabel met bekende kolommen, geen Leefbaarometer-, "
        "sjabloon- of grenzenbestand).",
        row=1,
        fix="Gebruik een sjabloon van de pagina 'Over de data', of schrijf een mapping "
        "(data_loaders/mappings/README.md).",
    )


def read_file(path: Path | str, options: dict | None = None) -> LoadBatch:
    path = Path(path)
    reader = READERS[detect_format(path)]
    return reader.read(path, checksum_of(path), dict(options or {}))


def ensure_catalogue(con) -> None:
    """Replace the indicators and sources tables with the catalogue files (inside a write)."""
    con.execute("DELETE FROM indicators")
    con.execute("DELETE FROM sources")
    db.insert_frame(con, "indicators", indicator_catalogue.indicators())
    db.insert_frame(con, "sources", indicator_catalogue.sources())


def _existing(con, batch: LoadBatch, cursor: bool = False) -> int:
    frame = db.query(con, "load_count_source_rows",
                     {"source": batch.source, "periods": [int(p) for p in batch.periods]},
                     cursor=cursor)
    return int(frame["rows"].iloc[0])


def preview(db_path: Path, batch: LoadBatch) -> dict:
    """What a commit would do, for the user to confirm (read-only)."""
    obs = batch.observations
    info = {
        "bestand": batch.file.name,
        "bron": batch.source,
        "formaat": batch.format,
        "regels": batch.rows,
        "gebieden": int(obs["area_code"].nunique()) if obs is not None else
        (len(batch.areas) if batch.areas is not None else 0),
        "indicatoren": sorted(obs["indicator_id"].unique()) if obs is not None else [],
        "jaren": [int(p) for p in batch.periods],
        "vervangt": 0,
        "waarschuwingen": list(batch.warnings),
    }
    if Path(db_path).is_file():
        con = db.connect(db_path, read_only=True)
        try:
            info["vervangt"] = _existing(con, batch)
            info["waarschuwingen"] += _unknown_areas(con, batch)
        finally:
            con.close()
    return info


def _unknown_areas(con, batch: LoadBatch) -> list[str]:
    if batch.observations is None:
        return []
    known = db.query(con, "load_geometry_codes", cursor=False)["area_code"]
    if known.empty:
        return []
    # A set lookup: pandas' isin turns every known code into an Arrow scalar first.
    known = set(known.tolist())
    codes = sorted(code for code in batch.observations["area_code"].unique().tolist()
                   if code not in known and not code.startswith("GM"))
    if not codes:
        return []
    shown = ", ".join(codes[:10]) + (" …" if len(codes) > 10 else "")
    return [f"{len(codes)} gebiedscode(s) staan niet in de geladen grenzen (bijvoorbeeld na een "
            f"herindeling); ze worden wel geladen: {shown}"]


def commit(db_path: Path, batch: LoadBatch, how: str, by_user: str | None = None) -> LoadResult:
    synthetic, confidential = indicator_catalogue.source_flags(batch.source)
    with db.write_session(db_path) as con:
        if con.execute("SELECT count(*) FROM indicators").fetchall()[0][0] == 0:
            ensure_catalogue(con)
        already = db.query(con, "load_same_checksum",
                           {"checksum": batch.checksum, "source": batch.source}, cursor=False)
        warnings = tuple(batch.warnings) + tuple(_unknown_areas(con, batch))
        load_id = int(con.execute("SELECT nextval('load_ids')").fetchall()[0][0])
        if not already.empty:
            status, replaced = "ongewijzigd", 0
        else:
            status, replaced = "geladen", _existing(con, batch)
            _write(con, batch, synthetic, confidential, load_id)
        periods = f"{min(batch.periods)}-{max(batch.periods)}" if batch.periods else ""
        db.execute(con, "load_record", {
            "id": load_id, "file": batch.file.name, "checksum": batch.checksum,
            "source": batch.source, "format": batch.format, "rows": batch.rows,
            "periods": periods, "loaded_at": datetime.now(), "how": how, "by_user": by_user,
            "status": status, "message": "; ".join(warnings)[:2000] or None,
        })
    return LoadResult(batch.file.name, batch.source, batch.format, batch.rows, status, replaced,
                      warnings)


def _write(con, batch: LoadBatch, synthetic: bool, confidential: bool, load_id: int) -> None:
    """Replace the source's rows for the batch's years; every row remembers the load it came in."""
    params = {"source": batch.source, "periods": [int(p) for p in batch.periods]}
    if batch.areas is not None:
        con.register("_areas", batch.areas)
        db.execute(con, "load_upsert_areas")
        con.unregister("_areas")
    if batch.geometries is not None:
        levels = sorted(batch.areas["level"].unique()) if batch.areas is not None else []
        db.execute(con, "load_delete_geometries", {**params, "levels": levels})
        db.insert_frame(con, "geometries", batch.geometries.assign(source=batch.source, load_id=load_id))
    if batch.observations is not None:
        db.execute(con, "load_delete_observations", params)
        obs = batch.observations.assign(source=batch.source, synthetic=synthetic, load_id=load_id)
        clash = _clash(con, obs, params)
        if clash:
            raise LoadError(batch.file, clash, fix="Laad de gegevens van die bron niet dubbel, of "
                            "verwijder eerst de andere bron.")
        db.insert_frame(con, "observations", obs)
    if batch.buurttypes is not None:
        types = _expand_wijken(con, batch.buurttypes)
        con.register("_types", types)
        db.execute(con, "load_delete_buurttypes", params)
        con.unregister("_types")
        db.insert_frame(con, "buurttypes", types.assign(source=batch.source, load_id=load_id))
    for table, frame in (("spending", batch.spending), ("projects", batch.projects)):
        if frame is not None:
            # A project list is a register: a new one replaces the source's projects entirely.
            db.execute(con, f"load_delete_{table}",
                       {"source": batch.source} if table == "projects" else params)
            db.insert_frame(con, table, frame.assign(source=batch.source, synthetic=synthetic,
                                                     confidential=confidential, load_id=load_id))
    if batch.goals is not None:
        db.execute(con, "load_delete_goals", params)
        db.insert_frame(con, "goals", batch.goals.assign(source=batch.source, synthetic=synthetic,
                                                         load_id=load_id))


def _clash(con, obs: pd.DataFrame, params: dict | None = None) -> str | None:
    if params is not None:
        # Only rows of another source in the file's years can clash; usually there are none,
        # and then the join with every incoming row is not needed.
        others = db.query(con, "load_count_other_source_rows", params, cursor=False)
        if int(others["rows"].iloc[0]) == 0:
            return None
    con.register("_obs", obs)
    try:
        found = db.query(con, "load_clash", cursor=False)
    finally:
        con.unregister("_obs")
    if found.empty:
        return None
    row = found.iloc[0]
    return (f"{row['area_code']} / {row['indicator_id']} / {row['period']} is al geladen uit de "
            f"bron '{row['source']}' ({len(found)} overlappende waarden).")


def _expand_wijken(con, types: pd.DataFrame) -> pd.DataFrame:
    """A wijk code in a buurttype list stands for every buurt of that wijk."""
    wijken = types[types["area_code"].str.startswith("WK")]
    if wijken.empty:
        return types
    areas = db.query(con, "load_buurten_of_wijken",
                     {"wijken": sorted(wijken["area_code"].unique())}, cursor=False)
    expanded = wijken.merge(areas, left_on="area_code", right_on="parent_code")
    expanded = expanded.drop(columns=["area_code", "parent_code"]).rename(columns={"code": "area_code"})
    buurten = types[~types["area_code"].str.startswith("WK")]
    # An explicit buurt row wins over its wijk's row.
    merged = pd.concat([buurten, expanded[types.columns]], ignore_index=True)
    return merged.drop_duplicates(["area_code", "period", "rule"], keep="first")


def load_paths(db_path: Path, paths: list[Path], how: str, options: dict | None = None,
               progress: Progress | None = None, by_user: str | None = None) -> list[LoadResult]:
    """Load files one by one, each in its own transaction; stops at the first rejection."""
    results = []
    for index, path in enumerate(paths):
        if progress:
            progress(index / max(len(paths), 1), f"{Path(path).name} lezen en controleren")
        batch = read_file(path, options)
        if progress:
            progress((index + 0.5) / max(len(paths), 1), f"{Path(path).name} schrijven")
        results.append(commit(db_path, batch, how, by_user))
    if progress:
        progress(1.0, "klaar")
    return results
