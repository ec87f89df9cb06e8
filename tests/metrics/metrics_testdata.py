"""Small, hand-checkable frames for the metrics tests: a slice of the real catalogue, areas, rows.

The catalogue rows are copied from data_loaders/catalogue/indicators.csv (only the columns the
metrics read), so the tests do not change when an unrelated catalogue entry does.
"""

from __future__ import annotations

import math

import pandas as pd

NAN = math.nan

# fmt: off
_CATALOGUE = [
    # id, name, theme, unit, direction, kind, result, aggregation, weight, decimals, min, max
    ("lbm_score", "Leefbaarometerscore", "leefbaarheid", "score", "hoger_beter", "objectief", "outcome", "gemiddelde", "inwoners", 2, 2.5, 5.5),
    ("lbm_soc", "Leefbaarometer: sociale samenhang", "leefbaarheid", "afwijking (score)", "hoger_beter", "objectief", "outcome", "gemiddelde", "inwoners", 3, -1, 1),
    ("tevreden_woonomgeving", "Tevreden met de woonomgeving", "leefbaarheid", "%", "hoger_beter", "subjectief", "outcome", "aandeel", "inwoners", 1, 0, 100),
    ("rapportcijfer_buurt", "Rapportcijfer leefbaarheid buurt", "leefbaarheid", "cijfer (1-10)", "hoger_beter", "subjectief", "outcome", "gemiddelde", "inwoners", 1, 1, 10),
    ("onveilig_buurt", "Voelt zich weleens onveilig in de buurt", "veiligheid", "%", "lager_beter", "subjectief", "outcome", "aandeel", "inwoners", 1, 0, 100),
    ("overlast_score", "Ervaren sociale overlast", "veiligheid", "schaalscore (0-10)", "lager_beter", "subjectief", "outcome", "gemiddelde", "inwoners", 1, 0, 10),
    ("woninginbraak", "Geregistreerde woninginbraken", "veiligheid", "per 1.000 woningen", "lager_beter", "objectief", "outcome", "per_inwoners", "inwoners", 1, 0, 200),
    ("sociale_cohesie", "Sociale samenhang (schaalscore)", "contact", "schaalscore (0-10)", "hoger_beter", "subjectief", "outcome", "gemiddelde", "inwoners", 1, 0, 10),
    ("bewonersinitiatieven", "Gesteunde bewonersinitiatieven", "participatie", "aantal", "hoger_beter", "objectief", "output", "aantal", None, 0, 0, 500),
    ("inwoners", "Inwoners", "context", "aantal", "neutraal", "objectief", "context", "aantal", None, 0, 0, 1000000),
    ("laag_inkomen", "Huishoudens met een laag inkomen", "context", "% van de huishoudens", "lager_beter", "objectief", "context", "aandeel", "inwoners", 1, 0, 100),
    ("woningen_corporatie", "Woningen van een corporatie", "context", "% van de woningen", "neutraal", "objectief", "context", "aandeel", "inwoners", 1, 0, 100),
]
# fmt: on


def catalogue() -> pd.DataFrame:
    """The catalogue slice with an `id` column (as read from the CSV)."""
    return pd.DataFrame(
        _CATALOGUE,
        columns=[
            "id",
            "name",
            "theme",
            "unit",
            "direction",
            "kind",
            "result",
            "aggregation",
            "weight",
            "decimals",
            "min_value",
            "max_value",
        ],
    )


def areas() -> pd.DataFrame:
    """Gemeente GM1 with wijk WK1 (buurten BU1-BU3) and wijk WK2 (buurt BU4)."""
    return pd.DataFrame(
        [
            ("GM1", "Gemeente", "gemeente", None, "GM1"),
            ("WK1", "Wijk 1", "wijk", "GM1", "GM1"),
            ("WK2", "Wijk 2", "wijk", "GM1", "GM1"),
            ("BU1", "Buurt 1", "buurt", "WK1", "GM1"),
            ("BU2", "Buurt 2", "buurt", "WK1", "GM1"),
            ("BU3", "Buurt 3", "buurt", "WK1", "GM1"),
            ("BU4", "Buurt 4", "buurt", "WK2", "GM1"),
        ],
        columns=["code", "name", "level", "parent_code", "gemeente_code"],
    )


def obs(rows: list[tuple]) -> pd.DataFrame:
    """Tidy observations from tuples (area, indicator, period, value[, n[, ci_low, ci_high
    [, suppressed]]]); n is nullable Int64 as the database gives it."""
    records = []
    for row in rows:
        area, indicator, period, value, *rest = row
        n = rest[0] if len(rest) > 0 else None
        ci_low, ci_high = (rest[1], rest[2]) if len(rest) > 2 else (NAN, NAN)
        suppressed = rest[3] if len(rest) > 3 else False
        records.append(
            {
                "area_code": area,
                "indicator_id": indicator,
                "period": period,
                "value": NAN if value is None else float(value),
                "n": n,
                "ci_low": ci_low,
                "ci_high": ci_high,
                "suppressed": suppressed,
                "synthetic": False,
                "source": "test",
            }
        )
    frame = pd.DataFrame.from_records(records)
    frame["n"] = frame["n"].astype("Int64")
    return frame


def weights(rows: dict[str, float], period: int = 2024) -> pd.DataFrame:
    """Inhabitants per area, in one year."""
    return pd.DataFrame(
        {"area_code": list(rows), "period": period, "weight": [float(v) for v in rows.values()]}
    )


def buurttypes(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["area_code", "period", "type"])
