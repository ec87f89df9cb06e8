"""A gemeente loaded from its own CBS figures gets the default buurttype rule (income per
inhabitant within the gemeente, as the demo build derives it), and a second gemeente's load
derives its own without touching the first one's labels."""

from __future__ import annotations

import csv
from pathlib import Path

from loader_testdata import MULTICITY, source_rows, table

from data_loaders import pipeline

RULE = "inkomen_gemeente_kwintiel"
LABELS = ("SELECT a.gemeente_code, b.area_code, b.period, b.type, b.basis_period, b.rule_label "
          "FROM buurttypes b JOIN areas a ON a.code = b.area_code WHERE b.rule = ? "
          "ORDER BY ALL")


def expected_types(rows: list[dict[str, str]]) -> dict[str, str]:
    """Per buurt its type read from the file itself: within each gemeente the buurten in order of
    income (then code) cut into five equal groups as far as they go (the first groups one
    larger), the lowest group achterstand, the highest voorstand."""
    by_gemeente: dict[str, list[tuple[float, str]]] = {}
    for row in rows:
        code = "BU" + row["gwb_code_10"]
        by_gemeente.setdefault(code[2:6], []).append((float(row["avg_income_per_capital"]), code))
    types = {}
    for buurten in by_gemeente.values():
        ranked = sorted(buurten)
        size, extra = divmod(len(ranked), 5)
        start = 0
        for group in range(5):
            end = start + size + (1 if group < extra else 0)
            for _, code in ranked[start:end]:
                types[code] = {0: "achterstand", 4: "voorstand"}.get(group, "midden")
            start = end
    return types


def subset(folder: Path, gemeente: str) -> Path:
    """The excerpt's rows of one gemeente (its CBS number, e.g. '0503'), lines unchanged."""
    with open(MULTICITY, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines(keepends=True)
    path = folder / f"kwb_{gemeente}.csv"
    path.write_text(lines[0] + "".join(line for line in lines[1:]
                                       if line.split(",")[2].strip('"').startswith(gemeente)),
                    encoding="utf-8")
    return path


def test_each_gemeente_loaded_from_its_figures_gets_income_buurttypes_within_itself(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [MULTICITY], how="test")
    labels = table(target, LABELS, [RULE])
    latest = labels[labels["period"] == labels["period"].max()]
    assert dict(zip(latest["area_code"], latest["type"], strict=True)) == expected_types(
        source_rows(MULTICITY, ","))
    assert set(latest["gemeente_code"]) == {"GM0202", "GM0362", "GM0503"}
    # the file's year (2020, from its mapping) is the basis and is named in the rule's text
    assert set(labels["basis_period"]) == {2020}
    assert labels["rule_label"].str.contains("(CBS, 2020)", regex=False).all()
    # one label per year up to the latest year of the figures, so every year has a type
    assert sorted(set(labels["period"])) == list(range(2014, 2021))
    # and the buurttype averages of that rule are stored for each of them and the country
    stored = table(target, "SELECT DISTINCT gemeente_code FROM agg_peers WHERE buurttype_rule = ?",
                   [RULE])
    assert set(stored["gemeente_code"]) == {"GM0202", "GM0362", "GM0503", "NL"}


def test_a_second_gemeente_derives_its_own_and_leaves_the_first_ones_labels(tmp_path):
    target = tmp_path / "db.duckdb"
    pipeline.load_paths(target, [subset(tmp_path, "0202")], how="test")
    arnhem = table(target, LABELS, [RULE])
    assert set(arnhem["gemeente_code"]) == {"GM0202"} and len(arnhem) == 8 * 7
    pipeline.load_paths(target, [subset(tmp_path, "0503")], how="test")
    both = table(target, LABELS, [RULE])
    assert both[both["gemeente_code"] == "GM0202"].reset_index(drop=True).equals(arnhem)
    delft = both[(both["gemeente_code"] == "GM0503") & (both["period"] == 2020)]
    rows = [r for r in source_rows(MULTICITY, ",") if r["gwb_code_10"].startswith("0503")]
    assert dict(zip(delft["area_code"], delft["type"], strict=True)) == expected_types(rows)
    # Delft's poorest buurt is an achterstandsbuurt in Delft, whatever Arnhem's incomes are
    poorest = "BU" + min(rows, key=lambda r: float(r["avg_income_per_capital"]))["gwb_code_10"]
    assert delft.set_index("area_code").loc[poorest, "type"] == "achterstand"


def test_a_gemeente_without_income_figures_gets_no_derived_buurttypes(tmp_path):
    target = tmp_path / "db.duckdb"
    figures = tmp_path / "inwoners.csv"
    with open(figures, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["gebiedscode", "indicator", "jaar", "waarde", "bron"])
        writer.writerow(["BU05031102", "inwoners", "2020", "1200", "cbs_kwb"])
    pipeline.load_paths(target, [figures], how="test")
    assert table(target, LABELS, [RULE]).empty
