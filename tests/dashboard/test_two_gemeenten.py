"""A database with two gemeenten, loaded as a user would: the picker lists both (and the whole
country), and the second gemeente's map draws its own buurten."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from map_args import map_args
from streamlit.testing.v1 import AppTest

from data_loaders import pipeline

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
FIXTURES = ROOT / "tests" / "fixtures"
BOUNDARIES = {"0202": FIXTURES / "geo" / "arnhem_buurten_2014_q1e3.topojson",
              "0274": FIXTURES / "geo" / "renkum_buurten_2014_q1e3.topojson"}


@pytest.fixture(scope="module")
def two_gemeenten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("twee")
    target = folder / "twee.duckdb"
    with open(FIXTURES / "cbs_85984NED_2024_inwoners_arnhem_renkum.csv", encoding="utf-8",
              newline="") as handle:
        reader = csv.DictReader(handle)
        rows, header = list(reader), reader.fieldnames
    for gemeente, boundaries in BOUNDARIES.items():
        figures = folder / f"inwoners_GM{gemeente}.csv"
        with open(figures, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(r for r in rows if r["gebiedscode"][2:6] == gemeente)
        pipeline.load_paths(target, [boundaries, figures], how="test")
    return target


def run(db: Path, monkeypatch: pytest.MonkeyPatch, page: str | None = None,
        **params: str) -> AppTest:
    monkeypatch.setenv("BUURTMONITOR_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def test_the_gemeente_picker_lists_both_gemeenten_and_the_country(two_gemeenten, monkeypatch):
    at = run(two_gemeenten, monkeypatch)
    assert not at.exception, at.exception
    picker = next(s for s in at.sidebar.selectbox if s.label == "Gemeente")
    assert picker.options == ["Arnhem (GM0202)", "Renkum (GM0274)", "Nederland (NL)"]


def test_the_second_gemeentes_map_draws_its_own_buurten(two_gemeenten, monkeypatch):
    at = run(two_gemeenten, monkeypatch, "views/kaart.py", gemeente="GM0274", niveau="buurt",
             indicator="inwoners")
    assert not at.exception, at.exception
    assert not at.warning, [w.value for w in at.warning]
    spec = json.dumps(map_args(at), ensure_ascii=False)
    # Renkum's buurten are drawn, none of Arnhem's.
    assert "BU02740202" in spec and "Doorwerth" in spec
    assert "BU0202" not in spec
    assert "Renkum" in "".join(c.value for c in at.caption)


def test_a_gemeente_with_figures_but_no_boundaries_says_how_to_load_them(
        two_gemeenten, tmp_path, monkeypatch):
    target = tmp_path / "zonder_grenzen.duckdb"
    figures = two_gemeenten.parent / "inwoners_GM0274.csv"
    pipeline.load_paths(target, [BOUNDARIES["0202"], figures], how="test")
    at = run(target, monkeypatch, "views/kaart.py", gemeente="GM0274", niveau="buurt",
             indicator="inwoners")
    assert not at.exception, at.exception
    [note] = [w.value for w in at.warning]
    assert note.startswith("Voor Renkum zijn op dit niveau geen grenzen geladen")
    assert "python -m data_loaders load wijkenbuurten_2024.gpkg --gemeente GM0274" in note


def test_the_upload_page_previews_and_refuses_in_the_command_lines_words(
        two_gemeenten, tmp_path, monkeypatch, capsys):
    from dashboard import uploads
    from data_loaders import __main__ as cli
    from data_loaders.access import BEHEERDER, User

    beheerder = User("beheer@voorbeeld.nl", frozenset({BEHEERDER}), logged_in=True)

    target = tmp_path / "kopie.duckdb"
    target.write_bytes(two_gemeenten.read_bytes())
    monkeypatch.setenv("BUURTMONITOR_DB", str(target))
    path = tmp_path / "correctie.csv"
    path.write_text("gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"
                    "BU02740202,inwoners,2024,1330,,,,cbs_kwb_2024\n", encoding="utf-8")
    assert cli.main(["load", str(path), "--db", str(target), "--dry-run"]) == 0
    printed = capsys.readouterr().out.splitlines()
    checked = uploads.check_files([(path.name, path.read_bytes())], {}, user=beheerder)
    assert uploads.describe(checked.results[0]) == printed[:-1]
    assert "  GM0274 Renkum: waarden 0 nieuw, 1 vervangen, 0 verwijderd, 53 behouden" in printed

    path.write_text(path.read_text(encoding="utf-8").replace("1330", "veel"), encoding="utf-8")
    assert cli.main(["load", str(path), "--db", str(target)]) == 1
    refused = capsys.readouterr().err.strip().splitlines()[-1]
    results, error = uploads.commit_files([(path.name, path.read_bytes())], {}, user=beheerder)
    assert results is None and refused == f"Geweigerd. {error}"


@pytest.fixture(scope="module")
def renkum_holds_more(two_gemeenten: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Arnhem (first by name) with the figures of two buurten only, Renkum with all of its own."""
    folder = two_gemeenten.parent
    target = tmp_path_factory.mktemp("ongelijk") / "ongelijk.duckdb"
    lines = (folder / "inwoners_GM0202.csv").read_text(encoding="utf-8").splitlines()
    few = folder / "inwoners_GM0202_twee_buurten.csv"
    few.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    pipeline.load_paths(target, [BOUNDARIES["0202"], few], how="test")
    pipeline.load_paths(target, [BOUNDARIES["0274"], folder / "inwoners_GM0274.csv"], how="test")
    return target


def test_the_app_opens_on_the_gemeente_with_the_most_figures_not_the_first_by_name(
        renkum_holds_more, monkeypatch):
    at = run(renkum_holds_more, monkeypatch)
    assert not at.exception, at.exception
    picker = next(s for s in at.sidebar.selectbox if s.label == "Gemeente")
    # Still listed by name, with Arnhem first; chosen is the gemeente with more figures.
    assert picker.options == ["Arnhem (GM0202)", "Renkum (GM0274)", "Nederland (NL)"]
    assert picker.value == "GM0274"


def test_a_gemeente_in_the_address_still_wins_over_the_one_with_the_most_figures(
        renkum_holds_more, monkeypatch):
    at = run(renkum_holds_more, monkeypatch, gemeente="GM0202")
    assert not at.exception, at.exception
    picker = next(s for s in at.sidebar.selectbox if s.label == "Gemeente")
    assert picker.value == "GM0202"


def test_with_the_same_number_of_figures_the_first_by_name_opens():
    from metrics.selection import most_data

    gemeenten = pd.DataFrame({"code": ["GM0274", "GM0202", "NL"],
                              "name": ["Renkum", "Arnhem", "Nederland"],
                              "observations": [5, 5, 10]})
    assert most_data(gemeenten) == "GM0202"
