"""The real Arnhem files of the demo (Leefbaarometer, police 47018NED, the long RIVM/CBS table)
load through the importers, the command line and the demo build, with cells checked against the
source files read independently with the csv module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from loader_testdata import observation, source_rows, table

from data_loaders import pipeline
from data_loaders.batch import LoadError
from data_loaders.settings import MAPPINGS_DIR, PROJECT_ROOT, SAMPLE_DATA

REAL = SAMPLE_DATA / "real"
LBM_BUURTEN = REAL / "lbm3_arnhem_buurten_2002_2024.csv"
LBM_WIJKEN = REAL / "lbm3_arnhem_wijken_2002_2024.csv"
POLICE = REAL / "politie_47018NED_arnhem_buurten_2023_totaal.csv"
LONG = REAL / "arnhem_rivm_kwb_dynamo_2016_2025.csv"
RIVM_MAPPING = MAPPINGS_DIR / "long_rivm_50150NED.toml"
CBS_MAPPING = MAPPINGS_DIR / "long_cbs_kwb.toml"
POLICE_HEADER = ("WijkenEnBuurten,WijkenEnBuurten_label,Perioden,SoortMisdrijf,SoortMisdrijf_label,"
                 "GeregistreerdeMisdrijven_1\n")


def lbm_source(path: Path, code: str, year: int) -> dict[str, str]:
    key = "bu_code" if "buurten" in path.name else "wk_code"
    return next(r for r in source_rows(path, ",") if r[key] == code and r["jaar"] == str(year))


def long_source(code: str, indicator: str, year: int) -> float:
    row = next(r for r in source_rows(LONG, ",") if r["gebiedscode"] == code
               and r["indicator"] == indicator and r["jaar"] == str(year))
    return float(row["waarde"])


# --- Leefbaarometer 3.0 open data -----------------------------------------------------------------

def test_a_leefbaarometer_buurt_value_of_2002_and_2024_equals_the_source_file():
    batch = pipeline.read_file(LBM_BUURTEN)
    markt_2002 = lbm_source(LBM_BUURTEN, "BU02020100", 2002)
    markt_2024 = lbm_source(LBM_BUURTEN, "BU02020100", 2024)
    assert observation(batch, "BU02020100", "lbm_score", 2002) == float(markt_2002["lbm"])
    assert observation(batch, "BU02020100", "lbm_score", 2024) == float(markt_2024["lbm"])
    assert observation(batch, "BU02020100", "lbm_onv", 2024) == float(markt_2024["onv"])
    assert batch.periods == [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]


def test_na_cells_are_gaps_not_suppressed_values():
    batch = pipeline.read_file(LBM_BUURTEN)
    obs = batch.observations
    # The dimensions exist only from 2014; NA before that leaves no row at all.
    dims_2002 = obs[(obs["period"] == 2002) & (obs["indicator_id"] != "lbm_score")]
    assert dims_2002.empty
    assert not obs["suppressed"].any()
    # Bij de John Frostbrug has scores up to 2012 only; Ijsseloord (a business park) has none.
    frostbrug = obs[(obs["area_code"] == "BU02020338") & (obs["indicator_id"] == "lbm_score")]
    assert sorted(frostbrug["period"]) == [2002, 2008, 2012]
    assert "BU02020529" not in set(obs["area_code"])
    assert obs["area_code"].nunique() == 82


def test_the_wijk_file_loads_with_its_wk_code_column():
    batch = pipeline.read_file(LBM_WIJKEN, {"bron": "leefbaarometer_3_wijk_2024"})
    row = lbm_source(LBM_WIJKEN, "WK020201", 2024)
    assert batch.source == "leefbaarometer_3_wijk_2024"
    assert observation(batch, "WK020201", "lbm_score", 2024) == float(row["lbm"])
    assert set(batch.areas["level"]) == {"wijk"} and len(batch.areas) == 24


@pytest.mark.parametrize("year", ["1850", "1997", "2999"])
def test_an_impossible_leefbaarometer_year_is_refused_naming_row_and_column(tmp_path, year):
    path = tmp_path / "lbm.csv"
    lines = LBM_WIJKEN.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",2012,", f",{year},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        pipeline.read_file(path)
    assert (caught.value.row, caught.value.column) == (4, "jaar")
    assert year in str(caught.value)


# --- police table 47018NED ------------------------------------------------------------------------

def test_a_police_count_equals_the_source_and_the_copied_rate_columns_are_ignored():
    rows = {r["WijkenEnBuurten"]: r for r in source_rows(POLICE, ",")}
    batch = pipeline.read_file(POLICE)
    assert (batch.format, batch.source, batch.periods) == ("cbs_opendata_47018NED",
                                                           "politie_47018NED", [2023])
    assert observation(batch, "BU02020100", "misdrijven_aantal", 2023) == 648.0
    assert observation(batch, "BU02020102", "misdrijven_aantal", 2023) == float(
        rows["BU02020102"]["GeregistreerdeMisdrijven_1"])
    assert set(batch.observations["indicator_id"]) == {"misdrijven_aantal"}
    assert len(batch.observations) == 83
    assert batch.observations["value"].sum() == 11031  # Arnhem's buurten together


def _police(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "47018NED.csv"
    path.write_text(POLICE_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_twelve_monthly_periods_are_summed_to_a_year(tmp_path):
    rows = [f"BU02020100,Markt,2023MM{m:02d},0.0.0,Totaal misdrijven,{m}" for m in range(1, 13)]
    batch = pipeline.read_file(_police(tmp_path, rows))
    assert observation(batch, "BU02020100", "misdrijven_aantal", 2023) == sum(range(1, 13))


def test_a_year_with_missing_months_is_refused_saying_which_months(tmp_path):
    rows = [f"BU02020100,Markt,2023MM{m:02d},0.0.0,Totaal misdrijven,5" for m in range(1, 12)]
    with pytest.raises(LoadError, match="ontbreekt: 12"):
        pipeline.read_file(_police(tmp_path, rows))


def test_the_year_figure_wins_over_months_and_other_offence_types_are_left_out(tmp_path):
    rows = ["BU02020100,Markt,2023JJ00,0.0.0,Totaal misdrijven,648",
            "BU02020100,Markt,2023MM01,0.0.0,Totaal misdrijven,50",
            "BU02020100,Markt,2023JJ00,1.1.1,Diefstal/inbraak woning,12"]
    batch = pipeline.read_file(_police(tmp_path, rows))
    assert observation(batch, "BU02020100", "misdrijven_aantal", 2023) == 648
    assert any("1.1.1" in w for w in batch.warnings)


def test_a_table_without_the_total_of_all_offences_is_refused(tmp_path):
    rows = ["BU02020100,Markt,2023JJ00,1.1.1,Diefstal/inbraak woning,12"]
    with pytest.raises(LoadError, match="0.0.0"):
        pipeline.read_file(_police(tmp_path, rows))


# --- the long RIVM / CBS table --------------------------------------------------------------------

def test_rivm_wijk_and_buurt_values_equal_the_source_and_only_rivm_rows_load():
    batch = pipeline.read_file(LONG, {"mapping": str(RIVM_MAPPING)})
    assert batch.source == "rivm_50150NED"
    assert observation(batch, "WK020209", "eenzaam", 2020) == long_source("WK020209", "o_eenzaam", 2020)
    assert observation(batch, "BU02020100", "mantelzorg", 2024) == long_source(
        "BU02020100", "o_mantelzorger", 2024)
    assert observation(batch, "GM0202", "eenzaamheid", 2024) == long_source(
        "GM0202", "o_sterk_eenzaam", 2024)
    assert batch.periods == [2016, 2020, 2022, 2024]
    assert "inwoners" not in set(batch.observations["indicator_id"])


def test_buurten_without_rivm_figures_are_gaps():
    batch = pipeline.read_file(LONG, {"mapping": str(RIVM_MAPPING)})
    codes = set(batch.observations["area_code"])
    assert not {"BU02020322", "BU02020338", "BU02020529", "BU02021269"} & codes
    assert len({c for c in codes if c.startswith("BU")}) == 79


def test_wijk_rows_of_2016_2017_on_the_old_indeling_are_left_out_with_a_note():
    batch = pipeline.read_file(LONG, {"mapping": str(CBS_MAPPING)})
    obs = batch.observations
    moved = obs[obs["area_code"].isin(["WK020206", "WK020209", "WK020218", "WK020219"])]
    assert moved["period"].min() == 2018
    # Other wijken keep 2016, and buurten keep 2016 too (a buurt's own figure is comparable).
    assert observation(batch, "WK020201", "inwoners", 2016) == long_source("WK020201", "a_inw", 2016)
    assert observation(batch, "BU02020650", "inwoners", 2016) == long_source(
        "BU02020650", "a_inw", 2016)
    assert any("oude wijkindeling" in w for w in batch.warnings)


def test_bijstand_per_1000_is_the_count_over_inhabitants_of_the_same_year():
    batch = pipeline.read_file(LONG, {"mapping": str(CBS_MAPPING)})
    expected = long_source("WK020201", "a_soz_wb", 2023) / long_source("WK020201", "a_inw", 2023)
    assert observation(batch, "WK020201", "bijstand", 2023) == pytest.approx(expected * 1000)
    assert observation(batch, "WK020201", "arbeidsparticipatie", 2024) == long_source(
        "WK020201", "p_arb_pp", 2024)


def test_only_listed_indicators_load_when_options_name_them():
    batch = pipeline.read_file(LONG, {"mapping": str(CBS_MAPPING), "indicatoren": ["inwoners"]})
    assert set(batch.observations["indicator_id"]) == {"inwoners"}
    with pytest.raises(LoadError, match="geheim"):
        pipeline.read_file(LONG, {"mapping": str(CBS_MAPPING), "indicatoren": ["geheim"]})


# --- the command line and the demo build ----------------------------------------------------------

def test_every_real_file_loads_through_the_command_line(tmp_path):
    target = tmp_path / "cli.duckdb"
    commands = [
        [str(REAL / "arnhem_rivm_kwb_dynamo_2016_2025.csv"), "--mapping", str(CBS_MAPPING)],
        [str(REAL / "arnhem_rivm_kwb_dynamo_2016_2025.csv"), "--mapping", str(RIVM_MAPPING)],
        [str(LBM_BUURTEN)],
        [str(POLICE)],
    ]
    for args in commands:
        result = subprocess.run([sys.executable, "-m", "data_loaders", "load", *args, "--db",
                                 str(target)], cwd=PROJECT_ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "geladen" in result.stdout
    counts = table(target, "SELECT source, count(*) AS n FROM observations GROUP BY source")
    assert dict(zip(counts["source"], counts["n"], strict=True)) == {
        "cbs_kwb_reeks": 4473, "rivm_50150NED": 2164, "leefbaarometer_3": 2757,
        "politie_47018NED": 83}


def test_the_demo_holds_the_real_leefbaarometer_2002_and_2024_values(demo_db):
    found = table(demo_db, "SELECT period, value, source, synthetic FROM observations WHERE "
                  "area_code = 'BU02021990' AND indicator_id = 'lbm_score' ORDER BY period")
    assert found["period"].tolist() == [2002, 2008, 2012, 2014, 2016, 2018, 2020, 2022, 2024]
    assert found["value"].iloc[0] == float(lbm_source(LBM_BUURTEN, "BU02021990", 2002)["lbm"])
    assert found["value"].iloc[-1] == float(lbm_source(LBM_BUURTEN, "BU02021990", 2024)["lbm"])
    assert set(found["source"]) == {"leefbaarometer_3_buurt_2024"} and not found["synthetic"].any()


def test_the_crime_rate_is_count_over_inhabitants_with_a_floor(demo_db):
    rate = table(demo_db, "SELECT area_code, value, n, suppressed FROM observations "
                 "WHERE indicator_id = 'misdrijven' AND period = 2023").set_index("area_code")
    inhabitants_2023 = long_source("BU02020100", "a_inw", 2023)
    assert rate.loc["BU02020100", "value"] == round(648 / inhabitants_2023 * 1000, 1)
    assert rate.loc["BU02020100", "n"] == inhabitants_2023
    # Industrieterrein: 293 crimes, 70 inhabitants; below the floor of 200 no rate is shown.
    assert rate.loc["BU02020322", "suppressed"] and rate["value"].isna().sum() == 6
    assert (rate.loc[rate["value"].notna(), "n"] >= 200).all()


def test_no_indicator_mixes_generated_and_real_values_in_the_demo(demo_db):
    mixed = table(demo_db, "SELECT indicator_id FROM observations GROUP BY indicator_id "
                  "HAVING count(DISTINCT synthetic) > 1")
    assert mixed.empty, mixed
    real = table(demo_db, "SELECT DISTINCT indicator_id FROM observations WHERE NOT synthetic")
    assert {"lbm_score", "lbm_onv", "eenzaamheid", "mantelzorg", "misdrijven",
            "tevreden_woonomgeving"} <= set(real["indicator_id"])


def test_each_indicator_area_and_year_in_the_demo_comes_from_one_source(demo_db):
    inhabitants = table(demo_db, "SELECT DISTINCT source FROM observations "
                        "WHERE indicator_id = 'inwoners'")
    assert inhabitants["source"].tolist() == ["cbs_kwb_reeks"]  # the series wins over 2024 export
    twice = table(demo_db, "SELECT area_code, indicator_id, period FROM observations "
                  "GROUP BY ALL HAVING count(*) > 1")
    assert twice.empty
