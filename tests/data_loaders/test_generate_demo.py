"""The synthetic Arnhem demo values: reproducible, within range, with the documented model."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data_loaders import generate_demo as gd
from data_loaders.settings import CATALOGUE_FILE, SAMPLE_DATA

ROOT = Path(__file__).resolve().parents[2]
SURVEY_KINDS = {"aandeel", "schaal"}


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    return gd.generate()


@pytest.fixture(scope="module")
def catalogue() -> pd.DataFrame:
    return pd.read_csv(CATALOGUE_FILE).set_index("id")


@pytest.fixture(scope="module")
def buurten() -> pd.DataFrame:
    return gd.buurt_frame().set_index("gebiedscode")


def _rows(demo: pd.DataFrame, kinds: set[str]) -> pd.DataFrame:
    wanted = [i for i, spec in gd.SPECS.items() if spec.kind in kinds]
    return demo[demo["indicator"].isin(wanted)]


def test_the_same_seed_writes_a_byte_identical_file(tmp_path: Path) -> None:
    first = gd.write(tmp_path / "a.csv", seed=7).read_bytes()
    second = gd.write(tmp_path / "b.csv", seed=7).read_bytes()
    assert first == second


def test_another_seed_gives_other_values() -> None:
    assert not gd.generate(1)["waarde"].equals(gd.generate(2)["waarde"])


def test_the_committed_file_is_what_the_generator_writes(demo: pd.DataFrame) -> None:
    assert gd.OUTPUT_FILE.exists(), "Draai `python -m data_loaders.generate_demo`."
    assert gd.OUTPUT_FILE.read_bytes() == gd.to_csv_text(demo).encode("utf-8")


def test_the_file_has_the_waarnemingen_template_header() -> None:
    header = gd.OUTPUT_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert header == "gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron"


def test_every_row_has_bron_synthetisch_demo(demo: pd.DataFrame) -> None:
    assert set(demo["bron"]) == {"synthetisch_demo"}


def test_every_catalogue_indicator_of_the_generated_sources_is_present(
    demo: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    expected = set(catalogue.index[catalogue["source"].isin(gd.GENERATED_SOURCES)])
    assert set(demo["indicator"]) == expected | {"woningen_corporatie"}


def test_every_buurt_with_at_least_50_inhabitants_is_generated_and_no_other(
    demo: pd.DataFrame, buurten: pd.DataFrame
) -> None:
    assert set(demo["gebiedscode"]) == set(buurten.index)
    assert (buurten["inwoners"] >= 50).all()
    assert len(buurten) == 81  # 83 buurten in the geometry; two have fewer than 50 inhabitants


def test_surveys_and_registrations_cover_every_year(demo: pd.DataFrame) -> None:
    years = demo.groupby("indicator")["jaar"].apply(lambda s: tuple(sorted(set(s))))
    for indicator, seen in years.items():
        assert seen == gd.YEARS, indicator


def test_no_indicator_with_real_figures_in_the_demo_is_generated(
    demo: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    # Leefbaarometer, RIVM (loneliness, mantelzorg, woonomgeving) and police totals are real now:
    # a generated value next to them would mix invented and measured figures in one series.
    real = set(catalogue.index[catalogue["source"].isin(
        ["leefbaarometer_3", "rivm_50150NED", "politie_47018NED", "cbs_kwb_reeks"])])
    assert {"lbm_score", "eenzaamheid", "mantelzorg", "tevreden_woonomgeving"} <= real
    assert not set(demo["indicator"]) & real


def test_every_value_lies_within_the_catalogue_range(
    demo: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    meta = catalogue.loc[demo["indicator"]]
    assert demo["waarde"].notna().all()
    assert (demo["waarde"].to_numpy() >= meta["min_value"].to_numpy()).all()
    assert (demo["waarde"].to_numpy() <= meta["max_value"].to_numpy()).all()


def test_every_margin_contains_its_value(demo: pd.DataFrame) -> None:
    with_margin = demo[demo["ondergrens"].notna()]
    assert len(with_margin) > 0
    assert (with_margin["ondergrens"] <= with_margin["waarde"]).all()
    assert (with_margin["waarde"] <= with_margin["bovengrens"]).all()


def test_survey_values_have_n_and_margins(demo: pd.DataFrame) -> None:
    survey = _rows(demo, SURVEY_KINDS)
    assert survey[["n", "ondergrens", "bovengrens"]].notna().all().all()


def test_registrations_have_a_population_base_and_no_margins(
    demo: pd.DataFrame, buurten: pd.DataFrame
) -> None:
    registrations = _rows(demo, {"registratie"})
    assert registrations[["ondergrens", "bovengrens"]].isna().all().all()
    geweld = registrations[registrations["indicator"] == "geweld"]
    assert (geweld["n"].to_numpy() == buurten.loc[geweld["gebiedscode"], "inwoners"]).all()


def test_initiatives_and_corporation_share_have_no_n_or_margins(demo: pd.DataFrame) -> None:
    others = demo[demo["indicator"].isin(["bewonersinitiatieven", "woningen_corporatie"])]
    assert len(others) > 0
    assert others[["n", "ondergrens", "bovengrens"]].isna().all().all()


def test_values_are_printed_with_the_catalogue_decimals_and_margins_with_one_more(
    catalogue: pd.DataFrame,
) -> None:
    text = pd.read_csv(gd.OUTPUT_FILE, dtype=str, keep_default_na=False)
    decimals = catalogue.loc[text["indicator"], "decimals"].to_numpy()

    def places(column: pd.Series) -> np.ndarray:
        return column.str.split(".").str[1].fillna("").str.len().to_numpy()

    assert (places(text["waarde"]) == decimals).all()
    has_margin = (text["ondergrens"] != "").to_numpy()
    assert (places(text["ondergrens"])[has_margin] == decimals[has_margin] + 1).all()
    assert (places(text["bovengrens"])[has_margin] == decimals[has_margin] + 1).all()
    assert not text["waarde"].str.fullmatch(r"-0\.0*").any()  # no negative zero


def test_some_buurt_years_have_fewer_than_30_respondents(demo: pd.DataFrame) -> None:
    survey = _rows(demo, SURVEY_KINDS)
    assert (survey["n"] < 30).any()
    assert (survey["n"] >= 100).any()


def test_every_gradient_points_to_worse_outcomes_in_achterstandsbuurten(
    catalogue: pd.DataFrame,
) -> None:
    for indicator, spec in gd.SPECS.items():
        direction = catalogue.loc[indicator, "direction"]
        if direction == "hoger_beter":
            assert spec.gradient >= 0, indicator
        elif direction == "lager_beter":
            assert spec.gradient <= 0, indicator


CLEAR_GRADIENTS = sorted(
    i for i, s in gd.SPECS.items() if s.gradient != 0 and abs(s.gradient) >= 0.5 * s.spread
)


def test_people_know_each_other_less_in_poorer_buurten(
    demo: pd.DataFrame, buurten: pd.DataFrame
) -> None:
    assert _income_correlation(demo, buurten, "kennen_elkaar_nauwelijks") < 0


@pytest.mark.parametrize("indicator", CLEAR_GRADIENTS)
def test_buurt_means_follow_real_income_in_the_documented_direction(
    demo: pd.DataFrame, buurten: pd.DataFrame, indicator: str
) -> None:
    correlation = _income_correlation(demo, buurten, indicator)
    assert np.sign(correlation) == np.sign(gd.SPECS[indicator].gradient)


def _income_correlation(demo: pd.DataFrame, buurten: pd.DataFrame, indicator: str) -> float:
    real = buurten[~buurten["imputed"]]
    means = demo[demo["indicator"] == indicator].groupby("gebiedscode")["waarde"].mean()
    return float(np.corrcoef(means.loc[real.index], real["income"])[0, 1])


def test_corporation_housing_is_more_common_in_poorer_buurten(
    demo: pd.DataFrame, buurten: pd.DataFrame
) -> None:
    share = demo[demo["indicator"] == "woningen_corporatie"]
    assert share["waarde"].between(5, 75).all()
    assert _income_correlation(demo, buurten, "woningen_corporatie") < 0


def test_buurten_without_cbs_income_get_their_wijk_mean(buurten: pd.DataFrame) -> None:
    industrieterrein = buurten.loc["BU02020322"]
    wijk = buurten[(buurten["wijkcode"] == "WK020203") & ~buurten["imputed"]]
    assert industrieterrein["imputed"]
    assert industrieterrein["income"] == pytest.approx(wijk["income"].mean())
    assert buurten["imputed"].sum() == 10


def _clear_worsening(demo: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Outcome values 2022 -> 2024, both shown (n >= 30), whose 95% margins do not overlap."""
    survey = _rows(demo, SURVEY_KINDS)
    survey = survey[survey["jaar"].isin([2022, 2024]) & (survey["n"] >= 30)]
    wide = survey.pivot(
        index=["gebiedscode", "indicator"],
        columns="jaar",
        values=["waarde", "ondergrens", "bovengrens"],
    ).dropna()
    lower_is_better = (
        catalogue.loc[wide.index.get_level_values("indicator"), "direction"] == "lager_beter"
    ).to_numpy()
    worse = np.where(
        lower_is_better,
        wide[("ondergrens", 2024)] > wide[("bovengrens", 2022)],
        wide[("bovengrens", 2024)] < wide[("ondergrens", 2022)],
    )
    return wide[worse]


def test_at_least_three_buurten_worsen_clearly_between_2022_and_2024(
    demo: pd.DataFrame, catalogue: pd.DataFrame
) -> None:
    flagged = set(_clear_worsening(demo, catalogue).index.get_level_values("gebiedscode"))
    assert len(flagged & set(gd.DECLINING)) >= 3


def test_the_improving_buurten_feel_safer_at_the_end_than_at_the_start(
    demo: pd.DataFrame,
) -> None:
    unsafe = demo[demo["indicator"] == "onveilig_buurt"]
    for code in gd.IMPROVING:
        own = unsafe[unsafe["gebiedscode"] == code].set_index("jaar")["waarde"]
        assert own.loc[2022:2024].mean() < own.loc[2014:2016].mean(), code


def test_a_missing_population_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "geo").mkdir()
    shutil.copy(SAMPLE_DATA / "geo" / gd.GEOMETRY_NAME, tmp_path / "geo")
    with pytest.raises(FileNotFoundError, match="inwoners per buurt"):
        gd.generate(sample_dir=tmp_path)


def test_the_module_runs_as_a_command(tmp_path: Path) -> None:
    target = tmp_path / "demo.csv"
    result = subprocess.run(
        [sys.executable, "-m", "data_loaders.generate_demo", "--uit", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == gd.OUTPUT_FILE.read_bytes()


def _readme_section() -> str:
    text = (SAMPLE_DATA / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Synthetische demogegevens\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, "sample_data/README.md mist de sectie '## Synthetische demogegevens'"
    return match.group(1)


def test_the_readme_says_in_bold_that_the_values_are_synthetic() -> None:
    section = _readme_section()
    assert re.search(r"\*\*[^*]*synthetisch[^*]*nooit[^*]*\*\*", section, re.I)
    assert str(gd.DEFAULT_SEED) in section
    assert "python -m data_loaders.generate_demo" in section


@pytest.mark.parametrize("indicator", sorted(gd.SPECS))
def test_the_readme_states_each_level_and_gradient(indicator: str) -> None:
    spec = gd.SPECS[indicator]
    row = next(
        (line for line in _readme_section().splitlines() if line.startswith(f"| `{indicator}` |")),
        None,
    )
    assert row is not None, indicator
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert _dutch(spec.level) in cells, (indicator, cells)
    assert _dutch(spec.gradient, signed=True) in cells, (indicator, cells)


def _dutch(value: float, signed: bool = False) -> str:
    text = f"{value:+g}" if signed else f"{value:g}"
    return text.replace(".", ",")
