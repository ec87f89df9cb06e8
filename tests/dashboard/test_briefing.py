"""The wethouder briefing: the PDF for the demo gemeente, a wijk and the achterstandsbuurten says
the right figures, names and source lines; data text can never change the document; the page
offers the same content and the PDF.

Expected figures come from plain SQL on the demo database, independent of the metrics package.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import pandas as pd
import pypdf
import pytest
from app_walk import rows as sql

from dashboard import briefing
from metrics.formatting import format_number

TODAY = dt.date(2026, 11, 23)
WIJK = "WK020204"  # Presikhaaf-West
BUURT = "BU02020424"  # Presikhaaf II, an achterstandsbuurt of that wijk
# Names of statistical tests and their vocabulary: the method goes to the note in plain words.
JARGON = ("proportietoets", "poissontoets", "z-toets", "z-score", "toets", "significan",
          "statistisch", "p <", "p =", "p-waarde", "betrouwbaarheidsinterval")
HEADINGS = ("Kernboodschap", "Signalen", "Per thema", "Grootste verbeteringen",
            "Grootste achteruitgang", "Doelen", "Lopende en recente projecten", "Over deze cijfers",
            "Bronnen", "Leefbaarheid", "Veiligheid", "Contact (sociale samenhang)", "Participatie")
# Weighted by inhabitants in 2024 (areas under 50 inhabitants are suppressed), as the app does.
MEAN_SQL = """
WITH pop AS (SELECT area_code, value AS w FROM observations
             WHERE indicator_id = 'inwoners' AND period = 2024 AND value >= 50)
SELECT sum(o.value * p.w) / sum(p.w) FROM observations o JOIN pop p USING (area_code)
JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = ? AND o.period = 2024 AND a.level = 'buurt' AND NOT o.suppressed
  AND a.code IN (SELECT unnest(?::VARCHAR[]))
"""




def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def buurten(db: Path, where: str = "", params: list | None = None) -> list[str]:
    rows = sql(db, f"SELECT code FROM areas WHERE level = 'buurt' {where} ORDER BY code", params)
    return [r[0] for r in rows]


def achterstand(db: Path) -> list[str]:
    # The default rule: the gemeente's own list (the Nationaal Programma Arnhem-Oost wijken).
    rows = sql(db, "SELECT area_code FROM buurttypes WHERE rule = 'gemeentelijke_lijst' "
                   "AND type = 'achterstand' AND period = (SELECT max(period) FROM buurttypes "
                   "WHERE rule = 'gemeentelijke_lijst') ORDER BY area_code")
    return [r[0] for r in rows]


def lbm(db: Path, codes: list[str]) -> str:
    return format_number(sql(db, MEAN_SQL, ["lbm_score", codes])[0][0], 2)


BRIEFS = {
    "gemeente": briefing.Brief(gemeente="GM0202", nulmeting=2014),
    "wijk": briefing.Brief(gemeente="GM0202", area=WIJK, nulmeting=2014),
    "achterstand": briefing.Brief(gemeente="GM0202", buurttype=("achterstand",),
                                      nulmeting=2014),
    "buurt": briefing.Brief(gemeente="GM0202", area=BUURT, nulmeting=2014),
}


@pytest.fixture(scope="module")
def raw_pdfs(demo_db: Path) -> dict[str, bytes]:
    out = {}
    for name, brief in BRIEFS.items():
        pdf = briefing.generate_pdf(demo_db, brief, TODAY)
        assert pdf.startswith(b"%PDF")
        out[name] = pdf
    return out


@pytest.fixture(scope="module")
def pdfs(raw_pdfs: dict[str, bytes]) -> dict[str, tuple[str, int]]:
    return {name: pdf_text(pdf) for name, pdf in raw_pdfs.items()}


@pytest.fixture(scope="module")
def contents(demo_db: Path) -> dict[str, briefing.Briefing]:
    """The briefings as built (the same functions generate_pdf uses), to compare with the PDF."""
    from data_loaders import db, settings

    con = db.connect(demo_db, read_only=True)
    try:
        privacy = settings.privacy()
        cat = db.query(con, "app_catalogue").set_index("id", drop=False)
        rule = str(db.query(con, "app_rules", {"gemeente": "GM0202"})["rule"].iloc[0])
        obs = db.query(con, "app_observations", {
            "gemeente": "GM0202", "indicators": list(cat.index), "areas": [], "periods": [],
            "min_respondents": privacy.min_respondents,
            "min_inhabitants": privacy.min_inhabitants})
        obs["period"] = obs["period"].astype(int)
        from dashboard import tables
        scope = tables.Scope(
            obs=obs, areas=db.query(con, "app_areas", {"gemeente": "GM0202"}),
            types=db.query(con, "app_buurttypes", {"gemeente": "GM0202", "rule": rule}),
            catalogue=cat, sources=db.query(con, "app_sources").set_index("key", drop=False))
        geo = db.query(con, "app_geometries", {"gemeente": "GM0202", "level": "buurt"})
        goal_frame = db.query(con, "app_goals",
                              {"gemeente": "GM0202", **privacy.confidential_params()})
    finally:
        con.close()
    import dataclasses
    return {name: briefing.build(scope, geo, dataclasses.replace(brief, regel=rule), TODAY,
                                 goal_frame=goal_frame)
            for name, brief in BRIEFS.items()}


def test_the_gemeente_briefing_names_the_gemeente_its_figures_and_sources(pdfs, demo_db) -> None:
    text, pages = pdfs["gemeente"]
    assert 1 <= pages <= 2
    codes = buurten(demo_db)
    assert "Gemeente Arnhem" in text
    assert f"{len(codes)} buurten" in text
    assert "Meest recente gegevens: 2024" in text
    assert "gemaakt op 23 november 2026" in text
    assert f"Leefbaarometerscore (2024) {lbm(demo_db, codes)}" in text
    assert "CBS Kerncijfers wijken en buurten 2024 (tabel 85984NED); licentie: CC BY 4.0." in text
    assert "synthetische demogegevens" in text.lower()
    for heading in HEADINGS:
        assert heading in text


def test_the_wijk_briefing_is_about_the_wijk_and_its_buurten(pdfs, demo_db) -> None:
    text, _ = pdfs["wijk"]
    name = sql(demo_db, "SELECT name FROM areas WHERE code = ?", [WIJK])[0][0]
    codes = buurten(demo_db, "AND parent_code = ?", [WIJK])
    assert f"Wijk {name}" in text and "Gemeente Arnhem" in text
    assert f"{len(codes)} buurten" in text
    everyone = buurten(demo_db)
    assert f"Leefbaarometerscore (2024) {lbm(demo_db, codes)} gemeente {lbm(demo_db, everyone)}" \
        in text


def test_the_achterstand_briefing_covers_only_the_achterstandsbuurten(pdfs, demo_db) -> None:
    text, _ = pdfs["achterstand"]
    codes = achterstand(demo_db)
    assert "Arnhem: achterstandsbuurten" in text
    assert f"Alleen de achterstandsbuurten. {len(codes)} buurten." in text
    assert f"Leefbaarometerscore (2024) {lbm(demo_db, codes)}" in text
    # Every buurt named among the changes belongs to the selection.
    names = dict(sql(demo_db, "SELECT name, code FROM areas WHERE level = 'buurt'"))
    section = text.split("Grootste verbeteringen", 1)[1].split("Over deze cijfers", 1)[0]
    named = [n for n in names if f"{n}:" in section]
    assert named, "de grootste veranderingen noemen hun buurt"
    assert all(names[n] in codes for n in named if not any(
        n != other and n in other and f"{other}:" in section for other in names))


def scope_from(db: Path) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        def q(query: str) -> pd.DataFrame:
            return con.execute(query).df()
        obs = q("SELECT area_code, indicator_id, period, value, n, ci_low, ci_high, suppressed, "
                "synthetic, source FROM observations")
        obs["period"] = obs["period"].astype(int)
        areas = q("SELECT code, name, level, parent_code, gemeente_code FROM areas")
        types = q("SELECT area_code, period, type FROM buurttypes "
                  "WHERE rule = 'inkomen_gemeente_kwintiel'")
        cat = q("SELECT * FROM indicators").set_index("id", drop=False)
        sources = q("SELECT * FROM sources").set_index("key", drop=False)
    finally:
        con.close()
    from dashboard import tables
    return tables.Scope(obs=obs, areas=areas, types=types, catalogue=cat, sources=sources)


def test_text_from_the_data_is_printed_as_text_never_run_as_markup(demo_db) -> None:
    scope = scope_from(demo_db)
    hostile = '#pagebreak() #set page(width: 2cm) <script>alert("x")</script> $x^2$ *vet* ]'
    scope.areas.loc[scope.areas["code"] == "GM0202", "name"] = hostile
    content = briefing.build(scope, pd.DataFrame(), briefing.Brief(gemeente="GM0202"), TODAY)
    pdf = briefing.to_pdf(content)
    text, pages = pdf_text(pdf)
    assert pages <= 2
    assert "#pagebreak() #set page(width: 2cm)" in text
    assert '<script>alert("x")</script> $x^2$ *vet* ]' in text
    html = briefing.figures_html(content.figures)
    assert "<script" not in html


def test_a_briefing_page_renders_to_images_a_person_can_check(demo_db) -> None:
    content = briefing.build(scope_from(demo_db), pd.DataFrame(),
                             briefing.Brief(gemeente="GM0202", area=WIJK), TODAY)
    pages = briefing.to_pdf(content, png=True)
    assert pages and all(page.startswith(b"\x89PNG") for page in pages)


def test_the_sparkline_puts_the_last_value_at_the_right_end() -> None:
    svg = briefing.sparkline_svg(((2014, 1.0), (2024, 3.0)), ((2014, 2.0), (2024, 2.0)),
                                 width=100, height=20)
    # Selection: from bottom-left to top-right; gemeente: a flat line halfway.
    assert 'points="3.0,17.0 97.0,3.0"' in svg
    assert 'points="3.0,10.0 97.0,10.0"' in svg
    assert '<circle cx="97.0" cy="3.0"' in svg
    assert briefing.sparkline_svg((), ()) == ""


@pytest.mark.usefixtures("app_env")
def test_the_briefing_page_shows_the_selection_and_offers_its_pdf(app_env, monkeypatch) -> None:
    import streamlit.testing.v1.app_test as app_test_module
    from streamlit.testing.v1 import AppTest
    from test_profiel_vergelijken import APP, RecordingStorage, downloaded

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["buurttype"] = "achterstand"
    at.switch_page("views/briefing.py").run()
    assert not at.exception, at.exception
    codes = achterstand(app_env)
    assert at.header[0].value == "Arnhem: achterstandsbuurten"
    assert any(f"{len(codes)} buurten" in m.value for m in at.markdown)
    pdf = downloaded(at, "Download de briefing (PDF)")
    text, _ = pdf_text(pdf)
    assert "Arnhem: achterstandsbuurten" in text and f"{lbm(app_env, codes)}" in text

    at.selectbox(key="w_buurt").set_value(WIJK).run()
    assert not at.exception, at.exception
    assert at.header[0].value.startswith("Wijk ")
    assert at.query_params["buurt"] in (WIJK, [WIJK])


@pytest.mark.usefixtures("app_env")
def test_the_overview_and_the_profile_link_to_the_briefing_of_what_they_show(app_env) -> None:
    from streamlit.testing.v1 import AppTest
    from test_profiel_vergelijken import APP

    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["buurt"] = "BU02020100"
    at.switch_page("views/overzicht.py").run()
    link = next(e for e in at.get("page_link") if "Briefing" in e.proto.label)
    assert link.proto.page.endswith("briefing") and "buurt=" not in link.proto.query_string

    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["buurt"] = "BU02020100"
    at.switch_page("views/buurtprofiel.py").run()
    link = next(e for e in at.get("page_link") if "Briefing" in e.proto.label)
    assert "buurt=BU02020100" in link.proto.query_string


def test_a_wijk_briefing_lists_the_goals_and_projects_of_its_buurten(demo_db) -> None:
    wijk = "WK020207"  # Klarendal: a goal and recent projects in the demo
    text, _ = pdf_text(briefing.generate_pdf(
        demo_db, briefing.Brief(gemeente="GM0202", area=wijk, nulmeting=2014), TODAY))
    goals = sql(demo_db, "SELECT a.name, i.name FROM goals g JOIN areas a ON a.code = g.area_code "
                         "JOIN indicators i ON i.id = g.indicator_id WHERE a.parent_code = ?", [wijk])
    projects = sql(demo_db, "SELECT p.name FROM projects p, areas a WHERE a.parent_code = ? AND "
                            "list_contains(string_split(p.area_codes, ' '), a.code) AND "
                            "p.end_date >= DATE '2024-01-01'", [wijk])
    assert goals and projects, "de demo heeft doelen en projecten in deze wijk"
    section = text.split("Doelen", 1)[1].split("Over deze cijfers", 1)[0]
    for buurt, indicator in goals:
        assert f"{buurt}, {indicator}: van" in section
    assert any(status in section for status in ("behaald", "op koers", "achter", "geen gegevens"))
    for (name,) in projects:
        assert name in section


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        # Selection 21,0%, gemeente 20,0%, nulmeting 25,0% (2014).
        ("waarde", "gemeente 20,0%"),
        ("verschil_gemeente", "+1,0 procentpunt t.o.v. de gemeente (20,0%)"),
        ("index_nulmeting", "index 84 (2014 = 100)"),
        # Peers, z-scores and percentiles place one area among others: the gemeente instead.
        ("percentiel", "gemeente 20,0%"),
    ],
)
def test_the_reference_column_follows_the_reference_switch(reference, expected) -> None:
    row = pd.Series({"unit": "%", "decimals": 1})
    assert briefing.reference_text(21.0, 20.0, 25.0, 2014, reference, row) == expected


# --- A briefing, not a draft ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BRIEFS))
def test_the_briefing_opens_with_a_kernboodschap_of_three_to_five_sentences(name, contents,
                                                                             pdfs) -> None:
    messages = contents[name].key_messages
    assert 3 <= len(messages) <= 5
    text, _ = pdfs[name]
    opening = text.split("Kernboodschap", 1)[1].split("Signalen", 1)[0]
    for message in messages:
        assert message.endswith(".")
        assert " ".join(message.split()) in opening


def test_the_kernboodschap_names_the_indicators_that_really_improved_or_declined(contents) -> None:
    for name, content in contents.items():
        improved = [f.name for f in content.figures if f.verdict == "verbeterd"]
        worsened = [f.name for f in content.figures if f.verdict == "verslechterd"]
        if name == "buurt":  # one buurt: its largest changes on any outcome count too
            improved += [s.split(" van ")[0] for s in content.improvements]
            worsened += [s.split(" van ")[0] for s in content.declines]
        first, second = content.key_messages[:2]
        if improved:
            assert first.startswith("Verbeterd sinds de nulmeting: ")
            assert any(n.lower()[:20] in first.lower() for n in improved)
        else:
            assert "aantoonbaar verbeterd" in first
        if worsened:
            assert second.startswith("Verslechterd sinds de nulmeting: ")
        else:
            assert second == "Geen van de kerncijfers is aantoonbaar verslechterd."


def test_a_buurt_kernboodschap_leads_with_its_largest_tested_improvements(contents) -> None:
    content = contents["buurt"]
    assert content.improvements, "de demo-buurt heeft getoetste verbeteringen"
    first = content.key_messages[0]
    for sentence in content.improvements:
        if "(indicatief)" not in sentence:
            indicator = sentence.split(" van ")[0]
            assert indicator[0].lower() + indicator[1:] in first


def test_the_gemeente_kernboodschap_names_what_declined_with_its_own_first_year(contents) -> None:
    # In the real demo no headline figure of Arnhem improved demonstrably since the nulmeting,
    # and severe loneliness (RIVM) rose from 2016, its first year (not the Leefbaarometer's 2002).
    row = next(f for f in contents["gemeente"].figures if f.indicator_id == "eenzaamheid")
    assert row.verdict == "verslechterd" and row.first[0] == 2016
    first, second = contents["gemeente"].key_messages[:2]
    assert first == "Geen van de kerncijfers van Arnhem is sinds de nulmeting aantoonbaar verbeterd."
    assert f"van {format_number(row.first[1], 1)}% (2016) naar {format_number(row.value_number, 1)}%" \
        in second
    assert "2002" not in second


def test_the_kernboodschap_of_a_part_of_the_gemeente_compares_it_with_the_gemeente(
        contents) -> None:
    for name in ("wijk", "achterstand", "buurt"):
        text = " ".join(contents[name].key_messages)
        assert "Vergeleken met de gemeente" in text or "niet duidelijk af van de gemeente" in text
    assert "Vergeleken met de gemeente" not in " ".join(contents["gemeente"].key_messages)


@pytest.mark.parametrize("name", list(BRIEFS))
def test_the_pdf_names_no_statistical_test(name, pdfs) -> None:
    text, _ = pdfs[name]
    found = [word for word in JARGON if word in text.lower()]
    assert not found, found
    assert "groter is dan toeval kan verklaren" in text  # the method, once, in plain words
    assert text.count("groter is dan toeval kan verklaren") == 1


def test_a_gemeente_briefing_compares_the_gemeente_with_its_nulmeting_not_itself(contents,
                                                                                 pdfs) -> None:
    content = contents["gemeente"]
    text, _ = pdfs["gemeente"]
    assert content.reference_label == "Nulmeting"
    for f in content.figures:
        assert not f.reference.startswith("gemeente"), f.reference
        assert f.reference.endswith(f"({f.first[0]})")
    lbm_row = next(f for f in content.figures if f.indicator_id == "lbm_score")
    assert f"gemeente {lbm_row.value}" not in text
    # A part of the gemeente is still compared with the gemeente.
    assert contents["wijk"].figures[0].reference.startswith("gemeente ")


def test_a_buurt_briefing_gives_the_buurt_s_type_rule_inhabitants_and_income(contents, pdfs,
                                                                             demo_db) -> None:
    text, _ = pdfs["buurt"]
    rule = contents["buurt"]
    (kind, label, basis), = sql(demo_db, """
        SELECT type, rule_label, basis_period FROM buurttypes WHERE area_code = ? AND rule = (
            SELECT rule FROM buurttypes GROUP BY rule ORDER BY rule LIMIT 1) ORDER BY period DESC
        LIMIT 1""", [BUURT]) or [(None, None, None)]
    inwoners, year = sql(demo_db, "SELECT value, period FROM observations WHERE area_code = ? AND "
                                  "indicator_id = 'inwoners' ORDER BY period DESC LIMIT 1",
                         [BUURT])[0]
    assert rule.context, "een buurtbriefing heeft context"
    assert f"Inwoners: {format_number(inwoners, 0)} ({year}, CBS)" in text
    assert "gemiddeld inkomen per inwoner: " in text
    assert "huishoudens met een laag inkomen: " in text
    assert "Buurttype: " in text and "gegevensjaar " in text
    if kind is not None and rule.context[0].startswith("Buurttype: achterstandsbuurt"):
        assert kind == "achterstand" or label  # the type comes with the rule that made it
    # A gemeente briefing has no buurt context.
    assert not contents["gemeente"].context


def test_every_source_is_one_clean_line(pdfs) -> None:
    for name, (text, _) in pdfs.items():
        section = text.split("Bronnen", 1)[1]
        assert "Bron: CBS: CBS" not in section and "Bron:" not in section
        assert "(gegenereerd)" not in section and "licentie: geen" not in section
        assert section.count("Gegenereerde demowaarden") == 1, name


def test_the_map_is_labelled_with_names_or_a_numbered_key(contents) -> None:
    from dashboard import maps

    buurt = contents["buurt"]
    svg = maps.svg_map(buurt.map_features, focus=set(buurt.map_focus), labels=buurt.map_labels)
    assert ">Presikhaaf II</text>" in svg
    gemeente = contents["gemeente"]
    assert gemeente.map_key and [k[0] for k in gemeente.map_key][:3] == ["1", "2", "3"]
    svg = maps.svg_map(gemeente.map_features, labels=gemeente.map_labels)
    assert ">1</text>" in svg
    named = {name for _, name in gemeente.map_key}
    # The numbered buurten are those the briefing names among its signals.
    assert any(w.split(":")[0] in named for w in gemeente.warnings)


def lines_with_heights(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Per page the text pieces with their height on the page (0 at the bottom)."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[str, float]] = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                found.append((text.strip(), tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


@pytest.mark.parametrize("name", list(BRIEFS))
def test_no_heading_is_left_alone_at_the_bottom_of_a_page(name, raw_pdfs) -> None:
    for pieces in lines_with_heights(raw_pdfs[name]):
        footer = min(y for _, y in pieces)
        for heading in HEADINGS:
            at = [y for text, y in pieces if text == heading]
            for y in at:
                below = [t for t, other in pieces if footer < other < y - 1]
                assert below, f"'{heading}' staat alleen onderaan de pagina"


def test_an_english_briefing_is_english_in_its_headings_kernboodschap_and_table(demo_db) -> None:
    pdf = briefing.generate_pdf(demo_db, briefing.Brief(gemeente="GM0202", area=BUURT,
                                                            nulmeting=2014, taal="en"), TODAY)
    text, pages = pdf_text(pdf)
    assert pages <= 2
    for english in ("Neighbourhood Presikhaaf II", "Key message", "Signals", "Per theme",
                    "Largest improvements", "About these figures", "Sources",
                    "Change since the baseline", "Leefbaarometer score (2024)",
                    "Compared with the municipality", "made on 23 November 2026", "page 1 of"):
        assert english in text, english
    for dutch in ("Kernboodschap", "Signalen", "Per thema", "Bronnen", "Grootste", "gemaakt op",
                  "pagina", "Verandering sinds", "Over deze cijfers", "Vergeleken met",
                  "geen aantoonbare", "buiten de selectie", "Gegenereerde demowaarden",
                  "23 november"):  # the date's month in English too (it was Dutch)
        assert dutch not in text, dutch


def test_every_fixed_text_of_the_pdf_has_an_english_entry() -> None:
    from dashboard import i18n

    fixed = [*briefing.PAGE_TEXTS.values(), briefing.METHOD_NOTE, briefing.GEMEENTE_TABLE_NOTE,
             *briefing.VERDICT_WORD.values()]
    assert [text for text in fixed if text not in i18n.EN] == []


def test_the_whole_gemeente_has_no_second_line_of_itself_in_its_trends(contents) -> None:
    assert all(f.trend_gemeente == () for f in contents["gemeente"].figures)
    assert all(f.trend_gemeente for f in contents["wijk"].figures)


# Dutch words of units and change sentences that an English briefing must not carry over (not
# 'van': source titles and buurt names hold it, 'herberekend op de grenzen van 2024').
DUTCH_IN_ENGLISH = ("procentpunt", "inwoners", "woningen", "duizend euro", "gedaald", "gestegen",
                    "duidelijk meer dan toeval", "gegenereerde demowaarden", "naar")


@pytest.mark.parametrize("area", ["", "BU02020100"], ids=["gemeente", "buurt"])
def test_the_english_briefing_keeps_to_two_pages_and_writes_its_units_in_english(demo_db,
                                                                              area) -> None:
    # Before: the English gemeente briefing ran two lines onto a third page, and its
    # kernboodschap, largest changes and buurt context kept Dutch units ('per 1.000 inwoners').
    pdf = briefing.generate_pdf(demo_db, briefing.Brief(gemeente="GM0202", area=area,
                                                            nulmeting=2014, taal="en"), TODAY)
    text, pages = pdf_text(pdf)
    assert pages <= 2
    assert "Key message" in text
    left = [word for word in DUTCH_IN_ENGLISH if word in text]
    assert not left, left


def test_a_change_in_the_briefing_marks_a_generated_value_where_it_is_read(demo_db) -> None:
    content = briefing.build(scope_from(demo_db), pd.DataFrame(),
                             briefing.Brief(gemeente="GM0202", area="BU02020100",
                                                nulmeting=2014), TODAY)
    # Markt's survey figures are generated (synthetic) in the demo: every sentence that ends on
    # one says so, in the kernboodschap as in the lists of largest changes.
    survey = [s for s in (*content.key_messages, *content.improvements, *content.declines)
              if "Bereid zich in te zetten" in s or "bereid zich in te zetten" in s]
    assert survey and all("(synth.)" in s for s in survey)


def test_a_signal_on_a_generated_value_is_marked_in_the_briefing(demo_db) -> None:
    content = briefing.build(scope_from(demo_db), pd.DataFrame(),
                             briefing.Brief(gemeente="GM0202", nulmeting=2014), TODAY)
    # The demo's survey figures are generated: a signal about one says so.
    survey = [w for w in content.warnings if "Rapportcijfer leefbaarheid buurt" in w
              or "Mensen kennen elkaar nauwelijks" in w]
    assert survey and all(w.endswith("(synth.)") for w in survey)


def test_real_figures_only_leaves_the_generated_values_out_of_the_pdf(demo_db, pdfs) -> None:
    """generate_pdf reads through the app's door: 'Alleen echte cijfers' holds there too."""
    import dataclasses

    from data_loaders import settings

    every, _ = pdfs["gemeente"]
    assert "synthetisch" in every.lower()  # the demo's survey values are generated
    only_real = dataclasses.replace(settings.privacy(), real_only=True)
    text, _ = pdf_text(briefing.generate_pdf(demo_db, BRIEFS["gemeente"], TODAY,
                                             privacy=only_real))
    assert "synthetisch" not in text.lower()
    assert "Gemeente Arnhem" in text  # the real figures are still there
