"""Command line: `python -m data_loaders load PATH...`, `build-demo`, `log`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data_loaders import access, build_demo, db, pipeline, settings
from data_loaders.batch import LoadError

OPTIONS = {"bron", "indeling", "level", "object", "jaar", "mapping", "gemeente", "codekolom"}


def _progress(fraction: float, text: str) -> None:
    # On stderr, so the preview on stdout stays clean for scripts.
    print(f"  [{fraction:4.0%}] {text}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_loaders", description="Buurtmonitor: gegevens laden")
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="laad een of meer bestanden")
    load.add_argument("paths", nargs="+", type=Path)
    load.add_argument("--db", type=Path, default=None)
    load.add_argument("--bron", help="bronsleutel (sources.csv) voor sjablonen")
    load.add_argument("--indeling", type=int, help="indelingsjaar van grenzenbestanden")
    load.add_argument("--level", choices=["buurt", "wijk", "gemeente"])
    load.add_argument("--object", help="TopoJSON-object")
    load.add_argument("--jaar", type=int, help="jaar van een CBS-export zonder jaarkolom")
    load.add_argument("--gemeente", help="alleen deze gemeenten uit een landelijk grenzenbestand, "
                      "bijvoorbeeld GM0202,GM0203")
    load.add_argument("--codekolom", help="eigenschap met de CBS-gebiedscode in een grenzenbestand")
    load.add_argument("--mapping", type=Path, help="mappingbestand voor een CBS-tabel")
    load.add_argument("--dry-run", action="store_true", help="alleen controleren en tonen")
    build = sub.add_parser("build-demo", help="bouw de demodatabase uit sample_data/")
    build.add_argument("--db", type=Path, default=None)
    log = sub.add_parser("log", help="toon wat er geladen is")
    log.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    target = args.db or settings.db_path()
    try:
        if args.command == "build-demo":
            build_demo.build(target)
        elif args.command == "log":
            print(db.query(db.connect(target), "app_loads").to_string(index=False))
        else:
            options = {k: v for k, v in vars(args).items()
                       if k in OPTIONS and v not in (None, "")}
            # One batch, one transaction: the dry run is the same run, rolled back.
            results = pipeline.load_paths(target, args.paths, "cli", options, _progress,
                                          dry_run=args.dry_run, by_user=access.os_user())
            for result in results:
                print("\n".join(pipeline.describe(result)))
                if not args.dry_run:
                    print(f"  {result.status}")
            if args.dry_run:
                print("Proefdraai: de database is niet gewijzigd.")
    except LoadError as exc:
        print(f"Geweigerd. {exc}", file=sys.stderr)
        return 1
    except db.DatabaseError as exc:
        print(f"Geweigerd. {exc} Er is niets geladen.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
