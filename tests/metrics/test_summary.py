"""What a summary leads with: real changes (tested before indicative) and gaps of a tenth or more."""

from __future__ import annotations

import pandas as pd
import pytest

from metrics import summary


def changes() -> pd.DataFrame:
    return pd.DataFrame({
        "indicator_id": ["a", "b", "c", "d", "e", "f"],
        "verdict": ["verbeterd", "verbeterd", "verslechterd", "geen wezenlijke verandering",
                    "veranderd", "verslechterd"],
        "indicatief": [True, False, False, False, False, False],
        "size": [5.0, 1.0, -0.5, 9.0, 9.0, -2.0],
    })


def test_only_improvements_and_declines_lead_never_no_change_or_neutral_changes() -> None:
    chosen = summary.notable_changes(changes())
    assert set(chosen["indicator_id"]) == {"a", "b", "c", "f"}


def test_a_tested_improvement_comes_before_a_larger_indicative_one() -> None:
    chosen = summary.notable_changes(changes())
    assert list(chosen.loc[chosen["verdict"] == "verbeterd", "indicator_id"]) == ["b", "a"]


def test_the_largest_decline_comes_first_and_the_list_is_capped() -> None:
    chosen = summary.notable_changes(changes(), max_items=1)
    assert list(chosen["indicator_id"]) == ["b", "f"]


@pytest.mark.parametrize(("value", "reference", "direction", "expected"), [
    (5.6, 2.1, "lager_beter", "ongunstiger"),  # burglaries well above the gemeente
    (5.6, 2.1, "hoger_beter", "gunstiger"),
    (2.2, 2.1, "lager_beter", ""),  # under a tenth: not worth a sentence
    (5.6, 2.1, "neutraal", ""),
    (1.0, 0.0, "hoger_beter", ""),  # no relative size against zero
    (None, 2.1, "hoger_beter", ""),
])
def test_a_gap_with_the_reference_is_named_by_its_direction(value, reference, direction,
                                                             expected) -> None:
    assert summary.gap_verdict(value, reference, direction) == expected
