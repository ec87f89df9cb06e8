"""Registered crime from the CBS open-data table 47018NED (police figures per wijk and buurt).

Reads the table's own columns (WijkenEnBuurten, Perioden as 2023JJ00 or 2023MM01, SoortMisdrijf,
GeregistreerdeMisdrijven_1) into counts of all offences together (`misdrijven_aantal`); the rate
per 1.000 inwoners needs inhabitants from another source and is derived after loading
(build_demo). Other columns are ignored. Never touches the database.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from data_loaders import indicator_catalogue, mapped_table, textio
from data_loaders.batch import OBSERVATION_COLUMNS, LoadBatch, LoadError

SOURCE = "politie_47018NED"
CODE, PERIOD, KIND, COUNT = "WijkenEnBuurten", "Perioden", "SoortMisdrijf", "GeregistreerdeMisdrijven_1"
NAME = "WijkenEnBuurten_label"
TOTAL = "0.0.0"  # SoortMisdrijf: Totaal misdrijven
INDICATOR = "misdrijven_aantal"
PERIOD_PATTERN = re.compile(r"^(\d{4})(JJ00|MM(\d{2}))$")


def detect(path: Path, head: str) -> bool:
    columns = set(textio.header_names(head))
    return path.suffix.lower() in {".csv", ".txt", ".xlsx"} and {CODE, PERIOD, KIND, COUNT} <= columns


def read(path: Path, checksum: str, options: dict) -> LoadBatch:
    frame = textio.read_table(path)
    textio.require_columns(path, frame, [CODE, PERIOD, KIND, COUNT])
    frame = frame.assign(line=range(2, len(frame) + 2))  # header is line 1
    kinds = frame[KIND].str.strip()
    if not (kinds == TOTAL).any():
        raise LoadError(path, f"de tabel bevat geen totaal van alle misdrijven (SoortMisdrijf "
                        f"{TOTAL}), alleen afzonderlijke soorten.", column=KIND,
                        fix=f"Kies bij het downloaden ook 'Totaal misdrijven' ({TOTAL}).")
    warnings = []
    other = sorted(set(kinds) - {TOTAL})
    if other:
        # Crime by type has no real indicator of its own yet; the total is what the monitor shows.
        warnings.append(f"{len(other)} andere soort(en) misdrijf genegeerd (alleen het totaal "
                        f"{TOTAL} wordt geladen): {', '.join(other[:5])}" + (" …" if len(other) > 5 else ""))
    frame = frame[kinds == TOTAL]
    names, yearly, monthly = {}, [], {}
    for record in frame.to_dict("records"):
        line = record["line"]
        raw = record[CODE]
        if raw.strip().upper().startswith("NL"):
            continue  # the national total
        code = textio.normalise_code(path, raw, line, CODE)
        names[code] = (record.get(NAME) or "").strip() or code
        period = PERIOD_PATTERN.match(record[PERIOD].strip())
        if period is None:
            raise LoadError(path, f"'{record[PERIOD]}' is geen periode van deze tabel.", row=line,
                            column=PERIOD, fix="Gebruik jaren (2023JJ00) of maanden (2023MM01).")
        year = int(period.group(1))
        value = textio.parse_number(path, record[COUNT], line, COUNT)
        if period.group(3) is None:
            yearly.append((code, INDICATOR, year, value, line, COUNT))
        else:
            monthly.setdefault((code, year), {})[int(period.group(3))] = (value, line)
    have_year = {(r[0], r[2]) for r in yearly}
    for (code, year), months in sorted(monthly.items()):
        if (code, year) in have_year:
            continue  # the table's own year figure wins over a sum of months
        if set(months) != set(range(1, 13)):
            missing = sorted(set(range(1, 13)) - set(months))
            raise LoadError(path, f"{code} heeft voor {year} niet alle twaalf maanden (ontbreekt: "
                            f"{', '.join(map(str, missing))}), dus er is geen jaartotaal.",
                            row=max(line for _, line in months.values()), column=PERIOD,
                            fix="Download het hele jaar, of de jaarcijfers (2023JJ00).")
        counts = [v for v, _ in months.values()]
        total = None if any(v is None for v in counts) else sum(counts)
        yearly.append((code, INDICATOR, year, total, max(ln for _, ln in months.values()), COUNT))
    if not yearly:
        raise LoadError(path, "het bestand bevat geen gebieden met gegevens.")
    obs = pd.DataFrame(yearly, columns=["area_code", "indicator_id", "period", "value", "line",
                                        "column"])
    catalogue = indicator_catalogue.indicators().set_index("id")
    mapped_table.check_observations(path, obs, catalogue, PERIOD)
    obs = obs.assign(n=pd.NA, ci_low=None, ci_high=None, suppressed=obs["value"].isna())
    return LoadBatch(
        file=path, checksum=checksum, format="cbs_opendata_47018NED",
        source=options.get("bron") or SOURCE,
        periods=sorted(obs["period"].unique().tolist()),
        areas=mapped_table.area_frame(names, int(obs["period"].max())),
        observations=obs[OBSERVATION_COLUMNS], warnings=warnings,
    )
