"""Start the app's server with what the pages import already imported: python -m dashboard.serve.

Under a bare `streamlit run dashboard/app.py` the first person to open a page also waits for
pandas, Arrow, DuckDB and the app's own modules to be imported (about 0,5 s of CPU). Here they are
imported in the server's own process before it starts, as the server scans its components before
anyone arrives. Only imports: no data is read (that depends on the database the page finds). The
Typst briefing and the signal store's SQLAlchemy stay with the pages that write or print.
Usage: python -m dashboard.serve [options of 'streamlit run'].
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"
# What the pages' first runs import (measured with python -X importtime on each page).
PRELOAD = (
    "pandas", "pyarrow", "pyarrow.pandas_compat", "duckdb",
    "pandas.io.formats.style",  # the tables' Dutch notation (jinja2)
    "PIL.Image",  # the favicon
    "streamlit.material_icon_names",  # the pages' icons
    "dashboard.context", "dashboard.access", "dashboard.share", "dashboard.components",
    "dashboard.signals", "dashboard.charts", "dashboard.overview_sections",
    "dashboard.profile_sections", "dashboard.load_sections", "dashboard.corporations",
    "dashboard.spending_sections", "dashboard.spending_views", "dashboard.maps", "werkdb.reads",
)
# Never preloaded: dashboard.map_component declares its Streamlit component when imported, and
# Streamlit registers a component only when it is declared inside a page's run (imported here,
# the map page would find no component to draw). Nor anything that makes a cache at import.


def preload() -> None:
    """Import PRELOAD (the project's own modules found from the project root)."""
    root = str(APP.parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    for name in PRELOAD:
        importlib.import_module(name)


def main(argv: list[str]) -> None:
    from streamlit.web import bootstrap, cli

    start = bootstrap.run

    def run(*args, **kwargs) -> None:
        # After 'streamlit run' has read its options (importing first, Streamlit would read its
        # configuration before the options and warn that they need a restart), before the
        # server starts.
        preload()
        start(*args, **kwargs)

    bootstrap.run = run
    cli.main(args=["run", str(APP), *argv], prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
