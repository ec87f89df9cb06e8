"""The benchmark's data generator: scale, row count, valid values, and files the importer accepts."""

from __future__ import annotations

import json

import pandas as pd

from bench import dataset
from data_loaders import indicator_catalogue, pipeline


def test_a_smaller_scale_keeps_whole_gemeenten_of_the_national_file() -> None:
    topology = json.loads((dataset.FIXTURES / dataset.GEOMETRY[2][0]).read_text(encoding="utf-8"))
    everything = [g["properties"]["statcode"] for g in topology["objects"]["layer"]["geometries"]]
    assert len(everything) == 11_691  # all buurten of the Netherlands, indeling 2014
    codes = dataset.buurt_codes(0.01)
    gemeenten = {c[2:6] for c in codes}
    assert 1 <= len(gemeenten) <= 5
    assert sorted(codes) == sorted(c for c in everything if c[2:6] in gemeenten)
    assert dataset.buurt_codes(1.0) == sorted(everything)


def test_every_catalogue_indicator_gets_a_value_per_buurt_and_year() -> None:
    catalogue = indicator_catalogue.indicators().set_index("id")
    codes = ["BU00030000", "BU00030001", "BU00030002"]
    frame = dataset.observations(codes, years=(2023, 2024))
    assert len(catalogue) >= 40  # the national benchmark asks for at least 40 indicators
    assert len(frame) == 3 * len(catalogue) * 2
    assert set(frame["bron"]) == {"synthetisch_demo"}  # a source the app marks as synthetic
    bounds = catalogue.loc[frame["indicator"], ["min_value", "max_value"]].to_numpy(dtype=float)
    assert (frame["waarde"].to_numpy() >= bounds[:, 0]).all()
    assert (frame["waarde"].to_numpy() <= bounds[:, 1]).all()
    subjective = frame["indicator"].map(catalogue["kind"]) == "subjectief"
    assert frame.loc[subjective, "n"].notna().all() and frame.loc[~subjective, "n"].isna().all()


def test_the_generated_templates_load_through_the_template_importer(tmp_path) -> None:
    frame = dataset.observations(["BU00030000", "BU00030001"], years=(2022, 2023, 2024))
    paths = dataset.write_templates(frame, tmp_path)
    assert [p.name for p in paths] == [
        "waarnemingen_synthetisch_2022.csv",
        "waarnemingen_synthetisch_2023.csv",
        "waarnemingen_synthetisch_2024.csv",
    ]
    batch = pipeline.read_file(paths[-1])
    assert batch.format == "sjabloon_waarnemingen" and batch.periods == [2024]
    assert batch.rows == len(frame) // 3
    inwoners = batch.observations[batch.observations["indicator_id"] == "inwoners"]
    expected = frame[(frame["indicator"] == "inwoners") & (frame["jaar"] == 2024)]
    assert sorted(inwoners["value"]) == sorted(pd.to_numeric(expected["waarde"]))


def test_the_corporations_spending_loads_through_the_template_importer(tmp_path) -> None:
    codes = [f"BU0003{i:04d}" for i in range(40)] + [f"BU0004{i:04d}" for i in range(10)]
    frame = dataset.spending(codes)
    # Only buurten of the (at most three) largest gemeenten, every year, dwellings known.
    assert frame["gebiedscode"].str[2:6].isin(["0003", "0004"]).all()
    assert set(frame["jaar"]) == set(dataset.SPENDING_YEARS)
    assert (frame["woningen"] > 0).all() and (frame["bedrag_euro"] > 0).all()
    path = tmp_path / "uitgaven_synthetisch_meetbank.csv"
    frame.to_csv(path, index=False)
    batch = pipeline.read_file(path)
    assert batch.format == "sjabloon_uitgaven" and batch.rows == len(frame)


def test_several_load_rounds_report_the_round_with_the_median_ratio(tmp_path) -> None:
    from data_loaders import db

    target = tmp_path / "bench.duckdb"
    timing = dataset.build(target, tmp_path / "work", scale=0.002, say=lambda _: None, rounds=3)
    assert len(timing.ratios) == 3 and all(r > 1 for r in timing.ratios)
    # The returned round is the middle one of the three, not the first or the best.
    assert timing.total_s / timing.without_aggregates_s == sorted(timing.ratios)[1]
    # The database of the last round stays, loaded once (not three times over).
    con = db.connect(target)
    try:
        rows = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
    finally:
        con.close()
    assert rows == timing.rows > 0
