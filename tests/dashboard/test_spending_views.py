"""Spending, projects and goals in the app: the corporation view with the demo's figures, project
bands on the trend chart, goals on the overview and profile, and confidential spending hidden in
every view and every download unless the app is configured to show it.

Expected values come from plain SQL on the demo database.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as app_test_module
from app_walk import RecordingStorage, download_id
from app_walk import rows as sql
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest
from test_every_view import data_texts  # noqa: F401  (a fixture)
from test_profiel_vergelijken import APP

from metrics.formatting import format_number

ROOT = Path(__file__).resolve().parents[2]
VIEWS = sorted(p.name for p in (ROOT / "dashboard" / "views").glob("*.py"))
ORGANISATION = "Woonstichting Voorbeeld (fictief)"
OVERLAP_BUURT = "BU02021053"  # Geitenkamp




def charts(at: AppTest) -> list:
    return [*at.get("vega_lite_chart"), *at.get("arrow_vega_lite_chart")]


def chart_data(chart) -> str:
    """The rows behind a chart (kept apart from its spec, as Arrow tables)."""
    return "\n".join(
        dataframe_util.convert_arrow_bytes_to_pandas_df(ds.data.data).to_csv()
        for ds in chart.proto.datasets
    )


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture()
def shown(app_env, monkeypatch):
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    return app_env


def test_the_corporation_view_shows_the_organisations_spending(shown) -> None:
    at = run("views/corporaties.py", organisatie=ORGANISATION)
    total, buurten = sql(shown, "SELECT sum(amount_eur), count(DISTINCT area_code) FROM spending "
                                "WHERE organisation = ? AND year = 2024", [ORGANISATION])[0]
    # Per inhabitant: the 2024 amount over the 2024 inhabitants of the buurten it spent in.
    people = sql(shown, "SELECT sum(value) FROM observations WHERE indicator_id = 'inwoners' "
                        "AND period = 2024 AND area_code IN (SELECT area_code FROM spending "
                        "WHERE organisation = ? AND year = 2024)", [ORGANISATION])[0][0]
    per_dwelling = sql(shown, """
        WITH d AS (SELECT area_code, max(dwellings) AS w, sum(amount_eur) AS a FROM spending
                   WHERE organisation = ? AND year = 2024 AND dwellings IS NOT NULL
                   GROUP BY area_code)
        SELECT sum(a) / sum(w) FROM d""", [ORGANISATION])[0][0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Uitgaven 2024"] == format_number(total, 0, "euro")
    assert metrics["Buurten 2024"] == str(buurten)
    assert metrics["Per inwoner 2024"] == format_number(total / people, 2, "euro")
    assert metrics["Per woning 2024"] == format_number(per_dwelling, 0, "euro")
    headers = [h.value for h in at.header]
    assert headers == ["Uitgaven", "Hoe ontwikkelden deze buurten zich?",
                       "Waar ging het geld heen?", "Uitgaven naast verandering",
                       "Uitgaven naast behoefte", "Projecten"]
    def table_with(column: str):
        return next(d.value for d in at.dataframe if column in d.value.columns)

    per_category = table_with("schoon-heel-veilig").set_index("Jaar")
    categories = dict(sql(shown, "SELECT category, sum(amount_eur) FROM spending WHERE "
                                 "organisation = ? AND year = 2024 GROUP BY category",
                          [ORGANISATION]))
    for category, amount in categories.items():
        assert per_category.loc[2024, category] == amount
    development = table_with("Aantal buurten met uitgaven")
    assert "Leefbaarometerscore" in set(development["Indicator"])
    assert (development["Aantal buurten met uitgaven"] > 0).all()
    assert any("geen bewijs van effect" in i.value for i in at.info)
    projects = table_with("Project")
    expected = {r[0] for r in sql(shown, "SELECT name FROM projects WHERE organisation = ?",
                                  [ORGANISATION])}
    assert set(projects["Project"]) == expected
    overlap = table_with("Tegelijk lopende projecten")
    assert "Geitenkamp" in set(overlap["Buurt"])


HAND_CHECKED = "BU02021053"  # Geitenkamp


def test_the_corporation_pictures_show_a_hand_checked_buurt(shown) -> None:
    """Geitenkamp, Woonstichting, 2016-2024 (spending began in 2016, after the nulmeting 2014):

    - spent 44.800 + 37.500 + 34.100 + 54.000 + 60.200 + 60.300 + 78.500 + 50.200 + 64.600 =
      484.200 euro; 514 dwellings of the organisation every year: 484.200 / 9 / 514 = 104,67
      euro per dwelling per year;
    - feels unsafe 24,0% (n 125) in 2016 and 15,2% (n 112) in 2024: -8,8 procentpunt; pooled
      0,19841, se = sqrt(0,19841 * 0,80159 * (1/125 + 1/112)) = 5,189 procentpunt, margin
      1,96 * 5,189 = 10,17;
    - income per inhabitant 19,7 (2021): 5 of 71 buurten lower, one other equal, so 64 are
      better off; mid-rank 65,5: need (65,5 - 0,5) / 71 * 100 = 91,55.
    """
    at = run("views/corporaties.py", organisatie=ORGANISATION, indicator="onveilig_buurt",
             thema="veiligheid")
    rows = sql(shown, "SELECT sum(amount_eur), max(dwellings) FROM spending WHERE organisation "
                      "= ? AND area_code = ? AND year BETWEEN 2016 AND 2024",
               [ORGANISATION, HAND_CHECKED])[0]
    assert rows == (484200.0, 514)

    def row(column: str):
        table = next(d.value for d in at.dataframe if column in d.value.columns)
        return table[table["Code"] == HAND_CHECKED].iloc[0]

    on_map = row("Uitgaven (euro per woning per jaar)")
    assert on_map["Uitgaven in de periode (euro)"] == 484200.0
    assert on_map["Uitgaven (euro per woning per jaar)"] == 104.67
    assert "Buurttuin Geitenkamp" in on_map["Projecten"]
    moved = row("Marge (95%)")
    assert (moved["Verandering"], moved["Marge (95%)"]) == (-8.8, 10.17)
    assert moved["Periode van de verandering"] == "2016–2024"
    assert moved["Profiel"].startswith("buurtprofiel?") and f"buurt={HAND_CHECKED}" in moved["Profiel"]
    need = [line for c in charts(at) for line in chart_data(c).splitlines()
            if HAND_CHECKED in line and "91.549" in line]
    assert need, "de behoeftescore van Geitenkamp staat in de grafiek"
    assert any("een vergelijking, geen bewijs van effect" in i.value.lower() for i in at.info)
    assert len(at.get("deck_gl_json_chart")) == 1
    deck = at.get("deck_gl_json_chart")[0].proto.json
    assert "104,67 euro per woning per jaar (2016–2024) (synthetisch)" in deck


def test_the_trend_chart_marks_the_projects_of_the_chosen_buurt(app_env) -> None:
    at = run("views/trends.py", gebieden=OVERLAP_BUURT, indicator="onveilig_buurt",
             thema="veiligheid")
    rows = sql(app_env, "SELECT name FROM projects WHERE list_contains("
                        "string_split(area_codes, ' '), ?)", [OVERLAP_BUURT])
    names = {r[0] for r in rows}
    assert len(names) >= 3
    chart = charts(at)[0]
    marks = [layer.get("mark", {}) for layer in json.loads(chart.proto.spec)["layer"]]
    # Thin rules with a marker on top, never grey bands over the lines.
    assert not any(m.get("type") == "rect" for m in marks)
    assert any(m.get("type") == "point" and m.get("shape") == "triangle-down" for m in marks)
    texts = chart_data(chart)
    assert all(name in texts for name in names)
    assert f"{len(rows)} projecten" in at.caption[0].value


def test_goals_show_their_status_on_the_overview_and_the_profile(app_env) -> None:
    goals = sql(app_env, "SELECT area_code, indicator_id FROM goals ORDER BY area_code")
    at = run("views/overzicht.py")
    table = next(d.value for d in at.dataframe if "Status" in d.value.columns)
    assert len(table) == len(goals)
    assert set(table["Status"]) <= {"behaald", "op koers", "achter", "geen gegevens"}

    code = goals[0][0]
    at = run("views/buurtprofiel.py", buurt=code)
    table = next(d.value for d in at.dataframe if "Status" in getattr(d.value, "columns", []))
    assert list(table["Code"]) == [c for c, _ in goals if c == code]


def _everything_shown(at: AppTest) -> str:
    """All text an AppTest run shows, the table cells, chart data and download bytes."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "success", "error", "text"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [e.proto.spec + chart_data(e) for e in charts(at)]
    for button in at.get("download_button"):
        parts.append(RecordingStorage.files[download_id(button.proto)].decode("utf-8",
                                                                              "replace"))
    return "\n".join(parts)


@pytest.mark.parametrize("show", [False, True])
def test_confidential_spending_stays_out_of_every_view_and_download(app_env, monkeypatch,
                                                                    show) -> None:
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)
    if show:
        monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    else:
        monkeypatch.delenv("BUURTMONITOR_TOON_VERTROUWELIJK", raising=False)
    totals = sql(app_env, "SELECT organisation, sum(amount_eur) FROM spending "
                          "WHERE year = 2024 GROUP BY organisation")
    assert sql(app_env, "SELECT bool_and(confidential) FROM spending")[0][0]
    needles = [format_number(total, 0) for _, total in totals] + ["Uitgaven (euro)",
                                                                  "Euro per woning"]
    seen = []
    for view in VIEWS:
        variants = [{}, {"buurt": OVERLAP_BUURT, "gebieden": OVERLAP_BUURT}]
        if view == "corporaties.py":  # the one page that shows one organisation at a time
            variants += [{"organisatie": organisation} for organisation, _ in totals]
        for params in variants:
            at = run(f"views/{view}", **params)
            text = _everything_shown(at)
            seen += [(view, n) for n in needles if n in text]
    if show:
        # The same walk finds the figures when they may be shown: the check can see them.
        assert {n for _, n in seen} == set(needles)
    else:
        assert seen == [], f"vertrouwelijke uitgaven zichtbaar: {seen}"


def test_the_corporation_pictures_speak_english(shown, data_texts, monkeypatch) -> None:  # noqa: F811
    from test_every_view import dutch_left, record_downloads, visible_text

    record_downloads(monkeypatch)
    at = run("views/corporaties.py", organisatie=ORGANISATION, taal="en",
             indicator="onveilig_buurt", thema="veiligheid")
    visible_text(at)  # the whole page renders in English without error
    headers = [h.value for h in at.header]
    assert headers[2:5] == ["Where did the money go?", "Spending against change",
                            "Spending against need"]
    # The three pictures' own words: captions, the caveat, their tables' headers and charts.
    ours = [c.value for c in at.caption if c.value.startswith(("Each point", "Liveability"))]
    ours += [i.value for i in at.info if "proof of effect" in i.value]
    assert len(ours) >= 3
    tables = [d.value for d in at.dataframe if "Code" in d.value.columns
              and {"Group", "Need (0-100)", "Period"} & set(d.value.columns)]
    assert len(tables) == 3
    ours += [str(c) for table in tables for c in table.columns]
    for chart in charts(at)[-2:]:
        spec = json.loads(chart.proto.spec)
        ours += [json.dumps(spec.get("layer", []))]
    left = dutch_left("\n".join(ours), data_texts)
    assert not left, left
