"""Years are never guessed: a StatLine Kerncijfers export lands in the year given with --jaar or
in its file name, under a source named for that year, and leaves other years alone."""

from __future__ import annotations

import shutil

import pytest
from loader_testdata import STATLINE, table

from data_loaders import pipeline
from data_loaders.batch import LoadError

ROWS = "SELECT area_code, indicator_id, value FROM observations WHERE period = ? ORDER BY ALL"


@pytest.fixture()
def with_2024(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [STATLINE], how="test")
    return target


@pytest.mark.parametrize("how", ["jaar", "bestandsnaam"])
def test_an_export_of_another_year_lands_in_that_year_under_its_own_source(
        tmp_path, with_2024, how):
    before = table(with_2024, ROWS, [2024])
    if how == "jaar":
        path, options = tmp_path / "kerncijfers_bevolking.csv", {"jaar": 2017}
    else:
        path, options = tmp_path / "Kerncijfers_wijken_en_buurten_2017_bevolking.csv", {}
    shutil.copy(STATLINE, path)
    [result] = pipeline.load_paths(with_2024, [path], how="test", options=options)
    assert (result.source, result.periods) == ("cbs_kwb_2017", (2017,))
    assert table(with_2024, ROWS, [2017]).equals(before)  # the same export, one year
    assert table(with_2024, ROWS, [2024]).equals(before)  # the real 2024 figures untouched
    sources = table(with_2024, "SELECT DISTINCT o.period, s.label FROM observations o "
                               "JOIN sources s ON s.key = o.source ORDER BY ALL")
    assert sources.values.tolist() == [
        [2017, "CBS Kerncijfers wijken en buurten 2017"],
        [2024, "CBS Kerncijfers wijken en buurten 2024 (tabel 85984NED)"]]
    said = [w for w in result.warnings if "afgeleid uit de bestandsnaam" in w]
    assert said == ([] if how == "jaar" else
                    ["Jaar 2017 afgeleid uit de bestandsnaam; geef --jaar mee als dat niet klopt."])


@pytest.mark.parametrize("name", ["kerncijfers_bevolking.csv", "kwb_2017_2024_bevolking.csv"])
def test_an_export_whose_year_is_unknown_is_refused_asking_for_jaar(tmp_path, with_2024, name):
    path = tmp_path / name
    shutil.copy(STATLINE, path)
    with pytest.raises(LoadError) as caught:
        pipeline.load_paths(with_2024, [path], how="test")
    message = str(caught.value)
    assert message.startswith(f"Bestand '{name}': het jaar van deze cijfers staat niet in het "
                              "bestand")
    assert "--jaar" in message and "Er is niets geladen" in message


def test_a_year_after_next_year_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "kerncijfers_bevolking.csv"
    shutil.copy(STATLINE, path)
    with pytest.raises(LoadError) as caught:
        pipeline.read_file(path, {"jaar": 2099})
    assert "cijfers van na volgend jaar" in str(caught.value)
