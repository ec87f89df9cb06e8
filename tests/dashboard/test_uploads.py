"""The in-app upload uses the same pipeline: check shows a preview, commit loads or refuses."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import uploads
from data_loaders import access

BEHEERDER = access.User(name="beheer@gemeente.example", roles=frozenset({"beheerder"}),
                        logged_in=True)

ROW = "gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"


@pytest.fixture()
def own_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "eigen.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("BUURTMONITOR_DB", str(path))
    return path


def test_a_valid_upload_is_previewed_then_loaded(own_db: Path) -> None:
    content = (ROW + "BU02020100,onveilig_buurt,2025,23.5,112,16.6,32.1,gemeentelijke_enquete\n").encode()
    checked = uploads.check("enquete 2025.csv", content, {}, user=BEHEERDER)
    assert checked.error is None
    assert checked.preview["regels"] == 1 and checked.preview["jaren"] == [2025]
    result, error = uploads.commit("enquete 2025.csv", content, {}, user=BEHEERDER)
    assert error == "" and result.status == "geladen"
    con = duckdb.connect(str(own_db), read_only=True)
    value, how = con.execute(
        "SELECT o.value, l.how FROM observations o JOIN loads l ON l.id = o.load_id "
        "WHERE o.area_code = 'BU02020100' AND o.indicator_id = 'onveilig_buurt' AND o.period = 2025"
    ).fetchall()[0]
    con.close()
    assert (value, how) == (23.5, "upload")


def test_a_rejected_upload_names_the_problem_and_leaves_the_database_as_it_was(own_db: Path) -> None:
    before = hashlib.sha256(own_db.read_bytes()).hexdigest()
    content = (ROW + "BU02020100,onveilig_buurt,2024,140,112,,,gemeentelijke_enquete\n").encode()
    checked = uploads.check("../../etc/kapot.csv", content, {}, user=BEHEERDER)
    assert "kapot.csv" in checked.error and "regel 2" in checked.error
    result, error = uploads.commit("../../etc/kapot.csv", content, {}, user=BEHEERDER)
    assert result is None and "bereik" in error
    assert hashlib.sha256(own_db.read_bytes()).hexdigest() == before


def test_every_template_can_be_downloaded_with_its_columns() -> None:
    for kind in uploads.TEMPLATE_LABELS:
        text = uploads.template_csv(kind).decode("utf-8-sig")
        assert text.splitlines()[0].startswith(("gebiedscode", "organisatie", "project_id"))


def test_an_upload_over_the_size_limit_is_refused_in_dutch_and_changes_nothing(
        own_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_MAX_BESTAND_MB", "1")
    before = hashlib.sha256(own_db.read_bytes()).hexdigest()
    line = "BU02020100,onveilig_buurt,2024,23.5,112,16.6,32.1,gemeentelijke_enquete\n"
    content = (ROW + line * (2**20 // len(line) + 1)).encode()
    checked = uploads.check("groot.csv", content, {}, user=BEHEERDER)
    assert checked.error.startswith("Bestand 'groot.csv': het bestand is te groot (2 MB; maximaal 1 MB)")
    result, error = uploads.commit("groot.csv", content, {}, user=BEHEERDER)
    assert result is None and "te groot" in error
    assert hashlib.sha256(own_db.read_bytes()).hexdigest() == before
