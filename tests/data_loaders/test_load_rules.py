"""What a load does to the database: idempotent reloads, year-wise replacement, the catalogue,
the demo build and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_testdata import LEEFBAAROMETER, MULTICITY, STATLINE, sha256, table

from data_loaders import __main__ as cli
from data_loaders import indicator_catalogue, pipeline

COUNTS = "SELECT (SELECT count(*) FROM observations) AS obs, (SELECT count(*) FROM areas) AS areas"


def test_loading_the_same_file_twice_changes_nothing(tmp_path: Path):
    target = tmp_path / "db.duckdb"
    [first] = pipeline.load_paths(target, [STATLINE], how="test")
    before = table(target, COUNTS)
    [second] = pipeline.load_paths(target, [STATLINE], how="test")
    assert (first.status, second.status) == ("geladen", "ongewijzigd")
    assert table(target, COUNTS).equals(before)


def test_a_newer_file_of_a_source_replaces_only_its_own_years(tmp_path: Path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [LEEFBAAROMETER], how="test")
    lines = LEEFBAAROMETER.read_text(encoding="utf-8").splitlines()
    newer = tmp_path / "lbm3_2022_herzien.csv"
    # The 2022 rows again, every dimension and score 0.001 higher (a revised release).
    revised = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[3] == "2022":
            cells[4:] = [f"{float(c) + 0.001 * (1 if i != 1 else 5):.6f}"
                         for i, c in enumerate(cells[4:])]
            revised.append(",".join(cells))
    newer.write_text("\n".join(revised) + "\n", encoding="utf-8")
    [result] = pipeline.load_paths(target, [newer], how="test")
    assert result.replaced == 14 * 6
    per_year = table(target, "SELECT period, count(*) AS n FROM observations GROUP BY period "
                             "ORDER BY period")
    assert per_year["n"].tolist() == [84, 84, 84, 84]
    old = table(target, "SELECT value FROM observations WHERE area_code = 'WK036201' AND "
                        "indicator_id = 'lbm_score' AND period = 2014")["value"].iloc[0]
    new = table(target, "SELECT value FROM observations WHERE area_code = 'WK036201' AND "
                        "indicator_id = 'lbm_score' AND period = 2022")["value"].iloc[0]
    assert old == pytest.approx(4.270599604867483)
    assert new == pytest.approx(4.328186939975703 + 0.001, abs=1e-6)


def test_the_catalogue_is_complete_and_covers_every_demo_observation(demo_db: Path):
    assert indicator_catalogue.problems() == []
    used = set(table(demo_db, "SELECT DISTINCT indicator_id FROM observations")["indicator_id"])
    assert used <= set(indicator_catalogue.indicators()["id"])
    assert "ses_woa" in set(indicator_catalogue.indicators()["id"])


def test_the_demo_build_yields_arnhem_with_its_buurten_wijken_and_two_buurttype_rules(demo_db):
    levels = table(demo_db, "SELECT level, count(*) AS n FROM areas GROUP BY level")
    assert dict(zip(levels["level"], levels["n"], strict=True)) == {
        "buurt": 83, "wijk": 24, "gemeente": 1}
    markt = table(demo_db, "SELECT a.name, o.value FROM areas a JOIN observations o ON "
                           "o.area_code = a.code WHERE a.code = 'BU02020100' AND "
                           "o.indicator_id = 'inwoners' AND o.period = 2024")
    assert tuple(markt.iloc[0]) == ("Markt", 1605)
    rules = table(demo_db, "SELECT DISTINCT rule FROM buurttypes ORDER BY rule")["rule"].tolist()
    assert rules == ["gemeentelijke_lijst", "inkomen_gemeente_kwintiel"]


def test_the_command_line_rejects_with_exit_code_1_and_a_dutch_message(tmp_path, capsys):
    bad = tmp_path / "kapot.csv"
    bad.write_text("gebiedscode;indicator;jaar;waarde\nBU02020100;onveilig_buurt;2024;veel\n",
                   encoding="utf-8")
    code = cli.main(["load", str(bad), "--db", str(tmp_path / "db.duckdb")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Geweigerd. Bestand 'kapot.csv', regel 2, kolom 'waarde': 'veel' is geen getal." in err
    assert not (tmp_path / "db.duckdb").exists()


def test_the_command_line_dry_run_prints_the_preview_without_writing(tmp_path, capsys):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [STATLINE], how="test")
    before = sha256(target)
    code = cli.main(["load", str(MULTICITY), "--db", str(target), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "kwb_buurten_multicity_en_excerpt.csv: 168 regels, 24 gebieden" in out
    assert "bron cbs_kwb_circa2020" in out and "geladen" not in out
    assert sha256(target) == before
