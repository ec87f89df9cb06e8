"""The language switch in a browser: the page menu follows on the same click, and the words that
Streamlit writes inside an upload box are Dutch in the Dutch interface (issue 20)."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, wait_for_run

pytestmark = pytest.mark.e2e


def _menu(page) -> list[str]:
    links = page.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    return [text.split("\n")[-1].strip() for text in links.all_inner_texts()]


def test_the_page_menu_changes_language_on_the_same_click(page) -> None:
    open_page(page, "/kaart")
    assert _menu(page)[:3] == ["Overzicht", "Kaart", "Buurtprofiel"]
    page.get_by_text("English", exact=True).click()
    wait_for_run(page)
    assert _menu(page)[:3] == ["Overview", "Map", "Neighbourhood profile"]
    assert page.locator("h1").first.inner_text().startswith("Map")
    page.get_by_text("Nederlands", exact=True).click()
    wait_for_run(page)
    assert _menu(page)[:3] == ["Overzicht", "Kaart", "Buurtprofiel"]


def _upload_words(page) -> tuple[str, str, str]:
    """What the upload box shows: its instruction text (Streamlit's own, or the replacement drawn
    after it) and its button text."""
    return page.evaluate("""() => {
        const box = document.querySelector('[data-testid="stFileUploaderDropzone"]');
        const own = box.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
        const holder = box.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] > div');
        const label = box.querySelector('button [data-testid="stMarkdownContainer"]');
        const visible = getComputedStyle(own).display !== 'none' ? own.innerText : '';
        const after = getComputedStyle(holder, '::after').content;
        const button = getComputedStyle(label.querySelector('p')).display !== 'none'
            ? label.innerText : getComputedStyle(label, '::after').content;
        return [visible, after, button];
    }""")


def test_the_upload_box_reads_dutch_in_the_dutch_interface(page) -> None:
    open_page(page, "/data")
    page.locator('[data-testid="stFileUploaderDropzone"]').wait_for()
    visible, after, button = _upload_words(page)
    assert visible == ""  # Streamlit's '200MB per file' is not shown
    assert "Maximaal 200 MB per bestand" in after
    assert "Bestanden kiezen" in button
    open_page(page, "/data?taal=en")
    page.locator('[data-testid="stFileUploaderDropzone"]').wait_for()
    visible, after, button = _upload_words(page)
    assert "200MB per file" in visible
    assert "Upload" in button
