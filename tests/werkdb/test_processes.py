"""The default SQLite store is safe for several app processes writing at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from werkdb import store

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import datetime as dt, sys
from werkdb import store
opened = store.open_store(sys.argv[1])
for i in range(15):
    signal_id = store.create(opened, {
        "area_code": "BU02020100", "signal_date": "2026-11-02", "theme": "veiligheid",
        "source_kind": "bewoner", "urgency": "laag",
        "description": f"Melding {i} van proces {sys.argv[2]}"}, f"proces {sys.argv[2]}",
        today=dt.date(2026, 12, 1))
    store.edit(opened, signal_id, 1, {"urgency": "hoog"}, f"proces {sys.argv[2]}",
               today=dt.date(2026, 12, 1))
"""


@pytest.mark.slow  # starts two Python processes
def test_two_processes_writing_to_one_sqlite_file_lose_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'werkdb.sqlite'}"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(n)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in (1, 2)]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors[-1500:]
    opened = store.open_store(url)
    written = store.signals(opened, "GM0202")
    assert len(written) == 30
    assert set(written["urgency"]) == {"hoog"}
    assert sorted(written["created_by"].value_counts().tolist()) == [15, 15]
    opened.engine.dispose()
