"""AppTest of the Signalen page: a signal recorded on the page is listed and shown on the profile;
a text that points at a person is refused on the page and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from werkdb import store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
BUURT = "BU02020100"


def _page(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("views/signalen.py").run()
    assert not at.exception, at.exception
    return at


def _record(at: AppTest, description: str) -> AppTest:
    at.text_input[0].input("Wijkregisseur Oost")
    at.button[0].click().run()  # "Naam bewaren"
    assert not at.exception, at.exception
    at.selectbox(key="signaal_gebied").select(BUURT)
    at.text_area(key="signaal_tekst").input(description)
    next(b for b in at.button if b.label == "Signaal opslaan").click().run()
    assert not at.exception, at.exception
    return at


def _stored() -> list[str]:
    opened = store.open_store(store.store_url())
    return store.signals(opened)["description"].tolist()


@pytest.mark.usefixtures("app_env")
def test_a_signal_recorded_on_the_page_is_listed_and_shown_on_the_profile() -> None:
    text = "Meer klachten over zwerfvuil rond de containers aan de rand van het park"
    at = _record(_page(buurt=BUURT), text)
    assert any("is opgeslagen" in s.value for s in at.success)
    assert _stored() == [text]
    at.run()  # the list is drawn above the form: the next rerun shows the new signal
    listed = at.dataframe[0].value
    assert text in listed["Omschrijving"].tolist()
    assert any(c.value == "U schrijft als Wijkregisseur Oost." for c in at.caption)
    profile = AppTest.from_file(APP, default_timeout=90)
    profile.query_params["buurt"] = BUURT
    profile.switch_page("views/buurtprofiel.py").run()
    assert not profile.exception, profile.exception
    assert "Signalen uit de buurt" in [h.value for h in profile.subheader]
    assert any(text in frame.value["Omschrijving"].tolist() for frame in profile.dataframe
               if "Omschrijving" in frame.value.columns)


@pytest.mark.usefixtures("app_env")
def test_a_description_with_a_phone_number_is_refused_on_the_page_and_kept_in_the_form() -> None:
    text = "Bewoner belt steeds, terugbellen op 06-12345678"
    at = _record(_page(), text)
    assert "een telefoonnummer" in at.error[0].value
    assert "nooit over personen" in at.error[0].value
    assert at.text_area(key="signaal_tekst").value == text  # nothing the person typed is lost
    assert _stored() == []


@pytest.mark.usefixtures("app_env")
def test_downloading_signals_follows_the_confidentiality_setting(monkeypatch) -> None:
    opened = store.open_store(store.store_url())
    store.create(opened, {"area_code": BUURT, "signal_date": "2024-05-01", "theme": "veiligheid",
                          "source_kind": "politie", "urgency": "hoog",
                          "description": "Meer woninginbraken in de winter"}, "Politie Oost")
    at = _page()
    assert any("downloaden kan alleen" in c.value for c in at.caption)
    assert not _list_downloads(at)
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "ja")
    at = _page()
    assert not any("downloaden kan alleen" in c.value for c in at.caption)
    assert len(_list_downloads(at)) == 2  # CSV and Excel of the list


def _list_downloads(at: AppTest) -> list:
    return [b for b in at.get("download_button") if "signalen-GM" in b.proto.url or
            "csv_signalen-gm" in str(b.proto.id) or "xlsx_signalen-gm" in str(b.proto.id)]


def _signed_in(at: AppTest, name: str) -> AppTest:
    at.text_input[0].input(name)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def _save_step(at: AppTest, responsible: str) -> AppTest:
    at.text_input(key="stap_verantwoordelijke").input(responsible)
    next(b for b in at.button if b.label == "Stap opslaan").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.usefixtures("app_env")
def test_two_sessions_following_up_one_signal_the_later_is_refused_and_nothing_is_lost() -> None:
    opened = store.open_store(store.store_url())
    signal_id = store.create(opened, {
        "area_code": BUURT, "signal_date": "2024-05-01", "theme": "contact",
        "source_kind": "welzijn", "urgency": "middel",
        "description": "Weinig aanloop bij het buurthuis na de verbouwing"}, "Welzijn Oost")
    first, second = _signed_in(_page(), "Anna"), _signed_in(_page(), "Bram")
    _save_step(first, "kerngroep Klarendal")
    assert store.get(opened, signal_id)["step"] == "besproken"
    _save_step(second, "opbouwwerker")
    assert "intussen gewijzigd door Anna" in second.error[0].value
    assert second.text_input(key="stap_verantwoordelijke").value == "opbouwwerker"
    stored = store.get(opened, signal_id)
    assert (stored["responsible"], stored["version"]) == ("kerngroep Klarendal", 2)
    assert store.history(opened, signal_id)["changed_by"].tolist() == ["Welzijn Oost", "Anna"]


def test_an_uploaded_template_is_imported_whole_or_not_at_all(tmp_path) -> None:
    from dashboard import signals

    opened = store.open_store(f"sqlite:///{tmp_path / 'werkdb.sqlite'}")
    header = "gebiedscode;datum;thema;soort_bron;omschrijving;urgentie\n"
    good = "BU02020100;2024-05-01;veiligheid;politie;Meer fietsendiefstal bij het station;hoog\n"
    bad = "BU02020100;2024-05-02;veiligheid;bewoner;Melder: 06-12345678;laag\n"
    count, problem = signals.import_file(opened, "../../signalen.csv",
                                         (header + good + bad).encode(), "Import", {BUURT}, set())
    assert (count, store.signals(opened).empty) == (0, True)
    assert "Bestand 'signalen.csv', regel 3, kolom 'omschrijving'" in problem
    count, problem = signals.import_file(opened, "signalen.csv", (header + good).encode(),
                                         "Import", {BUURT}, set())
    assert (count, problem) == (1, "")
    assert store.signals(opened)["created_by"].tolist() == ["Import"]
    opened.engine.dispose()


@pytest.mark.usefixtures("app_env")
def test_the_signalen_page_follows_the_english_switch() -> None:
    at = _page(taal="en")
    assert at.title[0].value == "Signals"
    assert [tab.label for tab in at.tabs] == ["List", "New signal", "Follow up", "Import"]
    assert at.info[0].value.startswith("Signals concern neighbourhoods, never persons")


AUTH = {"auth": {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "een-test-geheim-van-minstens-tweeendertig-tekens",
    "client_id": "buurtmonitor", "client_secret": "test",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}}


def _page_as(user: dict, monkeypatch, tmp_path: Path) -> AppTest:  # noqa: ANN001
    """The Signalen page with login configured, as `user` (st.user's claims)."""
    roles = tmp_path / "rollen.toml"
    roles.write_text("", encoding="utf-8")
    monkeypatch.setenv("BUURTMONITOR_ROLLEN", str(roles))
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets.update(AUTH)
    at.user = user
    at.query_params["buurt"] = BUURT
    at.switch_page("views/signalen.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.usefixtures("app_env")
def test_with_login_the_logged_in_user_is_the_author_and_no_name_is_asked(
        monkeypatch, tmp_path) -> None:
    email = "w.jansen@woonstichting.example"
    at = _page_as({"is_logged_in": True, "email": email, "sub": email}, monkeypatch, tmp_path)
    assert "Uw naam of functie" not in [box.label for box in at.text_input]
    assert f"U schrijft als {email}." in [c.value for c in at.caption]
    at.text_area(key="signaal_tekst").input("Meer fietsendiefstal bij het station")
    next(b for b in at.button if b.label == "Signaal opslaan").click().run()
    assert not at.exception, at.exception
    assert any("is opgeslagen" in s.value for s in at.success)
    opened = store.open_store(store.store_url())
    signal_id = int(store.signals(opened)["id"].iloc[0])
    at.text_input(key="stap_verantwoordelijke").input("kerngroep")
    next(b for b in at.button if b.label == "Stap opslaan").click().run()
    assert not at.exception, at.exception
    assert store.history(opened, signal_id)["changed_by"].tolist() == [email, email]


@pytest.mark.usefixtures("app_env")
def test_with_login_a_visitor_who_is_not_logged_in_sees_no_signals_and_cannot_record(
        monkeypatch, tmp_path) -> None:
    opened = store.open_store(store.store_url())
    store.create(opened, {"area_code": BUURT, "signal_date": "2024-05-01", "theme": "veiligheid",
                          "source_kind": "politie", "urgency": "hoog",
                          "description": "Meer woninginbraken in de winter"}, "Politie Oost")
    at = _page_as({"is_logged_in": False}, monkeypatch, tmp_path)
    assert "Uw naam of functie" not in [box.label for box in at.text_input]
    assert any(i.value.startswith("Log in om signalen te zien") for i in at.info)
    assert not at.tabs and not at.dataframe and not at.get("text_area")
    profile = AppTest.from_file(APP, default_timeout=90)
    profile.secrets.update(AUTH)
    profile.user = {"is_logged_in": False}
    profile.query_params["buurt"] = BUURT
    profile.switch_page("views/buurtprofiel.py").run()
    assert not profile.exception, profile.exception
    assert "Signalen uit de buurt" not in [h.value for h in profile.subheader]
