"""The map page's and the trends page's lighter reads give what the full computation gives.

The map page reads its areas' values without the boundaries' text (data.map_values; the shapes
come from the load's map_shapes); the trends page reads the chosen areas' rows alone and their
lines from the stored references (data.trend_areas, trend_averages) instead of every area of the
gemeente. Each must equal the computation over every area (data.map_rows, trend_level, and the
references computed from the rows themselves), here on the demo database.
"""

from __future__ import annotations

import logging

import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from dashboard import data, tables
from data_loaders import settings
from metrics import references

GEMEENTE = "GM0202"
# Two buurten, a wijk with a figure of its own where loaded and wijken figured from their buurten.
CODES = ("BU02020100", "BU02020101", "WK020203", "WK020206", "WK020201")
INDICATORS = ("lbm_score", "rapportcijfer_buurt", "misdrijven_aantal", "eenzaam", "inwoners")

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.fixture()
def demo():
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of the caches
    version = data.database_version()
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[0])
    privacy = settings.privacy()
    assert data.stored(version, GEMEENTE, privacy)[0]  # the stored references are used
    return version, rule, privacy


def _periods(version, indicator: str) -> list[int]:
    found = data.periods(version, GEMEENTE).set_index("indicator_id")["periods"]
    return [int(p) for p in found[indicator]]


@pytest.mark.parametrize("reference", ["waarde", "verschil_gemeente", "verschil_buurttype",
                                       "index_nulmeting", "zscore", "percentiel"])
@pytest.mark.parametrize("level", ["buurt", "wijk"])
def test_the_map_values_equal_the_computation_over_every_row(demo, level: str,
                                                             reference: str) -> None:
    """map_values reads only the years the map shows and takes the stored references; the
    same rows as tables.map_rows over every year of the indicator and the inhabitants, with
    every buurttype row and the references computed from the rows (as the map did before)."""
    version, rule, privacy = demo
    geo = data.map_outline(version, GEMEENTE, level)[0]
    types = data.buurttypes(version, GEMEENTE, rule)
    for indicator in INDICATORS:
        periods = _periods(version, indicator)
        year, nulmeting = periods[-1], periods[len(periods) // 2]
        ranks = ("achterstand", "midden") if reference in tables.SELECTION_REFERENCES else None
        got, legend, note = data.map_values(version, GEMEENTE, rule, privacy, indicator, level,
                                            reference, nulmeting, year, ranks, "nl")
        scope = tables.Scope(
            obs=data.observations(version, GEMEENTE, tuple(dict.fromkeys([indicator,
                                                                          "inwoners"])),
                                  privacy),
            areas=data.areas(version, GEMEENTE), types=types,
            catalogue=data.catalogue_in(version), sources=data.sources_by_key(version))
        want, want_legend, want_note = tables.map_rows(
            scope, geo, indicator, level, reference, nulmeting, year, ranks,
            tables.types_in(types, year))
        assert (legend, note) == (want_legend, want_note)
        assert_frame_equal(got, want, check_exact=False, rtol=1e-12,
                           obj=f"{indicator} {level} {reference}")
        assert got["value"].notna().sum() > 5  # not vacuous


@pytest.mark.parametrize("level", ["buurt", "wijk"])
def test_the_map_values_equal_the_map_rows_without_their_boundaries(demo, level: str) -> None:
    version, rule, privacy = demo
    for indicator, reference, taal in (("lbm_score", "waarde", "nl"),
                                       ("rapportcijfer_buurt", "zscore", "en")):
        year = _periods(version, indicator)[-1]
        ranks = ("achterstand",) if reference in tables.SELECTION_REFERENCES else None
        args = (version, GEMEENTE, rule, privacy, indicator, level, reference, 2014, year, ranks,
                taal)
        full, legend, note, _ = data.map_rows(*args)
        got, got_legend, got_note = data.map_values(*args)
        assert (got_legend, got_note) == (legend, note)
        want = full.drop(columns=["geometry_display", "indeling"])
        assert_frame_equal(got[list(want.columns)], want)
        # The shapes are those of the same areas, in the same order.
        assert data.map_shapes(version, GEMEENTE, level)["codes"] == got["area_code"].tolist()


@pytest.mark.parametrize("rule_index", [0, 1])
def test_each_buurts_latest_type_and_its_type_in_a_year_are_those_of_every_row(
        demo, rule_index: int) -> None:
    """latest_types and types_in read only what they need; the same as picked out of every
    buurttype row (the filter's latest type; the nearest labelled year, the later of two)."""
    version, _, _ = demo
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[rule_index])
    every = data.buurttypes(version, GEMEENTE, rule)
    want = every.sort_values("period").drop_duplicates("area_code", keep="last")
    got = data.latest_types(version, GEMEENTE, rule)
    assert_frame_equal(got.sort_values("area_code").reset_index(drop=True),
                       want.sort_values("area_code").reset_index(drop=True), check_dtype=False)
    years = sorted(int(y) for y in every["period"].unique())
    assert len(years) >= 5 and len(got) > 50
    for year in [None, *years, years[0] - 3, years[-1] + 4, (years[0] + years[-1]) // 2]:
        assert_series_equal(data.types_in(version, GEMEENTE, rule, year),
                            tables.types_in(every, year), check_dtype=False,
                            check_index_type=False, obj=str(year))
    assert data.types_in(version, GEMEENTE, "geen_regel", 2020).empty


def _trend_level_rows(version, rule, privacy, indicator, code, reference, nulmeting):
    level, legend = data.trend_level(version, GEMEENTE, rule, privacy, indicator, code[:2],
                                     reference, nulmeting, None, "nl")
    found = level.loc[[code]] if code in level.index else level.iloc[0:0]
    return found.sort_values("period", kind="stable").reset_index(drop=True), legend


@pytest.mark.parametrize("reference", ["waarde", "verschil_gemeente", "verschil_buurttype",
                                       "index_nulmeting"])
def test_the_chosen_areas_rows_equal_their_rows_among_every_area(demo, reference: str) -> None:
    version, rule, privacy = demo
    shown = 0
    for indicator in INDICATORS:
        nulmeting = _periods(version, indicator)[0]
        got, legend = data.trend_areas(version, GEMEENTE, rule, privacy, indicator, CODES,
                                       reference, nulmeting, None, "nl")
        assert list(got) == list(CODES)
        for code in CODES:
            want, want_legend = _trend_level_rows(version, rule, privacy, indicator, code,
                                                  reference, nulmeting)
            # A buurt's rows lack the columns only a wijk figured from its buurten has.
            extra = [c for c in want.columns if c not in got[code].columns]
            assert want[extra].isna().all().all(), extra
            assert_frame_equal(got[code].reset_index(drop=True)[want.drop(columns=extra).columns],
                               want.drop(columns=extra), check_dtype=False, check_exact=False,
                               rtol=1e-12, obj=f"{indicator} {reference} {code}")
            assert legend == want_legend
            shown += int(want["shown"].notna().sum())
    assert shown > 40


@pytest.mark.parametrize("reference", ["waarde", "verschil_gemeente", "verschil_buurttype",
                                       "index_nulmeting", "zscore"])
def test_the_gemeente_and_buurttype_lines_equal_those_from_every_row(demo, reference: str
                                                                     ) -> None:
    """The lines from the stored references equal the lines whose references are computed
    from every buurt and wijk row (as trend_averages did before), with the most common source
    of those rows."""
    version, rule, privacy = demo
    lines = 0
    for indicator in INDICATORS:
        nulmeting = _periods(version, indicator)[0]
        base = data.trend_base(version, GEMEENTE, rule, privacy, indicator)
        source = base["ind"]["source"].mode().iloc[0]
        got, legend = data.trend_averages(version, GEMEENTE, rule, privacy, indicator,
                                          reference, nulmeting, "nl")
        parts = {"gemeente": base["gemeente"],
                 **{b: base["peers"][base["peers"]["type"] == b] for b in tables.TYPE_LABELS}}
        for key, part in parts.items():
            if part.empty:
                assert key not in got
                continue
            want, want_legend = references.apply_reference(
                part.assign(area_code=GEMEENTE, source=source), reference,
                areas=data.areas(version, GEMEENTE),
                buurttypes=data.buurttypes(version, GEMEENTE, rule), weights=base["weights"],
                catalogue=data.catalogue_in(version), nulmeting=nulmeting, selection=[],
                reference_obs=base["obs"])
            assert_frame_equal(got[key].reset_index(drop=True), want.reset_index(drop=True),
                               check_exact=False, rtol=1e-12, obj=f"{indicator} {key}")
            assert legend == want_legend
            lines += 1
    assert lines >= 3 * len(INDICATORS)


def test_the_lines_name_the_most_common_source_of_the_rows(demo) -> None:
    version, rule, privacy = demo
    for indicator in ("lbm_score", "bijstand", "eenzaam"):  # the first two have two sources
        rows = data.observations(version, GEMEENTE, (indicator,), privacy)
        counts = rows["source"].value_counts()
        want = sorted(counts.index[counts == counts.max()])[0]
        assert data.trend_refs(version, GEMEENTE, rule, privacy, indicator)["source"] == want


@pytest.mark.parametrize("level", ["buurt", "wijk"])
def test_the_tooltip_texts_built_once_per_view_equal_those_of_each_filter_choice(
        demo, level: str) -> None:
    """map_layers takes the texts of map_texts (once per view, with the open signals): the same
    as spec.texts of the view drawn for that filter choice."""
    from dashboard.map_component import spec

    version, rule, privacy = demo
    year = _periods(version, "lbm_score")[-1]
    buurt = data.areas(version, GEMEENTE).query("level == 'buurt'")["code"].iloc[0]
    signals = ((buurt, 2, "veiligheid"),)
    for reference, buurttype in (("waarde", ("achterstand",)), ("zscore", ("midden",))):
        for marks in (None, signals):
            drawn = data.map_view(version, GEMEENTE, rule, privacy, "lbm_score", level,
                                  reference, 2016, year, buurttype, None, "en", False, marks,
                                  deck=False)
            want = spec.texts(drawn["geo"], data.map_shapes(version, GEMEENTE, level)["codes"],
                              drawn["note"])
            got = data.map_layers(version, GEMEENTE, rule, privacy, "lbm_score", level,
                                  reference, 2016, year, buurttype, None, "en", False, marks,
                                  False)["texts"]
            assert got == want and len(got["lines"]) > 20
