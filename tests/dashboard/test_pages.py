"""AppTest runs of every page against the demo database: no exception, key elements present."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
# Every page in dashboard/views/, so a new page is walked without editing this list.
PAGES = {
    ("data" if path.stem == "over_de_data" else path.stem): f"views/{path.name}"
    for path in sorted((Path(__file__).resolve().parents[2] / "dashboard" / "views").glob("*.py"))
}


def run_page(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(PAGES[page]).run()
    return at


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_runs_without_an_exception(page: str) -> None:
    at = run_page(page)
    assert not at.exception, at.exception
    assert at.title, "elke pagina heeft een titel"


@pytest.mark.usefixtures("app_env")
def test_the_overview_shows_headline_figures_per_theme() -> None:
    at = run_page()
    headers = [h.value for h in at.subheader]
    assert {"Leefbaarheid", "Veiligheid", "Contact (sociale samenhang)", "Participatie"} <= set(headers)
    assert len(at.metric) >= 6


def test_a_missing_database_gives_a_plain_message(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_DB", str(tmp_path / "bestaat-niet.duckdb"))
    at = run_page()
    assert not at.exception
    assert "make db" in at.error[0].value


def test_a_broken_database_gives_a_plain_message(tmp_path, monkeypatch) -> None:
    broken = tmp_path / "kapot.duckdb"
    broken.write_bytes(b"dit is geen database" * 100)
    monkeypatch.setenv("BUURTMONITOR_DB", str(broken))
    at = run_page()
    assert not at.exception
    assert "make db" in at.error[0].value


@pytest.mark.usefixtures("app_env")
def test_the_overview_lists_built_in_early_warnings_with_a_readable_reason() -> None:
    at = run_page()
    texts = "\n".join(m.value for m in at.markdown)
    # The demo generator builds a clear worsening of felt safety into this buurt (2022-2024).
    assert "**Over het Lange Water**" in texts
    block = texts.split("**Over het Lange Water**", 1)[1].split("**", 1)[0]
    assert "overlast" in block and "2024" in block and "verslechtering" in block
