"""Signals beside the figures (issue 24): a signal recorded on the Signalen page shows on the
buurtprofiel, in the map's tooltip (and, on request, as a dot on the map), in the briefing's counts
and, where an early warning points at the same buurt and theme, on the overview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from map_args import codes_of, map_args
from streamlit.testing.v1 import AppTest

from werkdb import store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
BUURT = "BU02020100"


def _run(page: str, at: AppTest | None = None, **params: str) -> AppTest:
    at = at or AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _signal_lines(at: AppTest) -> dict[str, str]:
    """Each area's tooltip line on open signals ('' where none), as the map component gets it."""
    args = map_args(at)
    return {code: lines[-1] if lines[-1].startswith(("Open signalen", "Open signals")) else ""
            for code, lines in zip(codes_of(args), args["texts"]["lines"], strict=True)}


def _dots(at: AppTest, codes: list[str]) -> list[str]:
    """The areas marked with a dot (open signals, on request); `codes`: the shapes' order (the
    shapes go to the browser once per session, so a rerun's arguments may not carry them)."""
    return [codes[i] for i, _ in map_args(at)["paint"]["marks"]]


def _record_on_page(text: str, theme: str = "veiligheid") -> AppTest:
    at = _run("signalen", buurt=BUURT)
    at.text_input[0].input("Wijkregisseur Oost")
    at.button[0].click().run()
    at.selectbox(key="signaal_gebied").select(BUURT)
    at.text_area(key="signaal_tekst").input(text)
    next(box for box in at.selectbox if box.label == "Thema").select(theme)
    next(b for b in at.button if b.label == "Signaal opslaan").click().run()
    assert not at.exception, at.exception
    assert any("is opgeslagen" in s.value for s in at.success)
    return at


@pytest.mark.usefixtures("app_env")
def test_a_signal_recorded_on_the_page_shows_in_the_map_tooltip_and_as_a_dot_on_request() -> None:
    before = _run("kaart", niveau="buurt")
    assert _signal_lines(before)[BUURT] == ""
    _record_on_page("Meer woninginbraken in de donkere maanden")
    at = _run("kaart", niveau="buurt")
    lines = _signal_lines(at)
    assert lines[BUURT] == "Open signalen: 1 (veiligheid)"
    assert sum(1 for line in lines.values() if line) == 1
    codes = codes_of(map_args(at))
    assert _dots(at, codes) == []
    at.toggle(key="kaart_signalen").set_value(True).run()
    assert not at.exception, at.exception
    assert _dots(at, codes) == [BUURT]
    wijk = _run("kaart", niveau="wijk")
    assert _signal_lines(wijk)["WK020201"] == "Open signalen: 1 (veiligheid)"


@pytest.mark.usefixtures("app_env")
def test_the_map_tooltip_line_follows_the_english_switch() -> None:
    opened = store.open_store(store.store_url())
    store.create(opened, {"area_code": BUURT, "signal_date": "2024-05-01", "theme": "contact",
                          "source_kind": "welzijn", "urgency": "middel",
                          "description": "Weinig aanloop bij het buurthuis"}, "Welzijn Oost")
    at = _run("kaart", niveau="buurt", taal="en")
    assert _signal_lines(at)[BUURT] == "Open signals: 1 (contact)"


def _counts(*rows: tuple[str, str, int, int]):
    import pandas as pd

    return pd.DataFrame(rows, columns=["area_code", "theme", "open", "afgerond"])


def test_the_briefing_counts_signals_per_theme_of_its_own_buurten_only() -> None:
    import datetime as dt

    from dashboard import briefing

    counts = _counts(("BU02020100", "veiligheid", 2, 1), ("BU02020101", "contact", 1, 0),
                     ("WK020201", "veiligheid", 0, 3), ("BU02020424", "leefbaarheid", 4, 0))
    brief = briefing.Brief(gemeente="GM0202", area="WK020201")
    lines, note = briefing.signal_lines(counts, brief, ["BU02020100", "BU02020101"],
                                        dt.date(2026, 12, 6))
    assert lines == ["Veiligheid: 2 open, 4 afgerond.",
                     "Contact (sociale samenhang): 1 open, 0 afgerond."]
    assert note.startswith("Aantallen signalen van bewoners en professionals, geen teksten")
    assert note.endswith("Bron: eigen registratie van signalen in de Buurtmonitor, stand "
                         "6 december 2026.")
    whole, _ = briefing.signal_lines(counts, briefing.Brief(gemeente="GM0202"), [],
                                     dt.date(2026, 12, 6))
    assert whole[0] == "Leefbaarheid: 4 open, 0 afgerond."
    none, _ = briefing.signal_lines(counts, briefing.Brief(gemeente="GM0202", area="WK020299"),
                                    [], dt.date(2026, 12, 6))
    assert none == ["Geen open of afgeronde signalen in deze selectie."]
    assert briefing.signal_lines(None, brief, [], dt.date(2026, 12, 6)) == ([], "")


@pytest.mark.usefixtures("app_env")
def test_a_signal_recorded_on_the_page_is_counted_in_the_briefing_and_its_pdf(monkeypatch) -> None:
    import io

    import pypdf
    from app_walk import RecordingStorage, download_id, record_downloads

    before = _run("briefing")
    assert "Signalen van bewoners en professionals" in [h.value for h in before.subheader]
    assert any("Geen open of afgeronde signalen in deze selectie" in m.value
               for m in before.markdown)
    _record_on_page("Meer woninginbraken in de donkere maanden")
    record_downloads(monkeypatch)
    at = _run("briefing")
    assert any(m.value.startswith("- Veiligheid: 1 open, 0 afgerond") for m in at.markdown)
    pdf = next(RecordingStorage.files[download_id(b.proto)]
               for b in at.get("download_button") if b.label.endswith("(PDF)"))
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) <= 2  # the counts sit beside the warnings: still two pages at most
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Signalen van bewoners en professionals" in text
    assert "Veiligheid: 1 open, 0 afgerond." in text
    assert "Meer woninginbraken" not in text  # counts, never the texts


def _first_warning(at: AppTest, db: Path) -> tuple[str, str, str, str]:
    """(buurt code, buurt name, theme, indicator name) of the overview's first early warning,
    read from its own download and the indicator catalogue."""
    import io

    import pandas as pd
    from app_walk import RecordingStorage, download_id
    from app_walk import rows as sql

    for button in at.get("download_button"):
        download_id(button.proto)  # a file made on click is made now, as a click would
    csv = next(RecordingStorage.files[file_id] for file_id, name in RecordingStorage.names.items()
               if name.startswith("vroegsignalering") and name.endswith(".csv"))
    warned = pd.read_csv(io.BytesIO(csv), sep=None, engine="python", encoding="utf-8-sig")
    first = warned[warned["Signaal"] == "verslechterd"].iloc[0]
    catalogue = pd.read_csv(Path(APP).parents[1] / "data_loaders" / "catalogue" / "indicators.csv")
    theme = catalogue.set_index("name").loc[first["Indicator"], "theme"]
    code = sql(db, "SELECT code FROM areas WHERE name = ? AND level = 'buurt'",
               [first["Buurt"]])[0][0]
    return code, first["Buurt"], theme, first["Indicator"]


def test_the_overview_names_a_buurt_where_an_early_warning_and_an_open_signal_share_a_theme(
        app_env, monkeypatch) -> None:
    from app_walk import record_downloads

    record_downloads(monkeypatch)
    before = _run("overzicht")
    assert any(c.value.startswith("Geen buurt in de selectie heeft zowel vroegsignalering")
               for c in before.caption)
    code, name, theme, indicator = _first_warning(before, app_env)
    opened = store.open_store(store.store_url())
    other = next(t for t in ("leefbaarheid", "veiligheid") if t != theme)
    for area, on in ((code, theme), (code, other)):  # the second: no warning on that theme
        store.create(opened, {"area_code": area, "signal_date": "2026-11-02", "theme": on,
                              "source_kind": "bewoner", "urgency": "middel",
                              "description": "Bewoners maken zich zorgen over de buurt"},
                     "Wijkregisseur")
    at = _run("overzicht")
    table = next(f.value for f in at.dataframe if "Vroegsignalering" in f.value.columns)
    assert table["Buurt"].tolist() == [name]
    assert table["Open signalen"].tolist() == [1]
    assert indicator in table["Vroegsignalering"].iloc[0]


def _chart_rows(at: AppTest) -> list[dict]:
    import pyarrow as pa

    rows = []
    for chart in at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            rows += pa.ipc.open_stream(dataset.data.data).read_pandas().to_dict("records")
        spec = json.loads(chart.proto.spec)
        for values in spec.get("datasets", {}).values():
            rows += values
    return rows


@pytest.mark.usefixtures("app_env")
def test_a_project_band_on_the_trend_chart_points_back_to_the_signal_that_started_it() -> None:
    buurt, project = "BU02020425", "P-2021-003"  # Portiekgesprekken Presikhaaf III (demo)
    before = _run("trends", gebieden=buurt, indicator="lbm_score")
    texts = [r["tekst"] for r in _chart_rows(before) if isinstance(r.get("tekst"), str)]
    assert any(t.startswith("Portiekgesprekken Presikhaaf III") for t in texts)
    assert not any("na signaal" in t for t in texts)
    opened = store.open_store(store.store_url())
    signal_id = store.create(opened, {
        "area_code": buurt, "signal_date": "2020-11-02", "theme": "contact",
        "source_kind": "corporatie", "urgency": "middel",
        "description": "Weinig contact tussen bewoners van de portieken"}, "Corporatie Oost")
    store.link_project(opened, signal_id, 1, project, "Corporatie Oost", known_projects={project})
    at = _run("trends", gebieden=buurt, indicator="lbm_score")
    texts = [r["tekst"] for r in _chart_rows(at) if isinstance(r.get("tekst"), str)]
    assert any(t.startswith("Portiekgesprekken Presikhaaf III") and
               t.endswith(f"· na signaal {signal_id}") for t in texts)
    assert "Signalen die tot deze projecten leidden" in [m.value.strip("*") for m in at.markdown]
    listed = next(f.value for f in at.dataframe if "Nr." in f.value.columns)
    assert listed[["Project", "Nr."]].values.tolist() == [
        [f"{project} · Portiekgesprekken Presikhaaf III", signal_id]]


@pytest.mark.usefixtures("app_env")
def test_one_signal_recorded_on_the_page_shows_on_the_profile_the_map_and_the_briefing() -> None:
    text = "Meer klachten over zwerfvuil rond de containers aan de rand van het park"
    _record_on_page(text, theme="leefbaarheid")
    profile = _run("buurtprofiel", buurt=BUURT)
    assert any(text in frame.value["Omschrijving"].tolist() for frame in profile.dataframe
               if "Omschrijving" in frame.value.columns)
    assert _signal_lines(_run("kaart", niveau="buurt"))[BUURT] == "Open signalen: 1 (leefbaarheid)"
    briefing = _run("briefing", buurt=BUURT)
    assert any(m.value.startswith("- Leefbaarheid: 1 open, 0 afgerond") for m in briefing.markdown)
