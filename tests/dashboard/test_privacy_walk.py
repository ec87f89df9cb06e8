"""No value below the privacy thresholds reaches a person: every page and every download is walked
on a database whose suppressed values were replaced by a number that cannot occur naturally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_walk import copy_database, download_text, query, record_downloads, run, seen

from data_loaders import settings

SENTINEL = 9876.54321  # no indicator of the demo data comes near it (checked below)
# As it could appear: raw in chart or map data, or in Dutch notation with any number of decimals.
LEAK = re.compile(r"9\.?876(?!\d)")
PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d+) ?%")
SMALL_AREAS = ["BU02020529", "BU02021269"]  # 10 and 25 inhabitants in 2024
FEW_RESPONDENTS = "BU02020103"  # 15 survey values from fewer than 30 respondents in 2024
HIDDEN = """
    UPDATE observations SET value = $s, ci_low = $s, ci_high = $s
    WHERE (n < $min_n AND indicator_id IN (SELECT id FROM indicators WHERE kind = 'subjectief'))
       OR (indicator_id <> 'inwoners' AND area_code IN (
           SELECT area_code FROM observations WHERE indicator_id = 'inwoners'
           GROUP BY area_code HAVING arg_max(value, period) < $min_inhabitants))
"""
WALK = [
    ("overzicht", {}),
    ("overzicht", {"niveau": "wijk"}),
    ("kaart", {"indicator": "onveilig_buurt"}),
    ("kaart", {"indicator": "onveilig_buurt", "niveau": "wijk"}),
    ("kaart", {"indicator": "onveilig_buurt", "referentie": "zscore"}),
    ("kaart", {"indicator": "rapportcijfer_buurt", "referentie": "index_nulmeting"}),
    ("kaart", {"indicator": "lbm_score", "referentie": "verschil_buurttype"}),
    ("trends", {"indicator": "onveilig_buurt", "gebieden": ",".join(SMALL_AREAS + [FEW_RESPONDENTS])}),
    ("trends", {"indicator": "lbm_score", "gebieden": ",".join(SMALL_AREAS)}),
    ("buurtprofiel", {"buurt": SMALL_AREAS[0]}),
    ("buurtprofiel", {"buurt": SMALL_AREAS[1]}),
    ("buurtprofiel", {"buurt": FEW_RESPONDENTS}),
    ("buurtprofiel", {"buurt": "WK020201"}),
    ("vergelijken", {"gebieden": ",".join(SMALL_AREAS + [FEW_RESPONDENTS])}),
    ("corporaties", {}),
    ("briefing", {}),
    ("briefing", {"buurt": SMALL_AREAS[0]}),
    ("briefing", {"buurt": FEW_RESPONDENTS}),
    ("data", {}),
]


@pytest.fixture(scope="module")
def sentinel_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    privacy = settings.Privacy()
    target = copy_database(demo_db, tmp_path_factory.mktemp("privacy") / "demo.duckdb", (
        HIDDEN, {"s": SENTINEL, "min_n": privacy.min_respondents,
                 "min_inhabitants": privacy.min_inhabitants}))
    return target


def test_the_sentinel_marks_only_the_values_below_the_thresholds(sentinel_db, demo_db):
    natural = query(demo_db, "SELECT count(*) AS n FROM observations WHERE value BETWEEN 9876 AND "
                    "9877.99 OR ci_low BETWEEN 9876 AND 9877.99 OR ci_high BETWEEN 9876 AND 9877.99")
    assert natural["n"].iloc[0] == 0
    marked = query(sentinel_db, "SELECT area_code, count(*) AS n FROM observations WHERE value = ? "
                   "AND period = 2024 GROUP BY area_code", [SENTINEL]).set_index("area_code")["n"]
    assert marked[FEW_RESPONDENTS] == 15
    assert set(SMALL_AREAS) <= set(marked.index)


@pytest.mark.parametrize(("page", "params"), WALK,
                         ids=[f"{p}-{'-'.join(v.values()) or 'standaard'}"[:60] for p, v in WALK])
def test_no_page_or_download_shows_a_value_below_the_privacy_thresholds(
        sentinel_db, monkeypatch, page, params):
    monkeypatch.setenv("BUURTMONITOR_DB", str(sentinel_db))
    for name in ("BUURTMONITOR_MIN_RESPONDENTEN", "BUURTMONITOR_MIN_INWONERS"):
        monkeypatch.delenv(name, raising=False)
    record_downloads(monkeypatch)
    at = run(page, **params)
    assert not at.exception, at.exception
    shown = seen(at)
    if page != "data":
        assert shown.downloads, "de pagina biedt downloads aan"
    for kind, text in shown.texts:
        found = LEAK.search(text)
        assert not found, f"{kind}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
    for name, data in shown.downloads.items():
        text = download_text(name, data)
        found = LEAK.search(text)
        assert not found, f"{name}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
    if params.get("niveau") == "wijk" and "referentie" not in params:
        # A hidden value averaged into its wijk would not show its digits, but would push a
        # percentage far over 100.
        percentages = [float(m.replace(".", "").replace(",", "."))
                       for m in PERCENT.findall(shown.all_text())]
        assert percentages and max(percentages) <= 100

