"""With "Alleen echte cijfers" on, no generated value reaches a person: every page and every
download is walked on a database whose synthetic values, spending, projects and goals carry a
marker that cannot occur naturally; with the switch off the same marker does show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_walk import PAGES, copy_database, download_text, query, record_downloads, run, seen
from streamlit.testing.v1 import AppTest

SENTINEL = 97531.2468  # no real value of the demo comes near it (checked below)
LEAK = re.compile(r"97\.?531(?!\d)|VERZONNEN")
MARKED = [
    ("UPDATE observations SET value = $s, ci_low = $s, ci_high = $s WHERE synthetic", {"s": SENTINEL}),
    ("UPDATE spending SET amount_eur = $s WHERE synthetic", {"s": SENTINEL}),
    ("UPDATE projects SET name = 'VERZONNEN ' || name, budget_eur = $s WHERE synthetic",
     {"s": SENTINEL}),
    ("UPDATE goals SET nulmeting_value = $s, target_value = $s WHERE synthetic", {"s": SENTINEL}),
]
WALK = [
    ("overzicht", {}),
    ("overzicht", {"niveau": "wijk"}),
    ("kaart", {}),
    ("kaart", {"indicator": "misdrijven", "referentie": "zscore"}),
    ("kaart", {"indicator": "eenzaam", "niveau": "wijk"}),
    ("trends", {"indicator": "lbm_score", "gebieden": "BU02021990,BU02020425"}),
    ("trends", {"indicator": "lbm_score", "referentie": "index_nulmeting"}),
    ("buurtprofiel", {"buurt": "BU02021990"}),
    ("buurtprofiel", {"buurt": "WK020204"}),
    ("vergelijken", {"gebieden": "BU02020100,BU02021053"}),
    ("corporaties", {}),
    ("briefing", {}),
    ("briefing", {"buurt": "BU02021053"}),
    ("data", {}),
    ("signalen", {}),
]


@pytest.fixture(scope="module")
def marked_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_database(demo_db, tmp_path_factory.mktemp("echt") / "demo.duckdb", *MARKED)


def test_every_page_is_walked() -> None:
    assert {page for page, _ in WALK} == set(PAGES)


def test_the_marker_sits_on_every_synthetic_value_and_on_no_real_one(marked_db, demo_db) -> None:
    natural = query(demo_db, "SELECT count(*) AS n FROM observations WHERE value BETWEEN 97531 AND "
                    "97532")
    assert natural["n"].iloc[0] == 0
    marked = query(marked_db, "SELECT synthetic, count(*) AS n FROM observations WHERE value = ? "
                   "GROUP BY synthetic", [SENTINEL]).set_index("synthetic")["n"]
    assert marked.index.tolist() == [True] and marked[True] > 10_000


def _walk(marked_db: Path, monkeypatch, page: str, params: dict):  # noqa: ANN001, ANN202
    monkeypatch.setenv("BUURTMONITOR_DB", str(marked_db))
    # An empty signal store of the walk's own (signals are written by people, never generated).
    monkeypatch.setenv("BUURTMONITOR_WERKDB", str(marked_db.with_name("werkdb.sqlite")))
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")  # spending would show if read
    record_downloads(monkeypatch)
    at = run(page, **params)
    assert not at.exception, at.exception
    return at, seen(at)


@pytest.mark.parametrize(("page", "params"), WALK,
                         ids=[f"{p}-{'-'.join(v.values()) or 'standaard'}"[:60] for p, v in WALK])
def test_with_real_figures_only_no_page_or_download_shows_a_generated_value(
        marked_db, monkeypatch, page, params):
    at, shown = _walk(marked_db, monkeypatch, page, {**params, "echt": "ja"})
    assert at.query_params["echt"] == ["ja"] or at.query_params["echt"] == "ja"
    if page == "corporaties":  # all spending and projects of the demo are generated
        assert any("Alleen echte cijfers" in text for kind, text in shown.texts if kind == "info")
    elif page not in ("data", "overzicht", "signalen"):
        assert shown.downloads, "de pagina biedt downloads aan"
    for kind, text in shown.texts:
        found = LEAK.search(text)
        assert not found, f"{kind}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
    for name, data in shown.downloads.items():
        text = download_text(name, data)
        found = LEAK.search(text)
        assert not found, f"{name}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
        if page != "data":
            assert "synthetisch_demo" not in text and "Synthetische demogegevens" not in text, name


@pytest.mark.parametrize(("page", "params"), [
    ("kaart", {"indicator": "onveilig_buurt"}), ("corporaties", {}), ("briefing", {})])
def test_without_the_switch_the_same_marker_does_show(marked_db, monkeypatch, page, params):
    _, shown = _walk(marked_db, monkeypatch, page, params)
    assert LEAK.search(shown.all_text())


def test_the_switch_is_a_sidebar_toggle_that_writes_the_url(marked_db, monkeypatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_DB", str(marked_db))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"),
                           default_timeout=90)
    at.switch_page(PAGES["kaart"]).run()
    assert "echt" not in at.query_params
    generated = "Rapportcijfer leefbaarheid buurt"
    assert any(c.startswith(generated) for c in at.selectbox(key="w_indicator").options)
    at.toggle(key="w_echt").set_value(True).run()
    assert not at.exception, at.exception
    assert at.query_params["echt"] in ("ja", ["ja"])
    # The indicators without a real figure are gone from the choice.
    choices = at.selectbox(key="w_indicator").options
    assert choices and not any(c.startswith(generated) for c in choices)
    at.toggle(key="w_echt").set_value(False).run()
    assert "echt" not in at.query_params
