"""Pages that only show signals read a SQLite store with sqlite3 (werkdb.reads), without loading
SQLAlchemy; what they read is exactly what the store itself hands out."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from werkdb import reads, store

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)
SIGNAL = {
    "area_code": "BU02020100", "signal_date": "2026-11-02", "theme": "leefbaarheid",
    "source_kind": "corporatie", "urgency": "middel",
    "description": "Meer klachten over zwerfvuil rond de containers aan de rand van het park",
}


def _new(opened: store.Store, **changes: object) -> int:
    return store.create(opened, {**SIGNAL, **changes}, "Fatima (wijkteam)", today=TODAY)


def _close(opened: store.Store, signal_id: int, step_date: str, project: str | None = None) -> None:
    store.follow_up(opened, signal_id, 1, "Fatima", step="besproken", step_date="2026-11-05",
                    responsible="kerngroep", today=TODAY)
    store.follow_up(opened, signal_id, 2, "Fatima", step="afgerond", step_date=step_date,
                    responsible="kerngroep", decision="project" if project else "geen actie",
                    reason="Eenmalig; de corporatie heeft opgeruimd", project_id=project,
                    known_projects={"P-001", "P-002"}, today=TODAY)


@pytest.fixture()
def filled(tmp_path: Path) -> str:
    """A SQLite store with open, closed, archived and project signals in two gemeenten."""
    url = f"sqlite:///{tmp_path / 'werkdb.sqlite'}"
    opened = store.open_store(url)
    _new(opened)
    _new(opened, area_code="BU02020101", theme="veiligheid", signal_date="2026-11-10")
    _close(opened, _new(opened, signal_date="2026-10-01"), "2026-11-20")
    _close(opened, _new(opened, area_code="BU02020101"), "2026-11-29", project="P-002")
    _new(opened, area_code="BU03440100", theme="contact")
    store.link_project(opened, _new(opened, area_code="BU02020102"), 1, "P-001", "Sander",
                       known_projects={"P-001", "P-002"})
    assert store.archive_due(opened, today=dt.date(2026, 12, 5), days=10) == 1
    return url


@pytest.mark.parametrize("gemeente,areas,projects", [
    ("GM0202", None, None),
    (None, None, None),
    ("GM0344", None, None),
    ("GM0202", ["BU02020101", "BU02020102"], None),
    ("GM0202", [], None),
    (None, None, {"P-001", "P-002"}),
    ("GM0202", None, set()),
])
def test_the_signals_read_with_sqlite3_equal_the_stores_own(filled, gemeente, areas,
                                                            projects) -> None:
    ours = reads.signals(filled, gemeente, areas=areas, projects=projects)
    theirs = store.signals(store.open_store(filled), gemeente, areas=areas, projects=projects)
    assert len(theirs) == len(ours)
    pd.testing.assert_frame_equal(ours, theirs)
    if gemeente == "GM0202" and areas is None and projects is None:
        assert len(ours) == 4  # five in GM0202, the archived one left out
        assert isinstance(ours["signal_date"].iloc[0], dt.date)


@pytest.mark.parametrize("gemeente", ["GM0202", "GM0344", None, "GM0999"])
def test_the_counts_and_the_change_mark_equal_the_stores_own(filled, gemeente) -> None:
    opened = store.open_store(filled)
    pd.testing.assert_frame_equal(reads.open_counts(filled, gemeente),
                                  store.open_counts(opened, gemeente))
    assert reads.change_mark(filled) == store.change_mark(opened) > 0


def test_a_store_that_is_not_there_yet_is_made_by_the_store_and_read_empty(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'nieuw' / 'werkdb.sqlite'}"
    assert reads.change_mark(url) == 0
    assert reads.signals(url, "GM0202").empty
    assert list(reads.signals(url, "GM0202").columns) == store.SIGNAL_COLUMNS


def test_the_columns_and_the_schema_version_are_the_stores() -> None:
    assert reads.SIGNAL_COLUMNS == store.SIGNAL_COLUMNS
    assert store.StoreError is reads.StoreError


def test_reading_a_store_at_its_newest_schema_loads_no_sqlalchemy(filled) -> None:
    script = (
        "import sys\nfrom werkdb import reads\n"
        f"url = {filled!r}\n"
        "print(reads.change_mark(url), len(reads.signals(url, 'GM0202')), "
        "int(reads.open_counts(url, None)['open'].sum()), 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    opened = store.open_store(filled)
    expected = (store.change_mark(opened), len(store.signals(opened, "GM0202")),
                int(store.open_counts(opened, None)["open"].sum()))
    assert result.stdout.split() == [*map(str, expected), "False"]
