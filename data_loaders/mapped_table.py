"""CBS tables read through a declarative mapping file: StatLine CSV exports, kwb files, typed tables.

A mapping (data_loaders/mappings/*.toml, see the README there) says which columns hold the code,
the name and the period, and which columns become which catalogue indicators. A new StatLine
table needs a new mapping file, not new code. Never touches the database.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from data_loaders import indicator_catalogue, textio
from data_loaders.batch import AREA_COLUMNS, OBSERVATION_COLUMNS, LoadBatch, LoadError
from data_loaders.settings import MAPPINGS_DIR

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
INDICATOR_KEYS = {"column", "share_of", "per_1000_of", "scale"}
# period = "jaar": the file holds one year and does not say which (a StatLine Kerncijfers export).
ASK_YEAR = "jaar"
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Mapping:
    path: Path
    format: str
    source: str
    match: tuple[str, ...]
    code_column: str | None
    name_column: str | None
    period: int | str | None  # a year, or "jaar": from --jaar or the file name
    period_column: str | None
    indicators: dict[str, dict]
    code_from_name: str | None = None  # "gemeente": look the code up by name (2025 code list)
    long: dict | None = None  # long format: {indicator_column, value_column}, see read_long
    keep: dict | None = None  # long format: column -> allowed values (rows filter)
    exclude: tuple[dict, ...] = ()  # long format: rows to leave out, each with a `note`


def load_mapping(path: Path) -> Mapping:
    """Read and check one mapping file; a mistake in it is a LoadError naming the mapping."""
    try:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LoadError(path, f"de mapping is niet te lezen ({exc}).",
                        fix="Vergelijk met een mapping in data_loaders/mappings/.") from exc

    def header(key: str) -> str | None:
        return textio.normalise_header(spec[key]) if spec.get(key) else None

    missing = [k for k in ("source", "match", "indicators") if k not in spec]
    if not spec.get("code_column") and spec.get("code_from_name") != "gemeente":
        missing.append("code_column")
    if spec.get("code_from_name") and not spec.get("name_column"):
        missing.append("name_column")
    if missing:
        raise LoadError(path, "de mapping mist: " + ", ".join(missing) + ".",
                        fix="Zie data_loaders/mappings/README.md.")
    period = spec.get("period")
    if period is not None and not isinstance(period, int) and period != ASK_YEAR:
        raise LoadError(path, f"period '{period}' in de mapping is geen jaartal en geen "
                        f"'{ASK_YEAR}'.", fix="Zie data_loaders/mappings/README.md.")
    for indicator_id, d in spec["indicators"].items():
        wrong = set(d) - INDICATOR_KEYS
        if "column" not in d or wrong:
            raise LoadError(path, f"indicator '{indicator_id}' in de mapping heeft geen 'column' of "
                            f"onbekende sleutels ({', '.join(sorted(wrong)) or '-'}).",
                            fix="Gebruik column, share_of, per_1000_of en scale.")
    return Mapping(
        path=path,
        format=spec.get("format", "cbs_tabel"),
        source=spec["source"],
        match=tuple(textio.normalise_header(h) for h in spec["match"]),
        code_column=header("code_column"),
        name_column=header("name_column"),
        period=spec.get("period"),
        period_column=header("period_column"),
        indicators={
            k: {key: textio.normalise_header(v) if key != "scale" else v for key, v in d.items()}
            for k, d in spec["indicators"].items()
        },
        code_from_name=spec.get("code_from_name"),
        long=_long_spec(path, spec.get("long")),
        keep={k: [str(v) for v in vs] for k, vs in spec.get("keep", {}).items()} or None,
        exclude=tuple(spec.get("exclude", ())),
    )


@functools.cache
def gemeente_codes() -> dict[str, str]:
    """Gemeente name (case-folded) -> GM code, from CBS's 2025 code list (reference/README.md)."""
    frame = pd.read_csv(REFERENCE_DIR / "cbs_gem2025_codes.csv", sep=";", dtype=str,
                        encoding="utf-8-sig", keep_default_na=False)
    return {_name_key(name): "GM" + code.strip().zfill(4)
            for code, name in zip(frame["Gemeente2025"], frame["Gemeentenaam2025"], strict=True)}


def _name_key(name: str) -> str:
    return textio.normalise_header(name).casefold()


def mappings() -> list[Mapping]:
    return [load_mapping(p) for p in sorted(MAPPINGS_DIR.glob("*.toml"))]


def find_mapping(head: str, explicit: Path | None = None) -> Mapping | None:
    """The mapping whose `match` columns all occur in the header; the most specific one wins."""
    if explicit is not None:
        return load_mapping(explicit)
    # StatLine labels stay the same across the yearly tables, but not always their capitals.
    headers = {h.casefold() for h in textio.header_names(head)}
    fitting = [m for m in mappings() if {h.casefold() for h in m.match} <= headers]
    return max(fitting, key=lambda m: len(m.match), default=None)


def detect(path: Path, head: str) -> bool:
    return path.suffix.lower() in {".csv", ".txt", ".xlsx"} and find_mapping(head) is not None


def read(path: Path, checksum: str, options: dict) -> LoadBatch:
    frame = textio.read_table(path)
    explicit = options.get("mapping")
    mapping = find_mapping("\t".join(frame.columns), Path(explicit) if explicit else None)
    if mapping is None:
        raise LoadError(path, "de kolommen passen bij geen enkel bekend CBS-formaat.",
                        fix="Schrijf een mappingbestand (zie data_loaders/mappings/README.md).")
    mapping = narrowed(path, mapping, options)
    if mapping.long:
        return read_long(path, checksum, frame, mapping, options)
    needed = [c for c in (mapping.code_column, mapping.name_column, mapping.period_column) if c]
    for spec in mapping.indicators.values():
        needed += [v for k, v in spec.items() if k in {"column", "share_of", "per_1000_of"}]
    frame = _align_columns(frame, needed)
    textio.require_columns(path, frame, list(dict.fromkeys(needed)))
    catalogue = indicator_catalogue.indicators().set_index("id")
    unknown = [i for i in mapping.indicators if i not in catalogue.index]
    if unknown:
        raise LoadError(path, f"de mapping {mapping.path.name} noemt onbekende indicatoren: "
                        + ", ".join(unknown) + ".", fix="Voeg ze toe aan de catalogus of verwijder ze.")

    warnings: list[str] = []
    file_year = file_period(path, mapping, options, warnings)
    areas, rows = {}, []
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2  # header is line 1
        if mapping.code_from_name:
            code = _code_by_name(path, record[mapping.name_column], line, mapping.name_column)
            if code is None:
                continue  # the national total row
        else:
            raw_code = record[mapping.code_column]
            if raw_code.upper().startswith("NL"):
                continue  # the national total row
            code = textio.normalise_code(path, raw_code, line, mapping.code_column)
        period = file_year
        if mapping.period_column:
            value = textio.parse_number(path, record[mapping.period_column][:4], line,
                                        mapping.period_column)
            period = int(value) if value is not None else None
        if period is None:
            raise LoadError(path, "het jaar ontbreekt.", row=line, column=mapping.period_column,
                            fix="Vul het jaar in of zet 'period' in de mapping.")
        name = record.get(mapping.name_column, "") if mapping.name_column else ""
        areas[code] = name.strip() or code
        for indicator_id, spec in mapping.indicators.items():
            value = textio.parse_number(path, record[spec["column"]], line, spec["column"])
            if value is not None and "share_of" in spec:
                base = textio.parse_number(path, record[spec["share_of"]], line, spec["share_of"])
                value = value / base * 100 if base else None
            if value is not None and "per_1000_of" in spec:
                base = textio.parse_number(path, record[spec["per_1000_of"]], line,
                                           spec["per_1000_of"])
                value = value / base * 1000 if base else None
            if value is not None and "scale" in spec:
                value *= float(spec["scale"])
            rows.append((code, indicator_id, int(period), value, line, spec["column"]))
    if not rows:
        raise LoadError(path, "het bestand bevat geen gebieden met gegevens.")
    obs = pd.DataFrame(rows, columns=["area_code", "indicator_id", "period", "value", "line",
                                      "column"])
    check_observations(path, obs, catalogue, mapping.period_column)
    obs = obs.assign(n=pd.NA, ci_low=None, ci_high=None, suppressed=obs["value"].isna())
    return LoadBatch(
        file=path, checksum=checksum, format=mapping.format,
        source=source_for(mapping, file_year),
        periods=sorted(obs["period"].unique().tolist()),
        areas=area_frame(areas, int(obs["period"].max())),
        observations=obs[OBSERVATION_COLUMNS],
        warnings=warnings,
    )


def _align_columns(frame: pd.DataFrame, needed: list[str]) -> pd.DataFrame:
    """Columns spelled as the mapping spells them when they differ only in capitals."""
    by_fold = {c.casefold(): c for c in frame.columns}
    rename = {by_fold[n.casefold()]: n for n in needed
              if n not in frame.columns and n.casefold() in by_fold}
    return frame.rename(columns=rename) if rename else frame


def file_period(path: Path, mapping: Mapping, options: dict, warnings: list[str]) -> int | None:
    """The year of a file without a year column: never guessed silently.

    A fixed year in the mapping is that table's year (unless --jaar says otherwise). A mapping
    with period = "jaar" takes --jaar, else one unambiguous year in the file name (said in the
    preview), else refuses asking for --jaar. Years after next year are refused.
    """
    given = options.get("jaar")
    if given not in (None, ""):
        year = _checked_year(path, given)
    elif mapping.period == ASK_YEAR:
        years = sorted({int(y) for y in _YEAR_IN_NAME.findall(path.name)})
        if len(years) != 1:
            found = f"meerdere jaartallen ({', '.join(map(str, years))})" if years else "geen jaartal"
            raise LoadError(
                path,
                f"het jaar van deze cijfers staat niet in het bestand, en de bestandsnaam bevat "
                f"{found}.",
                fix="Geef het jaar mee met --jaar (op de pagina 'Over de data': het veld Jaar), "
                "bijvoorbeeld --jaar 2017.",
            )
        year = _checked_year(path, years[0])
        warnings.append(f"Jaar {year} afgeleid uit de bestandsnaam; geef --jaar mee als dat niet "
                        "klopt.")
    else:
        year = mapping.period if isinstance(mapping.period, int) else None
    return year


def _checked_year(path: Path, value: object) -> int:
    text = str(value).strip()
    latest = pd.Timestamp.now().year + 1
    if not text.isdigit() or not 1900 <= int(text) <= latest:
        raise LoadError(
            path,
            f"jaar '{text}' kan niet: cijfers van na volgend jaar ({latest}) of van vóór 1900 "
            "bestaan niet.",
            fix="Geef het jaar van de cijfers mee met --jaar, bijvoorbeeld --jaar 2017.",
        )
    return int(text)


def source_for(mapping: Mapping, year: int | None) -> str:
    """The source key, named for its year when the mapping says so (cbs_kwb_{jaar})."""
    if "{jaar}" in mapping.source:
        if year is None:
            return mapping.source.replace("_{jaar}", "").replace("{jaar}", "")
        return mapping.source.replace("{jaar}", str(year))
    return mapping.source


def _code_by_name(path: Path, name: str, line: int, column: str) -> str | None:
    if _name_key(name) in {"nederland", "totaal"}:
        return None
    code = gemeente_codes().get(_name_key(name))
    if code is None:
        raise LoadError(path, f"'{name[:40]}' is geen gemeentenaam uit de CBS-gemeentelijst 2025, "
                        "dus de gemeentecode is niet te bepalen.", row=line, column=column,
                        fix="Exporteer de tabel uit StatLine mét de kolom 'Codering (code)', of "
                        "schrijf de naam zoals CBS hem schrijft.")
    return code


def check_observations(path: Path, obs: pd.DataFrame, catalogue: pd.DataFrame,
                       period_column: str | None = None) -> None:
    """Duplicates, ranges and future years; `line` and `column` name where a problem is."""
    dup = obs.duplicated(["area_code", "indicator_id", "period"], keep=False)
    if dup.any():
        first = obs[dup].iloc[0]
        lines = obs[dup & (obs["area_code"] == first["area_code"])
                    & (obs["indicator_id"] == first["indicator_id"])
                    & (obs["period"] == first["period"])]["line"].tolist()
        raise LoadError(path, f"{first['area_code']} staat dubbel voor {first['indicator_id']} "
                        f"in {first['period']} (regels {', '.join(map(str, lines))}).",
                        row=int(lines[-1]), fix="Verwijder de dubbele regel.")
    this_year = pd.Timestamp.now().year
    future = obs[obs["period"] > this_year]
    if not future.empty:
        bad = future.iloc[0]
        raise LoadError(path, f"het jaar {bad['period']} ligt in de toekomst.", row=int(bad["line"]),
                        column=period_column, fix="Controleer de jaarkolom.")
    # Look each indicator up once, then spread its bounds over its rows.
    which, ids = pd.factorize(obs["indicator_id"], use_na_sentinel=False)
    bounds = catalogue.loc[ids, ["min_value", "max_value", "unit"]]
    values = pd.to_numeric(obs["value"], errors="coerce").to_numpy(dtype=float)
    lo = bounds["min_value"].to_numpy(dtype=float)[which]
    hi = bounds["max_value"].to_numpy(dtype=float)[which]
    outside = ((values < lo) & ~pd.isna(lo)) | ((values > hi) & ~pd.isna(hi))
    if outside.any():
        at = int(outside.argmax())
        row = obs.iloc[at]
        raise LoadError(
            path,
            f"de waarde {values[at]:g} voor {row['indicator_id']} valt buiten het mogelijke bereik "
            f"({lo[at]:g} tot {hi[at]:g} {bounds['unit'].iloc[which[at]]}).",
            row=int(row["line"]), column=str(row["column"]),
            fix="Controleer de waarde en de eenheid (bijvoorbeeld procent of fractie).",
        )


def area_frame(names: dict[str, str], year: int) -> pd.DataFrame:
    codes = list(names)
    return pd.DataFrame(
        {
            "code": codes,
            "name": [names[c] for c in codes],
            "level": [textio.level_of(c) for c in codes],
            "parent_code": [textio.parent_of(c) for c in codes],
            "gemeente_code": [textio.gemeente_of(c) for c in codes],
            "valid_from": year,
            "valid_to": year,
        }
    )[AREA_COLUMNS]


def narrowed(path: Path, mapping: Mapping, options: dict) -> Mapping:
    """The mapping limited to the indicators in options['indicatoren'] and, with options['bron'],
    recorded under another source key: so one file can add only what no other source has."""
    only = options.get("indicatoren")
    if only:
        unknown = sorted(set(only) - set(mapping.indicators))
        if unknown:
            raise LoadError(path, f"de mapping {mapping.path.name} kent de indicator(en) "
                            + ", ".join(unknown) + " niet.", fix="Kies indicatoren uit de mapping.")
        mapping = replace(mapping, indicators={k: v for k, v in mapping.indicators.items()
                                               if k in set(only)})
    if options.get("bron"):
        mapping = replace(mapping, source=str(options["bron"]))
    return mapping


def _long_spec(path: Path, spec: dict | None) -> dict | None:
    if spec is None:
        return None
    if not {"indicator_column", "value_column"} <= set(spec):
        raise LoadError(path, "[long] in de mapping mist indicator_column of value_column.",
                        fix="Zie data_loaders/mappings/README.md, 'Lange tabellen'.")
    return {k: textio.normalise_header(v) for k, v in spec.items()}


def read_long(path: Path, checksum: str, frame: pd.DataFrame, mapping: Mapping,
              options: dict) -> LoadBatch:
    """A long table (one row per area, indicator code and year): each mapping line picks the rows
    whose indicator column holds `column`; `share_of` / `per_1000_of` name another indicator code
    of the same area and year. `keep` and `exclude` filter rows first (excluded rows give a note),
    and options['jaren'] (a list of years) keeps only those years.
    """
    ind_col, val_col = mapping.long["indicator_column"], mapping.long["value_column"]
    textio.require_columns(path, frame, [c for c in (mapping.code_column, mapping.period_column,
                                                     ind_col, val_col) if c])
    frame = frame.assign(line=range(2, len(frame) + 2))  # header is line 1
    for column, allowed in (mapping.keep or {}).items():
        textio.require_columns(path, frame, [column])
        frame = frame[frame[column].str.strip().isin(allowed)]
    warnings = []
    for rule in mapping.exclude:
        hit = pd.Series(True, index=frame.index)
        for column, values in rule.items():
            if column != "note":
                hit &= frame[column].str.strip().isin([str(v) for v in values])
        if hit.any():
            warnings.append(f"{int(hit.sum())} regels niet geladen: {rule.get('note', '')}".strip())
        frame = frame[~hit]
    frame = frame[~frame[mapping.code_column].str.strip().str.upper().str.startswith("NL")]
    period = options.get("jaar") or mapping.period
    years_wanted = {int(y) for y in options.get("jaren", ())}
    values: dict[tuple[str, str, int], tuple[float | None, int]] = {}
    other_years = 0
    for record in frame.to_dict("records"):
        line = record["line"]
        code = textio.normalise_code(path, record[mapping.code_column], line, mapping.code_column)
        year = period
        if mapping.period_column:
            parsed = textio.parse_number(path, record[mapping.period_column][:4], line,
                                         mapping.period_column)
            year = int(parsed) if parsed is not None else None
        if year is None:
            raise LoadError(path, "het jaar ontbreekt.", row=line, column=mapping.period_column,
                            fix="Vul het jaar in of zet 'period' in de mapping.")
        if years_wanted and int(year) not in years_wanted:
            other_years += 1
            continue
        key = (code, record[ind_col].strip(), int(year))
        values[key] = (textio.parse_number(path, record[val_col], line, val_col), line)
    if other_years:
        warnings.append(f"{other_years} regels van andere jaren dan {min(years_wanted)}–"
                        f"{max(years_wanted)} niet geladen (gekozen bij het laden).")
    catalogue = indicator_catalogue.indicators().set_index("id")
    unknown = [i for i in mapping.indicators if i not in catalogue.index]
    if unknown:
        raise LoadError(path, f"de mapping {mapping.path.name} noemt onbekende indicatoren: "
                        + ", ".join(unknown) + ".", fix="Voeg ze toe aan de catalogus of verwijder ze.")
    areas, rows = {}, []
    for (code, code_in_file, year), (value, line) in values.items():
        for indicator_id, spec in mapping.indicators.items():
            if spec["column"] != code_in_file:
                continue
            base_code = spec.get("share_of") or spec.get("per_1000_of")
            if value is not None and base_code:
                base = values.get((code, base_code, year), (None, line))[0]
                value = value / base * (100 if "share_of" in spec else 1000) if base else None
            if value is not None and "scale" in spec:
                value *= float(spec["scale"])
            areas[code] = code
            rows.append((code, indicator_id, year, value, line, val_col))
    if not rows:
        raise LoadError(path, "het bestand bevat geen rijen voor de indicatoren van de mapping "
                        f"{mapping.path.name}.", fix="Controleer de indicatorcodes en filters.")
    obs = pd.DataFrame(rows, columns=["area_code", "indicator_id", "period", "value", "line",
                                      "column"])
    check_observations(path, obs, catalogue, mapping.period_column)
    obs = obs.assign(n=pd.NA, ci_low=None, ci_high=None, suppressed=obs["value"].isna())
    return LoadBatch(
        file=path, checksum=checksum, format=mapping.format, source=mapping.source,
        periods=sorted(obs["period"].unique().tolist()),
        areas=area_frame(areas, int(obs["period"].max())),
        observations=obs[OBSERVATION_COLUMNS], warnings=warnings,
    )
