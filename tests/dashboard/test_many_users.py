"""Many people at once: 20 browser sessions against one running app, each changing filters through
its address; none sees an exception and every page shows its title. Prints latency figures.

Starts `streamlit run` on 127.0.0.1 and drives headless Chromium with Playwright; skipped with the
reason when either is missing. Each session follows a short fixed route, so the test ends by itself.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SESSIONS = 20
TITLES = {"": "Overzicht", "kaart": "Kaart", "trends": "Trends", "vergelijken": "Vergelijken",
          "buurtprofiel": "Buurtprofiel", "data": "Over de data"}
# Each session's route: (page path, query string); sessions start at different points of the list.
ROUTES = [
    ("", "buurttype=achterstand"),
    ("kaart", "buurttype=midden&thema=veiligheid"),
    ("trends", "buurttype=voorstand&indicator=onveilig_buurt"),
    ("vergelijken", "gebieden=BU02020100,BU02020101,WK020203"),
    ("buurtprofiel", "buurt=BU02020100"),
    ("kaart", "niveau=wijk&thema=contact"),
    ("", "thema=participatie&buurttype=achterstand,midden"),
    ("trends", "thema=leefbaarheid&buurttype=midden"),
    ("data", ""),
]
# Each session changes filters until this many seconds have passed, and at least MIN_STEPS times.
DURATION = 20
MIN_STEPS = 2
WAIT_MS = 180_000  # generous: on two shared cores the other work on the machine decides
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(demo_db: Path):
    pytest.importorskip("playwright.async_api", reason="Playwright voor Python ontbreekt")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} ontbreekt; installeer chromium voor de browsertests")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "BUURTMONITOR_DB": str(demo_db)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("de app start niet: " + (server.stderr.read() if server.stderr else ""))
        time.sleep(0.3)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


async def _session(context, url: str, number: int, deadline: float, timings: list[float],
                   problems: list[str]) -> int:
    """One person: opens a page, then changes filters through the address; returns the steps.

    Every tab is a session of its own (its own websocket); the tabs share one browser profile only
    so that the app's scripts are parsed once, which keeps the browser's share of two cores small.
    """
    await asyncio.sleep(0.2 * number)  # people do not all click in the same millisecond
    page = await context.new_page()
    step = 0
    try:
        while step < MIN_STEPS or (time.monotonic() < deadline and step < len(ROUTES)):
            path, query = ROUTES[(number + step * 4) % len(ROUTES)]
            address = f"{url}/{path}" + (f"?{query}" if query else "")
            started = time.monotonic()
            await page.goto(address, wait_until="domcontentloaded", timeout=WAIT_MS)
            await page.wait_for_selector("h1", timeout=WAIT_MS)
            await page.wait_for_selector(
                '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=WAIT_MS)
            timings.append(time.monotonic() - started)
            step += 1
            if await page.locator('[data-testid="stException"]').count():
                text = await page.locator('[data-testid="stException"]').first.inner_text()
                problems.append(f"sessie {number}, {address}: {text[:300]}")
            title = (await page.locator("h1").first.inner_text()).strip()
            if TITLES[path] not in title:
                problems.append(f"sessie {number}, {address}: titel '{title}'")
    except Exception as exc:  # a timeout is a finding, reported with the others
        problems.append(f"sessie {number}: {type(exc).__name__}: {str(exc)[:300]}")
    finally:
        await page.close()
    return step


async def _many(url: str) -> tuple[list[int], list[float], list[str]]:
    from playwright.async_api import async_playwright

    timings: list[float] = []
    problems: list[str] = []
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = await browser.new_context(viewport={"width": 1000, "height": 700})
        deadline = time.monotonic() + DURATION
        try:
            steps = await asyncio.gather(*(_session(context, url, n, deadline, timings, problems)
                                           for n in range(SESSIONS)))
        finally:
            await browser.close()
    return list(steps), timings, problems


def test_twenty_sessions_changing_filters_at_once_see_no_exception(app_url):
    started = time.monotonic()
    steps, timings, problems = asyncio.run(_many(app_url))
    total = time.monotonic() - started
    assert not problems, "\n".join(problems)
    assert min(steps) >= MIN_STEPS, steps
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"\n{SESSIONS} sessies, {len(timings)} pagina's in {total:.1f} s: mediaan "
          f"{statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s per pagina")
