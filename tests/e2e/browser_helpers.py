"""Waiting for Streamlit in a browser: a run has finished when the app idles and is connected."""

from __future__ import annotations


def wait_for_run(page, settle_ms: int = 600) -> None:
    """Wait until Streamlit finished its run (the app idles and no status widget shows)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state]', state="attached")
    # A run may start a moment after a click or navigation; give it that moment first.
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.dataset.testScriptState === 'notRunning'
                && app.dataset.testConnectionState === 'CONNECTED'
                && !document.querySelector('[data-testid="stStatusWidget"]');
        }""",
        timeout=60_000,
    )
    page.wait_for_timeout(settle_ms)


def open_page(page, path: str, settle_ms: int = 600) -> None:
    page.goto(path)
    page.wait_for_selector('[data-testid="stSidebarNav"]')
    wait_for_run(page, settle_ms)
