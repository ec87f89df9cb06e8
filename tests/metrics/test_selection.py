"""metrics.selection: the buurttype filter, wijk figures from buurten, the overview's number."""

from __future__ import annotations

import pandas as pd
import pytest

from metrics import selection

AREAS = pd.DataFrame({
    "code": ["WK01", "WK02", "BU011", "BU012", "BU021"],
    "level": ["wijk", "wijk", "buurt", "buurt", "buurt"],
    "parent_code": [None, None, "WK01", "WK01", "WK02"],
})
TYPES = pd.DataFrame({
    "area_code": ["BU011", "BU012", "BU012"],
    "period": [2020, 2018, 2022],
    "type": ["achterstand", "achterstand", "midden"],
})


def test_a_buurt_is_filtered_by_its_latest_buurttype() -> None:
    inside = selection.in_filter(AREAS, TYPES, "buurt", ("achterstand",))
    assert inside.to_dict() == {"BU011": True, "BU012": False, "BU021": False}


def test_a_wijk_is_inside_when_one_of_its_buurten_is() -> None:
    inside = selection.in_filter(AREAS, TYPES, "wijk", ("midden",))
    assert inside.to_dict() == {"WK01": True, "WK02": False}


def test_every_buurttype_chosen_keeps_unlabelled_buurten_in() -> None:
    inside = selection.in_filter(AREAS, TYPES, "buurt", selection.BUURTTYPES)
    assert inside.all() and "BU021" in inside.index


@pytest.mark.parametrize(("reference", "want"), [
    ("waarde", (8.0, "waarde")),
    ("verschil_gemeente", (2.0, "verschil_gemeente")),
    ("index_nulmeting", (200.0, "index_nulmeting")),
    ("zscore", (8.0, "waarde")),
])
def test_the_headline_number_follows_the_reference(reference: str, want: tuple) -> None:
    assert selection.headline_value(8.0, 6.0, 4.0, reference) == want


def test_no_index_without_a_positive_nulmeting() -> None:
    assert selection.headline_value(8.0, 6.0, 0.0, "index_nulmeting") == (None, "index_nulmeting")
    assert selection.headline_value(8.0, None, 4.0, "verschil_gemeente") == (None,
                                                                             "verschil_gemeente")
