"""Own data in tidy templates (CSV or XLSX, Dutch headers): survey results, buurttype lists,
spending, projects and goals. The same column lists make the downloadable blank templates.

Readers only; never touches the database.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_loaders import indicator_catalogue, mapped_table, textio
from data_loaders.batch import (
    BUURTTYPE_COLUMNS,
    GOAL_COLUMNS,
    OBSERVATION_COLUMNS,
    PROJECT_COLUMNS,
    SPENDING_COLUMNS,
    LoadBatch,
    LoadError,
)

# Template kind -> (required columns, optional columns, example row).
TEMPLATES: dict[str, tuple[list[str], list[str], dict[str, str]]] = {
    "waarnemingen": (
        ["gebiedscode", "indicator", "jaar", "waarde"],
        ["n", "ondergrens", "bovengrens", "bron"],
        {"gebiedscode": "BU02020100", "indicator": "onveilig_buurt", "jaar": "2024",
         "waarde": "23,5", "n": "112", "ondergrens": "16,6", "bovengrens": "32,1",
         "bron": "gemeentelijke_enquete"},
    ),
    "buurttypes": (
        ["gebiedscode", "buurttype", "bron"],
        ["jaar_van", "jaar_tot", "regel", "omschrijving"],
        {"gebiedscode": "WK020207", "buurttype": "achterstand", "bron": "gemeente_arnhem_lijst",
         "jaar_van": "2020", "jaar_tot": "2024", "regel": "gemeentelijke_lijst",
         "omschrijving": "Gemeentelijke lijst achterstandsgebieden"},
    ),
    "uitgaven": (
        ["organisatie", "gebiedscode", "jaar", "categorie", "bedrag_euro"],
        ["woningen", "bron"],
        {"organisatie": "Woonstichting Voorbeeld", "gebiedscode": "BU02020700", "jaar": "2024",
         "categorie": "schoon-heel-veilig", "bedrag_euro": "12500", "woningen": "420",
         "bron": "eigen_uitgaven"},
    ),
    "projecten": (
        ["project_id", "naam", "organisatie", "gebiedscodes", "start"],
        ["eind", "budget_euro", "thema", "output", "bron"],
        {"project_id": "P-001", "naam": "Buurttuin", "organisatie": "Gemeente",
         "gebiedscodes": "BU02020700 BU02020701", "start": "2023-03-01", "eind": "2024-12-31",
         "budget_euro": "40000", "thema": "contact", "output": "12 bijeenkomsten",
         "bron": "gemeentelijke_registratie"},
    ),
    "doelen": (
        ["gebiedscode", "indicator", "nulmeting_jaar", "nulmeting_waarde", "streefwaarde",
         "streefjaar"],
        ["organisatie", "bron"],
        {"gebiedscode": "WK020207", "indicator": "onveilig_buurt", "nulmeting_jaar": "2020",
         "nulmeting_waarde": "30", "streefwaarde": "25", "streefjaar": "2026",
         "organisatie": "Gemeente", "bron": "gemeentelijke_registratie"},
    ),
}
TYPE_WORDS = {
    "achterstand": "achterstand", "achterstandsbuurt": "achterstand",
    "midden": "midden", "middenstand": "midden", "middenstandsbuurt": "midden",
    "voorstand": "voorstand", "voorstandsbuurt": "voorstand",
}


def template_frame(kind: str) -> pd.DataFrame:
    """A one-row example of a template, for download."""
    required, optional, example = TEMPLATES[kind]
    return pd.DataFrame([{c: example.get(c, "") for c in required + optional}])


def kind_of(columns: list[str]) -> str | None:
    present = set(columns)
    for kind, (required, _, _) in TEMPLATES.items():
        if set(required) <= present:
            return kind
    return None


def detect(path: Path, head: str) -> bool:
    return kind_of([c.lower() for c in textio.header_names(head)]) is not None


def read(path: Path, checksum: str, options: dict) -> LoadBatch:
    frame = textio.read_table(path)
    frame.columns = [c.lower() for c in frame.columns]
    kind = kind_of(list(frame.columns))
    if kind is None:
        textio.require_columns(path, frame, TEMPLATES["waarnemingen"][0])
    for column in TEMPLATES[kind][1]:
        if column not in frame.columns:
            frame[column] = ""
    if frame.empty:
        raise LoadError(path, "het sjabloon bevat geen regels.", fix="Vul minstens één regel in.")
    source = _single_source(path, frame, options, kind)
    return {"waarnemingen": _observations, "buurttypes": _buurttypes, "uitgaven": _spending,
            "projecten": _projects, "doelen": _goals}[kind](path, checksum, frame, source)


def _single_source(path: Path, frame: pd.DataFrame, options: dict, kind: str) -> str:
    default = {"waarnemingen": "gemeentelijke_enquete", "buurttypes": "gemeentelijke_registratie",
               "uitgaven": "eigen_uitgaven", "projecten": "gemeentelijke_registratie",
               "doelen": "gemeentelijke_registratie"}[kind]
    values = set(frame["bron"].unique()) - {""} or {options.get("bron") or default}
    if len(values) > 1:
        raise LoadError(path, "het bestand noemt meer dan één bron: " + ", ".join(sorted(values))
                        + ".", column="bron", fix="Splits het bestand per bron.")
    return values.pop()


def _num(path: Path, frame: pd.DataFrame, column: str, *, required: bool) -> list[float | None]:
    out = []
    for index, text in enumerate(frame[column]):
        value = textio.parse_number(path, text, index + 2, column)
        if value is None and required:
            raise LoadError(path, "deze cel is leeg.", row=index + 2, column=column,
                            fix="Vul een getal in.")
        out.append(value)
    return out


def _codes(path: Path, frame: pd.DataFrame, column: str = "gebiedscode") -> list[str]:
    return [textio.normalise_code(path, t, i + 2, column) for i, t in enumerate(frame[column])]


def _years(path: Path, frame: pd.DataFrame, column: str, *, default: int | None = None
           ) -> list[int]:
    """A year column; an empty cell takes `default` (an error when there is none)."""
    years = []
    for i, value in enumerate(_num(path, frame, column, required=default is None)):
        if value is None:
            years.append(default)
            continue
        if value != int(value) or not 1900 <= value <= pd.Timestamp.now().year + 20:
            raise LoadError(path, f"'{frame[column].iloc[i]}' is geen geldig jaar.", row=i + 2,
                            column=column, fix="Schrijf het jaar als vier cijfers, bijvoorbeeld 2024.")
        years.append(int(value))
    return years


def _counts(path: Path, frame: pd.DataFrame, column: str) -> list[int | None]:
    """A column of whole numbers ≥ 0 (respondents, dwellings); empty cells stay empty."""
    out = []
    for i, value in enumerate(_num(path, frame, column, required=False)):
        if value is not None and (value < 0 or value != int(value)):
            raise LoadError(path, f"{column} = {frame[column].iloc[i]} is geen geldig aantal.",
                            row=i + 2, column=column, fix="Vul een heel getal ≥ 0 in.")
        out.append(None if value is None else int(value))
    return out


def _known_indicators(path: Path, frame: pd.DataFrame, catalogue: pd.DataFrame) -> None:
    for i, indicator in enumerate(frame["indicator"]):
        if indicator not in catalogue.index:
            raise LoadError(path, f"'{indicator[:40]}' is geen bekende indicator.", row=i + 2,
                            column="indicator",
                            fix="Gebruik een code uit de indicatorenlijst op 'Over de data'.")


def _observations(path: Path, checksum: str, frame: pd.DataFrame, source: str) -> LoadBatch:
    # Column-wise (a national file has millions of rows); bad cells are named as row by row.
    catalogue = indicator_catalogue.indicators().set_index("id")
    codes = textio.normalise_codes(path, frame["gebiedscode"], "gebiedscode")
    unknown = ~frame["indicator"].isin(catalogue.index)
    if unknown.any():
        i = int(unknown.to_numpy().argmax())
        raise LoadError(path, f"'{frame['indicator'].iloc[i][:40]}' is geen bekende indicator.",
                        row=i + 2, column="indicator",
                        fix="Gebruik een code uit de indicatorenlijst op 'Over de data'.")
    n = textio.parse_numbers(path, frame["n"], "n")
    bad_n = n.notna() & ((n < 0) | (n != n.round()))
    if bad_n.any():
        i = int(bad_n.to_numpy().argmax())
        raise LoadError(path, f"n = {frame['n'].iloc[i]} is geen geldig aantal.", row=i + 2,
                        column="n", fix="Vul het aantal respondenten in als heel getal ≥ 0.")
    obs = pd.DataFrame({
        # The text columns keep their Arrow strings (no round trip through Python objects).
        "area_code": codes.array, "indicator_id": frame["indicator"].array,
        "period": _year_array(path, frame, "jaar"),
        "value": textio.parse_numbers(path, frame["waarde"], "waarde").to_numpy(),
        "n": pd.array(n.to_numpy(), dtype="Int64"),
        "ci_low": textio.parse_numbers(path, frame["ondergrens"], "ondergrens").to_numpy(),
        "ci_high": textio.parse_numbers(path, frame["bovengrens"], "bovengrens").to_numpy(),
        "line": range(2, len(frame) + 2), "column": "waarde",
    })
    mapped_table.check_observations(path, obs, catalogue, "jaar")
    bad = obs[(obs["ci_low"] > obs["value"]) | (obs["ci_high"] < obs["value"])]
    if not bad.empty:
        raise LoadError(path, "de waarde ligt buiten haar eigen marge.", row=int(bad["line"].iloc[0]),
                        column="ondergrens", fix="Controleer ondergrens, waarde en bovengrens.")
    obs["suppressed"] = obs["value"].isna()
    names = {c: c for c in obs["area_code"].unique().tolist()}
    return LoadBatch(file=path, checksum=checksum, format="sjabloon_waarnemingen", source=source,
                     periods=sorted(int(p) for p in obs["period"].unique()),
                     areas=mapped_table.area_frame(names, int(obs["period"].max())),
                     observations=obs[OBSERVATION_COLUMNS])


def _year_array(path: Path, frame: pd.DataFrame, column: str) -> pd.Series:
    """_years for a whole column at once (same checks, same message for the first bad cell)."""
    values = textio.parse_numbers(path, frame[column], column)
    bad = values.isna() | (values != values.round()) | ~values.between(
        1900, pd.Timestamp.now().year + 20)
    if bad.any():
        _years(path, frame.iloc[: int(bad.to_numpy().argmax()) + 1], column)  # raises
    return values.astype(int).to_numpy()


def _buurttypes(path: Path, checksum: str, frame: pd.DataFrame, source: str) -> LoadBatch:
    codes = _codes(path, frame)
    types = []
    for i, word in enumerate(frame["buurttype"]):
        key = TYPE_WORDS.get(word.strip().lower())
        if key is None:
            raise LoadError(path, f"'{word[:30]}' is geen buurttype.", row=i + 2, column="buurttype",
                            fix="Gebruik achterstand, midden of voorstand.")
        types.append(key)
    start = _years(path, frame, "jaar_van", default=2014)
    end = _years(path, frame, "jaar_tot", default=pd.Timestamp.now().year)
    for i, (lo, hi) in enumerate(zip(start, end, strict=True)):
        if lo > hi:
            raise LoadError(path, f"jaar_van {lo} ligt na jaar_tot {hi}.", row=i + 2,
                            column="jaar_tot", fix="Verwissel de jaren of laat jaar_tot leeg.")
    rows = []
    for code, kind, lo, hi, rule, label in zip(codes, types, start, end, frame["regel"],
                                                frame["omschrijving"], strict=True):
        for year in range(lo, hi + 1):
            rows.append({"area_code": code, "period": year, "rule": rule or "gemeentelijke_lijst",
                         "type": kind, "basis_period": lo,
                         "rule_label": label or "Eigen lijst van de gemeente"})
    result = pd.DataFrame(rows)[BUURTTYPE_COLUMNS]
    # A wijk code stands for all its buurten; the pipeline expands it against the loaded areas.
    return LoadBatch(file=path, checksum=checksum, format="sjabloon_buurttypes", source=source,
                     periods=sorted(result["period"].unique().tolist()), buurttypes=result)


def _spending(path: Path, checksum: str, frame: pd.DataFrame, source: str) -> LoadBatch:
    amounts = _num(path, frame, "bedrag_euro", required=True)
    result = pd.DataFrame({
        "organisation": frame["organisatie"], "area_code": _codes(path, frame),
        "year": _years(path, frame, "jaar"), "category": frame["categorie"],
        "amount_eur": amounts,
        "dwellings": pd.array(_counts(path, frame, "woningen"), dtype="Int64"),
    })[SPENDING_COLUMNS]
    if (result["amount_eur"] < 0).any():
        line = int(result.index[result["amount_eur"] < 0][0]) + 2
        raise LoadError(path, "een bedrag is negatief.", row=line, column="bedrag_euro",
                        fix="Boek correcties als aparte, positieve bedragen in een eigen categorie.")
    return LoadBatch(file=path, checksum=checksum, format="sjabloon_uitgaven", source=source,
                     periods=sorted(result["year"].unique().tolist()), spending=result)


def _projects(path: Path, checksum: str, frame: pd.DataFrame, source: str) -> LoadBatch:
    empty = frame["project_id"] == ""
    if empty.any():
        raise LoadError(path, "een project heeft geen project_id.", row=int(empty.idxmax()) + 2,
                        column="project_id", fix="Geef elk project een eigen code, zoals P-001.")
    twice = frame["project_id"].duplicated()
    if twice.any():
        raise LoadError(path, f"project_id '{frame['project_id'][twice].iloc[0][:40]}' staat dubbel.",
                        row=int(twice.idxmax()) + 2, column="project_id",
                        fix="Geef elk project een eigen code.")
    for i, codes in enumerate(frame["gebiedscodes"]):
        for code in codes.split():
            textio.normalise_code(path, code, i + 2, "gebiedscodes")
    dates = {}
    for column in ("start", "eind"):
        parsed = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d", errors="coerce")
        bad = parsed.isna() & (frame[column] != "")
        if bad.any():
            raise LoadError(path, f"'{frame[column][bad].iloc[0]}' is geen datum.",
                            row=int(bad.idxmax()) + 2, column=column, fix="Schrijf JJJJ-MM-DD.")
        dates[column] = parsed.dt.date
    result = pd.DataFrame({
        "project_id": frame["project_id"], "name": frame["naam"], "organisation": frame["organisatie"],
        "area_codes": [" ".join(textio.normalise_code(path, c, 0, "gebiedscodes") for c in v.split())
                       for v in frame["gebiedscodes"]],
        "start_date": dates["start"], "end_date": dates["eind"],
        "budget_eur": _num(path, frame, "budget_euro", required=False),
        "theme": frame["thema"], "output": frame["output"],
    })[PROJECT_COLUMNS]
    if (result["budget_eur"] < 0).any():
        raise LoadError(path, "een budget is negatief.", row=int((result["budget_eur"] < 0).idxmax()) + 2,
                        column="budget_euro", fix="Vul het budget in als bedrag ≥ 0.")
    years = sorted({d.year for d in result["start_date"] if pd.notna(d)})
    return LoadBatch(file=path, checksum=checksum, format="sjabloon_projecten", source=source,
                     periods=years, projects=result)


def _goals(path: Path, checksum: str, frame: pd.DataFrame, source: str) -> LoadBatch:
    catalogue = indicator_catalogue.indicators().set_index("id")
    _known_indicators(path, frame, catalogue)
    result = pd.DataFrame({
        "area_code": _codes(path, frame), "indicator_id": frame["indicator"],
        "nulmeting_period": _years(path, frame, "nulmeting_jaar"),
        "nulmeting_value": _num(path, frame, "nulmeting_waarde", required=True),
        "target_value": _num(path, frame, "streefwaarde", required=True),
        "target_period": _years(path, frame, "streefjaar"),
        "organisation": frame["organisatie"].replace("", "Gemeente"),
    })[GOAL_COLUMNS]
    early = result["target_period"] < result["nulmeting_period"]
    if early.any():
        raise LoadError(path, "het streefjaar ligt vóór het jaar van de nulmeting.",
                        row=int(early.idxmax()) + 2, column="streefjaar",
                        fix="Controleer nulmeting_jaar en streefjaar.")
    # The same checks as for observations (one goal per area, indicator and nulmeting; nulmeting
    # not in the future; values within the indicator's range: a goal of 140% cannot be met).
    lines = range(2, len(result) + 2)
    for column, header in (("nulmeting_value", "nulmeting_waarde"), ("target_value", "streefwaarde")):
        values = pd.DataFrame({"area_code": result["area_code"],
                               "indicator_id": result["indicator_id"],
                               "period": result["nulmeting_period"], "value": result[column],
                               "line": lines, "column": header})
        mapped_table.check_observations(path, values, catalogue, "nulmeting_jaar")
    return LoadBatch(file=path, checksum=checksum, format="sjabloon_doelen", source=source,
                     periods=sorted(result["target_period"].unique().tolist()), goals=result)
