"""`make bench`: build the national benchmark database, time the app against a baseline, report.

python -m bench [--schaal 1.0] [--runs 20] [--hergebruik] [--alleen-signalen] [--zonder-browser]

Writes var/bench/bench.duckdb (never the demo database) and var/bench/results.json, and prints a
table with every figure next to its target, then the browser measurement (bench/browser.py: this
app against two baseline apps in headless Chromium; var/bench/browser.json). --schaal below 1
keeps only part of the gemeenten (for a quick try); the targets are meant for the full national set.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import dataset, signals
from bench.baseline import Baseline
from bench.measure import FILTERS, PAGES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
NATIONAL = "NL"

TARGETS = {  # national buurt level
    "rerun_ms": 150.0,
    "payload_bytes": 3_000_000,
    "load_s": 20.0,
    "load_factor": 1.5,  # the load with its build-time aggregates against the load without
    "rss_mb": 800.0,
    "speedup": 10.0,
    "briefing_s": 3.0,  # the demo gemeente's briefing, database to PDF
    # A page's first opening on a cold server, and the first use of a filter choice (issue 21).
    "first_open_s": {"nederland": 2.0, "gemeente": 1.0},
    "first_choice_ms": 300.0,
}
DEMO_DB = OUT / "demo.duckdb"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def summary(times: list[float]) -> dict:
    return {
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": percentile(times, 0.95) * 1000,
        "runs": len(times),
    }


def largest_gemeente(db: Path) -> tuple[str, list[str]]:
    """The gemeente with the most buurten that have observations, and those buurten."""
    areas = Baseline.read_areas(db)
    buurten = areas[(areas["level"] == "buurt") & areas["has_data"]]
    counts = buurten.groupby("gemeente_code").size().sort_values(ascending=False)
    code = str(counts.index[0])
    return code, sorted(buurten.loc[buurten["gemeente_code"] == code, "code"])


def run_child(
    db: Path, runs: int, pages: list[str], scopes: dict[str, tuple[str, list[str]]], budget: float,
    werkdb: Path | None = None,
) -> dict:
    """App measurements in a child process of their own, so that its peak memory is its own.
    `werkdb`: the signal store the app opens (default: the one in the environment)."""
    args = [f"{name}={code}={','.join(buurten[:3])}" for name, (code, buurten) in scopes.items()]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_BUDGET_S": str(budget)}
    if werkdb is not None:
        env["BUURTMONITOR_WERKDB"] = str(werkdb)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.measure", str(db), str(runs), ",".join(pages), *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=err,
        )
        _, status, _ = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit("Meting van de app mislukt:\n" + err.read().decode()[-3000:])
        result = json.loads(out.read())
    return result  # with the child's own peak memory (peak_rss_mb)


def run_app(db: Path, runs: int, scopes: dict[str, tuple[str, list[str]]], budget: float) -> dict:
    """The national map on its own (its memory is the target), then every page in both scopes."""
    national = {"nederland": scopes["nederland"]}
    kaart = run_child(db, runs, ["kaart", "kaartopbouw"], national, budget)
    others = [p for p in PAGES if p != "kaart"]
    rest = run_child(db, runs, others, national, budget)
    local = run_child(db, runs, [*PAGES, "kaartopbouw", "briefing"],
                      {"gemeente": scopes["gemeente"]}, budget)
    # Each page's first opening on a cold server: a process of its own per page and scope,
    # the page opened once and nothing else (caches empty, modules not yet imported). The
    # project's modules compiled beforehand, as a server finds them after its first start (with
    # PYTHONDONTWRITEBYTECODE set every process would compile them again: about a second).
    compileall.compile_dir(ROOT, quiet=1, rx=re.compile(r"[/\\](\.venv|var|\.git)([/\\]|$)"))
    cold, cold_cpu, cold_rss = {}, {}, {}
    for scope in scopes:
        for page in PAGES:
            child = run_child(db, 0, [page], {scope: scopes[scope]}, budget)
            found = child["pages"][scope].get(page, {})
            cold.setdefault(scope, {})[page] = found.get("first_s", found.get("error"))
            cold_cpu.setdefault(scope, {})[page] = found.get("first_cpu_s")
            cold_rss[f"{page}_{scope}"] = child["peak_rss_mb"]
    return {
        "cold": cold,
        "cold_cpu": cold_cpu,  # CPU time of the process: on a busy machine wall time waits too
        "pages": {
            "nederland": {**kaart["pages"]["nederland"], **rest["pages"]["nederland"]},
            "gemeente": local["pages"]["gemeente"],
        },
        "briefing": local.get("briefing", {"available": False}),
        "map_build": {**kaart["map_build"], **local["map_build"]},
        "peak_rss_mb": {
            "kaart_nederland": kaart["peak_rss_mb"],
            "overige_paginas_nederland": rest["peak_rss_mb"],
            "alle_paginas_gemeente": local["peak_rss_mb"],
            "eerste_opening_max": max(cold_rss.values()) if cold_rss else 0.0,
        },
    }


SIGNAL_PAGES = ["buurtprofiel", "kaart"]


def signal_reruns(db: Path, runs: int, scope: tuple[str, list[str]], budget: float) -> dict:
    """The profile and the map at gemeente level with the seeded signals in the store and with an
    empty store: the same reruns, one after the other, each in a child process of its own."""
    empty = OUT / "werkdb-leeg.sqlite"
    for old in (empty, empty.with_name(empty.name + "-wal"), empty.with_name(empty.name + "-shm")):
        old.unlink(missing_ok=True)
    out = {}
    for label, store_file in (("zonder", empty), ("met", OUT / "werkdb.sqlite")):
        found = run_child(db, runs, SIGNAL_PAGES, {"gemeente": scope}, budget, store_file)
        out[label] = found["pages"]["gemeente"]
    return out


def run_baseline(db: Path, runs: int, scopes: dict[str, tuple[str, list[str]]]) -> dict:
    start = time.perf_counter()
    base = Baseline.read(db)
    read_s = time.perf_counter() - start
    year, indicator = max(dataset.YEARS), "lbm_score"
    out: dict = {"read_s": read_s}
    for name, (code, _) in scopes.items():
        times, cpu, size = [], [], 0
        for i in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            payload = base.rerun(
                indicator,
                year,
                tuple(FILTERS[i % len(FILTERS)]),
                None if code == NATIONAL else code,
            )
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            size = len(payload.encode("utf-8"))
        out[name] = {
            **summary(times),
            "cpu_median_ms": statistics.median(cpu) * 1000,
            "payload_bytes": size,
        }
    return out


def demo_briefing() -> dict:
    """The briefing of the demo gemeente (Arnhem), from its own demo database in var/bench/."""
    from data_loaders import build_demo

    if not DEMO_DB.is_file():
        build_demo.build(DEMO_DB, say=lambda _: None)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.run(
        [sys.executable, "-c", "import json, sys; from bench.measure import briefing_time; "
         "json.dump(briefing_time(sys.argv[1], 'GM0202'), sys.stdout)", str(DEMO_DB)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if child.returncode != 0:
        return {"available": True, "error": child.stderr[-300:]}
    return json.loads(child.stdout)


def dots(number: float) -> str:
    return f"{number:,.0f}".replace(",", ".")


def s_dot(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")


def mark(ok: bool | None) -> str:
    return "–" if ok is None else ("GOED" if ok else "FOUT")


def report(results: dict) -> str:
    app, base, load = results["app"], results["baseline"], results["load"]
    lines = [
        f"Buurtmonitor prestatiemeting ({results['machine']})",
        f"Gegevens: {dots(load['rows'])} waarnemingen, {dots(results['buurten'])} buurten, "
        f"{len(dataset.YEARS)} jaren, {results['indicators']} indicatoren, "
        f"{dots(results.get('signals', 0))} signalen in {results['gemeente']} (synthetisch); "
        f"belasting van de machine tijdens de meting: {results['load_average']}",
        "",
        f"{'meting':<50}{'gemeten':>14}{'basislijn':>14}{'factor':>9}{'doel':>12}  ok",
    ]

    def row(label, value, baseline=None, target=None, ok=None, unit=""):
        factor = f"{s_dot(baseline / value)}x" if baseline and value else ""
        lines.append(
            f"{label:<50}{dots(value):>12}{unit:>2}"
            f"{(dots(baseline) if baseline else ''):>14}{factor:>9}"
            f"{(f'< {dots(target)}' if target else ''):>12}  {mark(ok)}"
        )

    row(
        "laden via de importers (ms)",
        load["total_s"] * 1000,
        target=TARGETS["load_s"] * 1000,
        ok=load["total_s"] < TARGETS["load_s"],
    )
    lines.append(
        f"{'':<4}grenzen {s_dot(load['geometry_s'])} s, {load['files']} sjablonen "
        f"{s_dot(load['observations_s'])} s, buurttypen {s_dot(load['buurttypes_s'])} s, "
        f"opgeslagen aggregaten {s_dot(load.get('aggregates_s', 0.0))} s; "
        f"CPU-tijd {s_dot(load.get('cpu_s', float('nan')))} s"
    )
    if load.get("without_aggregates_s"):
        # Issue 21: storing the aggregates may cost at most half the load without them.
        bare = load["without_aggregates_s"]
        limit = TARGETS["load_factor"] * bare
        row("laden met aggregaten t.o.v. zonder (ms)", load["total_s"] * 1000, bare * 1000,
            limit * 1000, load["total_s"] <= limit)
        if len(load.get("ratios", [])) > 1:
            lines.append(
                f"{'':<4}de ronde met de middelste factor van {len(load['ratios'])} "
                f"laadrondes; factoren "
                + " / ".join(f"{r:.2f}x".replace(".", ",") for r in load["ratios"]))
    for scope, label in (("nederland", "Nederland"), ("gemeente", results["gemeente"])):
        for page in PAGES:
            m = app["pages"].get(scope, {}).get(page, {})
            name = f"{label}: {page}, herhaling mediaan (ms)"
            if "error" in m:
                lines.append(f"{name:<50}  fout: {m['error'][:60]}")
                continue
            s = m["summary"]
            is_map = page == "kaart"
            b = base[scope]["median_ms"] if is_map else None
            national = scope == "nederland"
            ok = s["median_ms"] < TARGETS["rerun_ms"] if national else None
            row(name, s["median_ms"], b, TARGETS["rerun_ms"] if national else None, ok)
            lines.append(
                f"{'':<4}p95 {dots(s['p95_ms'])} ms over {s['runs']} herhalingen; "
                f"CPU-tijd mediaan {dots(s['cpu_median_ms'])} ms; "
                f"eerste opening {s_dot(m['first_s'])} s"
            )
            cold = app.get("cold", {}).get(scope, {}).get(page)
            if isinstance(cold, float):
                limit = TARGETS["first_open_s"][scope]
                row(f"{label}: {page}, eerste opening koud (ms)", cold * 1000,
                    target=limit * 1000, ok=cold <= limit)
                cpu = app.get("cold_cpu", {}).get(scope, {}).get(page)
                if isinstance(cpu, float):
                    lines.append(f"{'':<4}CPU-tijd van die eerste opening {s_dot(cpu)} s")
            elif cold:
                lines.append(f"{'':<4}eerste opening koud: fout: {str(cold)[:60]}")
            choices = m.get("first_choice_s") or []
            if choices:
                worst = max(choices) * 1000
                row(f"{label}: {page}, eerste keuze filter max (ms)", worst,
                    target=TARGETS["first_choice_ms"], ok=worst <= TARGETS["first_choice_ms"])
            if is_map:
                speedup = b / s["median_ms"] if s["median_ms"] else 0
                cpu_speedup = (
                    base[scope]["cpu_median_ms"] / s["cpu_median_ms"] if s["cpu_median_ms"] else 0
                )
                lines.append(
                    f"{'':<4}sneller dan de basislijn: {s_dot(speedup)}x in kloktijd, "
                    f"{s_dot(cpu_speedup)}x in CPU-tijd (basislijn CPU "
                    f"{dots(base[scope]['cpu_median_ms'])} ms; doel ≥ "
                    f"{TARGETS['speedup']:.0f}x) {mark(speedup >= 10) if national else ''}"
                )
                build = app["map_build"][scope]
                build_ms = statistics.median(build["times_s"]) * 1000
                row(
                    f"{label}: kaartopbouw alleen, mediaan (ms)",
                    build_ms,
                    base[scope]["median_ms"],
                    None,
                    base[scope]["median_ms"] / build_ms >= TARGETS["speedup"] if national else None,
                )
                lines.append(
                    f"{'':<4}(cache, filter, kleuren en kaart-JSON, zonder pagina: "
                    "gelijk aan wat de basislijn doet)"
                )
                row(
                    f"{label}: kaart, bytes naar de browser",
                    m["payload_bytes"],
                    base[scope]["payload_bytes"],
                    TARGETS["payload_bytes"] if national else None,
                    m["payload_bytes"] < TARGETS["payload_bytes"] if national else None,
                )
    if results.get("signal_reruns"):
        lines += signal_section(results["signal_reruns"], results["gemeente"],
                                results.get("signals", 0))
    peaks = app["peak_rss_mb"]
    row(
        "piekgeheugen app, kaart Nederland (MB)",
        peaks["kaart_nederland"],
        target=TARGETS["rss_mb"],
        ok=peaks["kaart_nederland"] < TARGETS["rss_mb"],
    )
    row(
        "piekgeheugen app, andere pagina's NL (MB)",
        peaks["overige_paginas_nederland"],
        target=TARGETS["rss_mb"],
        ok=peaks["overige_paginas_nederland"] < TARGETS["rss_mb"],
    )
    row(
        f"piekgeheugen app, alle pagina's {results['gemeente']} (MB)",
        peaks["alle_paginas_gemeente"],
    )
    for label, brief in ((f"briefing {results['gemeente']} (PDF), mediaan (ms)", app["briefing"]),
                         ("briefing demogemeente Arnhem (PDF), mediaan (ms)",
                          results.get("demo_briefing", {}))):
        if "error" in brief:
            lines.append(f"{label:<50}  fout: {brief['error'][:70]}")
        elif "seconds" in brief:
            row(label, brief["seconds"] * 1000, target=TARGETS["briefing_s"] * 1000,
                ok=brief["seconds"] < TARGETS["briefing_s"])
            lines.append(f"{'':<4}eerste keer (Typst en caches koud) "
                         f"{s_dot(brief['first_s'])} s; daarna {brief['runs']} keer")
    lines.append("")
    lines.append(
        "Basislijn: alles in pandas, filter in pandas, de GeoJSON van alle buurten bij "
        f"elke herhaling opnieuw opgebouwd (inlezen eenmalig {s_dot(base['read_s'])} s)."
    )
    return "\n".join(lines)


HEADER = f"{'meting':<50}{'gemeten':>14}{'basislijn':>14}{'factor':>9}{'doel':>12}  ok"


def signal_section(compared: dict, gemeente: str, count: int) -> list[str]:
    """The profile and the map at gemeente level with signals in the store, each beside the
    same reruns without signals (signal_reruns)."""
    lines = ["", f"Met {dots(count)} signalen in de signalenopslag (synthetisch) naast dezelfde "
             "herhalingen zonder signalen:"]
    for page in SIGNAL_PAGES:
        without, with_ = compared["zonder"].get(page, {}), compared["met"].get(page, {})
        if "times_s" not in without or "times_s" not in with_:
            lines.append(f"{gemeente}: {page}: fout: "
                         f"{(with_.get('error') or without.get('error') or '?')[:70]}")
            continue
        plain_ms = statistics.median(without["times_s"]) * 1000
        signals_ms = statistics.median(with_["times_s"]) * 1000
        target = TARGETS["rerun_ms"]
        without_label = f"{gemeente}: {page}, zonder signalen, mediaan (ms)"
        with_label = f"{gemeente}: {page}, met signalen, mediaan (ms)"
        lines.append(f"{without_label:<50}{dots(plain_ms):>12}")
        lines.append(f"{with_label:<50}{dots(signals_ms):>12}{'':>2}{'':>14}{'':>9}"
                     f"{'< ' + dots(target):>12}  {mark(signals_ms < target)}")
        lines.append(
            f"{'':<4}p95 {dots(percentile(with_['times_s'], 0.95) * 1000)} ms met, "
            f"{dots(percentile(without['times_s'], 0.95) * 1000)} ms zonder, over "
            f"{len(with_['times_s'])} en {len(without['times_s'])} herhalingen; CPU-tijd mediaan "
            f"{dots(statistics.median(with_['cpu_s']) * 1000)} ms met, "
            f"{dots(statistics.median(without['cpu_s']) * 1000)} ms zonder"
        )
    return lines


def signal_report(compared: dict, gemeente: str, count: int) -> str:
    """The signal comparison on its own (--alleen-signalen)."""
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return "\n".join([
        f"Buurtmonitor prestatiemeting, alleen signalen ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; belasting van de machine "
        f"{load})", "", HEADER, *signal_section(compared, gemeente, count)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="maximaal aantal seconden herhalingen per pagina",
    )
    parser.add_argument(
        "--alleen-signalen",
        action="store_true",
        help="meet alleen het buurtprofiel en de kaart met en zonder signalen",
    )
    parser.add_argument(
        "--hergebruik",
        action="store_true",
        help="gebruik de bestaande bench-database (laadtijd uit results.json)",
    )
    parser.add_argument(
        "--laadrondes",
        type=int,
        default=3,
        help="zo vaak laden voor de laadtijd (de mediaan telt; standaard 3)",
    )
    parser.add_argument(
        "--zonder-browser",
        action="store_true",
        help="sla de browsermeting (bench/browser.py) over",
    )
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "bench.duckdb"
    previous = OUT / "results.json"
    if args.hergebruik and db.is_file() and (previous.is_file() or args.alleen_signalen):
        # Only the signal comparison reports no load time: it may reuse a database without one.
        load = json.loads(previous.read_text())["load"] if previous.is_file() else {}
    else:
        with tempfile.TemporaryDirectory(prefix="bench-") as work:
            timing = dataset.build(db, Path(work), args.schaal, rounds=args.laadrondes)
        load = {
            "cpu_s": timing.cpu_s,
            "geometry_s": timing.geometry_s,
            "observations_s": timing.observations_s,
            "buurttypes_s": timing.buurttypes_s,
            "aggregates_s": timing.aggregates_s,
            "without_aggregates_s": timing.without_aggregates_s,
            "total_s": timing.total_s,
            "rows": timing.rows,
            "files": timing.files,
            "ratios": list(timing.ratios),
        }
    gemeente, buurten = largest_gemeente(db)
    areas = Baseline.read_areas(db)
    scopes = {
        "nederland": (NATIONAL, sorted(areas.loc[areas["level"] == "buurt", "code"])),
        "gemeente": (gemeente, buurten),
    }
    # The profile reruns with many signals in the store (the app's own writable database).
    os.environ["BUURTMONITOR_WERKDB"] = str(OUT / "werkdb.sqlite")
    signal_count = signals.seed(OUT / "werkdb.sqlite", buurten)
    compared = signal_reruns(db, args.runs, scopes["gemeente"], args.budget)
    if args.alleen_signalen:
        print(signal_report(compared, gemeente, signal_count))
        return 0
    app = run_app(db, args.runs, scopes, args.budget)
    for pages in app["pages"].values():
        for m in pages.values():
            if "times_s" in m:
                m["summary"] = {
                    **summary(m["times_s"]),
                    "cpu_median_ms": statistics.median(m["cpu_s"]) * 1000,
                }
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "schaal": args.schaal,
        "buurten": int((areas["level"] == "buurt").sum()),
        "indicators": len(dataset.indicator_catalogue.indicators()),
        "gemeente": gemeente,
        "signals": signal_count,
        "load_average": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "load": load,
        "app": app,
        "signal_reruns": compared,
        "baseline": run_baseline(db, args.runs, scopes),
        "demo_briefing": demo_briefing(),
    }
    previous.write_text(json.dumps(results, indent=1))
    print(report(results))
    print(f"\nResultaten: {previous.relative_to(ROOT)}")
    if not args.zonder_browser:
        from bench import browser

        print()
        browser.main([])
        print(f"\nResultaten: {(OUT / 'browser.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
