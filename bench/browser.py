"""The browser side of `make bench`: what a user waits for, against two baseline apps.

Playwright drives the system Chromium (no GPU: software WebGL) against this app and the two
baselines in bench/apps/ (pydeck, folium), each under `streamlit run` on the benchmark database,
for one gemeente and for the whole country, all servers up at once and the apps measured in
turns (a shared machine's load changes by the minute). Measured: first paint cold and warm, a
buurttype filter change to a stable redrawn map (new and repeated choices), bytes and websocket
messages per change, JS heap after garbage collection; and, as the floor under every Streamlit
app, an empty page's warm first paint and filter change. Requests that leave the machine are refused, as
offline. python -m bench.browser [--hergebruik] prints the table; results in var/bench/browser.json.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 1000}
TYPES = ("achterstand", "midden", "voorstand")
# One click each, from all three types: six new choices, then the same ones again.
STEPS = [("remove", "voorstand"), ("remove", "midden"), ("add", "voorstand"),
         ("remove", "achterstand"), ("add", "midden"), ("add", "achterstand"),
         ("remove", "voorstand"), ("remove", "midden"), ("add", "voorstand")]


class App:
    """One app under test: its script, port, page address and how its widgets are labelled."""

    def __init__(self, name: str, script: str, port: int, path: str, labels: dict[str, str],
                 map_selector: str, drawn_in_frame: str | None = None) -> None:
        self.name, self.script, self.port, self.path = name, script, port, path
        self.labels, self.map_selector = labels, map_selector
        # A map in a frame: what shows, inside the frame, that it has drawn (first paint).
        self.drawn_in_frame = drawn_in_frame

    def url(self, gemeente: str) -> str:
        return f"http://127.0.0.1:{self.port}{self.path.format(gemeente=gemeente)}"


APP_LABELS = {"achterstand": "achterstandsbuurten", "midden": "middenstandsbuurten",
              "voorstand": "voorstandsbuurten"}
APPS = [
    App("deze app", "dashboard/app.py", 8513,
        "/kaart?gemeente={gemeente}&indicator=lbm_score&thema=leefbaarheid"
        "&regel=inkomen_gemeente_kwintiel",
        APP_LABELS, '[data-testid="stMain"] iframe, [data-testid="stDeckGlJsonChart"] canvas',
        "body[data-drawn]"),
    App("pydeck-basislijn", "bench/apps/pydeck_app.py", 8523, "/?gemeente={gemeente}",
        {t: t for t in TYPES}, '[data-testid="stDeckGlJsonChart"] canvas'),
    App("folium-basislijn", "bench/apps/folium_app.py", 8533, "/?gemeente={gemeente}",
        {t: t for t in TYPES}, '[data-testid="stMain"] iframe',
        ".leaflet-overlay-pane canvas, .leaflet-overlay-pane path"),
]

# Logged in every page from its start: each animation frame and the last change to the page.
# A busy main thread or rasteriser delays frames; a run that rebuilds the page changes it. A
# change inside a frame of the page's own origin (a map in a component frame redrawn after the
# page around it settled) counts as a change to the page, in the page's clock: observed in the
# top document alone, a map frame's redraw 1-25 ms after the last change around it went
# unmeasured (issue 22).
LOGGER = """(() => {
  if (window !== window.top) {
    let top = null;
    try { top = window.top; void top.performance; } catch (e) { return; }  // another origin
    const shift = performance.timeOrigin - top.performance.timeOrigin;
    // Held by the frame's window, and observed again once its document has loaded: observed
    // only from the start, a frame's changes never reached the page.
    window.__observer = new MutationObserver(() => {
      top.__changed = Math.max(top.__changed || 0, performance.now() + shift);
    });
    const start = () => window.__observer.observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true });
    start();
    addEventListener("DOMContentLoaded", start);
    return;
  }
  window.__frames = []; window.__changed = 0;
  const tick = (ts) => {
    window.__frames.push(ts);
    if (window.__frames.length > 6000) window.__frames.splice(0, 3000);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver(() => { window.__changed = performance.now(); }).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true });
})();"""
# Waits for 10 frames in a row less than 50 ms apart, then answers when drawing settled after
# t0: the end of the last slow frame or the last change to the page, whichever came later.
SETTLED = """async (t0) => {
  const frame = () => new Promise(r => requestAnimationFrame(r));
  let last = await frame(), calm = 0;
  while (calm < 10) {
    const now = await frame();
    calm = now - last < 50 ? calm + 1 : 0;
    last = now;
  }
  const f = window.__frames;
  let end = t0;
  for (let i = 1; i < f.length; i++) if (f[i] > t0 && f[i] - f[i - 1] > 50) end = f[i];
  return Math.max(end, window.__changed > t0 ? window.__changed : t0);
}"""
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.dataset.testScriptState === 'notRunning'
      && app.dataset.testConnectionState === 'CONNECTED'
      && !document.querySelector('[data-testid="stStatusWidget"]');
}"""


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextmanager
def served(app: App, db: Path):
    """The app under `streamlit run` (this app: python -m dashboard.serve) on its own port,
    stopped afterwards."""
    if healthy(app.port):  # another server there would be measured instead
        raise SystemExit(f"Poort {app.port} is al in gebruik: stop wat daar draait.")
    env = {**os.environ, "BUURTMONITOR_DB": str(db), "PYTHONPATH": str(ROOT),
           "BUURTMONITOR_WERKDB": str(OUT / "werkdb-browser.sqlite")}
    log = (OUT / f"server-{app.port}.log").open("wb")
    # This app as 'make run' starts it (its pages' imports done before the server starts).
    start = (["-m", "dashboard.serve"] if app.script == "dashboard/app.py"
             else ["-m", "streamlit", "run", app.script])
    process = subprocess.Popen(
        [sys.executable, *start, "--server.address", "127.0.0.1",
         "--server.port", str(app.port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while not healthy(app.port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{app.name} startte niet; zie {log.name}")
            time.sleep(0.3)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


class Wire:
    """Websocket frames the page receives (Chrome DevTools Protocol), counted per interval."""

    def __init__(self, page) -> None:
        self.frames: list[int] = []
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.on("Network.webSocketFrameReceived", self._received)

    def _received(self, event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        # Binary frames (Streamlit's protobuf messages) arrive base64-encoded.
        size = len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())
        self.frames.append(size)

    def mark(self) -> int:
        return len(self.frames)

    def since(self, mark: int) -> tuple[int, int]:
        return sum(self.frames[mark:]), len(self.frames) - mark

    def heap_mb(self) -> float:
        self.cdp.send("HeapProfiler.enable")
        self.cdp.send("HeapProfiler.collectGarbage")
        return self.cdp.send("Runtime.getHeapUsage")["usedSize"] / 1e6


def _outside(route) -> None:
    """Leaflet from a CDN (the folium baseline asks for it) is served from the local copy, as
    an offline site would host it: without it that map does not draw at all. Its other
    scripts and styles (jQuery, Bootstrap, which its map does not use) arrive empty, since a
    failed one stops the rest from loading. Everything else is refused."""
    from dashboard import map_component  # Leaflet from its installed package, as the app has it

    name = route.request.url.split("?")[0].rsplit("/", 1)[-1]
    kind = "text/css" if name.endswith(".css") else "application/javascript"
    if name in map_component.LEAFLET_FILES:
        route.fulfill(status=200, content_type=kind, body=map_component.leaflet_file(name))
    elif name.endswith((".js", ".css")):
        route.fulfill(status=200, content_type=kind, body=b"")
    else:
        route.abort()


def offline(context) -> None:
    """Refuse every request that leaves the machine (tiles, CDNs), as on an offline desktop;
    and log frames and page changes from the start (LOGGER)."""
    context.route(lambda url: not url.startswith("http://127.0.0.1"), _outside)
    context.add_init_script(LOGGER)


def settle(page, app: App, t0: float = 0.0, timeout_ms: int = 180_000) -> float:
    """Wait for the map and a finished run, then for drawing to settle; the page time at which
    it settled (after t0, a page time)."""
    found = page.wait_for_selector(f'{app.map_selector}, [data-testid="stException"]',
                                   state="attached", timeout=timeout_ms)
    if found.get_attribute("data-testid") == "stException":
        raise SystemExit(f"{app.name}: fout op de pagina: {found.inner_text()[:300]}")
    if app.drawn_in_frame and found.evaluate("e => e.tagName") == "IFRAME":
        page.frame_locator('[data-testid="stMain"] iframe').first.locator(
            app.drawn_in_frame).first.wait_for(state="attached", timeout=timeout_ms)
    page.wait_for_timeout(150)  # a run may start a moment after the click
    page.wait_for_function(IDLE, timeout=timeout_ms, polling=20)
    return page.evaluate(SETTLED, t0)


def first_paint(browser, app: App, gemeente: str) -> float:
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    offline(context)
    try:
        page = context.new_page()
        page.goto(app.url(gemeente), timeout=180_000)
        return settle(page, app) / 1000  # page time counts from the navigation's start
    finally:
        context.close()


def multiselect(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first


def click_step(page, app: App, action: str, kind: str) -> None:
    label = app.labels[kind]
    box = multiselect(page)
    if action == "remove":
        box.locator("[data-tag]", has_text=label).get_by_role("button").click()
    else:
        box.locator("input").click()
        page.get_by_role("option", name=label, exact=True).click()
        page.keyboard.press("Escape")


class Session:
    """One app's page, kept open through the filter changes of STEPS."""

    def __init__(self, browser, app: App, gemeente: str) -> None:
        self.app, self.out, self.seen, self.chosen = app, [], set(), set(TYPES)
        self.context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
        offline(self.context)
        self.page = self.context.new_page()
        self.page.goto(app.url(gemeente), timeout=180_000)
        settle(self.page, app)
        self.wire = Wire(self.page)
        self.page.evaluate("() => addEventListener('mousedown', () => { window.__t0 = "
                           "performance.now(); }, true)")

    def step(self, action: str, kind: str) -> None:
        """One change: seconds from the click to a settled page, bytes and messages."""
        page, wire = self.page, self.wire
        page.bring_to_front()
        self.chosen = (self.chosen - {kind} if action == "remove"
                          else self.chosen | {kind})
        key = tuple(sorted(self.chosen))
        mark = wire.mark()
        click_step(page, self.app, action, kind)
        # The run has begun once the server answers: before that the page looks idle.
        deadline = time.monotonic() + 60
        while wire.mark() == mark and time.monotonic() < deadline:
            page.wait_for_timeout(10)
        start = page.evaluate("() => window.__t0")
        end = settle(page, self.app, start)
        size, messages = wire.since(mark)
        self.out.append({"s": (end - start) / 1000, "bytes": size, "messages": messages,
                         "repeat": key in self.seen})
        self.seen.add(key)


def changes(browser, apps: list[App], gemeente: str) -> dict[str, dict]:
    """The filter changes of STEPS, each change made in every app in turn (so that they share
    the machine's load of that moment); per app its changes and the JS heap after them."""
    sessions = []
    try:
        for app in apps:
            sessions.append(Session(browser, app, gemeente))
        for action, kind in STEPS:
            for session in sessions:
                session.step(action, kind)
        return {s.app.name: {"changes": s.out, "heap_mb": s.wire.heap_mb()} for s in sessions}
    finally:
        for session in sessions:
            session.context.close()


# The floor under every Streamlit app: a page with a title and the same filter, nothing else.
EMPTY = App("lege Streamlit-pagina", "bench/apps/empty_app.py", 8543, "/", {t: t for t in TYPES},
            "h1")


def measure(apps: list[App], db: Path, scopes: dict[str, str], warm_runs: int = 3) -> dict:
    """Every app under its own server at once, measured in turns: first paints app after app,
    then each filter change in every app before the next. The machine's load changes from
    minute to minute (2 cores, shared): measured one app after the other, a ratio between two
    apps said more about the load than about the apps."""
    from contextlib import ExitStack

    from playwright.sync_api import sync_playwright

    result: dict = {app.name: {} for app in apps}
    floor: list[float] = []
    floor_change = None
    with ExitStack() as stack:
        for app in [*apps, EMPTY]:
            stack.enter_context(served(app, db))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for scope, gemeente in scopes.items():
                cold = {app.name: first_paint(browser, app, gemeente) for app in apps}
                warm: dict[str, list[float]] = {app.name: [] for app in apps}
                for _ in range(warm_runs):
                    for app in apps:
                        warm[app.name].append(first_paint(browser, app, gemeente))
                    if scope == "gemeente":
                        floor.append(first_paint(browser, EMPTY, ""))
                both = changes(browser, [*apps, EMPTY] if scope == "gemeente" else apps, gemeente)
                if EMPTY.name in both:
                    floor_change = statistics.median(
                        c["s"] for c in both.pop(EMPTY.name)["changes"])
                for name, measured in both.items():
                    result[name][scope] = {"cold_s": cold[name],
                                           "warm_s": statistics.median(warm[name]), **measured}
                print(f"  {scope}: klaar", file=sys.stderr)
        finally:
            browser.close()
    return {"apps": result, "floor_warm_s": statistics.median(floor) if floor else None,
            "floor_change_s": floor_change}


def summarise(m: dict) -> dict:
    times = [c["s"] for c in m["changes"]]
    return {
        "warm_s": m["warm_s"], "cold_s": m["cold_s"],
        "change_median_s": statistics.median(times), "change_max_s": max(times),
        "change_new_s": statistics.median([c["s"] for c in m["changes"] if not c["repeat"]]),
        "change_repeat_s": statistics.median(
            [c["s"] for c in m["changes"] if c["repeat"]] or [float("nan")]),
        "bytes": statistics.median([c["bytes"] for c in m["changes"]]),
        "messages": statistics.median([c["messages"] for c in m["changes"]]),
        "heap_mb": m["heap_mb"],
    }


ROWS = [  # label, scope, key, unit, target as a factor of the faster baseline (or bytes)
    ("first paint, koud", "gemeente", "cold_s", "s", None),
    ("first paint, warm", "gemeente", "warm_s", "s", 0.6),
    ("filterwissel, mediaan", "gemeente", "change_median_s", "s", 0.6),
    ("filterwissel, max", "gemeente", "change_max_s", "s", None),
    ("bytes per filterwissel", "gemeente", "bytes", "B", None),
    ("websocketberichten per wissel", "gemeente", "messages", "", None),
    ("JS-heap na GC", "gemeente", "heap_mb", "MB", "pydeck"),
    ("first paint, koud", "nederland", "cold_s", "s", None),
    ("first paint, warm", "nederland", "warm_s", "s", None),
    ("filterwissel, mediaan", "nederland", "change_median_s", "s", 0.5),
    ("filterwissel, nieuw / herhaald", "nederland", "change_new_s", "s", None),
    ("filterwissel, max", "nederland", "change_max_s", "s", None),
    ("bytes per filterwissel", "nederland", "bytes", "B", 200_000),
    ("websocketberichten per wissel", "nederland", "messages", "", None),
    ("JS-heap na GC", "nederland", "heap_mb", "MB", "pydeck"),
]


def fmt(value: float, unit: str) -> str:
    if value != value:
        return "–"
    if unit == "B":
        text = f"{value / 1e6:.2f} MB" if value >= 1e6 else f"{value / 1e3:.0f} kB"
    elif unit == "s":
        text = f"{value:.2f} s"
    elif unit == "MB":
        text = f"{value:.0f} MB"
    else:
        text = f"{value:.0f}"
    return text.replace(".", ",")


def report(results: dict) -> str:
    names = [a.name for a in APPS]
    s = {n: {scope: summarise(m) for scope, m in results["apps"][n].items()} for n in names}
    ours, pydeck, folium = names
    lines = [
        f"Browsermeting (headless Chromium zonder GPU, software-WebGL; {results['machine']})",
        f"Gemeente {results['gemeente']} ({results['buurten_gemeente']} buurten) en Nederland "
        f"({results['buurten_nl']} buurten); {len(STEPS)} filterwisselingen per meting "
        "(6 nieuwe keuzes, 3 herhaald); belasting voor / na: "
        f"{results['load_before']} / {results['load_after']}",
        "",
        f"{'':<40}{ours:>12}{pydeck:>18}{folium:>18}{'÷pydeck':>9}{'÷folium':>9}  doel",
    ]
    for label, scope, key, unit, target in ROWS:
        if any(scope not in s[n] for n in names):  # that scope not measured (--gebied)
            continue
        mine, a, b = s[ours][scope][key], s[pydeck][scope][key], s[folium][scope][key]
        extra = ""
        if key == "change_new_s":
            extra = " / " + fmt(s[ours][scope]["change_repeat_s"], unit)
            a_text = fmt(a, unit) + " / " + fmt(s[pydeck][scope]["change_repeat_s"], unit)
            b_text = fmt(b, unit) + " / " + fmt(s[folium][scope]["change_repeat_s"], unit)
        else:
            a_text, b_text = fmt(a, unit), fmt(b, unit)
        ratio_a = f"{mine / a:.2f}x".replace(".", ",") if a else ""
        ratio_b = f"{mine / b:.2f}x".replace(".", ",") if b else ""
        goal = ""
        if isinstance(target, float):
            limit = target * min(a, b)
            goal = f"≤ {target:.1f}x snelste: {'GOED' if mine <= limit else 'FOUT'}".replace(
                ".", ",")
        elif target == "pydeck":
            goal = f"≤ pydeck: {'GOED' if mine <= a else 'FOUT'}"
        elif isinstance(target, int):
            goal = f"≤ {target // 1000} kB: {'GOED' if mine <= target else 'FOUT'}"
        name = f"{'NL' if scope == 'nederland' else results['gemeente']}: {label}"
        lines.append(f"{name:<40}{fmt(mine, unit) + extra:>12}{a_text:>18}{b_text:>18}"
                     f"{ratio_a:>9}{ratio_b:>9}  {goal}")
    if results.get("floor_warm_s"):
        lines.append(f"Ondergrens in dezelfde run, een lege Streamlit-pagina (titel en hetzelfde "
                     f"filter): eerste weergave warm {fmt(results['floor_warm_s'], 's')}, "
                     f"filterwissel mediaan {fmt(results.get('floor_change_s') or 0, 's')}")
    return "\n".join(lines)


def scopes_of(db: Path) -> tuple[dict[str, str], dict[str, int]]:
    from bench.__main__ import NATIONAL, largest_gemeente
    from bench.baseline import Baseline

    gemeente, buurten = largest_gemeente(db)
    areas = Baseline.read_areas(db)
    return ({"gemeente": gemeente, "nederland": NATIONAL},
            {"gemeente": len(buurten), "nederland": int((areas["level"] == "buurt").sum())})


def run(db: Path, only: list[str] | None = None, scope: str | None = None) -> dict:
    import platform

    scopes, counts = scopes_of(db)
    if scope:  # one scope measured again, the other kept from browser.json
        only = only or [a.name for a in APPS]
    previous = OUT / "browser.json"
    old = json.loads(previous.read_text()) if only and previous.is_file() else {"apps": {}}
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "gemeente": scopes["gemeente"], "buurten_gemeente": counts["gemeente"],
        "buurten_nl": counts["nederland"],
        "load_before": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "apps": old["apps"],
    }
    chosen = [app for app in APPS
              if not (only and app.name not in only and app.name in old["apps"])]
    measured = measure(chosen, db, {k: v for k, v in scopes.items() if not scope or k == scope})
    for name, per_scope in measured["apps"].items():
        results["apps"][name] = {**results["apps"].get(name, {}), **per_scope}
    for floor in ("floor_warm_s", "floor_change_s"):
        results[floor] = measured[floor] or old.get(floor)
    results["load_after"] = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    previous.write_text(json.dumps(results, indent=1))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--alleen", action="append",
                        help="meet alleen deze app opnieuw (de rest uit browser.json)")
    parser.add_argument("--gebied", choices=["gemeente", "nederland"],
                        help="meet alleen dit gebied opnieuw (het andere uit browser.json)")
    parser.add_argument("--poort", type=int,
                        help="eerste van vier vrije poorten voor de apps (standaard 8513 tot 8543)")
    args = parser.parse_args(argv)
    if args.poort:
        for i, app in enumerate([*APPS, EMPTY]):
            app.port = args.poort + i
    db = OUT / "bench.duckdb"
    if not db.is_file():
        raise SystemExit("De benchmarkdatabase ontbreekt: eerst `python -m bench`.")
    if not Path(CHROMIUM).exists():
        print("Chromium ontbreekt (/usr/bin/chromium): browsermeting overgeslagen.")
        return 0
    print(report(run(db, args.alleen, args.gebied)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
