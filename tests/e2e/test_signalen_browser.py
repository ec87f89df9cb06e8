"""In a browser: a signal recorded on the Signalen page shows on the buurt's profile."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, wait_for_run

pytestmark = pytest.mark.e2e
BUURT = "BU02020100"


def test_a_signal_recorded_in_the_browser_shows_on_the_profile(page, screenshots) -> None:
    open_page(page, f"/signalen?buurt={BUURT}")
    page.get_by_role("textbox", name="Uw naam of functie").fill("Wijkregisseur Oost")
    page.get_by_role("button", name="Naam bewaren").click()
    wait_for_run(page)
    assert page.get_by_text("U schrijft als Wijkregisseur Oost.").is_visible()
    page.get_by_role("tab", name="Nieuw signaal").click()
    page.get_by_role("textbox", name="Omschrijving").fill(
        "Meer klachten over zwerfvuil rond de containers aan de rand van het park")
    page.get_by_role("button", name="Signaal opslaan").click()
    wait_for_run(page)
    page.screenshot(path=screenshots / "signalen-nieuw.png", full_page=True)
    assert page.get_by_text("is opgeslagen").is_visible()
    page.get_by_role("tab", name="Lijst").click()
    page.wait_for_timeout(800)
    page.screenshot(path=screenshots / "signalen-lijst.png", full_page=True)
    page.get_by_role("tab", name="Opvolgen").click()
    page.wait_for_timeout(800)
    page.screenshot(path=screenshots / "signalen-opvolgen.png", full_page=True)

    open_page(page, f"/buurtprofiel?buurt={BUURT}", settle_ms=1500)
    heading = page.get_by_role("heading", name="Signalen uit de buurt")
    heading.scroll_into_view_if_needed()
    assert heading.is_visible()
    assert page.get_by_text("1 open en 0 recent afgeronde signalen").is_visible()
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "buurtprofiel-met-signaal.png")
