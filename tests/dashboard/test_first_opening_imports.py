"""A page's first opening imports only what it shows: the pages that show signals read them with
sqlite3 (werkdb.reads), not through the store's SQLAlchemy, and only the briefing page loads the
briefing's PDF machinery (issue 21: about 0,6 s of each first opening is imports)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from werkdb import store

ROOT = Path(__file__).resolve().parents[2]
BUURT = "BU02020100"

SCRIPT = """
import logging, sys
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("dashboard/app.py", default_timeout=120)
for key, value in (("gemeente", "GM0202"), ("buurt", "BU02020100"), ("niveau", "buurt")):
    at.query_params[key] = value
at.switch_page(f"views/{sys.argv[1]}.py").run()
assert not at.exception, at.exception
shown = " ".join(str(e.value) for e in at.caption)
print("sqlalchemy" in sys.modules, "dashboard.briefing" in sys.modules,
      "open en" in shown or "Open signals" in shown)
"""


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", ["overzicht", "kaart", "buurtprofiel", "trends"])
def test_pages_that_show_signals_open_without_the_stores_sqlalchemy(page: str) -> None:
    opened = store.open_store(store.store_url())
    store.create(opened, {"area_code": BUURT, "signal_date": "2026-11-02", "theme": "veiligheid",
                          "source_kind": "bewoner", "urgency": "middel",
                          "description": "Meer woninginbraken in de donkere maanden"},
                 "Wijkregisseur Oost")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, page], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    uses_sqlalchemy, uses_briefing, signal_shown = result.stdout.split()
    assert uses_sqlalchemy == "False"
    assert uses_briefing == "False"
    if page == "buurtprofiel":  # the signal was read, and shown, without the store
        assert signal_shown == "True"
