"""The pure signal rules: what counts as personal data, which step may follow which."""

from __future__ import annotations

import datetime as dt

import pytest

from werkdb import rules

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text", [
    "0612345678", "06 1234 5678", "+31 6 12345678", "0031612345678", "026-3771234",
    "026 377 12 34", "+32 470 12 34 56",
])
def test_phone_numbers_in_the_usual_notations_are_found(text: str) -> None:
    assert rules.privacy_problems(f"melder: {text}", TODAY) == [
        f"een telefoonnummer ('{text[:3]}…')"]


def test_only_numbers_that_pass_the_eleven_test_count_as_a_bsn() -> None:
    assert rules._is_bsn("111222333")  # noqa: SLF001 - 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3 = 69; 69-3 = 66
    assert not rules._is_bsn("123456789")  # noqa: SLF001
    assert rules.privacy_problems("nummer 1112.22.333", TODAY)
    assert rules.privacy_problems("nummer 123456789", TODAY) == []


@pytest.mark.parametrize("text", [
    "6828AB 12", "6828 AB nr 12", "Kerkstraat 12, 6828 AB Arnhem", "12a 6828AB",
])
def test_a_postcode_with_a_house_number_is_found(text: str) -> None:
    assert any("postcode met huisnummer" in p for p in rules.privacy_problems(text, TODAY))


@pytest.mark.parametrize("text", [
    "geboren 12-03-1980", "geb. 3 mrt 1951", "geboortedatum: 1975-06-01", "(14-02-1950)",
    "geboortejaar 1962",
])
def test_a_date_of_birth_is_found(text: str) -> None:
    assert any("geboortedatum" in p for p in rules.privacy_problems(text, TODAY))


@pytest.mark.parametrize("text", [
    "Sinds 2023 meer overlast bij het winkelcentrum; 12 meldingen in 2024 en 30 in 2025.",
    "Op 12-03-2026 is de speeltuin vernield; de schade was 4.500 euro.",
    "Postcodegebied 6828 heeft veel leegstand; 40% van de 1.200 woningen is van de corporatie.",
    "Bijeenkomst van 19.30 tot 21.00 uur, 25 bewoners, rapportcijfer 6,5.",
    "Project P-001 loopt van 2023-03-01 tot 2024-12-31.",
])
def test_ordinary_descriptions_of_a_buurt_pass(text: str) -> None:
    assert rules.privacy_problems(text, TODAY) == []


def test_the_next_steps_go_forward_only() -> None:
    current = {"step": "besproken", "signal_date": dt.date(2026, 11, 1)}
    moved = rules.next_step(current, "afgerond", "2026-11-10", "kerngroep", TODAY,
                            decision="geen actie", reason="Al opgelost")
    assert (moved["step"], moved["decision"], moved["step_date"]) == (
        "afgerond", "geen actie", dt.date(2026, 11, 10))
    with pytest.raises(rules.SignalRefused, match="kan naar 'in onderzoek' of 'afgerond'"):
        rules.next_step(current, "nieuw", "2026-11-10", "kerngroep", TODAY)


def test_a_date_in_the_future_is_refused() -> None:
    with pytest.raises(rules.SignalRefused, match="ligt in de toekomst"):
        rules.new_signal({"area_code": "BU02020100", "signal_date": "2027-01-01",
                          "theme": "veiligheid", "source_kind": "politie",
                          "description": "Meer inbraken", "urgency": "hoog"}, TODAY)


def test_closed_signals_are_archived_after_the_period() -> None:
    assert rules.archive_cutoff(TODAY, 30) == dt.date(2026, 11, 1)


def test_a_signal_without_an_area_asks_to_choose_one() -> None:
    with pytest.raises(rules.SignalRefused, match="Kies de buurt of wijk"):
        rules.new_signal({"area_code": "", "signal_date": "2026-11-01", "theme": "veiligheid",
                          "source_kind": "politie", "description": "Meer inbraken",
                          "urgency": "hoog"}, TODAY)
