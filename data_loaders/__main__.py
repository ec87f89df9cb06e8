"""Command line: `python -m data_loaders load PATH...`, `build-demo`, `log`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data_loaders import access, build_demo, db, pipeline, settings
from data_loaders.batch import LoadError


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
    load.add_argument("--jaar", type=int, help="jaar van een kwb-bestand zonder jaarkolom")
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
                       if k in {"bron", "indeling", "level", "object", "jaar", "mapping"} and v}
            for path in args.paths:
                batch = pipeline.read_file(path, options)
                info = pipeline.preview(target, batch)
                print(f"{info['bestand']}: {info['regels']} regels, {info['gebieden']} gebieden, "
                      f"jaren {info['jaren']}, bron {info['bron']}; vervangt {info['vervangt']} regels")
                for warning in info["waarschuwingen"]:
                    print(f"  let op: {warning}")
                if not args.dry_run:
                    result = pipeline.commit(target, batch, how="cli", by_user=access.os_user())
                    print(f"  {result.status}")
    except (LoadError, db.DatabaseError) as exc:
        print(f"Geweigerd. {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
