"""Build-time aggregates: what a load stores equals the same computation done from scratch.

The app reads the gemeente figures, buurttype averages, early warnings, improvements and expected
values that the load stored (data_loaders.aggregates); for a privacy setting that was not stored
it computes them itself, one indicator at a time. Both must give the same table: on the demo, on
a database of two gemeenten, and after a reload that changes only one of them.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pandas as pd
import pytest
from loader_testdata import FIXTURES
from pandas.testing import assert_frame_equal

from data_loaders import aggregates, db, pipeline, settings
from metrics import aggregate

BOUNDARIES = {"GM0202": FIXTURES / "geo" / "arnhem_buurten_2014_q1e3.topojson",
              "GM0274": FIXTURES / "geo" / "renkum_buurten_2014_q1e3.topojson"}
INWONERS = FIXTURES / "cbs_85984NED_2024_inwoners_arnhem_renkum.csv"
TEMPLATE = ["gebiedscode", "indicator", "jaar", "waarde", "n", "ondergrens", "bovengrens", "bron"]
KEYS = {
    "gemeente": ["indicator_id", "period"],
    "peers": ["type", "indicator_id", "period"],
    "signals": ["area_code", "indicator_id", "period", "rule"],
    "expected": ["indicator_id", "area_code"],
}


def from_scratch(path: Path, gemeente: str, privacy: settings.Privacy) -> dict[str, pd.DataFrame]:
    """What the app computes when nothing is stored: one indicator at a time, as data.py does."""
    con = db.connect(path)
    try:
        catalogue = db.query(con, "app_catalogue").set_index("id", drop=False)
        areas = db.query(con, "app_areas", {"gemeente": gemeente})
        periods = db.query(con, "app_periods", {"gemeente": gemeente, "real_only": False})
        rules = db.query(con, "app_rules", {"gemeente": gemeente})["rule"].tolist()

        def fetch(indicators):
            return aggregates.observations(con, gemeente, indicators, privacy)

        weights = aggregate.population_weights(fetch(("inwoners",)))
        out = {"peers": {}}
        for rule in rules or [""]:
            types = db.query(con, "app_buurttypes", {"gemeente": gemeente, "rule": rule})
            out["gemeente"], peers = aggregates.reference_tables(
                fetch, areas=areas, buurttypes=types, weights=weights, catalogue=catalogue)
            if peers is not None:
                out["peers"][rule] = peers
        out["verslechterd"] = aggregates.early_warnings(fetch, catalogue, periods)
        out["verbeterd"] = aggregates.improvements(fetch, catalogue, periods)
        out["expected"], out["status_id"] = aggregates.expected_fits(
            fetch, catalogue=catalogue, periods=periods, areas=areas, weights=weights)
        out["rules"] = rules
        return out
    finally:
        con.close()


def stored(path: Path, gemeente: str, privacy: settings.Privacy, rules: list[str]) -> dict:
    con = db.connect(path)
    try:
        present, status_id, _ = aggregates.stored_run(con, gemeente, privacy)
        assert present, f"geen opgeslagen aggregaten voor {gemeente} ({privacy.real_only=})"
        return {
            "gemeente": aggregates.stored_gemeente(con, gemeente, privacy),
            "peers": {rule: aggregates.stored_reference_tables(con, gemeente, rule, privacy)[1]
                      for rule in rules},
            "verslechterd": aggregates.stored_signals(con, gemeente, privacy, "verslechterd"),
            "verbeterd": aggregates.stored_signals(con, gemeente, privacy, "verbeterd"),
            "expected": aggregates.stored_expected(con, gemeente, privacy),
            "status_id": status_id,
        }
    finally:
        con.close()


def same(got: pd.DataFrame, want: pd.DataFrame, keys: list[str], what: str) -> None:
    assert len(got) == len(want), f"{what}: {len(got)} opgeslagen regels, {len(want)} berekend"
    if want.empty:
        return
    got = got[list(want.columns)].sort_values(keys).reset_index(drop=True)
    want = want.sort_values(keys).reset_index(drop=True)
    # Stored columns come back in the database's types (an object column of ints as int64).
    assert_frame_equal(got, want, check_dtype=False, check_exact=False, rtol=1e-12, obj=what)


def assert_stored_equals_scratch(path: Path, gemeente: str) -> dict:
    """Every stored aggregate of the gemeente, under each stored privacy, equals from_scratch."""
    counts = {}
    for privacy in aggregates.stored_privacies():
        want = from_scratch(path, gemeente, privacy)
        got = stored(path, gemeente, privacy, want["rules"])
        label = f"{gemeente} echt={privacy.real_only}"
        same(got["gemeente"], want["gemeente"], KEYS["gemeente"], f"gemeente {label}")
        assert set(want["peers"]) <= set(got["peers"])
        for rule, peers in want["peers"].items():
            same(got["peers"][rule], peers, KEYS["peers"], f"buurttypen {rule} {label}")
        for signal in ("verslechterd", "verbeterd"):
            same(got[signal], want[signal], KEYS["signals"], f"{signal} {label}")
        same(got["expected"], want["expected"], KEYS["expected"], f"verwacht {label}")
        assert got["status_id"] == want["status_id"]
        counts[privacy.real_only] = {k: len(v) for k, v in want.items()
                                     if isinstance(v, pd.DataFrame)}
    return counts


def test_the_demos_stored_aggregates_equal_the_computation_from_scratch(demo_db: Path) -> None:
    counts = assert_stored_equals_scratch(demo_db, "GM0202")
    # Not vacuous: the demo has figures, warnings, improvements and expected values to compare.
    assert counts[False]["gemeente"] > 100 and counts[False]["expected"] > 500
    assert counts[False]["verslechterd"] > 5 and counts[False]["verbeterd"] > 5
    # Without its generated values the demo keeps fewer figures.
    assert counts[True]["gemeente"] < counts[False]["gemeente"]


# --- a database of two gemeenten, each with inhabitants, buurttypes, an income and a survey ---

def _codes(gemeente: str) -> list[str]:
    return sorted(c for c in pipeline.read_file(BOUNDARIES[gemeente]).areas["code"]
                  if c.startswith("BU"))


def _write(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, TEMPLATE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def figures(folder: Path, gemeente: str, seed: int) -> list[Path]:
    """The real inhabitants 2024 of the gemeente's buurten, a seeded income, and a survey."""
    with open(INWONERS, encoding="utf-8", newline="") as handle:
        people = [r for r in csv.DictReader(handle) if r["gebiedscode"][2:6] == gemeente[2:]]
    rng = random.Random(seed)
    income = [{"gebiedscode": code, "indicator": "inkomen_per_inwoner", "jaar": "2022",
               "waarde": f"{rng.uniform(20, 45):.1f}", "bron": "cbs_kwb"}
              for code in _codes(gemeente)]
    return [_write(folder / f"inwoners_{gemeente}.csv", people),
            _write(folder / f"inkomen_{gemeente}.csv", income), survey(folder, gemeente, seed)]


def survey(folder: Path, gemeente: str, seed: int) -> Path:
    """A report mark over three years in which some buurten fall and some rise (narrow
    intervals, so the changes are significant)."""
    rng = random.Random(seed)
    rows = []
    for i, code in enumerate(_codes(gemeente)):
        start = rng.uniform(6.5, 7.8)
        step = (-0.6 if i % 4 == 0 else 0.5 if i % 4 == 1 else 0.0) + rng.uniform(-0.05, 0.05)
        for k, year in enumerate((2020, 2022, 2024)):
            value = start + step * k
            rows.append({"gebiedscode": code, "indicator": "rapportcijfer_buurt",
                         "jaar": str(year), "waarde": f"{value:.1f}", "n": "120",
                         "ondergrens": f"{value - 0.15:.2f}", "bovengrens": f"{value + 0.15:.2f}",
                         "bron": "cbs_veiligheidsmonitor"})
    return _write(folder / f"enquete_{gemeente}.csv", rows)


def buurttypes(folder: Path, gemeente: str) -> Path:
    codes = _codes(gemeente)
    kinds = ["achterstand", "midden", "voorstand"]
    path = folder / f"buurttypen_{gemeente}.csv"
    path.write_text("gebiedscode,buurttype,bron,jaar_van,jaar_tot\n" + "".join(
        f"{code},{kinds[i % 3]},gemeentelijke_registratie,2020,2024\n"
        for i, code in enumerate(codes)), encoding="utf-8")
    return path


def runs(path: Path) -> pd.DataFrame:
    con = db.connect(path)
    try:
        return con.execute("SELECT * FROM agg_runs ORDER BY ALL").df()
    finally:
        con.close()


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("twee_aggregaten")
    target = folder / "twee.duckdb"
    for seed, gemeente in enumerate(BOUNDARIES):
        pipeline.load_paths(target, [BOUNDARIES[gemeente], *figures(folder, gemeente, seed),
                                     buurttypes(folder, gemeente)], how="test")
    return target


def test_each_gemeentes_stored_aggregates_equal_the_computation_from_scratch(two: Path) -> None:
    for gemeente in BOUNDARIES:
        counts = assert_stored_equals_scratch(two, gemeente)
        assert counts[False]["verslechterd"] > 0 and counts[False]["verbeterd"] > 0
        assert counts[False]["expected"] > 0 and counts[False]["gemeente"] > 0
    assert sorted(set(runs(two)["gemeente_code"])) == [*sorted(BOUNDARIES), "NL"]


def test_without_generated_values_real_only_stores_the_same_tables(two: Path) -> None:
    """No generated value in the database: 'Alleen echte cijfers' changes nothing, so the load
    computes the tables once and stores them under both settings (still equal to the
    computation from scratch under each: the test above)."""
    con = db.connect(two)
    try:
        assert not con.execute("SELECT bool_or(synthetic) FROM observations").fetchone()[0]
        every, real_only = aggregates.stored_privacies()
        for code in [*BOUNDARIES, "NL"]:
            assert_frame_equal(aggregates.stored_gemeente(con, code, every),
                               aggregates.stored_gemeente(con, code, real_only))
            assert_frame_equal(aggregates.stored_expected(con, code, every),
                               aggregates.stored_expected(con, code, real_only))
            assert len(aggregates.stored_gemeente(con, code, real_only)) > 0
    finally:
        con.close()


def assert_nation_stored_equals_scratch(path: Path) -> None:
    """The country's stored figures (every buurt of the database as one scope) equal computed()
    of the scope 'NL'."""
    con = db.connect(path)
    try:
        for privacy in aggregates.stored_privacies():
            alone = aggregates.computed(con, "NL", privacy)
            assert aggregates.stored_run(con, "NL", privacy) == (True, alone.status_id, True)
            label = f"NL echt={privacy.real_only}"
            same(aggregates.stored_expected(con, "NL", privacy), alone.expected,
                 KEYS["expected"], f"verwacht {label}")
            same(aggregates.stored_gemeente(con, "NL", privacy), alone.gemeente,
                 KEYS["gemeente"], f"gemeente {label}")
            for rule, peers in alone.peers.items():
                same(aggregates.stored_reference_tables(con, "NL", rule, privacy)[1], peers,
                     KEYS["peers"], f"buurttypen {rule} {label}")
            same(aggregates.stored_signals(con, "NL", privacy, "verslechterd"), alone.warnings,
                 KEYS["signals"], f"verslechterd {label}")
            same(aggregates.stored_signals(con, "NL", privacy, "verbeterd"), alone.improvements,
                 KEYS["signals"], f"verbeterd {label}")
            if not privacy.real_only:  # not vacuous: both gemeenten are in the country
                assert alone.peers and len(alone.improvements) > 0 and len(alone.expected) > 0
                buurten = con.execute("SELECT gemeente_code, count(*) FROM areas "
                                      "WHERE level = 'buurt' GROUP BY ALL").fetchall()
                assert len(buurten) == 2  # the country's figure counts both gemeenten's buurten
                assert set(aggregates.stored_gemeente(con, "NL", privacy)["areas_total"]) == {
                    sum(count for _, count in buurten)}
    finally:
        con.close()


def test_the_country_is_stored_with_its_gemeenten(two: Path) -> None:
    assert_nation_stored_equals_scratch(two)


def test_a_reload_of_one_gemeente_recomputes_it_and_leaves_the_other(two: Path,
                                                                    tmp_path: Path) -> None:
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    before = runs(copy)
    renkum_before = stored(copy, "GM0274", aggregates.stored_privacies()[0], ["gemeentelijke_lijst"])
    arnhem_before = stored(copy, "GM0202", aggregates.stored_privacies()[0], ["gemeentelijke_lijst"])
    # Arnhem's survey again, with other values (the same file name: a correction).
    pipeline.load_paths(copy, [survey(tmp_path, "GM0202", seed=99)], how="test")
    after = runs(copy)
    assert_stored_equals_scratch(copy, "GM0202")
    assert_stored_equals_scratch(copy, "GM0274")
    assert_nation_stored_equals_scratch(copy)  # the country changed with Arnhem
    # Renkum was not computed again; Arnhem was, and its figures changed.
    keep = ["gemeente_code", "real_only", "computed_at"]
    assert_frame_equal(before.loc[before["gemeente_code"] == "GM0274", keep].reset_index(drop=True),
                       after.loc[after["gemeente_code"] == "GM0274", keep].reset_index(drop=True))
    assert (after.loc[after["gemeente_code"] == "GM0202", "computed_at"].min()
            > before.loc[before["gemeente_code"] == "GM0202", "computed_at"].max())
    arnhem_after = stored(copy, "GM0202", aggregates.stored_privacies()[0], ["gemeentelijke_lijst"])
    assert not arnhem_after["gemeente"].equals(arnhem_before["gemeente"])
    renkum_after = stored(copy, "GM0274", aggregates.stored_privacies()[0], ["gemeentelijke_lijst"])
    assert_frame_equal(renkum_after["gemeente"], renkum_before["gemeente"])


def test_many_gemeenten_at_once_give_what_each_gives_on_its_own(two: Path, demo_db: Path) -> None:
    """A national load computes its gemeenten together (aggregates.computed_many): per gemeente,
    and for the country ('NL': every buurt of both as one scope), the same tables as computed()
    of that scope alone."""
    for path, gemeenten in ((two, [*sorted(BOUNDARIES), "NL"]), (demo_db, ["GM0202", "NL"])):
        con = db.connect(path)
        try:
            for privacy in aggregates.stored_privacies():
                together = aggregates.computed_many(con, gemeenten, privacy, cursor=True)
                assert sorted(together) == gemeenten
                for code in gemeenten:
                    alone = aggregates.computed(con, code, privacy)
                    got = together[code]
                    same(got.expected, alone.expected, KEYS["expected"], f"verwacht {code}")
                    assert got.status_id == alone.status_id
                    same(got.gemeente, alone.gemeente, KEYS["gemeente"], f"gemeente {code}")
                    assert sorted(got.peers) == sorted(alone.peers)
                    for rule, peers in alone.peers.items():
                        same(got.peers[rule], peers, KEYS["peers"], f"buurttypen {rule} {code}")
                    same(got.warnings, alone.warnings, KEYS["signals"], f"verslechterd {code}")
                    same(got.improvements, alone.improvements, KEYS["signals"],
                         f"verbeterd {code}")
                    if not privacy.real_only:  # not vacuous: there is something to compare
                        assert len(alone.gemeente) > 0 and len(alone.improvements) > 0
                        assert len(alone.expected) > 0
        finally:
            con.close()


def test_without_real_values_real_only_stores_empty_tables_without_computing(
        two: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every value generated (as in the national benchmark): 'Alleen echte cijfers' leaves no
    observation, so the load stores its empty tables without computing them, and they still
    equal the computation from scratch; the other setting is computed as before."""
    copy = tmp_path / "synthetisch.duckdb"
    copy.write_bytes(two.read_bytes())
    computed = []
    real_together = aggregates.computed_together

    def counting(con, gemeenten, privacy, **kwargs):
        computed.append(privacy.real_only)
        return real_together(con, gemeenten, privacy, **kwargs)

    monkeypatch.setattr(aggregates, "computed_together", counting)
    with db.write_session(copy) as con:
        con.execute("UPDATE observations SET synthetic = true")
        aggregates.refresh(con, list(BOUNDARIES))
    assert computed == [False]  # the real-only pass was not computed
    for gemeente in BOUNDARIES:
        counts = assert_stored_equals_scratch(copy, gemeente)
        assert counts[False]["gemeente"] > 0 and counts[False]["expected"] > 0
        assert all(n == 0 for n in counts[True].values())
    assert_nation_stored_equals_scratch(copy)
    stored_runs = runs(copy)
    assert len(stored_runs) == 2 * (len(BOUNDARIES) + 1)  # both settings of each, and 'NL'
    assert stored_runs.loc[stored_runs["real_only"], "status_id"].isna().all()


def test_a_store_that_loses_rows_stops_the_load_and_leaves_the_database_as_it_was(
        two: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "twee.duckdb"
    copy.write_bytes(two.read_bytes())
    before = copy.read_bytes()
    text = db.sql_text

    def losing(name: str) -> str:  # a store that lets one row through, as an engine fault did
        return text(name) + "\nLIMIT 1" if name == "agg_store_peers" else text(name)

    monkeypatch.setattr(db, "sql_text", losing)
    with pytest.raises(db.DatabaseError, match=r"onvolledig: 1 van de \d+ .* niets geladen"):
        pipeline.load_paths(copy, [survey(tmp_path, "GM0202", seed=98)], how="test")
    assert copy.read_bytes() == before
