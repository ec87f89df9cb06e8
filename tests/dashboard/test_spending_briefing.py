"""A corporation's briefing: its spending map and spending against change, with the caveat, in the
PDF, and only for whom may see the spending."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from dashboard import briefing

TODAY = dt.date(2026, 12, 6)
ORGANISATION = "Woonstichting Voorbeeld (fictief)"
BRIEF = briefing.Brief(gemeente="GM0202", nulmeting=2014, indicator="onveilig_buurt",
                               organisatie=ORGANISATION)


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_corporation_briefing_has_the_spending_map_and_the_change_with_the_caveat(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    text = text_of(briefing.generate_pdf(demo_db, BRIEF, TODAY))
    assert f"Uitgaven van {ORGANISATION} (synthetisch)" in text
    assert "per buurt, 2016–2024, in euro per woning per jaar" in text
    assert "125 of hoger" in text  # the fixed classes' legend
    assert "Een vergelijking, geen bewijs van effect." in text
    assert "de verandering van Voelt zich weleens onveilig in de buurt (%) van 2016 tot 2024" \
        in text


def test_the_briefing_in_english_says_the_caveat_in_english(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    from dataclasses import replace

    text = text_of(briefing.generate_pdf(demo_db, replace(BRIEF, taal="en"), TODAY))
    assert "A comparison, not proof of effect." in text
    assert "euro per dwelling per year" in text


def test_without_the_right_to_see_spending_the_briefing_has_no_spending_section(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUURTMONITOR_TOON_VERTROUWELIJK", raising=False)
    text = text_of(briefing.generate_pdf(demo_db, BRIEF, TODAY))
    assert "Uitgaven van" not in text and "per woning per jaar" not in text
    assert "Kernboodschap" in text  # the rest of the briefing is there
