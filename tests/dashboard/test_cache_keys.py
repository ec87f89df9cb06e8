"""The digest that keys cached tables and downloads: equal tables share it, different ones never."""

from __future__ import annotations

import pandas as pd

from dashboard.data import fingerprint


def _table(texts: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({"Code": ["BU1", "BU2"], "Waarde": [1.5, None]})
    return frame.assign(Weergave=pd.Series(texts, dtype=object), Jaar=2024)


def test_the_same_table_built_twice_has_the_same_digest() -> None:
    shared = "".join(["7,", "5"])
    one = _table([shared, shared])  # one text object twice
    other = _table(["".join(["7", ",5"]), "".join(["7,5", ""])])  # two equal objects
    assert one.equals(other)
    assert fingerprint(one) == fingerprint(other)
    # Built in another order, so pandas groups the columns differently in memory.
    rebuilt = pd.DataFrame({"Jaar": [2024, 2024], "Code": ["BU1", "BU2"]}).assign(
        Waarde=[1.5, None], Weergave=pd.Series(["7,5", "7,5"], dtype=object)
    )[list(one.columns)]
    assert fingerprint(rebuilt) == fingerprint(one)


def test_any_difference_gives_another_digest() -> None:
    base = _table(["7,5", "7,5"])
    changed_cell = _table(["7,5", "7,6"])
    changed_name = base.rename(columns={"Waarde": "Value"})
    changed_type = base.astype({"Jaar": "float64"})
    none_or_text = _table(["7,5", None]), _table(["7,5", "None"])
    digests = {fingerprint(f) for f in (base, changed_cell, changed_name, changed_type,
                                        *none_or_text)}
    assert len(digests) == 6
