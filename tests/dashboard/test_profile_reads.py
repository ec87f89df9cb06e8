"""The profile's header and expected values, read for the area alone, equal those of the whole set.

dashboard.data reads for a profile only the buurttypes and stored expected values of the area
(and a wijk's buurten), not those of the whole gemeente or country. The header's buurttype and
the table of expected against measured must be what the whole set gives, on the demo database.
"""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from dashboard import data, profiles, tables
from data_loaders import settings

GEMEENTE = "GM0202"

pytestmark = pytest.mark.usefixtures("app_env")


@pytest.fixture()
def demo():
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of the caches
    version = data.database_version()
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[0])
    return version, rule, settings.privacy()


def test_the_header_has_the_buurttype_of_the_whole_rule(demo) -> None:
    version, rule, privacy = demo
    whole = tables.types_in(data.buurttypes(version, GEMEENTE, rule), None)
    areas = data.areas(version, GEMEENTE)
    shown = 0
    for code in areas.loc[areas["level"].isin(["buurt", "wijk"]), "code"]:
        head = data.area_header(version, GEMEENTE, rule, privacy, code)
        want = profiles.header(data.area_scope(version, GEMEENTE, rule, privacy, code), code,
                               whole)
        assert head == want
        shown += head.buurttype is not None
    assert shown > 10  # not vacuous: most buurten of the demo have a type


def test_expected_values_of_an_area_equal_those_of_the_whole_set(demo) -> None:
    version, rule, privacy = demo
    fits, status_id = data.expected_fits(version, GEMEENTE, rule, privacy)
    assert data.stored(version, GEMEENTE, privacy)[2]  # the stored rows are read, not computed
    compared = 0
    for code in sorted(fits["area_code"].unique())[:12] + ["WK020203"]:
        got, got_status = data.area_expected(version, GEMEENTE, rule, privacy, code)
        scope = data.area_scope(version, GEMEENTE, rule, privacy, code)
        want = profiles.expected_rows(fits, code, scope.catalogue, scope.obs, scope.sources)
        assert got_status == status_id
        assert_frame_equal(got, want)
        compared += len(got)
    assert compared > 50


def test_reference_tables_have_peers_exactly_when_the_rule_has_buurttypes(demo) -> None:
    version, rule, privacy = demo
    gemeente, peers = data.reference_tables(version, GEMEENTE, rule, privacy)
    assert not data.buurttypes(version, GEMEENTE, rule).empty
    assert isinstance(peers, pd.DataFrame) and not peers.empty and not gemeente.empty
    assert data.buurttypes(version, GEMEENTE, "geen_regel").empty
    assert data.reference_tables(version, GEMEENTE, "geen_regel", privacy)[1] is None


@pytest.mark.parametrize("wijk_template,buurt_template", [
    ("{naam} (wijk)", "{naam} (buurt in {wijk})"),
    ("{naam} (district)", "{naam} (neighbourhood)"),
    ("{{{naam}}}", "{wijk} / {naam} {{}}"),  # braces written twice are text
    ("{naam!r}", "{naam:>30}"),  # conversions and widths: formatted one label at a time
])
def test_area_labels_are_the_templates_filled_in(demo, wijk_template, buurt_template) -> None:
    version = demo[0]
    areas = data.area_index(version, GEMEENTE)[0]
    got = tables.area_labels(areas, wijk_template, buurt_template)
    chosen = areas[areas["level"].isin(["buurt", "wijk"])]
    want = {}
    for code, row in chosen.iterrows():
        parent = areas["name"].get(row["parent_code"])
        want[code] = (wijk_template.format(naam=row["name"]) if row["level"] == "wijk" else
                      buurt_template.format(naam=row["name"],
                                            wijk="?" if parent is None else parent))
    assert list(got.items()) == list(want.items())
    assert len(set(got.values())) > 10  # not vacuous: the demo's buurten and wijken


def test_a_wijks_buurten_have_the_types_of_the_whole_rule(demo) -> None:
    version, rule, _ = demo
    whole = tables.types_in(data.buurttypes(version, GEMEENTE, rule), None)
    areas = data.areas(version, GEMEENTE)
    typed = 0
    for wijk in areas.loc[areas["level"] == "wijk", "code"]:
        members = areas.loc[(areas["level"] == "buurt") & (areas["parent_code"] == wijk), "code"]
        got = data.area_types_now(version, GEMEENTE, rule, wijk).reindex(members)
        assert got.tolist() == whole.reindex(members).tolist()
        typed += int(got.notna().sum())
    assert typed > 10


def test_shared_labels_and_codes_are_handed_out_unchangeable(demo) -> None:
    """The pickers' labels (a dict of texts) and codes (a tuple) come from a shared cache on
    every rerun: a caller that changes its dict changes nothing for the next caller."""
    version = demo[0]
    labels = data.area_labels(version, GEMEENTE, "{naam} (wijk)", "{naam} (buurt)")
    size = len(labels)
    first = next(iter(labels))
    labels[first] = "VERANDERD"
    labels["extra"] = "x"
    again = data.area_labels(version, GEMEENTE, "{naam} (wijk)", "{naam} (buurt)")
    assert len(again) == size > 10 and again[first] != "VERANDERD" and "extra" not in again
    codes = data.area_codes(version, GEMEENTE)
    assert isinstance(codes, tuple) and codes == data.area_codes(version, GEMEENTE)
    # A tuple or dict that holds a frame still hands out a copy of the frame.
    gemeente, _ = data.reference_tables(version, GEMEENTE, demo[1], demo[2])
    gemeente.drop(gemeente.index, inplace=True)
    assert len(data.reference_tables(version, GEMEENTE, demo[1], demo[2])[0]) > 0
