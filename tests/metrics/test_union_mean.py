"""The mean of a union of buurttypes from their parts (aggregate.group_parts and union_mean)
equals weighted_mean over the union's own rows: for every filter choice, on the demo database
(weighted means, sums, unweighted means, suppressed and synthetic values) and on a small frame."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from metrics import aggregate

TYPES = ("achterstand", "midden", "voorstand")
CHOICES = [c for k in (1, 2, 3) for c in combinations(TYPES, k)]


def assert_union_equals_weighted_mean(obs, weights, type_of: pd.Series, catalogue) -> int:
    parts, sources = aggregate.group_parts(obs, weights, type_of, catalogue)
    compared = 0
    for choice in CHOICES:
        members = type_of.index[type_of.isin(choice)]
        want = aggregate.weighted_mean(obs[obs["area_code"].isin(members)], weights,
                                       pd.Series("selectie", index=members), catalogue)
        got = aggregate.union_mean(parts, sources, choice, len(members))
        assert_frame_equal(got, want, check_dtype=False, check_exact=False, rtol=1e-12,
                           obj=f"keuze {choice}")
        compared += len(want)
    return compared


def test_every_choice_on_the_demo_equals_weighted_mean(demo_db: Path) -> None:
    from data_loaders import db, reads, settings

    con = db.connect(demo_db, read_only=True)
    try:
        found = reads.gemeente_frames(con, "GM0202", "", settings.privacy())
    finally:
        con.close()
    latest = found.types.sort_values("period").drop_duplicates("area_code", keep="last")
    type_of = latest.set_index("area_code")["type"]
    weights = aggregate.population_weights(found.obs)
    compared = assert_union_equals_weighted_mean(found.obs, weights, type_of, found.catalogue)
    assert compared > 1000  # not vacuous: every indicator and year of seven choices


def test_sums_unweighted_means_and_suppressed_values_combine_as_weighted_mean() -> None:
    catalogue = pd.DataFrame({
        "id": ["pct", "count", "plain"], "aggregation": ["aandeel", "aantal", "gemiddelde"],
        "weight": ["inwoners", None, None]}).set_index("id", drop=False)
    rows = []
    for i, (code, _kind) in enumerate([("B1", "achterstand"), ("B2", "achterstand"),
                                      ("B3", "midden"), ("B4", "voorstand")]):
        for ind in catalogue.index:
            rows.append({"area_code": code, "indicator_id": ind, "period": 2024,
                         "value": float(i + 1), "n": 10.0 if i % 2 else None,
                         "suppressed": i == 2 and ind == "pct", "synthetic": i == 3,
                         "source": "a" if i < 2 else "b"})
    obs = pd.DataFrame(rows)
    # B2 has no weight: a weighted union leaves it out; an unweighted one counts every value.
    weights = pd.DataFrame({"area_code": ["B1", "B3", "B4"], "period": 2024,
                            "weight": [100.0, 50.0, 25.0]})
    type_of = pd.Series({"B1": "achterstand", "B2": "achterstand", "B3": "midden",
                         "B4": "voorstand"})
    assert assert_union_equals_weighted_mean(obs, weights, type_of, catalogue) > 0


@pytest.mark.parametrize("choice", [("midden",), ()])
def test_a_choice_without_rows_is_empty_as_weighted_mean_is(choice) -> None:
    catalogue = pd.DataFrame({"id": ["x"], "aggregation": ["gemiddelde"], "weight": [None]}
                             ).set_index("id", drop=False)
    obs = pd.DataFrame({"area_code": ["B1"], "indicator_id": ["x"], "period": [2024],
                        "value": [1.0]})
    parts, sources = aggregate.group_parts(obs, pd.DataFrame(), pd.Series({"B1": "voorstand"}),
                                           catalogue)
    assert aggregate.union_mean(parts, sources, choice, 0).empty
