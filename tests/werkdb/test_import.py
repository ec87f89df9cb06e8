"""Importing signalen from the spreadsheet template: all rows or none, with the row and column of
the first problem named; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from data_loaders.batch import LoadError
from werkdb import importer, store

TODAY = dt.date(2026, 12, 1)
AREAS = {"BU02020100", "BU02020101", "WK020201"}
GOOD = """gebiedscode;datum;thema;soort_bron;omschrijving;urgentie;stap;stapdatum;verantwoordelijke;besluit;reden;project_id
BU02020100;2026-10-14;leefbaarheid;corporatie;Meer klachten over zwerfvuil bij de containers;middel;;;;;;
BU02020101;14-10-2026;veiligheid;politie;Jongeren hangen 's avonds bij het winkelcentrum;hoog;besproken;2026-10-21;kerngroep;;;
WK020201;2026-09-01;contact;welzijn;Weinig aanloop bij het buurthuis na de verbouwing;laag;afgerond;2026-11-01;opbouwwerker;project;Buurttuin als ontmoetingsplek;P-001
"""


def _file(tmp_path: Path, text: str, name: str = "signalen.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(signal_store: store.Store, path: Path) -> list[int]:
    return importer.load(signal_store, path, "Import gemeente", today=TODAY, known_areas=AREAS,
                         known_projects={"P-001"})


def test_a_template_file_is_imported_whole_with_the_steps_it_records(
        signal_store, tmp_path) -> None:
    ids = _load(signal_store, _file(tmp_path, GOOD))
    assert len(ids) == 3
    stored = store.signals(signal_store, "GM0202").set_index("area_code")
    assert stored.loc["BU02020100", "step"] == "nieuw"
    assert stored.loc["BU02020101", ["step", "responsible"]].tolist() == ["besproken", "kerngroep"]
    assert stored.loc["BU02020101", "signal_date"] == dt.date(2026, 10, 14)
    assert stored.loc["WK020201", ["decision", "project_id"]].tolist() == ["project", "P-001"]
    history = store.history(signal_store, int(stored.loc["WK020201", "id"]))
    assert history["action"].tolist() == ["geïmporteerd", "stap"]
    assert history["changed_by"].unique().tolist() == ["Import gemeente"]


@pytest.mark.parametrize("bad_line,row,column,why", [
    ("BU02020100;2026-10-20;leefbaarheid;bewoner;Bel mij op 0612345678;laag;;;;;;", 5,
     "omschrijving", "een telefoonnummer"),
    ("BU09990100;2026-10-20;leefbaarheid;bewoner;Rommel;laag;;;;;;", 5, "gebiedscode",
     "niet bekend"),
    ("BU02020100;2026-10-20;wonen;bewoner;Rommel;laag;;;;;;", 5, "thema", "Kies uit"),
    ("BU02020100;20 okt;leefbaarheid;bewoner;Rommel;laag;;;;;;", 5, "datum", "geen datum"),
    ("BU02020100;2026-10-20;leefbaarheid;bewoner;Rommel;laag;afgerond;2026-10-21;wijkteam;"
     "geen actie;;", 5, "reden", "Reden is leeg"),
])
def test_one_bad_row_stops_the_whole_import_and_is_named(
        signal_store, tmp_path, bad_line, row, column, why) -> None:
    with pytest.raises(LoadError) as refused:
        _load(signal_store, _file(tmp_path, GOOD + bad_line + "\n"))
    assert (refused.value.row, refused.value.column) == (row, column)
    assert why in str(refused.value)
    assert f"regel {row}" in str(refused.value) and "er is niets geïmporteerd" in str(refused.value)
    assert store.signals(signal_store, "GM0202").empty


def test_a_file_without_the_required_columns_is_refused(signal_store, tmp_path) -> None:
    with pytest.raises(LoadError, match="verplichte kolom.*'urgentie'"):
        _load(signal_store, _file(tmp_path, "gebiedscode;datum;thema;soort_bron;omschrijving\n"
                                            "BU02020100;2026-10-14;leefbaarheid;bewoner;Rommel\n"))


def test_an_excel_template_is_read_like_the_csv(signal_store, tmp_path) -> None:
    path = tmp_path / "signalen.xlsx"
    frame = importer.template_frame()
    frame.to_excel(path, index=False)
    ids = _load(signal_store, path)
    stored = store.get(signal_store, ids[0])
    assert (stored["area_code"], stored["step"]) == ("BU02020100", "besproken")
    assert stored["step_date"] == dt.date(2026, 10, 21)


def test_the_blank_template_lists_required_columns_first() -> None:
    frame = importer.template_frame()
    assert list(frame.columns[:6]) == importer.REQUIRED
    assert isinstance(frame, pd.DataFrame) and len(frame) == 1
