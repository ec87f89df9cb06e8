"""A load killed halfway leaves the previous database intact; two loads at once are serialised and
give the same result as one after the other; readers never see half a load, and a file locked by
another program gives a Dutch notice instead of a traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from loader_testdata import sha256, table

from data_loaders import db, pipeline

ROOT = Path(__file__).resolve().parents[2]
HEADER = "gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"
SURVEY = "SELECT area_code, indicator_id, period, value, n, source FROM observations"


def _survey(path: Path, gemeente: str, source: str, areas: int, years: range) -> Path:
    """A valid survey template for made-up buurten of gemeente GM<gemeente>, so it clashes with
    nothing in the demo database: one row per buurt and year, value 20 % of 100 respondents."""
    rows = [f"BU{gemeente}{a:04d},onveilig_buurt,{y},20,100,,,{source}\n"
            for a in range(areas) for y in years]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _load(db_path: Path, *files: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "data_loaders", "load", "--db", str(db_path), *map(str, files)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _work_copies(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(f"{db_path.name}.*.tmp"))


def _observations(db_path: Path):
    frame = table(db_path, SURVEY)
    return frame.sort_values(["source", "area_code", "indicator_id", "period"]).reset_index(drop=True)


@pytest.fixture()
def copy_of_demo(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "db" / "demo.duckdb"
    target.parent.mkdir()
    shutil.copyfile(demo_db, target)
    return target


def test_a_load_killed_while_writing_leaves_the_previous_data_and_a_new_load_succeeds(
        copy_of_demo, tmp_path):
    before_sha = sha256(copy_of_demo)
    before = _observations(copy_of_demo)
    big = _survey(tmp_path / "enquete.csv", "9999", "gemeentelijke_enquete", 4000, range(2015, 2025))
    loader = _load(copy_of_demo, big)
    # The work copy appears when the write starts (after the file is read and checked).
    deadline = time.monotonic() + 120
    while not _work_copies(copy_of_demo) and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    assert loader.returncode == -signal.SIGKILL, "de lading was al klaar voor hij werd gestopt"
    assert _work_copies(copy_of_demo), "de lading werd gestopt voor hij begon te schrijven"

    assert sha256(copy_of_demo) == before_sha
    con = db.connect(copy_of_demo)  # opens, schema version checked
    con.close()
    assert _observations(copy_of_demo).equals(before)

    small = _survey(tmp_path / "klein.csv", "9999", "gemeentelijke_enquete", 3, range(2023, 2025))
    results = pipeline.load_paths(copy_of_demo, [small], how="test")
    assert [r.status for r in results] == ["geladen"]
    after = _observations(copy_of_demo)
    assert len(after) == len(before) + 6
    assert _work_copies(copy_of_demo) == []  # the killed load's copy is cleaned up


def test_two_loads_at_once_both_succeed_and_equal_loading_them_one_after_the_other(
        demo_db, tmp_path):
    first = _survey(tmp_path / "enquete.csv", "9999", "gemeentelijke_enquete", 1500,
                    range(2016, 2021))
    second = _survey(tmp_path / "monitor.csv", "9998", "gezondheidsmonitor", 1500,
                     range(2020, 2025))
    one_by_one = tmp_path / "na_elkaar" / "demo.duckdb"
    at_once = tmp_path / "tegelijk" / "demo.duckdb"
    for target in (one_by_one, at_once):
        target.parent.mkdir()
        shutil.copyfile(demo_db, target)

    pipeline.load_paths(one_by_one, [first], how="test")
    pipeline.load_paths(one_by_one, [second], how="test")
    loaders = [_load(at_once, first), _load(at_once, second)]
    outputs = [loader.communicate(timeout=180) for loader in loaders]

    assert [loader.returncode for loader in loaders] == [0, 0], outputs
    assert all("geladen" in out for out, _ in outputs)
    assert _observations(at_once).equals(_observations(one_by_one))
    loads = table(at_once, "SELECT file, status FROM loads WHERE how = 'cli' ORDER BY file")
    assert loads.values.tolist() == [["enquete.csv", "geladen"], ["monitor.csv", "geladen"]]
    assert _work_copies(at_once) == []


def test_a_reader_during_a_load_sees_the_old_or_the_new_data_never_half(copy_of_demo, tmp_path):
    big = _survey(tmp_path / "enquete.csv", "9999", "gemeentelijke_enquete", 3000, range(2015, 2025))
    count = "SELECT count(*) AS n FROM observations WHERE source = 'gemeentelijke_enquete'"
    loader = _load(copy_of_demo, big)
    seen = []
    while loader.poll() is None:
        seen.append(int(table(copy_of_demo, count)["n"].iloc[0]))
    assert loader.returncode == 0, loader.stderr.read()
    seen.append(int(table(copy_of_demo, count)["n"].iloc[0]))
    assert set(seen) <= {0, 30_000}
    assert seen[0] == 0 and seen[-1] == 30_000
    assert len(seen) > 2


@pytest.fixture()
def locked(copy_of_demo):
    """Another program holding DuckDB's write lock on the database file itself."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
         "print('bezet', flush=True); time.sleep(120)", str(copy_of_demo)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "bezet"
    yield copy_of_demo
    holder.kill()
    holder.wait()


def test_a_database_locked_by_another_program_gives_a_dutch_notice(locked):
    with pytest.raises(db.DatabaseLocked, match="is even bezet: een ander programma schrijft"):
        db.connect(locked)


def test_the_app_shows_the_lock_notice_without_a_traceback(locked, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("BUURTMONITOR_DB", str(locked))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception
    assert "even bezet" in at.error[0].value
    assert not [i for i in at.info if "make db" in i.value]
