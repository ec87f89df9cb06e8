"""Time the app's pages against the benchmark database; run as a child process of `python -m bench`.

Every page is opened once (caches warm, as for a user who has the app open), then the buurttype
filter in the sidebar is changed `runs` times through Streamlit's AppTest; each rerun's server-side
time is recorded. The map page also reports the size of what it sends to the browser.
Prints one JSON object on stdout.
Usage: python -m bench.measure DB RUNS PAGE,PAGE,... NAME=GEMEENTE=BUURT,BUURT,...
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

from bench import ORGANISATION

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
PAGES = {
    "overzicht": "views/overzicht.py",
    "kaart": "views/kaart.py",
    "trends": "views/trends.py",
    "buurtprofiel": "views/buurtprofiel.py",
    "vergelijken": "views/vergelijken.py",
    "over_de_data": "views/over_de_data.py",
    "corporaties": "views/corporaties.py",
}
# The address of each page in the app (st.Page url_path; the overview is the default page, '').
URL_PATHS = {"overzicht": "", "over_de_data": "data"}
# The title each page shows first (in Dutch), to check that the measured page is the right one.
TITLES = {
    "overzicht": "Overzicht",
    "kaart": "Kaart",
    "trends": "Trends",
    "buurtprofiel": "Buurtprofiel",
    "vergelijken": "Vergelijken",
    "over_de_data": "Over de data",
    "corporaties": "Corporaties en uitgaven",
}


def open_page(at, page: str):
    """Open a page directly, as a shared link does, without running the overview first.

    AppTest.switch_page finds a page by its file name until the app has run once; a page with an
    address of its own (Over de data: /data) would silently open the default page instead.
    """
    from streamlit.util import calc_hash

    at.switch_page(PAGES[page])
    url = URL_PATHS.get(page, page)
    if url:
        at._page_hash = calc_hash(url)  # the hash st.Page gives its url_path
    return at.run()
# Filter changes cycle through these, as a user clicking through the sidebar would.
FILTERS = [
    ["achterstand"],
    ["achterstand", "midden"],
    ["voorstand"],
    ["achterstand", "midden", "voorstand"],
    ["midden"],
    ["midden", "voorstand"],
    ["achterstand", "voorstand"],
]


def deck_bytes(at) -> int:
    """What the map sent in the last run: a pydeck spec, or the map component's arguments
    (after a filter change only its colour classes: the shapes went with the first run)."""
    charts = at.get("deck_gl_json_chart")
    if charts:
        return len(charts[0].proto.json.encode("utf-8"))
    parts = at.get("component_instance")
    return len(parts[0].proto.json_args.encode("utf-8")) if parts else 0


def scan_components(at) -> None:
    """Scan the installed packages for Streamlit components before the clock starts.

    A real server does this once when it starts, before any user arrives (Runtime.__init__ in
    streamlit/runtime/runtime.py calls discover_and_register_components); AppTest does it in its
    first run instead (AppTest._run in streamlit/testing/v1/app_test.py, skipped when its
    _bidi_component_manager is already set), so without this every page's first opening counted
    about 0,1 s of server start-up.
    """
    from streamlit.components.v2.component_manager import BidiComponentManager

    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    at._bidi_component_manager = manager


def filter_box(at):
    """The sidebar's buurttype filter. A filter change on the kaart page reruns only its map part
    (a fragment), and AppTest's tree then holds only that part: a full run without a change, not
    timed, draws the sidebar again, as the browser still shows it."""
    try:
        return at.multiselect(key="w_buurttype")
    except KeyError:
        at.run()
        return at.multiselect(key="w_buurttype")


def page_times(page: str, params: dict[str, str], runs: int) -> dict:
    if page not in PAGES:
        return {}
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=600)
    for key, value in params.items():
        at.query_params[key] = value
    scan_components(at)
    # What the server started by 'make run' (python -m dashboard.serve) imports before anyone
    # arrives; nothing else (a test checks that pandas and the app are not imported sooner).
    from dashboard import serve

    serve.preload()
    start, start_cpu = time.perf_counter(), time.process_time()
    open_page(at, page)
    first, first_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    if at.exception:
        return {"error": f"{at.exception[0].message}: {at.exception[0].value}"[:300]}
    title = at.title[0].value if at.title else ""
    if not title.startswith(TITLES[page]):
        return {"error": f"verkeerde pagina gemeten: '{title}' in plaats van '{TITLES[page]}'"}
    times, cpu = [], []
    budget = float(os.environ.get("BENCH_BUDGET_S", "120"))
    for i in range(runs):
        if sum(times) > budget:
            break  # a page this slow gets fewer runs; the report says how many
        filter_box(at).set_value(FILTERS[i % len(FILTERS)])
        start, start_cpu = time.perf_counter(), time.process_time()
        at.run()
        times.append(time.perf_counter() - start)
        # CPU time of this process (the script thread does the work; AppTest's own thread
        # only waits): on a busy shared machine, wall time also counts waiting for a core.
        cpu.append(time.process_time() - start_cpu)
        if at.exception:
            return {"error": f"{at.exception[0].message}: {at.exception[0].value}"[:300]}
    # The first len(FILTERS) changes are each choice's first use (but the default, all three,
    # which the opening already drew); after that every choice has been seen once.
    first_use = [t for i, t in enumerate(times[:len(FILTERS)]) if len(FILTERS[i]) < 3]
    result = {"first_s": first, "first_cpu_s": first_cpu, "times_s": times, "cpu_s": cpu, "first_choice_s": first_use}
    if page == "kaart":
        result["payload_bytes"] = deck_bytes(at)
    return result


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM: reset when the process started, so not
    inherited from the parent that built the data set)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def map_build_times(gemeente: str, runs: int) -> dict:
    """The app's own map work for a filter change, like for like with baseline.rerun: the cached
    map rows, the filter, the colours and the deck JSON (no page, no widgets, no table)."""
    from dashboard import data, maps, tables
    from data_loaders import settings

    version = data.database_version()
    rule = str(data.rules(version, gemeente)["rule"].iloc[0])
    indicator, year = (
        "lbm_score",
        int(
            max(
                data.periods(version, gemeente)
                .set_index("indicator_id")
                .loc["lbm_score", "periods"]
            )
        ),
    )
    privacy = settings.privacy()
    times = []
    for i in range(runs + 1):
        buurttype = tuple(FILTERS[i % len(FILTERS)])
        start = time.perf_counter()
        geo, legend, note, heads = data.map_rows(
            version, gemeente, rule, privacy, indicator, "buurt", "waarde", None, year, None, "nl"
        )
        inside = data.in_filter(version, gemeente, rule, "buurt", buurttype)
        geo = geo.assign(in_filter=geo["area_code"].map(inside).fillna(False).astype(bool))
        breaks = maps.class_breaks(geo.loc[geo["in_filter"], "shown"], legend.diverging)
        colours = maps.palette("hoger_beter", len(breaks) + 1, True)
        text = maps.choropleth(
            geo, breaks=breaks, colours=colours, heads=heads, note=note
        ).to_json()
        if i:  # the first call fills the cache, as the page's first opening does
            times.append(time.perf_counter() - start)
    assert tables is not None and text
    return {"times_s": times, "bytes": len(text.encode("utf-8"))}


def briefing_time(db: Path, gemeente: str, runs: int = 5) -> dict:
    """Time the briefing PDF for a whole gemeente: the first call (Typst and caches cold) and the
    median of the following ones, each from the database file to PDF bytes."""
    from dashboard import briefing

    brief = briefing.Brief(gemeente=gemeente, nulmeting=2014)
    times, size = [], 0
    try:
        for _ in range(max(2, runs)):
            start = time.perf_counter()
            pdf = briefing.generate_pdf(db, brief)
            times.append(time.perf_counter() - start)
            size = len(pdf)
    except Exception as exc:  # noqa: BLE001 - report, do not crash the benchmark
        return {"available": True, "error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    return {"available": True, "first_s": times[0], "seconds": statistics.median(times[1:]),
            "runs": len(times) - 1, "bytes": size}


def main(argv: list[str]) -> None:
    db, runs, pages, scopes = Path(argv[0]), int(argv[1]), argv[2].split(","), argv[3:]
    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" noise
    os.environ["BUURTMONITOR_DB"] = str(db)
    os.environ["BUURTMONITOR_TOON_VERTROUWELIJK"] = "1"  # the spending on the Corporaties page
    out: dict = {"pages": {}}
    for scope in scopes:
        name, gemeente, buurten = scope.split("=", 2)[0], *scope.split("=", 2)[1:]
        codes = buurten.split(",")
        params = {
            "gemeente": gemeente,
            "niveau": "buurt",
            "buurt": codes[0],
            "gebieden": ",".join(codes[:3]),
        }
        # Corporaties: the benchmark's corporation, whose (confidential) spending this local
        # user may see (BUURTMONITOR_TOON_VERTROUWELIJK, set below).
        corporation = {"organisatie": ORGANISATION}
        out["pages"][name] = {
            page: page_times(page, {**params, **(corporation if page == "corporaties" else {})},
                             runs)
            for page in pages if page in PAGES
        }
    if "kaartopbouw" in pages:
        out["map_build"] = {
            name: map_build_times(scope.split("=")[1], runs)
            for scope in scopes
            for name in [scope.split("=")[0]]
        }
    if "briefing" in pages:
        out["briefing"] = briefing_time(db, scopes[-1].split("=")[1], runs=min(runs, 5))
    out["peak_rss_mb"] = peak_rss_mb()
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
