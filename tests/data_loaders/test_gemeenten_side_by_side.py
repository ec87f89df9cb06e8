"""Several gemeenten in one database: a load replaces exactly what its files hold, a batch is all
or nothing, and the dry run tells what the real run then does, per gemeente."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from loader_testdata import BUURTEN_GEO, FIXTURES, sha256, table

from data_loaders import __main__ as cli
from data_loaders import pipeline
from data_loaders.batch import LoadError

GEO = FIXTURES / "geo"
BOUNDARIES = {"0202": GEO / "arnhem_buurten_2014_q1e3.topojson",
              "0274": GEO / "renkum_buurten_2014_q1e3.topojson"}
INWONERS = FIXTURES / "cbs_85984NED_2024_inwoners_arnhem_renkum.csv"
TEMPLATE = ["gebiedscode", "indicator", "jaar", "waarde", "n", "ondergrens", "bovengrens", "bron"]
SNAPSHOT = {
    "areas": "SELECT code, name, level, parent_code, valid_from, valid_to FROM areas "
             "WHERE gemeente_code = $gm ORDER BY code",
    "geometries": "SELECT area_code, indeling, geometry, geometry_display, source FROM geometries "
                  "WHERE 'GM' || substr(area_code, 3, 4) = $gm ORDER BY ALL",
    "observations": "SELECT area_code, indicator_id, period, value, source FROM observations "
                    "WHERE 'GM' || substr(area_code, 3, 4) = $gm ORDER BY ALL",
    "buurttypes": "SELECT area_code, period, rule, type, source FROM buurttypes "
                  "WHERE 'GM' || substr(area_code, 3, 4) = $gm ORDER BY ALL",
}


def inwoners(folder: Path, gemeente: str, name: str | None = None, only: int | None = None) -> Path:
    """The real inhabitants 2024 of one gemeente's buurten (the first `only` of them)."""
    with open(INWONERS, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["gebiedscode"][2:6] == gemeente]
    path = folder / (name or f"inwoners_GM{gemeente}.csv")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, TEMPLATE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[:only])
    return path


def buurttypes(folder: Path, gemeente: str) -> Path:
    """A gemeente's own list: its first three buurten of 2014 are achterstandsbuurten."""
    path = folder / f"buurttypen_GM{gemeente}.csv"
    codes = table_codes(BOUNDARIES[gemeente])[:3]
    path.write_text("gebiedscode,buurttype,bron,jaar_van,jaar_tot\n" + "".join(
        f"{code},achterstand,gemeentelijke_registratie,2020,2024\n" for code in codes),
        encoding="utf-8")
    return path


def table_codes(boundaries: Path) -> list[str]:
    return sorted(pipeline.read_file(boundaries).areas["code"])


def files_of(folder: Path, gemeente: str) -> list[Path]:
    return [BOUNDARIES[gemeente], inwoners(folder, gemeente), buurttypes(folder, gemeente)]


def snapshot(db: Path, gemeente: str) -> dict[str, list[tuple]]:
    return {name: [tuple(row) for row in table(db, sql.replace("$gm", "?"), [gemeente])
                   .itertuples(index=False)] for name, sql in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Each gemeente loaded on its own into an empty database."""
    shots = {}
    for gemeente in BOUNDARIES:
        folder = tmp_path_factory.mktemp(f"alleen_{gemeente}")
        pipeline.load_paths(folder / "db.duckdb", files_of(folder, gemeente), how="test")
        shots[gemeente] = snapshot(folder / "db.duckdb", f"GM{gemeente}")
    return shots


@pytest.mark.parametrize("order", [("0202", "0274"), ("0274", "0202")])
def test_loading_a_then_b_and_both_again_equals_loading_each_alone(tmp_path, alone, order):
    target = tmp_path / "db.duckdb"
    for gemeente in [*order, *order]:
        pipeline.load_paths(target, files_of(tmp_path, gemeente), how="test")
    for gemeente in order:
        shot = snapshot(target, f"GM{gemeente}")
        assert all(shot[name] for name in SNAPSHOT), f"GM{gemeente} mist gegevens"
        assert shot == alone[gemeente]


def test_each_gemeente_is_named_from_the_cbs_list_and_listed_for_the_picker(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [*files_of(tmp_path, "0202"), inwoners(tmp_path, "0274")],
                        how="test")
    picker = table(target, (pipeline.db.SQL_DIR / "queries" / "app_gemeenten.sql")
                   .read_text(encoding="utf-8"))
    # Renkum has figures only (no boundaries, no gemeente row in any file): it is still there.
    assert list(zip(picker["code"], picker["name"], strict=True)) == [
        ("GM0202", "Arnhem"), ("GM0274", "Renkum"), ("NL", "Nederland")]


def test_a_one_row_correction_changes_one_value(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, files_of(tmp_path, "0202") + files_of(tmp_path, "0274"),
                        how="test")
    before = table(target, "SELECT * EXCLUDE (load_id) FROM observations ORDER BY ALL")
    fix = tmp_path / "correctie.csv"
    fix.write_text(",".join(TEMPLATE) + "\nBU02020100,inwoners,2024,1610,,,,cbs_kwb_2024\n",
                   encoding="utf-8")
    [result] = pipeline.load_paths(target, [fix], how="test")
    after = table(target, "SELECT * EXCLUDE (load_id) FROM observations ORDER BY ALL")
    assert len(after) == len(before)
    changed = before.compare(after)
    assert len(changed) == 1
    assert after.loc[changed.index[0], ["area_code", "value"]].tolist() == ["BU02020100", 1610]
    [row] = result.changes.to_dict("records")
    assert (row["gemeente"], row["soort"], row["toegevoegd"], row["vervangen"],
            row["verwijderd"]) == ("GM0202", "waarden", 0, 1, 0)
    assert row["behouden"] == len(before[before["area_code"].str.startswith("BU0202")]) - 1


def test_a_refused_file_in_a_batch_leaves_the_database_exactly_as_before(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, files_of(tmp_path, "0202"), how="test")
    before = sha256(target)
    broken = tmp_path / "kapot.csv"
    broken.write_text(",".join(TEMPLATE) + "\nBU02740202,inwoners,2024,veel,,,,cbs_kwb_2024\n",
                      encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        pipeline.load_paths(target, [*files_of(tmp_path, "0274"), broken], how="test")
    assert str(caught.value) == (
        "Bestand 'kapot.csv', regel 2, kolom 'waarde': 'veel' is geen getal. Wat te doen: "
        + caught.value.fix + " Er is niets geladen: geen van de 4 bestanden, de database is "
        "ongewijzigd.")
    assert sha256(target) == before
    assert table(target, "SELECT count(*) AS n FROM areas WHERE gemeente_code = 'GM0274'")[
        "n"].iloc[0] == 0


def test_the_dry_run_reports_exactly_what_the_real_run_then_does(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, files_of(tmp_path, "0202"), how="test")
    fix = tmp_path / "correctie.csv"
    fix.write_text(",".join(TEMPLATE) + "\nBU02020100,inwoners,2024,1610,,,,cbs_kwb_2024\n"
                   "BU02029999,inwoners,2024,12,,,,cbs_kwb_2024\n", encoding="utf-8")
    batch = [*files_of(tmp_path, "0274"), fix]
    before = sha256(target)
    dry = pipeline.load_paths(target, batch, how="test", dry_run=True)
    assert sha256(target) == before
    real = pipeline.load_paths(target, batch, how="test")
    for planned, done in zip(dry, real, strict=True):
        assert pipeline.describe(planned) == pipeline.describe(done)
        assert planned.changes.equals(done.changes)
    # The numbers are the truth: what is in the database now per gemeente and kind.
    changes = pd_concat(r.changes for r in real)
    for kind, sql in (("waarden", "observations"), ("grenzen", "geometries"),
                      ("buurttypen", "buurttypes")):
        for gemeente in ("GM0202", "GM0274"):
            rows = changes[(changes["soort"] == kind) & (changes["gemeente"] == gemeente)]
            if rows.empty:
                continue
            last = rows.iloc[-1]
            now = table(target, f"SELECT count(*) AS n FROM {sql} "  # noqa: S608 - fixed names
                        "WHERE 'GM' || substr(area_code, 3, 4) = ?", [gemeente])["n"].iloc[0]
            assert now == last["toegevoegd"] + last["vervangen"] + last["behouden"]
    fixed = changes[changes["gemeente"] == "GM0202"].iloc[0]
    assert (fixed["toegevoegd"], fixed["vervangen"]) == (1, 1)


def pd_concat(frames):
    import pandas as pd

    return pd.concat(list(frames), ignore_index=True)


def test_codes_from_a_boundary_file_in_the_same_batch_are_known_in_the_preview(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [GEO / "arnhem_wijken_2024_wgs84.geojson"], how="test",
                        options={"level": "wijk"})
    figures = inwoners(tmp_path, "0202", only=10)
    [alone] = pipeline.load_paths(target, [figures], how="test", dry_run=True)
    [unknown] = [w for w in alone.warnings if "BU02020100" in w]
    # What it means for the user and what to do, not only that codes are missing.
    assert "niet op de kaart" in unknown and "laad de grenzen" in unknown
    # The figures come first on the command line; the boundaries are written first all the same.
    results = pipeline.load_paths(target, [figures, BUURTEN_GEO], how="test", dry_run=True,
                                  options={"indeling": 2024})
    assert not any("niet in de geladen grenzen" in w for r in results for w in r.warnings)
    assert [r.file for r in results] == [figures.name, BUURTEN_GEO.name]


def test_the_command_line_prints_the_preview_per_gemeente_and_says_nothing_was_loaded(
        tmp_path, capsys):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, files_of(tmp_path, "0202"), how="test")
    before = sha256(target)
    code = cli.main(["load", *map(str, files_of(tmp_path, "0274")), "--db", str(target),
                     "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and sha256(target) == before
    assert "  GM0274 Renkum: grenzen 19 nieuw, 0 vervangen, 0 verwijderd, 0 behouden" in out
    assert "GM0202" not in out
    assert out.rstrip().endswith("Proefdraai: de database is niet gewijzigd.")


def test_loading_the_same_files_again_reports_everything_kept_and_changes_nothing(tmp_path):
    target = tmp_path / "db.duckdb"
    files = files_of(tmp_path, "0274")
    pipeline.load_paths(target, files, how="test")
    before = snapshot(target, "GM0274")
    again = pipeline.load_paths(target, files, how="test")
    assert [r.status for r in again] == ["ongewijzigd"] * 3
    for result in again:
        assert (result.changes[["toegevoegd", "vervangen", "verwijderd"]] == 0).all().all()
    waarden = again[1].changes.iloc[0]
    assert waarden["behouden"] == len(before["observations"]) == 54
    assert snapshot(target, "GM0274") == before


def test_figures_for_a_buurt_whose_boundary_had_no_surface_say_so(tmp_path) -> None:
    import json

    target = tmp_path / "db.duckdb"
    shapes = json.loads(BUURTEN_GEO.read_text(encoding="utf-8"))
    flat = shapes["features"][0]
    code = flat["properties"].get("statcode") or flat["properties"].get("buurtcode")
    point = flat["geometry"]["coordinates"][0][0]
    while isinstance(point[0], list):
        point = point[0]
    flat["geometry"] = {"type": "Polygon", "coordinates": [[point, point, point, point]]}
    boundaries = tmp_path / "buurten_plat.geojson"
    boundaries.write_text(json.dumps(shapes), encoding="utf-8")
    pipeline.load_paths(target, [boundaries], how="test", options={"indeling": 2024})
    figures = inwoners(tmp_path, code[2:6])
    [result] = pipeline.load_paths(target, [figures], how="test", dry_run=True)
    [said] = [w for w in result.warnings if code in w]
    # Not sent to look for another indeling: the boundary was there, without a surface.
    assert "geen grens met oppervlakte" in said and "niet op de kaart" in said
    assert not any(code in w for w in result.warnings if "staan niet in de geladen grenzen" in w)
