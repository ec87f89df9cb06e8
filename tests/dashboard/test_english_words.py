"""English mode word by word: unit words translated whole and only in short cells, titles with two
brackets, the Dutch upload box, spinners in the page's language (issue 20)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_walk import run

from dashboard import i18n, profiles

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


@pytest.mark.parametrize("dutch,english", [
    ("-1,9 %-punt (vanaf 2016)", "-1,9 %-points (since 2016)"),
    ("+440 (vanaf 2016)", "+440 (since 2016)"),
    ("12,5 per 1.000 inwoners (synthetisch)", "12,5 per 1.000 inhabitants (synthetic)"),
    ("Beste: Markt; minste: Weverstraat (buiten de marges).",
     "Best: Markt; weakest: Weverstraat (beyond the margins)."),
    ("Leefbaarometer: amenities (afwijking)", "Leefbaarometer: amenities (deviation)"),
    ("onderdrukt", "suppressed"),
])
def test_a_short_cell_is_written_in_english(dutch: str, english: str) -> None:
    assert i18n.translate_cell(dutch, "en") == english


def test_a_unit_word_is_replaced_only_as_a_whole_word() -> None:
    # 'middel' (a reliability) is no unit inside 'gemiddelde', nor 'aantal' inside 'aantallen'.
    assert i18n.translate_number_text("het gemiddelde middel", "en") == "het gemiddelde medium"
    assert i18n.translate_number_text("aantallen", "en") == "aantallen"


def test_a_definition_in_a_table_stays_as_the_source_wrote_it() -> None:
    definition = ("Alle door de politie geregistreerde misdrijven per 1.000 inwoners: het aantal "
                  "gedeeld door het gemiddelde aantal inwoners op 1 januari.")
    assert i18n.translate_cell(definition, "en") == definition


def test_a_title_with_two_brackets_is_translated_in_both() -> None:
    assert (i18n.translate_title("Percentielrang binnen de selectie (0-100) (percentielrang)", "en")
            == "Percentile rank within the selection (0-100) (percentile rank)")


def test_an_english_name_that_names_its_unit_gets_no_second_unit() -> None:
    assert profiles.row_label("Social cohesion (scale score)", "schaalscore (0-10)") == (
        "Social cohesion (scale score)")
    assert profiles.row_label("Sociale samenhang (schaalscore)", "schaalscore (0-10)") == (
        "Sociale samenhang (schaalscore)")
    assert profiles.row_label("Registered crimes", "aantal") == "Registered crimes (aantal)"


def test_no_spinner_text_is_fixed_in_one_language_in_the_cache_module() -> None:
    # A cached function's spinner text is fixed when the module loads, in Dutch; the pages show
    # their own spinner through t() instead.
    source = (DASHBOARD / "data.py").read_text(encoding="utf-8")
    assert not re.findall(r'show_spinner="', source)


def _upload_styles(at) -> str:  # noqa: ANN001
    return " ".join(str(node.proto) for node in at.get("html"))


@pytest.mark.usefixtures("app_env")
def test_the_upload_box_speaks_dutch_in_dutch_and_is_left_alone_in_english() -> None:
    dutch = run("data")
    assert not dutch.exception, dutch.exception
    assert "Maximaal 200 MB per bestand" in _upload_styles(dutch)
    assert "Bestanden kiezen" in _upload_styles(dutch)
    # No note about English words that the box no longer shows.
    assert not any("Browse files" in c.value for c in dutch.caption)
    english = run("data", taal="en")
    assert not english.exception, english.exception
    assert "Maximaal" not in _upload_styles(english)
    assert english.get("file_uploader")[0].proto.label == "File to load"


@pytest.mark.usefixtures("app_env")
def test_downloads_offered_without_a_table_say_in_english_that_they_are_dutch() -> None:
    note = "The downloads are in Dutch (column names and words), as the monitor records them."
    english = run("vergelijken", taal="en", gebieden="BU02020100,BU02020101")
    assert not english.exception, english.exception
    assert note in [c.value for c in english.caption]
    dutch = run("vergelijken", gebieden="BU02020100,BU02020101")
    assert not any("downloads zijn in het Nederlands" in c.value for c in dutch.caption)


@pytest.mark.usefixtures("app_env")
def test_the_sidebar_names_each_indicator_with_its_unit_in_english() -> None:
    at = run("overzicht", taal="en", thema="veiligheid", indicator="geweld")
    assert not at.exception, at.exception
    [picker] = [s for s in at.sidebar.selectbox if s.label == "Indicator"]
    assert "Registered violent crimes (per 1.000 inhabitants)" in picker.options
    assert not [o for o in picker.options if "inwoners" in o or "woningen" in o]


def test_every_header_of_the_corporation_tables_has_its_english() -> None:
    """The corporation's tables are built with Dutch headers (downloads keep them); on screen in
    English each header is translated, or is English already."""
    import re
    from pathlib import Path

    from dashboard import i18n

    root = Path(__file__).resolve().parents[2] / "dashboard"
    source = (root / "corporations.py").read_text() + (root / "spending_views.py").read_text()
    headers = set(re.findall(r'^\s+"([A-Z][^"]{2,60})": ', source, flags=re.M))
    same_in_english = {"Budget (euro)", "Code", "Indicator", "Output", "Project", "Start",
                       "Status"}
    assert len(headers) > 15  # not vacuous: the headers are found
    left = sorted(h for h in headers - same_in_english if i18n.translate_title(h, "en") == h)
    assert left == []


# The two rules of the demo database, as sample_data and the loader write them.
INCOME_RULE = ("Inkomen per inwoner (CBS, 2021): laagste 20% van de buurten in de gemeente = "
               "achterstand, hoogste 20% = voorstand.")
OWN_LIST = ("Nationaal Programma Arnhem-Oost (sinds circa 2020): Klarendal; Geitenkamp; "
            "Presikhaaf-West; Malburgen en Het Arnhemse Broek = achterstand; overige buurten = "
            "midden.")


def test_a_buurttype_rule_is_described_in_english_with_its_names_kept() -> None:
    income = i18n.translate_rule(INCOME_RULE, "en")
    assert income == ("Income per inhabitant (CBS, 2021): lowest 20% of the gemeente's "
                      "neighbourhoods = disadvantaged, highest 20% = advantaged.")
    own = i18n.translate_rule(OWN_LIST, "en")
    assert own.startswith("Nationaal Programma Arnhem-Oost (since about 2020): Klarendal;")
    assert "Malburgen and Het Arnhemse Broek = disadvantaged; other neighbourhoods = " \
           "middle-status." in own
    assert i18n.translate_rule(OWN_LIST, "nl") == OWN_LIST


@pytest.mark.usefixtures("app_env")
def test_the_sidebar_names_the_buurttype_rule_in_english() -> None:
    at = run("overzicht", taal="en")
    assert not at.exception, at.exception
    caption = " ".join(c.value for c in at.sidebar.caption)
    assert "Income per inhabitant" in caption or "since about" in caption, caption
    assert "overige buurten" not in caption and "laagste 20%" not in caption
    rule_box = [s for s in at.sidebar.selectbox if s.label == "Neighbourhood typology"]
    assert rule_box and all("Inkomen per inwoner" not in o for o in rule_box[0].options)


def test_a_source_line_keeps_the_sources_name_and_translates_the_projects_words() -> None:
    line = ("Bron: Leefbaarometer 3.0 (BZK), reeks herberekend op de grenzen van 2024")
    assert i18n.translate_source(line, "en") == (
        "Source: Leefbaarometer 3.0 (BZK), series recalculated on the boundaries of 2024")
    assert i18n.translate_source("Bron: RIVM, GGD'en, CBS (modelschatting)", "en") == (
        "Source: RIVM, GGD'en, CBS (model estimate)")


@pytest.mark.parametrize("dutch,english", [
    ("Bron: CBS/Kadaster", "Source: CBS/Kadaster"),
    ("Synthetische demogegevens", "Synthetic demo data"),
    ("openbare feiten", "public facts"),
    ("vertrouwelijk", "confidential"),
])
def test_the_sources_table_shows_attribution_and_licence_in_english(dutch: str,
                                                                    english: str) -> None:
    assert i18n.translate_cell(dutch, "en") == english
    assert i18n.translate_cell(dutch, "nl") == dutch


@pytest.mark.usefixtures("app_env")
def test_a_notice_about_the_address_is_written_in_english() -> None:
    at = run("kaart", taal="en", indicator="bestaat_niet", buurttype="geen_type")
    assert not at.exception, at.exception
    shown = [w.value for w in at.warning]
    assert "The value 'bestaat_niet' for 'indicator' does not exist; the default " in " ".join(shown)
    assert any("(all neighbourhood types) is shown." in w for w in shown), shown
    assert not [w for w in shown if "bestaat niet" in w or "wordt getoond" in w]


def test_a_unit_on_its_own_is_english_whole_or_by_its_words() -> None:
    # Before: the y axis of the English trend chart read 'percentielrang' for the percentile rank.
    assert i18n.translate_unit("percentielrang", "en") == "percentile rank"
    assert i18n.translate_unit("% van de inwoners", "en") == "% of inhabitants"
    assert i18n.translate_unit("percentielrang", "nl") == "percentielrang"
    assert i18n.translate_unit("", "en") == ""
