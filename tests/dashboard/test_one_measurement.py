"""A figure measured in one year only is never shown beside a 'nulmeting' of that same year: the
overview of the whole gemeente says it is one measurement (issue 20)."""

from __future__ import annotations

import pytest
from app_walk import query, run


@pytest.mark.usefixtures("app_env")
def test_a_figure_of_one_year_says_one_measurement_not_nulmeting(demo_db) -> None:
    # Geregistreerde misdrijven: one year in the demo (the police figures of 2023).
    years = query(demo_db, "SELECT DISTINCT period FROM observations WHERE indicator_id = "
                           "'misdrijven' ORDER BY period")["period"].tolist()
    assert len(years) == 1
    at = run("overzicht")
    assert not at.exception, at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith(f"Eén meting ({years[0]}); nog geen verandering.") for c in captions)
    assert not any(c.startswith(f"Nulmeting {years[0]}:") for c in captions)
