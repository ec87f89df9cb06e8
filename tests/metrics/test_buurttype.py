"""Buurttype from a status score by quantile: fifths, ties, small groups, missing scores."""

from __future__ import annotations

import pandas as pd
import pytest

from metrics.buurttype import assign_by_quantile, quantile_rule_label


def status(values: list[float | None], gemeente: str = "GM1", start: int = 1) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_code": [f"BU{i}" for i in range(start, start + len(values))],
            "gemeente_code": gemeente,
            "value": values,
        }
    )


def types_of(frame: pd.DataFrame) -> list[str | None]:
    return [None if pd.isna(t) else t for t in frame["type"]]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # Ten buurten: mid-rank quantiles 0,05 0,15 ... 0,95; below 0,2 and above 0,8.
        (list(range(1, 11)), ["achterstand"] * 2 + ["midden"] * 6 + ["voorstand"] * 2),
        # Order does not matter, only the score.
        (
            [10, 1, 5, 2, 9, 3, 8, 4, 7, 6],
            [
                "voorstand",
                "achterstand",
                "midden",
                "achterstand",
                "voorstand",
                "midden",
                "midden",
                "midden",
                "midden",
                "midden",
            ],
        ),
        # A tie straddling the boundary: ranks 2 and 3 share 2,5 -> quantile 0,2, not below: midden.
        ([1, 2, 2, 4, 5, 6, 7, 8, 9, 10], ["achterstand"] + ["midden"] * 7 + ["voorstand"] * 2),
        # Five buurten: quantiles 0,1 0,3 0,5 0,7 0,9 -> one of each end.
        ([1, 2, 3, 4, 5], ["achterstand", "midden", "midden", "midden", "voorstand"]),
        # Four buurten: a fifth is less than one buurt, so all midden.
        ([1, 2, 3, 4], ["midden"] * 4),
        # A missing score is not labelled and not counted: five scored buurten remain.
        ([1, None, 2, 3, 4, 5], ["achterstand", None, "midden", "midden", "midden", "voorstand"]),
    ],
)
def test_the_lowest_and_highest_fifth_get_the_outer_types(
    values: list[float | None], expected: list[str | None]
) -> None:
    assert types_of(assign_by_quantile(status(values))) == expected


def test_within_the_gemeente_each_gemeente_has_its_own_fifths() -> None:
    frame = pd.concat([status([1, 2, 3, 4, 5], "GM1", 1), status([6, 7, 8, 9, 10], "GM2", 6)])
    within = types_of(assign_by_quantile(frame, within="gemeente"))
    nationwide = types_of(assign_by_quantile(frame, within="all"))
    assert within == ["achterstand", "midden", "midden", "midden", "voorstand"] * 2
    assert nationwide == ["achterstand"] * 2 + ["midden"] * 6 + ["voorstand"] * 2


def test_the_shares_can_be_changed() -> None:
    # low = high = 0,1 on ten buurten: only the lowest (0,05) and highest (0,95).
    out = assign_by_quantile(status(list(range(1, 11))), low=0.1, high=0.1)
    assert types_of(out) == ["achterstand"] + ["midden"] * 8 + ["voorstand"]
    assert out["quantile"].tolist() == pytest.approx([0.05 + 0.1 * i for i in range(10)])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"low": 0.6, "high": 0.6}, "samen hooguit 1"),
        ({"low": -0.1}, "tussen 0 en 1"),
        ({"within": "wijk"}, "within"),
    ],
)
def test_impossible_rules_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        assign_by_quantile(status([1, 2, 3, 4, 5]), **kwargs)


def test_the_rule_is_described_in_words() -> None:
    assert quantile_rule_label(0.2, 0.2, "gemeente") == (
        "Achterstandsbuurt: de laagste 20% van de buurten op sociaal-economische status, "
        "voorstandsbuurt: de hoogste 20%, middenstandsbuurt: de rest; binnen de eigen gemeente. "
        "Groepen met minder dan 5 buurten: alle middenstand."
    )
