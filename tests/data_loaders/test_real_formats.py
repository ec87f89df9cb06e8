"""Every supported format loads from a small real fixture, with cells checked against the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from loader_testdata import (
    BUURTEN_GEO,
    DECIMALCOMMA,
    LEEFBAAROMETER,
    MULTICITY,
    SES_WOA,
    STATLINE,
    TYPED,
    observation,
    source_rows,
    table,
)

from data_loaders import pipeline, templates
from data_loaders.batch import LoadError


def test_statline_export_with_bom_crlf_and_padded_codes_keeps_arnhem_values():
    raw = STATLINE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b'"GM0202    "' in raw
    batch = pipeline.read_file(STATLINE)
    assert (batch.format, batch.source, batch.periods) == ("statline_csv", "cbs_kwb_2024", [2024])
    assert observation(batch, "GM0202", "inwoners", 2024) == 167632
    assert observation(batch, "BU02020100", "inwoners", 2024) == 1605
    assert observation(batch, "GM0202", "aandeel_0_15", 2024) == pytest.approx(24709 / 167632 * 100)
    assert observation(batch, "BU00140000", "inwoners", 2024) == 4745
    assert not batch.observations["area_code"].str.startswith("NL").any()
    names = batch.areas.set_index("code")["name"]
    assert names["BU02020100"] == "Markt" and names["WK020201"] == "Centrum"


def test_decimal_comma_export_without_codes_gets_gemeente_codes_from_the_cbs_list():
    rows = {r["Wijken en buurten"]: r for r in source_rows(DECIMALCOMMA, ";")}
    batch = pipeline.read_file(DECIMALCOMMA)
    assert batch.source == "cbs_kwb_2024"
    assert observation(batch, "GM0202", "inwoners", 2024) == float(
        rows["Arnhem"]["Bevolking/Aantal inwoners (aantal)"])
    assert observation(batch, "GM0202", "bijstand", 2024) == pytest.approx(7170 / 167632 * 1000)
    assert observation(batch, "GM1680", "inwoners", 2024) == 25845  # Aa en Hunze
    assert set(batch.areas["level"]) == {"gemeente"}
    assert len(batch.areas) == len(rows)


def test_a_gemeente_name_not_in_the_cbs_list_is_rejected_naming_row_and_column(tmp_path: Path):
    path = tmp_path / "gemeenten_2024.csv"
    path.write_bytes(DECIMALCOMMA.read_bytes().replace(b'"Aalten"', b'"Atlantis"'))
    with pytest.raises(LoadError) as caught:
        pipeline.read_file(path)
    assert (caught.value.row, caught.value.column) == (4, "Wijken en buurten")
    assert "Atlantis" in str(caught.value) and "gemeenten_2024.csv" in str(caught.value)


def test_multicity_kwb_keeps_leading_zeros_and_english_columns():
    rows = {r["gwb_code_10"]: r for r in source_rows(MULTICITY, ",")}
    batch = pipeline.read_file(MULTICITY)
    assert (batch.source, batch.periods) == ("cbs_kwb_circa2020", [2020])
    assert observation(batch, "BU02020100", "inkomen_per_inwoner", 2020) == float(
        rows["02020100"]["avg_income_per_capital"])
    assert observation(batch, "BU02020100", "laag_inkomen", 2020) == 11.4
    assert observation(batch, "BU03620101", "bijstand", 2020) == pytest.approx(
        float(rows["03620101"]["n_pp_w_assitance"])
        / float(rows["03620101"]["Number.of.inhabitants"]) * 1000)
    assert {c[:6] for c in batch.areas["code"]} == {"BU0202", "BU0362", "BU0503"}
    first = rows["02020100"]
    assert observation(batch, "BU02020100", "eenpersoonshuishoudens", 2020) == pytest.approx(
        float(first["Number.of.1.person.household"]) / float(first["Number.of.households"]) * 100)
    assert observation(batch, "BU02020100", "huishoudensgrootte", 2020) == 1.4


def test_leefbaarometer_scores_match_the_source_and_lbm_is_afw_plus_national_level():
    rows = source_rows(LEEFBAAROMETER, ",")
    batch = pipeline.read_file(LEEFBAAROMETER)
    assert (batch.format, batch.source) == ("leefbaarometer", "leefbaarometer_3")
    assert batch.periods == [2014, 2018, 2020, 2022]
    assert batch.areas["code"].nunique() == 14
    first = rows[0]
    assert observation(batch, "WK036201", "lbm_score", 2014) == float(first["lbm"])
    assert observation(batch, "WK036201", "lbm_onv", 2014) == float(first["onv"])
    assert observation(batch, "WK036201", "lbm_won", 2022) == float(rows[3]["won"])
    for row in rows:
        # The published national level has more digits than 4.1023.
        assert float(row["lbm"]) == pytest.approx(float(row["afw"]) + 4.1023, abs=1e-4)
        dims = sum(observation(batch, row["wk_code"], f"lbm_{d}", int(row["jaar"]))
                   for d in ("fys", "onv", "soc", "vrz", "won"))
        assert observation(batch, row["wk_code"], "lbm_score", int(row["jaar"])) == pytest.approx(
            dims + 4.1023, abs=1e-4)
    assert batch.warnings == []


def test_typed_table_values_equal_the_statline_export_they_were_laid_out_from():
    typed = pipeline.read_file(TYPED)
    statline = pipeline.read_file(STATLINE)
    assert (typed.format, typed.source) == ("cbs_odata", "cbs_kwb_2024")
    key = ["area_code", "indicator_id", "period"]
    merged = typed.observations.merge(statline.observations, on=key, suffixes=("_typed", ""))
    assert len(merged) == len(typed.observations) == len(statline.observations)
    assert (merged["value_typed"] == merged["value"]).all()
    assert observation(typed, "BU02020100", "inwoners", 2024) == 1605


def test_ses_woa_takes_its_year_from_perioden_and_treats_dot_as_missing():
    rows = {r["Regiocode (gemeente, wijk, buurt) (code)"].strip(): r
            for r in source_rows(SES_WOA, ";")}
    batch = pipeline.read_file(SES_WOA)
    assert (batch.source, batch.periods) == ("cbs_ses_woa", [2019])
    column = "SES-WOA/Totaalscore/Gemiddelde score (Getal)"
    assert observation(batch, "GM0363", "ses_woa", 2019) == float(rows["GM0363"][column])
    assert observation(batch, "BU03630000", "ses_woa", 2019) == 0.045
    empty = batch.observations[batch.observations["area_code"] == "BU03639801"]
    assert empty["value"].isna().all() and empty["suppressed"].all()


def _template_csv(folder: Path, kind: str, **changes: str) -> Path:
    frame = templates.template_frame(kind)
    for column, value in changes.items():
        frame[column] = value
    path = folder / f"{kind}.csv"
    frame.to_csv(path, index=False, sep=";")
    return path


def _as_xlsx(csv_path: Path) -> Path:
    """The same template as an Excel file, written cell by cell with openpyxl."""
    frame = pd.read_csv(csv_path, sep=";", dtype=str, keep_default_na=False)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    path = csv_path.with_suffix(".xlsx")
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("kind", "changes", "query", "expected"),
    [
        ("waarnemingen", {}, "SELECT value, n FROM observations WHERE indicator_id = 'onveilig_buurt'",
         (23.5, 112)),
        ("buurttypes", {"gebiedscode": "WK020201"},
         "SELECT count(DISTINCT area_code), min(type) FROM buurttypes", (6, "achterstand")),
        ("uitgaven", {"gebiedscode": "BU02020100"}, "SELECT amount_eur, dwellings FROM spending",
         (12500.0, 420)),
        ("projecten", {}, "SELECT area_codes, budget_eur FROM projects",
         ("BU02020700 BU02020701", 40000.0)),
        ("doelen", {}, "SELECT nulmeting_value, target_value, target_period FROM goals",
         (30.0, 25.0, 2026)),
    ],
)
@pytest.mark.parametrize("as_xlsx", [False, True], ids=["csv", "xlsx"])
def test_each_own_data_template_loads_as_csv_and_as_xlsx(tmp_path, kind, changes, query, expected,
                                                         as_xlsx):
    target = tmp_path / "db.duckdb"
    # The buurten of WK020201 must be known for a wijk code in a buurttype list to expand.
    pipeline.load_paths(target, [BUURTEN_GEO], how="test", options={"level": "buurt"})
    path = _template_csv(tmp_path, kind, **changes)
    if as_xlsx:
        path = _as_xlsx(path)
    [result] = pipeline.load_paths(target, [path], how="test")
    assert result.status == "geladen" and result.rows > 0
    assert tuple(table(target, query).iloc[0]) == expected


def test_a_kwb_table_saved_as_xlsx_is_recognised_by_its_header(tmp_path: Path):
    csv_copy = tmp_path / "kwb.csv"
    shutil.copy(MULTICITY, csv_copy)
    frame = pd.read_csv(csv_copy, dtype=str, keep_default_na=False)
    path = tmp_path / "kwb.xlsx"
    frame.to_excel(path, index=False, engine="openpyxl")
    batch = pipeline.read_file(path)
    assert batch.source == "cbs_kwb_circa2020"
    assert observation(batch, "BU02020100", "laag_inkomen", 2020) == 11.4
