"""Logging in through a real OpenID Connect provider in a real browser: each role sees what is
theirs on the page and in every download, only a beheerder loads data, and the load log names them.

The provider is oidc-provider-mock (PyPI) on 127.0.0.1; the app runs under `streamlit run` with
an [auth] section in a secrets file of the test's own. The browser opens the app as localhost,
the host name of redirect_uri (the login cookie belongs to that name).
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pypdf
import pytest
from browser_helpers import wait_for_run

pytestmark = pytest.mark.e2e

OVERLAP_BUURT = "BU02021053"  # Geitenkamp: spending of every organisation
WOONSTICHTING = "Woonstichting Voorbeeld (fictief)"
DEMOHUIS = "Corporatie Demohuis (fictief)"
MARKERS = {WOONSTICHTING: "zegelwoonstichting", DEMOHUIS: "zegeldemohuis"}
USERS = [  # (sub, e-mail, groups claim)
    ("woonstichting", "w.jansen@woonstichting.example",
     ["organisatie:woonstichting-voorbeeld-fictief"]),
    ("beheer", "beheer@gemeente.example", []),  # beheerder through the role mapping file
    ("utrecht", "medewerker@utrecht.example", ["gemeente:GM0344"]),
]
ROOT = Path(__file__).resolve().parents[2]
VIEWPORT = {"width": 1400, "height": 1000}
ROLE_FILE = '[gebruikers]\n"beheer@gemeente.example" = ["beheerder"]\n'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} startte niet:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.3)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """oidc-provider-mock on 127.0.0.1 with the test's users and their claims."""
    port = _free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    claims = [json.dumps({"sub": sub, "email": email, "groups": groups})
              for sub, email, groups in USERS]
    args = [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)]
    for claim in claims:
        args += ["--user-claims", claim]
    with log.open("wb") as out:
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/.well-known/openid-configuration", process, log, "De OIDC-provider")
        yield url
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def login_app(demo_db: Path, provider: str, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[str]:
    """The app with login configured, on its own copy of the demo database whose confidential
    spending carries a marker per organisation (in its categories)."""
    import duckdb

    folder = tmp_path_factory.mktemp("login-app")
    database = folder / "demo.duckdb"
    database.write_bytes(demo_db.read_bytes())
    con = duckdb.connect(str(database))
    for name, marker in MARKERS.items():
        con.execute("UPDATE spending SET category = category || ' ' || ? WHERE organisation = ?",
                    [marker, name])
    con.close()
    port = _free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        'cookie_secret = "een-test-geheim-van-minstens-tweeendertig-tekens-lang"\n'
        'client_id = "buurtmonitor"\nclient_secret = "test"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    roles = folder / "rollen.toml"
    roles.write_text(ROLE_FILE, encoding="utf-8")
    env = {**os.environ, "BUURTMONITOR_DB": str(database), "BUURTMONITOR_ROLLEN": str(roles),
           "PYTHONPATH": str(ROOT)}
    env.pop("BUURTMONITOR_TOON_VERTROUWELIJK", None)
    log = folder / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--secrets.files", str(secrets)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health", process, log, "De app")
        yield f"http://localhost:{port}"
    finally:
        _stop(process)


@pytest.fixture()
def tab(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def open_app(tab, url: str) -> None:
    tab.goto(url)
    tab.wait_for_selector('[data-testid="stSidebarNav"]')
    # The page's title: its run has begun (a fresh session may connect a moment later).
    tab.wait_for_selector('[data-testid="stMain"] h1')
    wait_for_run(tab)


def log_in(tab, app: str, sub: str) -> None:
    """Log in as `sub` through the provider's form, and back in the app."""
    open_app(tab, app)
    tab.get_by_role("button", name="Inloggen").click()
    tab.wait_for_selector('input[name="sub"]')
    tab.fill('input[name="sub"]', sub)
    tab.get_by_role("button", name="Authorize").click()
    tab.wait_for_url(re.compile(re.escape(app)))
    tab.wait_for_selector('[data-testid="stSidebarNav"]')
    wait_for_run(tab)


def sidebar_text(tab) -> str:
    return tab.locator('[data-testid="stSidebar"]').inner_text()


def main_text(tab) -> str:
    return tab.locator('[data-testid="stMain"]').inner_text()


def downloads(tab, name: str | re.Pattern = re.compile("Download (CSV|Excel)")) -> dict[str, str]:
    """The text of every file the page offers under buttons named `name` (CSV, XLSX, PDF), by
    file name."""
    texts = {}
    buttons = tab.get_by_role("button", name=name)
    buttons.first.wait_for()
    for i in range(buttons.count()):
        with tab.expect_download(timeout=90_000) as info:
            buttons.nth(i).click()
        data = Path(info.value.path()).read_bytes()
        wait_for_run(tab, settle_ms=200)  # a download click reruns the page: its files renew
        if data.startswith(b"%PDF"):
            text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
        elif data.startswith(b"PK"):
            book = openpyxl.load_workbook(io.BytesIO(data))
            text = "\n".join(";".join(str(v) for v in row if v is not None)
                             for sheet in book.worksheets
                             for row in sheet.iter_rows(values_only=True))
        else:
            text = data.decode("utf-8-sig")
        texts[f"{i}:{info.value.suggested_filename}"] = text
    assert texts, f"geen downloads onder {name}"
    return texts


def leaked(files: dict[str, str], marker: str) -> list[str]:
    """The files that hold `marker`."""
    return [name for name, text in files.items() if marker in text]


def test_without_login_configured_the_app_says_it_runs_in_local_mode(page, app_url) -> None:
    open_app(page, app_url)
    text = sidebar_text(page)
    assert "Geen inlog ingesteld" in text and "BUURTMONITOR_TOON_VERTROUWELIJK=1" in text
    assert page.get_by_role("button", name="Inloggen").count() == 0


def test_a_corporation_user_sees_its_own_spending_and_not_another_corporations(
        tab, login_app) -> None:
    log_in(tab, login_app, "woonstichting")
    assert "Ingelogd als w.jansen@woonstichting.example" in sidebar_text(tab)
    open_app(tab, f"{login_app}/corporaties?organisatie={WOONSTICHTING}&buurt={OVERLAP_BUURT}")
    assert "Uitgaven 2024" in main_text(tab)
    files = downloads(tab)
    assert leaked(files, MARKERS[WOONSTICHTING]) and not leaked(files, MARKERS[DEMOHUIS])
    assert any(name.endswith(".csv") for name in files) and any(
        name.endswith(".xlsx") for name in files)
    open_app(tab, f"{login_app}/corporaties?organisatie={DEMOHUIS}")
    text = main_text(tab)
    assert f"Van {DEMOHUIS} zijn geen uitgaven geladen die u mag zien." in text
    assert "Uitgaven 2024" not in text
    assert not leaked(downloads(tab), MARKERS[DEMOHUIS])
    open_app(tab, f"{login_app}/briefing?buurt={OVERLAP_BUURT}")
    pdf = downloads(tab, re.compile("PDF"))
    assert [name for name in pdf if name.endswith(".pdf")]
    assert not leaked(pdf, MARKERS[DEMOHUIS]), {n: t[:300] for n, t in pdf.items()}
    open_app(tab, f"{login_app}/data")
    assert tab.locator('[data-testid="stFileUploader"]').count() == 0
    assert "alleen voor beheerders" in main_text(tab)


def test_a_beheerder_uploads_a_file_and_the_load_log_names_them(tab, login_app, tmp_path) -> None:
    log_in(tab, login_app, "beheer")
    assert "Rollen: beheerder" in sidebar_text(tab)
    open_app(tab, f"{login_app}/data")
    upload = tmp_path / "enquete_2025.csv"
    upload.write_text("gebiedscode,indicator,jaar,waarde,n,ondergrens,bovengrens,bron\n"
                      "BU02020100,onveilig_buurt,2025,23.5,112,16.6,32.1,gemeentelijke_enquete\n",
                      encoding="utf-8")
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
    tab.get_by_role("button", name="Laden", exact=True).wait_for()
    wait_for_run(tab)
    tab.get_by_role("button", name="Laden", exact=True).click()
    tab.get_by_text("enquete_2025.csv is geladen").wait_for(timeout=60_000)
    open_app(tab, f"{login_app}/data")
    files = downloads(tab, "Download CSV")
    log = "\n".join(files.values())
    line = next((row for row in log.splitlines() if "enquete_2025.csv" in row),
                str({n: t[:900] for n, t in files.items() if "laadlog" in n}))
    assert "beheer@gemeente.example" in line and "upload" in line


def test_a_user_of_another_gemeente_sees_no_confidential_row_of_this_one(tab, login_app) -> None:
    log_in(tab, login_app, "utrecht")
    assert "Rollen: gemeente:GM0344" in sidebar_text(tab)
    for organisation in MARKERS:
        open_app(tab, f"{login_app}/corporaties?organisatie={organisation}")
        assert "Uitgaven zijn vertrouwelijk." in main_text(tab)
        files = downloads(tab)
        assert not any(leaked(files, marker) for marker in MARKERS.values())


def test_a_refused_login_leaves_the_visitor_with_public_data_and_a_plain_dutch_message(
        tab, login_app) -> None:
    open_app(tab, login_app)
    tab.get_by_role("button", name="Inloggen").click()
    tab.get_by_role("button", name="Deny").click()
    tab.wait_for_url(re.compile(re.escape(login_app)))
    tab.wait_for_selector('[data-testid="stSidebarNav"]')
    wait_for_run(tab)
    text = sidebar_text(tab)
    assert "Niet ingelogd" in text and "Werd het inloggen geweigerd" in text


def test_logging_out_ends_the_session_in_the_app(tab, login_app) -> None:
    log_in(tab, login_app, "woonstichting")
    tab.get_by_role("button", name="Uitloggen").click()
    # The provider ends its session on a page of its own, then sends the browser back.
    tab.get_by_role("button", name="End session").click()
    tab.wait_for_url(re.compile(re.escape(login_app)))
    open_app(tab, f"{login_app}/corporaties?organisatie={WOONSTICHTING}")
    assert "Niet ingelogd" in sidebar_text(tab)
    assert "Uitgaven 2024" not in main_text(tab)
