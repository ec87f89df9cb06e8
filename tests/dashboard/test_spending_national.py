"""The corporation's pictures at national scale ('Nederland'): only the gemeenten the
organisation spent in, in a database of two gemeenten loaded as a user would."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from test_two_gemeenten import FIXTURES, run, two_gemeenten  # noqa: F401  (a fixture)

from data_loaders import pipeline

ORGANISATION = "Corporatie Tweedorp (fictief)"


@pytest.fixture(scope="module")
def with_spending(two_gemeenten: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    folder = tmp_path_factory.mktemp("uitgaven")
    target = shutil.copyfile(two_gemeenten, folder / "twee.duckdb")
    with open(FIXTURES / "cbs_85984NED_2024_inwoners_arnhem_renkum.csv", encoding="utf-8",
              newline="") as handle:
        renkum = sorted({r["gebiedscode"] for r in csv.DictReader(handle)
                         if r["gebiedscode"].startswith("BU0274")})[:4]
    template = folder / "uitgaven_tweedorp.csv"
    with open(template, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["organisatie", "gebiedscode", "jaar", "categorie", "bedrag_euro",
                         "woningen", "bron"])
        for i, code in enumerate(renkum):
            writer.writerow([ORGANISATION, code, 2024, "wijkbeheer", 1000 * (i + 1), 100,
                             "eigen_uitgaven"])
    pipeline.load_paths(target, [template], how="test")
    return Path(target)


def test_the_national_picture_holds_only_the_gemeenten_the_organisation_spent_in(
        with_spending: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    at = run(with_spending, monkeypatch, "views/corporaties.py", gemeente="NL",
             organisatie=ORGANISATION)
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe
                 if "Uitgaven (euro per woning per jaar)" in d.value.columns)
    assert len(table) == 4 and table["Code"].str.startswith("BU0274").all()
    # 1.000 euro in 2024 on 100 dwellings: 10 euro per dwelling per year.
    assert table.set_index("Uitgaven in de periode (euro)").loc[1000.0,
                                                                "Uitgaven (euro per woning per jaar)"] == 10.0
    deck = at.get("deck_gl_json_chart")[0].proto.json
    assert "BU0274" in deck and "BU0202" not in deck  # Arnhem is no part of this picture


def test_the_national_base_reads_for_its_gemeenten_what_the_whole_country_holds(
        with_spending: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """data.corporation_base reads nationally only the gemeenten the organisation spent in
    (their observations through the area list, their buurttypes through their own query): for
    those areas the same rows as the country's read, and the buurttype of the rule's latest
    national year."""
    import pandas as pd

    from dashboard import data
    from data_loaders import db, reads, settings

    monkeypatch.setenv("BUURTMONITOR_DB", str(with_spending))
    version = data.database_version()
    privacy = settings.Privacy(show_confidential=True)
    rules = data.rules(version, "NL")
    rule = str(rules["rule"].iloc[0]) if not rules.empty else ""
    scope, types_now = data.corporation_base(version, "NL", rule, privacy, ORGANISATION)
    codes = scope.areas.loc[scope.areas["level"] != "gemeente", "code"]
    assert len(codes) and codes.str[2:6].eq("0274").all()
    con = db.connect(with_spending)
    try:
        country = reads.observations(con, "NL", data._corporation_indicators(version), privacy)
    finally:
        con.close()
    mine = country[country["area_code"].isin(set(codes))].reset_index(drop=True)
    assert len(mine) and set(mine["indicator_id"]) >= {"inwoners"}
    pd.testing.assert_frame_equal(scope.obs.reset_index(drop=True), mine)
    buurten = scope.areas.loc[scope.areas["level"] == "buurt", "code"].tolist()
    everywhere = data.types_in(version, "NL", rule, None)
    assert types_now.reindex(buurten).tolist() == everywhere.reindex(buurten).tolist()
    assert types_now.reindex(buurten).notna().any() or everywhere.empty


def test_the_buurttypes_of_some_buurten_are_the_countrys_rows_with_its_latest_year(
        demo_db: Path) -> None:
    import pandas as pd

    from data_loaders import db

    con = db.connect(demo_db)
    try:
        for rule in ("gemeentelijke_lijst", "inkomen_gemeente_kwintiel"):
            country = db.query(con, "app_buurttypes", {"gemeente": "NL", "rule": rule})
            some = sorted(country["area_code"].unique())[::7]
            found = db.query(con, "app_area_buurttypes",
                             {"gemeente": "NL", "rule": rule, "areas": some})
            assert len(some) > 3 and set(found["latest_period"]) == {country["period"].max()}
            pd.testing.assert_frame_equal(
                found.drop(columns="latest_period"),
                country[country["area_code"].isin(some)].reset_index(drop=True))
    finally:
        con.close()


def test_nationally_an_organisation_without_visible_spending_reads_no_observations(
        with_spending: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user who may not see the organisation's spending (or an organisation with projects
    only) has nothing to compare: no area's observations are read, not the whole country's."""
    from dashboard import data
    from data_loaders import settings

    monkeypatch.setenv("BUURTMONITOR_DB", str(with_spending))
    version = data.database_version()
    privacy = settings.Privacy(organisations=frozenset({"een-andere-corporatie"}))
    assert data.spending(version, "NL", privacy).query("organisation == @ORGANISATION").empty
    scope, _ = data.corporation_base(version, "NL", "", privacy, ORGANISATION)
    assert scope.obs.empty and list(scope.areas["level"]) == ["gemeente"]
    assert data.spending_picture(version, "NL", "", privacy, ORGANISATION, "inwoners", None,
                                 None) is None
    assert data.corporation_frames(version, "NL", "", privacy, ORGANISATION)["years"].empty
