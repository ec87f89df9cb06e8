"""One code path for every load (command line, upload, demo build): detect, read, plan, write.

A batch of files is one write session (db.write_session, on a copy of the database that replaces
it only at the end): all files load, or none does. Each file
replaces exactly what it contains: its source's values of its areas, indicators and years, the
boundaries of its area codes in its indeling, the buurttypes of its areas, years and rules; never
another gemeente's data. Before writing, every file's effect is planned per gemeente (added,
replaced, removed, kept) inside the same transaction, so the dry run (the same transaction, rolled
back) reports exactly what the real run does. Loading the same file again changes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from data_loaders import aggregates as aggregates_module
from data_loaders import (
    cbs_opendata,
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
           "sjabloon": templates, "cbs_opendata": cbs_opendata}
Progress = Callable[[float, str], None]


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
    if path.suffix.lower() in geometry.OGR_SUFFIXES:
        # Binary boundary formats (GeoPackage, Shapefile, zipped Shapefile): by their name.
        if geometry.detect(path, ""):
            return "geometrie"
        head = ""
    elif path.suffix.lower() in {".xlsx", ".xlsm"}:
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
    if path.suffix.lower() not in {".xlsx", ".xlsm", ".json", ".geojson", ".topojson",
                                   *geometry.OGR_SUFFIXES}:
        textio.sniff_separator(path, head)  # says so when the separator is the problem
    raise LoadError(
        path,
        "het formaat is niet herkend (geen CBS-tabel met bekende kolommen, geen Leefbaarometer-, "
        "sjabloon- of grenzenbestand; een zip-bestand moet een Shapefile bevatten).",
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


PLAN_KINDS = {"geometries": "grenzen", "observations": "waarden", "buurttypes": "buurttypen",
              "own": "eigen gegevens"}
PLAN_COLUMNS = ["gemeente", "naam", "soort", "toegevoegd", "vervangen", "verwijderd", "behouden"]


def _plan_frame(rows: pd.DataFrame, kind: str) -> pd.DataFrame:
    return pd.DataFrame({
        "gemeente": rows["gemeente"].astype(str), "soort": PLAN_KINDS[kind],
        "toegevoegd": rows["added"].astype(int), "vervangen": rows["replaced"].astype(int),
        "verwijderd": rows["removed"].astype(int), "behouden": rows["kept"].astype("Int64"),
        "same": rows["same"].astype(int),
    })


def _plan(con, batch: LoadBatch) -> list[pd.DataFrame]:
    """Per gemeente and kind, what writing `batch` now would do (inside the open transaction)."""
    plans = []
    frames = {
        "geometries": (batch.geometries, ["area_code", "indeling"]),
        "observations": (batch.observations, ["area_code", "indicator_id", "period"]),
        "buurttypes": (batch.buurttypes, ["area_code", "period", "rule"]),
    }
    for kind, (frame, keys) in frames.items():
        if frame is None or frame.empty:
            continue
        if kind == "buurttypes":
            frame = _expand_wijken(con, frame)
        params = {"checksum": batch.checksum, **_lists(frame, gemeenten=True)}
        if kind == "observations":
            params["source"] = batch.source
        elif kind == "geometries":
            params.pop("periods", None)
        with db.registered(con, "_in", frame[keys]):
            found = db.query(con, f"load_plan_{kind}", params, cursor=False)
        plans.append(_plan_frame(found, kind))
    return plans


def _lists(frame: pd.DataFrame, gemeenten: bool = False) -> dict[str, list]:
    """The few distinct indicators, years, rules (and gemeenten) of a frame, as bound lists.

    Filtering on a short list lets DuckDB skip rows early; a semi-join on the incoming rows
    themselves built its hash table on the whole observations table (seconds per national file).
    """
    lists: dict[str, list] = {}
    if "indicator_id" in frame:
        lists["indicators"] = sorted(frame["indicator_id"].unique().tolist())
    if "period" in frame:
        lists["periods"] = sorted(int(p) for p in frame["period"].unique().tolist())
    if "rule" in frame:
        lists["rules"] = sorted(frame["rule"].unique().tolist())
    if gemeenten:
        lists["gemeenten"] = sorted({"GM" + c[2:6] for c in frame["area_code"].unique().tolist()})
    return lists


def _unchanged(batch: LoadBatch, plans: list[pd.DataFrame]) -> bool:
    """This very file was loaded before and nothing has changed its rows since."""
    own = (batch.spending, batch.projects, batch.goals)
    if not plans or any(f is not None for f in own):
        return False
    plan = pd.concat(plans)
    return bool((plan["toegevoegd"] == 0).all() and (plan["verwijderd"] == 0).all()
                and (plan["vervangen"] == plan["same"]).all())


@dataclass(frozen=True, eq=False)
class LoadResult:
    file: str
    source: str
    format: str
    rows: int
    status: str  # geladen, ongewijzigd
    replaced: int  # existing rows this file replaces or removes
    warnings: tuple[str, ...]
    periods: tuple[int, ...] = ()
    areas: int = 0
    indicators: tuple[str, ...] = ()
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PLAN_COLUMNS))


def describe(result: LoadResult) -> list[str]:
    """The preview and the outcome in words, the same for the command line and the upload page."""
    years = ", ".join(map(str, result.periods)) or "-"
    lines = [f"{result.file}: {result.rows} regels, {result.areas} gebieden, jaren {years}, bron "
             f"{result.source}; vervangt {result.replaced} bestaande regels"]
    for (code, name), part in result.changes.groupby(["gemeente", "naam"], sort=True):
        kinds = []
        for row in part.itertuples():
            kept = "" if pd.isna(row.behouden) else f", {row.behouden} behouden"
            kinds.append(f"{row.soort} {row.toegevoegd} nieuw, {row.vervangen} vervangen, "
                         f"{row.verwijderd} verwijderd{kept}")
        lines.append(f"  {code} {name}: " + "; ".join(kinds))
    lines += [f"  let op: {warning}" for warning in result.warnings]
    return lines


@functools.cache
def gemeente_names() -> dict[str, str]:
    """GM code -> name, from CBS's 2025 gemeente list (data_loaders/reference/README.md)."""
    frame = pd.read_csv(mapped_table.REFERENCE_DIR / "cbs_gem2025_codes.csv", sep=";", dtype=str,
                        encoding="utf-8-sig", keep_default_na=False)
    return {"GM" + code.strip().zfill(4): name.strip()
            for code, name in zip(frame["Gemeente2025"], frame["Gemeentenaam2025"], strict=True)}


def _names(con, codes: list[str]) -> dict[str, str]:
    """The name of each gemeente as loaded, else from the CBS list, else its code."""
    known = db.query(con, "load_gemeente_names", {"codes": codes}, cursor=False)
    loaded = dict(zip(known["code"], known["name"], strict=True))
    return {c: loaded.get(c) or gemeente_names().get(c) or c for c in codes}


def _mentioned_gemeenten(batch: LoadBatch) -> list[str]:
    codes: set[str] = set()
    for frame, column in ((batch.areas, "code"), (batch.observations, "area_code"),
                          (batch.geometries, "area_code"), (batch.buurttypes, "area_code"),
                          (batch.spending, "area_code"), (batch.goals, "area_code")):
        if frame is not None and not frame.empty:
            codes.update("GM" + c[2:6] for c in frame[column].unique().tolist())
    if batch.projects is not None:
        codes.update("GM" + c.split()[0][2:6] for c in batch.projects["area_codes"] if c.split())
    return sorted(codes)


def _ensure_gemeenten(con, batch: LoadBatch) -> None:
    """Every gemeente with data gets an area row, so the app knows it (named as well as known)."""
    codes = _mentioned_gemeenten(batch)
    if not codes:
        return
    names = _names(con, codes)
    frame = pd.DataFrame({"code": codes, "name": [names[c] for c in codes]})
    with db.registered(con, "_gemeenten", frame):
        db.execute(con, "load_add_gemeenten")


def _ensure_source(con, key: str) -> None:
    """A source named for its year (cbs_kwb_2017) is the source without year, labelled for it."""
    if not db.query(con, "load_source_known", {"key": key}, cursor=False).empty:
        return
    catalogue = indicator_catalogue.sources()
    row = catalogue[catalogue["key"] == key]
    match = re.fullmatch(r"(.+)_((?:19|20)\d\d)", key)
    if row.empty and match:
        base = catalogue[catalogue["key"] == match.group(1)]
        row = base.assign(key=key, label=base["label"] + f" {match.group(2)}")
    if not row.empty:
        db.insert_frame(con, "sources", row)


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
    # Known as an area (e.g. from a boundary whose shape had no surface) but without a shape.
    shapeless = set(db.query(con, "load_shapeless_codes", {"codes": codes},
                             cursor=False)["area_code"])
    out = []
    absent = [c for c in codes if c not in shapeless]
    if absent:
        out.append(f"{len(absent)} gebiedscode(s) staan niet in de geladen grenzen: "
                   f"{_shown(absent)}. De cijfers worden wel geladen en tellen mee in de "
                   "gemeentecijfers, maar deze gebieden staan niet op de kaart. Meestal horen ze "
                   "bij een andere wijk- en buurtindeling dan de geladen grenzen (een herindeling "
                   "of een nieuwere CBS-indeling): laad de grenzen van het jaar van deze cijfers "
                   "om ze te tonen.")
    flat = [c for c in codes if c in shapeless]
    if flat:
        out.append(f"{len(flat)} gebiedscode(s) zijn bekend als gebied, maar hebben geen grens "
                   f"met oppervlakte: {_shown(flat)}. De cijfers worden wel geladen en tellen mee "
                   "in de gemeentecijfers, maar deze gebieden staan niet op de kaart. Was hun grens "
                   "bij het laden zonder oppervlakte (zie de melding bij het laden van de "
                   "grenzen), laad dan grenzen met meer detail (bijvoorbeeld de Wijk- en "
                   "buurtkaart van CBS/PDOK); anders horen ze bij een andere indeling: laad de "
                   "grenzen van het jaar van deze cijfers.")
    return out


def _shown(codes: list[str]) -> str:
    return ", ".join(codes[:10]) + (" …" if len(codes) > 10 else "")


def _load_one(con, batch: LoadBatch, how: str, by_user: str | None = None) -> LoadResult:
    """Plan, then write one file's batch inside the open transaction and record it."""
    synthetic, confidential = indicator_catalogue.source_flags(batch.source)
    _ensure_source(con, batch.source)
    warnings = tuple(batch.warnings) + tuple(_unknown_areas(con, batch))
    load_id = int(con.execute("SELECT nextval('load_ids')").fetchall()[0][0])
    plans = _plan(con, batch)
    if _unchanged(batch, plans):
        status = "ongewijzigd"
    else:
        status = "geladen"
        plans += _write(con, batch, synthetic, confidential, load_id)
        _ensure_gemeenten(con, batch)
    changes = pd.concat(plans, ignore_index=True) if plans else pd.DataFrame(
        columns=[*PLAN_COLUMNS, "same"])
    if status == "ongewijzigd":
        # Nothing is written: what the file would have replaced stays, so it counts as kept.
        changes = changes.assign(behouden=changes["behouden"] + changes["vervangen"],
                                 toegevoegd=0, vervangen=0, verwijderd=0)
    gemeenten = sorted(changes["gemeente"].unique().tolist())
    names = _names(con, gemeenten) if gemeenten else {}
    changes = changes.assign(naam=changes["gemeente"].map(names))[PLAN_COLUMNS]
    periods = f"{min(batch.periods)}-{max(batch.periods)}" if batch.periods else ""
    db.execute(con, "load_record", {
        "id": load_id, "file": batch.file.name, "checksum": batch.checksum,
        "source": batch.source, "format": batch.format, "rows": batch.rows,
        "periods": periods, "loaded_at": datetime.now(), "how": how, "by_user": by_user,
        "status": status, "message": "; ".join(warnings)[:2000] or None,
    })
    obs = batch.observations
    return LoadResult(
        batch.file.name, batch.source, batch.format, batch.rows, status,
        int(changes["vervangen"].sum() + changes["verwijderd"].sum()), warnings,
        periods=tuple(int(p) for p in batch.periods),
        areas=int(obs["area_code"].nunique()) if obs is not None else
        (len(batch.areas) if batch.areas is not None else 0),
        indicators=tuple(sorted(obs["indicator_id"].unique())) if obs is not None else (),
        changes=changes.reset_index(drop=True),
    )


def _write(con, batch: LoadBatch, synthetic: bool, confidential: bool,
           load_id: int) -> list[pd.DataFrame]:
    """Replace exactly what the batch holds; every row remembers the load it came in.

    Returns the plan of own data (spending, projects, goals), counted from what was deleted.
    """
    params = {"source": batch.source, "periods": [int(p) for p in batch.periods]}
    if batch.areas is not None:
        con.register("_areas", batch.areas)
        db.execute(con, "load_upsert_areas")
        con.unregister("_areas")
    if batch.geometries is not None:
        _delete(con, "load_delete_geometries", batch.geometries[["area_code", "indeling"]])
        db.insert_frame(con, "geometries", batch.geometries.assign(source=batch.source, load_id=load_id))
    if batch.observations is not None:
        obs = batch.observations.assign(source=batch.source, synthetic=synthetic, load_id=load_id)
        clash = _clash(con, obs, params)
        if clash:
            raise LoadError(batch.file, clash, fix="Laad de gegevens van die bron niet dubbel, of "
                            "verwijder eerst de andere bron.")
        _delete(con, "load_delete_observations", batch.observations[["area_code"]],
                {"source": batch.source, **_lists(batch.observations)})
        db.insert_frame(con, "observations", obs)
    if batch.buurttypes is not None:
        types = _expand_wijken(con, batch.buurttypes)
        _delete(con, "load_delete_buurttypes", types[["area_code"]], _lists(types))
        db.insert_frame(con, "buurttypes", types.assign(source=batch.source, load_id=load_id))
    own = []
    for table, frame, keys in (
        ("spending", batch.spending, ["organisation", "area_code", "year"]),
        ("projects", batch.projects, ["project_id", "area_codes"]),
        ("goals", batch.goals, ["area_code", "indicator_id", "target_period"]),
    ):
        if frame is None:
            continue
        incoming = frame[keys]
        if table == "projects":
            incoming = incoming.assign(gemeente=[("GM" + c.split()[0][2:6]) if c.split() else ""
                                                 for c in frame["area_codes"]])
            first = incoming["gemeente"]
        else:
            first = "GM" + incoming["area_code"].str[2:6]
        deleted = _delete(con, f"load_delete_{table}", incoming,
                          {"source": batch.source} if table == "projects" else None)
        gone = ("GM" + deleted["area_code"].fillna("").str[2:6]).value_counts()
        come = first.value_counts()
        for code in sorted(set(come.index) | set(gone.index)):
            n_in, n_out = int(come.get(code, 0)), int(gone.get(code, 0))
            own.append((code, n_in - min(n_in, n_out), min(n_in, n_out), n_out - min(n_in, n_out)))
        extra = {"synthetic": synthetic, "confidential": confidential}
        if table == "goals":
            extra.pop("confidential")
        db.insert_frame(con, table, frame.assign(source=batch.source, load_id=load_id, **extra))
    if not own:
        return []
    rows = pd.DataFrame(own, columns=["gemeente", "added", "replaced", "removed"])
    rows = rows.groupby("gemeente", as_index=False).sum().assign(kept=pd.NA, same=0)
    return [_plan_frame(rows, "own")]


def _delete(con, name: str, incoming: pd.DataFrame, params: dict | None = None) -> pd.DataFrame:
    with db.registered(con, "_in", incoming):
        if name.endswith(("spending", "projects", "goals")):
            return db.query(con, name, params, cursor=False)  # DELETE ... RETURNING area_code
        db.execute(con, name, params)
        return pd.DataFrame()


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


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction is rolled back."""


def load_paths(db_path: Path, paths: list[Path], how: str, options: dict | None = None,
               progress: Progress | None = None, *, dry_run: bool = False,
               by_user: str | None = None, aggregates: bool = True) -> list[LoadResult]:
    """Load files as one batch: all of them, or (on any rejection) none.

    With dry_run the very same work is done and then rolled back: the results are the preview.
    Boundary files go first, so the codes they bring are known to the other files of the batch.
    Files are read one at a time inside the transaction, so memory holds one file at most.
    In the same transaction the default buurttypes (derive_buurttypes) and the build-time
    aggregates (data_loaders.aggregates) of every gemeente the batch changed are computed again
    (not with aggregates=False: the caller does both).
    """
    paths = [Path(p) for p in paths]
    total = max(len(paths), 1)
    try:
        formats = [detect_format(p) for p in paths]
    except LoadError as exc:
        raise exc.in_batch(len(paths)) from None
    order = sorted(range(len(paths)), key=lambda i: formats[i] != "geometrie")
    results: dict[int, LoadResult] = {}
    try:
        with db.write_session(db_path) as con:
            if con.execute("SELECT count(*) FROM indicators").fetchall()[0][0] == 0:
                ensure_catalogue(con)
            for step, i in enumerate(order):
                name = paths[i].name

                def say(fraction: float, text: str, step: int = step, name: str = name) -> None:
                    if progress:
                        progress(min((step + fraction * 0.8) / total, 1.0), f"{name}: {text}")

                say(0.0, "lezen en controleren")
                reader_options = {**(options or {}), "progress": say}
                batch = READERS[formats[i]].read(paths[i], checksum_of(paths[i]), reader_options)
                say(0.8, "controleren tegen de database en schrijven")
                results[i] = _load_one(con, batch, how, by_user)
                del batch
                # Still all or nothing: the session's copy replaces the database only at the end.
                db.step(con)
            if dry_run:
                raise _DryRun
            if aggregates:
                if progress:
                    progress(0.99, "gemeentecijfers, buurttypegemiddelden en signalen berekenen")
                changed = changed_gemeenten(results.values())
                derive_buurttypes(con, changed)
                aggregates_module.refresh(con, changed)
    except _DryRun:
        pass
    except LoadError as exc:
        raise exc.in_batch(len(paths)) from None
    if progress:
        progress(1.0, "klaar")
    return [results[i] for i in range(len(paths))]


def derive_buurttypes(con, gemeenten: list[str]) -> None:
    """The default buurttype rule (income per inhabitant within the gemeente, as the demo build
    derives it: build_buurttype_inkomen.sql) derived again for these gemeenten from the income
    as it now is, inside the open write session: a gemeente loaded from its own files gets the
    achterstands-, middenstands- and voorstandsbuurten filter without a list of its own. One
    without income figures gets none; labels loaded from a file are kept. The demo build and the
    benchmark call it once for all their gemeenten."""
    if gemeenten:
        db.execute(con, "build_buurttype_inkomen_forget", {"gemeenten": list(gemeenten)})
        db.execute(con, "build_buurttype_inkomen", {"gemeenten": list(gemeenten)})


def changed_gemeenten(results) -> list[str]:
    """The gemeenten whose rows these loads added, replaced or removed."""
    return sorted({str(g) for r in results if r.status != "ongewijzigd"
                   for g in r.changes.get("gemeente", pd.Series(dtype=object)).dropna()})


def preview(db_path: Path, paths: list[Path], options: dict | None = None) -> list[LoadResult]:
    """What loading these files would do, per file and gemeente: the real run, rolled back."""
    return load_paths(db_path, paths, "voorbeeld", options, dry_run=True)

