"""The column-wise checks on Arrow strings give what the general way gives: same values, same
first bad cell, same rows; and a clash between sources is still found."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data_loaders import pipeline, textio
from data_loaders.batch import LoadError

PATH = Path("test.csv")
NUMBER_CELLS = ["12", " 3.5 ", "-4", "+7", "1.234,5", "1,234.5", "1.234.567", "12,5", ".", "x",
                "", "-", "?", "9.15e-05", "8*", "1 234", "\u00a05", "0", "-0", "007", "12.0"]
CODE_CELLS = ["BU02020100", " wk020201 ", "gm 0202", "0202", "020201", "02020100", "GM0344"]


def _arrow(cells: list[str]) -> pd.Series:
    series = pd.Series(cells, dtype=str)
    assert textio._arrow_text(series) is not None
    return series


def _general(cells: list[str]) -> pd.Series:
    """The same cells as a column the Arrow way does not take (one missing cell, put back)."""
    series = pd.Series([*cells, None], dtype=object).iloc[:-1]
    assert textio._arrow_text(series) is None
    return series


def _message(function, *args) -> str:
    with pytest.raises(LoadError) as caught:
        function(*args)
    return caught.value.dutch()


def test_numbers_read_the_same_on_arrow_strings():
    cells = NUMBER_CELLS * 3
    fast = textio.parse_numbers(PATH, _arrow(cells), "waarde")
    general = textio.parse_numbers(PATH, _general(cells), "waarde")
    np.testing.assert_array_equal(fast.to_numpy(), general.to_numpy())
    assert np.isnan(textio.parse_numbers(PATH, _arrow(["", "."] * 5), "n")).all()


def test_the_first_bad_number_is_named_the_same_on_arrow_strings():
    cells = ["1", "2,5", "12abc", "3", "zeven"]
    fast = _message(textio.parse_numbers, PATH, _arrow(cells), "waarde")
    assert fast == _message(textio.parse_numbers, PATH, _general(cells), "waarde")
    assert "regel 4" in fast and "'12abc' is geen getal" in fast


def test_codes_read_the_same_on_arrow_strings():
    for cells in (["BU02020100", "WK020201", "GM0202"] * 4, CODE_CELLS):
        fast = textio.normalise_codes(PATH, _arrow(cells), "gebiedscode")
        general = textio.normalise_codes(PATH, _general(cells), "gebiedscode")
        assert fast.tolist() == general.tolist()
        assert fast.dtype == pd.Series(cells, dtype=str).dtype
    bad = ["BU02020100", "BU0202", "nl01"]
    fast = _message(textio.normalise_codes, PATH, _arrow(bad), "gebiedscode")
    assert fast == _message(textio.normalise_codes, PATH, _general(bad), "gebiedscode")
    assert "regel 3" in fast


def test_tidy_strips_cells_and_drops_empty_rows_like_before():
    frame = pd.DataFrame({" a\u00a0": [" 1", "", "3 "], "b": ["x ", " ", "\ty"]}, dtype=str)
    fast = textio._tidy(frame.copy())
    general = textio._tidy(frame.astype(object))
    pd.testing.assert_frame_equal(fast, general)
    assert fast.to_dict("list") == {"a": ["1", "3"], "b": ["x", "y"]}


@pytest.mark.parametrize("length", [textio.MAX_LINE_CHARS, textio.MAX_LINE_CHARS + 1])
def test_an_over_long_line_is_found_anywhere(length: int):
    for before in (3, 700_001):
        text = "a;b\n" + "1;2\n" * before + "x" * length + "\n1;2\n"
        if length <= textio.MAX_LINE_CHARS:
            textio.check_line_lengths(PATH, text)
        else:
            assert "regel" in _message(textio.check_line_lengths, PATH, text)


def _template(path: Path, source: str, year: int) -> Path:
    path.write_text("gebiedscode;indicator;jaar;waarde;bron\n"
                    f"BU02020100;onveilig_buurt;{year};23,5;{source}\n"
                    f"BU02020101;onveilig_buurt;{year};20;{source}\n", encoding="utf-8")
    return path


def test_a_second_source_for_the_same_values_is_rejected_and_other_years_load(tmp_path: Path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [_template(tmp_path / "a.csv", "gemeentelijke_enquete", 2022)],
                        how="test")
    other = "synthetisch_demo"
    with pytest.raises(LoadError, match="al geladen uit de bron 'gemeentelijke_enquete' "
                       r"\(2 overlappende waarden\)"):
        pipeline.load_paths(target, [_template(tmp_path / "b.csv", other, 2022)], how="test")
    [result] = pipeline.load_paths(target, [_template(tmp_path / "c.csv", other, 2021)], how="test")
    assert (result.status, result.rows) == ("geladen", 2)
