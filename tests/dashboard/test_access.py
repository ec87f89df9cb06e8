"""Login and roles in the app: the local-mode note, each role's spending, the upload and the load
log only for a beheerder (in the code path, not only the page), expired and refused logins.

Logged-in users are played with AppTest.user (what st.user returns) on an app whose secrets hold
an [auth] section; the browser login itself is tested in tests/e2e/test_login.py.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from app_walk import APP, NAMED_OTHERWISE, PAGES, download_text, record_downloads, seen
from app_walk import rows as sql
from streamlit.testing.v1 import AppTest

from dashboard import uploads
from data_loaders import access
from metrics.formatting import format_number

WOONSTICHTING = "Woonstichting Voorbeeld (fictief)"
DEMOHUIS = "Corporatie Demohuis (fictief)"
AUTH = {"auth": {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "een-test-geheim-van-minstens-tweeendertig-tekens",
    "client_id": "buurtmonitor", "client_secret": "test",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}}
ROW = "gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"


def claims(email: str, *groups: str, **extra: object) -> dict:
    return {"is_logged_in": True, "email": email, "sub": email, "groups": list(groups), **extra}


def run_as(page: str, user: dict | None, **params: str) -> AppTest:
    """Run a page as `user` (st.user's claims) with login configured; None: no login configured."""
    at = AppTest.from_file(APP, default_timeout=120)
    if user is not None:
        at.secrets.update(AUTH)
        at.user = user
    if page in NAMED_OTHERWISE:
        at.run()  # see app_walk.run
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGES[page]).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in at.get(kind)]


@pytest.fixture()
def roles(app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo database and an empty role mapping file (roles come from the groups claim)."""
    path = tmp_path / "rollen.toml"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("BUURTMONITOR_ROLLEN", str(path))
    monkeypatch.delenv("BUURTMONITOR_TOON_VERTROUWELIJK", raising=False)
    return path


@pytest.fixture(autouse=True)
def _demo(app_env: Path) -> None:
    _DEMO[:] = [app_env]


_DEMO: list[Path] = []


def _db() -> Path:
    """The demo database (app_env), for the expected values."""
    return _DEMO[0]


def spent_2024(db: Path, organisation: str) -> str:
    return format_number(sql(db, "SELECT sum(amount_eur) FROM spending WHERE organisation = ? "
                                 "AND year = 2024", [organisation])[0][0], 0, "euro")


@pytest.mark.parametrize("show", [False, True])
def test_without_login_the_sidebar_says_local_mode_and_who_sees_confidential_data(
        app_env, monkeypatch, show) -> None:
    if show:
        monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    else:
        monkeypatch.delenv("BUURTMONITOR_TOON_VERTROUWELIJK", raising=False)
    at = run_as("overzicht", None)
    note = next(text for text in texts(at, "info") if "Geen inlog ingesteld" in text)
    assert "BUURTMONITOR_TOON_VERTROUWELIJK=1" in note
    assert note.endswith("README voor inloggen met het account van uw organisatie.")
    assert ("nu: zichtbaar" if show else "nu: verborgen") in note
    assert not at.get("button") or "Uitloggen" not in [b.label for b in at.button]


def test_a_corporation_user_sees_its_own_spending_and_not_another_corporations(
        roles, monkeypatch) -> None:
    user = claims("w.jansen@woonstichting.example", "organisatie:woonstichting-voorbeeld-fictief")
    record_downloads(monkeypatch)
    own = run_as("corporaties", user, organisatie=WOONSTICHTING)
    assert own.metric[0].value == spent_2024(_db(), WOONSTICHTING)
    assert any("Ingelogd als w.jansen@woonstichting.example" in c for c in texts(own, "caption"))
    other = run_as("corporaties", user, organisatie=DEMOHUIS)
    assert not other.metric
    assert f"Van {DEMOHUIS} zijn geen uitgaven geladen die u mag zien." in texts(other, "info")
    shown = seen(other)
    everything = shown.all_text()
    assert spent_2024(_db(), DEMOHUIS).replace("€ ", "") not in everything


def test_a_user_of_another_gemeente_sees_no_confidential_spending_of_this_one(roles) -> None:
    at = run_as("corporaties", claims("x@utrecht.example", "gemeente:GM0344"),
                organisatie=WOONSTICHTING)
    assert not at.metric
    assert any(text.startswith("Uitgaven zijn vertrouwelijk.") for text in texts(at, "info"))


def test_the_gemeente_role_sees_every_organisations_spending_in_its_gemeente(roles) -> None:
    user = claims("y@arnhem.example", "gemeente:GM0202")
    for organisation in (WOONSTICHTING, DEMOHUIS):
        at = run_as("corporaties", user, organisatie=organisation)
        assert at.metric[0].value == spent_2024(_db(), organisation)


def test_a_user_who_is_no_beheerder_gets_no_upload_and_no_load_log(roles) -> None:
    at = run_as("data", claims("w.jansen@woonstichting.example",
                               "organisatie:woonstichting-voorbeeld-fictief"))
    assert not at.get("file_uploader")
    assert "Wat is er geladen" not in [h.value for h in at.subheader]
    assert any("alleen voor beheerders" in text for text in texts(at, "info"))


def test_a_beheerder_gets_the_upload_and_the_load_log_names_who_loaded_each_file(
        roles, tmp_path, monkeypatch) -> None:
    own = tmp_path / "eigen.duckdb"
    shutil.copy(_db(), own)
    monkeypatch.setenv("BUURTMONITOR_DB", str(own))
    beheerder = access.User("beheer@gemeente.example", frozenset({"beheerder"}), logged_in=True)
    # Read the file first, as a running app has: the load must still show from the next run on.
    before = run_as("data", claims("beheer@gemeente.example", "beheerder"))
    assert "enquete_2025.csv" not in next(
        frame.value for frame in before.dataframe if "Door" in frame.value.columns)["Bestand"].tolist()
    content = (ROW + "BU02020100,onveilig_buurt,2025,23.5,112,16.6,32.1,gemeentelijke_enquete\n")
    result, error = uploads.commit("enquete 2025.csv", content.encode(), {}, user=beheerder)
    assert error == "" and result.status == "geladen"
    at = run_as("data", claims("beheer@gemeente.example", "beheerder"))
    assert at.get("file_uploader")
    log = next(frame.value for frame in at.dataframe if "Door" in frame.value.columns)
    newest = log.iloc[0]
    assert (newest["Bestand"], newest["Door"], newest["Hoe"]) == (
        "enquete_2025.csv", "beheer@gemeente.example", "upload")


def test_the_upload_code_refuses_a_user_who_is_no_beheerder_and_changes_nothing(
        tmp_path, monkeypatch) -> None:
    own = tmp_path / "eigen.duckdb"
    shutil.copy(_db(), own)
    monkeypatch.setenv("BUURTMONITOR_DB", str(own))
    before = hashlib.sha256(own.read_bytes()).hexdigest()
    lezer = access.User("w.jansen@woonstichting.example",
                        frozenset({"organisatie:woonstichting-voorbeeld-fictief"}), logged_in=True)
    content = (ROW + "BU02020100,onveilig_buurt,2025,23.5,112,16.6,32.1,gemeentelijke_enquete\n")
    checked = uploads.check("enquete.csv", content.encode(), {}, user=lezer)
    result, error = uploads.commit("enquete.csv", content.encode(), {}, user=lezer)
    assert checked.preview is None and checked.error == error
    assert result is None and error.startswith("Alleen een beheerder mag gegevens laden")
    assert hashlib.sha256(own.read_bytes()).hexdigest() == before


def test_a_load_from_the_command_line_records_the_account_that_ran_it(tmp_path) -> None:
    from data_loaders.__main__ import main

    own = tmp_path / "eigen.duckdb"
    shutil.copy(_db(), own)
    data = tmp_path / "enquete.csv"
    data.write_text(ROW + "BU02020100,onveilig_buurt,2025,23.5,112,16.6,32.1,"
                          "gemeentelijke_enquete\n", encoding="utf-8")
    assert main(["load", str(data), "--db", str(own)]) == 0
    assert sql(own, "SELECT by_user, how FROM loads ORDER BY id DESC LIMIT 1")[0] == (
        access.os_user(), "cli")


def test_an_expired_login_says_so_in_dutch_and_gives_no_confidential_data(roles) -> None:
    user = claims("w.jansen@woonstichting.example", "organisatie:woonstichting-voorbeeld-fictief",
                  exp=int(time.time()) - 60)
    at = run_as("corporaties", user, organisatie=WOONSTICHTING)
    assert any(text.startswith("Uw inlog is verlopen. Log opnieuw in")
               for text in texts(at, "warning"))
    assert not at.metric
    assert "Inloggen" in [b.label for b in at.button]


def test_a_visitor_who_is_not_logged_in_sees_public_data_a_login_button_and_why_it_may_have_failed(
        roles) -> None:
    at = run_as("corporaties", {"is_logged_in": False}, organisatie=WOONSTICHTING)
    assert not at.metric
    assert "Inloggen" in [b.label for b in at.button]
    assert any("Werd het inloggen geweigerd of is het verlopen?" in c for c in texts(at, "caption"))


def test_a_logged_in_user_can_log_out(roles) -> None:
    at = run_as("overzicht", claims("w.jansen@woonstichting.example"))
    logout = next(b for b in at.button if b.label == "Uitloggen")
    logout.click().run()
    assert not at.exception
    assert at.user == {"is_logged_in": False}
    assert "Inloggen" in [b.label for b in at.button]


def test_when_login_is_required_a_visitor_sees_only_the_login_screen(roles) -> None:
    roles.write_text("[instellingen]\ninloggen_verplicht = true\n", encoding="utf-8")
    at = run_as("overzicht", {"is_logged_in": False})
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not at.get("dataframe") and not at.get("metric") and not at.sidebar.selectbox
    assert any("Log in met het account van uw organisatie" in text for text in texts(at, "info"))


def test_a_broken_role_file_says_what_to_fix_and_shows_only_public_data(roles) -> None:
    roles.write_text('[groepen]\n"ICT" = ["admin"]\n', encoding="utf-8")
    at = run_as("corporaties", claims("y@arnhem.example", "gemeente:GM0202"),
                organisatie=WOONSTICHTING)
    warning = next(text for text in texts(at, "warning") if "rollen konden niet" in text)
    assert "onbekende rol 'admin'" in warning
    assert not at.metric


def test_a_shared_link_carries_no_rights(roles, monkeypatch) -> None:
    # The same address, opened by two people: each sees what they may see.
    record_downloads(monkeypatch)
    params = {"organisatie": WOONSTICHTING}
    own = run_as("corporaties", claims("w@w.example", "organisatie:woonstichting-voorbeeld-fictief"),
                 **params)
    other = run_as("corporaties", claims("d@d.example", "organisatie:corporatie-demohuis-fictief"),
                   **params)
    assert own.metric and not other.metric
    own_files = seen(own).downloads
    assert any(WOONSTICHTING in download_text(n, d) for n, d in own_files.items())


def test_a_beheerder_sees_the_role_mapping_and_the_role_of_each_organisation(roles) -> None:
    roles.write_text('[gebruikers]\n"beheer@gemeente.example" = ["beheerder"]\n'
                     '[groepen]\n"Medewerkers Demohuis" = ["organisatie:corporatie-demohuis-fictief"]\n',
                     encoding="utf-8")
    at = run_as("data", claims("beheer@gemeente.example"))
    frames = [frame.value for frame in at.dataframe]
    mapping = next(frame for frame in frames if "Wie" in frame.columns)
    assert mapping.values.tolist() == [
        ["gebruiker", "beheer@gemeente.example", "beheerder"],
        ["groep", "Medewerkers Demohuis", "organisatie:corporatie-demohuis-fictief"]]
    keys = next(frame for frame in frames if "Rol" in frame.columns)
    assert dict(keys.values.tolist())[WOONSTICHTING] == (
        "organisatie:woonstichting-voorbeeld-fictief")
