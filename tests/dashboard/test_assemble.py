"""The assembling modules called directly on small frames, without Streamlit or a database: what
the cache puts together from the frames it read (dashboard/assemble*.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import (
    assemble,
    assemble_corporation,
    assemble_map,
    assemble_profile,
    assemble_trends,
    maps,
    profiles,
    spending_views,
    tables,
)
from metrics import aggregate

ROOT = Path(__file__).resolve().parents[2]
UNLABELLED = "zonder buurttype"


@pytest.fixture(scope="module")
def cat() -> pd.DataFrame:
    return pd.read_csv(ROOT / "data_loaders" / "catalogue" / "indicators.csv").set_index(
        "id", drop=False)


def obs_rows(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["area_code", "indicator_id", "period", "value"])
    return frame.assign(n=None, ci_low=None, ci_high=None, suppressed=False, synthetic=False,
                        source="cbs_kwb")


AREAS = pd.DataFrame({
    "code": ["GM0001", "WK000101", "WK000102", "BU00010101", "BU00010102", "BU00010201"],
    "name": ["Gemeente", "Noord", "Zuid", "Aa", "Bb", "Cc"],
    "level": ["gemeente", "wijk", "wijk", "buurt", "buurt", "buurt"],
    "parent_code": [None, "GM0001", "GM0001", "WK000101", "WK000101", "WK000102"],
    "gemeente_code": "GM0001",
})
# Each buurt's latest label: the third buurt has none under the rule.
LATEST = pd.DataFrame({"area_code": ["BU00010101", "BU00010102"], "period": [2022, 2022],
                       "type": ["achterstand", "voorstand"]})


def test_stacking_leaves_out_empty_parts_and_keeps_the_columns_when_all_are_empty() -> None:
    one = pd.DataFrame({"a": [1, 2]})
    empty = pd.DataFrame({"a": pd.Series(dtype=int)})
    assert assemble.stacked([empty, one, None, one])["a"].tolist() == [1, 2, 1, 2]
    assert list(assemble.stacked([None, empty]).columns) == ["a"]
    assert assemble.stacked([]).empty


def test_a_wijk_brings_its_own_buurten_and_a_buurt_only_itself() -> None:
    assert assemble.with_buurten(AREAS, ("WK000101",)) == ("BU00010101", "BU00010102", "WK000101")
    assert assemble.with_buurten(AREAS, ("BU00010201",)) == ("BU00010201",)


def test_area_types_split_off_the_rules_latest_year() -> None:
    found = LATEST.assign(latest_period=[2022, 2022])
    types, latest = assemble.area_types(found)
    assert latest == 2022 and "latest_period" not in types.columns
    assert assemble.area_types(found.assign(latest_period=None))[1] is None
    now = assemble.types_now(pd.concat([types, types.assign(period=2018, type="midden")]), latest)
    assert now.to_dict() == {"BU00010101": "achterstand", "BU00010102": "voorstand"}


def test_a_buurt_without_a_label_is_a_group_of_its_own() -> None:
    groups = assemble.buurt_groups(AREAS, LATEST, UNLABELLED)
    assert groups.to_dict() == {"BU00010101": "achterstand", "BU00010102": "voorstand",
                                "BU00010201": UNLABELLED}


def test_the_selection_is_the_inhabitant_weighted_mean_of_its_buurten(cat) -> None:
    obs = obs_rows([
        ("BU00010101", "lbm_score", 2022, 3.0), ("BU00010102", "lbm_score", 2022, 4.0),
        ("BU00010201", "lbm_score", 2022, 5.0),
        ("BU00010101", "inwoners", 2022, 100.0), ("BU00010102", "inwoners", 2022, 300.0),
        ("BU00010201", "inwoners", 2022, 600.0),
    ])
    weights = aggregate.population_weights(obs)
    groups = assemble.buurt_groups(AREAS, LATEST, UNLABELLED)
    # In two parts (one indicator at a time, as nationally): the same as in one pass.
    parts, sources = assemble.selection_parts(
        [obs[obs["indicator_id"] == i] for i in ("lbm_score", "inwoners")], weights, groups, cat)
    whole = aggregate.group_parts(obs, weights, groups, cat)
    keys = ["group", "indicator_id", "period"]
    pd.testing.assert_frame_equal(parts.sort_values(keys).reset_index(drop=True),
                                  whole[0].sort_values(keys).reset_index(drop=True))

    every = ("achterstand", "midden", "voorstand")
    inside = pd.Series({"BU00010101": True, "BU00010102": True, "BU00010201": True})
    values, members = assemble.selection_values(inside, parts, sources, every, UNLABELLED)
    lbm = values[values["indicator_id"] == "lbm_score"].iloc[0]
    # Every type chosen is no filter: the unlabelled buurt counts too.
    assert lbm["value"] == pytest.approx((3 * 100 + 4 * 300 + 5 * 600) / 1000)
    assert lbm["areas_total"] == 3 and members == list(inside.index)

    inside = pd.Series({"BU00010101": True, "BU00010102": False, "BU00010201": False})
    values, members = assemble.selection_values(inside, parts, sources, ("achterstand",),
                                                UNLABELLED)
    assert members == ["BU00010101"]
    assert values.loc[values["indicator_id"] == "lbm_score", "value"].tolist() == [3.0]


def test_the_gemeente_figures_one_indicator_at_a_time_are_those_of_one_pass(cat) -> None:
    obs = obs_rows([
        ("BU00010101", "lbm_score", 2022, 3.0), ("BU00010201", "lbm_score", 2022, 5.0),
        ("BU00010101", "inwoners", 2022, 100.0), ("BU00010201", "inwoners", 2022, 300.0),
    ])
    weights = aggregate.population_weights(obs)
    apart = assemble.gemeente_values([obs[obs["indicator_id"] == i] for i in ("lbm_score",
                                                                              "inwoners")],
                                     AREAS, weights, cat)
    whole = aggregate.gemeente_reference(obs, AREAS, weights, cat)
    keys = ["indicator_id", "period"]
    pd.testing.assert_frame_equal(apart.sort_values(keys).reset_index(drop=True),
                                  whole.sort_values(keys).reset_index(drop=True))
    lbm = apart[apart["indicator_id"] == "lbm_score"]
    assert lbm["value"].tolist() == pytest.approx([(300 + 1500) / 400])
    assert apart.loc[apart["indicator_id"] == "inwoners", "value"].tolist() == [400.0]


def test_stored_rows_come_in_the_order_of_the_wanted_indicators() -> None:
    found = pd.DataFrame({"indicator_id": ["b", "x", "a", "b"], "period": [1, 1, 1, 2]})
    ordered = assemble.in_headline_order(found, ("b", "a"))
    assert list(zip(ordered["indicator_id"], ordered["period"], strict=True)) == [
        ("b", 1), ("b", 2), ("a", 1)]


def test_the_rule_caption_names_its_years_and_source_and_says_when_there_is_none() -> None:
    rules = pd.DataFrame({"rule": ["r"], "rule_label": ["Inkomen."], "first_basis": [2019],
                          "last_basis": [2021], "source": ["cbs_kwb"]})
    attribution = pd.Series({"cbs_kwb": "CBS Kerncijfers"})
    caption = assemble.rule_caption(rules, attribution, "r", "nl")
    assert "2019–2021" in caption and "CBS Kerncijfers" in caption
    one_year = assemble.rule_caption(rules.assign(last_basis=2019), attribution, "r", "nl")
    assert "2019." in one_year and "–" not in one_year
    none = assemble.rule_caption(rules, attribution, "ander", "nl")
    assert "geen buurttype-indeling" in none and "inkomen per inwoner" in none  # what to do
    english = assemble.rule_caption(rules, attribution, "ander", "en")
    assert english.startswith("No neighbourhood typology is loaded.") and "template" in english


def test_the_english_catalogue_takes_the_english_name_where_there_is_one(cat) -> None:
    plain = cat.reset_index(drop=True).assign(name_en=lambda c: c["name_en"].where(
        c["id"] != "inwoners"))
    english = assemble.catalogue_in(plain, "en")
    assert english.loc["lbm_score", "name"] == "Leefbaarometer score"
    assert english.loc["inwoners", "name"] == "Inwoners"  # no English name: the Dutch one
    assert assemble.catalogue_in(plain, "nl").loc["lbm_score", "name"] == "Leefbaarometerscore"


def test_the_options_hold_only_indicators_with_years_and_each_organisation_once(cat) -> None:
    names = pd.DataFrame({"code": ["GM0001", "GM0002"], "name": ["Een", "Twee"],
                          "observations": [3, 10]})
    found = pd.DataFrame({"indicator_id": ["inwoners", "onveilig_buurt"],
                          "periods": [[2022, 2024], [2020]]})
    fields = assemble.option_fields(names, cat, found, ["Z", "A", "Z"],
                                    pd.DataFrame({"rule": ["r"]}), frozenset({"BU1"}))
    assert fields["indicators"] == {"onveilig_buurt": "veiligheid", "inwoners": "context"}
    assert fields["periods"]["inwoners"] == (2022, 2024)
    assert fields["organisations"] == ("A", "Z")
    # No Leefbaarometer loaded: the first usable indicator in catalogue order.
    assert fields["default_indicator"] == "onveilig_buurt"


def test_without_labels_under_the_rule_an_indicator_has_no_buurttype_averages() -> None:
    found = pd.DataFrame({"indicator_id": ["a", "b"], "value": [1.0, 2.0]})
    peers = pd.DataFrame({"indicator_id": ["a", "b"], "type": ["midden", "midden"]})
    own, its_peers = assemble.indicator_refs(found, peers, "b", has_rule=True)
    assert own["value"].tolist() == [2.0] and its_peers["type"].tolist() == ["midden"]
    _, none = assemble.indicator_refs(found, peers, "b", has_rule=False)
    assert none.empty and list(none.columns) == aggregate.BUURTTYPE_REFERENCE_COLUMNS


def test_the_buurttype_filter_greys_out_buurten_of_other_types_and_unlabelled_ones() -> None:
    inside = assemble.in_filter(AREAS.set_index("code", drop=False), LATEST, "buurt",
                                ("achterstand",))
    assert inside.to_dict() == {"BU00010101": True, "BU00010102": False, "BU00010201": False}


# --- the map (dashboard/assemble_map.py) ---------------------------------------------------------
def square(x: float) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [[[x, 51.9], [x + 0.01, 51.9],
                                                           [x + 0.01, 51.91], [x, 51.9]]]})


BUURTEN = ["BU00010101", "BU00010102", "BU00010201"]


def map_scope(cat: pd.DataFrame) -> tables.Scope:
    rows = [(code, "lbm_score", 2022, value) for code, value in zip(BUURTEN, (3.5, 4.0, 4.5),
                                                                     strict=True)]
    rows += [(code, "inwoners", 2022, 100.0) for code in BUURTEN]
    return tables.Scope(obs=obs_rows(rows), areas=AREAS, types=LATEST, catalogue=cat,
                        sources=pd.DataFrame({"label": ["CBS"]}, index=["cbs_kwb"]))


def map_geo() -> pd.DataFrame:
    return pd.DataFrame({"area_code": BUURTEN,
                         "geometry_display": [square(5.9 + i / 10) for i in range(3)]})


@pytest.mark.parametrize(("has_refs", "indicator", "reference", "year", "nulmeting", "read"), [
    (True, "lbm_score", "waarde", 2022, 2014, (2022,)),
    (True, "lbm_score", "index_nulmeting", 2022, 2014, (2014, 2022)),
    (True, "lbm_score", "index_nulmeting", 2022, None, ()),
    (True, "inwoners", "waarde", 2022, None, ()),
    (True, "lbm_score", "waarde", None, None, ()),
    (False, "lbm_score", "waarde", 2022, None, ()),
])
def test_the_map_reads_only_the_years_it_shows_when_the_references_are_stored(
        has_refs, indicator, reference, year, nulmeting, read) -> None:
    assert assemble_map.map_periods(has_refs, indicator, reference, year, nulmeting) == read


def test_the_map_geometry_gets_each_areas_bounds() -> None:
    geo = assemble_map.map_geometry(map_geo())
    assert geo["geometry_display"].tolist() == map_geo()["geometry_display"].tolist()
    first = geo.drop(columns=["area_code", "geometry_display"]).iloc[0].tolist()
    assert sorted(first) == pytest.approx(sorted([5.9, 51.9, 5.91, 51.91]))


def test_the_maps_tooltip_words_follow_the_language(cat) -> None:
    scope, geo = map_scope(cat), map_geo()
    types_now = LATEST.set_index("area_code")["type"]
    dutch, _, _ = assemble_map.map_rows(scope, geo, "lbm_score", "buurt", "waarde", None, 2022,
                                        None, types_now, None, "nl")
    english, _, _ = assemble_map.map_rows(scope, geo, "lbm_score", "buurt", "waarde", None, 2022,
                                          None, types_now, None, "en")
    assert dutch["shown"].tolist() == [3.5, 4.0, 4.5] == english["shown"].tolist()
    assert dutch["buurttype_tekst"].tolist() == ["achterstandsbuurt", "voorstandsbuurt",
                                                 "buurttype onbekend"]
    assert english["buurttype_tekst"].tolist()[2] == "type unknown"
    assert english["buurttype_tekst"].tolist()[0] != dutch["buurttype_tekst"].tolist()[0]


def test_a_map_view_greys_out_what_is_outside_the_filter_but_keeps_its_colour_classes(cat) -> None:
    scope, geo = map_scope(cat), map_geo()
    types_now = LATEST.set_index("area_code")["type"]
    rows, legend, note = assemble_map.map_rows(scope, geo, "lbm_score", "buurt", "waarde", None,
                                               2022, None, types_now, None, "nl")
    every = pd.Series(True, index=BUURTEN)
    some = pd.Series([True, False, False], index=BUURTEN)
    info = cat.loc["lbm_score"]
    wide = assemble_map.map_view(rows, legend, note, None, every, info, "waarde", 2022, None,
                                 False, None, False, deck=False)
    narrow = assemble_map.map_view(rows, legend, note, None, some, info, "waarde", 2022, None,
                                   False, None, False, deck=False)
    assert narrow["geo"]["in_filter"].tolist() == [True, False, False]
    assert narrow["table"]["Code"].tolist() == ["BU00010101"]
    assert len(wide["table"]) == 3
    assert narrow["breaks"] == wide["breaks"] and narrow["colours"] == wide["colours"]
    assert len(narrow["colours"]) == len(narrow["breaks"]) + 1
    assert narrow["deck"] is False and narrow["better_high"] is True


# --- the trends (dashboard/assemble_trends.py) ---------------------------------------------------
def trend_obs() -> pd.DataFrame:
    rows = []
    for year, values in [(2020, (3.0, 4.0, 5.0)), (2022, (3.5, 4.5, 4.0))]:
        rows += [(code, "lbm_score", year, v) for code, v in zip(BUURTEN, values, strict=True)]
        rows += [(code, "inwoners", year, w) for code, w in zip(BUURTEN, (100.0, 300.0, 600.0),
                                                                 strict=True)]
    return obs_rows(rows)


def test_the_trend_base_adds_each_wijk_as_the_weighted_mean_of_its_buurten(cat) -> None:
    base = assemble_trends.trend_base(trend_obs(), AREAS, LATEST, cat, "lbm_score", None)
    ind = base["ind"].set_index(["area_code", "period"])["value"]
    assert ind[("WK000101", 2020)] == pytest.approx((3.0 * 100 + 4.0 * 300) / 400)
    assert ind[("WK000102", 2022)] == pytest.approx(4.0)
    gemeente = base["gemeente"].set_index("period")["value"]
    assert gemeente[2020] == pytest.approx((300 + 1200 + 3000) / 1000)
    # Stored references are taken as they are; without buurttype averages there are none.
    stored = assemble_trends.trend_base(trend_obs(), AREAS, LATEST, cat, "lbm_score",
                                        (base["gemeente"], None))
    pd.testing.assert_frame_equal(stored["gemeente"], base["gemeente"])
    assert stored["peers"].empty
    assert list(stored["peers"].columns) == aggregate.BUURTTYPE_REFERENCE_COLUMNS


def test_a_chosen_wijks_line_is_its_buurten_average_against_the_gemeente(cat) -> None:
    base = assemble_trends.trend_base(trend_obs(), AREAS, LATEST, cat, "lbm_score", None)
    refs = {"gemeente": base["gemeente"], "peers": base["peers"], "source": "cbs_kwb"}
    wanted = assemble_trends.own_rows_wanted(AREAS, ("WK000101", "BU00010201"))
    assert wanted == ("BU00010101", "BU00010102", "BU00010201", "WK000101")
    obs = trend_obs()
    lines, legend = assemble_trends.trend_areas(
        obs[obs["area_code"].isin(wanted)], ("WK000101", "BU00010201"), AREAS, cat, refs,
        pd.DataFrame(columns=["area_code", "period", "type"]), "lbm_score",
        "verschil_gemeente", None)
    gemeente = base["gemeente"].set_index("period")["value"]
    wijk = lines["WK000101"].set_index("period")["shown"]
    assert wijk[2020] == pytest.approx(3.75 - gemeente[2020])
    assert lines["BU00010201"]["shown"].tolist() == pytest.approx(
        [5.0 - gemeente[2020], 4.0 - gemeente[2022]])
    assert legend is not None
    assert assemble_trends.trend_areas(obs.iloc[0:0], (), AREAS, cat, refs, LATEST,
                                       "lbm_score", "waarde", None) == ({}, None)


def test_a_level_holds_only_its_own_areas_indexed_by_code(cat) -> None:
    base = assemble_trends.trend_base(trend_obs(), AREAS, LATEST, cat, "lbm_score", None)
    inside = pd.Series(True, index=BUURTEN)
    wijken, _ = assemble_trends.trend_level(base, inside, AREAS, LATEST, cat, "WK", "waarde",
                                            None)
    assert sorted(set(wijken.index)) == ["WK000101", "WK000102"]
    buurten, _ = assemble_trends.trend_level(base, inside, AREAS, LATEST, cat, "BU",
                                             "percentiel", None)
    assert sorted(set(buurten.index)) == BUURTEN


def test_the_average_lines_are_the_gemeente_and_each_buurttype_that_has_one(cat) -> None:
    base = assemble_trends.trend_base(trend_obs(), AREAS, LATEST, cat, "lbm_score", None)
    refs = {"gemeente": base["gemeente"], "peers": base["peers"], "source": "cbs_kwb"}
    lines, _ = assemble_trends.trend_averages(refs, "GM0001", AREAS, LATEST, cat, "waarde", None)
    assert set(lines) == {"gemeente", "achterstand", "voorstand"}  # no middenstandsbuurt here
    assert lines["voorstand"]["shown"].tolist() == [4.0, 4.5]
    assert lines["gemeente"]["shown"].tolist() == pytest.approx(
        base["gemeente"]["value"].tolist())


# --- the Corporaties page (dashboard/assemble_corporation.py) ------------------------------------
def test_the_corporation_page_reads_inhabitants_outcome_headlines_and_status_scores(cat) -> None:
    found = assemble_corporation.corporation_indicators(cat)
    assert found[0] == "inwoners" and len(found) == len(set(found))
    outcome = cat.index[cat["headline"].astype(bool) & (cat["result"] == "outcome")]
    assert set(outcome) <= set(found) and "lbm_score" in found
    assert set(profiles.STATUS_INDICATORS) <= set(found)
    assert set(found) == {"inwoners", *outcome, *profiles.STATUS_INDICATORS}


def test_nationally_only_the_gemeenten_it_spent_in_are_read() -> None:
    country = pd.DataFrame({
        "code": ["GM0001", "GM0002", "BU00010101", "WK000201", "BU00020101"],
        "level": ["gemeente", "gemeente", "buurt", "wijk", "buurt"]})
    spent = pd.DataFrame({"organisation": ["Corporatie", "Ander"],
                          "area_code": ["BU00010101", "BU00020101"]})
    own = assemble_corporation.national_areas(country, spent, "Corporatie")
    assert own["code"].tolist() == ["GM0001", "GM0002", "BU00010101"]
    assert assemble_corporation.area_codes(own) == ("BU00010101",)
    # Spent nowhere this user may see: no area, and no observations read (not the whole country).
    nowhere = assemble_corporation.national_areas(country, spent, "Niemand")
    assert assemble_corporation.area_codes(nowhere) == ("",)
    assert assemble_corporation.types_now(LATEST, None).empty
    assert assemble_corporation.types_now(LATEST, 2022).to_dict() == {
        "BU00010101": "achterstand", "BU00010102": "voorstand"}


def test_the_spending_map_and_tables_cover_the_pictures_buurten_only() -> None:
    from test_spending_specs import BUURTEN as OWN
    from test_spending_specs import PROJECTS, SPEND, TYPES, geo, scope

    pic = spending_views.build(scope(), SPEND, PROJECTS, "Corporatie", "onveilig_buurt", 2020,
                               2024, TYPES)
    boundaries = pd.concat([geo(), geo().iloc[:1].assign(area_code="BU09990101")],
                           ignore_index=True)
    _, rows, heads = assemble_corporation.spending_map_rows(pic, boundaries, "nl")
    assert rows["area_code"].tolist() == OWN and len(heads) == len(OWN)
    labelled = scope()
    labelled = tables.Scope(obs=labelled.obs, areas=labelled.areas, catalogue=labelled.catalogue,
                            sources=labelled.sources,
                            types=pd.DataFrame({"area_code": OWN, "period": 2022,
                                                "type": ["achterstand", "midden", "midden",
                                                         "voorstand"]}))
    deck, legend = assemble_corporation.spending_map(pic, rows, heads, labelled,
                                                     ("achterstand",), "nl")
    features = {f["properties"]["c"]: f["properties"]
                for f in json.loads(deck.to_json())["layers"][0]["data"]["features"]}
    assert features["BU00010102"]["f"] == maps.OUTSIDE_FILTER
    assert features["BU00010101"]["f"] != maps.OUTSIDE_FILTER and legend
    made = assemble_corporation.spending_tables(pic, labelled.catalogue, "onveilig_buurt")
    assert {"map", "change"} <= set(made)
    assert "change" not in assemble_corporation.spending_tables(pic, labelled.catalogue,
                                                                "geen_indicator")


# --- the buurtprofiel (dashboard/assemble_profile.py) --------------------------------------------
def profile_obs() -> pd.DataFrame:
    rows = []
    for code, lbm, unsafe, people in [("BU00010101", 3.5, 30.0, 100.0),
                                      ("BU00010102", 4.0, 20.0, 300.0),
                                      ("BU00010201", 4.5, 10.0, 600.0)]:
        rows += [(code, "lbm_score", 2022, lbm), (code, "onveilig_buurt", 2022, unsafe),
                 (code, "inwoners", 2022, people)]
    return obs_rows(rows)


@pytest.mark.parametrize("reference", ["waarde", "verschil_gemeente", "percentiel"])
def test_the_switched_values_are_the_same_in_one_pass_and_one_indicator_at_a_time(
        cat, reference) -> None:
    obs = profile_obs()
    every = ("achterstand", "midden", "voorstand")
    whole = assemble_profile.switched(obs, AREAS, LATEST, cat, "BU00010102", reference, None,
                                      every)
    people = obs[obs["indicator_id"] == "inwoners"]
    parts = [(ind, pd.concat([obs[obs["indicator_id"] == ind], people], ignore_index=True)
              if ind != "inwoners" else people) for ind in cat.index]
    apart = assemble_profile.switched_one_by_one(parts, AREAS, LATEST, cat, "BU00010102",
                                                 reference, None, every)
    assert whole.to_dict() == apart.to_dict()
    assert list(whole.index) == [i for i in cat.index if i in whole.index]  # catalogue order
    assert {"lbm_score", "onveilig_buurt"} <= set(whole.index)


def test_a_buurts_difference_with_the_gemeente_is_against_the_weighted_gemeente(cat) -> None:
    found = assemble_profile.switched(profile_obs(), AREAS, LATEST, cat, "BU00010101",
                                      "verschil_gemeente", None,
                                      ("achterstand", "midden", "voorstand"))
    # Gemeente: (3,5*100 + 4*300 + 4,5*600) / 1000 = 4,25; the buurt 3,5: 0,75 lower.
    assert found["lbm_score"] == "-0,75"
    # (30*100 + 20*300 + 10*600) / 1000 = 15 percent: the buurt's 30 is 15 points higher.
    assert found["onveilig_buurt"] == "+15,0 procentpunt"
    assert assemble_profile.switched_one_by_one([], AREAS, LATEST, cat, "BU00010101",
                                                "waarde", None, ()).empty
