"""python -m dashboard.serve (make run) imports what the pages import before the server starts,
and nothing that must happen inside a page's run or that only writing and printing pages need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cache_count import COUNT_CACHES

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
""" + COUNT_CACHES + """
from dashboard import serve
before = {m for m in ("pandas", "duckdb", "dashboard.context") if m in sys.modules}
serve.preload()
print(sorted(before), len(made), all(m in sys.modules for m in serve.PRELOAD),
      sorted(m for m in ("dashboard.map_component", "sqlalchemy", "alembic", "typst")
             if m in sys.modules))
"""


def test_preloading_imports_the_pages_modules_but_declares_no_component_and_makes_no_cache() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # Importing serve itself loads nothing; preloading everything in its list, but not the map
    # component (declared outside a page's run Streamlit would never register it), no cache
    # (made outside the server's runtime it would not be the server's), no SQLAlchemy, no Typst.
    assert result.stdout.split("\n")[0] == "[] 0 True []"
